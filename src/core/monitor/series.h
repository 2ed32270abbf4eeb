#pragma once
// The Monitor page's series as plain data, computed from traffic buckets (traffic/buckets.h)
// and key usage (traffic_key_usage.h): filter, choice of bucket resolution, one table per chart,
// and decimation to the plot's pixel width (monitor_decimate.h). No widgets: the app turns a
// table into chart series and table models, the benchmark times the same functions.
//
// Series carry stable ids (gateway + measure, e.g. "vercel" + "estimated"); display names are
// the app's business (translated there).

#include "catalog/catalog.h"
#include "traffic/buckets.h"
#include "traffic/key_usage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <optional>

namespace gw {

// Which buckets count. Times are UTC milliseconds; a bucket counts when its start is in
// [fromMs, toMs). Empty strings / no gateway: all.
struct MonitorFilter {
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
    std::optional<Gateway> gateway;
    QString model;
    QString provider;
    bool acceptsTime(qint64 ms) const { return ms >= fromMs && ms < toMs; }
    bool accepts(const TrafficBucketKey &key) const;
};

QList<TrafficBucket> filterBuckets(const QList<TrafficBucket> &buckets, const MonitorFilter &filter);

// The coarsest resolution that still gives a useful chart: minute buckets up to 3 days (4320
// points), hour buckets up to 90 days, then days. Fewer rows to read and to decimate.
TrafficResolution resolutionForSpan(qint64 spanMs);
qint64 resolutionMs(TrafficResolution resolution);

// What the filter combo boxes offer: every value present in the buckets, sorted.
struct MonitorDimensions {
    QStringList models;
    QStringList providers;
    qint64 firstMs = 0; // start of the oldest bucket; 0 with no buckets
    qint64 lastMs = 0;  // start of the newest bucket
};
MonitorDimensions monitorDimensions(const QList<TrafficBucket> &buckets);

struct SeriesId {
    std::optional<Gateway> gateway; // none: not per gateway (e.g. a threshold)
    QString measure;                // "reported", "estimated", "all_errors", "rate_limited", "ttft_p50", ...
    bool operator==(const SeriesId &) const = default;
};

// Column 0 is the time (UTC ms) or a category; then one value per series. NaN: no value (no
// requests in that bucket, or no price for a counterfactual).
struct SeriesTable {
    QList<SeriesId> series;
    QList<qint64> times;         // time rows; empty in a category table
    QStringList categories;      // category rows; empty in a time table
    QList<QList<double>> values; // values[row][series]
    qsizetype rowCount() const { return values.size(); }
    bool isEmpty() const { return values.isEmpty(); }
    bool isTimeTable() const { return categories.isEmpty(); }
};

// Cost per bucket start, per gateway, reported and estimated apart (USD; meant to be stacked).
// Series: for each gateway present, "reported" then "estimated".
SeriesTable costSeries(const QList<TrafficBucket> &buckets);

// Error rate (0..1) per bucket start and gateway: "all_errors" (any status class but "ok"), the
// request count it is a share of ("requests"), and one series per error class present. The
// rate's denominator is all requests of that gateway then.
SeriesTable errorRateSeries(const QList<TrafficBucket> &buckets);

// p50/p95 TTFT and latency (ms) per bucket start and gateway, from the merged histograms (within
// one histogram bin, ~19%, of the exact percentile). Series per gateway: "ttft_p50", "ttft_p95",
// "latency_p50", "latency_p95".
SeriesTable latencySeries(const QList<TrafficBucket> &buckets);

// Actual Vercel share (percent of requests served by Vercel) per hour against the share the
// config would have given the same requests. `routerAt` gives the router for an hour (the config
// live then, or the current draft); `ratesAt` the failover error rates for an hour (none: no
// failover boost). Series: "actual", "target", "requests" (the count both are shares of; no gateway).
using RouterAt = std::function<const Router &(qint64 hourStartMs)>;
using ErrorRatesAt = std::function<GatewayErrorRates(qint64 hourStartMs)>;
SeriesTable shareSeries(const QList<TrafficKeyUsage> &usage, const RouterAt &routerAt,
                        const ErrorRatesAt &ratesAt = {});

// Error rates over the failover window ending at `atMs` from minute buckets (requests in
// [atMs - window, atMs)); none for a gateway without requests in that window.
GatewayErrorRates errorRatesBefore(const QList<TrafficBucket> &minuteBuckets, qint64 atMs, int windowMinutes);

// Cost per million tokens (prompt + completion) per model, on each gateway, and the
// counterfactual: the same tokens at the other gateway's catalog price (Vercel id from the
// config's model table). Categories: models; series per gateway "actual" and "other_gateway"
// (the gateway of the series is the one that served the traffic). NaN when no tokens or no price.
struct CounterfactualPrices {
    const Catalog *openrouter = nullptr; // may be null: no counterfactual on that side
    const Catalog *vercel = nullptr;
    const RoutingConfig *config = nullptr; // for the Vercel ids
};
SeriesTable costPerMtokSeries(const QList<TrafficBucket> &buckets, const CounterfactualPrices &prices);

// Totals behind costPerMtokSeries, for the summary line: what each gateway's traffic cost and
// what it would have cost on the other one (only over models with a price there).
struct CounterfactualTotal {
    double actualUsd = 0;
    double otherGatewayUsd = 0;
    double actualUsdPriced = 0; // actual cost of the models that have a price on the other gateway
    quint64 requests = 0;
};
CounterfactualTotal counterfactualTotal(const QList<TrafficBucket> &buckets, Gateway served,
                                        const CounterfactualPrices &prices);

// Burn rate: cost per day of one gateway over the last `windowMs` of its recorded traffic,
// ending at the end of its newest bucket (not "now": logs are imported after the fact). The
// window is cut to the span the traffic covers (at least one bucket), so a two-hour log does not
// read as 1/84 of its real rate.
struct BurnRate {
    double usdPerDay = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0: no traffic
};
BurnRate burnRate(const QList<TrafficBucket> &buckets, Gateway gateway, qint64 windowMs);

struct Runway {
    std::optional<double> days; // none: no limit known, or no burn
    bool warn = false;          // balance used up, or runway under the threshold
};
Runway runwayFor(std::optional<double> remainingUsd, double burnUsdPerDay, double warnBelowDays);

} // namespace gw
