// The traffic import panel against a real history file: imports by the button's path and by a
// dropped file, progress to 100%, no double count on re-import, bad lines with their line
// numbers and reasons, cancel of a big import leaving the store as it was, a watched folder
// followed through appends, a half-written last line and a rotation, gzip and CSV, and errors
// that name the file. Every expected total is counted here from the lines the test wrote.

#include "app_test_settings.h"
#include "history_store.h"
#include "monitor/traffic_import_bad_lines_model.h"
#include "monitor/traffic_import_controller.h"
#include "monitor/traffic_import_panel.h"
#include "shell/sample_workspace.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <zlib.h>

using namespace gw::app;
using gw::store::HistoryStore;

namespace {

// What the test wrote: the expected totals, counted independently of the ingest code.
struct Expected {
    quint64 requests = 0;
    quint64 promptTokens = 0;
};

// One valid traffic log v1 line; `n` makes its prompt token count (and so the sum) unique.
QByteArray trafficLine(int n, Expected &expected)
{
    expected.requests += 1;
    expected.promptTokens += quint64(100 + n);
    const int minute = (n / 7) % 60;
    return QByteArrayLiteral("{\"ts\":\"2026-11-20T10:") + QByteArray::number(minute).rightJustified(2, '0')
           + QByteArrayLiteral(":00Z\",\"gateway\":\"") + (n % 3 == 0 ? "vercel" : "openrouter")
           + QByteArrayLiteral("\",\"model\":\"anthropic/claude-sonnet-4.5\",\"provider\":\"anthropic\","
                               "\"user\":\"u-00")
           + QByteArray::number(n % 10) + QByteArrayLiteral("\",\"task\":\"\",\"status\":200,\"latency_ms\":")
           + QByteArray::number(400 + n % 50) + QByteArrayLiteral(",\"prompt_tokens\":") + QByteArray::number(100 + n)
           + QByteArrayLiteral(",\"completion_tokens\":20,\"cost_usd\":0.001,\"cost_source\":\"reported\"}\n");
}

QByteArray trafficLines(int first, int count, Expected &expected)
{
    QByteArray out;
    for (int n = first; n < first + count; ++n)
        out += trafficLine(n, expected);
    return out;
}

void writeFile(const QString &path, const QByteArray &content, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    if (!f.open(mode) || f.write(content) != content.size())
        qFatal("cannot write test file");
}

void appendFile(const QString &path, const QByteArray &content)
{
    writeFile(path, content, QIODevice::WriteOnly | QIODevice::Append);
}

// A real gzip file (zlib's gzip wrapper, windowBits 16 + 15), as logrotate would write it.
QByteArray gzip(const QByteArray &plain)
{
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2");
    QByteArray out(int(deflateBound(&zs, uLong(plain.size()))), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    zs.avail_in = uInt(plain.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate");
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

QByteArray gunzip(const QByteArray &compressed)
{
    z_stream zs{};
    if (inflateInit2(&zs, 16 + 15) != Z_OK)
        qFatal("inflateInit2");
    QByteArray out;
    QByteArray chunk(1 << 16, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    zs.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef *>(chunk.data());
        zs.avail_out = uInt(chunk.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            qFatal("inflate");
        out.append(chunk.constData(), chunk.size() - qsizetype(zs.avail_out));
    }
    inflateEnd(&zs);
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

} // namespace

class TstAppTrafficImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importByButtonPathAndReimport();
    void importByDrop();
    void gzipAndCsv();
    void badLinesListed();
    void cancelBigImport();
    void liveTailWithRotation();
    void unreadableFilesNamed();
    void withoutHistory();
    void sampleWorkspaceTraffic();

private:
    Expected storedTotals();
    bool waitIdle(TrafficImportController *controller, int timeoutMs = 30000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<HistoryStore> m_store;
};

void TstAppTrafficImport::initTestCase()
{
    gwtest::isolateAppSettings(QStringLiteral("tst_app_traffic_import"));
}

void TstAppTrafficImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_shared<HistoryStore>();
    const auto opened = m_store->open(m_dir->filePath(QStringLiteral("history.sqlite"))).result();
    QVERIFY2(opened.ok(), qPrintable(opened.error));
}

void TstAppTrafficImport::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

Expected TstAppTrafficImport::storedTotals()
{
    const auto buckets = m_store->trafficBuckets(gw::TrafficResolution::Minute).result();
    if (!buckets.ok())
        qFatal("cannot read buckets: %s", qPrintable(buckets.error));
    Expected total;
    for (const gw::TrafficBucket &b : buckets.value) {
        total.requests += b.values.requests;
        total.promptTokens += b.values.promptTokens;
    }
    return total;
}

bool TstAppTrafficImport::waitIdle(TrafficImportController *controller, int timeoutMs)
{
    QSignalSpy finished(controller, &TrafficImportController::queueFinished);
    return !controller->isBusy() || finished.wait(timeoutMs);
}

void TstAppTrafficImport::importByButtonPathAndReimport()
{
    TrafficImportPanel panel;
    panel.setHistory(m_store);
    Expected expected;
    const QString path = m_dir->filePath(QStringLiteral("traffic.jsonl"));
    writeFile(path, trafficLines(0, 1234, expected));

    QSignalSpy changed(&panel, &TrafficImportPanel::trafficChanged);
    QSignalSpy progress(panel.controller(), &TrafficImportController::progressChanged);
    panel.importFiles({path}); // what "Import files…" does with the dialog's answer
    QVERIFY(waitIdle(panel.controller()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.last();
    QVERIFY(last.at(1).toLongLong() > 0);
    QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong()); // 100%
    QCOMPARE(last.at(1).toLongLong(), QFileInfo(path).size());

    const Expected stored = storedTotals();
    QCOMPARE(stored.requests, expected.requests);
    QCOMPARE(stored.promptTokens, expected.promptTokens);
    QCOMPARE(panel.controller()->lastResults().size(), 1);
    QCOMPARE(panel.controller()->lastResults().first().newEvents, qint64(1234));
    QVERIFY2(panel.statusText().contains(QLocale().toString(1234)), qPrintable(panel.statusText()));
    QVERIFY(panel.statusText().contains(QStringLiteral("traffic.jsonl")));

    // The same file again (also under a copy's name): nothing added.
    const QString copy = m_dir->filePath(QStringLiteral("copy-of-traffic.jsonl"));
    QVERIFY(QFile::copy(path, copy));
    panel.importFiles({path});
    QVERIFY(waitIdle(panel.controller()));
    QCOMPARE(panel.controller()->lastResults().first().newEvents, qint64(0));
    QVERIFY(panel.controller()->lastResults().first().alreadyImported);
    QCOMPARE(changed.count(), 1);
    const Expected again = storedTotals();
    QCOMPARE(again.requests, expected.requests);
    QCOMPARE(again.promptTokens, expected.promptTokens);
}

void TstAppTrafficImport::importByDrop()
{
    TrafficImportPanel panel;
    panel.setHistory(m_store);
    panel.resize(400, 300);
    Expected expected;
    const QString path = m_dir->filePath(QStringLiteral("dropped.jsonl"));
    writeFile(path, trafficLines(0, 321, expected));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&panel, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&panel, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(panel.controller()->isBusy() || !panel.controller()->lastResults().isEmpty());
    QVERIFY(waitIdle(panel.controller()));
    const Expected stored = storedTotals();
    QCOMPARE(stored.requests, expected.requests);
    QCOMPARE(stored.promptTokens, expected.promptTokens);

    // Text that is not a file is refused.
    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    QDragEnterEvent enterText(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&panel, &enterText);
    QVERIFY(!enterText.isAccepted());
}

void TstAppTrafficImport::gzipAndCsv()
{
    const QString folder = m_dir->filePath(QStringLiteral("logs"));
    QVERIFY(QDir().mkpath(folder));
    Expected expected;
    writeFile(folder + QStringLiteral("/a.jsonl.gz"), gzip(trafficLines(0, 500, expected)));
    QByteArray csv =
        QByteArrayLiteral("ts,gateway,model,upstream_model,provider,user,task,status,error_type,latency_ms,"
                          "ttft_ms,prompt_tokens,completion_tokens,cached_tokens,reasoning_tokens,cost_usd,"
                          "cost_source,fallback_from,free\n");
    for (int n = 1000; n < 1040; ++n) {
        expected.requests += 1;
        expected.promptTokens += quint64(n);
        csv += QByteArrayLiteral("2026-11-21T08:15:00Z,vercel,openai/gpt-5-mini,gpt-5-mini,openai,u-0001,,200,,512,80,")
               + QByteArray::number(n) + QByteArrayLiteral(",10,0,0,0.0002,estimated,,false\n");
    }
    writeFile(folder + QStringLiteral("/b.csv"), csv);
    writeFile(folder + QStringLiteral("/notes.txt"), QByteArrayLiteral("not a log\n")); // not picked up

    TrafficImportPanel panel;
    panel.setHistory(m_store);
    panel.importFiles({folder}); // a folder stands for its logs
    QVERIFY(waitIdle(panel.controller()));
    QCOMPARE(panel.controller()->lastResults().size(), 2);
    for (const TrafficImportFileResult &r : panel.controller()->lastResults())
        QVERIFY2(r.ok() && r.badLineCount == 0, qPrintable(r.path + r.error));
    const Expected stored = storedTotals();
    QCOMPARE(stored.requests, expected.requests);
    QCOMPARE(stored.promptTokens, expected.promptTokens);
}

void TstAppTrafficImport::badLinesListed()
{
    Expected expected;
    QByteArray content;
    struct Bad {
        qint64 line;
        QString path;
        QString reasonPart;
    };
    QList<Bad> bad;
    qint64 lineNo = 0;
    auto good = [&](int n) {
        content += trafficLine(n, expected);
        ++lineNo;
    };
    auto broken = [&](const QByteArray &text, const QString &path, const QString &reason) {
        content += text + '\n';
        bad.append(Bad{++lineNo, path, reason});
    };
    good(1);
    broken(
        QByteArrayLiteral("{\"ts\":\"2026-11-20T10:00:00Z\",\"gateway\":\"azure\",\"model\":\"m/x\",\"status\":200}"),
        QStringLiteral("/gateway"), QStringLiteral("unknown gateway"));
    good(2);
    good(3);
    broken(QByteArrayLiteral("{\"ts\":\"2026-11-20T10:00:00Z\", this is not json"), QString(),
           QStringLiteral("bad JSON"));
    broken(QByteArrayLiteral("{\"ts\":\"2026-11-20T10:00:00Z\",\"gateway\":\"vercel\",\"model\":\"m/x\",\"status\":200,"
                             "\"latency_ms\":\"slow\"}"),
           QStringLiteral("/latency_ms"), QStringLiteral("expected a number"));
    good(4);
    broken(QByteArrayLiteral("{\"ts\":\"yesterday\",\"gateway\":\"vercel\",\"model\":\"m/x\",\"status\":200}"),
           QStringLiteral("/ts"), QStringLiteral("RFC 3339"));
    good(5);
    const QString path = m_dir->filePath(QStringLiteral("mixed.jsonl"));
    writeFile(path, content);

    TrafficImportPanel panel;
    QAbstractItemModelTester badLinesTester(panel.badLinesModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setHistory(m_store);
    panel.importFiles({path});
    QVERIFY(waitIdle(panel.controller()));
    const TrafficImportFileResult &r = panel.controller()->lastResults().first();
    QCOMPARE(r.badLineCount, qint64(bad.size()));
    QCOMPARE(r.newEvents, qint64(expected.requests));
    const TrafficBadLinesModel *model = panel.badLinesModel();
    QCOMPARE(model->rowCount(), int(bad.size()));
    for (int i = 0; i < bad.size(); ++i) {
        QCOMPARE(model->index(i, TrafficBadLinesModel::FileColumn).data().toString(), QStringLiteral("mixed.jsonl"));
        QCOMPARE(model->index(i, TrafficBadLinesModel::LineColumn).data().toLongLong(), bad[i].line);
        QCOMPARE(model->index(i, TrafficBadLinesModel::PathColumn).data().toString(), bad[i].path);
        const QString reason = model->index(i, TrafficBadLinesModel::ReasonColumn).data().toString();
        QVERIFY2(reason.contains(bad[i].reasonPart), qPrintable(reason));
    }
    QVERIFY2(panel.statusText().contains(QStringLiteral("4 bad lines")), qPrintable(panel.statusText()));
    QCOMPARE(storedTotals().requests, expected.requests);

    // The table is capped; the rest are counted.
    TrafficBadLinesModel capped(nullptr, 3);
    capped.add(path, r.badLines, r.badLineCount);
    QCOMPARE(capped.rowCount(), 3);
    QCOMPARE(capped.hiddenCount(), qint64(1));
}

void TstAppTrafficImport::cancelBigImport()
{
    Expected small;
    const QString before = m_dir->filePath(QStringLiteral("before.jsonl"));
    writeFile(before, trafficLines(0, 100, small));
    Expected big;
    const QString bigPath = m_dir->filePath(QStringLiteral("big.jsonl"));
    writeFile(bigPath, trafficLines(0, 200000, big));
    Expected queued;
    const QString after = m_dir->filePath(QStringLiteral("queued.jsonl"));
    writeFile(after, trafficLines(500000, 10, queued));

    TrafficImportPanel panel;
    panel.setHistory(m_store);
    panel.importFiles({before});
    QVERIFY(waitIdle(panel.controller()));
    QCOMPARE(storedTotals().requests, small.requests);

    TrafficImportController *controller = panel.controller();
    // Cancel as soon as the import is under way, part of the file read (as a user would click).
    qint64 cancelledAt = 0;
    const auto connection =
        connect(controller, &TrafficImportController::progressChanged, this, [&](qint64 done, qint64 total) {
            if (cancelledAt == 0 && done > 0 && done < total) {
                cancelledAt = done;
                controller->cancel();
            }
        });
    panel.importFiles({bigPath, after});
    QCOMPARE(controller->currentFile(), QFileInfo(bigPath).absoluteFilePath());
    QCOMPARE(controller->filesLeft(), 1);
    QVERIFY(waitIdle(controller, 120000));
    disconnect(connection);
    QVERIFY(cancelledAt > 0);
    QCOMPARE(controller->lastResults().size(), 1); // the queued file was dropped
    QVERIFY(controller->lastResults().first().cancelled);
    QVERIFY(panel.statusText().contains(QStringLiteral("cancelled")));
    const Expected stored = storedTotals();
    QCOMPARE(stored.requests, small.requests);
    QCOMPARE(stored.promptTokens, small.promptTokens);

    // Nothing of the cancelled file was remembered either: imported again, all of it counts.
    panel.importFiles({bigPath});
    QVERIFY(waitIdle(controller, 120000));
    QCOMPARE(controller->lastResults().first().newEvents, qint64(big.requests));
    const Expected whole = storedTotals();
    QCOMPARE(whole.requests, small.requests + big.requests);
    QCOMPARE(whole.promptTokens, small.promptTokens + big.promptTokens);
}

void TstAppTrafficImport::liveTailWithRotation()
{
    const QString folder = m_dir->filePath(QStringLiteral("watched"));
    QVERIFY(QDir().mkpath(folder));
    const QString log = folder + QStringLiteral("/traffic.jsonl");
    Expected expected;
    writeFile(log, trafficLines(0, 10, expected));

    TrafficImportPanel panel;
    panel.setHistory(m_store);
    TrafficImportController *controller = panel.controller();
    controller->setPollInterval(100);
    QSignalSpy finished(controller, &TrafficImportController::fileFinished);
    panel.setWatchFolder(folder);
    QCOMPARE(controller->watchFolder(), QDir(folder).absolutePath());
    const auto totalsAre = [this, &expected] {
        const Expected stored = storedTotals();
        return stored.requests == expected.requests && stored.promptTokens == expected.promptTokens;
    };
    QTRY_VERIFY_WITH_TIMEOUT(totalsAre(), 10000);

    // Appended lines, the last one only half written.
    QByteArray more = trafficLines(10, 5, expected);
    Expected pending;
    const QByteArray half = trafficLine(15, pending);
    appendFile(log, more + half.left(half.size() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(totalsAre(), 10000);
    // Seen and held back, not reported as a bad line.
    QTRY_VERIFY_WITH_TIMEOUT(
        !finished.isEmpty() && finished.last().at(0).value<TrafficImportFileResult>().heldBackBytes == half.size() / 2,
        10000);
    for (const QList<QVariant> &signal : std::as_const(finished))
        QCOMPARE(signal.at(0).value<TrafficImportFileResult>().badLineCount, 0);
    QCOMPARE(panel.badLinesModel()->rowCount(), 0);
    QVERIFY2(!panel.statusText().contains(QStringLiteral("incomplete")), qPrintable(panel.statusText()));

    // The line completed, and more.
    expected.requests += pending.requests;
    expected.promptTokens += pending.promptTokens;
    appendFile(log, half.mid(half.size() / 2) + trafficLines(16, 4, expected));
    QTRY_VERIFY_WITH_TIMEOUT(totalsAre(), 10000);

    // Rotation: a last few lines written, the file renamed to .1 and a new one started at once,
    // so the old file's tail may still be unread when it is renamed.
    appendFile(log, trafficLines(20, 3, expected));
    QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
    writeFile(log, trafficLines(100, 7, expected));
    QTRY_VERIFY_WITH_TIMEOUT(totalsAre(), 10000);
    appendFile(log, trafficLines(107, 2, expected));
    QTRY_VERIFY_WITH_TIMEOUT(totalsAre(), 10000);

    // Nothing more arrives later: a double count would show after the next polls.
    QSignalSpy polls(controller, &TrafficImportController::watchScanned);
    QTRY_VERIFY_WITH_TIMEOUT(polls.count() >= 3 && !controller->isBusy(), 10000);
    QVERIFY(totalsAre());

    panel.setWatchFolder(QString());
    QVERIFY(controller->watchFolder().isEmpty());
}

void TstAppTrafficImport::unreadableFilesNamed()
{
    TrafficImportPanel panel;
    panel.setHistory(m_store);
    const QString missing = m_dir->filePath(QStringLiteral("missing.jsonl"));
    const QString corrupt = m_dir->filePath(QStringLiteral("corrupt.jsonl.gz"));
    writeFile(corrupt, QByteArrayLiteral("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff this is not deflate data at all"));
    panel.importFiles({missing, corrupt});
    QVERIFY(waitIdle(panel.controller()));
    const QList<TrafficImportFileResult> results = panel.controller()->lastResults();
    QCOMPARE(results.size(), 2);
    QVERIFY2(results[0].error.contains(QStringLiteral("missing.jsonl")), qPrintable(results[0].error));
    QVERIFY2(results[1].error.contains(QStringLiteral("corrupt.jsonl.gz")), qPrintable(results[1].error));
    QVERIFY(panel.statusText().contains(QStringLiteral("corrupt.jsonl.gz")));
    QCOMPARE(storedTotals().requests, quint64(0));
}

void TstAppTrafficImport::withoutHistory()
{
    TrafficImportPanel panel;
    QVERIFY(panel.statusText().contains(QStringLiteral("unavailable")));
    Expected expected;
    const QString path = m_dir->filePath(QStringLiteral("t.jsonl"));
    writeFile(path, trafficLines(0, 3, expected));
    panel.importFiles({path});
    QVERIFY(waitIdle(panel.controller()));
    QVERIFY(!panel.controller()->lastResults().first().error.isEmpty());
    panel.setHistory(m_store);
    QVERIFY(!panel.statusText().contains(QStringLiteral("unavailable")));
}

void TstAppTrafficImport::sampleWorkspaceTraffic()
{
    // The sample workspace ships a week of traffic: watching its traffic/ folder imports all
    // of it without a bad line, inside the week ending 2026-11-23, about 3-5% on Vercel.
    const QString workspace = m_dir->filePath(QStringLiteral("workspace"));
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(workspace, &error), qPrintable(error));
    const QString traffic = workspace + QStringLiteral("/traffic");
    const QByteArray jsonl = gunzip(readFile(traffic + QStringLiteral("/traffic-2026-11-17.jsonl.gz")));
    const QByteArray csv = readFile(traffic + QStringLiteral("/batch-jobs-2026-11-22.csv"));
    const quint64 expected = quint64(jsonl.count('\n') + csv.count('\n') - 1); // one line per event, the CSV's header
    QVERIFY(expected >= 20000 && expected <= 40000);

    TrafficImportPanel panel;
    panel.setHistory(m_store);
    QSignalSpy finished(panel.controller(), &TrafficImportController::fileFinished);
    panel.setWatchFolder(traffic);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const auto r = signal.at(0).value<TrafficImportFileResult>();
        QVERIFY2(r.ok() && r.badLineCount == 0 && r.heldBackBytes == 0, qPrintable(r.path + r.error));
    }
    const auto buckets = m_store->trafficBuckets(gw::TrafficResolution::Day).result();
    QVERIFY2(buckets.ok(), qPrintable(buckets.error));
    quint64 requests = 0;
    quint64 vercel = 0;
    const qint64 weekStart = QDateTime(QDate(2026, 11, 17), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 weekEnd = QDateTime(QDate(2026, 11, 24), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (const gw::TrafficBucket &b : buckets.value) {
        QVERIFY(b.key.startMs >= weekStart && b.key.startMs < weekEnd);
        requests += b.values.requests;
        if (b.key.gateway == gw::Gateway::Vercel)
            vercel += b.values.requests;
    }
    QCOMPARE(requests, expected);
    const double share = 100.0 * double(vercel) / double(requests);
    QVERIFY2(share >= 3.0 && share <= 5.0, qPrintable(QString::number(share)));
}

QTEST_MAIN(TstAppTrafficImport)
#include "tst_app_traffic_import.moc"
