#include "shell/main_window.h"
#include "shell/sample_workspace.h"

#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/key_store.h"
#include "common/page_context.h"
#include "common/state_names.h"
#include "common/when_ready.h"
#include "config/config_io.h"
#include "models/models_page.h"
#include "monitor/monitor_page.h"
#include "planner/planner_page.h"
#include "production/live_panel.h"
#include "production/production_connection.h"
#include "production/publish_dialog.h"
#include "production/publish_history.h"
#include "production/publish_history_panel.h"
#include "production/usage_pull_panel.h"
#include "routing/export_dialog.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/settings_dialog.h"
#include "testbench/test_bench_page.h"
#include "ui_mainwindow.h"

#include "history_store.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace gw::app {

static const QString kWorkspaceKey = QStringLiteral("workspace/path");

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_document(new DraftDocument)
    , m_keyStore(new KeychainKeyStore)
    , m_connections(new GatewayConnections(m_keyStore))
    , m_production(new ProductionConnection(m_keyStore))
    , m_context(std::make_shared<PageContext>(m_document, m_connections))
{
    // The context owns what it hands to the pages: the pages share it, so the document, the
    // connections (and the keys they read) and the history store go after the last page,
    // whatever order the pages are deleted in.
    for (QObject *shared : std::initializer_list<QObject *>{m_document, m_keyStore, m_connections, m_production})
        shared->setParent(m_context.get());
    ui->setupUi(this);
    m_routing = new RoutingPage(m_context, this);
    ui->pages->addTab(m_routing, tr("Routing"));
    m_live = new LivePanel(m_document, this);
    m_routing->addSideTab(m_live, tr("Live in production"));
    m_publishHistory = new PublishHistoryPanel(this);
    m_routing->addSideTab(m_publishHistory, tr("Publish history"));
    connect(m_publishHistory, &PublishHistoryPanel::rolledBack, m_live, [this](const QJsonObject &record) {
        m_live->setLastPublished(record);
        m_live->refresh();
    });
    m_models = new ModelsPage(m_context, this);
    ui->pages->addTab(m_models, tr("Models"));
    m_testBench = new TestBenchPage(m_context, this);
    ui->pages->addTab(m_testBench, tr("Test bench"));
    m_monitor = new MonitorPage(m_context, this);
    ui->pages->addTab(m_monitor, tr("Monitor"));
    m_planner = new PlannerPage(m_context, this);
    ui->pages->addTab(m_planner, tr("Planner"));

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    ui->editMenu->addAction(undo);
    ui->editMenu->addAction(redo);
    addPageShortcuts();

    m_workspaceLabel = new QLabel(this);
    m_revisionLabel = new QLabel(this);
    m_dirtyLabel = new QLabel(this);
    m_exportLabel = new QLabel(this);
    m_gatewaysLabel = new QLabel(this);
    m_productionLabel = new QLabel(this);
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addWidget(m_revisionLabel);
    statusBar()->addWidget(m_dirtyLabel);
    statusBar()->addWidget(m_exportLabel);
    statusBar()->addPermanentWidget(m_gatewaysLabel);
    statusBar()->addPermanentWidget(m_productionLabel);

    connect(ui->actionOpenWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(ui->actionSave, &QAction::triggered, this, &MainWindow::save);
    connect(ui->actionExport, &QAction::triggered, this, &MainWindow::exportInteractive);
    connect(ui->actionPublish, &QAction::triggered, this, &MainWindow::publishInteractive);
    connect(ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionIncident, &QAction::triggered, m_routing, &RoutingPage::openIncidentDialog);
    connect(m_document, &DraftDocument::changed, this, &MainWindow::updateStatus);
    connect(m_document, &DraftDocument::dirtyChanged, this, &MainWindow::updateStatus);
    connect(m_connections, &GatewayConnections::stateChanged, this, &MainWindow::updateGatewayStatus);
    connect(m_production, &ProductionConnection::stateChanged, this, &MainWindow::updateProductionStatus);
    updateStatus();
    m_connections->reload();
    m_live->setConnection(m_production);
    m_publishHistory->setConnection(m_production);
    auto *usagePull = new UsagePullPanel(m_monitor);
    usagePull->setConnection(m_production);
    m_monitor->setProductionPull(usagePull);
    m_production->reload();
    openHistory();
}

void MainWindow::addPageShortcuts()
{
    // Ctrl+1..5 switch pages from anywhere; Ctrl+Return runs the test bench from anywhere (it
    // shows the page first, so the run is seen). Window-wide, like Ctrl+E for Export.
    QMenu *view = new QMenu(tr("&View"), this);
    menuBar()->insertMenu(ui->routingMenu->menuAction(), view);
    for (int i = 0; i < ui->pages->count(); ++i) {
        QAction *page = view->addAction(ui->pages->tabText(i));
        page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(page, &QAction::triggered, this, [this, i] { ui->pages->setCurrentIndex(i); });
    }
    view->addSeparator();
    QAction *run = view->addAction(tr("Run the test bench"));
    run->setObjectName(QStringLiteral("actionRunTestBench"));
    run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(run, &QAction::triggered, this, [this] {
        ui->pages->setCurrentWidget(m_testBench);
        m_testBench->run();
    });
}

void MainWindow::openHistory()
{
    // Opened on the store's own thread; a corrupt or newer file is refused, never overwritten,
    // and the test bench then runs without keeping history (and says why).
    auto history = std::make_shared<gw::store::HistoryStore>();
    whenReady(this, history->open(), [this, history](const gw::store::Outcome<bool> &opened) {
        if (opened.ok()) {
            m_context->setHistory(history);
        } else {
            m_context->setHistory(nullptr, opened.error);
            statusBar()->showMessage(tr("Run history not available: %1").arg(opened.error), 15000);
        }
        Q_EMIT historyOpened(opened.ok());
    });
}

MainWindow::~MainWindow() = default;

gw::store::HistoryStore *MainWindow::history() const
{
    return m_context->history().get();
}

void MainWindow::setKeyStore(KeyStore *store)
{
    m_keyStore = store;
    m_connections->setKeyStore(store);
    m_connections->reload();
    m_production->setKeyStore(store);
    m_production->reload();
}

void MainWindow::updateProductionStatus()
{
    m_productionLabel->setText(m_production->stateText());
    m_productionLabel->setToolTip(m_production->toolTipText());
}

void MainWindow::publishInteractive()
{
    if (m_readOnly)
        return;
    if (!m_production->isConfigured()) {
        QMessageBox::information(this, tr("Publish to production"),
                                 tr("No production database is set up: enter it in Settings > Production database."));
        return;
    }
    PublishDialog dialog(m_document->config(), m_production->link(ProductionRole::Writer), this);
    dialog.setWorkspace(m_workspace);
    connect(&dialog, &PublishDialog::published, m_live, [this](const QJsonObject &record) {
        m_live->setLastPublished(record);
        m_live->refresh();
        m_publishHistory->reload();
    });
    dialog.exec();
}

void MainWindow::updateGatewayStatus()
{
    m_gatewaysLabel->setText(m_connections->summaryText());
    m_gatewaysLabel->setToolTip(m_connections->toolTipText());
}

bool MainWindow::openInitialWorkspace(Recovery recovery)
{
    QSettings settings;
    QString dir = settings.value(kWorkspaceKey).toString();
    if (dir.isEmpty() || !QFileInfo::exists(dir + QStringLiteral("/routing.json"))) {
        dir = gw::Workspace::defaultLocation();
        QString error;
        if (!QFileInfo::exists(dir + QStringLiteral("/routing.json"))
            && !gw::app::installSampleWorkspace(dir, &error)) {
            QMessageBox::critical(this, tr("Gateway Console"),
                                  tr("Could not create the sample workspace: %1").arg(error));
            return false;
        }
    }
    return openWorkspace(dir, recovery);
}

bool MainWindow::openWorkspace(const QString &dir, Recovery recovery, WhenLocked whenLocked)
{
    const gw::Workspace workspace(dir);
    const gw::ConfigLoadResult loaded = gw::loadConfigFile(workspace.draftPath());
    if (!loaded.config) {
        QMessageBox::warning(this, tr("Open workspace"),
                             tr("%1 is not a valid routing config:\n%2")
                                 .arg(workspace.draftPath(), gw::joinDiagnostics(loaded.diagnostics)));
        return false;
    }
    // The lock before anything changes: a refused open leaves the current workspace as it was.
    // Reopening the workspace held here keeps its lock.
    const bool sameWorkspace = m_workspaceLock && QDir(m_workspace.dir()) == QDir(workspace.dir());
    std::unique_ptr<gw::WorkspaceLock> lock;
    if (!sameWorkspace) {
        lock = std::make_unique<gw::WorkspaceLock>(workspace.dir());
        if (!lock->tryLock()) {
            if (!acceptReadOnly(lock->error(), whenLocked))
                return false;
            m_lockHolder = lock->holder().isEmpty() ? lock->error() : lock->holder();
            lock.reset();
        }
        m_workspaceLock = std::move(lock); // releases the previous workspace's lock
    }
    m_readOnly = !m_workspaceLock;
    m_workspace = workspace;
    m_hashWarning =
        loaded.hashMismatch
            ? tr("%1 was edited outside Gateway Console: its content_sha256 does not match; review it before exporting")
                  .arg(QFileInfo(workspace.draftPath()).fileName())
            : QString();
    m_document->setAutosavePath(QString()); // the old autosave belongs to the old workspace
    m_document->reset(*loaded.config);
    if (!m_readOnly && workspace.hasRecoverableAutosave()) {
        const gw::ConfigLoadResult autosave = gw::loadConfigFile(workspace.autosavePath());
        bool recover = recovery == Recovery::Recover;
        if (recovery == Recovery::Ask && autosave.config)
            recover =
                QMessageBox::question(this, tr("Recover unsaved changes"),
                                      tr("This workspace has unsaved changes from an earlier session. Recover them?"))
                == QMessageBox::Yes;
        if (recover && autosave.config)
            m_document->apply(*autosave.config, tr("Recover unsaved changes"));
    }
    if (!m_readOnly) { // read-only: the autosave is the holder's, neither read nor written here
        m_document->setAutosavePath(workspace.autosavePath());
        if (!m_document->isDirty())
            m_document->removeAutosave();
    }
    ui->actionSave->setEnabled(!m_readOnly);
    ui->actionExport->setEnabled(!m_readOnly);
    ui->actionPublish->setEnabled(!m_readOnly); // a publish writes the workspace's history
    QString source;
    const std::optional<gw::RoutingConfig> baseline = workspace.baseline(&source);
    m_routing->preview()->setBaseline(baseline, source);
    m_routing->preview()->request(m_document->config());
    m_live->setBaseline(baseline, QDir(workspace.dir()).relativeFilePath(source));
    const std::optional<gw::ExportRecord> lastPublish = gw::production::lastPublish(workspace);
    m_live->setWorkspace(m_readOnly ? gw::Workspace() : workspace); // read-only: drift shown, not recorded
    m_live->setLastPublished(lastPublish ? lastPublish->after : QJsonObject());
    m_publishHistory->setRollBackAllowed(!m_readOnly);
    m_publishHistory->setWorkspace(workspace);
    m_context->setWorkspace(workspace);
    m_routing->selectRow(0);
    QSettings().setValue(kWorkspaceKey, workspace.dir());
    updateExportStatus();
    updateStatus();
    return true;
}

bool MainWindow::acceptReadOnly(const QString &lockError, WhenLocked whenLocked)
{
    switch (whenLocked) {
    case WhenLocked::ReadOnly: return true;
    case WhenLocked::Refuse: return false;
    case WhenLocked::Ask: break;
    }
    QMessageBox box(QMessageBox::Warning, tr("Workspace in use"),
                    tr("%1\n\nOpen it read-only? You can look and try edits, but nothing is saved or exported "
                       "from this window while the other one holds the workspace.")
                        .arg(lockError),
                    QMessageBox::Cancel, this);
    QPushButton *readOnly = box.addButton(tr("Open read-only"), QMessageBox::AcceptRole);
    box.exec();
    return box.clickedButton() == readOnly;
}

bool MainWindow::save()
{
    if (m_readOnly)
        return false;
    if (const gw::Outcome<bool> saved = gw::saveConfigFile(m_workspace.draftPath(), m_document->config());
        !saved.ok()) {
        QMessageBox::warning(this, tr("Save"), tr("Could not save %1: %2").arg(m_workspace.draftPath(), saved.error));
        return false;
    }
    m_document->setClean();
    m_document->removeAutosave();
    m_hashWarning.clear(); // the saved file carries the hash of what the operator reviewed
    updateStatus();
    return true;
}

bool MainWindow::exportInteractive()
{
    if (m_readOnly)
        return false;
    ExportDialog dialog(m_document, m_workspace, this);
    if (!m_hashWarning.isEmpty())
        dialog.setWindowTitle(dialog.windowTitle() + QStringLiteral(" – ") + m_hashWarning);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString source;
    const std::optional<gw::RoutingConfig> baseline = m_workspace.baseline(&source);
    m_routing->preview()->setBaseline(baseline, source);
    m_live->setBaseline(baseline, QDir(m_workspace.dir()).relativeFilePath(source));
    m_routing->preview()->request(m_document->config());
    statusBar()->showMessage(tr("Exported %1").arg(QDir(m_workspace.dir()).relativeFilePath(dialog.writtenFile())),
                             8000);
    ExportDialog::showExportedNotice(this, dialog.writtenFile());
    updateExportStatus();
    return true;
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_keyStore, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_connections->reload(); // new URLs or the local simulator; new keys follow when written
        m_production->reload();
    }
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open workspace"), m_workspace.dir());
    if (dir.isEmpty())
        return;
    if (m_document->isDirty()) {
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"), tr("Save the draft before opening another workspace?"),
                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
            return;
    }
    openWorkspace(dir);
}

