#pragma once
// What-if replay: recorded traffic (per sticky-key usage rows) decided again by the draft config
// and by the live one (a ConfigTimeline: each row by the config live at its hour), then summed
// per gateway x model with requests, tokens and cost, and the churn between the two.
//
// Cost of a row on the gateway the config sends it to: the recorded cost per token of the same
// model on that gateway when the traffic has one (rows that logged a cost for every request),
// else the catalog price (estimateCostUsd), else unknown. Each group says which it used.
// Rows are decided without failover boost and without provider preferences (decideForUsage).
//
// The draft's rules count only while they are in force (draft_projection.h): the traffic is
// replayed as if its first hour came when the draft goes live, so a rule that expires in 2 hours
// decides the first 2 hours of a week of traffic, not all of it. The live side decides each row
// at its own hour, so its rules count for the hours they were in force then.

#include "catalog/catalog.h"
#include "config/config.h"
#include "planner/draft_projection.h"
#include "traffic/key_usage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace gw {

enum class CostBasis { Recorded, Catalog, Mixed, Unknown };
QString costBasisName(CostBasis basis); // "recorded" | "catalog" | "mixed" | "unknown"

// Catalog prices per gateway, keyed by the model id ON THAT GATEWAY (OpenRouter id for
// OpenRouter, the mapped Vercel id for Vercel).
struct ReplayPrices {
    QHash<QString, CatalogModel> openrouter;
    QHash<QString, CatalogModel> vercel;
    static ReplayPrices fromCatalogs(const QList<CatalogModel> &openrouter, const QList<CatalogModel> &vercel);
};

struct ReplayGroup {
    Gateway gateway = Gateway::OpenRouter;
    QString model; // requested (OpenRouter id)
    quint64 requests = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    double costUsd = 0;           // priced requests only
    quint64 unpricedRequests = 0; // neither recorded nor catalog price
    CostBasis costBasis = CostBasis::Unknown;
    double sharePercent = 0; // of the model's requests on this side
    quint64 tokens() const { return promptTokens + completionTokens; }
};

struct ReplayGatewayTotals {
    quint64 requests = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    double costUsd = 0;
    quint64 unpricedRequests = 0;
    quint64 tokens() const { return promptTokens + completionTokens; }
};

// One way of routing the traffic: the draft, the live config, or what was recorded.
struct ReplaySide {
    QList<ReplayGroup> groups; // sorted by model, then gateway (OpenRouter first)
    ReplayGatewayTotals openrouter;
    ReplayGatewayTotals vercel;
    double vercelRequestPercent() const;
    double vercelTokenPercent() const;
    double totalCostUsd() const { return openrouter.costUsd + vercel.costUsd; }
};

// Sticky keys (per model) whose gateway differs between the live config and the draft.
struct ReplayChurn {
    quint64 keys = 0;         // distinct (model, sticky key) pairs in the traffic
    quint64 keysChanged = 0;  // pairs with at least one row decided differently
    quint64 keysToVercel = 0; // of those: live OpenRouter -> draft Vercel (first differing row)
    quint64 keysToOpenRouter = 0;
    quint64 requestsAffected = 0; // requests in rows decided differently
    quint64 requests = 0;
};

struct ReplayResult {
    ReplaySide draft;
    ReplaySide live;
    ReplaySide recorded; // the gateway each row was actually served by, recorded cost
    ReplayChurn churn;
    quint64 rows = 0;
    bool cancelled = false;          // the figures are then partial
    DraftProjection draftProjection; // where the recorded traffic sits on the draft's clock
    QList<RuleWindow> draftRules;    // each draft rule's time in force over the replayed span
};

struct ReplayOptions {
    ReplayPrices prices;
    // Called every few thousand rows and at the end, on the calling thread: (rows done, total).
    std::function<void(qsizetype, qsizetype)> progress;
    const std::atomic<bool> *cancel = nullptr;
    // When the draft would go live (UTC ms); none: the current time.
    std::optional<qint64> draftLiveFromMs;
};

ReplayResult replayTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft, const ConfigTimeline &live,
                           const ReplayOptions &options = {});
// Against one live config.
ReplayResult replayTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft, const RoutingConfig &live,
                           const ReplayOptions &options = {});

} // namespace gw
