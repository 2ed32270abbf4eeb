#include "monitor/traffic_import_panel.h"

#include "monitor/traffic_import_bad_lines_model.h"
#include "monitor/traffic_import_controller.h"
#include "ui_trafficimportpanel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

namespace gw::app {

namespace {

// Local files and folders among dropped URLs.
QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls)
        if (url.isLocalFile() && QFileInfo::exists(url.toLocalFile()))
            paths << url.toLocalFile();
    return paths;
}

} // namespace

TrafficImportPanel::TrafficImportPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TrafficImportPanel>())
    , m_controller(new TrafficImportController(this))
    , m_badLines(new TrafficBadLinesModel(this))
{
    ui->setupUi(this);
    setAcceptDrops(true);
    ui->badLinesView->setModel(m_badLines);
    ui->badLinesView->verticalHeader()->hide();
    ui->badLinesView->horizontalHeader()->setStretchLastSection(true);
    ui->badLinesView->hide();
    ui->moreBadLinesLabel->hide();
    ui->progressBar->setRange(0, 100);

    connect(ui->importButton, &QPushButton::clicked, this, &TrafficImportPanel::chooseFiles);
    connect(ui->watchButton, &QPushButton::clicked, this, &TrafficImportPanel::chooseWatchFolder);
    connect(ui->stopWatchButton, &QPushButton::clicked, this, [this] { setWatchFolder({}); });
    connect(ui->cancelButton, &QPushButton::clicked, m_controller, &TrafficImportController::cancel);
    connect(m_controller, &TrafficImportController::progressChanged, this, &TrafficImportPanel::showProgress);
    connect(m_controller, &TrafficImportController::fileFinished, this, &TrafficImportPanel::showFileResult);
    connect(m_controller, &TrafficImportController::busyChanged, this, [this](bool busy) {
        if (busy)
            ui->progressBar->setValue(0);
        updateAvailability();
    });
    connect(m_controller, &TrafficImportController::watchFolderChanged, this, &TrafficImportPanel::updateAvailability);
    connect(m_controller, &TrafficImportController::trafficChanged, this, &TrafficImportPanel::trafficChanged);
    updateAvailability();
}

TrafficImportPanel::~TrafficImportPanel() = default;

void TrafficImportPanel::setHistory(std::shared_ptr<gw::store::HistoryStore> store)
{
    m_controller->setHistory(std::move(store));
    updateAvailability();
}

void TrafficImportPanel::setWatchFolder(const QString &dir)
{
    m_controller->setWatchFolder(dir);
}

void TrafficImportPanel::importFiles(const QStringList &paths)
{
    if (!paths.isEmpty())
        m_controller->enqueue(paths);
}

QString TrafficImportPanel::statusText() const
{
    return ui->statusLabel->text();
}

void TrafficImportPanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import traffic logs"), m_controller->watchFolder(),
        tr("Traffic logs (*.jsonl *.jsonl.gz *.ndjson *.csv *.csv.gz *.log *.gz);;All files (*)"));
    importFiles(paths);
}

void TrafficImportPanel::chooseWatchFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Watch a folder of traffic logs"), m_controller->watchFolder());
    if (!dir.isEmpty())
        setWatchFolder(dir);
}

void TrafficImportPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_controller->history() && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void TrafficImportPanel::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (!m_controller->history() || paths.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(paths);
}

void TrafficImportPanel::showProgress(qint64 bytesDone, qint64 bytesTotal, int filesLeft)
{
    // Percent of the current file: its byte count may pass what int holds.
    const int percent = bytesTotal > 0 ? int(std::min<qint64>(100, bytesDone * 100 / bytesTotal)) : 0;
    ui->progressBar->setValue(percent);
    const QString file = QFileInfo(m_controller->currentFile()).fileName();
    if (file.isEmpty())
        return;
    ui->progressBar->setFormat(filesLeft > 0 ? tr("%1: %p% (%n more file(s) queued)", nullptr, filesLeft).arg(file)
                                             : tr("%1: %p%").arg(file));
}

void TrafficImportPanel::showFileResult(const TrafficImportFileResult &result)
{
    const QLocale locale;
    const QString name = QFileInfo(result.path).fileName();
    // Files picked by hand start a new list; a watched folder's bad lines accumulate (capped), so
    // one found a minute ago does not vanish because the log grew again.
    if (m_controller->lastResults().size() == 1 && !result.fromWatch)
        m_badLines->clear();
    if (!result.error.isEmpty()) {
        ui->statusLabel->setText(tr("Import failed: %1").arg(result.error));
    } else if (result.cancelled) {
        ui->statusLabel->setText(tr("Import of %1 cancelled; nothing was added from it.").arg(name));
    } else if (result.fromWatch && result.newLines == 0) {
        return; // a watched file that only grew by part of a line: nothing to say yet
    } else if (result.alreadyImported) {
        ui->statusLabel->setText(tr("%1 was already imported; nothing new in it.").arg(name));
    } else {
        QString text = tr("Imported %1 events from %2; %3 bad lines")
                           .arg(locale.toString(result.newEvents), name, locale.toString(result.badLineCount));
        // A watched file is still being written: its unfinished last line is not news.
        if (!result.fromWatch && result.heldBackBytes > 0)
            text += tr("; an incomplete last line (%1 bytes) was left for the next import")
                        .arg(locale.toString(result.heldBackBytes));
        ui->statusLabel->setText(text);
    }
    if (result.badLineCount > 0)
        m_badLines->add(result.path, result.badLines, result.badLineCount);
    ui->badLinesView->setVisible(m_badLines->rowCount() > 0);
    ui->moreBadLinesLabel->setVisible(m_badLines->hiddenCount() > 0);
    ui->moreBadLinesLabel->setText(
        tr("and %1 more bad lines not listed").arg(locale.toString(m_badLines->hiddenCount())));
}

void TrafficImportPanel::updateAvailability()
{
    const bool busy = m_controller->isBusy();
    const bool available = m_controller->history() != nullptr;
    ui->importButton->setEnabled(available);
    ui->watchButton->setEnabled(available);
    ui->dropLabel->setEnabled(available);
    ui->progressBar->setVisible(busy);
    ui->cancelButton->setVisible(busy);
    const QString dir = m_controller->watchFolder();
    ui->stopWatchButton->setVisible(!dir.isEmpty());
    ui->watchLabel->setText(dir.isEmpty() ? QString() : tr("Watching %1").arg(QDir::toNativeSeparators(dir)));
    if (!available)
        ui->statusLabel->setText(tr("Traffic import is unavailable: the history database is not open."));
    else if (ui->statusLabel->text() == tr("Traffic import is unavailable: the history database is not open."))
        ui->statusLabel->clear();
}

} // namespace gw::app
