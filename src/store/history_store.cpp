#include "history_store.h"

namespace gw::store {

HistoryStore::HistoryStore() : m_writer(std::make_unique<SqlWorker>()), m_reader(std::make_unique<SqlWorker>())
{
    m_writer->setObjectName(u"gwstore-writer"_qs);
    m_reader->setObjectName(u"gwstore-reader"_qs);
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::notOpenMessage()
{
    return u"the history store is not open"_qs;
}

QFuture<Outcome<bool>> HistoryStore::open(const QString &path)
{
    auto promise = std::make_shared<QPromise<Outcome<bool>>>();
    QFuture<Outcome<bool>> future = promise->future();
    promise->start();
    SqlWorker *reader = m_reader.get();
    m_writer->post([promise, path, reader](Database &writer) {
        const Outcome<bool> opened = writer.open(path, Database::Access::ReadWrite);
        if (!opened.ok()) {
            promise->addResult(opened);
            promise->finish();
            return;
        }
        // Only now is the file at the current schema, which the read-only connection requires.
        reader->post([promise, path](Database &db) {
            promise->addResult(db.open(path, Database::Access::ReadOnly));
            promise->finish();
        });
    });
    return future;
}

void HistoryStore::close()
{
    // Drain the writer first (its last job may still queue the reader's open), close the reader,
    // and close the writer last: only the last connection to go checkpoints the write-ahead log
    // into the file and removes it, and a read-only connection cannot.
    QPromise<void> drained;
    QFuture<void> barrier = drained.future();
    drained.start();
    m_writer->post([&drained](Database &) { drained.finish(); });
    barrier.waitForFinished();
    m_reader->finish();
    m_writer->finish();
}

QFuture<Outcome<qint64>> HistoryStore::createRun(const QString &label, const RunSettings &settings,
                                                 const QDateTime &startedAt)
{
    return submit<qint64>(*m_writer, [=](Database &db) { return db.createRun(label, settings, startedAt); });
}

QFuture<Outcome<int>> HistoryStore::addResults(qint64 runId, const QList<BenchResult> &results)
{
    return submit<int>(*m_writer, [=](Database &db) { return db.addResults(runId, results); });
}

QFuture<Outcome<bool>> HistoryStore::finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt)
{
    return submit<bool>(*m_writer, [=](Database &db) { return db.finishRun(runId, status, finishedAt); });
}

QFuture<Outcome<bool>> HistoryStore::setBilledCost(qint64 runId, int caseIndex, Gateway gateway, double costUsd)
{
    return submit<bool>(*m_writer, [=](Database &db) { return db.setBilledCost(runId, caseIndex, gateway, costUsd); });
}

QFuture<Outcome<QList<RunSummary>>> HistoryStore::listRuns()
{
    return submit<QList<RunSummary>>(*m_reader, [](Database &db) { return db.listRuns(); });
}

QFuture<Outcome<StoredRun>> HistoryStore::loadRun(qint64 runId)
{
    return submit<StoredRun>(*m_reader, [=](Database &db) { return db.loadRun(runId); });
}

QFuture<Outcome<QList<TrafficEvent>>> HistoryStore::trafficEvents(const QDateTime &from, const QDateTime &to,
                                                                  std::optional<TrafficSource> source)
{
    return submit<QList<TrafficEvent>>(*m_reader, [=](Database &db) { return db.trafficEvents(from, to, source); });
}

QFuture<Outcome<TrafficIngestResult>> HistoryStore::importTrafficFile(const QString &path,
                                                                      const TrafficIngestOptions &options)
{
    return submit<TrafficIngestResult>(*m_writer, [=](Database &db) { return db.importTrafficFile(path, options); });
}

QFuture<Outcome<QList<TrafficBucket>>> HistoryStore::trafficBuckets(TrafficResolution resolution, const QDateTime &from,
                                                                    const QDateTime &to)
{
    return submit<QList<TrafficBucket>>(*m_reader,
                                        [=](Database &db) { return db.trafficBuckets(resolution, from, to); });
}

QFuture<Outcome<UsagePullResult>> HistoryStore::pullProductionUsage(const production::PgConnectionSpec &spec,
                                                                    const UsagePullOptions &options,
                                                                    const ProductionLinkOptions &link)
{
    return submit<UsagePullResult>(*m_writer, [=](Database &db) {
        return Outcome<UsagePullResult>{gw::store::pullProductionUsage(spec, db, options, link), QString()};
    });
}

QFuture<Outcome<QList<TrafficKeyUsage>>> HistoryStore::trafficKeyUsage(const QDateTime &from, const QDateTime &to)
{
    return submit<QList<TrafficKeyUsage>>(*m_reader, [=](Database &db) { return db.trafficKeyUsage(from, to); });
}

} // namespace gw::store
