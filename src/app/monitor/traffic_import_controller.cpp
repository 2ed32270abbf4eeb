#include "monitor/traffic_import_controller.h"

#include "history_store.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <atomic>

namespace gw::app {

// Shared with the store's writer thread through the options' progress callback, which keeps it
// alive until the import has finished even if the controller is gone by then.
struct TrafficImportController::Job {
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

namespace {

constexpr int kDefaultPollMs = 1500;
// The writer thread stores its progress in atomics; the GUI reads them this often while an
// import runs (cheaper and safer than queuing a call per chunk to an object that may be gone).
constexpr int kProgressPollMs = 25;
// Smaller than the store's default, so the bar moves (and a cancel lands) within a few ms.
constexpr qsizetype kChunkBytes = 1 << 20;

} // namespace

TrafficImportController::TrafficImportController(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_pollTimer(new QTimer(this))
    , m_progressTimer(new QTimer(this))
{
    m_pollTimer->setInterval(kDefaultPollMs);
    m_progressTimer->setInterval(kProgressPollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &TrafficImportController::scanWatchFolder);
    connect(m_progressTimer, &QTimer::timeout, this, &TrafficImportController::pollProgress);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &TrafficImportController::scanWatchFolder);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &TrafficImportController::scanWatchFolder);
}

TrafficImportController::~TrafficImportController()
{
    // The store finishes the running job on its own thread; it only needs to stop early.
    if (m_job)
        m_job->cancel = true;
}

void TrafficImportController::setHistory(std::shared_ptr<gw::store::HistoryStore> store)
{
    m_store = std::move(store);
    if (m_store && !m_watchDir.isEmpty())
        scanWatchFolder(); // files seen while there was no store were not imported
}

bool TrafficImportController::isTrafficLogName(const QString &fileName)
{
    static const QRegularExpression name(u"\\.(jsonl|ndjson|csv|log)(\\.[0-9]+)?(\\.gz)?$"_qs,
                                         QRegularExpression::CaseInsensitiveOption);
    return name.match(fileName).hasMatch();
}

void TrafficImportController::enqueue(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            enqueueFile(info.absoluteFilePath(), false);
            continue;
        }
        const QFileInfoList files = QDir(path).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
        for (const QFileInfo &file : files)
            if (isTrafficLogName(file.fileName()))
                enqueueFile(file.absoluteFilePath(), false);
    }
}

void TrafficImportController::enqueueFile(const QString &path, bool fromWatch)
{
    // The file being imported may be queued once more: it may have grown since its import began.
    if (m_queue.contains(path))
        return;
    m_queue << path;
    m_queuedFromWatch.insert(path, fromWatch);
    if (!isBusy())
        startNext(true);
    else
        Q_EMIT progressChanged(m_done, m_total, filesLeft());
}

void TrafficImportController::cancel()
{
    m_queue.clear();
    m_queuedFromWatch.clear();
    if (m_job)
        m_job->cancel = true;
}

void TrafficImportController::startNext(bool firstOfBatch)
{
    // A watched file may have been rotated away since it was queued; the next scan finds it
    // under its new name, so its absence is no error (as in `gatewayctl ingest --follow`).
    while (!m_queue.isEmpty() && m_queuedFromWatch.value(m_queue.first()) && !QFileInfo::exists(m_queue.first()))
        m_queuedFromWatch.remove(m_queue.takeFirst());
    if (m_queue.isEmpty())
        return;
    m_currentPath = m_queue.takeFirst();
    m_currentFromWatch = m_queuedFromWatch.take(m_currentPath);
    m_done = 0;
    m_total = QFileInfo(m_currentPath).size();
    if (firstOfBatch) {
        m_results.clear();
        Q_EMIT busyChanged(true);
    }
    Q_EMIT progressChanged(m_done, m_total, filesLeft());

    if (!m_store) {
        TrafficImportFileResult result;
        result.path = m_currentPath;
        result.fromWatch = m_currentFromWatch;
        result.error = tr("%1: no history database is open, so traffic cannot be imported")
                           .arg(QDir::toNativeSeparators(m_currentPath));
        // Finish on the next turn of the event loop, as a real import would.
        QTimer::singleShot(0, this, [this, result] { finishCurrent(result); });
        return;
    }

    auto job = std::make_shared<Job>();
    m_job = job;
    gw::TrafficIngestOptions options;
    options.cancel = &job->cancel;
    options.chunkBytes = kChunkBytes;
    options.progress = [job](qint64 done, qint64 total) {
        job->total = total;
        job->done = done;
    };
    auto *watcher = new QFutureWatcher<gw::store::Outcome<gw::TrafficIngestResult>>(this);
    const QString path = m_currentPath;
    const bool fromWatch = m_currentFromWatch;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, fromWatch] {
        watcher->deleteLater();
        const gw::store::Outcome<gw::TrafficIngestResult> outcome = watcher->result();
        const gw::TrafficIngestResult &r = outcome.value;
        TrafficImportFileResult result;
        result.path = path;
        result.fromWatch = fromWatch;
        if (!outcome.ok()) {
            result.error = outcome.error;
        } else {
            result.error = r.error;
            result.cancelled = r.cancelled;
            result.newEvents = r.events;
            result.newLines = r.lines;
            result.badLineCount = r.badLineCount;
            result.badLines = r.badLines;
            result.heldBackBytes = r.heldBackBytes;
            result.alreadyImported = r.ok() && r.known && r.lines == 0;
        }
        finishCurrent(result);
    });
    watcher->setFuture(m_store->importTrafficFile(path, options));
    m_progressTimer->start();
}

