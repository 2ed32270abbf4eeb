#pragma once
// gatewayctl's commands. Each takes its own arguments (the command name first) and returns the
// process exit code (cli_common.h).

#include <QStringList>

namespace gw::cli {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

int runValidate(const QStringList &args);
int runDecide(const QStringList &args);
int runSimulate(const QStringList &args);
int runExport(const QStringList &args);
int runMapModels(const QStringList &args);
int runChat(const QStringList &args);
int runBalance(const QStringList &args);
int runTranslate(const QStringList &args);
int runNormalize(const QStringList &args);
int runBenchPrompts(const QStringList &args);
int runIngest(const QStringList &args); // built with gwstore only (GW_HAVE_STORE)
int runReport(const QStringList &args);
int runPlanLeaderboard(const QStringList &args);
int runReplay(const QStringList &args);    // built with gwstore only (GW_HAVE_STORE)
int runRampCheck(const QStringList &args); // built with gwstore only (GW_HAVE_STORE)
// The production link (built with gwstore only: Qt Sql's PostgreSQL driver).
int runLive(const QStringList &args);
int runPublish(const QStringList &args);
int runRollback(const QStringList &args);
int runPullUsage(const QStringList &args);

} // namespace gw::cli
