#include "monitor/monitor_chart_view.h"

#include "monitor/decimate.h"
#include "monitor/monitor_table_model.h"

#include "config/config_io.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace gwapp {

namespace {

QString intervalText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes % (24 * 60) == 0)
        return MonitorChartView::tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
    if (minutes % 60 == 0)
        return MonitorChartView::tr("%n hour(s)", nullptr, int(minutes / 60));
    return MonitorChartView::tr("%n minute(s)", nullptr, int(minutes));
}

} // namespace

MonitorChartView::MonitorChartView(Kind kind, MonitorTableModel *model, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
    , m_model(model)
    , m_threshold(std::nan(""))
{
    setRenderHint(QPainter::Antialiasing, false); // thousands of segments: crisp and fast
    setMouseTracking(true);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    // Redecimate when the plot's width changes (queued: the chart is mid-layout here).
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (int(area.width()) == m_drawnWidth || m_redrawQueued)
            return;
        m_redrawQueued = true;
        QTimer::singleShot(0, this, &MonitorChartView::redraw);
    });
}

void MonitorChartView::setTimeRange(qint64 fromMs, qint64 toMs, qint64 bucketMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_bucketMs = bucketMs;
}

void MonitorChartView::setThreshold(double value, const QString &name)
{
    m_threshold = value;
    m_thresholdName = name;
}

int MonitorChartView::plotWidth() const
{
    const int area = int(chart()->plotArea().width());
    return area >= 2 ? area : std::max(2, width() - 80); // before the first layout: an estimate
}

void MonitorChartView::redraw()
{
    m_redrawQueued = false;
    QChart *c = chart();
    c->removeAllSeries();
    const QList<QAbstractAxis *> axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_drawnWidth = plotWidth();
    if (m_model->table().isEmpty())
        return;
    QFont legendFont = font();
    if (m_model->table().series.size() > 5) // eight latency series: names fit in a smaller font
        legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart()->legend()->setFont(legendFont);
    switch (m_kind) {
    case Kind::StackedAmounts: drawStacked(); break;
    case Kind::Lines: drawLines(); break;
    case Kind::Bars: drawBars(); break;
    }
}

// Axes first, with their final ranges, and series attached while still empty: their points
// then go in with one replace(), so Qt Charts lays each series out once instead of once per
// axis attached and range set (that was most of a redraw's time).
void MonitorChartView::addTimeAxes(double top)
{
    auto *x = new QDateTimeAxis;
    x->setFormat(m_toMs - m_fromMs > 7 * 86400000LL ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd HH:mm"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs, Qt::UTC), QDateTime::fromMSecsSinceEpoch(m_toMs, Qt::UTC));
    x->setTickCount(6);
    auto *y = new QValueAxis;
    y->setTitleText(m_axisTitle);
    y->setRange(0, top > 0 ? top * 1.05 : 1);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
}

void MonitorChartView::addAttached(QAbstractSeries *series)
{
    chart()->addSeries(series);
    for (QAbstractAxis *axis : chart()->axes())
        series->attachAxis(axis);
}

void MonitorChartView::drawStacked()
{
    const gw::SeriesTable &t = m_model->table();
    const qint64 span = std::max<qint64>(m_toMs - m_fromMs, m_bucketMs);
    // One interval per two pixels: stacked areas cost far more to fill than lines to stroke,
    // and a cost step narrower than two pixels is not readable anyway.
    const qint64 interval = gw::sumIntervalFor(span, std::max(1, m_drawnWidth / 2), m_bucketMs);
    const int count = int((span + interval - 1) / interval);
    QList<QList<QPointF>> stacked; // per series: the running total up to and including it
    m_intervalSums.clear();
    m_intervalMs = interval;
    double top = 0;
    for (int s = 0; s < t.series.size(); ++s) {
        QList<QPointF> points;
        points.reserve(t.rowCount());
        for (int row = 0; row < t.rowCount(); ++row)
            points.append(QPointF(double(t.times[row]), t.values[row][s]));
        QList<QPointF> sums = gw::sumPerInterval(points, m_fromMs, interval, count);
        m_intervalSums.append(sums);
        for (int i = 0; i < count && s > 0; ++i)
            sums[i].ry() += stacked[s - 1][i].y();
        for (const QPointF &p : sums)
            top = std::max(top, p.y());
        stacked.append(sums);
    }
    m_axisTitle = tr("USD per %1").arg(intervalText(interval));
    addTimeAxes(top);
    for (int s = 0; s < t.series.size(); ++s) {
        auto *upper = new QLineSeries;
        QLineSeries *lower = s > 0 ? new QLineSeries : nullptr;
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        if (lower)
            lower->setParent(area);
        area->setName(m_model->seriesName(s));
        area->setPen(Qt::NoPen);
        // Reported cost in the gateway's colour, estimated in a light tint of it (a hatched
        // brush said the same but took 80 ms to paint over 30 days).
        const bool vercel = t.series[s].gateway == gw::Gateway::Vercel;
        const bool estimated = t.series[s].measure == u"estimated";
        area->setColor(vercel ? (estimated ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x33, 0x33, 0x33))
                              : (estimated ? QColor(0x9e, 0xca, 0xe1) : QColor(0x1f, 0x77, 0xb4)));
        addAttached(area);
        upper->replace(stacked[s]);
        if (lower)
            lower->replace(stacked[s - 1]);
    }
}

