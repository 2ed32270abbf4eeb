// The synchronous history store against real SQLite files in a temporary directory: schema and
// migrations, WAL, the full round trip of a bench result, refusing files that are not ours to
// change (and leaving their bytes alone), integrity after a large batch, and write errors.

#include "store_fixture.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <unistd.h>

using namespace gw;
using namespace gw::store;
using namespace gw::test;

namespace {

// A history with one run of `cases` x 2 results, closed again.
QString makeHistory(const QTemporaryDir &dir, int cases)
{
    QString path = dir.filePath(u"history.sqlite"_qs);
    Database db;
    if (!db.open(path).ok())
        return {};
    const qint64 run = db.createRun(u"fixture"_qs, sampleSettings()).value;
    if (!db.addResults(run, sampleBatch(0, cases)).ok())
        return {};
    return path;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The open must fail naming the file and the reason, and leave the file exactly as it was.
void expectRefusedUnchanged(const QString &path, const QString &reasonPart)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC), QFileDevice::FileModificationTime));
    f.close();
    const FileSnapshot before = snapshot(path);
    QVERIFY(!before.bytes.isEmpty());
    for (const Database::Access access : {Database::Access::ReadWrite, Database::Access::ReadOnly}) {
        Database db;
        const Outcome<bool> opened = db.open(path, access);
        QVERIFY(!opened.ok());
        QVERIFY(!db.isOpen());
        QVERIFY2(opened.error.startsWith(path + u": "_qs), qPrintable(opened.error));
        QVERIFY2(opened.error.contains(reasonPart), qPrintable(opened.error));
        QVERIFY2(opened.error.endsWith(u"; not opened, not changed"_qs), qPrintable(opened.error));
        if (access == Database::Access::ReadWrite)
            qInfo("%s", qPrintable(opened.error.mid(path.size())));
    }
    QVERIFY(snapshot(path) == before);
    QVERIFY(!QFile::exists(path + u"-wal"_qs));
    QVERIFY(!QFile::exists(path + u"-shm"_qs));
    QVERIFY(!QFile::exists(path + u"-journal"_qs));
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultPathIsInAppData();
    void createsAndMigratesMissingFile();
    void migratesEmptyFile();
    void walModeAndForeignKeys();
    void fullRoundTrip();
    void historySurvivesRestart();
    void listRunsCountsAndStatus();
    void trafficEventsFromResults();
    void billedCostReachesTraffic();
    void newerSchemaRefusedUnchanged();
    void foreignDatabaseRefusedUnchanged();
    void garbageRefusedUnchanged_data();
    void garbageRefusedUnchanged();
    void truncatedRefusedUnchanged_data();
    void truncatedRefusedUnchanged();
    void damagedPageRefusedUnchanged();
    void integrityAfterTenThousandResults();
    void batchIsAllOrNothing();
    void unknownRunIsAnError();
    void lockedDatabaseIsAnError();
    void readOnlyFileIsAnError();
};

void TestStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStore::defaultPathIsInAppData()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!dir.isEmpty());
    QCOMPARE(defaultHistoryPath(), dir + u"/history.sqlite"_qs);
}

void TestStore::createsAndMigratesMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nested/folder/history.sqlite"_qs);
    Database db;
    const Outcome<bool> opened = db.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QCOMPARE(db.schemaVersion().value, Database::currentVersion());
    QCOMPARE(Database::currentVersion(), 5);
    QVERIFY(db.listRuns().ok());
    QVERIFY(db.listRuns().value.isEmpty());
}

void TestStore::migratesEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    writeFile(path, {});
    QCOMPARE(QFileInfo(path).size(), 0);
    {
        Database db;
        const Outcome<bool> opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QCOMPARE(db.schemaVersion().value, Database::currentVersion());
    }
    QVERIFY(QFileInfo(path).size() > 0);
    // Every table and the ts index are there.
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"inspect"_qs);
    raw.setDatabaseName(path);
    QVERIFY(raw.open());
    QStringList names;
    {
        QSqlQuery q(
            u"SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name"_qs,
            raw);
        while (q.next())
            names << q.value(0).toString();
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"inspect"_qs);
    QCOMPARE(names, (QStringList{u"bench_results"_qs, u"bench_results_outcome"_qs, u"bench_runs"_qs,
                                 u"production_usage_keys"_qs, u"production_usage_minutes"_qs,
                                 u"production_usage_sources"_qs, u"traffic_buckets"_qs, u"traffic_events"_qs,
                                 u"traffic_events_result"_qs, u"traffic_events_run"_qs, u"traffic_events_ts"_qs,
                                 u"traffic_files"_qs, u"traffic_files_fingerprint"_qs, u"traffic_files_identity"_qs,
                                 u"traffic_files_path"_qs, u"traffic_key_usage"_qs}));
}

