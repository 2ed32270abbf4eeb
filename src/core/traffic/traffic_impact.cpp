#include "traffic/traffic_impact.h"

#include "routing/router.h"

#include <QHash>
#include <QSet>

namespace gw {

TrafficImpact trafficImpact(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft,
                            const RoutingConfig &before, const QDateTime &now, const std::atomic<bool> *cancel)
{
    struct Sums {
        ModelTrafficImpact impact;
        QSet<QString> users;
        QSet<QString> usersMoved;
    };
    const Router draftRouter(draft);
    const Router beforeRouter(before);
    const qint64 nowMs = (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    QHash<QString, Sums> perModel;
    QHash<TrafficKeyUsageKey, std::pair<Gateway, Gateway>> decisions; // before, draft
    QSet<QString> users, usersMoved;
    TrafficImpact result;
    for (const TrafficKeyUsage &row : usage) {
        if (cancel && (result.rows & 0x3ff) == 0 && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            break;
        }
        ++result.rows;
        TrafficKeyUsageKey key = row.key;
        key.hourStartMs = nowMs; // every hour of one (model, user, task) is decided alike: once
        key.gateway = Gateway::OpenRouter;
        auto decided = decisions.constFind(key);
        if (decided == decisions.cend())
            decided = decisions.insert(
                key, {decideForUsage(beforeRouter, key).gateway, decideForUsage(draftRouter, key).gateway});
        const Gateway was = decided->first;
        const Gateway after = decided->second;
        Sums &sums = perModel[key.model];
        sums.impact.requests += row.requests;
        sums.users.insert(key.user);
        users.insert(key.user);
        result.requests += row.requests;
        if (after == was)
            continue;
        sums.impact.requestsMoved += row.requests;
        (after == Gateway::Vercel ? sums.impact.toVercel : sums.impact.toOpenRouter) += row.requests;
        sums.usersMoved.insert(key.user);
        usersMoved.insert(key.user);
        result.requestsMoved += row.requests;
    }
    for (auto it = perModel.begin(); it != perModel.end(); ++it) {
        ModelTrafficImpact impact = it->impact;
        impact.model = it.key();
        impact.users = quint64(it->users.size());
        impact.usersMoved = quint64(it->usersMoved.size());
        result.perModel.append(impact);
    }
    std::sort(result.perModel.begin(), result.perModel.end(),
              [](const ModelTrafficImpact &a, const ModelTrafficImpact &b) { return a.model < b.model; });
    result.users = quint64(users.size());
    result.usersMoved = quint64(usersMoved.size());
    return result;
}

} // namespace gw
