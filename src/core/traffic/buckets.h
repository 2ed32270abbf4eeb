#pragma once
// Traffic aggregated into time buckets per gateway x model x provider x status class, the form
// the Monitor reads and gwstore keeps. Minute buckets are built from records; hour and day
// buckets are roll-ups of minute buckets (every figure is a sum, a max or a histogram, so
// rolling up and merging repeated imports are exact).
//
// Latency and TTFT percentiles come from a compact histogram per bucket: fixed log-spaced bins,
// four per octave (each bin spans ~19%), so p50/p95 are within one bin of the exact value while
// a bucket stores a few bytes instead of every raw value.

#include "traffic/key_usage.h"
#include "traffic/record.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace gw {

class LatencyHistogram {
public:
    static constexpr int kBins = 72; // bin 0: < 1 ms; bin b: [2^((b-1)/4), 2^(b/4)) ms; last: above
    static int binFor(double ms);
    static double binLowerMs(int bin);
    static double binUpperMs(int bin);

    void add(double ms) { addBin(binFor(ms), 1); }
    void addBin(int bin, quint64 count);
    void merge(const LatencyHistogram &other);
    quint64 count() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }
    // The q-quantile (0..1) as the geometric middle of the bin it falls in; 0 when empty.
    double quantile(double q) const;

    // Sparse little-endian encoding: per non-empty bin one byte (bin) and four bytes (count).
    QByteArray toBlob() const;
    static LatencyHistogram fromBlob(const QByteArray &blob);

    bool operator==(const LatencyHistogram &o) const { return m_counts == o.m_counts; }

private:
    std::vector<std::pair<quint8, quint32>> m_counts; // sorted by bin, non-zero only
    quint64 m_total = 0;
};

enum class TrafficResolution { Minute, Hour, Day };
QString trafficResolutionName(TrafficResolution r); // "minute" | "hour" | "day"
std::optional<TrafficResolution> parseTrafficResolution(QStringView name);
qint64 trafficBucketStart(qint64 tsMs, TrafficResolution r); // UTC boundaries

// "ok" or the error class name ("rate_limited").
QString trafficStatusClassName(ErrorClass cls);

struct TrafficBucketKey {
    qint64 startMs = 0;
    Gateway gateway = Gateway::OpenRouter;
    QString model;
    QString provider;
    QString statusClass; // "ok" or an error class name
    bool operator==(const TrafficBucketKey &) const = default;
};
size_t qHash(const TrafficBucketKey &key, size_t seed = 0);

struct TrafficBucketValues {
    quint64 requests = 0;
    quint64 fallbacks = 0;
    quint64 freeRequests = 0;
    double costReportedUsd = 0;
    quint64 costReportedCount = 0;
    double costEstimatedUsd = 0;
    quint64 costEstimatedCount = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    quint64 cachedTokens = 0;
    quint64 reasoningTokens = 0;
    quint64 latencyCount = 0;
    double latencySumMs = 0;
    double latencyMaxMs = 0;
    quint64 ttftCount = 0;
    double ttftSumMs = 0;
    double ttftMaxMs = 0;
    LatencyHistogram latency;
    LatencyHistogram ttft;

    void add(const TrafficRecord &r);
    void merge(const TrafficBucketValues &o);
};

struct TrafficBucket {
    TrafficResolution resolution = TrafficResolution::Minute;
    TrafficBucketKey key;
    TrafficBucketValues values;
};
bool trafficBucketKeyLess(const TrafficBucket &a, const TrafficBucket &b); // by start, then the key

// Minute buckets (or finer) rolled up to `to`: same keys with the start truncated, values merged.
QList<TrafficBucket> rollUpTraffic(const QList<TrafficBucket> &buckets, TrafficResolution to);

} // namespace gw