void TestStore::walModeAndForeignKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    Database db;
    QVERIFY(db.open(path).ok());
    QCOMPARE(db.journalMode().value, u"wal"_qs);
    QVERIFY(db.createRun(u"x"_qs, sampleSettings()).ok());
    QVERIFY(QFile::exists(path + u"-wal"_qs));
    // Foreign keys are enforced: a traffic event for a run that does not exist is rejected.
    const Outcome<int> orphan = db.addResults(4242, sampleBatch(0, 1));
    QVERIFY(!orphan.ok());
}

void TestStore::fullRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    Database db;
    QVERIFY(db.open(path).ok());
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(1'760'000'000'123LL, Qt::UTC);
    const Outcome<qint64> run = db.createRun(u"Smoke ✓ run"_qs, sampleSettings(), started);
    QVERIFY2(run.ok(), qPrintable(run.error));
    QList<BenchResult> batch = sampleBatch(0, 21); // skipped, failed and plain ones
    batch[4].billedCostUsd = 0.0042;
    batch[5].startedAt = QDateTime(); // unknown start time stays unknown
    const Outcome<int> added = db.addResults(run.value, batch);
    QVERIFY2(added.ok(), qPrintable(added.error));
    QCOMPARE(added.value, 42);
    const QDateTime finished = started.addSecs(90);
    QVERIFY(db.finishRun(run.value, RunStatus::Finished, finished).ok());

    const Outcome<StoredRun> loaded = db.loadRun(run.value);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.value.summary.id, run.value);
    QCOMPARE(loaded.value.summary.label, u"Smoke ✓ run"_qs);
    QCOMPARE(loaded.value.summary.startedAt, started);
    QCOMPARE(loaded.value.summary.finishedAt, finished);
    QCOMPARE(loaded.value.summary.status, RunStatus::Finished);
    QCOMPARE(toJson(loaded.value.settings), toJson(sampleSettings()));
    QCOMPARE(loaded.value.settings.suite.cases.at(1).reasoning, sampleSettings().suite.cases.at(1).reasoning);
    QCOMPARE(loaded.value.settings.repeat, 3);
    QCOMPARE(loaded.value.results.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        compareResult(loaded.value.results.at(i), batch.at(i));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"result %1 differs"_qs.arg(i)));
    }
    QVERIFY(!db.loadRun(run.value + 1).ok());
    QVERIFY(db.loadRun(run.value + 1).error.contains(u"run %1 does not exist"_qs.arg(run.value + 1)));
}

void TestStore::historySurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    qint64 first = 0, second = 0;
    {
        Database db;
        QVERIFY(db.open(path).ok());
        first = db.createRun(u"first"_qs, sampleSettings()).value;
        QVERIFY(db.addResults(first, sampleBatch(0, 10)).ok());
        QVERIFY(db.finishRun(first, RunStatus::Cancelled).ok());
        second = db.createRun(u"second"_qs, sampleSettings()).value;
        QVERIFY(db.addResults(second, sampleBatch(0, 3)).ok());
        db.close();
    }
    QVERIFY(!QFile::exists(path + u"-wal"_qs)); // the last connection checkpointed and cleaned up
    Database db;
    QVERIFY(db.open(path).ok());
    const Outcome<QList<RunSummary>> runs = db.listRuns();
    QVERIFY(runs.ok());
    QCOMPARE(runs.value.size(), 2);
    QCOMPARE(runs.value.at(0).id, second); // newest first
    QCOMPARE(runs.value.at(0).status, RunStatus::Running);
    QCOMPARE(runs.value.at(1).label, u"first"_qs);
    QCOMPARE(runs.value.at(1).status, RunStatus::Cancelled);
    QCOMPARE(runs.value.at(1).results, 20);
    const Outcome<StoredRun> loaded = db.loadRun(first);
    QVERIFY(loaded.ok());
    const QList<BenchResult> expected = sampleBatch(0, 10);
    QCOMPARE(loaded.value.results.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        compareResult(loaded.value.results.at(i), expected.at(i));
    QCOMPARE(db.trafficEvents({}, {}).value.size(), 2 * (9 + 3)); // cases 6 are skipped
}

