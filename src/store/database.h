#pragma once
// The synchronous history store: one SQLite connection, used by one thread. The CLI and tests use
// it directly; HistoryStore (history_store.h) runs two of them on worker threads for the app.
//
// Opening never changes a file it refuses: the header is read with plain file I/O first, then the
// content is checked through a read-only, immutable SQLite connection, and only a file that passes
// both is opened for writing (WAL mode, foreign keys on, migrations applied). A refusal reads
// "<file>: <reason>; not opened, not changed".
//
// Every call returns an Outcome; on failure `error` names the file and the reason. Nothing throws.

#include "store_types.h"
#include "traffic/ingest.h"

#include <QSqlDatabase>

#include <functional>

class QSqlQuery;

namespace gw::store {

class Database {
public:
    enum class Access {
        ReadWrite, // creates a missing file, migrates an older one, the only kind that writes
        ReadOnly,  // for readers next to a writer; needs a file already at the current version.
                   // Never writes; opened when no writer had it open, it leaves no -wal/-shm.
    };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Outcome<bool> open(const QString &path, Access access = Access::ReadWrite);
    void close(); // also releases the connection name; safe to call twice
    bool isOpen() const;
    QString path() const { return m_path; }

    static int currentVersion(); // the schema version this build writes and reads

    // Diagnostics the tests and `gatewayctl` use.
    Outcome<int> schemaVersion();
    Outcome<QString> journalMode();    // "wal" once opened for writing
    Outcome<QString> integrityCheck(); // "ok" or SQLite's findings, one per line

    // Run history. Times are stored in UTC with millisecond precision.
    Outcome<qint64> createRun(const QString &label, const RunSettings &settings,
                              const QDateTime &startedAt = QDateTime::currentDateTimeUtc());
    // One transaction for the whole batch, with the traffic events of the results that ran.
    Outcome<int> addResults(qint64 runId, const QList<BenchResult> &results);
    Outcome<bool> finishRun(qint64 runId, RunStatus status,
                            const QDateTime &finishedAt = QDateTime::currentDateTimeUtc());
    // GET /generation's total_cost, known after the run; also becomes the traffic event's cost.
    Outcome<bool> setBilledCost(qint64 runId, int caseIndex, Gateway gateway, double costUsd);
    Outcome<QList<RunSummary>> listRuns(); // newest first
    Outcome<StoredRun> loadRun(qint64 runId);

    // Traffic for the Monitor: ts in [from, to) (an invalid bound is open), oldest first.
    Outcome<QList<TrafficEvent>> trafficEvents(const QDateTime &from, const QDateTime &to,
                                               std::optional<TrafficSource> source = std::nullopt);

    // Traffic logs (database_traffic_buckets.cpp). importTrafficFile reads a log from where the
    // last import of the same content stopped and merges its buckets (minute, hour, day) and the
    // file's new state in one transaction: an unchanged file adds nothing, an appended one only
    // its new lines. An error or a cancel leaves the database as it was.
    Outcome<TrafficIngestResult> importTrafficFile(const QString &path, const TrafficIngestOptions &options = {});
    // What is stored for a file with this content (head: its first kTrafficFingerprintBytes).
    Outcome<std::optional<TrafficFileState>> findTrafficFile(const QString &path, const QByteArray &head);
    // Buckets, key usage and the file's state in one transaction (key usage rows add to stored ones).
    Outcome<TrafficFileState> commitTrafficImport(const TrafficFileState &state,
                                                  const QList<TrafficBucket> &minuteBuckets,
                                                  const QList<TrafficKeyUsage> &keyUsage = {});
    // The same, for a caller that read the stored state before it aggregated (another process may
    // have imported the same data meanwhile): `stillCurrent` runs inside the write transaction,
    // after BEGIN IMMEDIATE, and re-reads what the aggregation was based on. When it answers false
    // nothing is written and the value is empty: read again from the new state and retry.
    using TrafficCommitCheck = std::function<Outcome<bool>()>;
    Outcome<std::optional<TrafficFileState>> commitTrafficImportIfCurrent(const TrafficCommitCheck &stillCurrent,
                                                                          const TrafficFileState &state,
                                                                          const QList<TrafficBucket> &minuteBuckets,
                                                                          const QList<TrafficKeyUsage> &keyUsage = {});
    Outcome<QList<TrafficFileState>> trafficFiles();
    // Buckets whose start is in [from, to) (an invalid bound is open), oldest first.
    Outcome<QList<TrafficBucket>> trafficBuckets(TrafficResolution resolution, const QDateTime &from = {},
                                                 const QDateTime &to = {});
    // Usage per (hour, gateway, model, user, task) whose hour start is in [from, to) (an invalid
    // bound is open), oldest first, then by gateway, model, user, task.
    Outcome<QList<TrafficKeyUsage>> trafficKeyUsage(const QDateTime &from = {}, const QDateTime &to = {});

    // Production usage (database_production.cpp, usage_pull.h): the watermark of a source (its
    // sourceId), and one pull's minute buckets and key usage for [fromMs, toMs), replacing what
    // earlier pulls of the same source contributed there, with the new watermark, in one transaction.
    Outcome<std::optional<qint64>> productionUsageWatermark(const QString &source);
    Outcome<bool> replaceProductionUsage(const QString &source, qint64 fromMs, qint64 toMs, qint64 watermarkMs,
                                         const QList<TrafficBucket> &minuteBuckets,
                                         const QList<TrafficKeyUsage> &keyUsage);

private:
    Outcome<bool> verifyReadOnly(int expectedMaxVersion);
    Outcome<bool> openConnection(Access access);
    Outcome<bool> configureForWriting();
    void removeReadersLog();
    Outcome<bool> migrate(int fromVersion);
    QString failure(const QString &what, const QSqlQuery &query) const;
    QString refusal(const QString &reason) const;
    bool inTransaction(const std::function<bool()> &work, QString *error);
    // Minute buckets with their hour and day roll-ups, and key usage, merged into the stored
    // ones; inside a transaction (database_traffic_write.cpp).
    bool writeTrafficRows(const QList<TrafficBucket> &minuteBuckets, const QList<TrafficKeyUsage> &keyUsage,
                          QString *error);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    bool m_readOnly = false;
    bool m_tidyOnClose = false; // read-only, and no writer had the file open: leave no -wal/-shm
};

} // namespace gw::store
