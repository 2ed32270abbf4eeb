// A disk that refuses writes: full (RLIMIT_FSIZE on this process, the same EFBIG a full file
// system gives the writer, without root or a loop mount) or a workspace that cannot hold files
// (its folder is a regular file; a /proc path). Every write reports an error naming the file,
// the old file stays intact, and the draft in memory keeps the edit: dirty and undoable.

#include "common/draft_document.h"
#include "config/config_io.h"
#include "database.h"
#include "routing/export_dialog.h"
#include "shell/sample_workspace.h"
#include "store_fixture.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace gw;
using namespace gw::app;

namespace {

// Files this process writes cannot grow past `bytes` while it lives (tests run as root, so
// permissions would not stop a write; this limit does).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit limited = m_old;
        limited.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &m_old); }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    bool m_ok = false;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

constexpr rlim_t kFullAt = 1024; // the sample config's canonical form is several KB

} // namespace

class TstFaultDiskFull : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fullDiskKeepsTheOldFile();
    void fullDiskAutosaveKeepsTheDraft();
    void fullDiskExportDialogSaysWhy();
    void workspaceFolderIsAFile();
    void fullDiskHistoryKeepsEarlierBatches();

private:
    RoutingConfig sample() const;
};

void TstFaultDiskFull::initTestCase()
{
    std::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG instead of killing us
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    static QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(u"GatewayConsoleTest"_qs);
    QCoreApplication::setApplicationName(u"tst_fault_disk_full"_qs);
}

RoutingConfig TstFaultDiskFull::sample() const
{
    return loadConfigFile(QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/routing.json"))
        .config.value_or(RoutingConfig{});
}

void TstFaultDiskFull::fullDiskKeepsTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"routing.json"_qs);
    QString error;
    QVERIFY((error = writeFileAtomically(path, "{\"old\": true}\n").error).isEmpty());
    const QByteArray big = canonicalConfigBytes(sample());
    QVERIFY(big.size() > qsizetype(kFullAt));
    {
        FileSizeLimit full(kFullAt);
        QVERIFY(full.ok());
        // Before the fix Qt's buffered QSaveFile took the short write for success and renamed a
        // 1 KB file over the old one.
        QVERIFY(!(error = writeFileAtomically(path, big).error).isEmpty());
    }
    qInfo("error: %s", qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));                // names the file
    QVERIFY2(error.contains(u"no space left"_qs), qPrintable(error)); // and why
    QCOMPARE(readAll(path), QByteArray("{\"old\": true}\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary file left
}

void TstFaultDiskFull::fullDiskAutosaveKeepsTheDraft()
{
    QTemporaryDir dir;
    const QString autosave = dir.filePath(u".autosave/routing.json"_qs);
    DraftDocument document;
    document.reset(sample());
    document.setAutosavePath(autosave);
    RoutingConfig edited = document.config();
    edited.note = u"edited while the disk is full"_qs;
    document.apply(edited, u"edit"_qs);
    QString error;
    {
        FileSizeLimit full(kFullAt);
        QVERIFY(!document.writeAutosaveNow(&error));
    }
    QVERIFY2(error.contains(autosave), qPrintable(error));
    QVERIFY(!QFile::exists(autosave));
    QVERIFY(document.isDirty());
    QCOMPARE(document.config().note, edited.note);
    QVERIFY(document.undoStack()->canUndo());
    // With space again the same draft is written.
    QVERIFY2(document.writeAutosaveNow(&error), qPrintable(error));
    QCOMPARE(loadConfigFile(autosave).config->note, edited.note);
}

void TstFaultDiskFull::fullDiskExportDialogSaysWhy()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(dir.path(), &error), qPrintable(error));
    const gw::Workspace workspace(dir.path());
    DraftDocument document;
    document.reset(*loadConfigFile(workspace.draftPath()).config);
    RoutingConfig edited = document.config();
    edited.defaultSharePaid = 4.5;
    document.apply(edited, u"edit"_qs);
    const QByteArray draftBefore = readAll(workspace.draftPath());

    ExportDialog dialog(&document, workspace);
    dialog.setNow(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    dialog.findChild<QLineEdit *>(u"whoEdit"_qs)->setText(u"ops@example.com"_qs);
    QTRY_VERIFY(dialog.isReady());
    QVERIFY(dialog.exportButton()->isEnabled());
    auto *result = dialog.findChild<QLabel *>(u"resultLabel"_qs);
    QVERIFY(result);
    {
        FileSizeLimit full(kFullAt);
        dialog.exportNow();
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"Could not write"_qs), 10'000);
    }
    qInfo("export dialog: %s", qPrintable(result->text()));
    QVERIFY(result->text().contains(workspace.exportsDir())); // names the file
    QVERIFY(dialog.writtenFile().isEmpty());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(workspace.history().isEmpty());
    QCOMPARE(readAll(workspace.draftPath()), draftBefore);
    QVERIFY(document.isDirty());
    QCOMPARE(document.config().defaultSharePaid, 4.5);
    QCOMPARE(document.config().revision, edited.revision); // the export's revision bump did not happen
    QVERIFY(document.undoStack()->canUndo());
}

