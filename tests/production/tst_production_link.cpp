// The production record through the real QPSQL driver against a private PostgreSQL 15: reading
// the live record (defaults, bad rows), publishing with compare-and-set, and the password kept
// out of every message.

#include "pg_cluster.h"
#include "production_fixture.h"

#include "production/live_record.h"
#include "production/pg_url.h"
#include "production_link.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace gw;
using namespace gw::store;

class TstProductionLink : public QObject {
    Q_OBJECT

private:
    gwtest::PgCluster m_pg;

    ProductionLink link(ProductionLinkOptions options = {}) const
    {
        return ProductionLink(production::parsePgUrl(m_pg.url()).value, options);
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
    QJsonObject storedRecord() const
    {
        return QJsonDocument::fromJson(
                   m_pg.value(QStringLiteral("SELECT config::text FROM ai_gateway_config WHERE id = 1")).toUtf8())
            .object();
    }
    PublishRequest draftRequest(double paid, const QJsonObject &expected) const
    {
        PublishRequest request;
        const production::OwnedMembers owned =
            production::ownedMembersFromDraft(gwtest::losslessConfig(paid), false, {});
        if (!owned.ok)
            qFatal("draft not expressible: %s", qPrintable(owned.error));
        request.owned = owned.members;
        request.stamp = {QDateTime::currentDateTimeUtc(), QStringLiteral("ops@example.com"),
                         QStringLiteral("raise paid")};
        request.expectedConfig = expected;
        return request;
    }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_pg.start(), QString()); }
    void cleanupTestCase() { m_pg.stop(); }

    void urlParsing()
    {
        const auto full =
            production::parsePgUrl(QStringLiteral("postgresql://ops:p%40ss@db.example.com:6543/prod?sslmode=require"));
        QVERIFY(full.ok());
        QCOMPARE(full.value.user, QStringLiteral("ops"));
        QCOMPARE(full.value.password, QStringLiteral("p@ss"));
        QCOMPARE(full.value.host, QStringLiteral("db.example.com"));
        QCOMPARE(full.value.port, 6543);
        QCOMPARE(full.value.database, QStringLiteral("prod"));
        QCOMPARE(full.value.sslMode, QStringLiteral("require"));
        QCOMPARE(full.value.describe(), QStringLiteral("postgresql://ops@db.example.com:6543/prod?sslmode=require"));
        const auto env = production::parsePgUrl(QStringLiteral("postgresql://ops@db/prod"), QStringLiteral("from-env"));
        QCOMPARE(env.value.password, QStringLiteral("from-env"));
        QCOMPARE(env.value.port, 5432);
        for (const char *bad :
             {"mysql://ops:hunter2@db/prod", "postgresql://ops:hunter2@db/", "postgresql://:hunter2@db/prod",
              "postgresql://ops:hunter2@db/prod?sslmode=maybe", "postgresql://ops:hunter2@db/prod?options=x"}) {
            const auto r = production::parsePgUrl(QString::fromLatin1(bad));
            QVERIFY2(!r.ok(), bad);
            QVERIFY2(!r.error.isEmpty(), bad);
            QVERIFY2(!r.error.contains(QStringLiteral("hunter2")), qPrintable(r.error));
        }
    }

    void liveDefaultsForNullPercentages()
    {
        setRecord(QStringLiteral(
            R"({"vercel_routing_percentage": null, "vercel_routing_opt_out_models": ["a/b"], "perplexity_routing_percentage": 7})"));
        const LiveRead r = link().readLive();
        QVERIFY2(r.error.ok(), qPrintable(r.error.message));
        QCOMPARE(r.record.paidPercent, 50.0);
        QCOMPARE(r.record.freePercent, 50.0);
        QCOMPARE(r.record.optOutModels, QStringList{QStringLiteral("a/b")});
        QCOMPARE(r.record.perplexityPercent.value_or(-1), 7.0);
        QVERIFY(!r.record.friendliPercent);
    }

    void badRows_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("where");
        QTest::newRow("opt-out a string") << QStringLiteral(R"({"vercel_routing_opt_out_models": "a/b,c/d"})")
                                          << QStringLiteral("config/vercel_routing_opt_out_models: expected an array");
        QTest::newRow("opt-out entry a number") << QStringLiteral(R"({"vercel_routing_opt_out_models": ["a/b", 3]})")
                                                << QStringLiteral("config/vercel_routing_opt_out_models/1:");
        QTest::newRow("percentage a string") << QStringLiteral(R"({"vercel_routing_percentage": "5"})")
                                             << QStringLiteral("config/vercel_routing_percentage: expected a number");
        QTest::newRow("percentage above 100")
            << QStringLiteral(R"({"vercel_routing_percentage_free": 140})")
            << QStringLiteral("config/vercel_routing_percentage_free: 140 is outside 0..100");
    }
    void badRows()
    {
        QFETCH(QString, record);
        QFETCH(QString, where);
        setRecord(record);
        const LiveRead r = link().readLive();
        QCOMPARE(r.error.status, ProductionStatus::BadRecord);
        QVERIFY2(r.error.message.contains(where), qPrintable(r.error.message));
    }

    void missingRow()
    {
        QCOMPARE(m_pg.psql(QStringLiteral("DELETE FROM ai_gateway_config")), QString());
        const LiveRead r = link().readLive();
        QCOMPARE(r.error.status, ProductionStatus::BadRecord);
        QVERIFY2(r.error.message.contains(QStringLiteral("no row 1")), qPrintable(r.error.message));
    }

    void publishRoundTripKeepsMembersNotOwned()
    {
        setRecord(QStringLiteral(
            R"({"vercel_routing_percentage": 1, "vercel_routing_percentage_free": 1, "vercel_routing_opt_out_models": [],
            "perplexity_routing_percentage": 12.5, "team_flag": {"x": [1, 2]}, "note": "web admin"})"));
        const LiveRead before = link().readLive();
        QVERIFY2(before.error.ok(), qPrintable(before.error.message));
        const PublishRequest request = draftRequest(3, before.record.config);
        const PublishOutcome published = link().publish(request);
        QVERIFY2(published.error.ok(), qPrintable(published.error.message));
        QCOMPARE(published.before, before.record.config);
        QCOMPARE(published.liveBy, request.stamp.now.addSecs(60));

        const QJsonObject stored = storedRecord();
        QCOMPARE(stored, published.after);
        QCOMPARE(stored.value(QStringLiteral("vercel_routing_percentage")).toDouble(), 3.0);
        QCOMPARE(stored.value(QStringLiteral("vercel_routing_percentage_free")).toDouble(), 2.0);
        QCOMPARE(stored.value(QStringLiteral("vercel_routing_opt_out_models")).toArray(),
                 QJsonArray({QStringLiteral("moonshotai/kimi-k2"), QStringLiteral("qwen/qwen3-coder:free")}));
        QCOMPARE(stored.value(QStringLiteral("perplexity_routing_percentage")).toDouble(), 12.5);
        QCOMPARE(stored.value(QStringLiteral("team_flag")).toObject(),
                 QJsonObject({{QStringLiteral("x"), QJsonArray({1, 2})}}));
        QCOMPARE(stored.value(QStringLiteral("note")).toString(), QStringLiteral("raise paid"));
        QCOMPARE(stored.value(QStringLiteral("updated_by_email")).toString(), QStringLiteral("ops@example.com"));
        QCOMPARE(stored.value(QStringLiteral("updated_at")).toString(), formatRfc3339(request.stamp.now));
        QCOMPARE(
            stored.value(QStringLiteral("gateway_console")).toObject().value(QStringLiteral("revision")).toInteger(),
            5);
        QCOMPARE(production::describeChange(before.record.config, stored).mid(0, 3),
                 QStringList({QStringLiteral("paid 1% -> 3%"), QStringLiteral("free 1% -> 2%"),
                              QStringLiteral("opt-out +2 models (moonshotai/kimi-k2, qwen/qwen3-coder:free)")}));
    }

    void publishRefusedOnConcurrentChange()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 1, "note": "base"})"));
        const LiveRead read = link().readLive();
        QVERIFY(read.error.ok());
        // Someone saves in the web admin between our read and our write.
        QCOMPARE(
            m_pg.psql(QStringLiteral(
                R"(UPDATE ai_gateway_config SET config = '{"vercel_routing_percentage": 9, "note": "web admin"}' WHERE id = 1)")),
            QString());
        const QJsonObject theirs = storedRecord();
        const PublishOutcome r = link().publish(draftRequest(3, read.record.config));
        QCOMPARE(r.error.status, ProductionStatus::Refused);
        QCOMPARE(storedRecord(), theirs);
        QCOMPARE(r.difference.size(), 3);
        QVERIFY2(r.difference.at(0).startsWith(QStringLiteral("live vs base: paid 1% -> 9%")),
                 qPrintable(r.difference.join(u'\n')));
        QVERIFY2(r.difference.at(1).contains(QStringLiteral("paid 1% -> 3%")), qPrintable(r.difference.at(1)));
    }

    void publishExpectUpdatedAtAndForce()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 1, "updated_at": "2026-01-02T03:04:05Z"})"));
        PublishRequest request = draftRequest(4, {});
        request.expectedConfig.reset();
        request.expectedUpdatedAt = QStringLiteral("2026-01-02T03:04:06Z");
        QCOMPARE(link().publish(request).error.status, ProductionStatus::Refused);
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 1.0);
        request.expectedUpdatedAt = QStringLiteral("2026-01-02T04:04:05+01:00"); // the same instant
        QVERIFY(link().publish(request).error.ok());
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 4.0);

        request.expectedUpdatedAt.reset();
        QCOMPARE(link().publish(request).error.status, ProductionStatus::InvalidInput); // no base, no force
        request.force = true;
        request.owned = production::ownedMembersFromDraft(gwtest::losslessConfig(6), false, {}).members;
        QVERIFY(link().publish(request).error.ok());
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 6.0);
    }

    void publishNeedsNoteAndWritesNothingWithout()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 1})"));
        PublishRequest request = draftRequest(3, storedRecord());
        request.stamp.note.clear();
        QCOMPARE(link().publish(request).error.status, ProductionStatus::InvalidInput);
        request.stamp.note = QString(501, u'x');
        const PublishOutcome r = link().publish(request);
        QCOMPARE(r.error.status, ProductionStatus::InvalidInput);
        QVERIFY2(r.error.message.contains(QStringLiteral("501")), qPrintable(r.error.message));
        QCOMPARE(storedRecord(), QJsonObject({{QStringLiteral("vercel_routing_percentage"), 1}}));
    }

    void lossyDraftNeedsAllowLossy()
    {
        gw::RoutingConfig lossy = gwtest::losslessConfig(3);
        lossy.cohort = QStringLiteral("other");
        const production::OwnedMembers refused = production::ownedMembersFromDraft(lossy, false, {});
        QVERIFY(!refused.ok);
        QVERIFY(!refused.losses.isEmpty());
        QVERIFY(production::ownedMembersFromDraft(lossy, true, {}).ok);
    }

    void lockedRowTimesOut()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 1})"));
        // A second connection holds the row lock: the publish waits, then the statement timeout ends it.
        PgSession locker(production::parsePgUrl(m_pg.url()).value, {});
        QVERIFY(locker.open().ok());
        QVERIFY(locker.db().transaction());
        QSqlQuery lock(locker.db());
        QVERIFY(lock.exec(QStringLiteral("SELECT 1 FROM ai_gateway_config WHERE id = 1 FOR UPDATE")));
        ProductionLinkOptions quick;
        quick.statementTimeoutMs = 300;
        const PublishOutcome r = link(quick).publish(draftRequest(3, storedRecord()));
        QCOMPARE(r.error.status, ProductionStatus::Timeout);
        QVERIFY(locker.db().rollback());
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 1.0);
    }

    void wrongPasswordNeverQuoted()
    {
        const QString wrong = QStringLiteral("wrong-Pw-31337");
        const ProductionLink bad(production::parsePgUrl(m_pg.url(wrong)).value);
        const LiveRead r = bad.readLive();
        QCOMPARE(r.error.status, ProductionStatus::Connection);
        QVERIFY(!r.error.message.isEmpty());
        QVERIFY2(!r.error.message.contains(wrong), qPrintable(r.error.message));
        QVERIFY(!m_pg.serverLog().contains(wrong));
        QVERIFY(!m_pg.serverLog().contains(gwtest::PgCluster::password()));
    }
};

QTEST_GUILESS_MAIN(TstProductionLink)
#include "tst_production_link.moc"
