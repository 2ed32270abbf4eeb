#pragma once
// How a BenchResult maps to a bench_results row and to its traffic_events row. One column list
// drives the INSERT, the SELECT and the reader, so the three cannot drift apart.

#include "store_types.h"

class QSqlQuery;

namespace gw::store {

QString resultInsertSql(); // INSERT INTO bench_results (run_id, ...) VALUES (?, ...)
QString resultSelectSql(); // SELECT <columns> FROM bench_results WHERE run_id = ? ORDER BY ...
void bindResult(QSqlQuery &q, qint64 runId, const BenchResult &r);
BenchResult readResult(const QSqlQuery &q);

QString trafficInsertSql(); // INSERT INTO traffic_events (...) VALUES (...)
void bindTraffic(QSqlQuery &q, const TrafficEvent &t, std::optional<qint64> resultId);
QString trafficColumns(); // for SELECT, in readTraffic's order
TrafficEvent readTraffic(const QSqlQuery &q);
// What the Monitor sees of a bench result; best known cost: billed, reported, then estimated.
TrafficEvent trafficEventFor(qint64 runId, const BenchResult &result);

QVariant msSinceEpoch(const QDateTime &t); // NULL for an invalid time
QDateTime utcFromMs(const QVariant &ms);   // invalid for NULL

} // namespace gw::store
