#include "planner/draft_projection.h"

#include <algorithm>
#include <limits>

namespace gw {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
}

DraftProjection DraftProjection::over(const QList<TrafficKeyUsage> &usage, qint64 liveFromMs)
{
    DraftProjection p;
    p.liveFromMs = liveFromMs;
    if (usage.isEmpty()) {
        p.trafficStartMs = p.trafficEndMs = liveFromMs;
        return p;
    }
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const TrafficKeyUsage &row : usage) {
        first = std::min(first, row.key.hourStartMs);
        last = std::max(last, row.key.hourStartMs);
    }
    p.trafficStartMs = first;
    p.trafficEndMs = last + kHourMs;
    return p;
}

QString ruleInForceName(RuleInForce state)
{
    switch (state) {
    case RuleInForce::Always: return QStringLiteral("always");
    case RuleInForce::Partly: return QStringLiteral("partly");
    case RuleInForce::Expired: return QStringLiteral("expired");
    case RuleInForce::Disabled: return QStringLiteral("disabled");
    }
    return {};
}

QList<RuleWindow> draftRuleWindows(const RoutingConfig &draft, const DraftProjection &projection)
{
    QList<RuleWindow> windows;
    windows.reserve(draft.rules.size());
    const qint64 span = projection.spanMs();
    for (const Rule &rule : draft.rules) {
        RuleWindow w;
        w.id = rule.id;
        w.expiresAt = rule.expiresAt;
        w.spanMs = span;
        if (!rule.enabled) {
            w.state = RuleInForce::Disabled;
        } else if (!rule.expiresAt) {
            w.state = RuleInForce::Always;
            w.inForceMs = span;
        } else {
            // In force on the draft's clock while it is before the expiry (the router's rule:
            // a rule stops applying at its expiry instant).
            const qint64 expires = rule.expiresAt->toMSecsSinceEpoch();
            const qint64 inForce = std::clamp(expires - projection.liveFromMs, qint64(0), span);
            w.inForceMs = inForce;
            w.state = expires <= projection.liveFromMs ? RuleInForce::Expired
                      : inForce >= span                ? RuleInForce::Always
                                                       : RuleInForce::Partly;
        }
        windows.append(w);
    }
    return windows;
}

Decision decideDraftForUsage(const Router &draftRouter, const TrafficKeyUsageKey &key,
                             const DraftProjection &projection)
{
    return decideForUsageAt(draftRouter, key, projection.projectedMs(key.hourStartMs));
}

} // namespace gw
