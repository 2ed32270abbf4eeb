// The app's side of the production link against a private PostgreSQL 15 the test starts
// (tests/production/pg_cluster.h): the Settings section with the password in the keychain only,
// the connection state, the "Live in production" panel (record, difference in words, drift,
// adopt as one undoable edit) and Publish with compare-and-set refusing a concurrent change.

#include "../production/pg_cluster.h"
#include "../production/production_fixture.h"
#include "../production/usage_rows.h"
#include "app_test_settings.h"

#include "common/draft_document.h"
#include "common/key_store.h"
#include "common/page_context.h"
#include "monitor/monitor_page.h"
#include "production/live_panel.h"
#include "production/production_connection.h"
#include "production/publish_dialog.h"
#include "production/publish_history_model.h"
#include "production/publish_history_panel.h"
#include "production/usage_pull_panel.h"
#include "shell/settings_dialog.h"

#include "history_store.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace gw::app;

namespace {

constexpr int kWaitMs = 30000;

// The keychain as the app uses it (asynchronous answers through the event loop), held in
// memory: no Secret Service daemon runs on a test machine. The app code under test is the
// same as with QtKeychain; only where the secret rests differs.
class InMemoryKeychain : public KeyStore {
public:
    bool isAvailable() const override { return true; }
    void read(const QString &account) override
    {
        QTimer::singleShot(0, this,
                           [this, account] { Q_EMIT readFinished(account, secrets.value(account), QString()); });
    }
    void write(const QString &account, const QString &secret) override
    {
        QTimer::singleShot(0, this, [this, account, secret] {
            secrets.insert(account, secret);
            Q_EMIT writeFinished(account, QString());
        });
    }
    QHash<QString, QString> secrets;
};

} // namespace

class TstAppProduction : public QObject {
    Q_OBJECT

private:
    gwtest::PgCluster m_pg;

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
    // The writer's fields as the Settings dialog saves them; the password in `keys` only.
    void configure(InMemoryKeychain &keys) const
    {
        QSettings s;
        s.setValue(QStringLiteral("production/writer/host"), QStringLiteral("127.0.0.1"));
        s.setValue(QStringLiteral("production/writer/port"), m_pg.port());
        s.setValue(QStringLiteral("production/writer/database"), gwtest::PgCluster::database());
        s.setValue(QStringLiteral("production/writer/user"), QStringLiteral("postgres"));
        s.setValue(QStringLiteral("production/readerSameAsWriter"), true);
        keys.secrets.insert(productionAccount(ProductionRole::Writer), gwtest::PgCluster::password());
    }
    // Publishes through the dialog with the workspace recording it, as File > Publish does.
    void publishFromApp(const gw::Workspace &workspace, double paid, qint64 revision, const QString &note)
    {
        PublishDialog dialog(gwtest::losslessConfig(paid, revision), link());
        dialog.setWorkspace(workspace);
        QSignalSpy base(&dialog, &PublishDialog::baseRead);
        QVERIFY(base.wait(kWaitMs));
        dialog.setWho(QStringLiteral("ops@example.com"));
        dialog.setNote(note);
        QSignalSpy finished(&dialog, &PublishDialog::finished);
        dialog.publishNow();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.resultText()));
        QCOMPARE(dialog.historyError(), QString());
    }
    gw::store::ProductionLink link() const
    {
        return gw::store::ProductionLink(gw::production::parsePgUrl(m_pg.url()).value);
    }

