#include "monitor/chart_legend.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QPainter>
#include <QPixmap>

namespace gw::app {

namespace {

constexpr int kColumns = 3;

// A short stretch of the series' line, in its colour and style.
QIcon swatch(const QPen &pen)
{
    QPixmap pixmap(22, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QPen shown = pen;
    shown.setWidthF(std::max(2.0, pen.widthF()));
    painter.setPen(shown);
    painter.drawLine(1, 6, 21, 6);
    return QIcon(pixmap);
}

} // namespace

ChartLegend::ChartLegend(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(2);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    if (entries == m_entries)
        return; // a redraw of the same series: no new widgets, no new layout
    m_entries = entries;
    qDeleteAll(m_boxes);
    m_boxes.clear();
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &e = entries[i];
        auto *box = new QCheckBox(e.name, this);
        box->setObjectName(e.key);
        box->setIcon(swatch(e.pen));
        box->setChecked(e.visible);
        box->setToolTip(tr("Show or hide this series"));
        connect(box, &QCheckBox::toggled, this, [this, i, key = e.key](bool on) {
            m_entries[i].visible = on; // what is shown now
            Q_EMIT visibilityToggled(key, on);
        });
        m_grid->addWidget(box, i / kColumns, i % kColumns);
        m_boxes.append(box);
    }
}

QStringList ChartLegend::names() const
{
    QStringList out;
    for (const QCheckBox *box : m_boxes)
        out.append(box->text());
    return out;
}

QCheckBox *ChartLegend::checkBox(const QString &key) const
{
    for (QCheckBox *box : m_boxes)
        if (box->objectName() == key)
            return box;
    return nullptr;
}

} // namespace gw::app
