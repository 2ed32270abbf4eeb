#include "monitor/monitor_chart_view.h"

#include "monitor/chart_axes.h"
#include "monitor/chart_legend.h"
#include "monitor/chart_palette.h"
#include "monitor/decimate.h"
#include "monitor/monitor_table_model.h"

#include "config/config_io.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QCategoryAxis>
#include <QCheckBox>
#include <QDateTime>
#include <QGraphicsLineItem>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <cmath>

namespace gw::app {

namespace {

constexpr int kWidthSlack = 12; // pixels

} // namespace

// "5 minute(s)", "1 hour(s)", "1 day(s)": the bucket a summed chart counts per, for its axis title.
QString MonitorChartView::intervalText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes % (24 * 60) == 0)
        return tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
    if (minutes % 60 == 0)
        return tr("%n hour(s)", nullptr, int(minutes / 60));
    return tr("%n minute(s)", nullptr, int(minutes));
}

MonitorChartView::MonitorChartView(Kind kind, MonitorTableModel *model, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
    , m_model(model)
    , m_threshold(std::nan(""))
    , m_crosshair(new QGraphicsLineItem(chart()))
    , m_crosshairMs(std::nan(""))
{
    setRenderHint(QPainter::Antialiasing, false); // thousands of segments: crisp and fast
    // Hover without a pressed button: the view's own flag does not reach its viewport, which is
    // the widget that receives the mouse.
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    m_crosshair->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
    m_crosshair->setZValue(100);
    m_crosshair->hide();
    chart()->legend()->hide(); // the ChartLegend under the chart: whole names, click to hide
    chart()->setMargins(QMargins(4, 4, 4, 4));
    // Redecimate when the plot's width changes (queued: the chart is mid-layout here).
    // A plot a few pixels wider than drawn keeps its points (never more than it is wide); a
    // narrower one, or a much wider one, is redrawn. Without that slack a redraw whose new tick
    // labels are a little wider or narrower could resize the plot back and forth for ever.
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        placeAnnotationLabels();
        const int width = int(area.width());
        const bool fits = width >= m_drawnWidth && width <= m_drawnWidth + kWidthSlack;
        if (fits || m_redrawQueued || m_kind == Kind::Bars) // bars do not depend on the width
            return;
        m_redrawQueued = true;
        QTimer::singleShot(0, this, &MonitorChartView::redraw);
    });
}

// The chart goes after this view's members: nothing it signals on the way may reach them (the
// annotation labels are its children and go with it).
MonitorChartView::~MonitorChartView()
{
    disconnect(chart(), nullptr, this, nullptr);
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
    m_annotationSeries.clear();
    m_drawnAnnotations.clear();
    placeAnnotationLabels(); // none: the old ones go
    const QList<QAbstractAxis *> axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_drawnWidth = plotWidth();
    m_classSums.clear();
    m_gatewayErrors = {};
    m_gatewayRequests = {};
    if (m_model->table().isEmpty()) {
        updateLegend();
        placeCrosshair();
        return;
    }
    switch (m_kind) {
    case Kind::StackedAmounts: drawStacked(); break;
    case Kind::ErrorClasses: drawErrorClasses(); break;
    case Kind::Lines: drawLines(); break;
    case Kind::Bars: drawBars(); break;
    }
    if (m_kind != Kind::Bars)
        drawAnnotations();
    updateLegend();
    placeCrosshair();
}

// Axes first, with their final ranges, and series attached while still empty: their points
// then go in with one replace(), so Qt Charts lays each series out once instead of once per
// axis attached and range set (that was most of a redraw's time).
void MonitorChartView::addTimeAxes(double top)
{
    chart()->addAxis(makeTimeAxis(m_fromMs, m_toMs), Qt::AlignBottom);
    addValueAxis(top);
}

void MonitorChartView::addValueAxis(double top)
{
    chart()->addAxis(makeValueAxis(gw::niceValueAxis(top, m_unit), m_axisTitle), Qt::AlignLeft);
}