void TrafficImportController::pollProgress()
{
    if (!m_job)
        return;
    const qint64 total = m_job->total.load();
    const qint64 done = m_job->done.load();
    if (total <= 0 || (done == m_done && total == m_total))
        return;
    m_done = done;
    m_total = total;
    Q_EMIT progressChanged(m_done, m_total, filesLeft());
}

void TrafficImportController::finishCurrent(const TrafficImportFileResult &result)
{
    m_progressTimer->stop();
    m_job.reset();
    if (result.ok()) {
        m_done = std::max(m_total, m_done); // the whole file was read
        Q_EMIT progressChanged(m_done, m_total, filesLeft());
    }
    m_results << result;
    m_currentPath.clear();
    Q_EMIT fileFinished(result);
    if (result.ok() && result.newLines > 0)
        Q_EMIT trafficChanged();
    startNext(false);
    if (isBusy())
        return;
    Q_EMIT busyChanged(false);
    Q_EMIT queueFinished();
}

void TrafficImportController::setPollInterval(int milliseconds)
{
    m_pollTimer->setInterval(std::max(10, milliseconds));
}

void TrafficImportController::setWatchFolder(const QString &dir)
{
    const QString absolute = dir.isEmpty() ? QString() : QDir(dir).absolutePath();
    if (absolute == m_watchDir)
        return;
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_seen.clear();
    // Files the old watch queued are no longer wanted (the running one finishes).
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (m_queuedFromWatch.value(*it)) {
            m_queuedFromWatch.remove(*it);
            it = m_queue.erase(it);
        } else {
            ++it;
        }
    }
    m_watchDir = absolute;
    if (m_watchDir.isEmpty()) {
        m_pollTimer->stop();
    } else {
        m_watcher->addPath(m_watchDir);
        m_pollTimer->start();
        scanWatchFolder();
    }
    Q_EMIT watchFolderChanged(m_watchDir);
}

void TrafficImportController::scanWatchFolder()
{
    if (m_watchDir.isEmpty() || !m_store)
        return;
    // Oldest first, so a rotated file (whose tail may still be unread) goes before the file
    // that replaced it.
    const QFileInfoList files = QDir(m_watchDir).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    QStringList logs;
    for (const QFileInfo &file : files) {
        if (!isTrafficLogName(file.fileName()))
            continue;
        const QString path = file.absoluteFilePath();
        logs << path;
        // An empty file has no content to recognise it by yet: wait for its first line.
        if (file.size() == 0)
            continue;
        const Seen now{file.size(), file.lastModified()};
        auto it = m_seen.find(path);
        if (it != m_seen.end() && it->size == now.size && it->modified == now.modified)
            continue;
        m_seen.insert(path, now);
        enqueueFile(path, true);
    }
    // Forget files that went away (rotated or deleted): a new file under that name is new.
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (logs.contains(it.key()))
            ++it;
        else
            it = m_seen.erase(it);
    }
    rewatchFiles(logs);
    Q_EMIT watchScanned();
}

void TrafficImportController::rewatchFiles(const QStringList &files)
{
    const QStringList watched = m_watcher->files();
    for (const QString &path : watched)
        if (!files.contains(path))
            m_watcher->removePath(path);
    for (const QString &path : files)
        if (!watched.contains(path))
            m_watcher->addPath(path);
}

} // namespace gw::app
