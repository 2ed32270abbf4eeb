#pragma once
// The time range a planner tab reads recorded traffic over: a few presets ending now, all that
// is recorded, or a custom UTC range. The Monitor page has no reusable range widget (yet), so the
// planner carries this small one.

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;

namespace gwapp {

class PlannerRangeSelector : public QWidget {
    Q_OBJECT
public:
    enum class Preset { LastDay, LastWeek, LastMonth, All, Custom };

    explicit PlannerRangeSelector(QWidget *parent = nullptr);

    Preset preset() const;
    void setPreset(Preset preset);
    void setCustomRange(const QDateTime &from, const QDateTime &to); // selects Custom
    // Invalid QDateTime: open at that end (All). Presets end at the current time.
    QDateTime from() const;
    QDateTime to() const;

Q_SIGNALS:
    void rangeChanged();

private:
    void updateCustomVisibility();

    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
};

} // namespace gwapp
