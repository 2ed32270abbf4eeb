// SIGKILL at random moments while exporting, autosaving and ingesting bench results: fault_child
// repeats the operation and reports each one that completed; after every kill the file is one
// whole version (the last reported one or the one in progress), the autosave recovers, and the
// history store passes integrity_check and holds whole batches, each once, nothing reported lost;
// a traffic log imported while it grows is counted line for line, never twice.

#include "common/draft_document.h"
#include "database.h"
#include "fault_versions.h"
#include "shell/sample_workspace.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>
#include <set>

using namespace gw;

namespace {

constexpr int kIterations = 30;
constexpr int kMaxDelayMs = 120; // after the child's first completed operation

// The newest "done <n>" the child printed, if any.
std::optional<qint64> lastReported(const QByteArray &output)
{
    std::optional<qint64> last;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("done "))
            last = line.mid(5).toLongLong();
    }
    return last;
}

// Files QSaveFile left behind when the kill came between creating its temporary file and the rename.
int leftoverTempFiles(const QString &dir, const QString &target)
{
    return int(QDir(dir).entryList({target + u".*"_qs}, QDir::Files | QDir::Hidden).size());
}

} // namespace

class TstFaultSigkill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killWhileExporting();
    void killWhileAutosaving();
    void killWhileIngesting();
    void killWhileImportingTraffic();

private:
    // Starts fault_child, waits for its first completed operation, kills it after a random delay.
    // Returns what it printed; empty on failure (the test then fails with the reason).
    QByteArray runAndKill(const QStringList &args, int *delayMs);

    QRandomGenerator m_random;
};

void TstFaultSigkill::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(GW_FAULT_CHILD)));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u", seed); // the kill moments differ per run; the seed makes a failure replayable in part
    m_random.seed(seed);
}

QByteArray TstFaultSigkill::runAndKill(const QStringList &args, int *delayMs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QStringLiteral(GW_FAULT_CHILD), args);
    if (!child.waitForStarted(20'000))
        return {};
    QByteArray output;
    while (!output.contains("done ") && child.state() == QProcess::Running) {
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
    }
    if (child.state() != QProcess::Running) {
        qWarning("fault_child ended by itself: %s", child.readAllStandardError().constData());
        return {};
    }
    *delayMs = int(m_random.bounded(kMaxDelayMs + 1));
    QTest::qSleep(*delayMs); // the child keeps writing while we sleep: the kill lands anywhere in the loop
    child.kill();            // SIGKILL
    child.waitForFinished(20'000);
    output += child.readAllStandardOutput();
    return output;
}

void TstFaultSigkill::killWhileExporting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"native-export.json"_qs);
    const RoutingConfig base = faulttest::sampleConfig();
    QVERIFY(!faulttest::exportBytes(base, 1).isEmpty());
    qint64 previous = 0; // revision of the file the previous iteration left
    qint64 writes = 0;
    for (int i = 0; i < kIterations; ++i) {
        const qint64 first = (i + 1) * 1'000'000LL; // each child's revisions are its own
        int delay = 0;
        const QByteArray output = runAndKill({u"export"_qs, file, QString::number(first)}, &delay);
        const std::optional<qint64> last = lastReported(output);
        QVERIFY2(last, "the child reported no completed export");
        writes += *last - first + 1;
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const ConfigLoadResult loaded = loadConfig(bytes, file);
        QVERIFY2(loaded.config, qPrintable(joinDiagnostics(loaded.diagnostics)));
        QVERIFY(!loaded.hashMismatch);
        const qint64 revision = loaded.config->revision;
        // The last reported export or the one being written when the kill came; never older.
        QVERIFY2(revision == *last || revision == *last + 1,
                 qPrintable(u"iteration %1: revision %2 after %3 reported"_qs.arg(i).arg(revision).arg(*last)));
        QCOMPARE(bytes, faulttest::exportBytes(base, revision)); // byte for byte that version, whole
        QVERIFY(revision > previous);
        previous = revision;
        Q_UNUSED(delay);
    }
    qInfo("%d kills, %lld exports completed, %d temporary files left behind", kIterations, writes,
          leftoverTempFiles(dir.path(), u"native-export.json"_qs));
}

void TstFaultSigkill::killWhileAutosaving()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(dir.path(), &error), qPrintable(error));
    const gw::Workspace workspace(dir.path());
    const ConfigLoadResult draft = loadConfigFile(workspace.draftPath());
    QVERIFY(draft.config);
    for (int i = 0; i < kIterations; ++i) {
        int delay = 0;
        const QByteArray output = runAndKill({u"autosave"_qs, dir.path()}, &delay);
        const std::optional<qint64> last = lastReported(output);
        QVERIFY2(last, "the child reported no completed autosave");
        QVERIFY(workspace.hasRecoverableAutosave());
        const ConfigLoadResult autosave = loadConfigFile(workspace.autosavePath());
        QVERIFY2(autosave.config, qPrintable(joinDiagnostics(autosave.diagnostics)));
        QVERIFY(!autosave.hashMismatch);
        const QString note = autosave.config->note;
        QVERIFY2(note == faulttest::autosaveNote(*last) || note == faulttest::autosaveNote(*last + 1),
                 qPrintable(note));
        // Recovery the way MainWindow::openWorkspace does it: the saved draft, then the autosave as one undoable edit.
        gw::app::DraftDocument document;
        document.reset(*draft.config);
        document.apply(*autosave.config, u"Recover unsaved changes"_qs);
        QVERIFY(document.isDirty());
        QCOMPARE(document.config().note, note);
        document.undoStack()->undo();
        QVERIFY(document.config() == *draft.config);
        // The saved draft itself was never touched.
        QVERIFY(loadConfigFile(workspace.draftPath()).config == draft.config);
    }
    qInfo("%d kills, %d temporary files left behind in .autosave", kIterations,
          leftoverTempFiles(QFileInfo(workspace.autosavePath()).absolutePath(),
                            QFileInfo(workspace.autosavePath()).fileName()));
}

