#pragma once
// Production usage (microdollar_usage joined to microdollar_usage_metadata) into the history
// database, aggregated IN PostgreSQL: minute buckets (minute x gateway x model x provider x
// status, with latency histogram bin counts computed in SQL on LatencyHistogram's own bin edges)
// and hourly key usage (hour x gateway x model x user x task). Raw rows never leave the server.
//
// Mapping (docs/production.md): provider 'openrouter' / 'vercel' only (others are not ours to
// route); model = requested_model (else model); bucket provider = inference_provider; status
// class "error" when has_error, except user-BYOK rows, which count in volume but not as errors
// (production leaves them out of error rates); cost = microdollars / 1e6 as reported cost; the
// sticky key is session_id (task) else kilo_user_id (user); latency = metadata latency (seconds)
// in ms; no TTFT, reasoning tokens, fallbacks or finer error class exist there.
//
// Incremental: a watermark per source (host:port/db) in the history database. Each pull covers
// whole hours from the watermark less production::kLateRowsMinutes to now, and replaces what
// earlier pulls put in that window (never double counts). Everything is read in one
// REPEATABLE READ transaction first; only then is the history written, in one transaction: an
// error, a lost connection or a cancel leaves the history as it was.
//
// Threading: synchronous; run it on a worker thread with its own Database (or on HistoryStore's
// writer). `cancel` may be set from any thread; `progress` runs on the calling thread.

#include "database.h"
#include "pg_session.h"

#include <atomic>
#include <functional>

namespace gw::store {

struct UsagePullOptions {
    std::optional<QDateTime> from, to; // an explicit range (widened to whole hours); else incremental
    QDateTime now;                     // invalid: the current time
    int firstPullDays = 7;             // how far back the first incremental pull of a source goes
    // Phase ("minute buckets", "latency histograms", "key usage", "writing") and rows read so far.
    std::function<void(const QString &phase, qint64 rows)> progress;
    const std::atomic_bool *cancel = nullptr;
};

struct UsagePullResult {
    ProductionError error; // Cancelled, Connection, Timeout, Query; or Query naming the history file
    qint64 fromMs = 0, toMs = 0;
    qint64 rowsTransferred = 0; // aggregate rows read from PostgreSQL
    quint64 requests = 0;       // requests in the window
    double costUsd = 0;
    qint64 minuteBuckets = 0, keyUsageRows = 0;
    qint64 watermarkMs = 0;
};

UsagePullResult pullProductionUsage(const production::PgConnectionSpec &spec, Database &history,
                                    const UsagePullOptions &options = {}, const ProductionLinkOptions &link = {});

// For comparison only (bench_pull_usage, tests): the same window's raw rows streamed from
// PostgreSQL into our own aggregator, mapped the same way. Nothing is written.
struct NaiveUsagePull {
    ProductionError error;
    qint64 rowsTransferred = 0;
    QList<TrafficBucket> minuteBuckets;
    QList<TrafficKeyUsage> keyUsage;
};
NaiveUsagePull pullProductionUsageNaive(const production::PgConnectionSpec &spec, qint64 fromMs, qint64 toMs,
                                        const ProductionLinkOptions &link = {});

// The aggregated pull without writing (pullProductionUsage's first half).
struct AggregatedUsage {
    ProductionError error;
    qint64 rowsTransferred = 0;
    QList<TrafficBucket> minuteBuckets;
    QList<TrafficKeyUsage> keyUsage;
};
AggregatedUsage readProductionUsage(const production::PgConnectionSpec &spec, qint64 fromMs, qint64 toMs,
                                    const UsagePullOptions &options = {}, const ProductionLinkOptions &link = {});

} // namespace gw::store