void MonitorChartView::drawLines()
{
    const gw::SeriesTable &t = m_model->table();
    QList<QList<QPointF>> lines;
    double top = std::isnan(m_threshold) ? 0.0 : m_threshold;
    for (int s = 0; s < t.series.size(); ++s) {
        QList<QPointF> points;
        points.reserve(t.rowCount());
        for (int row = 0; row < t.rowCount(); ++row)
            points.append(QPointF(double(t.times[row]), t.values[row][s]));
        lines.append(gw::decimateMinMax(points, double(m_fromMs), double(m_toMs), m_drawnWidth));
        for (const QPointF &p : std::as_const(lines.last()))
            top = std::max(top, p.y());
    }
    addTimeAxes(top);
    for (int s = 0; s < t.series.size(); ++s) {
        auto *line = new QLineSeries;
        line->setName(m_model->seriesName(s));
        addAttached(line);
        line->replace(lines[s]);
    }
    if (!std::isnan(m_threshold)) {
        auto *line = new QLineSeries;
        line->setName(m_thresholdName);
        line->setPen(QPen(Qt::red, 1.5, Qt::DashLine));
        addAttached(line);
        line->replace({QPointF(double(m_fromMs), m_threshold), QPointF(double(m_toMs), m_threshold)});
    }
}

void MonitorChartView::drawBars()
{
    const gw::SeriesTable &t = m_model->table();
    auto *bars = new QBarSeries;
    for (int s = 0; s < t.series.size(); ++s) {
        if (!m_barSeries.isEmpty() && !m_barSeries.contains(s))
            continue;
        auto *set = new QBarSet(m_model->seriesName(s));
        for (int row = 0; row < t.rowCount(); ++row)
            set->append(std::isnan(t.values[row][s]) ? 0.0 : t.values[row][s]);
        bars->append(set);
    }
    chart()->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(t.categories);
    auto *y = new QValueAxis;
    y->setTitleText(m_axisTitle);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
}

int MonitorChartView::maxSeriesPoints() const
{
    int most = 0;
    for (QAbstractSeries *s : chart()->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            most = std::max(most, int(area->upperSeries()->count()));
            if (area->lowerSeries())
                most = std::max(most, int(area->lowerSeries()->count()));
        } else if (auto *xy = qobject_cast<QXYSeries *>(s)) {
            most = std::max(most, int(xy->count()));
        } else if (auto *bars = qobject_cast<QBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets())
                most = std::max(most, int(set->count()));
        }
    }
    return most;
}

QString MonitorChartView::hoverTextAt(const QPointF &viewPos) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    if (chart()->series().isEmpty() || !chart()->plotArea().contains(inChart))
        return QString();
    const QPointF value = chart()->mapToValue(inChart);
    if (m_kind == Kind::StackedAmounts)
        return intervalHoverText(value.x());
    return m_model->hoverText(m_model->rowNearest(value.x()));
}

// A stacked chart shows sums per interval, so hovering shows those sums, not one bucket's.
QString MonitorChartView::intervalHoverText(double x) const
{
    if (m_intervalSums.isEmpty() || m_intervalMs <= 0)
        return QString();
    const auto count = m_intervalSums.first().size();
    const qsizetype i = std::clamp<qsizetype>(qsizetype((x - double(m_fromMs)) / double(m_intervalMs)), 0, count - 1);
    const qint64 start = m_fromMs + i * m_intervalMs;
    const auto time = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")); };
    QStringList lines{tr("%1 – %2 UTC").arg(time(start), time(start + m_intervalMs))};
    for (int s = 0; s < m_intervalSums.size(); ++s)
        lines.append(m_model->seriesName(s) + QStringLiteral(": ") + m_model->formatValue(m_intervalSums[s][i].y()));
    return lines.join(QLatin1Char('\n'));
}

void MonitorChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    m_hoverText = hoverTextAt(event->position());
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
}

bool MonitorChartView::exportPng(const QString &path, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!grab().toImage().save(&buffer, "PNG")) {
        *error = tr("Could not encode the chart as PNG");
        return false;
    }
    const gw::Outcome<bool> written = gw::writeFileAtomically(path, bytes);
    *error = written.error;
    return written.ok();
}

bool MonitorChartView::exportCsv(const QString &path, QString *error) const
{
    const gw::Outcome<bool> written = gw::writeFileAtomically(path, m_model->toCsv().toUtf8());
    *error = written.error;
    return written.ok();
}

} // namespace gwapp
