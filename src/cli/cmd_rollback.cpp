#include "cli_common.h"
#include "cli_production.h"
#include "commands.h"

#include "production/publish_history.h"
#include "production_rollback.h"

namespace gw::cli {

int runRollback(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption pg = pgOption();
    const QCommandLineOption to(u"to"_qs, u"The config revision to republish (its newest publish in the history)."_qs,
                                u"REVISION"_qs);
    const QCommandLineOption workspaceOption(u"workspace"_qs, u"The workspace whose history holds the publish."_qs,
                                             u"DIR"_qs);
    const QCommandLineOption by(u"by"_qs, u"Who publishes."_qs, u"EMAIL"_qs);
    const QCommandLineOption note(u"note"_qs, u"Why (required, at most 500 characters)."_qs, u"TEXT"_qs);
    parser.addOptions({pg, to, workspaceOption, by, note});
    if (const auto exit = parseCommandLine(
            parser, args,
            u"Republish an earlier published record through the same compare-and-set. Exit 3: refused."_qs, 0, 0))
        return *exit;
    int exit = ExitOk;
    const auto spec = readPgOption(parser, u"rollback"_qs, &exit);
    if (!spec)
        return exit;
    bool numeric = false;
    const qint64 revision = parser.value(to).toLongLong(&numeric);
    if (!parser.isSet(to) || !numeric)
        return usageError(u"rollback: --to REVISION (a number) is required"_qs);
    if (!parser.isSet(workspaceOption) || !parser.isSet(by) || !parser.isSet(note))
        return usageError(u"rollback: --workspace DIR, --by EMAIL and --note TEXT are required"_qs);
    const gw::Workspace workspace(parser.value(workspaceOption));
    const auto target = production::findPublish(workspace, revision);
    if (!target) {
        err() << u"rollback: %1: no publish of revision %2 in the history\n"_qs.arg(workspace.historyPath())
                     .arg(revision);
        return ExitInvalidInput;
    }
    const QDateTime when = QDateTime::currentDateTimeUtc();
    const store::RollbackOutcome r = store::rollbackToPublish(store::ProductionLink(*spec), workspace, *target,
                                                              {when, parser.value(by), parser.value(note)});
    if (!r.publish.error.ok()) {
        for (const QString &line : r.publish.difference)
            err() << u"  "_qs << line << u'\n';
        if (r.driftRecorded)
            err() << u"drift recorded in the workspace history\n"_qs;
        return reportProductionError(u"rollback"_qs, r.publish.error);
    }
    if (!r.historyError.isEmpty()) {
        err() << u"rollback: published, but the workspace history could not be written: "_qs << r.historyError << u'\n';
        return ExitInvalidInput;
    }
    out() << u"rolled back to revision %1 on %2: %3\n"_qs.arg(revision).arg(
        spec->describe(), production::describeChangeLine(r.publish.before, r.publish.after));
    out() << u"live by %1 UTC\n"_qs.arg(r.publish.liveBy.toUTC().toString(u"HH:mm"_qs));
    return ExitOk;
}

} // namespace gw::cli
