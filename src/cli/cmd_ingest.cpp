// gatewayctl ingest: traffic logs into the history database's buckets, remembering how far each
// file was read, so running it again (by hand or from cron) only adds what is new.
#include "cli_common.h"
#include "commands.h"

#include "database.h"

namespace gw::cli {

int runIngest(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"LOG"_qs, u"Traffic logs v1: JSONL or CSV, plain or gzip."_qs, u"LOG..."_qs);
    const QCommandLineOption db(u"db"_qs, u"The history database (created when missing)."_qs, u"FILE"_qs);
    const QCommandLineOption maxBad(u"max-bad-lines"_qs, u"List at most N bad lines per file (default 100)."_qs,
                                    u"N"_qs, u"100"_qs);
    parser.addOptions({db, maxBad});
    if (const auto exit = parseCommandLine(parser, args, u"Ingest traffic logs into the history database."_qs, 1, -1))
        return *exit;
    if (!parser.isSet(db))
        return usageError(u"ingest: --db is required"_qs);
    bool numberOk = false;
    const int listed = parser.value(maxBad).toInt(&numberOk);
    if (!numberOk || listed < 0)
        return usageError(u"ingest: --max-bad-lines needs a number >= 0"_qs);

    store::Database database;
    if (const auto opened = database.open(parser.value(db)); !opened.ok()) {
        err() << u"ingest: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    TrafficIngestOptions options;
    options.maxListedBadLines = listed;
    int exit = ExitOk;
    for (const QString &path : parser.positionalArguments()) {
        const auto imported = database.importTrafficFile(path, options);
        if (!imported.ok()) {
            err() << u"ingest: "_qs << imported.error << u'\n';
            return ExitInvalidInput;
        }
        const TrafficIngestResult &r = imported.value;
        if (!r.ok()) {
            err() << u"ingest: "_qs << r.error << u'\n';
            exit = ExitInvalidInput;
            continue;
        }
        for (const TrafficBadLine &bad : r.badLines)
            err() << bad.toString(path) << u'\n';
        if (r.badLineCount > r.badLines.size())
            err() << path << u": %1 more bad lines not listed\n"_qs.arg(r.badLineCount - r.badLines.size());
        out() << path << u": %1 new events, %2 bad lines"_qs.arg(r.events).arg(r.badLineCount);
        if (r.known)
            out() << u" (already ingested up to line %1)"_qs.arg(r.state.lines - r.lines);
        if (r.heldBackBytes > 0)
            out() << u", an incomplete last line (%1 bytes) left for later"_qs.arg(r.heldBackBytes);
        out() << u'\n';
    }
    return exit;
}

} // namespace gw::cli
