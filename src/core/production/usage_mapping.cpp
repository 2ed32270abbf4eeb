#include "production/usage_mapping.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace gw::production {

namespace {

constexpr qint64 kHourMs = 3600000;

qint64 floorHour(qint64 ms)
{
    return trafficBucketStart(ms, TrafficResolution::Hour);
}

std::map<int, quint64> binCounts(const LatencyHistogram &h)
{
    std::map<int, quint64> counts;
    const QByteArray blob = h.toBlob();
    const auto *p = reinterpret_cast<const unsigned char *>(blob.constData());
    for (qsizetype i = 0; i + 5 <= blob.size(); i += 5) {
        quint32 count = 0;
        for (int k = 0; k < 4; ++k)
            count |= quint32(p[i + 1 + k]) << (8 * k);
        counts[p[i]] += count;
    }
    return counts;
}

LatencyHistogram subtractHistogram(const LatencyHistogram &from, const LatencyHistogram &what)
{
    std::map<int, quint64> counts = binCounts(from);
    for (const auto &[bin, count] : binCounts(what))
        counts[bin] -= std::min(counts[bin], count);
    LatencyHistogram h;
    for (const auto &[bin, count] : counts)
        h.addBin(bin, count);
    return h;
}

quint64 minus(quint64 a, quint64 b)
{
    return a > b ? a - b : 0;
}

double minus(double a, double b)
{
    return std::max(0.0, a - b);
}

} // namespace

UsageWindow alignUsageWindow(qint64 fromMs, qint64 toMs)
{
    UsageWindow w;
    w.fromMs = floorHour(fromMs);
    w.toMs = floorHour(toMs) == toMs ? toMs : floorHour(toMs) + kHourMs;
    return w;
}

UsageWindow incrementalUsageWindow(std::optional<qint64> watermarkMs, qint64 nowMs, qint64 firstFromMs)
{
    const qint64 from = watermarkMs ? std::min(*watermarkMs, nowMs) - qint64(kLateRowsMinutes) * 60000 : firstFromMs;
    return alignUsageWindow(from, nowMs);
}

const QList<double> &latencyBinEdges()
{
    static const QList<double> edges = [] {
        QList<double> list;
        for (int bin = 1; bin < LatencyHistogram::kBins; ++bin) {
            // The smallest x with binFor(x) >= bin, near the nominal edge 2^((bin-1)/4).
            double x = std::exp2((bin - 1) / 4.0);
            while (LatencyHistogram::binFor(x) >= bin)
                x = std::nextafter(x, 0.0);
            while (LatencyHistogram::binFor(x) < bin)
                x = std::nextafter(x, HUGE_VAL);
            list << x;
        }
        return list;
    }();
    return edges;
}

QString latencyBinEdgesSql()
{
    QStringList parts;
    for (double edge : latencyBinEdges())
        parts << QString::number(edge, 'g', 17);
    return u"ARRAY["_qs + parts.join(u',') + u"]::float8[]"_qs;
}

void subtractBucketValues(TrafficBucketValues &from, const TrafficBucketValues &what)
{
    from.requests = minus(from.requests, what.requests);
    from.fallbacks = minus(from.fallbacks, what.fallbacks);
    from.freeRequests = minus(from.freeRequests, what.freeRequests);
    from.costReportedUsd = minus(from.costReportedUsd, what.costReportedUsd);
    from.costReportedCount = minus(from.costReportedCount, what.costReportedCount);
    from.costEstimatedUsd = minus(from.costEstimatedUsd, what.costEstimatedUsd);
    from.costEstimatedCount = minus(from.costEstimatedCount, what.costEstimatedCount);
    from.promptTokens = minus(from.promptTokens, what.promptTokens);
    from.completionTokens = minus(from.completionTokens, what.completionTokens);
    from.cachedTokens = minus(from.cachedTokens, what.cachedTokens);
    from.reasoningTokens = minus(from.reasoningTokens, what.reasoningTokens);
    from.latencyCount = minus(from.latencyCount, what.latencyCount);
    from.latencySumMs = minus(from.latencySumMs, what.latencySumMs);
    from.ttftCount = minus(from.ttftCount, what.ttftCount);
    from.ttftSumMs = minus(from.ttftSumMs, what.ttftSumMs);
    from.latency = subtractHistogram(from.latency, what.latency);
    from.ttft = subtractHistogram(from.ttft, what.ttft);
}

void subtractKeyUsage(TrafficKeyUsage &from, const TrafficKeyUsage &what)
{
    from.requests = minus(from.requests, what.requests);
    from.errors = minus(from.errors, what.errors);
    from.fallbacks = minus(from.fallbacks, what.fallbacks);
    from.promptTokens = minus(from.promptTokens, what.promptTokens);
    from.completionTokens = minus(from.completionTokens, what.completionTokens);
    from.cachedTokens = minus(from.cachedTokens, what.cachedTokens);
    from.reasoningTokens = minus(from.reasoningTokens, what.reasoningTokens);
    from.costUsd = minus(from.costUsd, what.costUsd);
    from.costCount = minus(from.costCount, what.costCount);
}

} // namespace gw::production
