#include "monitor/monitor_chart_view.h"

// The error chart: readable with ten error classes. Error counts per interval stacked per class
// (summed over the gateways shown) on the left axis; each gateway's error rate per interval as a
// line on the right axis, drawn only for intervals with at least gw::kMinRequestsForRate
// requests (monitor/error_volume.h), so one failed request of one is no 100 % spike.

#include "common/number_format.h"
#include "monitor/chart_axes.h"
#include "monitor/chart_palette.h"
#include "monitor/decimate.h"
#include "monitor/error_volume.h"
#include "monitor/monitor_table_model.h"

#include "config/per_gateway.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTime>
#include <QLineSeries>
#include <QMap>

#include <cmath>

namespace gw::app {

void MonitorChartView::drawErrorClasses()
{
    const gw::SeriesTable &t = m_model->table();
    const qint64 span = std::max<qint64>(m_toMs - m_fromMs, m_bucketMs);
    const qint64 interval = gw::sumIntervalFor(span, std::max(1, m_drawnWidth / 2), m_bucketMs);
    const int count = int((span + interval - 1) / interval);
    m_intervalMs = interval;
    m_classSums.clear();
    m_gatewayErrors = {};
    m_gatewayRequests = {};

    // Counts per row: a rate times the requests it is a share of.
    const auto countsOf = [&](int rateColumn, int requestsColumn) {
        QList<QPointF> points;
        points.reserve(t.rowCount());
        for (int row = 0; row < t.rowCount(); ++row)
            points.append(
                QPointF(double(t.times[row]), std::round(t.values[row][rateColumn] * t.values[row][requestsColumn])));
        return gw::sumPerInterval(points, m_fromMs, interval, count);
    };
    QMap<QString, QList<QPointF>> classes; // sorted by class name
    for (int s = 0; s < t.series.size(); ++s) {
        const gw::SeriesId &id = t.series[s];
        if (!id.gateway || id.measure == u"requests")
            continue;
        const int g = gw::gatewayIndex(*id.gateway);
        const int requests = int(t.series.indexOf(gw::SeriesId{id.gateway, QStringLiteral("requests")}));
        if (requests < 0)
            continue;
        const QList<QPointF> sums = countsOf(s, requests);
        if (id.measure == u"all_errors") {
            m_gatewayErrors[size_t(g)] = sums;
            QList<QPointF> points;
            for (int row = 0; row < t.rowCount(); ++row)
                points.append(QPointF(double(t.times[row]), t.values[row][requests]));
            m_gatewayRequests[size_t(g)] = gw::sumPerInterval(points, m_fromMs, interval, count);
            continue;
        }
        QList<QPointF> &total = classes[id.measure];
        if (total.isEmpty())
            total = sums;
        else
            for (int i = 0; i < count; ++i)
                total[i].ry() += sums[i].y();
    }
    for (auto it = classes.cbegin(); it != classes.cend(); ++it)
        m_classSums.append({it.key(), it.value()});

    // Stacked class counts, hidden classes left out of the stack.
    QList<QList<QPointF>> stacked;
    double top = 0;
    for (const auto &[name, sums] : std::as_const(m_classSums)) {
        QList<QPointF> layer = sums;
        const bool hidden = m_hidden.contains(QStringLiteral("class/") + name);
        for (int i = 0; i < count; ++i)
            layer[i].setY((hidden ? 0.0 : layer[i].y()) + (stacked.isEmpty() ? 0.0 : stacked.last()[i].y()));
        for (const QPointF &p : std::as_const(layer))
            top = std::max(top, p.y());
        stacked.append(layer);
    }
    std::array<QList<QPointF>, 2> rates;
    double topRate = std::isnan(m_threshold) ? 0.0 : m_threshold;
    for (size_t g = 0; g < 2; ++g) {
        if (m_gatewayRequests[g].isEmpty())
            continue;
        for (const QPointF &p : gw::ratesWithMinimumVolume(m_gatewayErrors[g], m_gatewayRequests[g]))
            if (!std::isnan(p.y()))
                rates[g].append(p);
        for (const QPointF &p : std::as_const(rates[g]))
            topRate = std::max(topRate, p.y());
    }

    chart()->addAxis(makeTimeAxis(m_fromMs, m_toMs), Qt::AlignBottom);
    chart()->addAxis(
        makeValueAxis(gw::niceValueAxis(top, gw::AxisUnit::Count), tr("Errors per %1").arg(intervalText(interval))),
        Qt::AlignLeft);
    // The minimum-volume rule is in the note under the chart: in the axis title it was cut.
    QCategoryAxis *rateAxis = makeValueAxis(gw::niceValueAxis(topRate, gw::AxisUnit::Ratio), tr("Error rate"));
    chart()->addAxis(rateAxis, Qt::AlignRight);
    const auto onRateAxis = [&](QLineSeries *line) {
        chart()->addSeries(line);
        line->attachAxis(chart()->axes(Qt::Horizontal).first());
        line->attachAxis(rateAxis);
    };

    for (int c = 0; c < m_classSums.size(); ++c) {
        if (m_hidden.contains(QStringLiteral("class/") + m_classSums[c].first))
            continue;
        auto *upper = new QLineSeries;
        QLineSeries *lower = c > 0 ? new QLineSeries : nullptr;
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        if (lower)
            lower->setParent(area);
        area->setName(m_classSums[c].first);
        area->setPen(Qt::NoPen);
        area->setColor(errorClassColor(m_classSums[c].first));
        addAttached(area);
        upper->replace(stacked[c]);
        if (lower)
            lower->replace(stacked[c - 1]);
    }
    for (const gw::Gateway g : gw::kGateways) {
        const auto i = size_t(gw::gatewayIndex(g));
        if (m_gatewayRequests[i].isEmpty() || m_hidden.contains(gw::gatewayName(g) + QStringLiteral("/all_errors")))
            continue;
        auto *line = new QLineSeries;
        line->setName(tr("%1 error rate").arg(gw::gatewayDisplayName(g)));
        line->setPen(QPen(gatewayColor(g), 2.5));
        onRateAxis(line);
        line->replace(rates[i]);
    }
    if (!std::isnan(m_threshold) && !m_hidden.contains(QStringLiteral("threshold"))) {
        auto *line = new QLineSeries;
        line->setName(m_thresholdName);
        line->setPen(QPen(Qt::red, 1.5, Qt::DashLine));
        onRateAxis(line);
        line->replace({QPointF(double(m_fromMs), m_threshold), QPointF(double(m_toMs), m_threshold)});
    }
}

QString MonitorChartView::errorHoverText(double x) const
{
    if (m_intervalMs <= 0
        || (m_classSums.isEmpty() && m_gatewayRequests[0].isEmpty() && m_gatewayRequests[1].isEmpty()))
        return QString();
    const qsizetype count = std::max(m_gatewayRequests[0].size(), m_gatewayRequests[1].size());
    if (count == 0)
        return QString();
    const qsizetype i = std::clamp<qsizetype>(qsizetype((x - double(m_fromMs)) / double(m_intervalMs)), 0, count - 1);
    const qint64 start = m_fromMs + i * m_intervalMs;
    const auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    QStringList lines{tr("%1 – %2 UTC").arg(time(start), time(start + m_intervalMs))};
    for (const gw::Gateway g : gw::kGateways) {
        const auto gi = size_t(gw::gatewayIndex(g));
        if (m_gatewayRequests[gi].isEmpty())
            continue;
        const double requests = m_gatewayRequests[gi][i].y();
        const double errors = m_gatewayErrors[gi].value(i).y();
        if (requests >= gw::kMinRequestsForRate)
            lines.append(tr("%1: %2 % errors of %n request(s)", nullptr, int(requests))
                             .arg(gw::gatewayDisplayName(g), formatDecimal(100 * errors / requests, 1)));
        else
            lines.append(tr("%1: %2 error(s) of %n request(s), too few for a rate", nullptr, int(requests))
                             .arg(gw::gatewayDisplayName(g), formatCount(qint64(errors))));
    }
    for (const auto &[name, sums] : m_classSums)
        if (sums.value(i).y() > 0)
            lines.append(name + QStringLiteral(": ") + formatCount(qint64(sums[i].y())));
    return lines.join(QLatin1Char('\n'));
}

} // namespace gw::app
