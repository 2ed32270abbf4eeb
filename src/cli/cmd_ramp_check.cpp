// gatewayctl ramp-check: judge the current step of a guarded ramp on the recorded traffic.
// Exit codes: 0 advance, 3 hold, 4 roll back, 1 invalid input, 2 usage (docs/planner.md).
#include "cli_common.h"
#include "commands.h"

#include "config/config_io.h"
#include "database.h"
#include "planner/ramp_gate.h"
#include "traffic/time_range.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

namespace {

constexpr int ExitRampHold = 3;
constexpr int ExitRampRollBack = 4;

QJsonObject statsJson(const RampGatewayStats &s)
{
    QJsonObject o{{u"requests"_qs, double(s.requests)},
                  {u"errors"_qs, double(s.errors)},
                  {u"error_rate"_qs, s.errorRate()},
                  {u"tokens"_qs, double(s.tokens)},
                  {u"cost_usd"_qs, s.costUsd}};
    if (!s.ttft.isEmpty())
        o.insert(u"ttft_p95_ms"_qs, s.ttftP95Ms());
    if (const auto c = s.costPerMtokUsd())
        o.insert(u"cost_per_mtok_usd"_qs, *c);
    return o;
}

QJsonObject gateJson(const RampGateResult &g)
{
    QJsonObject o{{u"gate"_qs, rampGateName(g.gate)},
                  {u"evaluated"_qs, g.evaluated},
                  {u"passed"_qs, g.passed},
                  {u"detail"_qs, g.detail}};
    if (!g.evaluated)
        return o;
    o.insert(u"vercel"_qs, g.vercelValue);
    o.insert(u"openrouter"_qs, g.openrouterValue);
    o.insert(u"limit"_qs, g.limit);
    if (g.gate == RampGateResult::Gate::ErrorRate) {
        o.insert(u"z"_qs, g.test.z);
        o.insert(u"p_value"_qs, g.test.pValue);
    } else {
        o.insert(u"worse_percent"_qs, g.worsePercent);
    }
    return o;
}

} // namespace

int runRampCheck(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption db(u"db"_qs, u"The history database."_qs, u"FILE"_qs);
    const QCommandLineOption planFile(u"plan"_qs, u"The ramp plan (JSON)."_qs, u"PLAN"_qs);
    const QCommandLineOption now(u"now"_qs, u"Evaluate as of this time (RFC 3339; default: now)."_qs, u"T"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print JSON."_qs);
    parser.addOptions({db, planFile, now, json});
    if (const auto exit = parseCommandLine(
            parser, args, u"Judge a guarded ramp's current step: advance (0), hold (3) or roll back (4)."_qs, 0, 0))
        return *exit;
    if (!parser.isSet(db) || !parser.isSet(planFile))
        return usageError(u"ramp-check: --db and --plan are required"_qs);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (const auto exit = readTimeOption(parser, now, u"ramp-check"_qs, at))
        return *exit;

    const RampPlanLoadResult loaded = loadRampPlanFile(parser.value(planFile));
    if (!loaded.plan) {
        err() << joinDiagnostics(loaded.diagnostics) << u'\n';
        return ExitInvalidInput;
    }
    const RampPlan &plan = *loaded.plan;

    store::Database database;
    if (const auto opened = database.open(parser.value(db), store::Database::Access::ReadOnly); !opened.ok()) {
        err() << u"ramp-check: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    const qint64 nowMs = at.toMSecsSinceEpoch();
    const QDateTime windowFrom = QDateTime::fromMSecsSinceEpoch(nowMs - qint64(plan.windowMinutes) * 60'000, Qt::UTC);
    const auto buckets = database.trafficBuckets(rampWindowResolution(plan.windowMinutes), windowFrom, at);
    if (!buckets.ok()) {
        err() << u"ramp-check: "_qs << buckets.error << u'\n';
        return ExitInvalidInput;
    }
    const RampEvaluation e = evaluateRamp(plan, buckets.value, nowMs);

    if (parser.isSet(json)) {
        QJsonArray gates;
        for (const RampGateResult &g : e.gates)
            gates.append(gateJson(g));
        const QJsonObject o{
            {u"verdict"_qs, rampVerdictName(e.verdict)},
            {u"summary"_qs, e.summary},
            {u"scope"_qs, plan.scope},
            {u"current_step"_qs, e.currentStep},
            {u"current_share_percent"_qs, e.currentSharePercent},
            {u"proposed_step"_qs, e.proposedStep},
            {u"proposed_share_percent"_qs, e.proposedSharePercent},
            {u"complete"_qs, e.complete},
            {u"window"_qs, QJsonObject{{u"from"_qs, formatRfc3339(windowFrom)}, {u"to"_qs, formatRfc3339(at)}}},
            {u"more_requests"_qs, QJsonObject{{u"vercel"_qs, double(e.moreRequestsVercel)},
                                              {u"openrouter"_qs, double(e.moreRequestsOpenRouter)}}},
            {u"gateways"_qs,
             QJsonObject{{u"vercel"_qs, statsJson(e.vercel)}, {u"openrouter"_qs, statsJson(e.openrouter)}}},
            {u"gates"_qs, gates},
        };
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out() << rampVerdictName(e.verdict) << u": "_qs << e.summary << u'\n';
        for (const RampGateResult &g : e.gates)
            out() << u"  "_qs << (g.evaluated ? (g.passed ? u"pass "_qs : u"FAIL "_qs) : u"---- "_qs) << g.detail
                  << u'\n';
    }
    out().flush();
    switch (e.verdict) {
    case RampVerdict::Advance: return ExitOk;
    case RampVerdict::Hold: return ExitRampHold;
    case RampVerdict::RollBack: return ExitRampRollBack;
    }
    return ExitOk;
}

} // namespace gw::cli
