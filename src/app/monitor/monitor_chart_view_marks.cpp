#include "monitor/monitor_chart_view.h"

// The marks a chart view draws over its series: the legend's hidden series, the shared crosshair
// and the annotation lines (exports, publishes, incident pins).

#include "monitor/chart_legend.h"
#include "monitor/chart_palette.h"
#include "monitor/monitor_table_model.h"

#include "config/per_gateway.h"

#include <QCategoryAxis>
#include <QCheckBox>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gw::app {

void MonitorChartView::setLegend(ChartLegend *legend)
{
    m_legend = legend;
    connect(legend, &ChartLegend::visibilityToggled, this, [this](const QString &key, bool visible) {
        if (visible)
            m_hidden.remove(key);
        else
            m_hidden.insert(key);
        // Queued: the legend is rebuilt by the redraw, and the check box that was clicked is
        // still delivering its signal here.
        if (!m_redrawQueued) {
            m_redrawQueued = true;
            QTimer::singleShot(0, this, &MonitorChartView::redraw);
        }
    });
}

QString MonitorChartView::seriesKey(int series) const
{
    const gw::SeriesId &id = m_model->table().series.value(series);
    return (id.gateway ? gw::gatewayName(*id.gateway) : QStringLiteral("all")) + QLatin1Char('/') + id.measure;
}

void MonitorChartView::setSeriesHidden(int series, bool hidden)
{
    if (!m_legend) {
        if (hidden)
            m_hidden.insert(seriesKey(series));
        else
            m_hidden.remove(seriesKey(series));
        redraw();
        return;
    }
    if (QCheckBox *box = m_legend->checkBox(seriesKey(series)))
        box->setChecked(!hidden); // through the legend, as a click would
}

bool MonitorChartView::isSeriesHidden(int series) const
{
    return m_hidden.contains(seriesKey(series));
}

bool MonitorChartView::isCount(int series) const
{
    return m_model->table().series.value(series).measure == u"requests";
}

bool MonitorChartView::isDrawn(int series) const
{
    return !isSeriesHidden(series) && !isCount(series);
}

void MonitorChartView::updateLegend()
{
    if (!m_legend)
        return;
    const gw::SeriesTable &t = m_model->table();
    QList<ChartLegend::Entry> entries;
    if (m_kind == Kind::ErrorClasses) {
        for (const gw::Gateway g : gw::kGateways) {
            const QString key = gw::gatewayName(g) + QStringLiteral("/all_errors");
            if (!m_gatewayRequests[size_t(gw::gatewayIndex(g))].isEmpty())
                entries.append({key, tr("%1 error rate").arg(gw::gatewayDisplayName(g)), QPen(gatewayColor(g), 2.5),
                                !m_hidden.contains(key)});
        }
        for (const auto &[name, sums] : std::as_const(m_classSums)) {
            const QString key = QStringLiteral("class/") + name;
            entries.append({key, name, QPen(errorClassColor(name), 6), !m_hidden.contains(key)});
        }
    }
    for (int s = 0; s < t.series.size() && m_kind != Kind::ErrorClasses; ++s) {
        if ((m_kind == Kind::Bars && !m_barSeries.isEmpty() && !m_barSeries.contains(s)) || isCount(s))
            continue;
        QPen pen = seriesPen(t.series[s]);
        if (m_kind != Kind::Lines) // areas and bars: a solid swatch of the fill
            pen = QPen(seriesColor(t.series[s]), 6);
        entries.append({seriesKey(s), m_model->seriesName(s), pen, !isSeriesHidden(s)});
    }
    if ((m_kind == Kind::Lines || m_kind == Kind::ErrorClasses) && !std::isnan(m_threshold)) {
        const QString key = QStringLiteral("threshold");
        entries.append({key, m_thresholdName, QPen(Qt::red, 1.5, Qt::DashLine), !m_hidden.contains(key)});
    }
    if (m_kind != Kind::Bars && !m_annotations.isEmpty()) {
        const QString key = QStringLiteral("annotations");
        entries.append({key, tr("Exports, publishes and incident pins"),
                        QPen(QColor(0x2c, 0xa0, 0x2c), 1.5, Qt::DashDotLine), !m_hidden.contains(key)});
    }
    m_legend->setEntries(entries);
}

namespace {

QStringList categoryLabels(const QList<QAbstractAxis *> &axes, Qt::Alignment side = {})
{
    for (QAbstractAxis *axis : axes)
        if (auto *category = qobject_cast<QCategoryAxis *>(axis); category && (!side || axis->alignment() == side))
            return category->categoriesLabels();
    return {};
}

} // namespace

QStringList MonitorChartView::valueTickLabels(Qt::Alignment side) const
{
    return categoryLabels(chart()->axes(Qt::Vertical), side);
}

QStringList MonitorChartView::timeTickLabels() const
{
    return categoryLabels(chart()->axes(Qt::Horizontal));
}

void MonitorChartView::setCrosshair(double timeMs)
{
    m_crosshairMs = timeMs;
    placeCrosshair();
}

void MonitorChartView::placeCrosshair()
{
    const QRectF plot = chart()->plotArea();
    if (std::isnan(m_crosshairMs) || m_kind == Kind::Bars || chart()->series().isEmpty()
        || m_crosshairMs < double(m_fromMs) || m_crosshairMs > double(m_toMs)) {
        m_crosshair->hide();
        return;
    }
    const double x = chart()->mapToPosition(QPointF(m_crosshairMs, 0)).x();
    m_crosshair->setLine(x, plot.top(), x, plot.bottom());
    m_crosshair->show();
}

bool MonitorChartView::crosshairShown() const
{
    return m_crosshair->isVisible();
}

double MonitorChartView::crosshairX() const
{
    return m_crosshair->line().x1();
}

