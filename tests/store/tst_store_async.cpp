// HistoryStore: the Database API on a writer thread and a reader thread. Reads issued while a
// long series of batches is being written come back before the writes are done and always see
// whole batches; errors arrive as Outcomes, never as a crash or a hung future.

#include "history_store.h"
#include "store_fixture.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gw;
using namespace gw::store;
using namespace gw::test;

namespace {

template <typename T>
Outcome<T> await(QFuture<Outcome<T>> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestStoreAsync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void roundTripThroughWorkers();
    void readsDuringWritesSeeWholeBatches();
    void writeErrorComesBackAsOutcome();
    void refusedFileAndNotOpen();
    void reopenAfterClose();
    void watcherSignalsOnTheCallersThread();
};

void TestStoreAsync::roundTripThroughWorkers()
{
    QTemporaryDir dir;
    HistoryStore store;
    const Outcome<bool> opened = await(store.open(dir.filePath(u"history.sqlite"_qs)));
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    const Outcome<qint64> run = await(store.createRun(u"async"_qs, sampleSettings()));
    QVERIFY2(run.ok(), qPrintable(run.error));
    const QList<BenchResult> batch = sampleBatch(0, 30);
    QCOMPARE(await(store.addResults(run.value, batch)).value, 60);
    QVERIFY(await(store.setBilledCost(run.value, 0, Gateway::OpenRouter, 0.5)).ok());
    QVERIFY(await(store.finishRun(run.value, RunStatus::Finished)).ok());

    const Outcome<StoredRun> loaded = await(store.loadRun(run.value));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.value.summary.status, RunStatus::Finished);
    QCOMPARE(loaded.value.results.size(), 60);
    BenchResult billed = batch.at(0);
    billed.billedCostUsd = 0.5;
    compareResult(loaded.value.results.at(0), billed);
    compareResult(loaded.value.results.at(59), batch.at(59));
    const Outcome<QList<RunSummary>> runs = await(store.listRuns());
    QCOMPARE(runs.value.size(), 1);
    QCOMPARE(runs.value.at(0).results, 60);
    const Outcome<QList<TrafficEvent>> traffic = await(store.trafficEvents({}, {}, TrafficSource::Test));
    QCOMPARE(traffic.value.size(), 2 * (30 - 4)); // cases 6, 13, 20, 27 skipped
    QCOMPARE(traffic.value.at(0).costSource, CostSource::Generation);
}

void TestStoreAsync::readsDuringWritesSeeWholeBatches()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(await(store.open(dir.filePath(u"history.sqlite"_qs))).ok());
    const qint64 run = await(store.createRun(u"busy"_qs, sampleSettings())).value;
    constexpr int kBatches = 40, kCasesPerBatch = 250, kBatchResults = 2 * kCasesPerBatch;
    QList<QFuture<Outcome<int>>> writes;
    for (int b = 0; b < kBatches; ++b)
        writes << store.addResults(run, sampleBatch(b * kCasesPerBatch, kCasesPerBatch));

    int readsWhileWriting = 0;
    int reads = 0;
    int lastSeen = 0;
    while (!writes.constLast().isFinished()) {
        const Outcome<QList<RunSummary>> runs = await(store.listRuns());
        QVERIFY2(runs.ok(), qPrintable(runs.error));
        const int seen = runs.value.at(0).results;
        QVERIFY2(seen % kBatchResults == 0, qPrintable(u"a read saw %1 results: half a batch"_qs.arg(seen)));
        QVERIFY(seen >= lastSeen);
        lastSeen = seen;
        ++reads;
        if (!writes.constLast().isFinished())
            ++readsWhileWriting;
        if (reads % 5 == 0) { // a full load is one snapshot: its summary matches its rows
            const Outcome<StoredRun> loaded = await(store.loadRun(run));
            QVERIFY(loaded.ok());
            QCOMPARE(loaded.value.results.size(), qsizetype(loaded.value.summary.results));
            QCOMPARE(loaded.value.results.size() % kBatchResults, 0);
        }
    }
    qInfo("%d reads, %d of them answered while batches were still being written", reads, readsWhileWriting);
    QVERIFY(readsWhileWriting >= 1);
    for (const auto &w : writes)
        QVERIFY(w.result().ok());
    QCOMPARE(await(store.listRuns()).value.at(0).results, kBatches * kBatchResults);
}

void TestStoreAsync::writeErrorComesBackAsOutcome()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    HistoryStore store;
    QVERIFY(await(store.open(path)).ok());
    const Outcome<int> added = await(store.addResults(31337, sampleBatch(0, 3)));
    QVERIFY(!added.ok());
    QCOMPARE(added.error, path + u": run 31337 does not exist; no results stored"_qs);
    const Outcome<StoredRun> missing = await(store.loadRun(31337));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.contains(u"run 31337 does not exist"_qs));
    // The writer carries on.
    const qint64 run = await(store.createRun(u"after"_qs, sampleSettings())).value;
    QVERIFY(await(store.addResults(run, sampleBatch(0, 3))).ok());
}

void TestStoreAsync::refusedFileAndNotOpen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'x'));
    }
    const FileSnapshot before = snapshot(path);
    HistoryStore store;
    const Outcome<bool> opened = await(store.open(path));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error, path + u": not an SQLite database (no SQLite header); not opened, not changed"_qs);
    QVERIFY(snapshot(path) == before);
    const Outcome<QList<RunSummary>> runs = await(store.listRuns());
    QVERIFY(!runs.ok());
    QCOMPARE(runs.error, u"the history store is not open"_qs);
    QVERIFY(!await(store.createRun(u"x"_qs, sampleSettings())).ok());
}

void TestStoreAsync::reopenAfterClose()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    HistoryStore store;
    QVERIFY(await(store.open(path)).ok());
    const qint64 run = await(store.createRun(u"kept"_qs, sampleSettings())).value;
    const QFuture<Outcome<int>> pending = store.addResults(run, sampleBatch(0, 100));
    store.close(); // runs what is queued first
    QVERIFY(pending.isFinished());
    QVERIFY(pending.result().ok());
    QVERIFY(!QFile::exists(path + u"-wal"_qs)); // both connections closed
    QVERIFY(await(store.open(path)).ok());
    QCOMPARE(await(store.listRuns()).value.at(0).results, 200);
}

// The documented way for the app: a QFutureWatcher whose finished() arrives on the GUI thread
// while the event loop keeps running.
void TestStoreAsync::watcherSignalsOnTheCallersThread()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(await(store.open(dir.filePath(u"history.sqlite"_qs))).ok());
    const qint64 run = await(store.createRun(u"watched"_qs, sampleSettings())).value;
    QVERIFY(await(store.addResults(run, sampleBatch(0, 10))).ok());
    QFutureWatcher<Outcome<QList<RunSummary>>> watcher;
    QThread *finishedOn = nullptr;
    int results = -1;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] {
        finishedOn = QThread::currentThread();
        results = watcher.result().value.at(0).results;
    });
    QSignalSpy spy(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(store.listRuns());
    QVERIFY(spy.wait(10'000));
    QCOMPARE(finishedOn, QThread::currentThread());
    QCOMPARE(results, 20);
}

QTEST_GUILESS_MAIN(TestStoreAsync)
#include "tst_store_async.moc"
