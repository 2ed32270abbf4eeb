#pragma once
// A guarded ramp: the Vercel share of one model (or of the default) raised in steps, e.g.
// 2% -> 5% -> 10%, each step held until the monitor's data shows Vercel is not worse than
// OpenRouter. The plan file (JSON, documented in docs/planner.md):
//   {"scope": "default" | "<OpenRouter model id>", "steps": [2, 5, 10], "current_step": 0,
//    "min_requests_per_gateway": 1000, "error_margin_points": 1.0, "confidence": 0.95,
//    "max_ttft_p95_worse_percent": 20, "max_cost_per_mtok_worse_percent": 10,
//    "window_minutes": 1440}
// The gates themselves are in ramp_gate.h.

#include "config/config.h"
#include "util/diagnostic.h"
#include "util/outcome.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

struct RampPlan {
    QString scope = QStringLiteral("default"); // "default" or an OpenRouter model id
    QList<double> stepsPercent{2, 5, 10};      // strictly increasing, 0 < s <= 100
    int currentStep = 0;                       // index into stepsPercent; -1: rolled back to 0%
    quint64 minRequestsPerGateway = 1000;      // in the window, per gateway, before judging
    double errorMarginPoints = 1.0;            // Vercel may err this many points more
    double confidence = 0.95;                  // of the one-sided error-rate test, 0.5..<1
    double maxTtftP95WorsePercent = 20;        // Vercel's p95 TTFT at most this much above
    double maxCostPerMtokWorsePercent = 10;    // Vercel's cost per Mtok at most this much above
    int windowMinutes = 1440;                  // the evaluation window ends at "now"

    bool isDefaultScope() const { return scope == u"default"; }
    double currentSharePercent() const { return sharePercentAt(currentStep); }
    double sharePercentAt(int step) const
    {
        return step < 0 ? 0.0 : stepsPercent.value(qMin(step, int(stepsPercent.size()) - 1));
    }
    bool atLastStep() const { return currentStep >= int(stepsPercent.size()) - 1; }
    bool operator==(const RampPlan &) const = default;
};

// The id of the rule a model ramp writes: "ramp-<model>".
QString rampRuleId(const QString &model);

struct RampPlanLoadResult {
    std::optional<RampPlan> plan; // set when there are no errors
    Diagnostics diagnostics;      // each with file, line:column and JSON path
};
RampPlanLoadResult loadRampPlan(QByteArrayView bytes, const QString &fileName);
RampPlanLoadResult loadRampPlanFile(const QString &path);

QJsonObject rampPlanToJson(const RampPlan &plan);
QByteArray rampPlanBytes(const RampPlan &plan);                            // indented JSON
Outcome<bool> saveRampPlanFile(const QString &path, const RampPlan &plan); // atomically

// The config with the plan's scope at step `step`: the step's share, or 0 for step -1 (rolled
// back below the first step). Scope "default": both default shares. A model: the rule
// "ramp-<model>" (match.models [model], action.vercel_share) is updated, or created in front of
// the other rules so that it decides the model. Steps past the last are clamped to the last.
RoutingConfig withRampStep(const RoutingConfig &config, const RampPlan &plan, int step);

// The plan moved to `step`, clamped to -1..last (-1: rolled back below the first step, 0%).
RampPlan withCurrentStep(const RampPlan &plan, int step);

} // namespace gw
