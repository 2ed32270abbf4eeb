// gatewayctl live, publish and rollback: the real binary against a private PostgreSQL 15, a
// workspace in a temp dir, and the password looked for in everything they print and write.

#include "pg_cluster.h"
#include "production_fixture.h"
#include "usage_rows.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run gatewayctl(const QStringList &args, const QString &pgPassword = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    if (!pgPassword.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), pgPassword);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(GATEWAYCTL_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("gatewayctl did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QList<QJsonObject> historyOf(const QString &workspace)
{
    QList<QJsonObject> entries;
    QFile f(workspace + QStringLiteral("/exports/history.jsonl"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                entries << QJsonDocument::fromJson(line).object();
    return entries;
}

} // namespace

class TstGatewayctlProduction : public QObject {
    Q_OBJECT

private:
    gwtest::PgCluster m_pg;
    QStringList m_printed; // everything gatewayctl said, checked for the password at the end

    Run run(const QStringList &args, const QString &pgPassword = {})
    {
        Run r = gatewayctl(args, pgPassword);
        m_printed << r.out << r.err;
        return r;
    }
    QJsonObject storedRecord() const
    {
        return QJsonDocument::fromJson(
                   m_pg.value(QStringLiteral("SELECT config::text FROM ai_gateway_config WHERE id = 1")).toUtf8())
            .object();
    }
    void setRecord(const QString &json)
    {
        QCOMPARE(
            m_pg.psql(
                QStringLiteral(
                    "DELETE FROM ai_gateway_config; INSERT INTO ai_gateway_config (id, config) VALUES (1, '%1'::jsonb)")
                    .arg(json)),
            QString());
    }
    static void writeDraft(const QString &dir, double paid, qint64 revision)
    {
        QFile f(dir + QStringLiteral("/routing.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(gwtest::losslessConfigJson(paid, revision));
    }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_pg.start(), QString()); }
    void cleanupTestCase() { m_pg.stop(); }

    void liveShowsTheRecord()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 3, "vercel_routing_percentage_free": null,
            "vercel_routing_opt_out_models": ["a/b"], "friendli_routing_percentage": 4, "note": "hello"})"));
        const Run text = run({QStringLiteral("live"), QStringLiteral("--pg"), m_pg.url()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("paid: 3%   free: 50%")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("opt-out: 1 model(s): a/b")));
        QVERIFY(text.out.contains(QStringLiteral("friendli: 4%")));
        // The password from PGPASSWORD when the URL has none.
        const Run json =
            run({QStringLiteral("live"), QStringLiteral("--pg"), m_pg.url(QString()), QStringLiteral("--json")},
                gwtest::PgCluster::password());
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("free_percent")).toDouble(), 50.0);
        QCOMPARE(o.value(QStringLiteral("record")).toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("hello"));
    }

    void liveErrors()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_opt_out_models": {"a": 1}})"));
        const Run bad = run({QStringLiteral("live"), QStringLiteral("--pg"), m_pg.url()});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("config/vercel_routing_opt_out_models: expected an array")),
                 qPrintable(bad.err));
        QCOMPARE(run({QStringLiteral("live")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("live"), QStringLiteral("--pg"), QStringLiteral("mysql://x@y/z")}).exitCode, 2);
        const Run down =
            run({QStringLiteral("live"), QStringLiteral("--pg"),
                 QStringLiteral("postgresql://postgres:%1@127.0.0.1:1/none").arg(gwtest::PgCluster::password())});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains(QStringLiteral("postgresql://postgres@127.0.0.1:1/none")), qPrintable(down.err));
    }

    void publishDriftRefusalForceAndRollback()
    {
        QTemporaryDir ws;
        QVERIFY(QDir(ws.path()).mkpath(QStringLiteral("exports")));
        writeDraft(ws.path(), 3, 5);
        const QString draft = ws.filePath(QStringLiteral("routing.json"));
        setRecord(
            QStringLiteral(R"({"vercel_routing_percentage": 1, "perplexity_routing_percentage": 20, "note": "web"})"));
        const QStringList common{QStringLiteral("--pg"), m_pg.url(), QStringLiteral("--by"),
                                 QStringLiteral("ops@example.com")};

        // First publish: based on the record as read now.
        const Run first = run(
            QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("first")} + common);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("paid 1% -> 3%")), qPrintable(first.out));
        QVERIFY(first.out.contains(QStringLiteral("live by ")));
        QCOMPARE(storedRecord().value(QStringLiteral("perplexity_routing_percentage")).toDouble(), 20.0);
        QList<QJsonObject> history = historyOf(ws.path());
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).value(QStringLiteral("kind")).toString(), QStringLiteral("publish"));
        QCOMPARE(history.at(0).value(QStringLiteral("after")).toObject(), storedRecord());
        QCOMPARE(history.at(0).value(QStringLiteral("before")).toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("web"));
        QVERIFY(QFile::exists(ws.filePath(QStringLiteral("exports/"))
                              + history.at(0).value(QStringLiteral("file")).toString()));

        // Someone changes it in the web admin; our next publish is refused, nothing written.
        QCOMPARE(
            m_pg.psql(QStringLiteral(
                R"(UPDATE ai_gateway_config SET config = config || '{"vercel_routing_percentage": 8, "note": "web admin"}' WHERE id = 1)")),
            QString());
        const QJsonObject theirs = storedRecord();
        writeDraft(ws.path(), 4, 6);
        const Run refused = run(
            QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("second")} + common);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("live vs base: paid 3% -> 8%")), qPrintable(refused.err));
        QVERIFY(refused.err.contains(QStringLiteral("draft vs base: paid 3% -> 4%")));
        QCOMPARE(storedRecord(), theirs);
        history = historyOf(ws.path());
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(1).value(QStringLiteral("kind")).toString(), QStringLiteral("drift"));
        QCOMPARE(history.at(1).value(QStringLiteral("after")).toObject(), theirs);
        // Seen again: not recorded twice.
        QCOMPARE(run(QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("again")}
                     + common)
                     .exitCode,
                 3);
        QCOMPARE(historyOf(ws.path()).size(), 2);

        // An explicit --expect-updated-at that does not match is refused too; --force publishes.
        QCOMPARE(run(QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("x"),
                                 QStringLiteral("--expect-updated-at"), QStringLiteral("2020-01-01T00:00:00Z")}
                     + common)
                     .exitCode,
                 3);
        QCOMPARE(run(QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("x"),
                                 QStringLiteral("--expect-updated-at"), QStringLiteral("2020-01-01T00:00:00Z"),
                                 QStringLiteral("--force")}
                     + common)
                     .exitCode,
                 2);
        const Run forced =
            run(QStringList{QStringLiteral("publish"), draft, QStringLiteral("--note"), QStringLiteral("forced"),
                            QStringLiteral("--force"), QStringLiteral("--json")}
                + common);
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(QJsonDocument::fromJson(forced.out.toUtf8()).object().value(QStringLiteral("published")).toBool(),
                 true);
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 4.0);

        // Roll back to revision 5: its owned members again, the partner percentage still kept.
        const Run back = run(QStringList{QStringLiteral("rollback"), QStringLiteral("--to"), QStringLiteral("5"),
                                         QStringLiteral("--workspace"), ws.path(), QStringLiteral("--note"),
                                         QStringLiteral("back to 5")}
                             + common);
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        QVERIFY2(back.out.contains(QStringLiteral("paid 4% -> 3%")), qPrintable(back.out));
        const QJsonObject rolled = storedRecord();
        QCOMPARE(rolled.value(QStringLiteral("vercel_routing_percentage")).toDouble(), 3.0);
        QCOMPARE(
            rolled.value(QStringLiteral("gateway_console")).toObject().value(QStringLiteral("revision")).toInteger(),
            5);
        QCOMPARE(rolled.value(QStringLiteral("perplexity_routing_percentage")).toDouble(), 20.0);
        QCOMPARE(rolled.value(QStringLiteral("note")).toString(), QStringLiteral("back to 5"));
        history = historyOf(ws.path());
        QCOMPARE(history.constLast().value(QStringLiteral("kind")).toString(), QStringLiteral("publish"));
        QCOMPARE(history.constLast().value(QStringLiteral("revision")).toInteger(), 5);
        QCOMPARE(
            run(QStringList{QStringLiteral("rollback"), QStringLiteral("--to"), QStringLiteral("99"),
                            QStringLiteral("--workspace"), ws.path(), QStringLiteral("--note"), QStringLiteral("x")}
                + common)
                .exitCode,
            1);

        // The password is in no file of the workspace.
        QDirIterator files(ws.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(gwtest::PgCluster::password().toUtf8()), qPrintable(f.fileName()));
        }
    }

    void lossyPublishNeedsAllowLossy()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("lossy.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(gwtest::losslessConfigJson(3).replace("\"cohort\": \"vercel\"", "\"cohort\": \"other\""));
        f.close();
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 1})"));
        const QStringList args{QStringLiteral("publish"), f.fileName(),
                               QStringLiteral("--pg"),    m_pg.url(),
                               QStringLiteral("--by"),    QStringLiteral("ops@example.com"),
                               QStringLiteral("--note"),  QStringLiteral("lossy")};
        const Run refused = run(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("cannot express: cohort")), qPrintable(refused.err));
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 1.0);
        const Run allowed = run(args + QStringList{QStringLiteral("--allow-lossy")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
        QVERIFY(allowed.err.contains(QStringLiteral("lost: cohort")));
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 3.0);
    }

    void pullUsage()
    {
        QCOMPARE(m_pg.psql(QStringLiteral("TRUNCATE microdollar_usage, microdollar_usage_metadata;")
                           + gwtest::usageRowsSql(1, 3000, QStringLiteral("2026-03-01 00:00:00+00"), 9000)),
                 QString());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        const QStringList args{QStringLiteral("pull-usage"),
                               QStringLiteral("--pg"),
                               m_pg.url(),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--from"),
                               QStringLiteral("2026-03-01T00:00:00Z"),
                               QStringLiteral("--to"),
                               QStringLiteral("2026-03-02T00:00:00Z"),
                               QStringLiteral("--json")};
        const Run first = run(args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject o = QJsonDocument::fromJson(first.out.toUtf8()).object();
        const qint64 expected =
            m_pg.value(
                    QStringLiteral("SELECT count(*) FROM microdollar_usage WHERE provider IN ('openrouter', 'vercel')"))
                .toLongLong();
        QCOMPARE(o.value(QStringLiteral("requests")).toInteger(), expected);
        QVERIFY(o.value(QStringLiteral("rows_transferred")).toInteger() > 0);
        // Pulled again: the same totals in the history (replaced), seen through gatewayctl report.
        QCOMPARE(run(args).exitCode, 0);
        const Run report = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--by"),
                                QStringLiteral("gateway"), QStringLiteral("--json")});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        qint64 reported = 0;
        for (const QJsonValue &group :
             QJsonDocument::fromJson(report.out.toUtf8()).object().value(QStringLiteral("groups")).toArray())
            reported += group.toObject().value(QStringLiteral("requests")).toInteger();
        QCOMPARE(reported, expected);
        QCOMPARE(run({QStringLiteral("pull-usage"), QStringLiteral("--pg"), m_pg.url()}).exitCode, 2);
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(gwtest::PgCluster::password().toUtf8()));
    }

    void passwordNeverPrinted()
    {
        QVERIFY(!m_printed.isEmpty());
        for (const QString &text : std::as_const(m_printed))
            QVERIFY2(!text.contains(gwtest::PgCluster::password()), qPrintable(text));
        QVERIFY(!m_pg.serverLog().contains(gwtest::PgCluster::password()));
    }
};

QTEST_GUILESS_MAIN(TstGatewayctlProduction)
#include "tst_gatewayctl_production.moc"