void TestStore::listRunsCountsAndStatus()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(u"h.sqlite"_qs)).ok());
    const qint64 run = db.createRun(u"counts"_qs, sampleSettings()).value;
    QVERIFY(db.addResults(run, sampleBatch(0, 21)).ok());
    const RunSummary s = db.listRuns().value.at(0);
    // 21 cases x 2: cases 6, 13, 20 skipped; of the rest 2, 5, 8, 11, 14, 17 failed.
    QCOMPARE(s.results, 42);
    QCOMPARE(s.skipped, 6);
    QCOMPARE(s.failed, 12);
    QCOMPARE(s.succeeded, 24);
    QCOMPARE(s.status, RunStatus::Running);
    QVERIFY(!s.finishedAt.isValid());
    const Outcome<bool> bad = db.finishRun(run, RunStatus::Running);
    QVERIFY(!bad.ok());
    QVERIFY(!db.finishRun(run + 9, RunStatus::Finished).ok());
    QVERIFY(db.finishRun(run + 9, RunStatus::Finished).error.contains(u"run %1 does not exist"_qs.arg(run + 9)));
}

void TestStore::trafficEventsFromResults()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(u"h.sqlite"_qs)).ok());
    const qint64 run = db.createRun(u"traffic"_qs, sampleSettings()).value;
    QVERIFY(db.addResults(run, sampleBatch(0, 7)).ok());
    const Outcome<QList<TrafficEvent>> all = db.trafficEvents({}, {}, TrafficSource::Test);
    QVERIFY(all.ok());
    QCOMPARE(all.value.size(), 12); // case 6 skipped on both sides: not traffic
    const TrafficEvent &e = all.value.at(0);
    const BenchResult r = sampleResult(0, Gateway::OpenRouter);
    QCOMPARE(e.ts, r.startedAt);
    QCOMPARE(e.source, TrafficSource::Test);
    QCOMPARE(e.gateway, Gateway::OpenRouter);
    QCOMPARE(e.model, r.gatewayModel);
    QCOMPARE(e.provider, u"Anthropic"_qs);
    QCOMPARE(e.errorClass, ErrorClass::None);
    QCOMPARE(e.httpStatus, 200);
    QCOMPARE(e.ttftMs, r.ttftMs);
    QCOMPARE(e.totalMs, r.totalMs);
    QCOMPARE(e.usage.prompt, r.response.usage.prompt);
    QCOMPARE(e.usage.completion, r.response.usage.completion);
    QCOMPARE(e.usage.cachedRead, r.response.usage.cachedRead);
    QCOMPARE(e.usage.reasoning, r.response.usage.reasoning);
    QCOMPARE(e.costUsd, r.response.costUsd);
    QCOMPARE(e.costSource, CostSource::Reported);
    QCOMPARE(e.generationId, r.response.generationId);
    QCOMPARE(e.runId, std::optional<qint64>(run));
    // Case 2 failed: no reported cost, the estimate stands in; the error class is kept.
    const TrafficEvent &failed = all.value.at(4);
    QCOMPARE(failed.errorClass, ErrorClass::RateLimited);
    QCOMPARE(failed.costSource, CostSource::Estimated);
    QCOMPARE(failed.costUsd, sampleResult(2, Gateway::OpenRouter).estimatedCostUsd);
    // [from, to): cases 1 and 2 start at +1 s and +2 s.
    const QDateTime t0 = sampleResult(0, Gateway::OpenRouter).startedAt;
    QCOMPARE(db.trafficEvents(t0.addSecs(1), t0.addSecs(3)).value.size(), 4);
    QCOMPARE(db.trafficEvents(t0.addSecs(1), {}).value.size(), 10);
    QCOMPARE(db.trafficEvents({}, {}, TrafficSource::Log).value.size(), 0);
}

