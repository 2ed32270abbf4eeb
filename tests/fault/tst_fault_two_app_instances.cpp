// Two Gateway Consoles on one workspace. The other instance is a real second process
// (workspace_lock_child takes the workspace lock exactly as the app does). The window here is
// the app's MainWindow: it takes the lock when it opens a workspace, so the other process is
// refused; and when the other process holds it, the window opens read-only or not at all, and
// never touches the holder's autosave.

#include "../app/app_test_settings.h"
#include "common/draft_document.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::app;

namespace {

// The other instance on `dir`: its first stdout line ("locked <pid>" or "refused <why>").
QString startOtherInstance(QProcess &child, const QString &dir)
{
    child.start(QStringLiteral(GW_LOCK_CHILD), {dir});
    if (!child.waitForStarted(10000) || !child.waitForReadyRead(10000))
        return {};
    return QString::fromUtf8(child.readLine()).trimmed();
}

void stopOtherInstance(QProcess &child)
{
    child.closeWriteChannel(); // the child holds the lock until its stdin closes
    child.waitForFinished(10000);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstFaultTwoAppInstances : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void windowHoldsTheWorkspaceWhileOpen();
    void heldWorkspaceOpensReadOnlyAndLeavesTheAutosaveAlone();
    void heldWorkspaceCanBeRefusedAndNothingChanges();
    void readOnlyWindowTakesTheLockOnReopenOnceFree();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstFaultTwoAppInstances::initTestCase()
{
    gwtest::isolateAppSettings(u"tst_fault_two_app_instances"_qs);
    QSettings s; // nothing leaves the machine: both gateways on the in-process simulator
    s.setValue(u"gateways/openrouter/local"_qs, true);
    s.setValue(u"gateways/vercel/local"_qs, true);
}

void TstFaultTwoAppInstances::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(installSampleWorkspace(m_dir->path(), &error), qPrintable(error));
}

void TstFaultTwoAppInstances::windowHoldsTheWorkspaceWhileOpen()
{
    auto window = std::make_unique<MainWindow>();
    QVERIFY(window->openWorkspace(m_dir->path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::Refuse));
    QVERIFY(!window->isReadOnly());

    QProcess other;
    const QString refused = startOtherInstance(other, m_dir->path());
    QVERIFY2(refused.startsWith(u"refused"_qs), qPrintable(refused));
    QVERIFY2(refused.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(refused));
    other.waitForFinished(10000);

    QVERIFY(window->openWorkspace(m_dir->path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::Refuse));
    QVERIFY2(!window->isReadOnly(), "reopening the workspace held here keeps its lock");

    window.reset(); // closing releases it
    QProcess next;
    const QString locked = startOtherInstance(next, m_dir->path());
    QVERIFY2(locked.startsWith(u"locked"_qs), qPrintable(locked));
    stopOtherInstance(next);
}

void TstFaultTwoAppInstances::heldWorkspaceOpensReadOnlyAndLeavesTheAutosaveAlone()
{
    QProcess other;
    const QString locked = startOtherInstance(other, m_dir->path());
    QVERIFY2(locked.startsWith(u"locked"_qs), qPrintable(locked));
    const QString pid = locked.section(QLatin1Char(' '), 1);
    // The holder's unsaved work, as its autosave left it.
    const gw::Workspace workspace(m_dir->path());
    QDir().mkpath(QFileInfo(workspace.autosavePath()).path());
    QByteArray holderDraft = readAll(workspace.draftPath());
    holderDraft.replace("\"revision\"", "\"revision\" ");
    {
        QFile autosave(workspace.autosavePath());
        QVERIFY(autosave.open(QIODevice::WriteOnly));
        autosave.write(holderDraft);
    }

    MainWindow window;
    window.document()->setAutosaveDelay(10);
    QVERIFY(window.openWorkspace(m_dir->path(), MainWindow::Recovery::Recover, MainWindow::WhenLocked::ReadOnly));
    QVERIFY(window.isReadOnly());
    QVERIFY2(window.statusText().contains(pid), qPrintable(window.statusText())); // who holds it
    QVERIFY(!window.document()->isDirty()); // the holder's autosave is not recovered here
    QVERIFY(!window.findChild<QAction *>(u"actionSave"_qs)->isEnabled());
    QVERIFY(!window.findChild<QAction *>(u"actionExport"_qs)->isEnabled());

    const QByteArray draftBefore = readAll(workspace.draftPath());
    gw::RoutingConfig edited = window.document()->config();
    edited.defaultShareFree = 7.5;
    window.document()->apply(edited, u"edit"_qs);
    QTest::qWait(200); // several autosave intervals
    QVERIFY(!window.save());
    QCOMPARE(readAll(workspace.autosavePath()), holderDraft);
    QCOMPARE(readAll(workspace.draftPath()), draftBefore);
    window.document()->setClean();
    stopOtherInstance(other);
}

void TstFaultTwoAppInstances::heldWorkspaceCanBeRefusedAndNothingChanges()
{
    QTemporaryDir first;
    QString error;
    QVERIFY2(installSampleWorkspace(first.path(), &error), qPrintable(error));
    MainWindow window;
    QVERIFY(window.openWorkspace(first.path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::Refuse));

    QProcess other;
    QVERIFY(startOtherInstance(other, m_dir->path()).startsWith(u"locked"_qs));
    QVERIFY(!window.openWorkspace(m_dir->path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::Refuse));
    QCOMPARE(window.workspace().dir(), gw::Workspace(first.path()).dir());
    QVERIFY(!window.isReadOnly());
    // Still held here: another process is refused on the first workspace.
    QProcess third;
    QVERIFY(startOtherInstance(third, first.path()).startsWith(u"refused"_qs));
    third.waitForFinished(10000);
    stopOtherInstance(other);
}

void TstFaultTwoAppInstances::readOnlyWindowTakesTheLockOnReopenOnceFree()
{
    QProcess other;
    QVERIFY(startOtherInstance(other, m_dir->path()).startsWith(u"locked"_qs));
    MainWindow window;
    QVERIFY(window.openWorkspace(m_dir->path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::ReadOnly));
    QVERIFY(window.isReadOnly());
    stopOtherInstance(other);
    QVERIFY(window.openWorkspace(m_dir->path(), MainWindow::Recovery::Discard, MainWindow::WhenLocked::Refuse));
    QVERIFY(!window.isReadOnly());
    QVERIFY(window.findChild<QAction *>(u"actionSave"_qs)->isEnabled());
    QVERIFY(!window.statusText().contains(u"read-only"_qs));
}

QTEST_MAIN(TstFaultTwoAppInstances)
#include "tst_fault_two_app_instances.moc"
