// Database: traffic events for the Monitor.
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

} // namespace gw::store
