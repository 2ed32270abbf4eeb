#pragma once
// The gates of a guarded ramp step, judged on the monitor's traffic buckets in the plan's window:
//   error rate: Vercel's not worse than OpenRouter's + margin, by a one-sided pooled
//               two-proportion z-test at the plan's confidence;
//   TTFT p95:   Vercel's at most max_ttft_p95_worse_percent above OpenRouter's;
//   cost/Mtok:  Vercel's at most max_cost_per_mtok_worse_percent above OpenRouter's.
// Verdict: "roll_back" when a gate fails (the error test as soon as both gateways have traffic,
// since a significant result is significant at any volume; TTFT and cost only with enough data),
// else "hold" while a gateway has fewer than min_requests_per_gateway requests in the window,
// else "advance".

#include "planner/ramp_plan.h"
#include "traffic/buckets.h"

#include <QList>
#include <QString>

#include <optional>

namespace gw {

struct TwoProportionTest {
    bool valid = false; // false when a sample is empty or the pooled variance is 0
    double rateA = 0;   // errorsA / nA
    double rateB = 0;
    double pooledRate = 0;
    double z = 0;      // (rateA - rateB - margin) / sqrt(p (1 - p) (1/nA + 1/nB))
    double pValue = 1; // one-sided P(Z >= z): evidence that rateA exceeds rateB + margin
};

// H0: pA - pB <= margin; H1: pA - pB > margin (margin as a fraction, e.g. 0.01 for 1 point).
// The pooled standard error is used for any margin (a documented simplification).
TwoProportionTest twoProportionZTest(quint64 errorsA, quint64 nA, quint64 errorsB, quint64 nB, double margin);
double normalUpperTail(double z); // P(Z >= z) = erfc(z / sqrt 2) / 2

enum class RampVerdict { Advance, Hold, RollBack };
QString rampVerdictName(RampVerdict verdict); // "advance" | "hold" | "roll_back"

// One gateway's traffic in the window for the plan's scope.
struct RampGatewayStats {
    quint64 requests = 0;
    quint64 errors = 0; // status class other than "ok"
    quint64 tokens = 0; // prompt + completion
    double costUsd = 0; // reported + estimated
    quint64 costedRequests = 0;
    LatencyHistogram ttft;
    double errorRate() const { return requests ? double(errors) / double(requests) : 0.0; }
    double ttftP95Ms() const { return ttft.quantile(0.95); }
    std::optional<double> costPerMtokUsd() const; // none without cost or tokens
};

struct RampGateResult {
    enum class Gate { ErrorRate, TtftP95, CostPerMtok };
    Gate gate = Gate::ErrorRate;
    bool evaluated = false; // false: not enough data (or no cost/TTFT data at all)
    bool passed = true;
    double vercelValue = 0; // error rate (fraction), p95 ms, USD per Mtok
    double openrouterValue = 0;
    double limit = 0;        // error: the p-value threshold (1 - confidence); others: max allowed Vercel value
    double worsePercent = 0; // TTFT and cost: how much Vercel is above OpenRouter, percent
    TwoProportionTest test;  // error rate only
    QString detail;          // one sentence with the numbers (translatable)
};
QString rampGateName(RampGateResult::Gate gate); // "error_rate" | "ttft_p95" | "cost_per_mtok"

struct RampEvaluation {
    RampVerdict verdict = RampVerdict::Hold;
    qint64 windowFromMs = 0;
    qint64 windowToMs = 0;
    RampGatewayStats vercel;
    RampGatewayStats openrouter;
    QList<RampGateResult> gates;    // error rate, TTFT p95, cost per Mtok
    quint64 moreRequestsVercel = 0; // hold: missing requests per gateway
    quint64 moreRequestsOpenRouter = 0;
    int currentStep = 0;
    int proposedStep = 0; // advance: current + 1 (last: stays); roll back: current - 1; hold: current
    double currentSharePercent = 0;
    double proposedSharePercent = 0;
    bool complete = false; // advance at the last step: the ramp is done
    QString summary;       // one sentence (translatable)
};

// Only buckets inside [nowMs - window, nowMs) count: for a model scope those of that model, for
// the default scope those of models served by both gateways in the window.
RampEvaluation evaluateRamp(const RampPlan &plan, const QList<TrafficBucket> &buckets, qint64 nowMs);

} // namespace gw
