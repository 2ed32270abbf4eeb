#include "usage_pull.h"

#include "production/usage_mapping.h"
#include "traffic/aggregator.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace gw::store {

namespace {

// The rows production routes between our two gateways, in [from, to).
const QString kFrom =
    u" FROM microdollar_usage u LEFT JOIN microdollar_usage_metadata m ON m.id = u.id"
    " WHERE u.provider IN ('openrouter', 'vercel')"
    " AND u.created_at >= to_timestamp(?::float8 / 1000) AND u.created_at < to_timestamp(?::float8 / 1000)"_qs;
const QString kMinute = u"(extract(epoch FROM date_trunc('minute', u.created_at)) * 1000)::bigint"_qs;
const QString kHour = u"(extract(epoch FROM date_trunc('hour', u.created_at)) * 1000)::bigint"_qs;
const QString kModel = u"coalesce(u.requested_model, u.model, '')"_qs;
// User-BYOK rows count in volume but never as errors (production's own error rate leaves them out).
const QString kFailed = u"(u.has_error AND NOT coalesce(m.is_user_byok, false))"_qs;
const QString kLatencyMs = u"(m.latency::float8 * 1000)"_qs;

Gateway gatewayOf(const QString &provider)
{
    return provider == u"vercel" ? Gateway::Vercel : Gateway::OpenRouter;
}

QString statusOf(bool failed)
{
    return failed ? production::kErrorStatusClass.toString() : u"ok"_qs;
}

bool cancelled(const UsagePullOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

ProductionError cancelError()
{
    return ProductionError::make(ProductionStatus::Cancelled, u"the usage pull was cancelled; nothing was written"_qs);
}

} // namespace

AggregatedUsage readProductionUsage(const production::PgConnectionSpec &spec, qint64 fromMs, qint64 toMs,
                                    const UsagePullOptions &options, const ProductionLinkOptions &link)
{
    AggregatedUsage r;
    PgSession session(spec, link);
    if (r.error = session.open(); !r.error.ok())
        return r;
    QSqlQuery q(session.db());
    q.setForwardOnly(true);
    // One snapshot for the three queries: the histograms and key usage add up to the buckets.
    if (r.error =
            session.exec(q, u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_qs, u"cannot begin reading usage"_qs);
        !r.error.ok())
        return r;
    const auto report = [&](const QString &phase) {
        if (options.progress)
            options.progress(phase, r.rowsTransferred);
    };
    // A cancel is seen between phases and every 4,096 rows read: the answer says so, nothing else.
    const auto stopped = [&] {
        if (!cancelled(options))
            return false;
        r.error = cancelError();
        return true;
    };
    const auto run = [&](const QString &sql, const QString &what) {
        q.prepare(sql);
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        r.error = session.exec(q, what);
        return r.error.ok();
    };

    report(u"minute buckets"_qs);
    if (!run(u"SELECT %1, u.provider, %2, coalesce(u.inference_provider, ''), %3, count(*), count(*) FILTER (WHERE "
             u"m.is_free),"
             " sum(u.cost), sum(u.input_tokens), sum(u.output_tokens), sum(u.cache_hit_tokens),"
             " count(*) FILTER (WHERE m.latency >= 0), coalesce(sum(%4) FILTER (WHERE m.latency >= 0), 0),"
             " coalesce(max(%4) FILTER (WHERE m.latency >= 0), 0)"_qs.arg(kMinute, kModel, kFailed, kLatencyMs)
                 + kFrom + u" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"_qs,
             u"cannot aggregate usage per minute"_qs))
        return r;
    QHash<TrafficBucketKey, qsizetype> index;
    while (q.next()) {
        TrafficBucket b;
        b.key = {q.value(0).toLongLong(), gatewayOf(q.value(1).toString()), q.value(2).toString(),
                 q.value(3).toString(), statusOf(q.value(4).toBool())};
        TrafficBucketValues &v = b.values;
        v.requests = quint64(q.value(5).toLongLong());
        v.freeRequests = quint64(q.value(6).toLongLong());
        v.costReportedUsd = q.value(7).toDouble() / 1e6;
        v.costReportedCount = v.requests;
        v.promptTokens = quint64(q.value(8).toLongLong());
        v.completionTokens = quint64(q.value(9).toLongLong());
        v.cachedTokens = quint64(q.value(10).toLongLong());
        v.latencyCount = quint64(q.value(11).toLongLong());
        v.latencySumMs = q.value(12).toDouble();
        v.latencyMaxMs = q.value(13).toDouble();
        index.insert(b.key, r.minuteBuckets.size());
        r.minuteBuckets << b;
        if (++r.rowsTransferred % 4096 == 0 && stopped())
            return r;
    }
    if (stopped())
        return r;

    report(u"latency histograms"_qs);
    if (!run(
            u"SELECT %1, u.provider, %2, coalesce(u.inference_provider, ''), %3, width_bucket(%4, %5), count(*)"_qs.arg(
                kMinute, kModel, kFailed, kLatencyMs, production::latencyBinEdgesSql())
                + kFrom + u" AND m.latency >= 0 GROUP BY 1, 2, 3, 4, 5, 6"_qs,
            u"cannot aggregate latency histograms"_qs))
        return r;
    while (q.next()) {
        const TrafficBucketKey key{q.value(0).toLongLong(), gatewayOf(q.value(1).toString()), q.value(2).toString(),
                                   q.value(3).toString(), statusOf(q.value(4).toBool())};
        if (const auto it = index.constFind(key); it != index.cend())
            r.minuteBuckets[*it].values.latency.addBin(q.value(5).toInt(), quint64(q.value(6).toLongLong()));
        if (++r.rowsTransferred % 4096 == 0 && stopped())
            return r;
    }
    if (stopped())
        return r;

    report(u"key usage"_qs);
    if (!run(u"SELECT %1, u.provider, %2, u.kilo_user_id, coalesce(m.session_id, ''), count(*), count(*) FILTER (WHERE "
             u"%3),"
             " sum(u.input_tokens), sum(u.output_tokens), sum(u.cache_hit_tokens), sum(u.cost)"_qs.arg(kHour, kModel,
                                                                                                       kFailed)
                 + kFrom + u" GROUP BY 1, 2, 3, 4, 5"_qs,
             u"cannot aggregate key usage"_qs))
        return r;
    while (q.next()) {
        TrafficKeyUsage k;
        k.key = {q.value(0).toLongLong(), gatewayOf(q.value(1).toString()), q.value(2).toString(),
                 q.value(3).toString(), q.value(4).toString()};
        k.requests = quint64(q.value(5).toLongLong());
        k.errors = quint64(q.value(6).toLongLong());
        k.promptTokens = quint64(q.value(7).toLongLong());
        k.completionTokens = quint64(q.value(8).toLongLong());
        k.cachedTokens = quint64(q.value(9).toLongLong());
        k.costUsd = q.value(10).toDouble() / 1e6;
        k.costCount = k.requests;
        r.keyUsage << k;
        if (++r.rowsTransferred % 4096 == 0 && stopped())
            return r;
    }
    if (stopped())
        return r;
    r.error = session.exec(q, u"COMMIT"_qs, u"cannot finish reading usage"_qs);
    return r;
}

UsagePullResult pullProductionUsage(const production::PgConnectionSpec &spec, Database &history,
                                    const UsagePullOptions &options, const ProductionLinkOptions &link)
{
    UsagePullResult r;
    const qint64 now = (options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    const QString source = spec.sourceId();
    production::UsageWindow window;
    if (options.from || options.to) {
        window = production::alignUsageWindow(options.from ? options.from->toMSecsSinceEpoch()
                                                           : now - qint64(options.firstPullDays) * 86400000,
                                              options.to ? options.to->toMSecsSinceEpoch() : now);
    } else {
        const auto watermark = history.productionUsageWatermark(source);
        if (!watermark.ok()) {
            r.error = ProductionError::make(ProductionStatus::Query, watermark.error);
            return r;
        }
        window =
            production::incrementalUsageWindow(watermark.value, now, now - qint64(options.firstPullDays) * 86400000);
    }
    r.fromMs = window.fromMs;
    r.toMs = window.toMs;
    AggregatedUsage usage = readProductionUsage(spec, window.fromMs, window.toMs, options, link);
    r.rowsTransferred = usage.rowsTransferred;
    if (!usage.error.ok()) {
        r.error = usage.error;
        return r;
    }
    for (const TrafficBucket &b : std::as_const(usage.minuteBuckets)) {
        r.requests += b.values.requests;
        r.costUsd += b.values.costReportedUsd;
    }
    r.minuteBuckets = usage.minuteBuckets.size();
    r.keyUsageRows = usage.keyUsage.size();
    // What was pulled is complete up to now (or the explicit end, if earlier).
    r.watermarkMs = std::min(now, window.toMs);
    if (options.progress)
        options.progress(u"writing"_qs, r.rowsTransferred);
    if (cancelled(options)) {
        r.error = cancelError();
        return r;
    }
    const auto written = history.replaceProductionUsage(source, window.fromMs, window.toMs, r.watermarkMs,
                                                        usage.minuteBuckets, usage.keyUsage);
    if (!written.ok())
        r.error = ProductionError::make(ProductionStatus::Query, written.error);
    return r;
}

NaiveUsagePull pullProductionUsageNaive(const production::PgConnectionSpec &spec, qint64 fromMs, qint64 toMs,
                                        const ProductionLinkOptions &link)
{
    NaiveUsagePull r;
    PgSession session(spec, link);
    if (r.error = session.open(); !r.error.ok())
        return r;
    QSqlQuery q(session.db());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT (extract(epoch FROM u.created_at) * 1000)::bigint, u.provider, %1, coalesce(u.inference_provider, ''),"
        " %2, coalesce(m.is_free, false), u.cost, u.input_tokens, u.output_tokens, u.cache_hit_tokens,"
        " CASE WHEN m.latency >= 0 THEN %3 ELSE -1 END, u.kilo_user_id, coalesce(m.session_id, '')"_qs.arg(
            kModel, kFailed, kLatencyMs)
        + kFrom);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (r.error = session.exec(q, u"cannot read usage rows"_qs); !r.error.ok())
        return r;
    TrafficAggregator aggregator;
    std::string model, provider, user, task;
    TrafficRecord rec;
    while (q.next()) {
        ++r.rowsTransferred;
        // Minute precision is all the buckets keep; the truncation matches date_trunc('minute').
        rec.tsMs = q.value(0).toLongLong();
        rec.gateway = gatewayOf(q.value(1).toString());
        model = q.value(2).toString().toStdString();
        provider = q.value(3).toString().toStdString();
        user = q.value(11).toString().toStdString();
        task = q.value(12).toString().toStdString();
        rec.model = model;
        rec.provider = provider;
        rec.user = user;
        rec.task = task;
        // Our aggregator has no class "error": Server stands in and is renamed below.
        rec.errorClass = q.value(4).toBool() ? ErrorClass::Server : ErrorClass::None;
        rec.free = q.value(5).toBool();
        rec.costUsd = double(q.value(6).toLongLong()) / 1e6;
        rec.costKind = TrafficCostKind::Reported;
        rec.promptTokens = q.value(7).toLongLong();
        rec.completionTokens = q.value(8).toLongLong();
        rec.cachedTokens = q.value(9).toLongLong();
        rec.latencyMs = q.value(10).toDouble();
        aggregator.add(rec);
    }
    if (q.lastError().isValid()) {
        r.error = session.fromSqlError(q.lastError(), u"lost reading usage rows"_qs);
        return r;
    }
    r.minuteBuckets = aggregator.minuteBuckets();
    for (TrafficBucket &b : r.minuteBuckets)
        if (b.key.statusClass != u"ok")
            b.key.statusClass = statusOf(true);
    r.keyUsage = aggregator.keyUsage();
    return r;
}

} // namespace gw::store
