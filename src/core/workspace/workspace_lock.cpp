#include "workspace/workspace_lock.h"

#include <QDir>
#include <QLockFile>

namespace gw {

WorkspaceLock::WorkspaceLock(const QString &workspaceDir)
    : m_dir(workspaceDir), m_lock(std::make_unique<QLockFile>(lockPath(workspaceDir)))
{
    // 0: a live holder's lock is never taken over for being old (the app runs for days); one
    // whose process is gone is still recognised as stale and removed.
    m_lock->setStaleLockTime(0);
}

WorkspaceLock::~WorkspaceLock() = default; // QLockFile unlocks on destruction

QString WorkspaceLock::lockPath(const QString &workspaceDir)
{
    return QDir(workspaceDir).filePath(u".lock"_qs);
}

bool WorkspaceLock::tryLock()
{
    m_holder.clear();
    m_error.clear();
    if (m_lock->isLocked())
        return true;
    if (m_lock->tryLock(0))
        return true;
    const QString where = QDir::toNativeSeparators(m_dir);
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        if (m_lock->getLockInfo(&pid, &host, &app))
            m_holder = u"%1 (process %2 on host %3)"_qs.arg(app.isEmpty() ? u"an unnamed program"_qs : app)
                           .arg(pid)
                           .arg(host.isEmpty() ? u"?"_qs : host);
        m_error = where + u": in use by "_qs + (m_holder.isEmpty() ? u"another Gateway Console"_qs : m_holder);
        return false;
    }
    const QString why = m_lock->error() == QLockFile::PermissionError ? u"permission denied"_qs : u"unknown error"_qs;
    m_error = where + u": cannot create the lock file "_qs + QDir::toNativeSeparators(lockPath(m_dir)) + u" ("_qs + why
              + u')';
    return false;
}

bool WorkspaceLock::isLocked() const
{
    return m_lock->isLocked();
}

void WorkspaceLock::unlock()
{
    m_lock->unlock();
}

} // namespace gw
