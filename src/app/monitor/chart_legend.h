#pragma once
// A chart's legend as widgets under the chart: every entry with its whole name (Qt Charts' own
// legend elides names to "Ope..." when space is short; this one wraps onto more rows instead) and
// a check box per entry that hides or shows its series.

#include <QPen>
#include <QWidget>

class QCheckBox;
class QGridLayout;

namespace gw::app {

class ChartLegend : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        QString key;  // stable across redraws and filters ("vercel/ttft_p95")
        QString name; // shown
        QPen pen;     // the series' colour and line style
        bool visible = true;
        bool operator==(const Entry &) const = default;
    };

    explicit ChartLegend(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    QStringList names() const;
    QCheckBox *checkBox(const QString &key) const;

Q_SIGNALS:
    void visibilityToggled(const QString &key, bool visible);

private:
    QGridLayout *m_grid;
    QList<QCheckBox *> m_boxes;
    QList<Entry> m_entries;
};

} // namespace gw::app
