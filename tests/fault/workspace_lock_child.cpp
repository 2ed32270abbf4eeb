// Built only for tst_fault_workspace_lock: stands in for a second Gateway Console on a
// workspace. Takes the workspace lock like the app does, says "locked <pid>" (or why not) on
// stdout, and holds it until its stdin closes (or it is killed).
// Usage: workspace_lock_child WORKSPACE_DIR

#include "workspace/workspace_lock.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: workspace_lock_child WORKSPACE_DIR\n");
        return 2;
    }
    gw::WorkspaceLock lock(QString::fromLocal8Bit(argv[1]));
    if (!lock.tryLock()) {
        std::printf("refused %s\n", qPrintable(lock.error()));
        return 3;
    }
    std::printf("locked %lld\n", static_cast<long long>(QCoreApplication::applicationPid()));
    std::fflush(stdout);
    while (std::fgetc(stdin) != EOF) {
    }
    return 0;
}
