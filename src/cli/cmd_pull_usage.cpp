#include "cli_common.h"
#include "cli_production.h"
#include "commands.h"

#include "config/config_io.h"
#include "production/usage_mapping.h"
#include "usage_pull.h"

namespace gw::cli {

int runPullUsage(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption pg = pgOption();
    const QCommandLineOption db(u"db"_qs, u"The history database (created when missing)."_qs, u"FILE"_qs);
    const QCommandLineOption from(u"from"_qs, u"Start of an explicit range, RFC 3339 (widened to the hour)."_qs,
                                  u"T"_qs);
    const QCommandLineOption to(u"to"_qs, u"End of an explicit range, RFC 3339 (widened to the hour)."_qs, u"T"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print the outcome as JSON."_qs);
    parser.addOptions({pg, db, from, to, json});
    if (const auto exit = parseCommandLine(
            parser, args,
            u"Pull production usage, aggregated in PostgreSQL, into the history database. Without --from/--to: from the"
            " source's watermark less %1 minutes (late rows) to now; a re-pulled range replaces what was there."_qs.arg(
                production::kLateRowsMinutes),
            0, 0))
        return *exit;
    int exit = ExitOk;
    const auto spec = readPgOption(parser, u"pull-usage"_qs, &exit);
    if (!spec)
        return exit;
    if (!parser.isSet(db))
        return usageError(u"pull-usage: --db FILE is required"_qs);
    store::UsagePullOptions options;
    QDateTime fromTime, toTime;
    if (const auto e = readTimeOption(parser, from, u"pull-usage"_qs, fromTime))
        return *e;
    if (const auto e = readTimeOption(parser, to, u"pull-usage"_qs, toTime))
        return *e;
    if (fromTime.isValid())
        options.from = fromTime;
    if (toTime.isValid())
        options.to = toTime;
    if (fromTime.isValid() && toTime.isValid() && fromTime >= toTime)
        return usageError(u"pull-usage: --from must be before --to"_qs);

    store::Database history;
    if (const auto opened = history.open(parser.value(db)); !opened.ok()) {
        err() << u"pull-usage: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    const store::UsagePullResult r = store::pullProductionUsage(*spec, history, options);
    if (!r.error.ok())
        return reportProductionError(u"pull-usage"_qs, r.error);
    const QString range = formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.fromMs, Qt::UTC)) + u" .. "_qs
                          + formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.toMs, Qt::UTC));
    if (parser.isSet(json)) {
        printJson({{u"source"_qs, spec->sourceId()},
                   {u"from"_qs, formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.fromMs, Qt::UTC))},
                   {u"to"_qs, formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.toMs, Qt::UTC))},
                   {u"requests"_qs, qint64(r.requests)},
                   {u"cost_usd"_qs, r.costUsd},
                   {u"rows_transferred"_qs, r.rowsTransferred},
                   {u"minute_buckets"_qs, r.minuteBuckets},
                   {u"key_usage_rows"_qs, r.keyUsageRows},
                   {u"watermark"_qs, formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.watermarkMs, Qt::UTC))}});
    } else {
        out() << u"pulled %1 (%2): %3 requests, $%4, %5 minute buckets, %6 key usage rows (%7 rows transferred)\n"_qs
                     .arg(spec->sourceId(), range)
                     .arg(r.requests)
                     .arg(r.costUsd, 0, 'f', 6)
                     .arg(r.minuteBuckets)
                     .arg(r.keyUsageRows)
                     .arg(r.rowsTransferred);
    }
    return ExitOk;
}

} // namespace gw::cli
