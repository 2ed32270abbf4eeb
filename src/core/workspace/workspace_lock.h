#pragma once
// One Gateway Console per workspace: the first instance holds <workspace>/.lock (QLockFile)
// while the workspace is open; a second one learns who holds it instead of sharing the draft's
// autosave with it (each would overwrite the other's .autosave/routing.json, and one would
// delete it when its own document is clean). A lock left by a process that died (a crash, a
// kill) is stale and taken over; a live holder's lock never goes stale by age.

#include <QString>

#include <memory>

class QLockFile;

namespace gw {

class WorkspaceLock {
public:
    explicit WorkspaceLock(const QString &workspaceDir);
    ~WorkspaceLock(); // releases the lock if held
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock &operator=(const WorkspaceLock &) = delete;

    static QString lockPath(const QString &workspaceDir); // <dir>/.lock

    // Takes the lock without waiting. False when another live process holds it (holder() says
    // which) or the lock file cannot be written (error() says why).
    bool tryLock();
    bool isLocked() const;
    void unlock();

    // After a failed tryLock: "gateway-console (process 4242 on host ws-1)"; empty when unknown.
    QString holder() const { return m_holder; }
    // After a failed tryLock, for the operator: names the workspace and the holder or the reason.
    QString error() const { return m_error; }

private:
    QString m_dir;
    std::unique_ptr<QLockFile> m_lock;
    QString m_holder;
    QString m_error;
};

} // namespace gw
