// gatewayctl replay: recorded traffic decided again by a draft config (and a live one), per
// gateway and model, with cost and churn. Output documented in docs/planner.md.
#include "cli_common.h"
#include "commands.h"

#include "config/config_io.h"
#include "database.h"
#include "planner/replay.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

namespace {

QJsonObject totalsJson(const ReplayGatewayTotals &t)
{
    return QJsonObject{{u"requests"_qs, double(t.requests)},
                       {u"prompt_tokens"_qs, double(t.promptTokens)},
                       {u"completion_tokens"_qs, double(t.completionTokens)},
                       {u"cost_usd"_qs, t.costUsd},
                       {u"unpriced_requests"_qs, double(t.unpricedRequests)}};
}

QJsonObject sideJson(const ReplaySide &side)
{
    QJsonArray groups;
    for (const ReplayGroup &g : side.groups)
        groups.append(QJsonObject{{u"gateway"_qs, gatewayName(g.gateway)},
                                  {u"model"_qs, g.model},
                                  {u"requests"_qs, double(g.requests)},
                                  {u"prompt_tokens"_qs, double(g.promptTokens)},
                                  {u"completion_tokens"_qs, double(g.completionTokens)},
                                  {u"cost_usd"_qs, g.costUsd},
                                  {u"cost_basis"_qs, costBasisName(g.costBasis)},
                                  {u"unpriced_requests"_qs, double(g.unpricedRequests)},
                                  {u"share_percent"_qs, g.sharePercent}});
    return QJsonObject{{u"vercel_request_percent"_qs, side.vercelRequestPercent()},
                       {u"vercel_token_percent"_qs, side.vercelTokenPercent()},
                       {u"total_cost_usd"_qs, side.totalCostUsd()},
                       {u"openrouter"_qs, totalsJson(side.openrouter)},
                       {u"vercel"_qs, totalsJson(side.vercel)},
                       {u"groups"_qs, groups}};
}

void printSide(const QString &title, const ReplaySide &side)
{
    out() << title
          << u": Vercel %1% of requests, %2% of tokens, cost %3 USD\n"_qs.arg(side.vercelRequestPercent(), 0, 'f', 2)
                 .arg(side.vercelTokenPercent(), 0, 'f', 2)
                 .arg(side.totalCostUsd(), 0, 'f', 4);
    for (const ReplayGroup &g : side.groups)
        out() << u"  %1 %2 %3 req %4% %5 tok %6 USD (%7)\n"_qs
                     .arg(g.model.leftJustified(36), gatewayName(g.gateway).leftJustified(10))
                     .arg(g.requests, 8)
                     .arg(g.sharePercent, 6, 'f', 2)
                     .arg(g.tokens(), 10)
                     .arg(g.costUsd, 10, 'f', 4)
                     .arg(costBasisName(g.costBasis));
}

QJsonArray ruleWindowsJson(const QList<RuleWindow> &windows)
{
    QJsonArray rules;
    for (const RuleWindow &w : windows) {
        QJsonObject o{{u"id"_qs, w.id},
                      {u"in_force"_qs, ruleInForceName(w.state)},
                      {u"in_force_hours"_qs, double(w.inForceMs) / 3'600'000.0},
                      {u"percent_of_traffic_span"_qs, w.percentOfSpan()}};
        if (w.expiresAt)
            o.insert(u"expires_at"_qs, formatRfc3339(*w.expiresAt));
        rules.append(o);
    }
    return rules;
}

// Only the rules that do not count for the whole replayed span are worth a line.
void printRuleWindows(const ReplayResult &r)
{
    const double spanHours = double(r.draftProjection.spanMs()) / 3'600'000.0;
    for (const RuleWindow &w : r.draftRules) {
        if (w.state == RuleInForce::Always)
            continue;
        out() << u"  rule %1: %2"_qs.arg(w.id, ruleInForceName(w.state));
        if (w.state == RuleInForce::Partly)
            out() << u", in force for %1 of %2 h (expires %3)"_qs.arg(double(w.inForceMs) / 3'600'000.0, 0, 'f', 1)
                         .arg(spanHours, 0, 'f', 0)
                         .arg(formatRfc3339(*w.expiresAt));
        out() << u'\n';
    }
}

} // namespace

