#include "planner/ramp_gate.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace gw {

namespace {

// Messages the user reads in the Planner. A class with this context (rather than a helper taking
// a char pointer) is what lupdate can see, so the app's translation covers them.
struct RampGateText {
    Q_DECLARE_TR_FUNCTIONS(gw::RampGate)
};

QString num(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

bool inScope(const RampPlan &plan, const TrafficBucket &bucket)
{
    return plan.isDefaultScope() || bucket.key.model == plan.scope;
}

void addBucket(RampGatewayStats &stats, const TrafficBucket &bucket)
{
    const TrafficBucketValues &v = bucket.values;
    stats.requests += v.requests;
    if (bucket.key.statusClass != u"ok")
        stats.errors += v.requests;
    stats.tokens += v.promptTokens + v.completionTokens;
    stats.costUsd += v.costReportedUsd + v.costEstimatedUsd;
    stats.costedRequests += v.costReportedCount + v.costEstimatedCount;
    stats.ttft.merge(v.ttft);
}

RampGateResult errorGate(const RampPlan &plan, const RampGatewayStats &vercel, const RampGatewayStats &openrouter)
{
    RampGateResult g;
    g.gate = RampGateResult::Gate::ErrorRate;
    g.vercelValue = vercel.errorRate();
    g.openrouterValue = openrouter.errorRate();
    g.limit = 1.0 - plan.confidence;
    if (vercel.requests == 0 || openrouter.requests == 0) {
        g.detail = RampGateText::tr("error rate: no traffic on %1 yet")
                       .arg(vercel.requests == 0 ? u"Vercel"_qs : u"OpenRouter"_qs);
        return g;
    }
    g.evaluated = true;
    g.test = twoProportionZTest(vercel.errors, vercel.requests, openrouter.errors, openrouter.requests,
                                plan.errorMarginPoints / 100.0);
    // Without variance (no errors anywhere, or only errors) the rates are equal: not worse.
    g.passed = !g.test.valid || g.test.pValue >= g.limit;
    g.detail = RampGateText::tr("error rate: Vercel %1% vs OpenRouter %2% (margin %3 points): z = %4, p = %5 %6 %7")
                   .arg(num(100 * g.vercelValue), num(100 * g.openrouterValue), num(plan.errorMarginPoints),
                        num(g.test.z, 3), num(g.test.pValue, 4), g.passed ? u">="_qs : u"<"_qs, num(g.limit, 4));
    return g;
}

// A "not worse by more than X%" gate on two positive values.
RampGateResult relativeGate(RampGateResult::Gate gate, std::optional<double> vercel, std::optional<double> openrouter,
                            double maxWorsePercent, bool enoughData, const QString &what, const QString &unit)
{
    RampGateResult g;
    g.gate = gate;
    if (!enoughData) {
        g.detail = RampGateText::tr("%1: waiting for enough requests").arg(what);
        return g;
    }
    if (!vercel || !openrouter || *openrouter <= 0) {
        g.detail = RampGateText::tr("%1: no data recorded on both gateways").arg(what);
        return g;
    }
    g.evaluated = true;
    g.vercelValue = *vercel;
    g.openrouterValue = *openrouter;
    g.limit = *openrouter * (1.0 + maxWorsePercent / 100.0);
    g.worsePercent = 100.0 * (*vercel / *openrouter - 1.0);
    g.passed = *vercel <= g.limit;
    g.detail = RampGateText::tr("%1: Vercel %2 %3 vs OpenRouter %4 %3 (%5%, allowed +%6%)")
                   .arg(what, num(*vercel), unit, num(*openrouter), num(g.worsePercent, 1), num(maxWorsePercent, 1));
    return g;
}

} // namespace

double normalUpperTail(double z)
{
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

TwoProportionTest twoProportionZTest(quint64 errorsA, quint64 nA, quint64 errorsB, quint64 nB, double margin)
{
    TwoProportionTest t;
    if (nA == 0 || nB == 0)
        return t;
    t.rateA = double(errorsA) / double(nA);
    t.rateB = double(errorsB) / double(nB);
    t.pooledRate = double(errorsA + errorsB) / double(nA + nB);
    const double variance = t.pooledRate * (1.0 - t.pooledRate) * (1.0 / double(nA) + 1.0 / double(nB));
    if (!(variance > 0))
        return t;
    t.valid = true;
    t.z = (t.rateA - t.rateB - margin) / std::sqrt(variance);
    t.pValue = normalUpperTail(t.z);
    return t;
}

QString rampVerdictName(RampVerdict verdict)
{
    switch (verdict) {
    case RampVerdict::Advance: return QStringLiteral("advance");
    case RampVerdict::Hold: return QStringLiteral("hold");
    case RampVerdict::RollBack: return QStringLiteral("roll_back");
    }
    return {};
}

QString rampGateName(RampGateResult::Gate gate)
{
    switch (gate) {
    case RampGateResult::Gate::ErrorRate: return QStringLiteral("error_rate");
    case RampGateResult::Gate::TtftP95: return QStringLiteral("ttft_p95");
    case RampGateResult::Gate::CostPerMtok: return QStringLiteral("cost_per_mtok");
    }
    return {};
}

std::optional<double> RampGatewayStats::costPerMtokUsd() const
{
    if (costedRequests == 0 || tokens == 0)
        return std::nullopt;
    return costUsd / double(tokens) * 1e6;
}

RampEvaluation evaluateRamp(const RampPlan &plan, const QList<TrafficBucket> &buckets, qint64 nowMs)
{
    RampEvaluation e;
    e.windowToMs = nowMs;
    e.windowFromMs = nowMs - qint64(plan.windowMinutes) * 60'000;
    e.currentStep = plan.currentStep;
    e.currentSharePercent = plan.currentSharePercent();
    const auto inWindow = [&](const TrafficBucket &b) {
        return b.key.startMs >= e.windowFromMs && b.key.startMs < e.windowToMs && inScope(plan, b);
    };
    // The default scope compares like with like: only models served by both gateways in the
    // window, so OpenRouter's models that Vercel does not carry do not skew error rates,
    // latency or cost.
    QSet<QString> onVercel;
    QSet<QString> onOpenRouter;
    for (const TrafficBucket &b : buckets)
        if (inWindow(b) && b.values.requests > 0)
            (b.key.gateway == Gateway::Vercel ? onVercel : onOpenRouter).insert(b.key.model);
    // Before Vercel served any of OpenRouter's models there is nothing to compare: count all, so
    // that "hold" names the gateway that lacks traffic.
    const bool onBothOnly = plan.isDefaultScope() && onVercel.intersects(onOpenRouter);
    for (const TrafficBucket &b : buckets) {
        if (!inWindow(b) || (onBothOnly && !(onVercel.contains(b.key.model) && onOpenRouter.contains(b.key.model))))
            continue;
        addBucket(b.key.gateway == Gateway::Vercel ? e.vercel : e.openrouter, b);
    }

    const quint64 need = plan.minRequestsPerGateway;
    e.moreRequestsVercel = e.vercel.requests < need ? need - e.vercel.requests : 0;
    e.moreRequestsOpenRouter = e.openrouter.requests < need ? need - e.openrouter.requests : 0;
    const bool enough = e.moreRequestsVercel == 0 && e.moreRequestsOpenRouter == 0;

    const auto ttft = [](const RampGatewayStats &s) {
        return s.ttft.isEmpty() ? std::nullopt : std::optional<double>(s.ttftP95Ms());
    };
    e.gates.append(errorGate(plan, e.vercel, e.openrouter));
    e.gates.append(relativeGate(RampGateResult::Gate::TtftP95, ttft(e.vercel), ttft(e.openrouter),
                                plan.maxTtftP95WorsePercent, enough, RampGateText::tr("TTFT p95"), u"ms"_qs));
    e.gates.append(relativeGate(RampGateResult::Gate::CostPerMtok, e.vercel.costPerMtokUsd(),
                                e.openrouter.costPerMtokUsd(), plan.maxCostPerMtokWorsePercent, enough,
                                RampGateText::tr("cost per Mtok"), u"USD"_qs));

    QStringList failed;
    for (const RampGateResult &g : std::as_const(e.gates))
        if (g.evaluated && !g.passed)
            failed.append(g.detail);
    const int last = int(plan.stepsPercent.size()) - 1;
    if (!failed.isEmpty()) {
        e.verdict = RampVerdict::RollBack;
        e.proposedStep = std::max(-1, plan.currentStep - 1);
        e.proposedSharePercent = plan.sharePercentAt(e.proposedStep);
        e.summary =
            RampGateText::tr("Roll back to %1%: %2.").arg(num(e.proposedSharePercent, 3), failed.join(u"; "_qs));
    } else if (!enough) {
        e.verdict = RampVerdict::Hold;
        e.proposedStep = plan.currentStep;
        e.proposedSharePercent = e.currentSharePercent;
        QStringList missing;
        if (e.moreRequestsVercel)
            missing.append(RampGateText::tr("%1 more requests on Vercel").arg(e.moreRequestsVercel));
        if (e.moreRequestsOpenRouter)
            missing.append(RampGateText::tr("%1 more requests on OpenRouter").arg(e.moreRequestsOpenRouter));
        e.summary = RampGateText::tr("Hold at %1%: not enough data, %2 needed in the window.")
                        .arg(num(e.currentSharePercent, 3), missing.join(RampGateText::tr(" and ")));
    } else {
        e.verdict = RampVerdict::Advance;
        e.complete = plan.currentStep >= last;
        e.proposedStep = std::min(plan.currentStep + 1, last);
        e.proposedSharePercent = plan.sharePercentAt(e.proposedStep);
        e.summary = e.complete ? RampGateText::tr("All gates pass at the last step (%1%): the ramp is complete.")
                                     .arg(num(e.currentSharePercent, 3))
                               : RampGateText::tr("Advance from %1% to %2%: all gates pass.")
                                     .arg(num(e.currentSharePercent, 3), num(e.proposedSharePercent, 3));
    }
    return e;
}

} // namespace gw
