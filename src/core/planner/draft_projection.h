#pragma once
// The draft over recorded traffic: the Planner asks what the draft would do if it went live now
// and the recorded traffic came again. So the traffic's first hour is placed at the instant the
// draft goes live, and each draft rule counts for the part of that span it is in force: a
// disabled rule nowhere, a rule that has already expired nowhere, a rule without an expiry
// everywhere, and a rule that expires in 2 hours for the first 2 hours of the replayed traffic
// (not for the whole week, as it would if its expiry were compared with last week's clock).
//
// Rules have no start time (ROUTING-CONTRACT.md): a draft rule is in force from the moment the
// draft goes live. The live side needs none of this: the config that was live at each hour is
// decided at that hour's own clock, so its rules already count only while they were in force.
#include "config/config.h"
#include "traffic/key_usage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

struct DraftProjection {
    qint64 liveFromMs = 0;     // when the draft would go live: the replay's "now"
    qint64 trafficStartMs = 0; // the first recorded hour
    qint64 trafficEndMs = 0;   // the end of the last recorded hour (start + 1 h)

    // Over `usage` (any order; empty: a span of zero at liveFromMs).
    static DraftProjection over(const QList<TrafficKeyUsage> &usage, qint64 liveFromMs);

    qint64 spanMs() const { return trafficEndMs - trafficStartMs; }
    // The draft's clock for traffic recorded at `recordedMs`.
    qint64 projectedMs(qint64 recordedMs) const { return liveFromMs + (recordedMs - trafficStartMs); }
};

enum class RuleInForce {
    Always,  // enabled, no expiry or one after the replayed span
    Partly,  // enabled, expires within the replayed span
    Expired, // enabled, expired before the draft goes live
    Disabled,
};
QString ruleInForceName(RuleInForce state); // "always" | "partly" | "expired" | "disabled"

// How much of the replayed span one draft rule is in force for.
struct RuleWindow {
    QString id;
    RuleInForce state = RuleInForce::Always;
    std::optional<QDateTime> expiresAt; // the rule's own expiry (UTC)
    qint64 inForceMs = 0;               // of DraftProjection::spanMs()
    qint64 spanMs = 0;
    double percentOfSpan() const { return spanMs > 0 ? 100.0 * double(inForceMs) / double(spanMs) : 0.0; }
};

// Every rule of `draft`, in the config's order.
QList<RuleWindow> draftRuleWindows(const RoutingConfig &draft, const DraftProjection &projection);

// What the draft decides for one usage row, at the draft's clock for that row.
Decision decideDraftForUsage(const Router &draftRouter, const TrafficKeyUsageKey &key,
                             const DraftProjection &projection);

} // namespace gw
