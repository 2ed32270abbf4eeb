#pragma once
// The window: assembles the pages, the menus and the status bar (workspace, revision, unsaved
// state, gateway connection). Opening, saving and recovering a workspace live here; editing
// lives in the pages.

#include "workspace/workspace.h"
#include "workspace/workspace_lock.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw
class QLabel;

namespace gw::app {

class DraftDocument;
class GatewayConnections;
class KeyStore;
class LivePanel;
class PublishHistoryPanel;
class ProductionConnection;
class ModelsPage;
class MonitorPage;
class PageContext;
class PlannerPage;
class RoutingPage;
class TestBenchPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Recovery { Ask, Recover, Discard };
    // When another Gateway Console holds the workspace: ask, open it read-only (no autosave, no
    // save, no export: the holder's draft and autosave stay its own), or leave it closed.
    enum class WhenLocked { Ask, ReadOnly, Refuse };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The workspace from the settings, else the bundled sample copied to AppDataLocation.
    bool openInitialWorkspace(Recovery recovery = Recovery::Ask);
    bool openWorkspace(const QString &dir, Recovery recovery = Recovery::Ask, WhenLocked whenLocked = WhenLocked::Ask);
    bool save();
    bool exportInteractive();
    void publishInteractive(); // File > Publish to production
    void openSettings();

    DraftDocument *document() const { return m_document; }
    RoutingPage *routingPage() const { return m_routing; }
    ModelsPage *modelsPage() const { return m_models; }
    GatewayConnections *connections() const { return m_connections; }
    ProductionConnection *production() const { return m_production; }
    LivePanel *livePanel() const { return m_live; }
    PublishHistoryPanel *publishHistoryPanel() const { return m_publishHistory; }
    TestBenchPage *testBenchPage() const { return m_testBench; }
    MonitorPage *monitorPage() const { return m_monitor; }
    PlannerPage *plannerPage() const { return m_planner; }
    gw::store::HistoryStore *history() const;
    const gw::Workspace &workspace() const { return m_workspace; }
    // True when the workspace was opened while another instance held it.
    bool isReadOnly() const { return m_readOnly; }
    const std::shared_ptr<PageContext> &pageContext() const { return m_context; }
    QString statusText() const;
    void setKeyStore(KeyStore *store);

    // Saves a PNG of every page into `dir` (for review); false when a file could not be written.
    bool grabPages(const QString &dir);

Q_SIGNALS:
    void historyOpened(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateStatus();
    void updateExportStatus(); // the last export and what is live, from the workspace's history
    void updateGatewayStatus();
    void updateProductionStatus();
    void openHistory();
    void addPageShortcuts();
    void chooseWorkspace();
    bool acceptReadOnly(const QString &lockError, WhenLocked whenLocked);

    std::unique_ptr<Ui::MainWindow> ui;
    DraftDocument *m_document;
    RoutingPage *m_routing;
    ModelsPage *m_models;
    KeyStore *m_keyStore = nullptr;
    GatewayConnections *m_connections;
    ProductionConnection *m_production;
    LivePanel *m_live;
    PublishHistoryPanel *m_publishHistory;
    // Handed to every page; the pages share it, so it and what it owns go after the last of them.
    std::shared_ptr<PageContext> m_context;
    TestBenchPage *m_testBench;
    MonitorPage *m_monitor;
    PlannerPage *m_planner;
    gw::Workspace m_workspace;
    // Held while the workspace is open here (null when it was opened read-only).
    std::unique_ptr<gw::WorkspaceLock> m_workspaceLock;
    bool m_readOnly = false;
    QString m_lockHolder; // who holds the workspace when it is open read-only
    QLabel *m_workspaceLabel;
    QLabel *m_revisionLabel;
    QLabel *m_dirtyLabel;
    QLabel *m_exportLabel;
    QLabel *m_gatewaysLabel;
    QLabel *m_productionLabel;
    // Set when routing.json's content_sha256 did not match on open (edited by hand): shown in the
    // status bar and the Export dialog's title until a save writes a fresh hash.
    QString m_hashWarning;
};

} // namespace gw::app
