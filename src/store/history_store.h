#pragma once
// The history store for the app: the Database API made asynchronous, never on the GUI thread.
//
// Threading: one writer thread owns the only read-write connection; every write is queued to it
// and runs in call order. One reader thread owns a read-only connection; reads are queued to it.
// With SQLite in WAL mode a read never waits for a write and sees the last committed state
// (a whole addResults batch or none of it).
//
// Results come back as QFuture<Outcome<T>>: watch them with QFutureWatcher (its finished()
// signal arrives on the watcher's thread) or chain .then(context, ...). A future always finishes
// with exactly one Outcome; on failure Outcome::error names the file and the reason.
// Ordering: writes are ordered among themselves; a read issued after a write sees it only once
// that write's future has finished.

#include "database.h"
#include "sql_worker.h"
#include "usage_pull.h"

#include <QFuture>
#include <QPromise>

#include <memory>

namespace gw::store {

class HistoryStore {
public:
    HistoryStore();
    ~HistoryStore(); // finishes every queued job, then closes both connections

    // Opens (creates, migrates) on the writer, then the reader once the file is current.
    QFuture<Outcome<bool>> open(const QString &path = defaultHistoryPath());
    void close(); // blocks until queued jobs have run; open() may follow

    QFuture<Outcome<qint64>> createRun(const QString &label, const RunSettings &settings,
                                       const QDateTime &startedAt = QDateTime::currentDateTimeUtc());
    QFuture<Outcome<int>> addResults(qint64 runId, const QList<BenchResult> &results);
    QFuture<Outcome<bool>> finishRun(qint64 runId, RunStatus status,
                                     const QDateTime &finishedAt = QDateTime::currentDateTimeUtc());
    QFuture<Outcome<bool>> setBilledCost(qint64 runId, int caseIndex, Gateway gateway, double costUsd);

    QFuture<Outcome<QList<RunSummary>>> listRuns();
    QFuture<Outcome<StoredRun>> loadRun(qint64 runId);
    QFuture<Outcome<QList<TrafficEvent>>> trafficEvents(const QDateTime &from, const QDateTime &to,
                                                        std::optional<TrafficSource> source = std::nullopt);
    // Traffic logs: parsed and merged on the writer thread (the options' progress callback runs
    // there too; set the cancel flag from any thread); buckets read on the reader.
    QFuture<Outcome<TrafficIngestResult>> importTrafficFile(const QString &path,
                                                            const TrafficIngestOptions &options = {});
    QFuture<Outcome<QList<TrafficBucket>>> trafficBuckets(TrafficResolution resolution, const QDateTime &from = {},
                                                          const QDateTime &to = {});
    // Database::trafficKeyUsage on the reader.
    QFuture<Outcome<QList<TrafficKeyUsage>>> trafficKeyUsage(const QDateTime &from = {}, const QDateTime &to = {});
    // Production usage (usage_pull.h) pulled on the writer, like a traffic import: the
    // PostgreSQL reads, then the history write in one transaction. The options' progress
    // callback runs there; set the cancel flag from any thread. The pull's own error is in
    // the value (Outcome::error only when the store is not open).
    QFuture<Outcome<UsagePullResult>> pullProductionUsage(const production::PgConnectionSpec &spec,
                                                          const UsagePullOptions &options = {},
                                                          const ProductionLinkOptions &link = {});

private:
    template <typename T, typename Work>
    static QFuture<Outcome<T>> submit(SqlWorker &worker, Work work)
    {
        auto promise = std::make_shared<QPromise<Outcome<T>>>();
        QFuture<Outcome<T>> future = promise->future();
        promise->start();
        worker.post([promise, work = std::move(work)](Database &db) {
            promise->addResult(db.isOpen() ? work(db) : Outcome<T>::failure(notOpenMessage()));
            promise->finish();
        });
        return future;
    }
    static QString notOpenMessage();

    std::unique_ptr<SqlWorker> m_writer;
    std::unique_ptr<SqlWorker> m_reader;
};

} // namespace gw::store
