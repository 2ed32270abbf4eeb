#pragma once
// Imports traffic logs into the history store, one file at a time, off the GUI thread.
//
// Files come from three places: enqueue() (the Import button, drag and drop) and a watched
// folder. A watched folder is followed like `tail -F`: QFileSystemWatcher tells us about most
// changes quickly, and a poll timer catches what it misses (appends on network file systems,
// rotations that replace the file between two notifications). Every changed file is simply
// imported again: the store recognises a file by the fingerprint of its first bytes and resumes
// at the recorded offset, so a re-import adds only new complete lines, a renamed (rotated) file
// keeps its offset, and an incomplete last line is held back until its newline arrives.

#include "traffic/ingest.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace gw::store {
class HistoryStore;
}

namespace gw::app {

// What one import of one file did.
struct TrafficImportFileResult {
    QString path;
    qint64 newEvents = 0;
    qint64 newLines = 0;
    qint64 badLineCount = 0;
    QList<gw::TrafficBadLine> badLines; // the first ones, with line numbers in the file
    bool alreadyImported = false;       // known file, nothing new in it
    qint64 heldBackBytes = 0;           // an incomplete last line left for the next import
    bool cancelled = false;
    bool fromWatch = false; // found by the folder watch (rather than imported by hand)
    QString error;          // names the file; nothing was counted from it
    bool ok() const { return error.isEmpty() && !cancelled; }
};

class TrafficImportController : public QObject {
    Q_OBJECT
public:
    explicit TrafficImportController(QObject *parent = nullptr);
    ~TrafficImportController() override;

    // Shared with the page context; null: imports fail.
    void setHistory(std::shared_ptr<gw::store::HistoryStore> store);
    gw::store::HistoryStore *history() const { return m_store.get(); }

    // Queues files; a folder stands for the traffic logs directly inside it. A file already
    // queued or being imported is not queued twice.
    void enqueue(const QStringList &paths);
    // Cancels the current import (the store stays as it was) and clears the queue.
    void cancel();

    bool isBusy() const { return !m_currentPath.isEmpty(); }
    QString currentFile() const { return m_currentPath; }
    qint64 currentBytesDone() const { return m_done; }
    qint64 currentBytesTotal() const { return m_total; }
    int filesLeft() const { return int(m_queue.size()); } // queued after the current one
    // The results since the controller last became busy, oldest first.
    const QList<TrafficImportFileResult> &lastResults() const { return m_results; }

    // Follows the traffic logs in `dir` (existing ones are imported now); empty stops.
    void setWatchFolder(const QString &dir);
    QString watchFolder() const { return m_watchDir; }
    void setPollInterval(int milliseconds); // 1500 ms unless set (the tests use less)

    // *.jsonl, *.csv, *.log, optionally gzipped (.gz) and with a rotation number (.1, .2.gz).
    static bool isTrafficLogName(const QString &fileName);

Q_SIGNALS:
    void busyChanged(bool busy);
    void progressChanged(qint64 bytesDone, qint64 bytesTotal, int filesLeft);
    void fileFinished(const gw::app::TrafficImportFileResult &result);
    void queueFinished();  // idle again after the last queued file
    void trafficChanged(); // an import committed new lines
    void watchFolderChanged(const QString &dir);
    void watchScanned(); // the watched folder was looked at (changed files are queued)

private:
    struct Job; // the state shared with the store's writer thread
    struct Seen {
        qint64 size = -1;
        QDateTime modified;
    };

    void enqueueFile(const QString &path, bool fromWatch);
    void startNext(bool firstOfBatch);
    void finishCurrent(const TrafficImportFileResult &result);
    void pollProgress();
    void scanWatchFolder();
    void rewatchFiles(const QStringList &files);

    std::shared_ptr<gw::store::HistoryStore> m_store;
    QStringList m_queue;
    QHash<QString, bool> m_queuedFromWatch;
    QString m_currentPath;
    bool m_currentFromWatch = false;
    std::shared_ptr<Job> m_job;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QList<TrafficImportFileResult> m_results;

    QString m_watchDir;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QHash<QString, Seen> m_seen; // watched files as last queued
};

} // namespace gw::app

Q_DECLARE_METATYPE(gw::app::TrafficImportFileResult)
