#include "planner/replay.h"

#include <QMap>
#include <QPair>

namespace gw {

namespace {

// Rows between two progress reports / cancel checks: frequent enough for a smooth bar, rare
// enough that the callback costs nothing.
constexpr qsizetype kProgressEvery = 4096;

using GroupKey = QPair<QString, int>; // model, gateway

// The recorded cost per token of (gateway, model): from rows that logged a cost for every
// request, so that a partly costed row does not pull the rate down.
class RecordedRates {
public:
    explicit RecordedRates(const QList<TrafficKeyUsage> &usage)
    {
        for (const TrafficKeyUsage &row : usage) {
            const quint64 tokens = row.promptTokens + row.completionTokens;
            if (row.requests == 0 || row.costCount != row.requests || tokens == 0)
                continue;
            Sum &s = m_sums[GroupKey(row.key.model, int(row.key.gateway))];
            s.cost += row.costUsd;
            s.tokens += tokens;
        }
    }
    std::optional<double> perToken(Gateway gateway, const QString &model) const
    {
        const auto it = m_sums.constFind(GroupKey(model, int(gateway)));
        if (it == m_sums.cend() || it->tokens == 0)
            return std::nullopt;
        return it->cost / double(it->tokens);
    }

private:
    struct Sum {
        double cost = 0;
        quint64 tokens = 0;
    };
    QHash<GroupKey, Sum> m_sums;
};

struct GroupAccumulator {
    ReplayGroup group;
    quint64 recordedRows = 0;
    quint64 catalogRows = 0;
};

class SideBuilder {
public:
    void add(Gateway gateway, const TrafficKeyUsage &row, std::optional<double> cost, bool fromCatalog)
    {
        GroupAccumulator &acc = m_groups[GroupKey(row.key.model, int(gateway))];
        acc.group.gateway = gateway;
        acc.group.model = row.key.model;
        acc.group.requests += row.requests;
        acc.group.promptTokens += row.promptTokens;
        acc.group.completionTokens += row.completionTokens;
        if (cost) {
            acc.group.costUsd += *cost;
            ++(fromCatalog ? acc.catalogRows : acc.recordedRows);
        } else {
            acc.group.unpricedRequests += row.requests;
        }
    }

    // The recorded side: each row's own logged cost; requests without one are unpriced.
    void addRecorded(const TrafficKeyUsage &row)
    {
        GroupAccumulator &acc = m_groups[GroupKey(row.key.model, int(row.key.gateway))];
        acc.group.gateway = row.key.gateway;
        acc.group.model = row.key.model;
        acc.group.requests += row.requests;
        acc.group.promptTokens += row.promptTokens;
        acc.group.completionTokens += row.completionTokens;
        acc.group.costUsd += row.costUsd;
        acc.group.unpricedRequests += row.requests - std::min(row.costCount, row.requests);
        if (row.costCount > 0)
            ++acc.recordedRows;
    }

    ReplaySide finish() const
    {
        ReplaySide side;
        QHash<QString, quint64> modelRequests;
        for (const GroupAccumulator &acc : m_groups)
            modelRequests[acc.group.model] += acc.group.requests;
        for (const GroupAccumulator &acc : m_groups) { // QMap: by model, then gateway
            ReplayGroup g = acc.group;
            g.costBasis = acc.recordedRows && acc.catalogRows ? CostBasis::Mixed
                          : acc.recordedRows                  ? CostBasis::Recorded
                          : acc.catalogRows                   ? CostBasis::Catalog
                                                              : CostBasis::Unknown;
            const quint64 total = modelRequests.value(g.model);
            g.sharePercent = total ? 100.0 * double(g.requests) / double(total) : 0.0;
            ReplayGatewayTotals &t = g.gateway == Gateway::Vercel ? side.vercel : side.openrouter;
            t.requests += g.requests;
            t.promptTokens += g.promptTokens;
            t.completionTokens += g.completionTokens;
            t.costUsd += g.costUsd;
            t.unpricedRequests += g.unpricedRequests;
            side.groups.append(g);
        }
        return side;
    }

private:
    QMap<GroupKey, GroupAccumulator> m_groups;
};

struct Pricer {
    const RecordedRates &rates;
    const ReplayPrices &prices;