void TstFaultSigkill::killWhileIngesting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"history.sqlite"_qs);
    int previousBatches = 0;
    for (int i = 0; i < kIterations; ++i) {
        int delay = 0;
        const QByteArray output = runAndKill({u"ingest"_qs, path}, &delay);
        const std::optional<qint64> last = lastReported(output);
        QVERIFY2(last, "the child reported no completed batch");

        store::Database db; // opened like the app and the next child do: recovers the WAL of the killed one
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        const auto integrity = db.integrityCheck();
        QVERIFY2(integrity.ok(), qPrintable(integrity.error));
        QCOMPARE(integrity.value, u"ok"_qs);
        const auto runs = db.listRuns();
        QVERIFY2(runs.ok(), qPrintable(runs.error));
        QCOMPARE(runs.value.size(), 1); // a resumed ingestion continues its run, never starts another
        const auto run = db.loadRun(runs.value.constFirst().id);
        QVERIFY2(run.ok(), qPrintable(run.error));
        const QList<BenchResult> &results = run.value.results;
        QCOMPARE(results.size() % faulttest::kBatch, 0); // whole batches only
        std::set<int> cases;
        for (const BenchResult &r : results)
            QVERIFY2(cases.insert(r.caseIndex).second, qPrintable(u"case %1 stored twice"_qs.arg(r.caseIndex)));
        const int batches = int(results.size()) / faulttest::kBatch;
        // Cases 0..n-1, each once: batch ids contiguous, none twice, none skipped on resume.
        QCOMPARE(cases.empty() ? -1 : *cases.rbegin(), int(results.size()) - 1);
        // Every batch the child reported is there; at most the one in progress came on top.
        QVERIFY2(batches == *last + 1 || batches == *last + 2,
                 qPrintable(u"iteration %1: %2 batches after batch %3 reported"_qs.arg(i).arg(batches).arg(*last)));
        QVERIFY(batches > previousBatches);
        previousBatches = batches;
        // Traffic events come in the same transaction: one per result that ran, none counted twice.
        const auto traffic = db.trafficEvents(QDateTime(), QDateTime(), store::TrafficSource::Test);
        QVERIFY2(traffic.ok(), qPrintable(traffic.error));
        const qsizetype ran =
            std::count_if(results.cbegin(), results.cend(), [](const BenchResult &r) { return !r.skipped; });
        QCOMPARE(traffic.value.size(), ran);
        Q_UNUSED(delay);
    }
    qInfo("%d kills, %d batches of %d results stored", kIterations, previousBatches, faulttest::kBatch);
}

// A traffic log that grows while it is imported, the importer killed at random: the store stays
// whole, the file's recorded offset is at a line boundary, the buckets count exactly the lines up
// to it (nothing twice, nothing lost), and the next import picks up the rest.
void TstFaultSigkill::killWhileImportingTraffic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"history.sqlite"_qs);
    const QString log = dir.filePath(u"traffic.jsonl"_qs);
    qint64 previousLines = 0;
    for (int i = 0; i < kIterations; ++i) {
        int delay = 0;
        const QByteArray output = runAndKill({u"traffic"_qs, path, log}, &delay);
        const std::optional<qint64> last = lastReported(output);
        QVERIFY2(last, "the child reported no completed import");

        store::Database db;
        const auto opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        const auto integrity = db.integrityCheck();
        QVERIFY2(integrity.ok() && integrity.value == u"ok"_qs, qPrintable(integrity.error + integrity.value));
        const auto files = db.trafficFiles();
        QVERIFY2(files.ok(), qPrintable(files.error));
        QCOMPARE(files.value.size(), 1); // the same log, however often it was imported
        const TrafficFileState state = files.value.constFirst();
        QVERIFY2(state.lines >= *last,
                 qPrintable(u"iteration %1: %2 lines stored, %3 reported"_qs.arg(i).arg(state.lines).arg(*last)));
        QVERIFY(state.lines >= previousLines);
        previousLines = state.lines;
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(state.offset <= content.size());
        QCOMPARE(content.left(state.offset).count('\n'), state.lines); // the offset ends a line
        const auto buckets = db.trafficBuckets(TrafficResolution::Minute);
        QVERIFY2(buckets.ok(), qPrintable(buckets.error));
        quint64 requests = 0;
        for (const TrafficBucket &b : buckets.value)
            requests += b.values.requests;
        QCOMPARE(qint64(requests), state.lines); // each line is one request: none twice, none lost
        // Key usage is committed with the buckets: per user exactly the lines up to the offset.
        const auto usage = db.trafficKeyUsage();
        QVERIFY2(usage.ok(), qPrintable(usage.error));
        QMap<QString, qint64> perUser;
        for (const TrafficKeyUsage &u : usage.value)
            perUser[u.key.user] += qint64(u.requests);
        for (int user = 0; user < faulttest::kTrafficUsers; ++user) {
            const qint64 lines =
                state.lines / faulttest::kTrafficUsers + (user < state.lines % faulttest::kTrafficUsers);
            QCOMPARE(perUser.value(u"u-%1"_qs.arg(user)), lines);
        }
        QCOMPARE(state.badLines, 0);
        Q_UNUSED(delay);
    }
    qInfo("%d kills, %lld traffic lines imported", kIterations, static_cast<long long>(previousLines));
}

QTEST_GUILESS_MAIN(TstFaultSigkill)
#include "tst_fault_sigkill.moc"
