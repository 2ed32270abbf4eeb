// gatewayctl plan-leaderboard: the Vercel share that keeps our app first on both gateways'
// leaderboards, and (with recorded traffic and a draft) the default shares that give it.
// Output documented in docs/planner.md.
#include "cli_common.h"
#include "commands.h"

#include "config/config_io.h"
#include "planner/leaderboard_plan.h"
#include "traffic/time_range.h"
#ifdef GW_HAVE_STORE
#include "database.h"
#endif

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gw::cli {

namespace {

// A plan was computed but no share wins both leaderboards (docs/planner.md).
constexpr int ExitPlanInfeasible = 3;

std::optional<double> nonNegativeNumber(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && v >= 0 && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

struct Competitor {
    QString name;
    int rank = 0;
    QString source; // "typed" or the file
};

// Recorded traffic per day and the draft's reach over it.
struct RecordedVolume {
    double tokensPerDay = 0;
    double spendPerDayUsd = 0;
    double days = 0;
    QList<TrafficKeyUsage> usage;
};

// The per-day rule is gwcore's (traffic/time_range.h): the days of the range asked for.
RecordedVolume volumeOf(QList<TrafficKeyUsage> usage, const QDateTime &from, const QDateTime &to)
{
    TimeRange range;
    if (from.isValid())
        range.fromMs = from.toMSecsSinceEpoch();
    if (to.isValid())
        range.toMs = to.toMSecsSinceEpoch();
    const DailyVolume daily = dailyVolume(usage, range);
    RecordedVolume v;
    v.tokensPerDay = daily.tokensPerDay;
    v.spendPerDayUsd = daily.spendPerDayUsd;
    v.days = daily.days;
    v.usage = std::move(usage);
    return v;
}

QJsonObject competitorJson(const Competitor &c, double volume)
{
    QJsonObject o{{u"source"_qs, c.source}, {u"volume"_qs, volume}};
    if (!c.name.isEmpty())
        o.insert(u"name"_qs, c.name);
    if (c.rank > 0)
        o.insert(u"rank"_qs, c.rank);
    return o;
}

QJsonObject planJson(const LeaderboardInputs &in, const LeaderboardPlan &plan)
{
    QJsonArray constraints;
    for (const ShareConstraint &c : plan.constraints)
        constraints.append(QJsonObject{
            {u"kind"_qs, shareConstraintName(c.kind)}, {u"upper"_qs, c.upper}, {u"bound_percent"_qs, c.boundPercent}});
    QJsonArray curve;
    for (const LeaderboardCurvePoint &p : plan.curve) {
        QJsonObject point{{u"share_percent"_qs, p.sharePercent},
                          {u"openrouter_margin_percent"_qs, p.openrouterMarginPercent}};
        if (p.hasVercelTokens)
            point.insert(u"vercel_tokens_margin_percent"_qs, p.vercelTokensMarginPercent);
        if (p.hasVercelSpend)
            point.insert(u"vercel_spend_margin_percent"_qs, p.vercelSpendMarginPercent);
        curve.append(point);
    }
    QJsonObject o{
        {u"metric"_qs, leaderboardMetricName(in.metric)},
        {u"margin_percent"_qs, in.marginPercent},
        {u"our_tokens_per_day"_qs, in.ourTokensPerDay},
        {u"our_spend_per_day_usd"_qs, in.ourSpendPerDayUsd},
        {u"reach"_qs, QJsonObject{{u"fixed_vercel_percent"_qs, in.reach.fixedVercelPercent},
                                  {u"eligible_percent"_qs, in.reach.eligiblePercent}}},
        {u"feasible"_qs, plan.feasible},
        {u"low_percent"_qs, plan.lowPercent},
        {u"high_percent"_qs, plan.highPercent},
        {u"shortfall_points"_qs, plan.shortfallPoints},
        {u"without_margin"_qs, QJsonObject{{u"feasible"_qs, plan.feasibleWithoutMargin},
                                           {u"low_percent"_qs, plan.lowWithoutMarginPercent},
                                           {u"high_percent"_qs, plan.highWithoutMarginPercent}}},
        {u"explanation"_qs, plan.explanation},
        {u"constraints"_qs, constraints},
        {u"curve"_qs, curve},
    };
    if (plan.feasible)
        o.insert(u"minimal_percent"_qs, plan.minimalPercent);
    if (plan.bindingLow)
        o.insert(u"binding_low"_qs, shareConstraintName(*plan.bindingLow));
    if (plan.bindingHigh)
        o.insert(u"binding_high"_qs, shareConstraintName(*plan.bindingHigh));
    return o;
}

} // namespace

int runPlanLeaderboard(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption tokensPerDay(u"tokens-per-day"_qs, u"Our prompt + completion tokens per day."_qs, u"N"_qs);
    const QCommandLineOption spendPerDay(u"spend-per-day"_qs, u"Our spend per day in USD (metric spend/both)."_qs,
                                         u"USD"_qs);
    const QCommandLineOption db(
        u"db"_qs, u"History database: our volume per day and, with --config, what the default share can move."_qs,
        u"FILE"_qs);
    const QCommandLineOption from(u"from"_qs, u"With --db: traffic at or after this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption to(u"to"_qs, u"With --db: traffic before this time (RFC 3339)."_qs, u"T"_qs);
    const QCommandLineOption config(u"config"_qs, u"The draft config whose default shares the plan proposes."_qs,
                                    u"DRAFT"_qs);
    const QCommandLineOption orTokens(u"openrouter-competitor-tokens"_qs,
                                      u"Tokens per day of the strongest other app on OpenRouter."_qs, u"N"_qs);
    const QCommandLineOption orFile(u"openrouter-rankings"_qs, u"Saved GET /datasets/app-rankings (JSON)."_qs,
                                    u"FILE"_qs);
    const QCommandLineOption vTokens(u"vercel-competitor-tokens"_qs,
                                     u"Tokens per day of the strongest other app on Vercel."_qs, u"N"_qs);
    const QCommandLineOption vSpend(u"vercel-competitor-spend"_qs,
                                    u"Spend per day (USD) of the strongest other app on Vercel."_qs, u"USD"_qs);
    const QCommandLineOption vFile(
        u"vercel-leaderboard"_qs,
        u"Saved Vercel leaderboard export (JSON; names who leads, no volumes). Repeatable."_qs, u"FILE"_qs);
    const QCommandLineOption ourName(u"our-name"_qs, u"Our app's name on the leaderboards (the attribution title)."_qs,
                                     u"NAME"_qs);
    const QCommandLineOption ourUrl(u"our-url"_qs, u"Our app's URL (the attribution referer)."_qs, u"URL"_qs);
    const QCommandLineOption metric(u"metric"_qs,
                                    u"Vercel's ranking to plan for: tokens, spend or both (default tokens)."_qs,
                                    u"M"_qs, u"tokens"_qs);
    const QCommandLineOption margin(u"margin"_qs, u"Safety margin in percent over each competitor (default 10)."_qs,
                                    u"PCT"_qs, u"10"_qs);
    const QCommandLineOption scope(
        u"default-scope"_qs, u"Default shares to propose: both, paid or free (default both)."_qs, u"S"_qs, u"both"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print JSON."_qs);
    parser.addOptions({tokensPerDay, spendPerDay, db, from, to, config, orTokens, orFile, vTokens, vSpend, vFile,
                       ourName, ourUrl, metric, margin, scope, json});
    if (const auto exit =
            parseCommandLine(parser, args, u"Plan the Vercel share that ranks us first on both leaderboards."_qs, 0, 0))
        return *exit;

    LeaderboardInputs in;
    const auto m = parseLeaderboardMetric(parser.value(metric));
    if (!m)
        return usageError(u"plan-leaderboard: --metric must be tokens, spend or both"_qs);
    in.metric = *m;
    const auto marginValue = nonNegativeNumber(parser.value(margin));
    if (!marginValue)
        return usageError(u"plan-leaderboard: --margin must be a number of 0 or more"_qs);
    in.marginPercent = *marginValue;
    DefaultShareScope shareScope = DefaultShareScope::Both;
    if (parser.value(scope) == u"paid")
        shareScope = DefaultShareScope::PaidOnly;
    else if (parser.value(scope) == u"free")
        shareScope = DefaultShareScope::FreeOnly;
    else if (parser.value(scope) != u"both")
        return usageError(u"plan-leaderboard: --default-scope must be both, paid or free"_qs);
    if (parser.isSet(orTokens) == parser.isSet(orFile))
        return usageError(
            u"plan-leaderboard: give exactly one of --openrouter-competitor-tokens and --openrouter-rankings"_qs);
    if (!parser.isSet(vTokens) && in.metric != LeaderboardMetric::Spend)
        return usageError(
            u"plan-leaderboard: --vercel-competitor-tokens is required (Vercel's export has no volumes)"_qs);
    if (!parser.isSet(vSpend) && in.metric != LeaderboardMetric::Tokens)
        return usageError(u"plan-leaderboard: --vercel-competitor-spend is required for --metric spend or both"_qs);
    if (!parser.isSet(tokensPerDay) && !parser.isSet(db))
        return usageError(u"plan-leaderboard: give --tokens-per-day or --db"_qs);
    if ((parser.isSet(from) || parser.isSet(to)) && !parser.isSet(db))
        return usageError(u"plan-leaderboard: --from and --to select recorded traffic: they need --db"_qs);
    if (parser.isSet(config) && !parser.isSet(db))
        return usageError(u"plan-leaderboard: --config needs --db (the recorded traffic it routes)"_qs);

    const QCommandLineOption *numberOptions[] = {&tokensPerDay, &spendPerDay, &orTokens, &vTokens, &vSpend};
    double *numberTargets[] = {&in.ourTokensPerDay, &in.ourSpendPerDayUsd, &in.openrouterCompetitorTokens,
                               &in.vercelCompetitorTokens, &in.vercelCompetitorSpendUsd};
    for (int i = 0; i < 5; ++i) {
        if (!parser.isSet(*numberOptions[i]))
            continue;
        const auto v = nonNegativeNumber(parser.value(*numberOptions[i]));
        if (!v)
            return usageError(u"plan-leaderboard: --%1 \"%2\" is not a number of 0 or more"_qs.arg(
                numberOptions[i]->names().first(), parser.value(*numberOptions[i])));
        *numberTargets[i] = *v;
    }

    const OurAppIdentity us{parser.value(ourName), parser.value(ourUrl)};
    if ((parser.isSet(orFile) || parser.isSet(vFile)) && us.name.isEmpty() && us.url.isEmpty())
        err()
            << u"plan-leaderboard: no --our-name or --our-url: every row of the leaderboard files counts as a competitor\n"_qs;
    Competitor orCompetitor{QString(), 0, u"typed"_qs};
    if (parser.isSet(orFile)) {
        const LeaderboardImport imp = importLeaderboardFile(Gateway::OpenRouter, parser.value(orFile), us);
        if (!imp.ok()) {
            err() << joinDiagnostics(imp.problems) << u'\n';
            return ExitInvalidInput;
        }
        if (!imp.strongestCompetitor || !imp.strongestCompetitor->totalTokens) {
            err() << parser.value(orFile) << u": no app other than ours in the rankings\n"_qs;
            return ExitInvalidInput;
        }
        in.openrouterCompetitorTokens = *imp.strongestCompetitor->totalTokens;
        orCompetitor = {imp.strongestCompetitor->name, imp.strongestCompetitor->rank, parser.value(orFile)};
    }
    Competitor vTokenCompetitor{QString(), 0, u"typed"_qs};
    Competitor vSpendCompetitor{QString(), 0, u"typed"_qs};
    for (const QString &file : parser.values(vFile)) {
        const LeaderboardImport imp = importLeaderboardFile(Gateway::Vercel, file, us);
        if (!imp.ok()) {
            err() << joinDiagnostics(imp.problems) << u'\n';
            return ExitInvalidInput;
        }
        if (imp.strongestCompetitor && vTokenCompetitor.name.isEmpty())
            vTokenCompetitor = {imp.strongestCompetitor->name, imp.strongestCompetitor->rank,
                                u"typed, leader from "_qs + file};
        if (imp.strongestBySpend && vSpendCompetitor.name.isEmpty())
            vSpendCompetitor = {imp.strongestBySpend->name, imp.strongestBySpend->rank,
                                u"typed, leader from "_qs + file};
    }

    std::optional<EligibleTraffic> eligible;
    double recordedDays = -1;
    if (parser.isSet(db)) {
#ifdef GW_HAVE_STORE
        QDateTime bounds[2];
        for (const auto &[option, bound] : {std::pair{&from, &bounds[0]}, std::pair{&to, &bounds[1]}}) {
            if (const auto exit = readTimeOption(parser, *option, u"plan-leaderboard"_qs, *bound))
                return *exit;
        }
        store::Database database;
        if (const auto opened = database.open(parser.value(db), store::Database::Access::ReadOnly); !opened.ok()) {
            err() << u"plan-leaderboard: "_qs << opened.error << u'\n';
            return ExitInvalidInput;
        }
        auto usage = database.trafficKeyUsage(bounds[0], bounds[1]);
        if (!usage.ok()) {
            err() << u"plan-leaderboard: "_qs << usage.error << u'\n';
            return ExitInvalidInput;
        }
        const RecordedVolume volume = volumeOf(std::move(usage.value), bounds[0], bounds[1]);
        recordedDays = volume.days;
        if (!parser.isSet(tokensPerDay))
            in.ourTokensPerDay = volume.tokensPerDay;
        if (!parser.isSet(spendPerDay))
            in.ourSpendPerDayUsd = volume.spendPerDayUsd;
        if (parser.isSet(config)) {
            const auto draft = loadConfigOrReport(parser.value(config));
            if (!draft)
                return ExitInvalidInput;
            eligible = eligibleTraffic(volume.usage, *draft);
            in.reach = eligible->reach(shareScope);
        }
#else
        return usageError(u"plan-leaderboard: --db needs a gatewayctl built with the history store"_qs);
#endif
    }
    if (const QStringList problems = validateLeaderboardInputs(in); !problems.isEmpty()) {
        err() << u"plan-leaderboard: "_qs << problems.join(u"; "_qs) << u'\n';
        return ExitInvalidInput;
    }
    const LeaderboardPlan plan = planLeaderboard(in);
    QJsonObject defaultShares;
    if (eligible) {
        // The least share that wins both (when infeasible: what Vercel alone needs; the
        // proposal then says whether the config can reach it).
        const DefaultShareProposal p = proposeDefaultShares(*eligible, plan.lowPercent, shareScope);
        defaultShares = QJsonObject{{u"target_percent"_qs, p.targetPercent},
                                    {u"reachable"_qs, p.reachable},
                                    {u"paid_percent"_qs, p.defaultSharePaidPercent},
                                    {u"free_percent"_qs, p.defaultShareFreePercent},
                                    {u"achieved_percent"_qs, p.achievedPercent}};
    }

    if (parser.isSet(json)) {
        QJsonObject o = planJson(in, plan);
        QJsonObject competitors{{u"openrouter"_qs, competitorJson(orCompetitor, in.openrouterCompetitorTokens)}};
        if (in.metric != LeaderboardMetric::Spend)
            competitors.insert(u"vercel_tokens"_qs, competitorJson(vTokenCompetitor, in.vercelCompetitorTokens));
        if (in.metric != LeaderboardMetric::Tokens)
            competitors.insert(u"vercel_spend"_qs, competitorJson(vSpendCompetitor, in.vercelCompetitorSpendUsd));
        o.insert(u"competitors"_qs, competitors);
        if (recordedDays >= 0)
            o.insert(u"recorded_days"_qs, recordedDays);
        if (!defaultShares.isEmpty())
            o.insert(u"default_shares"_qs, defaultShares);
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out() << plan.explanation << u'\n';
        out() << u"our volume: %1 tokens/day"_qs.arg(in.ourTokensPerDay, 0, 'f', 0);
        if (in.metric != LeaderboardMetric::Tokens)
            out() << u", %1 USD/day"_qs.arg(in.ourSpendPerDayUsd, 0, 'f', 2);
        out() << u"\nreach: %1% fixed on Vercel, up to %2% movable by the default share\n"_qs
                     .arg(in.reach.fixedVercelPercent, 0, 'f', 1)
                     .arg(in.reach.eligiblePercent, 0, 'f', 1);
        for (const ShareConstraint &c : plan.constraints)
            out() << u"  %1 %2 %3%\n"_qs
                         .arg(shareConstraintName(c.kind).leftJustified(18), c.upper ? u"<="_qs : u">="_qs)
                         .arg(c.boundPercent, 0, 'f', 3);
        if (!defaultShares.isEmpty())
            out() << u"default shares: paid %1%, free %2% -> %3% of tokens on Vercel%4\n"_qs
                         .arg(defaultShares.value(u"paid_percent").toDouble(), 0, 'f', 3)
                         .arg(defaultShares.value(u"free_percent").toDouble(), 0, 'f', 3)
                         .arg(defaultShares.value(u"achieved_percent").toDouble(), 0, 'f', 2)
                         .arg(defaultShares.value(u"reachable").toBool() ? QString() : u" (target out of reach)"_qs);
    }
    out().flush();
    return plan.feasible ? ExitOk : ExitPlanInfeasible;
}

} // namespace gw::cli
