#pragma once
// One row of traffic_buckets: its column list, read from a query and bound to one, in the one
// column order, so that the readers (Monitor series) and the writers (the production usage pull)
// cannot disagree about a column.

#include "traffic/buckets.h"

class QSqlQuery;

namespace gw::store {

constexpr auto kTrafficBucketColumns =
    "resolution, start_ms, gateway, model, provider, status_class, requests, fallbacks, free_requests,"
    " cost_reported_usd, cost_reported_count, cost_estimated_usd, cost_estimated_count, prompt_tokens,"
    " completion_tokens, cached_tokens, reasoning_tokens, latency_count, latency_sum_ms, latency_max_ms,"
    " latency_hist, ttft_count, ttft_sum_ms, ttft_max_ms, ttft_hist";
constexpr int kTrafficBucketColumnCount = 25;

// The bucket in the current row of a query that selected kTrafficBucketColumns first.
TrafficBucket readBucket(const QSqlQuery &q);
// Binds the 25 values in kTrafficBucketColumns order (addBindValue).
void bindBucketRow(QSqlQuery &q, const TrafficBucket &b);

} // namespace gw::store
