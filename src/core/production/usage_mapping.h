#pragma once
// The pure part of pulling production usage (microdollar_usage + its metadata) into our traffic
// buckets: the pull window, the latency histogram's bin edges as SQL sees them, and replacing an
// earlier pull's contribution to a bucket by a newer one (subtracting what it added).

#include "traffic/buckets.h"
#include "traffic/key_usage.h"

#include <QString>

#include <optional>

namespace gw::production {

// Late rows (created_at in the past when they are inserted) are caught by re-pulling this many
// minutes before the watermark on every incremental pull (the window also starts on an hour).
constexpr int kLateRowsMinutes = 10;

// The one error class production's usage has (has_error): no finer class exists there. Our own
// classes (protocol/gateway_error.h) never use this name, so a bucket with it came from production.
inline constexpr QStringView kErrorStatusClass = u"error";

struct UsageWindow {
    qint64 fromMs = 0; // inclusive, on an hour boundary
    qint64 toMs = 0;   // exclusive, on an hour boundary
};
// [from, to) widened to whole hours: the hourly key usage of a window is then replaced whole.
UsageWindow alignUsageWindow(qint64 fromMs, qint64 toMs);
// The next incremental window: from the watermark less kLateRowsMinutes (or `firstFromMs` when
// nothing was pulled yet) to now, aligned.
UsageWindow incrementalUsageWindow(std::optional<qint64> watermarkMs, qint64 nowMs, qint64 firstFromMs);

// The lower edges of LatencyHistogram's bins 1..kBins-1 such that for every double x,
// LatencyHistogram::binFor(x) == the number of edges <= x (what PostgreSQL's
// width_bucket(x, edges) computes), found by probing binFor itself, so SQL and C++ agree on
// every value, boundaries included.
const QList<double> &latencyBinEdges();
// "ARRAY[1,1.189...,...]::float8[]" with every edge written exactly (17 significant digits).
QString latencyBinEdgesSql();

// `from` less `what`, figure by figure (never below zero). Maxima cannot be taken back: they stay.
void subtractBucketValues(TrafficBucketValues &from, const TrafficBucketValues &what);
void subtractKeyUsage(TrafficKeyUsage &from, const TrafficKeyUsage &what);

} // namespace gw::production