QString MainWindow::statusText() const
{
    return m_workspaceLabel->text() + QLatin1Char(' ') + m_revisionLabel->text() + QLatin1Char(' ')
           + m_dirtyLabel->text() + QLatin1Char(' ') + m_exportLabel->text();
}

void MainWindow::updateExportStatus()
{
    // The history is a few lines per export: read when it changes (open, export), not per edit.
    std::optional<gw::ExportRecord> exported, published;
    const QList<gw::ExportRecord> history = m_workspace.isValid() ? m_workspace.history() : QList<gw::ExportRecord>();
    for (const gw::ExportRecord &record : history) {
        if (record.kind == QStringLiteral("export"))
            exported = record;
        else if (record.kind == QStringLiteral("publish"))
            published = record;
    }
    QStringList parts;
    parts << tr("%1: %2").arg(states::lastExport(), exported ? states::describeRecord(*exported) : tr("none yet"));
    if (published)
        parts << tr("%1: %2").arg(states::live(), states::describeRecord(*published));
    m_exportLabel->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::updateStatus()
{
    m_workspaceLabel->setText(m_workspace.isValid()
                                  ? tr("Workspace: %1").arg(QDir::toNativeSeparators(m_workspace.dir()))
                                  : tr("No workspace"));
    if (m_readOnly)
        m_workspaceLabel->setText(m_workspaceLabel->text() + QLatin1Char(' ')
                                  + tr("(read-only: open in %1)").arg(m_lockHolder));
    m_revisionLabel->setText(tr("%1: %2").arg(states::draft(), tr("Revision %1").arg(m_document->config().revision))
                             + (m_hashWarning.isEmpty() ? QString() : QStringLiteral(" – ⚠ ") + m_hashWarning));
    m_dirtyLabel->setText(m_document->isDirty() ? tr("Unsaved changes") : tr("Saved"));
    setWindowModified(m_document->isDirty());
    setWindowTitle(tr("Gateway Console") + QStringLiteral(" – ") + QFileInfo(m_workspace.dir()).fileName()
                   + QStringLiteral(" – ") + (m_readOnly ? tr("read-only") : states::draft()) + QStringLiteral("[*]"));
}

bool MainWindow::grabPages(const QString &dir)
{
    QDir().mkpath(dir);
    bool ok = true;
    for (int i = 0; i < ui->pages->count(); ++i) {
        ui->pages->setCurrentIndex(i);
        const QString name = QStringLiteral("%1-%2.png")
                                 .arg(i + 1)
                                 .arg(ui->pages->tabText(i).toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
        ok = grab().save(dir + QLatin1Char('/') + name) && ok;
    }
    ui->pages->setCurrentIndex(0);
    return ok;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->isDirty()) {
        event->accept();
        return;
    }
    if (m_readOnly) { // nothing can be saved here: say that the edits go, and let the operator stay
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"),
                                  tr("This window is read-only: its changes cannot be saved. Close and discard them?"),
                                  QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Discard)
            event->accept();
        else
            event->ignore();
        return;
    }
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("The draft has unsaved changes. Save them?"),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
        event->ignore();
        return;
    }
    if (answer == QMessageBox::Discard)
        m_document->removeAutosave();
    event->accept();
}

} // namespace gw::app
