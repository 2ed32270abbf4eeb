// WorkspaceLock in one process: the second holder of a workspace is refused and told who holds
// it, and gets it once the first lets go. Two processes (and a killed holder) are in
// tests/fault/tst_fault_workspace_lock.cpp.

#include "workspace/workspace_lock.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

class TestWorkspaceLock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondHolderIsRefusedAndToldWho()
    {
        QTemporaryDir dir;
        WorkspaceLock first(dir.path());
        QVERIFY(first.tryLock());
        QVERIFY(first.isLocked());
        QVERIFY(QFile::exists(WorkspaceLock::lockPath(dir.path())));

        WorkspaceLock second(dir.path());
        QVERIFY(!second.tryLock());
        QVERIFY(!second.isLocked());
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(second.holder().contains(u"process "_qs + pid), qPrintable(second.holder()));
        QVERIFY2(second.error().startsWith(dir.path()), qPrintable(second.error()));
        QVERIFY2(second.error().contains(u"in use by"_qs), qPrintable(second.error()));

        first.unlock();
        QVERIFY(!QFile::exists(WorkspaceLock::lockPath(dir.path())));
        QVERIFY(second.tryLock());
        QVERIFY(second.holder().isEmpty());
    }

    void releasedWhenDestroyed()
    {
        QTemporaryDir dir;
        {
            WorkspaceLock first(dir.path());
            QVERIFY(first.tryLock());
        }
        WorkspaceLock second(dir.path());
        QVERIFY(second.tryLock());
    }

    void unwritableFolderIsAnError()
    {
        QTemporaryDir dir;
        const QString notADir = dir.filePath(u"file"_qs);
        QFile f(notADir);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        WorkspaceLock lock(notADir); // its lock file would go inside a regular file
        QVERIFY(!lock.tryLock());
        QVERIFY2(lock.error().contains(u"cannot create the lock file"_qs), qPrintable(lock.error()));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceLock)
#include "tst_workspace_lock.moc"
