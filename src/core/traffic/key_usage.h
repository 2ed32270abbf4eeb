#pragma once
// Recorded traffic per sticky-key input, the form in which the Monitor's share-vs-target series
// and the Planner's what-if replay decide the same traffic again with gwcore.
//
// A routing decision depends on the model, the user, the task and the clock, so those four are
// kept (the clock to the hour); everything else is summed. The log carries no provider
// preferences and no client features, so rules that match on those cannot be re-decided from
// it (decideForUsage says so through its result's reason, never silently guesses).
#include "config/config.h"
#include "routing/router.h"
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace gw {

struct TrafficKeyUsageKey {
    qint64 hourStartMs = 0;                // UTC hour the requests started in
    Gateway gateway = Gateway::OpenRouter; // the gateway that actually served them
    QString model;                         // requested, OpenRouter id
    QString user;
    QString task;
    bool operator==(const TrafficKeyUsageKey &) const = default;
};
size_t qHash(const TrafficKeyUsageKey &key, size_t seed = 0);

struct TrafficKeyUsage {
    TrafficKeyUsageKey key;
    quint64 requests = 0;
    quint64 errors = 0;    // status class other than "ok"
    quint64 fallbacks = 0; // served here after the other gateway failed (fallback_from)
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    quint64 cachedTokens = 0;
    quint64 reasoningTokens = 0;
    double costUsd = 0;                       // as logged (reported or estimated)
    quint64 costCount = 0;                    // requests that logged a cost
    void merge(const TrafficKeyUsage &other); // same key: sums
};

// Live error rates over the failover window, when known; none means "no failover boost".
struct GatewayErrorRates {
    std::optional<double> openrouter;
    std::optional<double> vercel;
};

// What `router` decides for the requests of one usage row: no provider preferences, no
// features, the clock at the row's hour start.
Decision decideForUsage(const Router &router, const TrafficKeyUsageKey &key, const GatewayErrorRates &rates = {});
// The same with the clock at `atMs` instead of the row's hour (a draft replayed as if live now).
Decision decideForUsageAt(const Router &router, const TrafficKeyUsageKey &key, qint64 atMs,
                          const GatewayErrorRates &rates = {});

// The config that was live at each instant: the exported revisions, each from its time on.
// Before the first one (or when there is none) the fallback applies, e.g. the current draft.
class ConfigTimeline {
public:
    explicit ConfigTimeline(const RoutingConfig &fallback);
    void add(qint64 liveFromMs, const RoutingConfig &config); // any order; equal times: last wins
    const Router &routerAt(qint64 ms) const;
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        qint64 fromMs;
        std::shared_ptr<Router> router;
    };
    std::shared_ptr<Router> m_fallback;
    QList<Entry> m_entries; // sorted by fromMs
};

} // namespace gw
