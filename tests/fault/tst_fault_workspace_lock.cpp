// Two Gateway Consoles on one workspace: the second process is refused and told which process
// holds it; when the first exits, or is killed without unlocking, the workspace can be opened.

#include "workspace/workspace_lock.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

namespace {

// A child holding the lock on `dir`; its first stdout line ("locked <pid>" or "refused ...").
QString startHolder(QProcess &child, const QString &dir)
{
    child.start(QStringLiteral(GW_LOCK_CHILD), {dir});
    if (!child.waitForStarted(10000) || !child.waitForReadyRead(10000))
        return {};
    return QString::fromUtf8(child.readLine()).trimmed();
}

} // namespace

class TestFaultWorkspaceLock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondProcessIsRefusedUntilTheFirstExits()
    {
        QTemporaryDir dir;
        QProcess first;
        const QString said = startHolder(first, dir.path());
        QVERIFY2(said.startsWith(u"locked "_qs), qPrintable(said));
        const QString pid = said.mid(7);

        WorkspaceLock here(dir.path());
        QVERIFY(!here.tryLock());
        // Qt names the holder by its program name: here the child, in practice gateway-console.
        QVERIFY2(here.holder().contains(u"workspace_lock_child"_qs), qPrintable(here.holder()));
        QVERIFY2(here.holder().contains(u"process "_qs + pid), qPrintable(here.holder()));

        QProcess second;
        const QString refused = startHolder(second, dir.path());
        QVERIFY2(refused.startsWith(u"refused "_qs) && refused.contains(u"process "_qs + pid), qPrintable(refused));
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 3);

        first.closeWriteChannel();
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY(here.tryLock());
    }

    void killedHolderLeavesAStaleLockThatIsTakenOver()
    {
        QTemporaryDir dir;
        QProcess first;
        QVERIFY(startHolder(first, dir.path()).startsWith(u"locked "_qs));
        first.kill(); // SIGKILL: no unlock, the lock file stays
        QVERIFY(first.waitForFinished(10000));
        QVERIFY(QFile::exists(WorkspaceLock::lockPath(dir.path())));
        WorkspaceLock here(dir.path());
        QVERIFY2(here.tryLock(), qPrintable(here.error()));
    }
};

QTEST_GUILESS_MAIN(TestFaultWorkspaceLock)
#include "tst_fault_workspace_lock.moc"