    // Cost of `row` served by `decision`'s gateway; sets *fromCatalog when the catalog priced it.
    std::optional<double> cost(const TrafficKeyUsage &row, const Decision &decision, bool *fromCatalog) const
    {
        *fromCatalog = false;
        const quint64 tokens = row.promptTokens + row.completionTokens;
        if (const auto rate = rates.perToken(decision.gateway, row.key.model))
            return *rate * double(tokens);
        const QString &id = decision.gateway == Gateway::Vercel && !decision.upstreamModel.isEmpty()
                                ? decision.upstreamModel
                                : row.key.model;
        const auto &table = decision.gateway == Gateway::Vercel ? prices.vercel : prices.openrouter;
        const auto it = table.constFind(id);
        if (it == table.cend())
            return std::nullopt;
        TokenUsage usage;
        usage.prompt = qint64(row.promptTokens);
        usage.completion = qint64(row.completionTokens);
        usage.cachedRead = qint64(row.cachedTokens);
        usage.reasoning = qint64(row.reasoningTokens);
        const std::optional<double> estimate = estimateCostUsd(*it, usage);
        *fromCatalog = estimate.has_value();
        return estimate;
    }
};

struct ChurnState {
    bool changed = false;
};

} // namespace

QString costBasisName(CostBasis basis)
{
    switch (basis) {
    case CostBasis::Recorded: return QStringLiteral("recorded");
    case CostBasis::Catalog: return QStringLiteral("catalog");
    case CostBasis::Mixed: return QStringLiteral("mixed");
    case CostBasis::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

ReplayPrices ReplayPrices::fromCatalogs(const QList<CatalogModel> &openrouter, const QList<CatalogModel> &vercel)
{
    ReplayPrices prices;
    for (const CatalogModel &m : openrouter)
        prices.openrouter.insert(m.id, m);
    for (const CatalogModel &m : vercel)
        prices.vercel.insert(m.id, m);
    return prices;
}

double ReplaySide::vercelRequestPercent() const
{
    const quint64 total = openrouter.requests + vercel.requests;
    return total ? 100.0 * double(vercel.requests) / double(total) : 0.0;
}

double ReplaySide::vercelTokenPercent() const
{
    const quint64 total = openrouter.tokens() + vercel.tokens();
    return total ? 100.0 * double(vercel.tokens()) / double(total) : 0.0;
}

ReplayResult replayTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft, const ConfigTimeline &live,
                           const ReplayOptions &options)
{
    ReplayResult result;
    const qint64 draftLiveFrom = options.draftLiveFromMs.value_or(QDateTime::currentMSecsSinceEpoch());
    result.draftProjection = DraftProjection::over(usage, draftLiveFrom);
    result.draftRules = draftRuleWindows(draft, result.draftProjection);
    const Router draftRouter(draft);
    const RecordedRates rates(usage);
    const Pricer pricer{rates, options.prices};
    SideBuilder draftSide;
    SideBuilder liveSide;
    SideBuilder recordedSide;
    QHash<QPair<QString, QString>, ChurnState> keys; // (model, sticky key)

    const qsizetype total = usage.size();
    for (qsizetype i = 0; i < total; ++i) {
        if (i % kProgressEvery == 0) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                break;
            }
            if (options.progress && i > 0)
                options.progress(i, total);
        }
        const TrafficKeyUsage &row = usage.at(i);
        ++result.rows;
        const Decision toDraft = decideDraftForUsage(draftRouter, row.key, result.draftProjection);
        const Decision toLive = decideForUsage(live.routerAt(row.key.hourStartMs), row.key);

        bool fromCatalog = false;
        std::optional<double> cost = pricer.cost(row, toDraft, &fromCatalog);
        draftSide.add(toDraft.gateway, row, cost, fromCatalog);
        cost = pricer.cost(row, toLive, &fromCatalog);
        liveSide.add(toLive.gateway, row, cost, fromCatalog);
        recordedSide.addRecorded(row);

        // A sticky key counts once per model; its direction is that of its first differing row.
        const QPair<QString, QString> key(row.key.model, draftRouter.stickyKey(row.key.user, row.key.task));
        auto it = keys.find(key);
        if (it == keys.end()) {
            it = keys.insert(key, ChurnState{});
            ++result.churn.keys;
        }
        result.churn.requests += row.requests;
        if (toDraft.gateway != toLive.gateway) {
            result.churn.requestsAffected += row.requests;
            if (!it->changed) {
                it->changed = true;
                ++result.churn.keysChanged;
                ++(toDraft.gateway == Gateway::Vercel ? result.churn.keysToVercel : result.churn.keysToOpenRouter);
            }
        }
    }
    result.draft = draftSide.finish();
    result.live = liveSide.finish();
    result.recorded = recordedSide.finish();
    if (options.progress)
        options.progress(qsizetype(result.rows), total);
    return result;
}

ReplayResult replayTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft, const RoutingConfig &live,
                           const ReplayOptions &options)
{
    return replayTraffic(usage, draft, ConfigTimeline(live), options);
}

} // namespace gw
