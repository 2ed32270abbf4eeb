// Database: production usage pulled from PostgreSQL. Each pull of a window replaces what earlier
// pulls of the same source put there: the traffic tables hold the sum of every source (logs
// too), so the earlier pull's own contribution is kept beside them (production_usage_minutes,
// production_usage_keys), taken back out of traffic_buckets / traffic_key_usage and the new one
// added, all in one transaction with the new watermark. A re-pull never double counts.
//
// The three tables are schema 5's (schema.cpp).
#include "database.h"
#include "traffic_bucket_row.h"

#include "production/usage_mapping.h"

#include <QHash>
#include <QSqlQuery>

namespace gw::store {

namespace {

qint64 dayStart(qint64 ms)
{
    return trafficBucketStart(ms, TrafficResolution::Day);
}

} // namespace

Outcome<std::optional<qint64>> Database::productionUsageWatermark(const QString &source)
{
    using R = Outcome<std::optional<qint64>>;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT watermark_ms FROM production_usage_sources WHERE source = ?"_qs);
    q.addBindValue(source);
    if (!q.exec())
        return R::failure(failure(u"cannot read the production watermark"_qs, q));
    return q.next() ? R{q.value(0).toLongLong(), {}} : R{};
}

Outcome<bool> Database::replaceProductionUsage(const QString &source, qint64 fromMs, qint64 toMs, qint64 watermarkMs,
                                               const QList<TrafficBucket> &minuteBuckets,
                                               const QList<TrafficKeyUsage> &keyUsage)
{
    QString error;
    const auto fail = [&](const QString &what, const QSqlQuery &q) {
        error = failure(what, q);
        return false;
    };
    const bool done = inTransaction(
        [&] {
            QSqlQuery q(m_db);
            // 1. What earlier pulls of this source put into the window.
            QList<TrafficBucket> oldMinutes;
            q.prepare(u"SELECT start_ms, gateway, model, provider, status_class, requests, free_requests, cost_usd, "
                      u"cost_count,"
                      " prompt_tokens, completion_tokens, cached_tokens, latency_count, latency_sum_ms, "
                      "latency_max_ms, latency_hist"
                      " FROM production_usage_minutes WHERE source = ? AND start_ms >= ? AND start_ms < ?"_qs);
            for (const QVariant &v : QVariantList{source, fromMs, toMs})
                q.addBindValue(v);
            if (!q.exec())
                return fail(u"cannot read earlier production pulls"_qs, q);
            while (q.next()) {
                TrafficBucket b;
                b.key = {q.value(0).toLongLong(), parseGateway(q.value(1).toString()).value_or(Gateway::OpenRouter),
                         q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
                TrafficBucketValues &v = b.values;
                v.requests = quint64(q.value(5).toLongLong());
                v.freeRequests = quint64(q.value(6).toLongLong());
                v.costReportedUsd = q.value(7).toDouble();
                v.costReportedCount = quint64(q.value(8).toLongLong());
                v.promptTokens = quint64(q.value(9).toLongLong());
                v.completionTokens = quint64(q.value(10).toLongLong());
                v.cachedTokens = quint64(q.value(11).toLongLong());
                v.latencyCount = quint64(q.value(12).toLongLong());
                v.latencySumMs = q.value(13).toDouble();
                v.latencyMaxMs = q.value(14).toDouble();
                v.latency = LatencyHistogram::fromBlob(q.value(15).toByteArray());
                oldMinutes << b;
            }
            QList<TrafficKeyUsage> oldKeys;
            q.prepare(
                u"SELECT hour_start_ms, gateway, model, user, task, requests, errors, prompt_tokens, completion_tokens,"
                " cached_tokens, cost_usd, cost_count FROM production_usage_keys WHERE source = ? AND hour_start_ms >= ? AND hour_start_ms < ?"_qs);
            for (const QVariant &v : QVariantList{source, fromMs, toMs})
                q.addBindValue(v);
            if (!q.exec())
                return fail(u"cannot read earlier production pulls"_qs, q);
            while (q.next()) {
                TrafficKeyUsage k;
                k.key = {q.value(0).toLongLong(), parseGateway(q.value(1).toString()).value_or(Gateway::OpenRouter),
                         q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
                k.requests = quint64(q.value(5).toLongLong());
                k.errors = quint64(q.value(6).toLongLong());
                k.promptTokens = quint64(q.value(7).toLongLong());
                k.completionTokens = quint64(q.value(8).toLongLong());
                k.cachedTokens = quint64(q.value(9).toLongLong());
                k.costUsd = q.value(10).toDouble();
                k.costCount = quint64(q.value(11).toLongLong());
                oldKeys << k;
            }

            // 2. The traffic buckets at every resolution: stored - old + new.
            QSqlQuery upsert(m_db);
            upsert.prepare(u"INSERT OR REPLACE INTO traffic_buckets ("_qs + QLatin1StringView(kTrafficBucketColumns)
                           + u") VALUES (?"_qs + u", ?"_qs.repeated(kTrafficBucketColumnCount - 1) + u')');
            QSqlQuery remove(m_db);
            remove.prepare(
                u"DELETE FROM traffic_buckets WHERE resolution = ? AND start_ms = ? AND gateway = ? AND model = ?"
                " AND provider = ? AND status_class = ?"_qs);
            for (TrafficResolution level :
                 {TrafficResolution::Minute, TrafficResolution::Hour, TrafficResolution::Day}) {
                const QList<TrafficBucket> before =
                    level == TrafficResolution::Minute ? oldMinutes : rollUpTraffic(oldMinutes, level);
                const QList<TrafficBucket> after =
                    level == TrafficResolution::Minute ? minuteBuckets : rollUpTraffic(minuteBuckets, level);
                if (before.isEmpty() && after.isEmpty())
                    continue;
                const qint64 from = level == TrafficResolution::Day ? dayStart(fromMs) : fromMs;
                const qint64 to = level == TrafficResolution::Day ? dayStart(toMs - 1) + 86400000 : toMs;
                const auto stored = trafficBuckets(level, QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
                                                   QDateTime::fromMSecsSinceEpoch(to, Qt::UTC));
                if (!stored.ok()) {
                    error = stored.error;
                    return false;
                }
                QHash<TrafficBucketKey, TrafficBucket> rows;
                for (const TrafficBucket &b : stored.value)
                    rows.insert(b.key, b);
                QList<TrafficBucketKey> touched;
                for (const TrafficBucket &b : before) {
                    auto it = rows.find(b.key);
                    if (it == rows.end())
                        continue; // removed since (e.g. by hand): nothing to take back
                    production::subtractBucketValues(it->values, b.values);
                    touched << b.key;
                }
                for (const TrafficBucket &b : after) {
                    auto it = rows.find(b.key);
                    if (it == rows.end())
                        it = rows.insert(b.key, TrafficBucket{level, b.key, {}});
                    it->values.merge(b.values);
                    touched << b.key;
                }
                for (const TrafficBucketKey &key : std::as_const(touched)) {
                    const TrafficBucket &b = rows[key];
                    if (b.values.requests == 0) {
                        for (const QVariant &v :
                             QVariantList{trafficResolutionName(level), key.startMs, gatewayName(key.gateway),
                                          key.model, key.provider, key.statusClass})
                            remove.addBindValue(v);
                        if (!remove.exec())
                            return fail(u"cannot write traffic buckets"_qs, remove);
                    } else {
                        bindBucketRow(upsert, b);
                        if (!upsert.exec())
                            return fail(u"cannot write traffic buckets"_qs, upsert);
                    }
                }
            }

            // 3. Key usage: stored - old + new.
            const auto storedKeys = trafficKeyUsage(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC),
                                                    QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC));
            if (!storedKeys.ok()) {
                error = storedKeys.error;
                return false;
            }
            QHash<TrafficKeyUsageKey, TrafficKeyUsage> keys;
            for (const TrafficKeyUsage &k : storedKeys.value)
                keys.insert(k.key, k);
            QList<TrafficKeyUsageKey> touchedKeys;
            for (const TrafficKeyUsage &k : oldKeys) {
                if (auto it = keys.find(k.key); it != keys.end()) {
                    production::subtractKeyUsage(*it, k);
                    touchedKeys << k.key;
                }
            }
            for (const TrafficKeyUsage &k : keyUsage) {
                auto it = keys.find(k.key);
                if (it == keys.end())
                    it = keys.insert(k.key, TrafficKeyUsage{k.key});
                it->merge(k);
                touchedKeys << k.key;
            }
            QSqlQuery keyUpsert(m_db);
            keyUpsert.prepare(
                u"INSERT OR REPLACE INTO traffic_key_usage (hour_start_ms, gateway, model, user, task, requests, "
                u"errors,"
                " fallbacks, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost_usd, cost_count)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
            QSqlQuery keyRemove(m_db);
            keyRemove.prepare(
                u"DELETE FROM traffic_key_usage WHERE hour_start_ms = ? AND gateway = ? AND model = ? AND user = ? AND task = ?"_qs);
            for (const TrafficKeyUsageKey &key : std::as_const(touchedKeys)) {
                const TrafficKeyUsage &k = keys[key];
                QSqlQuery &target = k.requests == 0 ? keyRemove : keyUpsert;
                for (const QVariant &v :
                     QVariantList{key.hourStartMs, gatewayName(key.gateway), key.model, key.user, key.task})
                    target.addBindValue(v);
                if (k.requests != 0)
                    for (const QVariant &v :
                         QVariantList{qint64(k.requests), qint64(k.errors), qint64(k.fallbacks), qint64(k.promptTokens),
                                      qint64(k.completionTokens), qint64(k.cachedTokens), qint64(k.reasoningTokens),
                                      k.costUsd, qint64(k.costCount)})
                        target.addBindValue(v);
                if (!target.exec())
                    return fail(u"cannot write traffic key usage"_qs, target);
            }

            // 4. This pull's own contribution and the watermark.
            for (const QString &table : {u"production_usage_minutes"_qs, u"production_usage_keys"_qs}) {
                q.prepare(u"DELETE FROM %1 WHERE source = ? AND %2 >= ? AND %2 < ?"_qs.arg(
                    table, table.endsWith(u"keys") ? u"hour_start_ms"_qs : u"start_ms"_qs));
                for (const QVariant &v : QVariantList{source, fromMs, toMs})
                    q.addBindValue(v);
                if (!q.exec())
                    return fail(u"cannot replace earlier production pulls"_qs, q);
            }
            q.prepare(
                u"INSERT INTO production_usage_minutes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
            for (const TrafficBucket &b : minuteBuckets) {
                const TrafficBucketValues &v = b.values;
                for (const QVariant &value :
                     QVariantList{source, b.key.startMs, gatewayName(b.key.gateway), b.key.model, b.key.provider,
                                  b.key.statusClass, qint64(v.requests), qint64(v.freeRequests), v.costReportedUsd,
                                  qint64(v.costReportedCount), qint64(v.promptTokens), qint64(v.completionTokens),
                                  qint64(v.cachedTokens), qint64(v.latencyCount), v.latencySumMs, v.latencyMaxMs,
                                  v.latency.toBlob()})
                    q.addBindValue(value);
                if (!q.exec())
                    return fail(u"cannot record the production pull"_qs, q);
            }
            q.prepare(u"INSERT INTO production_usage_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
            for (const TrafficKeyUsage &k : keyUsage) {
                for (const QVariant &value :
                     QVariantList{source, k.key.hourStartMs, gatewayName(k.key.gateway), k.key.model, k.key.user,
                                  k.key.task, qint64(k.requests), qint64(k.errors), qint64(k.promptTokens),
                                  qint64(k.completionTokens), qint64(k.cachedTokens), k.costUsd, qint64(k.costCount)})
                    q.addBindValue(value);
                if (!q.exec())
                    return fail(u"cannot record the production pull"_qs, q);
            }
            // An older range pulled again does not move the watermark back.
            q.prepare(
                u"INSERT INTO production_usage_sources (source, watermark_ms, pulled_at) VALUES (?, ?, ?) ON CONFLICT "
                u"(source)"
                " DO UPDATE SET watermark_ms = max(watermark_ms, excluded.watermark_ms), pulled_at = excluded.pulled_at"_qs);
            for (const QVariant &v : QVariantList{source, watermarkMs, QDateTime::currentMSecsSinceEpoch()})
                q.addBindValue(v);
            if (!q.exec())
                return fail(u"cannot record the production watermark"_qs, q);
            return true;
        },
        &error);
    if (!done)
        return Outcome<bool>::failure(error);
    return Outcome<bool>{true, {}};
}

} // namespace gw::store