void TstFaultDiskFull::workspaceFolderIsAFile()
{
    // A workspace folder that cannot hold files: root ignores permissions, so make it a regular file.
    QTemporaryDir dir;
    const QString notADir = dir.filePath(u"workspace"_qs);
    QString error;
    QVERIFY((error = writeFileAtomically(notADir, "not a folder\n").error).isEmpty());
    const QString draftPath = notADir + u"/routing.json"_qs;
    QVERIFY(!(error = saveConfigFile(draftPath, sample()).error).isEmpty());
    QVERIFY2(error.contains(draftPath), qPrintable(error));

    DraftDocument document;
    document.reset(sample());
    document.setAutosavePath(notADir + u"/.autosave/routing.json"_qs);
    RoutingConfig edited = document.config();
    edited.note = u"edited in a read-only workspace"_qs;
    document.apply(edited, u"edit"_qs);
    QVERIFY(!document.writeAutosaveNow(&error));
    QVERIFY2(error.contains(notADir + u"/.autosave/routing.json"_qs), qPrintable(error));
    QVERIFY(document.isDirty());
    QCOMPARE(document.config().note, edited.note);
    QCOMPARE(readAll(notADir), QByteArray("not a folder\n"));

    // The kernel refuses new files under /proc, whoever asks.
    QVERIFY(!(error = writeFileAtomically(u"/proc/gateway-console-test.json"_qs, "{}").error).isEmpty());
    QVERIFY2(error.contains(u"/proc/gateway-console-test.json"_qs), qPrintable(error));
}

void TstFaultDiskFull::fullDiskHistoryKeepsEarlierBatches()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    qint64 runId = 0;
    {
        store::Database db;
        QVERIFY(db.open(path).ok());
        runId = db.createRun(u"disk full"_qs, store::RunSettings{}).value;
        QList<BenchResult> first;
        for (int i = 0; i < 10; ++i)
            first.append(test::sampleResult(i, Gateway::OpenRouter));
        QVERIFY(db.addResults(runId, first).ok());
    } // closed: the log is folded into the file
    store::Database db;
    QVERIFY(db.open(path).ok());
    QList<BenchResult> second;
    for (int i = 10; i < 400; ++i)
        second.append(test::sampleResult(i, Gateway::OpenRouter));
    store::Outcome<int> added;
    {
        FileSizeLimit full(rlim_t(QFileInfo(path).size()) + 8 * 1024); // the log cannot hold this batch
        added = db.addResults(runId, second);
    }
    qInfo("history error: %s", qPrintable(added.error));
    QVERIFY(!added.ok());
    QVERIFY2(added.error.contains(u"history.sqlite"_qs), qPrintable(added.error));
    db.close();
    store::Database reopened;
    QVERIFY(reopened.open(path).ok());
    QCOMPARE(reopened.integrityCheck().value, u"ok"_qs);
    const auto run = reopened.loadRun(runId);
    QVERIFY(run.ok());
    QCOMPARE(run.value.results.size(), 10); // the first batch whole, none of the second
}

QTEST_MAIN(TstFaultDiskFull)
#include "tst_fault_disk_full.moc"
