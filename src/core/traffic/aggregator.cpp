// TrafficAggregator: the per-event hot path of traffic ingestion (traffic/aggregator.h).
//
// Layout, chosen by profiling a million-event log: strings are interned to 32-bit ids; minute
// buckets and key usage rows live in block vectors found through one small index per minute
// (per hour for usage), which a time-ordered log keeps in cache; a bucket's latency and TTFT
// histograms are short linked lists of (bin, count) nodes in one shared block vector, so an
// event allocates nothing (a bucket holds ~3 events on average: a full 72-bin array per bucket
// would cost ~200 MB, a std::vector per histogram an allocation per new bucket). The public
// TrafficBucket / TrafficKeyUsage values are built only on export.
#include "traffic/aggregator.h"
#include "traffic/flat_index.h"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>

namespace gw {

using traffic_detail::BlockVector;
using traffic_detail::finishHash;
using traffic_detail::FlatIndex;
using traffic_detail::mixWord;
using traffic_detail::PeriodIndex;

namespace {

constexpr quint32 kNoNode = 0xFFFFFFFFu;

struct MinuteKey {
    qint64 minute;
    quint32 model;
    quint32 provider;
    quint8 gateway;
    quint8 cls;
    bool operator==(const MinuteKey &) const = default;
    quint32 hash() const
    {
        quint64 h = mixWord(0, quint64(minute));
        h = mixWord(h, quint64(model) << 32 | provider);
        return finishHash(mixWord(h, quint64(gateway) << 8 | cls));
    }
};

struct UsageKey {
    qint64 hour;
    quint32 model;
    quint32 user;
    quint32 task;
    quint8 gateway;
    bool operator==(const UsageKey &) const = default;
    quint32 hash() const
    {
        quint64 h = mixWord(0, quint64(hour));
        h = mixWord(h, quint64(model) << 32 | user);
        return finishHash(mixWord(h, quint64(task) << 8 | gateway));
    }
};

struct HistogramNode {
    quint32 count;
    quint32 next;
    quint8 bin;
};

// Counts are 32-bit: one import's minute bucket would need a log of terabytes to overflow one.
struct MinuteEntry {
    MinuteKey key{};
    quint32 latencyHead = kNoNode;
    quint32 ttftHead = kNoNode;
    quint32 requests = 0;
    quint32 fallbacks = 0;
    quint32 freeRequests = 0;
    quint32 costReportedCount = 0;
    quint32 costEstimatedCount = 0;
    quint32 latencyCount = 0;
    quint32 ttftCount = 0;
    quint64 tokens[4] = {}; // prompt, completion, cached, reasoning
    double costReportedUsd = 0;
    double costEstimatedUsd = 0;
    double latencySumMs = 0;
    double latencyMaxMs = 0;
    double ttftSumMs = 0;
    double ttftMaxMs = 0;
};

struct UsageSums {
    quint64 requests = 0;
    quint64 errors = 0;
    quint64 fallbacks = 0;
    quint64 tokens[4] = {}; // prompt, completion, cached, reasoning
    double costUsd = 0;
    quint64 costCount = 0;
};

struct UsageEntry {
    UsageKey key{};
    UsageSums sums;
};

// A direct-mapped cache of recent lookups in front of a FlatIndex: a hit costs one probe in
// this small array and one comparison with an entry that is itself recent. An entry left over
// from another key fails the comparison, so the cache never needs clearing.
class RecentCache {
public:
    struct Slot {
        quint32 hash = 0;
        quint32 index = kNoNode;
    };
    Slot &slot(quint32 hash) { return m_slots[(hash ^ (hash >> 16)) & (kSize - 1)]; }

private:
    static constexpr quint32 kSize = 4096;
    std::array<Slot, kSize> m_slots{};
};

} // namespace

struct TrafficAggregator::Impl {
    std::vector<std::string> names;
    FlatIndex nameIndex;
    RecentCache nameCache;
    BlockVector<MinuteEntry> minutes;
    PeriodIndex minuteIndex; // per minute
    BlockVector<UsageEntry> usage;
    PeriodIndex usageIndex; // per hour
    BlockVector<HistogramNode> nodes;
    quint64 events = 0;

    // Interned ids: user, task, model and provider ids repeat all over a log, so a small cache
    // of recent ones answers most lookups before the full table (which grows with the tasks).
    quint32 intern(std::string_view s)
    {
        const quint32 hash = traffic_detail::hashBytes(s);
        RecentCache::Slot &recent = nameCache.slot(hash);
        if (recent.index != kNoNode && recent.hash == hash && names[recent.index] == s)
            return recent.index;
        quint32 i = nameIndex.find(hash, [&](quint32 at) { return names[at] == s; });
        if (i == FlatIndex::kEmpty) {
            names.emplace_back(s);
            i = quint32(names.size() - 1);
            nameIndex.insert(hash, i);
        }
        recent = {hash, i};
        return i;
    }