void TestStore::billedCostReachesTraffic()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(u"h.sqlite"_qs)).ok());
    const qint64 run = db.createRun(u"billed"_qs, sampleSettings()).value;
    QVERIFY(db.addResults(run, sampleBatch(0, 2)).ok());
    QVERIFY(db.setBilledCost(run, 1, Gateway::Vercel, 0.0175).ok());
    const StoredRun loaded = db.loadRun(run).value;
    QCOMPARE(loaded.results.at(3).gateway, Gateway::Vercel);
    QCOMPARE(loaded.results.at(3).billedCostUsd, std::optional<double>(0.0175));
    QCOMPARE(loaded.results.at(2).billedCostUsd, std::nullopt);
    const QList<TrafficEvent> events = db.trafficEvents({}, {}).value;
    QCOMPARE(events.at(3).costUsd, std::optional<double>(0.0175));
    QCOMPARE(events.at(3).costSource, CostSource::Generation);
    QCOMPARE(events.at(2).costSource, CostSource::Reported);
    const Outcome<bool> missing = db.setBilledCost(run, 99, Gateway::Vercel, 1.0);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.contains(u"no result for case 99 on vercel"_qs), qPrintable(missing.error));
}

void TestStore::newerSchemaRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = makeHistory(dir, 20);
    QVERIFY(!path.isEmpty());
    QVERIFY(rawExec(path, {u"PRAGMA journal_mode=DELETE"_qs, u"PRAGMA user_version=9"_qs}));
    expectRefusedUnchanged(path, u"written by a newer Gateway Console (schema 9; this build reads up to 5)"_qs);
    // Still in WAL mode (as this build leaves its files): refused before SQLite sees it as well.
    QTemporaryDir walDir;
    const QString walPath = makeHistory(walDir, 20);
    QVERIFY(rawExec(walPath, {u"PRAGMA user_version=7"_qs}));
    QVERIFY(!QFile::exists(walPath + u"-wal"_qs));
    expectRefusedUnchanged(walPath, u"schema 7; this build reads up to 5"_qs);
}

void TestStore::foreignDatabaseRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    QVERIFY(rawExec(path, {u"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"_qs,
                           u"INSERT INTO notes (body) VALUES ('someone else''s data')"_qs}));
    expectRefusedUnchanged(path, u"an SQLite database of another program (it has a table or index \"notes\")"_qs);
}

void TestStore::garbageRefusedUnchanged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QByteArray random(8192, Qt::Uninitialized);
    quint32 x = 2463534242u; // xorshift: the same "random" bytes every run
    for (char &c : random) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x & 0xff);
    }
    QTest::newRow("random bytes") << random << u"not an SQLite database"_qs;
    QTest::newRow("text") << QByteArray("{\"runs\": []}\n") << u"not an SQLite database"_qs;
    QTest::newRow("header then noise") << (QByteArray("SQLite format 3", 16) + random.left(4096 - 16))
                                       << u"corrupt SQLite header"_qs;
}

void TestStore::garbageRefusedUnchanged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    writeFile(path, bytes);
    expectRefusedUnchanged(path, reason);
}

void TestStore::truncatedRefusedUnchanged_data()
{
    QTest::addColumn<double>("keep"); // fraction of the file kept
    QTest::addColumn<QString>("reason");
    QTest::newRow("half, mid-page") << 0.5037 << u"truncated or damaged"_qs;
    QTest::newRow("first page only") << 0.0 << u"truncated ("_qs;
    QTest::newRow("inside the header") << -1.0 << u"truncated (50 bytes, shorter than an SQLite header)"_qs;
}

void TestStore::truncatedRefusedUnchanged()
{
    QFETCH(double, keep);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = makeHistory(dir, 500);
    QVERIFY(!path.isEmpty());
    QFile f(path);
    const qint64 size = f.size();
    QVERIFY(size > 100'000);
    const qint64 newSize = keep > 0 ? qint64(size * keep) : keep == 0 ? 4096 : 50;
    QVERIFY(f.resize(newSize));
    expectRefusedUnchanged(path, reason);
}

void TestStore::damagedPageRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = makeHistory(dir, 500);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(f.size() / 2 / 4096 * 4096));
    QCOMPARE(f.write(QByteArray(4096, '\xa5')), 4096);
    f.close();
    expectRefusedUnchanged(path, u"damaged"_qs);
}

