#pragma once
// The one range picker of the app (Monitor and Planner): presets that end now, all recorded
// traffic, or a custom UTC range; the rule itself is gwcore's (traffic/time_range.h).

#include "traffic/time_range.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;

namespace gw::app {

class TimeRangeSelector : public QWidget {
    Q_OBJECT
public:
    explicit TimeRangeSelector(QWidget *parent = nullptr);

    // The presets offered, in order, and the one selected (Custom is always offered last).
    void setPresets(const QList<gw::RangePreset> &presets, gw::RangePreset selected);
    gw::RangePreset preset() const;
    void setPreset(gw::RangePreset preset);
    void setCustomRange(const QDateTime &from, const QDateTime &to); // selects Custom
    QComboBox *presetCombo() const { return m_preset; }

    // The range selected, as of `nowMs` (presets end then).
    gw::TimeRange range(qint64 nowMs = QDateTime::currentMSecsSinceEpoch()) const;
    qint64 customFromMs() const;
    qint64 customToMs() const;
    // The same as QDateTime; invalid: open at that end (All).
    QDateTime from() const;
    QDateTime to() const;

    static QString presetName(gw::RangePreset preset);

Q_SIGNALS:
    void rangeChanged();

private:
    void updateCustomVisibility();

    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
};

} // namespace gw::app