int runReplay(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_qs, u"The history database."_qs, u"FILE"_qs);
    const QCommandLineOption config(u"config"_qs, u"The draft config to replay."_qs, u"DRAFT"_qs);
    const QCommandLineOption against(
        u"against"_qs, u"The live config to compare with (churn); without it only the recorded routing."_qs,
        u"LIVE"_qs);
    const QCommandLineOption from(u"from"_qs, u"Only traffic at or after this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption to(u"to"_qs, u"Only traffic before this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption orCatalog(
        u"openrouter-catalog"_qs, u"Saved OpenRouter /models for prices where nothing was recorded."_qs, u"FILE"_qs);
    const QCommandLineOption vCatalog(u"vercel-catalog"_qs,
                                      u"Saved Vercel /models for prices where nothing was recorded."_qs, u"FILE"_qs);
    const QCommandLineOption now(
        u"now"_qs,
        u"When the draft goes live (RFC 3339; default: now): its rules count only while in force, with the traffic replayed from then on."_qs,
        u"T"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print JSON."_qs);
    parser.addOptions({db, config, against, from, to, orCatalog, vCatalog, now, json});
    if (const auto exit = parseCommandLine(parser, args, u"Replay recorded traffic against a draft config."_qs, 0, 0))
        return *exit;
    if (!parser.isSet(db) || !parser.isSet(config))
        return usageError(u"replay: --db and --config are required"_qs);
    QDateTime bounds[2];
    QDateTime liveFrom;
    for (const auto &[option, bound] :
         {std::pair{&from, &bounds[0]}, std::pair{&to, &bounds[1]}, std::pair{&now, &liveFrom}}) {
        if (const auto exit = readTimeOption(parser, *option, u"replay"_qs, *bound))
            return *exit;
    }

    const auto draft = loadConfigOrReport(parser.value(config));
    if (!draft)
        return ExitInvalidInput;
    std::optional<RoutingConfig> live;
    if (parser.isSet(against) && !(live = loadConfigOrReport(parser.value(against))))
        return ExitInvalidInput;

    ReplayOptions options;
    if (liveFrom.isValid())
        options.draftLiveFromMs = liveFrom.toMSecsSinceEpoch();
    QList<CatalogModel> catalogs[2];
    const QCommandLineOption *catalogOptions[2] = {&orCatalog, &vCatalog};
    for (int i = 0; i < 2; ++i) {
        if (!parser.isSet(*catalogOptions[i]))
            continue;
        const CatalogParseResult parsed =
            parseCatalogFile(i == 0 ? Gateway::OpenRouter : Gateway::Vercel, parser.value(*catalogOptions[i]));
        if (!parsed.ok()) {
            err() << joinDiagnostics(parsed.problems) << u'\n';
            return ExitInvalidInput;
        }
        catalogs[i] = parsed.catalog.models;
    }
    options.prices = ReplayPrices::fromCatalogs(catalogs[0], catalogs[1]);

    store::Database database;
    if (const auto opened = database.open(parser.value(db), store::Database::Access::ReadOnly); !opened.ok()) {
        err() << u"replay: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    const auto usage = database.trafficKeyUsage(bounds[0], bounds[1]);
    if (!usage.ok()) {
        err() << u"replay: "_qs << usage.error << u'\n';
        return ExitInvalidInput;
    }
    // Without a live config the draft is compared with itself: no churn, and the recorded
    // routing is the comparison.
    const ReplayResult r = replayTraffic(usage.value, *draft, live ? *live : *draft, options);

    if (parser.isSet(json)) {
        QJsonObject o{{u"rows"_qs, double(r.rows)},
                      {u"draft_live_from"_qs,
                       formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.draftProjection.liveFromMs, Qt::UTC))},
                      {u"draft_rules"_qs, ruleWindowsJson(r.draftRules)},
                      {u"draft"_qs, sideJson(r.draft)},
                      {u"recorded"_qs, sideJson(r.recorded)}};
        if (bounds[0].isValid())
            o.insert(u"from"_qs, formatRfc3339(bounds[0]));
        if (bounds[1].isValid())
            o.insert(u"to"_qs, formatRfc3339(bounds[1]));
        if (live) {
            o.insert(u"live"_qs, sideJson(r.live));
            o.insert(u"churn"_qs, QJsonObject{{u"keys"_qs, double(r.churn.keys)},
                                              {u"keys_changed"_qs, double(r.churn.keysChanged)},
                                              {u"keys_to_vercel"_qs, double(r.churn.keysToVercel)},
                                              {u"keys_to_openrouter"_qs, double(r.churn.keysToOpenRouter)},
                                              {u"requests"_qs, double(r.churn.requests)},
                                              {u"requests_affected"_qs, double(r.churn.requestsAffected)}});
        }
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out() << u"%1 usage rows\n"_qs.arg(r.rows);
        out() << u"draft rules count only while in force, the traffic replayed as if it began %1\n"_qs.arg(
            formatRfc3339(QDateTime::fromMSecsSinceEpoch(r.draftProjection.liveFromMs, Qt::UTC)));
        printRuleWindows(r);
        printSide(u"draft"_qs, r.draft);
        if (live)
            printSide(u"live"_qs, r.live);
        printSide(u"recorded"_qs, r.recorded);
        if (live)
            out() << u"churn: %1 of %2 keys change gateway (%3 to Vercel, %4 to OpenRouter), %5 of %6 requests\n"_qs
                         .arg(r.churn.keysChanged)
                         .arg(r.churn.keys)
                         .arg(r.churn.keysToVercel)
                         .arg(r.churn.keysToOpenRouter)
                         .arg(r.churn.requestsAffected)
                         .arg(r.churn.requests);
    }
    out().flush();
    return ExitOk;
}

} // namespace gw::cli