// To the time (or category) axis and the first value axis; the error chart's rate axis is
// attached by hand.
void MonitorChartView::addAttached(QAbstractSeries *series)
{
    chart()->addSeries(series);
    for (const Qt::Orientation o : {Qt::Horizontal, Qt::Vertical})
        if (const QList<QAbstractAxis *> axes = chart()->axes(o); !axes.isEmpty())
            series->attachAxis(axes.first());
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
        if (isSeriesHidden(s)) // not stacked: the layers above close the gap
            for (QPointF &p : sums)
                p.setY(0);
        for (int i = 0; i < count && s > 0; ++i)
            sums[i].ry() += stacked[s - 1][i].y();
        for (const QPointF &p : sums)
            top = std::max(top, p.y());
        stacked.append(sums);
    }
    m_axisTitle = tr("Cost per %1").arg(intervalText(interval));
    addTimeAxes(top);
    for (int s = 0; s < t.series.size(); ++s) {
        if (isSeriesHidden(s))
            continue;
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
        area->setColor(seriesColor(t.series[s]));
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
        if (isDrawn(s)) {
            points.reserve(t.rowCount());
            for (int row = 0; row < t.rowCount(); ++row)
                points.append(QPointF(double(t.times[row]), t.values[row][s]));
        }
        lines.append(gw::decimateMinMax(points, double(m_fromMs), double(m_toMs), m_drawnWidth));
        for (const QPointF &p : std::as_const(lines.last()))
            top = std::max(top, p.y());
    }
    addTimeAxes(top);
    for (int s = 0; s < t.series.size(); ++s) {
        if (!isDrawn(s))
            continue;
        auto *line = new QLineSeries;
        line->setName(m_model->seriesName(s));
        line->setPen(seriesPen(t.series[s]));
        addAttached(line);
        line->replace(lines[s]);
    }
    if (!std::isnan(m_threshold) && !m_hidden.contains(QStringLiteral("threshold"))) {
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
    double top = 0;
    for (int s = 0; s < t.series.size(); ++s) {
        if ((!m_barSeries.isEmpty() && !m_barSeries.contains(s)) || isSeriesHidden(s))
            continue;
        auto *set = new QBarSet(m_model->seriesName(s));
        set->setColor(seriesColor(t.series[s]));
        set->setBorderColor(seriesColor(t.series[s]));
        for (int row = 0; row < t.rowCount(); ++row) {
            const double value = std::isnan(t.values[row][s]) ? 0.0 : t.values[row][s];
            set->append(value);
            top = std::max(top, value);
        }
        bars->append(set);
    }
    chart()->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(t.categories);
    chart()->addAxis(x, Qt::AlignBottom);
    addValueAxis(top);
    for (QAbstractAxis *axis : chart()->axes())
        bars->attachAxis(axis);
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
    if (m_kind == Kind::ErrorClasses)
        return errorHoverText(value.x());
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
    const auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    QStringList lines{tr("%1 – %2 UTC").arg(time(start), time(start + m_intervalMs))};
    for (int s = 0; s < m_intervalSums.size(); ++s)
        lines.append(m_model->seriesName(s) + QStringLiteral(": ") + m_model->formatValue(m_intervalSums[s][i].y()));
    return lines.join(QLatin1Char('\n'));
}

void MonitorChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    m_hoverText = hoverTextAt(event->position());
    double time = std::nan("");
    if (m_kind != Kind::Bars && !m_hoverText.isEmpty())
        time = chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint()))).x();
    setCrosshair(time);
    Q_EMIT hoveredTime(time);
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
}

void MonitorChartView::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    setCrosshair(std::nan(""));
    Q_EMIT hoveredTime(std::nan(""));
}

// The chart under a band naming it, its range and its filters: a PNG passed around on its own
// still says what it shows. No crosshair in it: the instant hovered last means nothing there.
QImage MonitorChartView::exportImage()
{
    const bool crosshair = m_crosshair->isVisible();
    m_crosshair->hide();
    QImage chartImage = grab().toImage();
    m_crosshair->setVisible(crosshair);
    if (m_exportCaption.isEmpty())
        return chartImage;
    const qreal dpr = chartImage.devicePixelRatio();
    QFont font = this->font();
    const QFontMetrics metrics(font);
    const QStringList lines = m_exportCaption.split(QLatin1Char('\n'));
    const int band = int(lines.size()) * metrics.lineSpacing() + 12;
    QImage image(chartImage.width(), chartImage.height() + int(band * dpr), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (int i = 0; i < lines.size(); ++i) {
        if (i == 0) {
            QFont bold = font;
            bold.setBold(true);
            painter.setFont(bold);
        } else {
            painter.setFont(font);
        }
        painter.drawText(QPointF(8, 6 + metrics.ascent() + i * metrics.lineSpacing()), lines[i]);
    }
    painter.drawImage(QPointF(0, band), chartImage);
    painter.end();
    return image;
}

bool MonitorChartView::exportPng(const QString &path, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!exportImage().save(&buffer, "PNG")) {
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

} // namespace gw::app