private Q_SLOTS:
    void initTestCase()
    {
        gwtest::isolateAppSettings(QStringLiteral("tst_app_production"));
        qunsetenv("PGPASSWORD");
        QCOMPARE(m_pg.start(), QString());
    }
    void cleanupTestCase()
    {
        // Pings and reads still running on pool threads finish against a live server, not one
        // shutting down under them.
        QThreadPool::globalInstance()->waitForDone(30000);
        m_pg.stop();
    }
    void init() { QSettings().remove(QStringLiteral("production")); }

    void settingsRoundTripKeepsThePasswordInTheKeychain()
    {
        InMemoryKeychain keys;
        {
            SettingsDialog dialog(&keys);
            dialog.findChild<QLineEdit *>(QStringLiteral("writerHostEdit"))->setText(QStringLiteral("127.0.0.1"));
            dialog.findChild<QSpinBox *>(QStringLiteral("writerPortSpin"))->setValue(m_pg.port());
            dialog.findChild<QLineEdit *>(QStringLiteral("writerDatabaseEdit"))->setText(gwtest::PgCluster::database());
            dialog.findChild<QLineEdit *>(QStringLiteral("writerUserEdit"))->setText(QStringLiteral("postgres"));
            auto *ssl = dialog.findChild<QComboBox *>(QStringLiteral("writerSslCombo"));
            ssl->setCurrentIndex(ssl->findData(QStringLiteral("disable")));
            auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("writerPasswordEdit"));
            QCOMPARE(password->echoMode(), QLineEdit::Password);
            QTest::keyClicks(password, gwtest::PgCluster::password());
            QSignalSpy written(&keys, &KeyStore::writeFinished);
            dialog.save();
            QVERIFY(written.wait(kWaitMs));
            QVERIFY(password->text().isEmpty());
        }
        QCOMPARE(keys.secrets.value(productionAccount(ProductionRole::Writer)), gwtest::PgCluster::password());
        QSettings().sync();
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settingsBytes = file.readAll();
        QVERIFY(settingsBytes.contains("production"));
        QVERIFY2(!settingsBytes.contains(gwtest::PgCluster::password().toUtf8()), "the password reached QSettings");

        const ProductionSettings loaded = ProductionSettings::load();
        QCOMPARE(loaded.writer.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(loaded.writer.port, m_pg.port());
        QCOMPARE(loaded.writer.sslMode, QStringLiteral("disable"));
        QVERIFY(loaded.readerSameAsWriter);
        QVERIFY(loaded.writer.password.isEmpty());

        SettingsDialog reopened(&keys);
        QTRY_COMPARE_WITH_TIMEOUT(reopened.passwordStateText(ProductionRole::Writer),
                                  QStringLiteral("password stored in the keychain"), kWaitMs);
        QCOMPARE(reopened.findChild<QLineEdit *>(QStringLiteral("writerDatabaseEdit"))->text(),
                 gwtest::PgCluster::database());

        // The saved settings and the keychain's password connect; the tool tip names the database, not the password.
        ProductionConnection connection(&keys);
        QSignalSpy state(&connection, &ProductionConnection::stateChanged);
        connection.reload();
        while (connection.state() == ProductionConnection::State::Checking || state.isEmpty())
            QVERIFY(state.wait(kWaitMs));
        QVERIFY2(connection.state() == ProductionConnection::State::Connected, qPrintable(connection.toolTipText()));
        QVERIFY(connection.toolTipText().contains(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/gwtest?sslmode=disable").arg(m_pg.port())));
        QVERIFY(!connection.toolTipText().contains(gwtest::PgCluster::password()));
        QVERIFY(!connection.stateText().contains(gwtest::PgCluster::password()));
    }

    void wrongPasswordIsAClearStateNotAFreeze()
    {
        InMemoryKeychain keys;
        configure(keys);
        keys.secrets.insert(productionAccount(ProductionRole::Writer), QStringLiteral("not-the-password"));
        ProductionConnection connection(&keys);
        QSignalSpy state(&connection, &ProductionConnection::stateChanged);
        connection.reload();
        while (connection.state() == ProductionConnection::State::Checking || state.isEmpty())
            QVERIFY(state.wait(kWaitMs));
        QVERIFY(connection.state() != ProductionConnection::State::Connected);
        QVERIFY(!connection.toolTipText().contains(QStringLiteral("not-the-password")));
    }

    void livePanelShowsTheRecordAndTheDifferenceInWords()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 3, "vercel_routing_percentage_free": 2,
            "vercel_routing_opt_out_models": ["moonshotai/kimi-k2", "qwen/qwen3-coder:free"], "perplexity_routing_percentage": 10,
            "updated_at": "2026-12-01T10:00:00Z", "updated_by": "web-admin", "note": "from the web admin"})"));
        InMemoryKeychain keys;
        configure(keys);
        ProductionConnection connection(&keys);
        DraftDocument document;
        document.reset(gwtest::losslessConfig(5));
        LivePanel panel(&document);
        QSignalSpy refreshed(&panel, &LivePanel::refreshed);
        panel.setConnection(&connection);
        connection.reload();
        QVERIFY(refreshed.wait(kWaitMs));
        QVERIFY2(panel.live().has_value(), qPrintable(panel.statusText()));
        QCOMPARE(panel.live()->paidPercent, 3.0);
        QCOMPARE(panel.live()->perplexityPercent.value_or(-1), 10.0);
        QCOMPARE(panel.differenceText(), QStringLiteral("Draft vs live: paid 3% -> 5%"));
        // Nothing published from here: the drift is measured against the last export, named.
        QVERIFY(panel.driftText().isEmpty());
        panel.setBaseline(gwtest::losslessConfig(5), QStringLiteral("exports/kilo-gateway-r5.json"));
        QVERIFY2(panel.driftText().contains(QStringLiteral("exports/kilo-gateway-r5.json")),
                 qPrintable(panel.driftText()));
        QVERIFY2(panel.driftText().contains(QStringLiteral("paid 5% -> 3%")), qPrintable(panel.driftText()));
        panel.setBaseline(gwtest::losslessConfig(3), QStringLiteral("exports/kilo-gateway-r6.json"));
        QVERIFY2(panel.driftText().isEmpty(), qPrintable(panel.driftText()));
    }

    void adoptIntoDraftIsOneUndoableEdit()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 7.5, "vercel_routing_percentage_free": 4,
            "vercel_routing_opt_out_models": ["moonshotai/kimi-k2", "qwen/qwen3-coder:free", "openai/gpt-5"], "updated_by": "web-admin"})"));
        InMemoryKeychain keys;
        configure(keys);
        ProductionConnection connection(&keys);
        DraftDocument document;
        const gw::RoutingConfig original = gwtest::losslessConfig(5);
        document.reset(original);
        LivePanel panel(&document);
        QSignalSpy refreshed(&panel, &LivePanel::refreshed);
        panel.setConnection(&connection);
        connection.reload();
        QVERIFY(refreshed.wait(kWaitMs));
        QVERIFY(panel.canAdopt());
        const int commands = document.undoStack()->count();
        panel.adoptIntoDraft();
        QCOMPARE(document.undoStack()->count(), commands + 1);
        QCOMPARE(document.config().defaultSharePaid, 7.5);
        QCOMPARE(document.config().defaultShareFree, 4.0);
        QCOMPARE(document.config().rules.first().match.models, QStringList{QStringLiteral("openai/gpt-5")});
        QCOMPARE(panel.differenceText(), QStringLiteral("Draft vs live: no change"));
        QVERIFY(!panel.canAdopt());
        document.undoStack()->undo();
        QVERIFY(document.config() == original);
    }

    void publishWritesAndAConcurrentChangeIsRefused()
    {
        setRecord(QStringLiteral(
            R"({"vercel_routing_percentage": 3, "vercel_routing_percentage_free": 2, "friendli_routing_percentage": 4,
            "updated_by": "web-admin", "note": "old"})"));
        {
            PublishDialog dialog(gwtest::losslessConfig(5), link());
            QSignalSpy base(&dialog, &PublishDialog::baseRead);
            QVERIFY(base.wait(kWaitMs));
            QVERIFY(dialog.isBaseRead());
            QVERIFY(!dialog.publishButton()->isEnabled()); // no note yet
            dialog.setWho(QStringLiteral("ops@example.com"));
            dialog.setNote(QString(501, QLatin1Char('x')));
            QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"))->text().size(),
                     500); // the record keeps 500
            dialog.setNote(QStringLiteral("raise paid to 5"));
            QVERIFY(dialog.publishButton()->isEnabled());
            QSignalSpy finished(&dialog, &PublishDialog::finished);
            dialog.publishNow();
            QVERIFY(finished.wait(kWaitMs));
            QCOMPARE(finished.first().first().toBool(), true);
            QVERIFY2(dialog.resultText().contains(QStringLiteral("UTC")), qPrintable(dialog.resultText()));
            QVERIFY(dialog.resultText().contains(dialog.outcome().liveBy.toUTC().toString(QStringLiteral("HH:mm"))));
        }
        QJsonObject stored = storedRecord();
        QCOMPARE(stored.value(QStringLiteral("vercel_routing_percentage")).toDouble(), 5.0);
        QCOMPARE(stored.value(QStringLiteral("note")).toString(), QStringLiteral("raise paid to 5"));
        QCOMPARE(stored.value(QStringLiteral("updated_by_email")).toString(), QStringLiteral("ops@example.com"));
        QCOMPARE(stored.value(QStringLiteral("friendli_routing_percentage")).toDouble(), 4.0); // not ours: kept

        // A second dialog reads the record; the web admin then overwrites it on its own connection.
        PublishDialog dialog(gwtest::losslessConfig(8), link());
        QSignalSpy base(&dialog, &PublishDialog::baseRead);
        QVERIFY(base.wait(kWaitMs));
        setRecord(
            QStringLiteral(R"({"vercel_routing_percentage": 1, "updated_by": "web-admin", "note": "emergency"})"));
        const QJsonObject webAdmin = storedRecord();
        dialog.setWho(QStringLiteral("ops@example.com"));
        dialog.setNote(QStringLiteral("raise paid to 8"));
        QSignalSpy finished(&dialog, &PublishDialog::finished);
        dialog.publishNow();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(dialog.outcome().error.status == gw::store::ProductionStatus::Refused);
        QVERIFY(storedRecord() == webAdmin); // nothing written
        const QStringList difference = dialog.difference();
        QCOMPARE(difference.size(), 3);
        QVERIFY2(difference.at(0).startsWith(QStringLiteral("live vs base: paid 5% -> 1%")),
                 qPrintable(difference.join(u'\n')));
        QVERIFY2(difference.at(2).contains(QStringLiteral("paid 1% -> 8%")), qPrintable(difference.join(u'\n')));
    }

    void lossyPublishNeedsTheExplicitConfirmation()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 3})"));
        gw::RoutingConfig draft = gwtest::losslessConfig(5);
        draft.failover.enabled = true;
        PublishDialog dialog(draft, link());
        QSignalSpy base(&dialog, &PublishDialog::baseRead);
        QVERIFY(base.wait(kWaitMs));
        dialog.setWho(QStringLiteral("ops@example.com"));
        dialog.setNote(QStringLiteral("lossy"));
        QVERIFY(!dialog.losses().isEmpty());
        QVERIFY(dialog.losses().first().contains(QStringLiteral("failover")));
        QVERIFY(!dialog.publishButton()->isEnabled());
        dialog.setAllowLossy(true);
        QVERIFY(dialog.publishButton()->isEnabled());
    }

    void driftSeenByTheLivePanelIsRecordedOnce()
    {
        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 3, "updated_by": "web-admin"})"));
        QTemporaryDir dir;
        const gw::Workspace workspace(dir.path());
        publishFromApp(workspace, 5, 5, QStringLiteral("paid to five"));
        InMemoryKeychain keys;
        configure(keys);
        ProductionConnection connection(&keys);
        DraftDocument document;
        document.reset(gwtest::losslessConfig(5));
        LivePanel panel(&document);
        panel.setWorkspace(workspace);
        panel.setLastPublished(workspace.history().constLast().after);
        QSignalSpy refreshed(&panel, &LivePanel::refreshed);
        panel.setConnection(&connection);
        connection.reload();
        QVERIFY(refreshed.wait(kWaitMs));
        QVERIFY(panel.driftText().isEmpty());
        QCOMPARE(workspace.history().size(), 1); // as published: no drift

        setRecord(QStringLiteral(R"({"vercel_routing_percentage": 9, "updated_by": "web-admin", "note": "by hand"})"));
        panel.refresh();
        QVERIFY(refreshed.wait(kWaitMs));
        QVERIFY2(panel.driftText().contains(QStringLiteral("paid 5% -> 9%")), qPrintable(panel.driftText()));
        QCOMPARE(workspace.history().size(), 2);
        QCOMPARE(workspace.history().constLast().kind, QStringLiteral("drift"));
        QVERIFY(workspace.history().constLast().after == storedRecord());
        panel.refresh(); // the same record seen again: not recorded twice
        QVERIFY(refreshed.wait(kWaitMs));
        QCOMPARE(workspace.history().size(), 2);
    }

    void publishHistoryRollsBackThroughCompareAndSet()
    {
        setRecord(QStringLiteral(
            R"({"vercel_routing_percentage": 3, "friendli_routing_percentage": 4, "updated_by": "web-admin"})"));
        QTemporaryDir dir;
        const gw::Workspace workspace(dir.path());
        publishFromApp(workspace, 5, 5, QStringLiteral("paid to five"));
        publishFromApp(workspace, 8, 6, QStringLiteral("paid to eight"));
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 8.0);

        InMemoryKeychain keys;
        configure(keys);
        ProductionConnection connection(&keys);
        PublishHistoryPanel panel;
        panel.setConnection(&connection);
        panel.setWorkspace(workspace);
        connection.reload();
        QCOMPARE(panel.publishes().size(), 2);
        QCOMPARE(panel.publishes().at(0).revision, 6); // newest first
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.list()->model(), panel.model());
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.list()->currentIndex().row(), 0); // the newest is selected
        const auto cell = [&](int row, int column) { return panel.model()->index(row, column).data().toString(); };
        QCOMPARE(cell(0, PublishHistoryModel::Revision), QStringLiteral("6"));
        QCOMPARE(cell(0, PublishHistoryModel::Note), QStringLiteral("paid to eight"));
        QVERIFY2(cell(0, PublishHistoryModel::Change).contains(QStringLiteral("paid 5% -> 8%")),
                 qPrintable(cell(0, PublishHistoryModel::Change)));
        QVERIFY2(cell(1, PublishHistoryModel::Change).contains(QStringLiteral("paid 3% -> 5%")),
                 qPrintable(cell(1, PublishHistoryModel::Change)));
        QTRY_VERIFY_WITH_TIMEOUT(panel.rollBackButton()->isEnabled(), kWaitMs); // once the keychain answered

        // A note is required: refused before anything reaches the database.
        QSignalSpy finished(&panel, &PublishHistoryPanel::finished);
        panel.rollBackTo(1, QStringLiteral("ops@example.com"), QStringLiteral("  "));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QCOMPARE(storedRecord().value(QStringLiteral("vercel_routing_percentage")).toDouble(), 8.0);

        QSignalSpy rolledBack(&panel, &PublishHistoryPanel::rolledBack);
        panel.rollBackTo(1, QStringLiteral("ops@example.com"), QStringLiteral("back to five"));
        QVERIFY(panel.isBusy());
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.takeFirst().first().toBool(), qPrintable(panel.resultText()));
        QVERIFY2(panel.resultText().contains(QStringLiteral("UTC")), qPrintable(panel.resultText()));
        const QJsonObject stored = storedRecord();
        QCOMPARE(stored.value(QStringLiteral("vercel_routing_percentage")).toDouble(), 5.0);
        QCOMPARE(stored.value(QStringLiteral("note")).toString(), QStringLiteral("back to five"));
        QCOMPARE(stored.value(QStringLiteral("friendli_routing_percentage")).toDouble(), 4.0); // not ours: kept
        QCOMPARE(rolledBack.size(), 1);
        QVERIFY(rolledBack.first().first().toJsonObject() == stored);
        QCOMPARE(panel.publishes().size(), 3); // the rollback is a publish in the history
        QCOMPARE(panel.publishes().at(0).revision, 5);
        QVERIFY(panel.publishes().at(0).after == stored);
        QCOMPARE(panel.publishes().at(0).file, panel.publishes().at(2).file); // the earlier native config, referenced

        // The web admin changes the record: the next rollback is refused, nothing written, drift recorded.
        setRecord(
            QStringLiteral(R"({"vercel_routing_percentage": 1, "updated_by": "web-admin", "note": "emergency"})"));
        const QJsonObject webAdmin = storedRecord();
        panel.rollBackTo(1, QStringLiteral("ops@example.com"), QStringLiteral("back to eight"));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QVERIFY(storedRecord() == webAdmin);
        QVERIFY2(!panel.difference().isEmpty(), qPrintable(panel.resultText()));
        QCOMPARE(panel.publishes().size(), 3);
        QCOMPARE(workspace.history().constLast().kind, QStringLiteral("drift"));
        QVERIFY(workspace.history().constLast().after == webAdmin);

        QFile history(workspace.historyPath());
        QVERIFY(history.open(QIODevice::ReadOnly));
        QVERIFY2(!history.readAll().contains(gwtest::PgCluster::password().toUtf8()),
                 "the password reached the history");

        // A window that opened the workspace read-only lists the publishes but rolls nothing back.
        panel.setRollBackAllowed(false);
        QVERIFY(!panel.rollBackButton()->isEnabled());
        panel.rollBackTo(0, QStringLiteral("ops@example.com"), QStringLiteral("read-only"));
        QVERIFY(!panel.isBusy());
        QVERIFY(finished.isEmpty());
        QCOMPARE(panel.publishes().size(), 3);
    }

    void usagePullInTheMonitorCancelsThenPullsOffTheGuiThread()
    {
        // 600 requests over the last two hours, both gateways and one provider that is not ours.
        const QString start =
            QDateTime::currentDateTimeUtc().addSecs(-7200).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss+00"));
        QCOMPARE(m_pg.psql(QStringLiteral("TRUNCATE microdollar_usage, microdollar_usage_metadata;")
                           + gwtest::usageRowsSql(1, 600, start, 7000)),
                 QString());
        const quint64 ours =
            m_pg.value(
                    QStringLiteral("SELECT count(*) FROM microdollar_usage WHERE provider IN ('openrouter', 'vercel')"))
                .toULongLong();
        QVERIFY(ours > 300);

        QTemporaryDir dir;
        auto store = std::make_shared<gw::store::HistoryStore>();
        QVERIFY(store->open(dir.filePath(QStringLiteral("history.sqlite"))).result().ok());
        InMemoryKeychain keys;
        configure(keys);
        ProductionConnection connection(&keys);
        DraftDocument document;
        document.reset(gwtest::losslessConfig(5));
        auto context = std::make_shared<PageContext>(&document);
        context->setHistory(store);
        MonitorPage page(context);
        auto *panel = new UsagePullPanel;
        panel->setConnection(&connection);
        page.setProductionPull(panel);
        QVERIFY(panel->parent() == &page); // the page owns it
        connection.reload();
        QTRY_VERIFY_WITH_TIMEOUT(panel->pullButton()->isEnabled(), kWaitMs);

        // Cancel: the history is as it was.
        QSignalSpy finished(panel, &UsagePullPanel::finished);
        panel->pull();
        QVERIFY(panel->isBusy());
        QVERIFY(!panel->pullButton()->isEnabled());
        QVERIFY(!panel->cancelButton()->isHidden() && !panel->progressBar()->isHidden());
        panel->cancel();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QVERIFY(panel->lastResult().error.status == gw::store::ProductionStatus::Cancelled);
        QVERIFY2(panel->resultText().contains(QStringLiteral("as it was")), qPrintable(panel->resultText()));
        QVERIFY(store->trafficBuckets(gw::TrafficResolution::Minute).result().value.isEmpty());
        QVERIFY(panel->cancelButton()->isHidden());

        // Pull: every request of ours once, and the Monitor reloads with production's note on the error chart.
        panel->pull();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.takeFirst().first().toBool(), qPrintable(panel->resultText()));
        QCOMPARE(panel->lastResult().requests, ours);
        quint64 stored = 0;
        for (const gw::TrafficBucket &b : store->trafficBuckets(gw::TrafficResolution::Minute).result().value)
            stored += b.values.requests;
        QCOMPARE(stored, ours);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.noteText(MonitorController::Errors).contains(QStringLiteral("no finer error class")), kWaitMs);
        QVERIFY2(!page.showsEmptyState(), qPrintable(page.statusText()));
        QVERIFY(UsagePullPanel::errorChartNote(gw::SeriesTable{}).isEmpty()); // our own logs: no such note
    }
};

QTEST_MAIN(TstAppProduction)
#include "tst_app_production.moc"
