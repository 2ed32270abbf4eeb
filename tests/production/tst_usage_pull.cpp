// Production usage pulled into the history database, aggregated in a real PostgreSQL 15: totals
// equal SQL's own count and sum, histograms equal our aggregator's on the raw rows, incremental
// and repeated pulls never double count, and a dropped connection or a cancel changes nothing.

#include "pg_cluster.h"
#include "usage_rows.h"

#include "config/config_io.h"
#include "production/usage_mapping.h"
#include "usage_pull.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gw;
using namespace gw::store;

namespace {

const QString kDay = QStringLiteral("2026-03-01 00:00:00+00");
QDateTime at(const char *rfc3339)
{
    return *parseRfc3339(QString::fromLatin1(rfc3339));
}

struct Totals {
    quint64 requests = 0;
    quint64 errors = 0;
    double cost = 0;
};

Totals bucketTotals(Database &db, TrafficResolution resolution)
{
    Totals t;
    for (const TrafficBucket &b : db.trafficBuckets(resolution).value) {
        t.requests += b.values.requests;
        t.errors += b.key.statusClass == u"ok" ? 0 : b.values.requests;
        t.cost += b.values.costReportedUsd;
    }
    return t;
}

Totals keyTotals(Database &db)
{
    Totals t;
    for (const TrafficKeyUsage &k : db.trafficKeyUsage().value) {
        t.requests += k.requests;
        t.errors += k.errors;
        t.cost += k.costUsd;
    }
    return t;
}

} // namespace

class TstUsagePull : public QObject {
    Q_OBJECT

private:
    gwtest::PgCluster m_pg;
    production::PgConnectionSpec m_spec;

    Totals sqlTotals(const QString &where = QStringLiteral("true")) const
    {
        const QStringList v =
            m_pg.value(QStringLiteral("SELECT count(*) || '|' || count(*) FILTER (WHERE u.has_error AND NOT "
                                      "coalesce(m.is_user_byok, false)) || '|' || coalesce(sum(u.cost), 0)"
                                      " FROM microdollar_usage u LEFT JOIN microdollar_usage_metadata m ON m.id = u.id"
                                      " WHERE u.provider IN ('openrouter', 'vercel') AND %1")
                           .arg(where))
                .split(u'|');
        return {v.value(0).toULongLong(), v.value(1).toULongLong(), v.value(2).toDouble() / 1e6};
    }
    void reset(qint64 rows)
    {
        QCOMPARE(m_pg.psql(QStringLiteral("TRUNCATE microdollar_usage, microdollar_usage_metadata;")
                           + gwtest::usageRowsSql(1, rows, kDay, 7000)),
                 QString());
    }
    static void compareTotals(const Totals &a, const Totals &b)
    {
        QCOMPARE(a.requests, b.requests);
        QCOMPARE(a.errors, b.errors);
        QVERIFY2(qAbs(a.cost - b.cost) < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(a.cost, 0, 'f', 9).arg(b.cost, 0, 'f', 9)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_pg.start(), QString());
        m_spec = production::parsePgUrl(m_pg.url()).value;
    }
    void cleanupTestCase() { m_pg.stop(); }

    void binEdgesAgreeWithBinFor()
    {
        const QList<double> &edges = production::latencyBinEdges();
        QCOMPARE(edges.size(), LatencyHistogram::kBins - 1);
        for (int i = 0; i < edges.size(); ++i) {
            QCOMPARE(LatencyHistogram::binFor(edges.at(i)), i + 1);
            QCOMPARE(LatencyHistogram::binFor(std::nextafter(edges.at(i), 0.0)), i);
        }
    }

