#include "traffic/key_usage.h"

#include <QHashFunctions>
#include <algorithm>

namespace gw {

size_t qHash(const TrafficKeyUsageKey &key, size_t seed)
{
    return qHashMulti(seed, key.hourStartMs, int(key.gateway), key.model, key.user, key.task);
}

void TrafficKeyUsage::merge(const TrafficKeyUsage &other)
{
    requests += other.requests;
    errors += other.errors;
    fallbacks += other.fallbacks;
    promptTokens += other.promptTokens;
    completionTokens += other.completionTokens;
    cachedTokens += other.cachedTokens;
    reasoningTokens += other.reasoningTokens;
    costUsd += other.costUsd;
    costCount += other.costCount;
}

Decision decideForUsage(const Router &router, const TrafficKeyUsageKey &key, const GatewayErrorRates &rates)
{
    return decideForUsageAt(router, key, key.hourStartMs, rates);
}

Decision decideForUsageAt(const Router &router, const TrafficKeyUsageKey &key, qint64 atMs,
                          const GatewayErrorRates &rates)
{
    RouteRequest request;
    request.model = key.model;
    request.user = key.user;
    request.task = key.task;
    request.openrouterErrorRate = rates.openrouter;
    request.vercelErrorRate = rates.vercel;
    request.now = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    return router.decide(request);
}

ConfigTimeline::ConfigTimeline(const RoutingConfig &fallback) : m_fallback(std::make_shared<Router>(fallback)) {}

void ConfigTimeline::add(qint64 liveFromMs, const RoutingConfig &config)
{
    // upper_bound keeps insertion order among equal times, so the last added wins in routerAt.
    const auto at = std::upper_bound(m_entries.begin(), m_entries.end(), liveFromMs,
                                     [](qint64 ms, const Entry &e) { return ms < e.fromMs; });
    m_entries.insert(at, Entry{liveFromMs, std::make_shared<Router>(config)});
}

const Router &ConfigTimeline::routerAt(qint64 ms) const
{
    // The last entry whose start is at or before `ms`.
    const auto after = std::upper_bound(m_entries.cbegin(), m_entries.cend(), ms,
                                        [](qint64 t, const Entry &e) { return t < e.fromMs; });
    if (after == m_entries.cbegin())
        return *m_fallback;
    return *std::prev(after)->router;
}

} // namespace gw
