// Several gatewayctl ingests of the same log at once, on a real SQLite file: every line is
// counted exactly once however the processes interleave, on a new history (they also race to
// create and migrate it) and on an existing one, and the file is recorded once. A waiting
// importer waits for the other's write and then skips what it counted; none fails.

#include "database.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace gw;

namespace {

constexpr int kImporters = 4;
constexpr int kRuns = 3;

// `lines` valid traffic log lines, one per second from a fixed start, two gateways and models.
QByteArray logLines(int lines, int firstSecond)
{
    QByteArray out;
    out.reserve(qsizetype(lines) * 260);
    const QDateTime start(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < lines; ++i) {
        const QDateTime ts = start.addSecs(firstSecond + i);
        out += R"({"ts": ")" + ts.toString(Qt::ISODateWithMs).toLatin1() + R"(", "gateway": ")"
               + (i % 3 == 0 ? "vercel" : "openrouter") + R"(", "model": ")"
               + (i % 2 == 0 ? "openai/gpt-4o-mini" : "anthropic/claude-3.5-haiku")
               + R"(", "provider": "p", "user": "u-)" + QByteArray::number(i % 17)
               + R"(", "task": "chat", "status": 200, "error_type": null, "latency_ms": )"
               + QByteArray::number(100 + i % 900)
               + R"(, "ttft_ms": 50, "prompt_tokens": 10, "completion_tokens": 5, "cached_tokens": 0,)"
               + R"( "reasoning_tokens": 0, "cost_usd": 0.001, "cost_source": "generation", "fallback_from": null})"
               + '\n';
    }
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Totals {
    qint64 requests = 0;
    int files = 0;
    QString error;
};

Totals readTotals(const QString &db)
{
    Totals t;
    store::Database database;
    if (const auto opened = database.open(db, store::Database::Access::ReadOnly); !opened.ok()) {
        t.error = opened.error;
        return t;
    }
    const auto minutes = database.trafficBuckets(TrafficResolution::Minute);
    const auto files = database.trafficFiles();
    if (!minutes.ok() || !files.ok()) {
        t.error = minutes.error + files.error;
        return t;
    }
    for (const TrafficBucket &b : minutes.value)
        t.requests += qint64(b.values.requests);
    t.files = int(files.value.size());
    return t;
}

// Starts `count` `gatewayctl ingest LOG --db DB` at once and waits for all; each one's exit code
// and stderr in `failures` when it did not exit 0.
QStringList ingestAtOnce(const QString &log, const QString &db, int count)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < count; ++i) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->start(QStringLiteral(GATEWAYCTL_PATH), {u"ingest"_qs, log, u"--db"_qs, db});
    }
    QStringList failures;
    for (auto &p : processes) {
        if (!p->waitForFinished(60000)) {
            p->kill();
            p->waitForFinished();
            failures << u"an importer did not finish in 60 s"_qs;
            continue;
        }
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
            failures << u"exit %1: %2"_qs.arg(p->exitCode()).arg(QString::fromUtf8(p->readAllStandardError()));
    }
    return failures;
}

} // namespace

class TestFaultConcurrentIngest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importersOnANewHistory()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(u"traffic.jsonl"_qs);
        constexpr int lines = 20000;
        QVERIFY(writeFile(log, logLines(lines, 0)));
        for (int run = 0; run < kRuns; ++run) {
            const QString db = dir.filePath(u"new-%1.sqlite"_qs.arg(run));
            const QStringList failures = ingestAtOnce(log, db, kImporters);
            QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
            const Totals t = readTotals(db);
            QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
            QCOMPARE(t.requests, qint64(lines));
            QCOMPARE(t.files, 1);
        }
    }

    void importersOnAnExistingHistory()
    {
        QTemporaryDir dir;
        const QString small = dir.filePath(u"small.jsonl"_qs);
        const QString log = dir.filePath(u"traffic.jsonl"_qs);
        constexpr int smallLines = 120;
        constexpr int lines = 20000;
        QVERIFY(writeFile(small, logLines(smallLines, 7 * 86400)));
        QVERIFY(writeFile(log, logLines(lines, 0)));
        for (int run = 0; run < kRuns; ++run) {
            const QString db = dir.filePath(u"existing-%1.sqlite"_qs.arg(run));
            QVERIFY(ingestAtOnce(small, db, 1).isEmpty());
            const QStringList failures = ingestAtOnce(log, db, kImporters);
            QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
            const Totals t = readTotals(db);
            QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
            QCOMPARE(t.requests, qint64(smallLines + lines));
            QCOMPARE(t.files, 2);
        }
    }

    // The log grows while the importers run: whatever each one saw, the lines are counted once.
    void importersOnAGrowingLog()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(u"traffic.jsonl"_qs);
        const QString db = dir.filePath(u"growing.sqlite"_qs);
        constexpr int part = 5000;
        QVERIFY(writeFile(log, logLines(part, 0)));
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < kImporters; ++i) {
            processes.push_back(std::make_unique<QProcess>());
            processes.back()->start(QStringLiteral(GATEWAYCTL_PATH), {u"ingest"_qs, log, u"--db"_qs, db});
            QFile f(log);
            QVERIFY(f.open(QIODevice::Append));
            f.write(logLines(part, (i + 1) * part));
        }
        for (auto &p : processes) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        QVERIFY(ingestAtOnce(log, db, 1).isEmpty()); // whatever the last one missed
        const Totals t = readTotals(db);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.requests, qint64(part) * (kImporters + 1));
        QCOMPARE(t.files, 1);
    }
};

QTEST_GUILESS_MAIN(TestFaultConcurrentIngest)
#include "tst_fault_concurrent_ingest.moc"