    void totalsEqualSql()
    {
        reset(5000);
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("h.sqlite"))).ok());
        UsagePullOptions options;
        options.from = at("2026-03-01T00:00:00Z");
        options.to = at("2026-03-02T00:00:00Z");
        const UsagePullResult r = pullProductionUsage(m_spec, db, options);
        QVERIFY2(r.error.ok(), qPrintable(r.error.message));
        const Totals sql = sqlTotals();
        QVERIFY(sql.requests > 3000 && sql.errors > 100);
        QCOMPARE(r.requests, sql.requests);
        for (TrafficResolution level : {TrafficResolution::Minute, TrafficResolution::Hour, TrafficResolution::Day})
            compareTotals(bucketTotals(db, level), sql);
        compareTotals(keyTotals(db), sql);
        QVERIFY(r.rowsTransferred >= r.minuteBuckets + r.keyUsageRows);
        // The sticky key: the session when there is one, else the user alone.
        QCOMPARE(
            m_pg
                .value(QStringLiteral(
                    "SELECT count(DISTINCT (kilo_user_id, coalesce(session_id, ''), date_trunc('hour', u.created_at),"
                    " provider, coalesce(requested_model, model, '')))"
                    " FROM microdollar_usage u LEFT JOIN microdollar_usage_metadata m ON m.id = u.id"
                    " WHERE provider IN ('openrouter', 'vercel')"))
                .toLongLong(),
            qint64(db.trafficKeyUsage().value.size()));
    }

    void sqlHistogramsEqualOurAggregator()
    {
        reset(3000);
        const qint64 from = at("2026-03-01T00:00:00Z").toMSecsSinceEpoch(),
                     to = at("2026-03-02T00:00:00Z").toMSecsSinceEpoch();
        const AggregatedUsage sql = readProductionUsage(m_spec, from, to);
        const NaiveUsagePull naive = pullProductionUsageNaive(m_spec, from, to);
        QVERIFY2(sql.error.ok() && naive.error.ok(), qPrintable(sql.error.message + naive.error.message));
        QCOMPARE(sql.minuteBuckets.size(), naive.minuteBuckets.size());
        QHash<TrafficBucketKey, TrafficBucketValues> byKey;
        for (const TrafficBucket &b : naive.minuteBuckets)
            byKey.insert(b.key, b.values);
        int withLatency = 0;
        for (const TrafficBucket &b : sql.minuteBuckets) {
            QVERIFY2(byKey.contains(b.key), qPrintable(b.key.model + u' ' + b.key.statusClass));
            const TrafficBucketValues &n = byKey.value(b.key);
            QCOMPARE(b.values.requests, n.requests);
            QCOMPARE(b.values.freeRequests, n.freeRequests);
            QCOMPARE(b.values.latencyCount, n.latencyCount);
            QVERIFY(b.values.latency == n.latency); // the same bins, so they merge exactly
            QCOMPARE(b.values.latencyMaxMs, n.latencyMaxMs);
            withLatency += b.values.latency.isEmpty() ? 0 : 1;
        }
        QVERIFY(withLatency > 100);
        QCOMPARE(sql.keyUsage.size(), naive.keyUsage.size());
    }

    void incrementalPullsNeverDoubleCount()
    {
        reset(2000); // 2000 rows * 7 s: 00:00 .. 03:53; row 1030 (no metadata yet) and 1033 are after 02:00
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("h.sqlite"))).ok());
        UsagePullOptions options;
        options.firstPullDays = 1;
        options.now = at("2026-03-01T02:30:00Z");
        const UsagePullResult first = pullProductionUsage(m_spec, db, options);
        QVERIFY2(first.error.ok(), qPrintable(first.error.message));
        QCOMPARE(first.watermarkMs, options.now.toMSecsSinceEpoch());
        const QString upToNow =
            QStringLiteral("u.created_at < timestamptz '2026-03-01 03:00:00+00'"); // the window ends on the hour
        compareTotals(bucketTotals(db, TrafficResolution::Minute), sqlTotals(upToNow));
        // The same pull again: replaced, not added.
        QVERIFY(pullProductionUsage(m_spec, db, options).error.ok());
        compareTotals(bucketTotals(db, TrafficResolution::Hour), sqlTotals(upToNow));
        compareTotals(keyTotals(db), sqlTotals(upToNow));
        // A late row (created five minutes before the watermark) and metadata arriving late for a
        // row already pulled (its task changes): the next pull catches both.
        QCOMPARE(m_pg.psql(
                     gwtest::usageRowsSql(900000, 1, QStringLiteral("2026-03-01 02:25:00+00"), 0)
                     + QStringLiteral(
                         "UPDATE microdollar_usage_metadata SET session_id = 'late-task' WHERE id = md5('u1033')::uuid;"
                         "INSERT INTO microdollar_usage_metadata (id, message_id, latency, session_id)"
                         " SELECT md5('u1030')::uuid, 'gen-1030', 1.5, 'late-task';")),
                 QString());
        options.now = at("2026-03-01T03:10:00Z");
        const UsagePullResult third = pullProductionUsage(m_spec, db, options);
        QVERIFY2(third.error.ok(), qPrintable(third.error.message));
        QCOMPARE(third.fromMs, at("2026-03-01T02:00:00Z").toMSecsSinceEpoch()); // watermark - 10 min, on the hour
        const QString all = QStringLiteral("u.created_at < timestamptz '2026-03-01 04:00:00+00'");
        for (TrafficResolution level : {TrafficResolution::Minute, TrafficResolution::Hour, TrafficResolution::Day})
            compareTotals(bucketTotals(db, level), sqlTotals(all));
        compareTotals(keyTotals(db), sqlTotals(all));
        quint64 lateTask = 0;
        for (const TrafficKeyUsage &k : db.trafficKeyUsage().value)
            lateTask += k.key.task == u"late-task" ? k.requests : 0;
        QCOMPARE(lateTask, 2u);
        QCOMPARE(
            lateTask,
            m_pg.value(QStringLiteral(
                           "SELECT count(*) FROM microdollar_usage u JOIN microdollar_usage_metadata m ON m.id = u.id"
                           " WHERE m.session_id = 'late-task' AND provider IN ('openrouter', 'vercel')"))
                .toULongLong());
    }

    void droppedConnectionOrCancelChangesNothing()
    {
        reset(2000);
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("h.sqlite"))).ok());
        UsagePullOptions options;
        options.from = at("2026-03-01T00:00:00Z");
        options.to = at("2026-03-01T02:00:00Z");
        QVERIFY(pullProductionUsage(m_spec, db, options).error.ok());
        const auto before = db.trafficBuckets(TrafficResolution::Minute).value;
        const auto keysBefore = db.trafficKeyUsage().value;
        QCOMPARE(m_pg.psql(gwtest::usageRowsSql(700000, 50, QStringLiteral("2026-03-01 00:30:00+00"), 1000)),
                 QString());

        // The server ends our connection between the first and the second query.
        UsagePullOptions dropped = options;
        dropped.progress = [&](const QString &phase, qint64) {
            if (phase == u"latency histograms")
                m_pg.psql(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                         "application_name = 'gateway-console'"));
        };
        const UsagePullResult lost = pullProductionUsage(m_spec, db, dropped);
        QCOMPARE(lost.error.status, ProductionStatus::Connection);
        QVERIFY(!lost.error.message.contains(gwtest::PgCluster::password()));
        QVERIFY(db.trafficBuckets(TrafficResolution::Minute).value.size() == before.size());
        const Totals inWindow = sqlTotals(QStringLiteral("u.created_at < timestamptz '2026-03-01 02:00:00+00'"));
        QVERIFY(inWindow.requests > 0);
        const Totals added =
            sqlTotals(QStringLiteral("u.id IN (SELECT md5('u' || i)::uuid FROM generate_series(700000, 700049) i)"));
        QVERIFY(added.requests > 0);
        QCOMPARE(bucketTotals(db, TrafficResolution::Minute).requests + added.requests,
                 inWindow.requests); // the new rows are not in

        std::atomic_bool cancel = false;
        UsagePullOptions cancelled = options;
        cancelled.cancel = &cancel;
        cancelled.progress = [&](const QString &phase, qint64) { cancel = phase == u"key usage"; };
        QCOMPARE(pullProductionUsage(m_spec, db, cancelled).error.status, ProductionStatus::Cancelled);
        QCOMPARE(db.trafficKeyUsage().value.size(), keysBefore.size());
        QCOMPARE(keyTotals(db).requests, bucketTotals(db, TrafficResolution::Minute).requests);

        // The history file never holds the password.
        db.close();
        QFile file(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(gwtest::PgCluster::password().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TstUsagePull)
#include "tst_usage_pull.moc"
