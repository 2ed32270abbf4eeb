#include "traffic_aggregate.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <tuple>
#include <unordered_map>

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

namespace {

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct PackedKey {
    qint64 minute;
    quint32 model;
    quint32 provider;
    quint8 gateway;
    quint8 cls;
    bool operator==(const PackedKey &) const = default;
};

struct PackedKeyHash {
    size_t operator()(const PackedKey &k) const
    {
        quint64 h = quint64(k.minute) * 0x9E3779B97F4A7C15ull;
        h ^= (quint64(k.model) << 32 | k.provider) * 0xC2B2AE3D27D4EB4Full;
        h ^= quint64(k.gateway) << 8 | k.cls;
        return size_t(h ^ (h >> 29));
    }
};

// The per-key usage row's key, interned like the bucket's.
struct PackedUsageKey {
    qint64 hour;
    quint32 model;
    quint32 user;
    quint32 task;
    quint8 gateway;
    bool operator==(const PackedUsageKey &) const = default;
};

struct PackedUsageKeyHash {
    size_t operator()(const PackedUsageKey &k) const
    {
        quint64 h = quint64(k.hour) * 0x9E3779B97F4A7C15ull;
        h ^= (quint64(k.model) << 32 | k.user) * 0xC2B2AE3D27D4EB4Full;
        h ^= (quint64(k.task) << 8 | k.gateway) * 0x165667B19E3779F9ull;
        return size_t(h ^ (h >> 29));
    }
};

struct UsageValues {
    quint64 requests = 0;
    quint64 errors = 0;
    quint64 fallbacks = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    quint64 cachedTokens = 0;
    quint64 reasoningTokens = 0;
    double costUsd = 0;
    quint64 costCount = 0;

    void add(const TrafficRecord &r)
    {
        ++requests;
        errors += r.errorClass != ErrorClass::None;
        fallbacks += r.fallback;
        promptTokens += quint64(r.promptTokens);
        completionTokens += quint64(r.completionTokens);
        cachedTokens += quint64(r.cachedTokens);
        reasoningTokens += quint64(r.reasoningTokens);
        if (r.costKind != TrafficCostKind::None) {
            costUsd += r.costUsd;
            ++costCount;
        }
    }
};

} // namespace

struct TrafficAggregator::Impl {
    std::unordered_map<std::string, quint32, StringHash, std::equal_to<>> ids;
    std::vector<std::string> names;
    std::unordered_map<PackedKey, TrafficBucketValues, PackedKeyHash> buckets;
    quint64 events = 0;
    // The last key's slot: consecutive lines often share a bucket.
    PackedKey lastKey{-1, 0, 0, 0, 0};
    TrafficBucketValues *last = nullptr;
    std::unordered_map<PackedUsageKey, UsageValues, PackedUsageKeyHash> usage;
    PackedUsageKey lastUsageKey{-1, 0, 0, 0, 0};
    UsageValues *lastUsage = nullptr;

    quint32 intern(std::string_view s)
    {
        const auto it = ids.find(s);
        if (it != ids.end())
            return it->second;
        const quint32 id = quint32(names.size());
        names.emplace_back(s);
        ids.emplace(names.back(), id);
        return id;
    }
};

TrafficAggregator::TrafficAggregator() : d(std::make_unique<Impl>()) {}
TrafficAggregator::~TrafficAggregator() = default;

void TrafficAggregator::add(const TrafficRecord &r)
{
    const PackedKey key{trafficBucketStart(r.tsMs, TrafficResolution::Minute), d->intern(r.model),
                        d->intern(r.provider), quint8(r.gateway), quint8(r.errorClass)};
    if (!d->last || !(key == d->lastKey)) {
        d->last = &d->buckets[key]; // references into unordered_map stay valid on rehash
        d->lastKey = key;
    }
    d->last->add(r);
    const PackedUsageKey usageKey{trafficBucketStart(r.tsMs, TrafficResolution::Hour), key.model, d->intern(r.user),
                                  d->intern(r.task), key.gateway};
    if (!d->lastUsage || !(usageKey == d->lastUsageKey)) {
        d->lastUsage = &d->usage[usageKey];
        d->lastUsageKey = usageKey;
    }
    d->lastUsage->add(r);
    ++d->events;
}

quint64 TrafficAggregator::events() const
{
    return d->events;
}

qsizetype TrafficAggregator::bucketCount() const
{
    return qsizetype(d->buckets.size());
}

void TrafficAggregator::clear()
{
    d = std::make_unique<Impl>();
}

size_t qHash(const TrafficBucketKey &k, size_t seed)
{
    return qHashMulti(seed, k.startMs, int(k.gateway), k.model, k.provider, k.statusClass);
}

namespace {

bool keyLess(const TrafficBucket &a, const TrafficBucket &b)
{
    const auto &x = a.key;
    const auto &y = b.key;
    if (x.startMs != y.startMs) return x.startMs < y.startMs;
    if (x.gateway != y.gateway) return x.gateway < y.gateway;
    if (x.model != y.model) return x.model < y.model;
    if (x.provider != y.provider) return x.provider < y.provider;
    return x.statusClass < y.statusClass;
}

} // namespace

QList<TrafficBucket> TrafficAggregator::minuteBuckets() const
{
    QList<QString> names;
    names.reserve(qsizetype(d->names.size()));
    for (const std::string &n : d->names)
        names << QString::fromUtf8(n.data(), qsizetype(n.size()));
    QList<QString> classes; // shared, not one string per bucket
    for (int c = 0; c <= int(ErrorClass::Protocol); ++c)
        classes << trafficStatusClassName(ErrorClass(c));
    QList<TrafficBucket> out;
    out.reserve(qsizetype(d->buckets.size()));
    for (const auto &[k, v] : d->buckets) {
        TrafficBucket b;
        b.key = {k.minute, Gateway(k.gateway), names[k.model], names[k.provider], classes.value(k.cls)};
        b.values = v;
        out << std::move(b);
    }
    std::sort(out.begin(), out.end(), keyLess);
    return out;
}

qsizetype TrafficAggregator::keyUsageCount() const
{
    return qsizetype(d->usage.size());
}

QList<TrafficKeyUsage> TrafficAggregator::keyUsage() const
{
    QList<QString> names;
    names.reserve(qsizetype(d->names.size()));
    for (const std::string &n : d->names)
        names << QString::fromUtf8(n.data(), qsizetype(n.size()));
    QList<TrafficKeyUsage> out;
    out.reserve(qsizetype(d->usage.size()));
    for (const auto &[k, v] : d->usage) {
        TrafficKeyUsage u;
        u.key = {k.hour, Gateway(k.gateway), names[k.model], names[k.user], names[k.task]};
        u.requests = v.requests;
        u.errors = v.errors;
        u.fallbacks = v.fallbacks;
        u.promptTokens = v.promptTokens;
        u.completionTokens = v.completionTokens;
        u.cachedTokens = v.cachedTokens;
        u.reasoningTokens = v.reasoningTokens;
        u.costUsd = v.costUsd;
        u.costCount = v.costCount;
        out << std::move(u);
    }
    std::sort(out.begin(), out.end(), [](const TrafficKeyUsage &a, const TrafficKeyUsage &b) {
        const auto &x = a.key;
        const auto &y = b.key;
        return std::tie(x.hourStartMs, x.gateway, x.model, x.user, x.task)
               < std::tie(y.hourStartMs, y.gateway, y.model, y.user, y.task);
    });
    return out;
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
    std::sort(out.begin(), out.end(), keyLess);
    return out;
}

} // namespace gw
