// Traffic log buckets in a real SQLite file: an import persists minute, hour and day buckets that
// match an in-memory aggregation; re-importing the same file adds nothing, an appended file adds
// only its new lines, a renamed file is recognised by content; the async API returns the same.
// Key usage (hour x gateway x model x user x task) is stored in the same transaction and merged
// exactly; a version-2 file migrates with its buckets kept.

#include "database.h"
#include "history_store.h"
#include "store_fixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;
using namespace gw::store;
using gw::test::rawExec;

namespace {

const QString kData = QStringLiteral(GW_SOURCE_DIR "/tests/data/traffic/");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write test file");
}

quint64 totalRequests(const QList<TrafficBucket> &buckets)
{
    quint64 n = 0;
    for (const TrafficBucket &b : buckets)
        n += b.values.requests;
    return n;
}

quint64 totalPrompt(const QList<TrafficBucket> &buckets)
{
    quint64 n = 0;
    for (const TrafficBucket &b : buckets)
        n += b.values.promptTokens;
    return n;
}

// In-memory aggregation of a file's whole content, what the store must equal.
QList<TrafficBucket> expectedMinutes(const QByteArray &content)
{
    TrafficAggregator agg;
    TrafficStreamIngestor(TrafficFormat::Jsonl, agg).feed(content.constData(), content.size());
    return agg.minuteBuckets();
}

void compareBuckets(const QList<TrafficBucket> &got, const QList<TrafficBucket> &want)
{
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        QVERIFY(got[i].key == want[i].key);
        QCOMPARE(got[i].values.requests, want[i].values.requests);
        QCOMPARE(got[i].values.promptTokens, want[i].values.promptTokens);
        QVERIFY(qAbs(got[i].values.costReportedUsd - want[i].values.costReportedUsd) < 1e-12);
        QVERIFY(qAbs(got[i].values.costEstimatedUsd - want[i].values.costEstimatedUsd) < 1e-12);
        QCOMPARE(got[i].values.latencyCount, want[i].values.latencyCount);
        QCOMPARE(got[i].values.ttftMaxMs, want[i].values.ttftMaxMs);
        QVERIFY(got[i].values.latency == want[i].values.latency);
        QVERIFY(got[i].values.ttft == want[i].values.ttft);
    }
}

// Requests per user counted with QJsonDocument (an absent or null user is ""), independent of
// the parser and the aggregator.
QMap<QString, quint64> requestsPerUser(const QByteArray &content)
{
    QMap<QString, quint64> out;
    for (const QByteArray &line : content.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonValue user = QJsonDocument::fromJson(line).object().value(u"user"_qs);
        ++out[user.isDouble() ? QString::number(user.toInteger()) : user.toString()];
    }
    return out;
}

QMap<QString, quint64> storedRequestsPerUser(const QList<TrafficKeyUsage> &rows)
{
    QMap<QString, quint64> out;
    for (const TrafficKeyUsage &u : rows)
        out[u.key.user] += u.requests;
    return out;
}

void compareUsageRows(const QList<TrafficKeyUsage> &got, const QList<TrafficKeyUsage> &want)
{
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        QVERIFY(got[i].key == want[i].key);
        QCOMPARE(got[i].requests, want[i].requests);
        QCOMPARE(got[i].errors, want[i].errors);
        QCOMPARE(got[i].fallbacks, want[i].fallbacks);
        QCOMPARE(got[i].promptTokens, want[i].promptTokens);
        QCOMPARE(got[i].completionTokens, want[i].completionTokens);
        QCOMPARE(got[i].cachedTokens, want[i].cachedTokens);
        QCOMPARE(got[i].reasoningTokens, want[i].reasoningTokens);
        QVERIFY(qAbs(got[i].costUsd - want[i].costUsd) < 1e-12);
        QCOMPARE(got[i].costCount, want[i].costCount);
    }
}

