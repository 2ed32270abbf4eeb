// gatewayctl report: requests, error rate, cost, tokens and latency/TTFT percentiles per gateway,
// model or provider, from the traffic buckets `gatewayctl ingest` stored.
#include "cli_common.h"
#include "commands.h"

#include "config/config_io.h"
#include "database.h"
#include "traffic/report.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gw::cli {

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_qs, u"The history database."_qs, u"FILE"_qs);
    const QCommandLineOption by(u"by"_qs, u"gateway, model or provider."_qs, u"GROUP"_qs);
    const QCommandLineOption from(u"from"_qs, u"Only traffic at or after this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption to(u"to"_qs, u"Only traffic before this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print JSON instead of a table."_qs);
    const QCommandLineOption csv(u"csv"_qs, u"Print CSV instead of a table."_qs);
    parser.addOptions({db, by, from, to, json, csv});
    if (const auto exit = parseCommandLine(parser, args, u"Summarize ingested traffic per group."_qs, 0, 0))
        return *exit;
    if (!parser.isSet(db))
        return usageError(u"report: --db is required"_qs);
    const auto groupBy = parseTrafficGroupBy(parser.value(by));
    if (!groupBy)
        return usageError(u"report: --by must be gateway, model or provider"_qs);
    if (parser.isSet(json) && parser.isSet(csv))
        return usageError(u"report: --json and --csv exclude each other"_qs);
    QDateTime bounds[2];
    for (const auto &[option, bound] : {std::pair{&from, &bounds[0]}, std::pair{&to, &bounds[1]}}) {
        if (const auto exit = readTimeOption(parser, *option, u"report"_qs, *bound))
            return *exit;
    }

    store::Database database;
    if (const auto opened = database.open(parser.value(db)); !opened.ok()) {
        err() << u"report: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    // Day buckets hold the same totals as minute buckets: the whole history reads from the
    // coarsest level; a time window needs minutes so that it may start and end anywhere.
    const TrafficResolution level =
        bounds[0].isValid() || bounds[1].isValid() ? TrafficResolution::Minute : TrafficResolution::Day;
    const auto buckets = database.trafficBuckets(level, bounds[0], bounds[1]);
    if (!buckets.ok()) {
        err() << u"report: "_qs << buckets.error << u'\n';
        return ExitInvalidInput;
    }
    const QList<TrafficReportRow> rows = trafficReport(buckets.value, *groupBy);
    if (parser.isSet(json)) {
        QJsonArray groups;
        for (const TrafficReportRow &r : rows)
            groups.append(toJson(r));
        QJsonObject o{{u"by"_qs, parser.value(by)}, {u"groups"_qs, groups}};
        if (bounds[0].isValid())
            o.insert(u"from"_qs, formatRfc3339(bounds[0]));
        if (bounds[1].isValid())
            o.insert(u"to"_qs, formatRfc3339(bounds[1]));
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else if (parser.isSet(csv)) {
        out() << trafficReportCsv(rows);
    } else {
        out() << trafficReportTable(rows, parser.value(by));
    }
    return ExitOk;
}

} // namespace gw::cli