void MonitorChartView::drawAnnotations()
{
    if (m_annotations.isEmpty() || m_hidden.contains(QStringLiteral("annotations")) || chart()->series().isEmpty())
        return;
    const QList<QAbstractAxis *> vertical = chart()->axes(Qt::Vertical);
    const auto *y = vertical.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(vertical.first());
    const double top = y ? y->max() : 1;
    for (const Annotation &a : std::as_const(m_annotations)) {
        if (a.atMs < m_fromMs || a.atMs > m_toMs)
            continue;
        auto *line = new QLineSeries;
        line->setName(a.label);
        line->setPen(a.pen);
        addAttached(line);
        line->replace({QPointF(double(a.atMs), 0), QPointF(double(a.atMs), top)});
        // The mark: a triangle at the top; its label is placed with the others (placeAnnotationLabels).
        auto *mark = new QScatterSeries;
        mark->setName(a.label);
        mark->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        mark->setMarkerSize(9);
        mark->setColor(a.pen.color());
        mark->setBorderColor(a.pen.color());
        addAttached(mark);
        mark->append(double(a.atMs), top);
        m_annotationSeries << line << mark;
        m_drawnAnnotations.append(a);
    }
    std::stable_sort(m_drawnAnnotations.begin(), m_drawnAnnotations.end(),
                     [](const Annotation &a, const Annotation &b) { return a.atMs < b.atMs; });
    placeAnnotationLabels();
}

namespace {

constexpr double kLabelOffset = 6; // pixels right of the mark's line
constexpr double kLabelGap = 4;    // the least space between two labels
constexpr double kLabelPadding = 6;

// Labels placed left to right at the top of the plot: one per mark, unless it would reach into
// the one before, then the two share a label. A label is kept inside the plot (shifted left at
// the right edge), which can make it reach back into the one before: those merge as well.
struct LabelGroup {
    QList<int> marks; // into the drawn annotations
    double left = 0;
    double width = 0;
    QString text;
    double right() const { return left + width; }
};

} // namespace

void MonitorChartView::placeAnnotationLabels()
{
    qDeleteAll(m_annotationLabels);
    m_annotationLabels.clear();
    const QRectF plot = chart()->plotArea();
    if (m_drawnAnnotations.isEmpty() || plot.width() < 2 || m_toMs <= m_fromMs)
        return;
    const QFontMetricsF metrics(font());
    const auto xOf = [&](qint64 ms) {
        return plot.left() + plot.width() * double(ms - m_fromMs) / double(m_toMs - m_fromMs);
    };
    const auto textFor = [&](const QList<int> &marks) {
        return marks.size() == 1 ? m_drawnAnnotations[marks.first()].label
                                 : tr("%n change(s)", nullptr, int(marks.size()));
    };
    const auto place = [&](LabelGroup &g) {
        g.text = textFor(g.marks);
        g.width = metrics.horizontalAdvance(g.text) + kLabelPadding;
        const double wanted = xOf(m_drawnAnnotations[g.marks.first()].atMs) + kLabelOffset;
        g.left = std::max(plot.left(), std::min(wanted, plot.right() - g.width));
    };
    QList<LabelGroup> groups;
    for (int i = 0; i < m_drawnAnnotations.size(); ++i) {
        const double x = xOf(m_drawnAnnotations[i].atMs) + kLabelOffset;
        if (!groups.isEmpty() && x < groups.last().right() + kLabelGap) {
            groups.last().marks.append(i);
            place(groups.last());
        } else {
            LabelGroup group;
            group.marks = {i};
            place(group);
            groups.append(group);
        }
        while (groups.size() >= 2 && groups.last().left < groups[groups.size() - 2].right() + kLabelGap) {
            groups[groups.size() - 2].marks += groups.last().marks;
            groups.removeLast();
            place(groups.last());
        }
    }
    const double height = metrics.height() + 2;
    for (const LabelGroup &g : std::as_const(groups)) {
        const Annotation &first = m_drawnAnnotations[g.marks.first()];
        QStringList tip;
        for (const int m : g.marks)
            tip.append(QDateTime::fromMSecsSinceEpoch(m_drawnAnnotations[m].atMs, Qt::UTC)
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       + QStringLiteral(" UTC  ") + m_drawnAnnotations[m].label);
        auto *box = new QGraphicsRectItem(0, 0, g.width, height, chart());
        box->setPen(Qt::NoPen);
        box->setBrush(QColor(255, 255, 255, 220));
        box->setZValue(90);
        box->setPos(g.left, plot.top() + 8);
        box->setToolTip(tip.join(QLatin1Char('\n')));
        box->setData(0, int(g.marks.size()));
        auto *text = new QGraphicsSimpleTextItem(g.text, box);
        text->setFont(font());
        text->setBrush(first.pen.color().darker(130));
        text->setPos(kLabelPadding / 2, 1);
        m_annotationLabels.append(box);
    }
}

QList<MonitorChartView::AnnotationLabel> MonitorChartView::annotationLabels() const
{
    QList<AnnotationLabel> out;
    for (const QGraphicsRectItem *box : m_annotationLabels) {
        const auto *text = static_cast<const QGraphicsSimpleTextItem *>(box->childItems().value(0));
        out.append({text ? text->text() : QString(), box->toolTip(), box->sceneBoundingRect(), box->data(0).toInt()});
    }
    return out;
}

QList<qint64> MonitorChartView::drawnAnnotationTimes() const
{
    QList<qint64> out;
    for (QAbstractSeries *s : m_annotationSeries)
        if (auto *line = qobject_cast<QLineSeries *>(s); line && line->count() == 2)
            out.append(qint64(line->at(0).x()));
    return out;
}

} // namespace gw::app