QList<TrafficKeyUsage> expectedUsage(const QByteArray &content)
{
    TrafficAggregator agg;
    TrafficStreamIngestor(TrafficFormat::Jsonl, agg).feed(content.constData(), content.size());
    return agg.keyUsage();
}

} // namespace

class TestStoreTraffic : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void importPersistsAllResolutions()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(u"a.sqlite"_qs)).ok());
        const auto r = db.importTrafficFile(kData + u"good.jsonl"_qs);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value.events, 120);
        QVERIFY(r.value.state.id > 0);
        const QByteArray content = readAll(kData + u"good.jsonl"_qs);
        const auto minutes = db.trafficBuckets(TrafficResolution::Minute);
        QVERIFY2(minutes.ok(), qPrintable(minutes.error));
        compareBuckets(minutes.value, expectedMinutes(content));
        const auto hours = db.trafficBuckets(TrafficResolution::Hour);
        compareBuckets(hours.value, rollUpTraffic(expectedMinutes(content), TrafficResolution::Hour));
        const auto days = db.trafficBuckets(TrafficResolution::Day);
        QVERIFY(!days.value.isEmpty());
        QCOMPARE(totalRequests(days.value), 120u);
        // A time window selects by bucket start.
        const QDateTime from = QDateTime::fromString(u"2025-01-15T10:05:00Z"_qs, Qt::ISODate);
        const QDateTime to = QDateTime::fromString(u"2025-01-15T10:10:00Z"_qs, Qt::ISODate);
        const auto window = db.trafficBuckets(TrafficResolution::Minute, from, to);
        QVERIFY(!window.value.isEmpty());
        for (const TrafficBucket &b : window.value)
            QVERIFY(b.key.startMs >= from.toMSecsSinceEpoch() && b.key.startMs < to.toMSecsSinceEpoch());
        QVERIFY(totalRequests(window.value) < 120u);
    }

    void reimportAddsNothingAndAppendAddsNewLines()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(u"b.sqlite"_qs)).ok());
        const QByteArray full = readAll(kData + u"good.jsonl"_qs);
        const qsizetype cut = full.indexOf('\n', full.size() / 2) + 1;
        const QString path = m_dir.filePath(u"live.jsonl"_qs);
        // First half plus a partial line: the partial line is held back.
        writeFile(path, full.left(cut + 25));
        const auto first = db.importTrafficFile(path);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.value.heldBackBytes, 25);
        const qint64 firstEvents = first.value.events;
        QCOMPARE(qint64(totalRequests(db.trafficBuckets(TrafficResolution::Minute).value)), firstEvents);

        const auto again = db.importTrafficFile(path);
        QVERIFY(again.ok());
        QVERIFY(again.value.known);
        QCOMPARE(again.value.events, 0);
        QCOMPARE(qint64(totalRequests(db.trafficBuckets(TrafficResolution::Day).value)), firstEvents);

        writeFile(path, full);
        const auto appended = db.importTrafficFile(path);
        QVERIFY2(appended.ok(), qPrintable(appended.error));
        QVERIFY(appended.value.known);
        QCOMPARE(firstEvents + appended.value.events, 120);
        compareBuckets(db.trafficBuckets(TrafficResolution::Minute).value, expectedMinutes(full));
        compareBuckets(db.trafficBuckets(TrafficResolution::Hour).value,
                       rollUpTraffic(expectedMinutes(full), TrafficResolution::Hour));

        const auto files = db.trafficFiles();
        QCOMPARE(files.value.size(), 1);
        QCOMPARE(files.value.first().offset, full.size());
        QCOMPARE(files.value.first().lines, 120);
    }

    void keyUsageStoredAndMergedExactly()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(u"usage.sqlite"_qs)).ok());
        const QByteArray full = readAll(kData + u"usage.jsonl"_qs);
        const qsizetype cut = full.indexOf('\n', full.size() / 2) + 1;
        const QString path = m_dir.filePath(u"usage-live.jsonl"_qs);
        writeFile(path, full.left(cut));
        const auto first = db.importTrafficFile(path);
        QVERIFY2(first.ok(), qPrintable(first.error));
        auto stored = db.trafficKeyUsage();
        QVERIFY2(stored.ok(), qPrintable(stored.error));
        QCOMPARE(storedRequestsPerUser(stored.value), requestsPerUser(full.left(cut)));
        compareUsageRows(stored.value, expectedUsage(full.left(cut)));

        // The same content again adds nothing.
        QCOMPARE(db.importTrafficFile(path).value.events, 0);
        compareUsageRows(db.trafficKeyUsage().value, expectedUsage(full.left(cut)));

        // Appended lines add only theirs: rows shared by both halves are summed, not doubled.
        writeFile(path, full);
        const auto appended = db.importTrafficFile(path);
        QVERIFY2(appended.ok(), qPrintable(appended.error));
        QCOMPARE(first.value.events + appended.value.events, 36);
        stored = db.trafficKeyUsage();
        QCOMPARE(storedRequestsPerUser(stored.value), requestsPerUser(full));
        compareUsageRows(stored.value, expectedUsage(full));

        // A window selects by hour start: [10:00, 11:00) is the 10 o'clock hour only.
        const QDateTime from = QDateTime::fromString(u"2025-03-01T10:00:00Z"_qs, Qt::ISODate);
        const QDateTime to = QDateTime::fromString(u"2025-03-01T11:00:00Z"_qs, Qt::ISODate);
        const auto window = db.trafficKeyUsage(from, to);
        QVERIFY(!window.value.isEmpty());
        quint64 inWindow = 0;
        for (const TrafficKeyUsage &u : window.value) {
            QCOMPARE(u.key.hourStartMs, from.toMSecsSinceEpoch());
            inWindow += u.requests;
        }
        quint64 tenOClock = 0; // hand-checked: the 10:00:00, 12:30+02:00 and 10:45 lines
        for (const QByteArray &line : full.split('\n'))
            if (line.contains("T10:") || line.contains("T12:30:00.000+02:00"))
                ++tenOClock;
        QCOMPARE(inWindow, tenOClock);
        QCOMPARE(db.trafficKeyUsage(to).value.size() + window.value.size() + db.trafficKeyUsage({}, from).value.size(),
                 stored.value.size());
    }

    void version2FileMigrates()
    {
        const QString path = m_dir.filePath(u"v2.sqlite"_qs);
        const QByteArray good = readAll(kData + u"good.jsonl"_qs);
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.importTrafficFile(kData + u"good.jsonl"_qs).ok());
        }
        // Schema 3 only added traffic_key_usage and 4 an index: without them and at
        // user_version 2 this is the file a version-2 build left.
        QVERIFY(rawExec(path, {u"DROP TABLE traffic_key_usage"_qs, u"DROP INDEX traffic_files_identity"_qs,
                               u"PRAGMA user_version = 2"_qs}));
        Database db;
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QCOMPARE(db.schemaVersion().value, Database::currentVersion());
        compareBuckets(db.trafficBuckets(TrafficResolution::Minute).value, expectedMinutes(good));
        // The new table starts empty; the file already read is not read again.
        QVERIFY(db.trafficKeyUsage().ok());
        QVERIFY(db.trafficKeyUsage().value.isEmpty());
        QCOMPARE(db.importTrafficFile(kData + u"good.jsonl"_qs).value.events, 0);
        QVERIFY(db.trafficKeyUsage().value.isEmpty());
        // A new log fills it.
        const auto more = db.importTrafficFile(kData + u"usage.jsonl"_qs);
        QVERIFY2(more.ok(), qPrintable(more.error));
        QCOMPARE(storedRequestsPerUser(db.trafficKeyUsage().value),
                 requestsPerUser(readAll(kData + u"usage.jsonl"_qs)));
        QCOMPARE(db.integrityCheck().value, u"ok"_qs);
    }

    void renamedFileIsRecognisedByContent()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(u"c.sqlite"_qs)).ok());
        // Big enough for a full-length fingerprint: the fixture twice.
        const QByteArray content = readAll(kData + u"good.jsonl"_qs).repeated(2);
        QVERIFY(content.size() > kTrafficFingerprintBytes);
        const QString a = m_dir.filePath(u"traffic.jsonl"_qs);
        writeFile(a, content);
        QCOMPARE(db.importTrafficFile(a).value.events, 240);
        const QString rotated = m_dir.filePath(u"traffic.jsonl.1"_qs);
        QVERIFY(QFile::rename(a, rotated));
        const auto r = db.importTrafficFile(rotated);
        QVERIFY(r.ok());
        QVERIFY(r.value.known);
        QCOMPARE(r.value.events, 0);
        QCOMPARE(totalRequests(db.trafficBuckets(TrafficResolution::Minute).value), 240u);
        QCOMPARE(totalPrompt(db.trafficBuckets(TrafficResolution::Day).value),
                 2 * totalPrompt(expectedMinutes(readAll(kData + u"good.jsonl"_qs))));
        // A short file rotated (renamed) is the same file too, while a copy left in place is not.
        const QByteArray small = readAll(kData + u"good.jsonl"_qs).left(20000);
        const QString live = m_dir.filePath(u"small.jsonl"_qs);
        writeFile(live, small.left(small.lastIndexOf('\n') + 1));
        const qint64 smallEvents = db.importTrafficFile(live).value.events;
        QVERIFY(smallEvents > 10);
        const QString smallRotated = m_dir.filePath(u"small.jsonl.1"_qs);
        QVERIFY(QFile::rename(live, smallRotated));
        const auto afterRotation = db.importTrafficFile(smallRotated);
        QVERIFY(afterRotation.value.known);
        QCOMPARE(afterRotation.value.events, 0);
        QCOMPARE(totalRequests(db.trafficBuckets(TrafficResolution::Minute).value), 240u + quint64(smallEvents));
        // A different small file under a new name is a new file.
        const QString other = m_dir.filePath(u"other.jsonl"_qs);
        writeFile(other, content.left(content.indexOf('\n') + 1));
        const auto o = db.importTrafficFile(other);
        QVERIFY(!o.value.known);
        QCOMPARE(o.value.events, 1);
    }

    // Another connection (another process, in practice) imports the same log between this
    // import's lookup and its commit: this commit finds the other's row inside its write
    // transaction and reads on from there, so the log is counted once and recorded once.
    void importRacingAnotherImportCountsOnce()
    {
        const QString path = m_dir.filePath(u"race.sqlite"_qs);
        const QString log = kData + u"good.jsonl"_qs;
        const QByteArray good = readAll(log);
        Database first;
        Database second;
        QVERIFY(first.open(path).ok());
        QVERIFY(second.open(path).ok());
        TrafficIngestOptions options;
        bool raced = false;
        options.progress = [&](qint64, qint64) {
            if (raced)
                return;
            raced = true;
            const auto other = second.importTrafficFile(log);
            QVERIFY2(other.ok() && other.value.ok(), qPrintable(other.error + other.value.error));
            QCOMPARE(other.value.events, qint64(totalRequests(expectedMinutes(good))));
        };
        const auto imported = first.importTrafficFile(log, options);
        QVERIFY2(imported.ok() && imported.value.ok(), qPrintable(imported.error + imported.value.error));
        QVERIFY(raced);
        QCOMPARE(imported.value.events, qint64(0));
        QVERIFY(imported.value.known);
        compareBuckets(first.trafficBuckets(TrafficResolution::Minute).value, expectedMinutes(good));
        QCOMPARE(first.trafficFiles().value.size(), 1);
        QCOMPARE(storedRequestsPerUser(first.trafficKeyUsage().value), requestsPerUser(good));
    }

    // Schema 5 made the production usage tables a migration: a fresh file has them before any
    // pull, a schema-4 file gets them with its traffic kept, and one where an older build's
    // first pull had created them keeps them and their rows.
    void productionUsageTablesAreSchema5()
    {
        const auto productionTables = [](const QString &path) {
            QStringList names;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"tables"_qs);
                db.setDatabaseName(path);
                if (db.open()) {
                    QSqlQuery q(db);
                    q.exec(
                        u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'production_usage_%' ORDER BY name"_qs);
                    while (q.next())
                        names << q.value(0).toString();
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(u"tables"_qs);
            return names;
        };
        const QStringList all{u"production_usage_keys"_qs, u"production_usage_minutes"_qs,
                              u"production_usage_sources"_qs};
        const QString source = u"127.0.0.1:5432/gwtest"_qs;

        const QString fresh = m_dir.filePath(u"fresh5.sqlite"_qs);
        {
            Database db;
            QVERIFY(db.open(fresh).ok());
            QCOMPARE(db.schemaVersion().value, 5);
        }
        QCOMPARE(productionTables(fresh), all);

        const QString path = m_dir.filePath(u"v4.sqlite"_qs);
        const QByteArray good = readAll(kData + u"good.jsonl"_qs);
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.importTrafficFile(kData + u"good.jsonl"_qs).ok());
        }
        QVERIFY(rawExec(path, {u"DROP TABLE production_usage_sources"_qs, u"DROP TABLE production_usage_minutes"_qs,
                               u"DROP TABLE production_usage_keys"_qs, u"PRAGMA user_version = 4"_qs}));
        QVERIFY(productionTables(path).isEmpty());
        {
            Database db;
            const auto opened = db.open(path);
            QVERIFY2(opened.ok(), qPrintable(opened.error));
            QCOMPARE(db.schemaVersion().value, Database::currentVersion());
            compareBuckets(db.trafficBuckets(TrafficResolution::Minute).value, expectedMinutes(good));
            QVERIFY(!db.productionUsageWatermark(source).value.has_value());
            const auto written = db.replaceProductionUsage(source, 0, 3'600'000, 3'600'000, {}, {});
            QVERIFY2(written.ok(), qPrintable(written.error));
        }
        QCOMPARE(productionTables(path), all);

        // Back at schema 4 with the tables (and a watermark) as an older build's pull left them.
        QVERIFY(rawExec(path, {u"PRAGMA user_version = 4"_qs}));
        Database db;
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QCOMPARE(db.schemaVersion().value, Database::currentVersion());
        QCOMPARE(db.productionUsageWatermark(source).value.value_or(-1), qint64(3'600'000));
        compareBuckets(db.trafficBuckets(TrafficResolution::Minute).value, expectedMinutes(good));
    }

    // A version-3 file where concurrent imports of an older build recorded one log twice: the
    // migration keeps the row that got furthest and makes a second one impossible.
    void duplicateFileRowsMigrateToOne()
    {
        const QString path = m_dir.filePath(u"dup.sqlite"_qs);
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.importTrafficFile(kData + u"good.jsonl"_qs).ok());
        }
        QVERIFY(rawExec(path, {u"DROP INDEX traffic_files_identity"_qs,
                               u"INSERT INTO traffic_files (path, fingerprint, fingerprint_bytes, offset_bytes, lines,"
                               " bad_lines, first_ingested_at, last_ingested_at) SELECT path, fingerprint,"
                               " fingerprint_bytes, offset_bytes - 1, lines - 1, bad_lines, first_ingested_at,"
                               " last_ingested_at + 1 FROM traffic_files"_qs,
                               u"PRAGMA user_version = 3"_qs}));
        Database db;
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QCOMPARE(db.schemaVersion().value, Database::currentVersion());
        const auto files = db.trafficFiles();
        QCOMPARE(files.value.size(), 1);
        QCOMPARE(files.value.constFirst().offset, qint64(readAll(kData + u"good.jsonl"_qs).size()));
        QVERIFY(!rawExec(path, {u"INSERT INTO traffic_files (path, fingerprint, fingerprint_bytes, offset_bytes, lines,"
                                " bad_lines, first_ingested_at, last_ingested_at) SELECT path, fingerprint,"
                                " fingerprint_bytes, 1, 1, 0, 0, 0 FROM traffic_files"_qs}));
    }

    // docs/store.md: a reader opened when nobody writes leaves the file as it found it, with no
    // -wal or -shm; next to a writer it leaves the writer's log alone.
    void readOnlyReaderLeavesNoLog()
    {
        const QString path = m_dir.filePath(u"reader.sqlite"_qs);
        {
            Database writer;
            QVERIFY(writer.open(path).ok());
            QVERIFY(writer.importTrafficFile(kData + u"good.jsonl"_qs).ok());
        }
        QVERIFY(!QFile::exists(path + u"-wal"_qs));
        const QByteArray before = readAll(path);
        {
            Database reader;
            const auto opened = reader.open(path, Database::Access::ReadOnly);
            QVERIFY2(opened.ok(), qPrintable(opened.error));
            QVERIFY(!reader.trafficBuckets(TrafficResolution::Minute).value.isEmpty());
        }
        QVERIFY(!QFile::exists(path + u"-wal"_qs));
        QVERIFY(!QFile::exists(path + u"-shm"_qs));
        QCOMPARE(readAll(path), before);

        Database writer;
        QVERIFY(writer.open(path).ok());
        {
            Database reader;
            QVERIFY(reader.open(path, Database::Access::ReadOnly).ok());
            QVERIFY(reader.trafficFiles().ok());
        }
        QVERIFY(QFile::exists(path + u"-wal"_qs)); // still the writer's
        const auto more = writer.importTrafficFile(kData + u"usage.jsonl"_qs);
        QVERIFY2(more.ok() && more.value.ok(), qPrintable(more.error + more.value.error));
        QCOMPARE(writer.trafficFiles().value.size(), 2);
    }

    void failedImportChangesNothing()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(u"d.sqlite"_qs)).ok());
        const auto r = db.importTrafficFile(m_dir.filePath(u"missing.jsonl"_qs));
        QVERIFY(r.ok());
        QVERIFY(!r.value.ok());
        QVERIFY2(r.value.error.contains(u"missing.jsonl"_qs), qPrintable(r.value.error));
        QVERIFY(db.trafficBuckets(TrafficResolution::Minute).value.isEmpty());
        QVERIFY(db.trafficFiles().value.isEmpty());
    }

    void asyncApi()
    {
        HistoryStore store;
        auto opened = store.open(m_dir.filePath(u"e.sqlite"_qs));
        opened.waitForFinished();
        QVERIFY2(opened.result().ok(), qPrintable(opened.result().error));
        auto imported = store.importTrafficFile(kData + u"good.csv"_qs);
        imported.waitForFinished();
        QVERIFY2(imported.result().ok(), qPrintable(imported.result().error));
        QCOMPARE(imported.result().value.events, 80);
        auto buckets = store.trafficBuckets(TrafficResolution::Hour);
        buckets.waitForFinished();
        QCOMPARE(totalRequests(buckets.result().value), 80u);
        auto usage = store.trafficKeyUsage();
        usage.waitForFinished();
        QVERIFY2(usage.result().ok(), qPrintable(usage.result().error));
        quint64 requests = 0;
        for (const TrafficKeyUsage &u : usage.result().value)
            requests += u.requests;
        QCOMPARE(requests, 80u);
    }
};

QTEST_GUILESS_MAIN(TestStoreTraffic)
#include "tst_store_traffic.moc"