void TestStore::integrityAfterTenThousandResults()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(u"h.sqlite"_qs)).ok());
    const qint64 run = db.createRun(u"big"_qs, sampleSettings()).value;
    for (int first = 0; first < 5000; first += 250) {
        const Outcome<int> added = db.addResults(run, sampleBatch(first, 250));
        QVERIFY2(added.ok(), qPrintable(added.error));
        QCOMPARE(added.value, 500);
    }
    QCOMPARE(db.integrityCheck().value, u"ok"_qs);
    QCOMPARE(db.listRuns().value.at(0).results, 10'000);
    const StoredRun loaded = db.loadRun(run).value;
    QCOMPARE(loaded.results.size(), 10'000);
    compareResult(loaded.results.at(9'999), sampleResult(4'999, Gateway::Vercel));
}

void TestStore::batchIsAllOrNothing()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(u"h.sqlite"_qs)).ok());
    const qint64 run = db.createRun(u"dup"_qs, sampleSettings()).value;
    QList<BenchResult> batch = sampleBatch(0, 50);
    batch << sampleResult(10, Gateway::Vercel); // the same case and gateway twice
    const Outcome<int> added = db.addResults(run, batch);
    QVERIFY(!added.ok());
    QVERIFY2(added.error.contains(u"case 10 on vercel"_qs), qPrintable(added.error));
    QVERIFY2(added.error.contains(u"UNIQUE"_qs), qPrintable(added.error));
    QCOMPARE(db.listRuns().value.at(0).results, 0);
    QCOMPARE(db.trafficEvents({}, {}).value.size(), 0);
    QVERIFY(db.addResults(run, sampleBatch(0, 50)).ok()); // the connection is still usable
}

void TestStore::unknownRunIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.sqlite"_qs);
    Database db;
    QVERIFY(db.open(path).ok());
    const Outcome<int> added = db.addResults(77, sampleBatch(0, 2));
    QVERIFY(!added.ok());
    QCOMPARE(added.error, path + u": run 77 does not exist; no results stored"_qs);
    QCOMPARE(db.trafficEvents({}, {}).value.size(), 0);
}

void TestStore::lockedDatabaseIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.sqlite"_qs);
    Database db;
    QVERIFY(db.open(path).ok());
    const qint64 run = db.createRun(u"locked"_qs, sampleSettings()).value;
    // Another process holding the write lock longer than the busy timeout (5 s).
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"other"_qs);
    other.setDatabaseName(path);
    QVERIFY(other.open());
    {
        QSqlQuery lock(other);
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_qs));
        QElapsedTimer waited;
        waited.start();
        const Outcome<int> added = db.addResults(run, sampleBatch(0, 5));
        QVERIFY2(waited.elapsed() >= 4000, "the writer gives up only after the busy timeout");
        QVERIFY(!added.ok());
        QVERIFY2(added.error.startsWith(path + u": "_qs), qPrintable(added.error));
        QVERIFY2(added.error.contains(u"locked"_qs), qPrintable(added.error));
        QVERIFY(lock.exec(u"ROLLBACK"_qs));
    }
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"other"_qs);
    QVERIFY(db.addResults(run, sampleBatch(0, 5)).ok());
}

void TestStore::readOnlyFileIsAnError()
{
    if (::geteuid() == 0)
        QSKIP("running as root: file permissions do not stop root's writes (lockedDatabaseIsAnError covers a failing "
              "write)");
    QTemporaryDir dir;
    const QString path = makeHistory(dir, 3);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    Database db;
    const Outcome<bool> opened = db.open(path);
    if (opened.ok()) {
        const Outcome<qint64> run = db.createRun(u"ro"_qs, sampleSettings());
        QVERIFY(!run.ok());
        QVERIFY2(run.error.startsWith(path + u": "_qs), qPrintable(run.error));
    } else {
        QVERIFY2(opened.error.startsWith(path + u": "_qs), qPrintable(opened.error));
    }
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
