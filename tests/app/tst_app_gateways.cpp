// The app's gateway connections and catalog sync, against the in-process local simulator and a
// loopback port where nothing listens: connection states in the status bar, masked keys, sync
// progress, snapshots written, and "changed since last sync" on the Models page.

#include "app_test_settings.h"
#include "common/gateway_connections.h"
#include "common/key_store.h"
#include "models/catalog_sync.h"
#include "models/mapping_table_model.h"
#include "models/models_page.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "workspace/workspace.h"

#include "gateway_simulator.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::app;

namespace {
constexpr int kWaitMs = 20000;
const QString kFakeKey = QStringLiteral("sk-or-v1-FAKE-test-key-0042");

void setGateway(const QString &name, bool local, const QString &baseUrl = QString())
{
    QSettings s;
    s.setValue(QStringLiteral("gateways/") + name + QStringLiteral("/local"), local);
    s.setValue(QStringLiteral("gateways/") + name + QStringLiteral("/baseUrl"), baseUrl);
}

bool waitForState(GatewayConnections *c, gw::Gateway gateway, GatewayConnections::State state)
{
    return QTest::qWaitFor([&] { return c->state(gateway) == state; }, kWaitMs);
}
} // namespace

class TstAppGateways : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UnavailableKeyStore> m_keys;
    std::unique_ptr<MainWindow> m_window;

    MainWindow *openWindow()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        if (!gw::app::installSampleWorkspace(m_dir->path(), &error))
            qFatal("sample workspace: %s", qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->setKeyStore(m_keys.get()); // no keychain daemon offscreen: environment keys only
        m_window->routingPage()->preview()->controller()->setUsers(200);
        if (!m_window->openWorkspace(m_dir->path(), MainWindow::Recovery::Discard))
            qFatal("could not open the workspace");
        m_window->show();
        return m_window.get();
    }

    QString gatewayStatusLabel() const
    {
        const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
        for (QLabel *label : labels)
            if (label->text().startsWith(QStringLiteral("OpenRouter:")))
                return label->text() + QLatin1Char('\n') + label->toolTip();
        return QString();
    }

    int changedRows() const
    {
        MappingTableModel *model = m_window->modelsPage()->mappingModel();
        int changed = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            changed += model->index(row, MappingTableModel::SinceSync).data(MappingTableModel::ChangedRole).toBool();
        return changed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        gwtest::isolateAppSettings(QStringLiteral("tst_app_gateways"));
        m_keys = std::make_unique<UnavailableKeyStore>(QStringLiteral("no daemon in tests."));
        qunsetenv("OPENROUTER_API_KEY");
        qunsetenv("AI_GATEWAY_API_KEY");
    }
    void cleanup()
    {
        m_window.reset();
        qunsetenv("OPENROUTER_API_KEY");
    }

    void localSimulatorConnectsBoth()
    {
        setGateway(QStringLiteral("openrouter"), true);
        setGateway(QStringLiteral("vercel"), true);
        openWindow();
        GatewayConnections *c = m_window->connections();
        QVERIFY(c->simulator());
        QVERIFY(c->simulator()->isListening());
        QVERIFY(waitForState(c, gw::Gateway::OpenRouter, GatewayConnections::State::Connected));
        QVERIFY(waitForState(c, gw::Gateway::Vercel, GatewayConnections::State::Connected));
        QCOMPARE(c->settings(gw::Gateway::Vercel).baseUrl, c->simulator()->vercelBaseUrl());
        const QString status = gatewayStatusLabel();
        QVERIFY2(status.contains(
                     QStringLiteral("OpenRouter: connected (local simulator) · Vercel: connected (local simulator)")),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("127.0.0.1")), qPrintable(status));
        // Both balance checks reached the simulator, one per gateway.
        QCOMPARE(c->simulator()->stats().requests.value(QStringLiteral("openrouter")).value(QStringLiteral("key")), 1);
        QCOMPARE(c->simulator()->stats().requests.value(QStringLiteral("vercel")).value(QStringLiteral("credits")), 1);
    }

    void noKeyAndUnreachableAreTold()
    {
        setGateway(QStringLiteral("openrouter"), false,
                   QStringLiteral("http://127.0.0.1:1/api/v1")); // nothing listens on port 1
        setGateway(QStringLiteral("vercel"), false, QStringLiteral("https://ai-gateway.example.invalid/v1"));
        qputenv("OPENROUTER_API_KEY", kFakeKey.toUtf8());
        openWindow();
        GatewayConnections *c = m_window->connections();
        QVERIFY(!c->simulator());
        QVERIFY(waitForState(c, gw::Gateway::Vercel, GatewayConnections::State::NoKey));
        QVERIFY(waitForState(c, gw::Gateway::OpenRouter, GatewayConnections::State::Unreachable));
        const QString status = gatewayStatusLabel();
        QVERIFY2(status.contains(QStringLiteral("OpenRouter: unreachable · Vercel: no key")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("sk-or-v1-…0042")), qPrintable(status)); // masked
        QVERIFY2(!status.contains(kFakeKey), qPrintable(status));
    }

    void syncCatalogsFromSimulator()
    {
        setGateway(QStringLiteral("openrouter"), true);
        setGateway(QStringLiteral("vercel"), true);
        openWindow();
        ModelsPage *page = m_window->modelsPage();
        QSignalSpy ready(page, &ModelsPage::proposalsReady);
        QVERIFY(ready.wait(kWaitMs));
        // The sample's previous sync is July 2025: seven months of changes stand out.
        const int changedBefore = changedRows();
        QVERIFY2(changedBefore > 50, qPrintable(QString::number(changedBefore)));
        auto *changedOnly = page->findChild<QAbstractButton *>(QStringLiteral("changedChip"));
        QTest::mouseClick(changedOnly, Qt::LeftButton);
        QCOMPARE(page->proxy()->rowCount(), changedBefore);
        QVERIFY(page->statusText().contains(QStringLiteral("catalogs/openrouter-models-2025-07-25.json")));

        GatewayConnections *c = m_window->connections();
        QVERIFY(waitForState(c, gw::Gateway::Vercel, GatewayConnections::State::Connected));
        QSignalSpy synced(page->catalogSync(), &CatalogSync::finished);
        QSignalSpy progress(page->catalogSync(), &CatalogSync::progress);
        ready.clear();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("syncButton")), Qt::LeftButton);
        QVERIFY(synced.wait(kWaitMs));
        const QStringList written = synced.at(0).at(0).toStringList();
        QCOMPARE(synced.at(0).at(1).toStringList(), QStringList());
        QCOMPARE(written.size(), 2);
        const QRegularExpression name(
            QStringLiteral("^catalogs/(openrouter|vercel)-models-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.json$"));
        for (const QString &file : written) {
            QVERIFY2(name.match(file).hasMatch(), qPrintable(file));
            QVERIFY(QFileInfo(m_dir->path() + QLatin1Char('/') + file).size() > 100000);
        }
        QCOMPARE(progress.last().at(0).toInt(), 2);
        QCOMPARE(progress.last().at(1).toInt(), 2);
        QVERIFY(ready.wait(kWaitMs));
        // The simulator serves the February snapshots: nothing changed since the previous sync.
        QCOMPARE(changedRows(), 0);
        QCOMPARE(page->proxy()->rowCount(), 0);
        QVERIFY2(page->statusText().startsWith(QStringLiteral("Synced: ")), qPrintable(page->statusText()));
        QVERIFY(page->statusText().contains(QStringLiteral("OpenRouter 0 new, 0 removed, 0 with new prices")));
    }

    void syncKeepsWhatAnswered()
    {
        setGateway(QStringLiteral("openrouter"), true);
        setGateway(QStringLiteral("vercel"), false, QStringLiteral("http://127.0.0.1:1/v1"));
        qputenv("AI_GATEWAY_API_KEY", "vck_FAKE-test-key-0007");
        openWindow();
        ModelsPage *page = m_window->modelsPage();
        GatewayConnections *c = m_window->connections();
        QVERIFY(waitForState(c, gw::Gateway::Vercel, GatewayConnections::State::Unreachable));
        const QStringList before = QDir(m_dir->path() + QStringLiteral("/catalogs")).entryList(QDir::Files);
        QSignalSpy synced(page->catalogSync(), &CatalogSync::finished);
        page->syncCatalogs();
        QVERIFY(synced.wait(kWaitMs));
        qunsetenv("AI_GATEWAY_API_KEY");
        QCOMPARE(synced.at(0).at(0).toStringList().size(), 1);
        QVERIFY(synced.at(0).at(0).toStringList().at(0).startsWith(QStringLiteral("catalogs/openrouter-models-")));
        const QStringList errors = synced.at(0).at(1).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).startsWith(QStringLiteral("Vercel: ")), qPrintable(errors.at(0)));
        QCOMPARE(QDir(m_dir->path() + QStringLiteral("/catalogs")).entryList(QDir::Files).size(), before.size() + 1);
    }
};

QTEST_MAIN(TstAppGateways)
#include "tst_app_gateways.moc"