    template <typename Entries, typename Key>
    static quint32 slot(Entries &entries, PeriodIndex &index, qint64 period, const Key &key)
    {
        FlatIndex &inPeriod = index.forPeriod(period);
        const quint32 hash = key.hash();
        const quint32 found = inPeriod.find(hash, [&](quint32 at) { return entries[at].key == key; });
        if (found != FlatIndex::kEmpty)
            return found;
        typename Entries::value_type entry;
        entry.key = key;
        const quint32 added = entries.push_back(entry);
        inPeriod.insert(hash, added);
        return added;
    }

    MinuteEntry &minute(const MinuteKey &key) { return minutes[slot(minutes, minuteIndex, key.minute, key)]; }
    UsageEntry &usageRow(const UsageKey &key) { return usage[slot(usage, usageIndex, key.hour, key)]; }

    void addToHistogram(quint32 &head, int bin, quint32 count)
    {
        for (quint32 n = head; n != kNoNode; n = nodes[n].next) {
            if (nodes[n].bin == bin) {
                nodes[n].count += count;
                return;
            }
        }
        nodes.push_back(HistogramNode{count, head, quint8(bin)});
        head = quint32(nodes.size() - 1);
    }

    LatencyHistogram exportHistogram(quint32 head) const
    {
        LatencyHistogram h;
        for (quint32 n = head; n != kNoNode; n = nodes[n].next)
            h.addBin(nodes[n].bin, nodes[n].count);
        return h;
    }

