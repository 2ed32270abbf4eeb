#include "traffic/buckets.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace gw {

int LatencyHistogram::binFor(double ms)
{
    if (!(ms >= 1))
        return 0;
    const int b = 1 + int(std::floor(4 * std::log2(ms)));
    return std::min(b, kBins - 1);
}

double LatencyHistogram::binLowerMs(int bin)
{
    return bin <= 0 ? 0 : std::exp2((bin - 1) / 4.0);
}

double LatencyHistogram::binUpperMs(int bin)
{
    return bin <= 0 ? 1 : std::exp2(bin / 4.0);
}

void LatencyHistogram::addBin(int bin, quint64 count)
{
    if (count == 0 || bin < 0 || bin >= kBins)
        return;
    m_total += count;
    auto it = std::lower_bound(m_counts.begin(), m_counts.end(), bin,
                               [](const std::pair<quint8, quint32> &e, int b) { return e.first < b; });
    if (it != m_counts.end() && it->first == bin)
        it->second += quint32(count);
    else
        m_counts.insert(it, {quint8(bin), quint32(count)});
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (const auto &[bin, count] : other.m_counts)
        addBin(bin, count);
}

double LatencyHistogram::quantile(double q) const
{
    if (m_total == 0)
        return 0;
    const double rank = std::clamp(q, 0.0, 1.0) * double(m_total);
    quint64 seen = 0;
    for (const auto &[bin, count] : m_counts) {
        seen += count;
        if (double(seen) >= rank) {
            if (bin == 0)
                return 0.5;
            return std::sqrt(binLowerMs(bin) * binUpperMs(bin));
        }
    }
    return binUpperMs(m_counts.back().first);
}

QByteArray LatencyHistogram::toBlob() const
{
    QByteArray out(qsizetype(m_counts.size()) * 5, Qt::Uninitialized);
    char *p = out.data();
    for (const auto &[bin, count] : m_counts) {
        *p++ = char(bin);
        for (int i = 0; i < 4; ++i)
            *p++ = char((count >> (8 * i)) & 0xFF);
    }
    return out;
}

LatencyHistogram LatencyHistogram::fromBlob(const QByteArray &blob)
{
    LatencyHistogram h;
    const auto *p = reinterpret_cast<const unsigned char *>(blob.constData());
    for (qsizetype i = 0; i + 5 <= blob.size(); i += 5) {
        quint32 count = 0;
        for (int k = 0; k < 4; ++k)
            count |= quint32(p[i + 1 + k]) << (8 * k);
        h.addBin(p[i], count);
    }
    return h;
}

QString trafficResolutionName(TrafficResolution r)
{
    switch (r) {
    case TrafficResolution::Minute: return u"minute"_qs;
    case TrafficResolution::Hour: return u"hour"_qs;
    case TrafficResolution::Day: return u"day"_qs;
    }
    return QString();
}

std::optional<TrafficResolution> parseTrafficResolution(QStringView name)
{
    for (TrafficResolution r : {TrafficResolution::Minute, TrafficResolution::Hour, TrafficResolution::Day})
        if (name == trafficResolutionName(r))
            return r;
    return std::nullopt;
}

qint64 trafficBucketStart(qint64 tsMs, TrafficResolution r)
{
    const qint64 span = r == TrafficResolution::Minute ? 60000 : r == TrafficResolution::Hour ? 3600000 : 86400000;
    const qint64 q = tsMs / span - (tsMs % span < 0 ? 1 : 0); // floor for times before 1970
    return q * span;
}

QString trafficStatusClassName(ErrorClass cls)
{
    return cls == ErrorClass::None ? u"ok"_qs : errorClassName(cls);
}

void TrafficBucketValues::add(const TrafficRecord &r)
{
    ++requests;
    fallbacks += r.fallback;
    freeRequests += r.free;
    if (r.costKind == TrafficCostKind::Reported) {
        costReportedUsd += r.costUsd;
        ++costReportedCount;
    } else if (r.costKind == TrafficCostKind::Estimated) {
        costEstimatedUsd += r.costUsd;
        ++costEstimatedCount;
    }
    promptTokens += quint64(r.promptTokens);
    completionTokens += quint64(r.completionTokens);
    cachedTokens += quint64(r.cachedTokens);
    reasoningTokens += quint64(r.reasoningTokens);
    if (r.latencyMs >= 0) {
        ++latencyCount;
        latencySumMs += r.latencyMs;
        latencyMaxMs = std::max(latencyMaxMs, r.latencyMs);
        latency.add(r.latencyMs);
    }
    if (r.ttftMs >= 0) {
        ++ttftCount;
        ttftSumMs += r.ttftMs;
        ttftMaxMs = std::max(ttftMaxMs, r.ttftMs);
        ttft.add(r.ttftMs);
    }
}

void TrafficBucketValues::merge(const TrafficBucketValues &o)
{
    requests += o.requests;
    fallbacks += o.fallbacks;
    freeRequests += o.freeRequests;
    costReportedUsd += o.costReportedUsd;
    costReportedCount += o.costReportedCount;
    costEstimatedUsd += o.costEstimatedUsd;
    costEstimatedCount += o.costEstimatedCount;
    promptTokens += o.promptTokens;
    completionTokens += o.completionTokens;
    cachedTokens += o.cachedTokens;
    reasoningTokens += o.reasoningTokens;
    latencyCount += o.latencyCount;
    latencySumMs += o.latencySumMs;
    latencyMaxMs = std::max(latencyMaxMs, o.latencyMaxMs);
    ttftCount += o.ttftCount;
    ttftSumMs += o.ttftSumMs;
    ttftMaxMs = std::max(ttftMaxMs, o.ttftMaxMs);
    latency.merge(o.latency);
    ttft.merge(o.ttft);
}

size_t qHash(const TrafficBucketKey &k, size_t seed)
{
    return qHashMulti(seed, k.startMs, int(k.gateway), k.model, k.provider, k.statusClass);
}

bool trafficBucketKeyLess(const TrafficBucket &a, const TrafficBucket &b)
{
    const auto &x = a.key;
    const auto &y = b.key;
    if (x.startMs != y.startMs)
        return x.startMs < y.startMs;
    if (x.gateway != y.gateway)
        return x.gateway < y.gateway;
    if (x.model != y.model)
        return x.model < y.model;
    if (x.provider != y.provider)
        return x.provider < y.provider;
    return x.statusClass < y.statusClass;
}

QList<TrafficBucket> rollUpTraffic(const QList<TrafficBucket> &buckets, TrafficResolution to)
{
    // One hash lookup per input bucket; only the (far fewer) output buckets are copied and sorted.
    QHash<TrafficBucketKey, qsizetype> index;
    QList<TrafficBucket> out;
    for (const TrafficBucket &b : buckets) {
        TrafficBucketKey key = b.key;
        key.startMs = trafficBucketStart(b.key.startMs, to);
        const auto it = index.constFind(key);
        if (it != index.constEnd()) {
            out[*it].values.merge(b.values);
            continue;
        }
        index.insert(key, out.size());
        out << TrafficBucket{to, std::move(key), b.values};
    }
    std::sort(out.begin(), out.end(), trafficBucketKeyLess);
    return out;
}

} // namespace gw
