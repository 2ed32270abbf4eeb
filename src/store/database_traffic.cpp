// Database: traffic events for the Monitor, and traffic per sticky-key input (hour x gateway x
// model x user x task), kept next to the buckets by every traffic import and read by the Monitor
// and the Planner.
#include "database.h"

#include "result_row.h"

#include <QSqlQuery>

namespace gw::store {

Outcome<QList<TrafficEvent>> Database::trafficEvents(const QDateTime &from, const QDateTime &to,
                                                     std::optional<TrafficSource> source)
{
    using R = Outcome<QList<TrafficEvent>>;
    QStringList where;
    QVariantList values;
    if (from.isValid()) {
        where << u"ts >= ?"_qs;
        values << msSinceEpoch(from);
    }
    if (to.isValid()) {
        where << u"ts < ?"_qs;
        values << msSinceEpoch(to);
    }
    if (source) {
        where << u"source = ?"_qs;
        values << trafficSourceName(*source);
    }
    QString sql = u"SELECT "_qs + trafficColumns() + u" FROM traffic_events"_qs;
    if (!where.isEmpty())
        sql += u" WHERE "_qs + where.join(u" AND "_qs);
    sql += u" ORDER BY ts, id"_qs;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return R::failure(failure(u"cannot read traffic events"_qs, q));
    R r;
    while (q.next())
        r.value << readTraffic(q);
    return r;
}

namespace {

constexpr auto kUsageColumns =
    "hour_start_ms, gateway, model, user, task, requests, errors, fallbacks, prompt_tokens, completion_tokens,"
    " cached_tokens, reasoning_tokens, cost_usd, cost_count";

TrafficKeyUsage readUsage(const QSqlQuery &q)
{
    TrafficKeyUsage u;
    u.key.hourStartMs = q.value(0).toLongLong();
    u.key.gateway = parseGateway(q.value(1).toString()).value_or(Gateway::OpenRouter);
    u.key.model = q.value(2).toString();
    u.key.user = q.value(3).toString();
    u.key.task = q.value(4).toString();
    auto count = [&](int i) { return quint64(q.value(i).toLongLong()); };
    u.requests = count(5);
    u.errors = count(6);
    u.fallbacks = count(7);
    u.promptTokens = count(8);
    u.completionTokens = count(9);
    u.cachedTokens = count(10);
    u.reasoningTokens = count(11);
    u.costUsd = q.value(12).toDouble();
    u.costCount = count(13);
    return u;
}

} // namespace

Outcome<QList<TrafficKeyUsage>> Database::trafficKeyUsage(const QDateTime &from, const QDateTime &to)
{
    using R = Outcome<QList<TrafficKeyUsage>>;
    QString sql = u"SELECT "_qs + QLatin1StringView(kUsageColumns) + u" FROM traffic_key_usage WHERE 1 = 1"_qs;
    if (from.isValid())
        sql += u" AND hour_start_ms >= ?"_qs;
    if (to.isValid())
        sql += u" AND hour_start_ms < ?"_qs;
    sql += u" ORDER BY hour_start_ms, gateway, model, user, task"_qs;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    if (from.isValid())
        q.addBindValue(from.toMSecsSinceEpoch());
    if (to.isValid())
        q.addBindValue(to.toMSecsSinceEpoch());
    if (!q.exec())
        return R::failure(failure(u"cannot read traffic key usage"_qs, q));
    R r;
    while (q.next())
        r.value << readUsage(q);
    return r;
}

} // namespace gw::store
