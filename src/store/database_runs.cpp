// Database: the bench run history (bench_runs, bench_results) and the traffic events results add.
#include "database.h"

#include "result_row.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace gw::store {

Outcome<qint64> Database::createRun(const QString &label, const RunSettings &settings, const QDateTime &startedAt)
{
    using R = Outcome<qint64>;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO bench_runs (started_at, label, status, settings_json) VALUES (?, ?, ?, ?)"_qs);
    q.addBindValue(msSinceEpoch(startedAt.isValid() ? startedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(label.isNull() ? u""_qs : label);
    q.addBindValue(runStatusName(RunStatus::Running));
    q.addBindValue(QString::fromUtf8(QJsonDocument(toJson(settings)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return R::failure(failure(u"cannot create a run"_qs, q));
    return R{q.lastInsertId().toLongLong(), {}};
}

Outcome<int> Database::addResults(qint64 runId, const QList<BenchResult> &results)
{
    using R = Outcome<int>;
    QString error;
    const bool done = inTransaction(
        [&] {
            QSqlQuery q(m_db);
            q.prepare(u"SELECT 1 FROM bench_runs WHERE id = ?"_qs);
            q.addBindValue(runId);
            if (!q.exec()) {
                error = failure(u"cannot look up run %1"_qs.arg(runId), q);
                return false;
            }
            if (!q.next()) {
                error = QDir::toNativeSeparators(m_path) + u": run %1 does not exist; no results stored"_qs.arg(runId);
                return false;
            }
            QSqlQuery insertResult(m_db);
            QSqlQuery insertTraffic(m_db);
            if (!insertResult.prepare(resultInsertSql()) || !insertTraffic.prepare(trafficInsertSql())) {
                error = failure(u"cannot prepare the result insert"_qs,
                                insertResult.lastError().isValid() ? insertResult : insertTraffic);
                return false;
            }
            for (const BenchResult &r : results) {
                bindResult(insertResult, runId, r);
                if (!insertResult.exec()) {
                    error = failure(u"cannot store run %1, case %2 on %3"_qs.arg(runId)
                                        .arg(r.caseIndex)
                                        .arg(gatewayName(r.gateway)),
                                    insertResult);
                    return false;
                }
                if (r.skipped) // not sent anywhere: not traffic
                    continue;
                bindTraffic(insertTraffic, trafficEventFor(runId, r), insertResult.lastInsertId().toLongLong());
                if (!insertTraffic.exec()) {
                    error = failure(u"cannot store the traffic event of run %1, case %2 on %3"_qs.arg(runId)
                                        .arg(r.caseIndex)
                                        .arg(gatewayName(r.gateway)),
                                    insertTraffic);
                    return false;
                }
            }
            return true;
        },
        &error);
    if (!done)
        return R::failure(error);
    return R{int(results.size()), {}};
}

Outcome<bool> Database::finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt)
{
    using R = Outcome<bool>;
    if (status == RunStatus::Running)
        return R::failure(QDir::toNativeSeparators(m_path)
                          + u": run %1: a run finishes as finished or cancelled, not running"_qs.arg(runId));
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE bench_runs SET status = ?, finished_at = ? WHERE id = ?"_qs);
    q.addBindValue(runStatusName(status));
    q.addBindValue(msSinceEpoch(finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(runId);
    if (!q.exec())
        return R::failure(failure(u"cannot finish run %1"_qs.arg(runId), q));
    if (q.numRowsAffected() != 1)
        return R::failure(QDir::toNativeSeparators(m_path) + u": run %1 does not exist"_qs.arg(runId));
    return R{true, {}};
}

Outcome<bool> Database::setBilledCost(qint64 runId, int caseIndex, Gateway gateway, double costUsd)
{
    using R = Outcome<bool>;
    QString error;
    const bool done = inTransaction(
        [&] {
            QSqlQuery q(m_db);
            q.prepare(
                u"UPDATE bench_results SET billed_cost_usd = ? WHERE run_id = ? AND case_index = ? AND gateway = ?"_qs);
            q.addBindValue(costUsd);
            q.addBindValue(runId);
            q.addBindValue(caseIndex);
            q.addBindValue(gatewayName(gateway));
            if (!q.exec()) {
                error = failure(u"cannot set the billed cost"_qs, q);
                return false;
            }
            if (q.numRowsAffected() != 1) {
                error = QDir::toNativeSeparators(m_path)
                        + u": run %1 has no result for case %2 on %3"_qs.arg(runId).arg(caseIndex).arg(
                            gatewayName(gateway));
                return false;
            }
            q.prepare(u"UPDATE traffic_events SET cost_usd = ?, cost_source = ? WHERE result_id ="
                      " (SELECT id FROM bench_results WHERE run_id = ? AND case_index = ? AND gateway = ?)"_qs);
            q.addBindValue(costUsd);
            q.addBindValue(costSourceName(CostSource::Generation));
            q.addBindValue(runId);
            q.addBindValue(caseIndex);
            q.addBindValue(gatewayName(gateway));
            if (!q.exec()) {
                error = failure(u"cannot set the traffic event's cost"_qs, q);
                return false;
            }
            return true;
        },
        &error);
    if (!done)
        return R::failure(error);
    return R{true, {}};
}

namespace {

// One pass over the bench_results_outcome index per run; `where` filters bench_runs.
QString summarySql(const QString &where)
{
    return u"SELECT r.id, r.label, r.started_at, r.finished_at, r.status, COUNT(b.run_id),"
           " SUM(b.skipped = 0 AND b.error_class = 'none'), SUM(b.skipped = 0 AND b.error_class <> 'none'),"
           " SUM(b.skipped) FROM bench_runs r LEFT JOIN bench_results b ON b.run_id = r.id "_qs
           + where + u" GROUP BY r.id"_qs;
}

RunSummary readSummary(const QSqlQuery &q)
{
    RunSummary s;
    s.id = q.value(0).toLongLong();
    s.label = q.value(1).toString();
    s.startedAt = utcFromMs(q.value(2));
    s.finishedAt = utcFromMs(q.value(3));
    s.status = parseRunStatus(q.value(4).toString()).value_or(RunStatus::Running);
    s.results = q.value(5).toInt();
    s.succeeded = q.value(6).toInt();
    s.failed = q.value(7).toInt();
    s.skipped = q.value(8).toInt();
    return s;
}

} // namespace

Outcome<QList<RunSummary>> Database::listRuns()
{
    using R = Outcome<QList<RunSummary>>;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(summarySql({}) + u" ORDER BY r.started_at DESC, r.id DESC"_qs))
        return R::failure(failure(u"cannot list runs"_qs, q));
    R r;
    while (q.next())
        r.value << readSummary(q);
    return r;
}

Outcome<StoredRun> Database::loadRun(qint64 runId)
{
    using R = Outcome<StoredRun>;
    // One read transaction: the summary and the results are the same snapshot even while the
    // writer adds results on its own connection.
    if (!m_db.transaction())
        return R::failure(QDir::toNativeSeparators(m_path) + u": cannot begin a read: "_qs + m_db.lastError().text());
    R r;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(summarySql(u"WHERE r.id = ?"_qs));
        q.addBindValue(runId);
        if (!q.exec()) {
            r.error = failure(u"cannot load run %1"_qs.arg(runId), q);
        } else if (!q.next()) {
            r.error = QDir::toNativeSeparators(m_path) + u": run %1 does not exist"_qs.arg(runId);
        } else {
            r.value.summary = readSummary(q);
            q.prepare(u"SELECT settings_json FROM bench_runs WHERE id = ?"_qs);
            q.addBindValue(runId);
            if (!q.exec() || !q.next()) {
                r.error = failure(u"cannot read run %1's settings"_qs.arg(runId), q);
            } else {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &parseError);
                const QString where = QDir::toNativeSeparators(m_path) + u": run %1 settings_json"_qs.arg(runId);
                if (!doc.isObject()) {
                    r.error = where + u": not a JSON object ("_qs + parseError.errorString() + u")"_qs;
                } else {
                    Outcome<RunSettings> settings = runSettingsFromJson(doc.object(), where);
                    r.error = settings.error;
                    r.value.settings = std::move(settings.value);
                }
            }
        }
        if (r.ok()) {
            QSqlQuery results(m_db);
            results.setForwardOnly(true);
            results.prepare(resultSelectSql());
            results.addBindValue(runId);
            if (!results.exec())
                r.error = failure(u"cannot read run %1's results"_qs.arg(runId), results);
            while (r.ok() && results.next())
                r.value.results << readResult(results);
        }
    }
    m_db.commit();
    return r;
}

} // namespace gw::store