    std::vector<QString> exportNames() const
    {
        std::vector<QString> out;
        out.reserve(names.size());
        for (const std::string &n : names)
            out.push_back(QString::fromUtf8(n.data(), qsizetype(n.size())));
        return out;
    }
};

TrafficAggregator::TrafficAggregator() : d(std::make_unique<Impl>()) {}
TrafficAggregator::~TrafficAggregator() = default;

void TrafficAggregator::add(const TrafficRecord &r)
{
    const quint32 model = d->intern(r.model);
    const quint8 gateway = quint8(r.gateway);
    MinuteEntry &m = d->minute(MinuteKey{trafficBucketStart(r.tsMs, TrafficResolution::Minute), model,
                                         d->intern(r.provider), gateway, quint8(r.errorClass)});
    ++m.requests;
    m.fallbacks += r.fallback;
    m.freeRequests += r.free;
    if (r.costKind == TrafficCostKind::Reported) {
        m.costReportedUsd += r.costUsd;
        ++m.costReportedCount;
    } else if (r.costKind == TrafficCostKind::Estimated) {
        m.costEstimatedUsd += r.costUsd;
        ++m.costEstimatedCount;
    }
    const quint64 tokens[4] = {quint64(r.promptTokens), quint64(r.completionTokens), quint64(r.cachedTokens),
                               quint64(r.reasoningTokens)};
    for (int i = 0; i < 4; ++i)
        m.tokens[i] += tokens[i];
    if (r.latencyMs >= 0) {
        ++m.latencyCount;
        m.latencySumMs += r.latencyMs;
        m.latencyMaxMs = std::max(m.latencyMaxMs, r.latencyMs);
        d->addToHistogram(m.latencyHead, LatencyHistogram::binFor(r.latencyMs), 1);
    }
    if (r.ttftMs >= 0) {
        ++m.ttftCount;
        m.ttftSumMs += r.ttftMs;
        m.ttftMaxMs = std::max(m.ttftMaxMs, r.ttftMs);
        d->addToHistogram(m.ttftHead, LatencyHistogram::binFor(r.ttftMs), 1);
    }

    UsageSums &u = d->usageRow(UsageKey{trafficBucketStart(r.tsMs, TrafficResolution::Hour), model, d->intern(r.user),
                                        d->intern(r.task), gateway})
                       .sums;
    ++u.requests;
    u.errors += r.errorClass != ErrorClass::None;
    u.fallbacks += r.fallback;
    for (int i = 0; i < 4; ++i)
        u.tokens[i] += tokens[i];
    if (r.costKind != TrafficCostKind::None) {
        u.costUsd += r.costUsd;
        ++u.costCount;
    }
    ++d->events;
}

void TrafficAggregator::merge(const TrafficAggregator &other)
{
    const Impl &o = *other.d;
    std::vector<quint32> ids(o.names.size());
    for (size_t i = 0; i < o.names.size(); ++i)
        ids[i] = d->intern(o.names[i]);
    for (size_t e = 0; e < o.minutes.size(); ++e) {
        const MinuteEntry &theirs = o.minutes[e];
        MinuteKey key = theirs.key;
        key.model = ids[key.model];
        key.provider = ids[key.provider];
        MinuteEntry &m = d->minute(key);
        m.requests += theirs.requests;
        m.fallbacks += theirs.fallbacks;
        m.freeRequests += theirs.freeRequests;
        m.costReportedUsd += theirs.costReportedUsd;
        m.costReportedCount += theirs.costReportedCount;
        m.costEstimatedUsd += theirs.costEstimatedUsd;
        m.costEstimatedCount += theirs.costEstimatedCount;
        for (int i = 0; i < 4; ++i)
            m.tokens[i] += theirs.tokens[i];
        m.latencyCount += theirs.latencyCount;
        m.latencySumMs += theirs.latencySumMs;
        m.latencyMaxMs = std::max(m.latencyMaxMs, theirs.latencyMaxMs);
        m.ttftCount += theirs.ttftCount;
        m.ttftSumMs += theirs.ttftSumMs;
        m.ttftMaxMs = std::max(m.ttftMaxMs, theirs.ttftMaxMs);
        for (quint32 n = theirs.latencyHead; n != kNoNode; n = o.nodes[n].next)
            d->addToHistogram(m.latencyHead, o.nodes[n].bin, o.nodes[n].count);
        for (quint32 n = theirs.ttftHead; n != kNoNode; n = o.nodes[n].next)
            d->addToHistogram(m.ttftHead, o.nodes[n].bin, o.nodes[n].count);
    }
    for (size_t e = 0; e < o.usage.size(); ++e) {
        const UsageEntry &theirs = o.usage[e];
        UsageKey key = theirs.key;
        key.model = ids[key.model];
        key.user = ids[key.user];
        key.task = ids[key.task];
        UsageSums &u = d->usageRow(key).sums;
        u.requests += theirs.sums.requests;
        u.errors += theirs.sums.errors;
        u.fallbacks += theirs.sums.fallbacks;
        for (int i = 0; i < 4; ++i)
            u.tokens[i] += theirs.sums.tokens[i];
        u.costUsd += theirs.sums.costUsd;
        u.costCount += theirs.sums.costCount;
    }
    d->events += o.events;
}

quint64 TrafficAggregator::events() const
{
    return d->events;
}

qsizetype TrafficAggregator::bucketCount() const
{
    return qsizetype(d->minutes.size());
}

qsizetype TrafficAggregator::keyUsageCount() const
{
    return qsizetype(d->usage.size());
}

void TrafficAggregator::clear()
{
    d = std::make_unique<Impl>();
}

QList<TrafficBucket> TrafficAggregator::minuteBuckets() const
{
    const std::vector<QString> names = d->exportNames();
    QList<QString> classes; // shared, not one string per bucket
    for (int c = 0; c <= int(ErrorClass::Protocol); ++c)
        classes << trafficStatusClassName(ErrorClass(c));
    QList<TrafficBucket> out;
    out.reserve(qsizetype(d->minutes.size()));
    for (size_t e = 0; e < d->minutes.size(); ++e) {
        const MinuteEntry &m = d->minutes[e];
        TrafficBucket b;
        b.key = {m.key.minute, Gateway(m.key.gateway), names[m.key.model], names[m.key.provider],
                 classes.value(m.key.cls)};
        TrafficBucketValues &v = b.values;
        v.requests = m.requests;
        v.fallbacks = m.fallbacks;
        v.freeRequests = m.freeRequests;
        v.costReportedUsd = m.costReportedUsd;
        v.costReportedCount = m.costReportedCount;
        v.costEstimatedUsd = m.costEstimatedUsd;
        v.costEstimatedCount = m.costEstimatedCount;
        v.promptTokens = m.tokens[0];
        v.completionTokens = m.tokens[1];
        v.cachedTokens = m.tokens[2];
        v.reasoningTokens = m.tokens[3];
        v.latencyCount = m.latencyCount;
        v.latencySumMs = m.latencySumMs;
        v.latencyMaxMs = m.latencyMaxMs;
        v.latency = d->exportHistogram(m.latencyHead);
        v.ttftCount = m.ttftCount;
        v.ttftSumMs = m.ttftSumMs;
        v.ttftMaxMs = m.ttftMaxMs;
        v.ttft = d->exportHistogram(m.ttftHead);
        out << std::move(b);
    }
    std::sort(out.begin(), out.end(), trafficBucketKeyLess);
    return out;
}

QList<TrafficKeyUsage> TrafficAggregator::keyUsage() const
{
    const std::vector<QString> names = d->exportNames();
    QList<TrafficKeyUsage> out;
    out.reserve(qsizetype(d->usage.size()));
    for (size_t i = 0; i < d->usage.size(); ++i) {
        const UsageEntry &e = d->usage[i];
        TrafficKeyUsage u;
        u.key = {e.key.hour, Gateway(e.key.gateway), names[e.key.model], names[e.key.user], names[e.key.task]};
        u.requests = e.sums.requests;
        u.errors = e.sums.errors;
        u.fallbacks = e.sums.fallbacks;
        u.promptTokens = e.sums.tokens[0];
        u.completionTokens = e.sums.tokens[1];
        u.cachedTokens = e.sums.tokens[2];
        u.reasoningTokens = e.sums.tokens[3];
        u.costUsd = e.sums.costUsd;
        u.costCount = e.sums.costCount;
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

} // namespace gw
