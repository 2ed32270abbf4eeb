#include "monitor/series.h"
#include "config/per_gateway.h"

#include <QMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace gw {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
const QString kOk = QStringLiteral("ok");

Gateway gatewayAt(int index)
{
    return index == 1 ? Gateway::Vercel : Gateway::OpenRouter;
}

double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : kNoValue;
}

// The time rows of a table: one per distinct bucket start, in order.
template <typename Acc>
SeriesTable timeTable(const QList<SeriesId> &series, const QMap<qint64, Acc> &rows,
                      const std::function<QList<double>(const Acc &)> &rowValues)
{
    SeriesTable table;
    table.series = series;
    table.times.reserve(rows.size());
    table.values.reserve(rows.size());
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        table.times.append(it.key());
        table.values.append(rowValues(it.value()));
    }
    return table;
}

} // namespace

bool MonitorFilter::accepts(const TrafficBucketKey &key) const
{
    return acceptsTime(key.startMs) && (!gateway || key.gateway == *gateway) && (model.isEmpty() || key.model == model)
           && (provider.isEmpty() || key.provider == provider);
}

QList<TrafficBucket> filterBuckets(const QList<TrafficBucket> &buckets, const MonitorFilter &filter)
{
    QList<TrafficBucket> out;
    for (const TrafficBucket &b : buckets)
        if (filter.accepts(b.key))
            out.append(b);
    return out;
}

TrafficResolution resolutionForSpan(qint64 spanMs)
{
    if (spanMs <= 3 * kDayMs)
        return TrafficResolution::Minute;
    if (spanMs <= 90 * kDayMs)
        return TrafficResolution::Hour;
    return TrafficResolution::Day;
}

qint64 resolutionMs(TrafficResolution resolution)
{
    switch (resolution) {
    case TrafficResolution::Minute: return kMinuteMs;
    case TrafficResolution::Hour: return kHourMs;
    case TrafficResolution::Day: return kDayMs;
    }
    return kMinuteMs;
}

MonitorDimensions monitorDimensions(const QList<TrafficBucket> &buckets)
{
    MonitorDimensions d;
    QSet<QString> models;
    QSet<QString> providers;
    for (const TrafficBucket &b : buckets) {
        models.insert(b.key.model);
        if (!b.key.provider.isEmpty())
            providers.insert(b.key.provider);
        d.firstMs = d.firstMs == 0 ? b.key.startMs : std::min(d.firstMs, b.key.startMs);
        d.lastMs = std::max(d.lastMs, b.key.startMs);
    }
    d.models = QStringList(models.cbegin(), models.cend());
    d.providers = QStringList(providers.cbegin(), providers.cend());
    d.models.sort();
    d.providers.sort();
    return d;
}

SeriesTable costSeries(const QList<TrafficBucket> &buckets)
{
    using Acc = std::array<double, 4>; // [gateway * 2 + (0 reported | 1 estimated)]
    QMap<qint64, Acc> rows;
    std::array<bool, 2> present{};
    for (const TrafficBucket &b : buckets) {
        const int g = gatewayIndex(b.key.gateway);
        Acc &acc = rows[b.key.startMs]; // value-initialised: zeros
        acc[g * 2] += b.values.costReportedUsd;
        acc[g * 2 + 1] += b.values.costEstimatedUsd;
        present[g] = true;
    }
    QList<SeriesId> series;
    QList<int> columns;
    for (int g = 0; g < 2; ++g) {
        if (!present[g])
            continue;
        series.append({gatewayAt(g), QStringLiteral("reported")});
        series.append({gatewayAt(g), QStringLiteral("estimated")});
        columns << g * 2 << g * 2 + 1;
    }
    return timeTable<Acc>(series, rows, [&columns](const Acc &acc) {
        QList<double> values;
        values.reserve(columns.size());
        for (int c : columns)
            values.append(acc[c]);
        return values;
    });
}

SeriesTable errorRateSeries(const QList<TrafficBucket> &buckets)
{
    struct Acc {
        std::array<double, 2> requests{};
        std::array<double, 2> errors{};
        std::array<QHash<QString, double>, 2> byClass;
    };
    QMap<qint64, Acc> rows;
    std::array<QSet<QString>, 2> classes;
    std::array<bool, 2> present{};
    for (const TrafficBucket &b : buckets) {
        const int g = gatewayIndex(b.key.gateway);
        Acc &acc = rows[b.key.startMs];
        const auto n = double(b.values.requests);
        acc.requests[g] += n;
        present[g] = true;
        if (b.key.statusClass != kOk) {
            acc.errors[g] += n;
            acc.byClass[g][b.key.statusClass] += n;
            classes[g].insert(b.key.statusClass);
        }
    }
    QList<SeriesId> series;
    std::array<QStringList, 2> classOrder;
    for (int g = 0; g < 2; ++g) {
        if (!present[g])
            continue;
        series.append({gatewayAt(g), QStringLiteral("all_errors")});
        series.append({gatewayAt(g), QStringLiteral("requests")});
        classOrder[g] = QStringList(classes[g].cbegin(), classes[g].cend());
        classOrder[g].sort();
        for (const QString &cls : std::as_const(classOrder[g]))
            series.append({gatewayAt(g), cls});
    }
    return timeTable<Acc>(series, rows, [&](const Acc &acc) {
        QList<double> values;
        values.reserve(series.size());
        for (int g = 0; g < 2; ++g) {
            if (!present[g])
                continue;
            values.append(ratio(acc.errors[g], acc.requests[g]));
            values.append(acc.requests[g]);
            for (const QString &cls : std::as_const(classOrder[g]))
                values.append(ratio(acc.byClass[g].value(cls), acc.requests[g]));
        }
        return values;
    });
}

SeriesTable latencySeries(const QList<TrafficBucket> &buckets)
{
    struct Acc {
        std::array<LatencyHistogram, 2> ttft;
        std::array<LatencyHistogram, 2> latency;
    };
    QMap<qint64, Acc> rows;
    std::array<bool, 2> present{};
    for (const TrafficBucket &b : buckets) {
        const int g = gatewayIndex(b.key.gateway);
        Acc &acc = rows[b.key.startMs];
        acc.ttft[g].merge(b.values.ttft);
        acc.latency[g].merge(b.values.latency);
        present[g] = true;
    }
    static const QStringList kMeasures = {QStringLiteral("ttft_p50"), QStringLiteral("ttft_p95"),
                                          QStringLiteral("latency_p50"), QStringLiteral("latency_p95")};
    QList<SeriesId> series;
    for (int g = 0; g < 2; ++g)
        if (present[g])
            for (const QString &m : kMeasures)
                series.append({gatewayAt(g), m});
    return timeTable<Acc>(series, rows, [&present](const Acc &acc) {
        auto q = [](const LatencyHistogram &h, double p) { return h.isEmpty() ? kNoValue : h.quantile(p); };
        QList<double> values;
        for (int g = 0; g < 2; ++g)
            if (present[g])
                values << q(acc.ttft[g], 0.5) << q(acc.ttft[g], 0.95) << q(acc.latency[g], 0.5)
                       << q(acc.latency[g], 0.95);
        return values;
    });
}

SeriesTable shareSeries(const QList<TrafficKeyUsage> &usage, const RouterAt &routerAt, const ErrorRatesAt &ratesAt)
{
    struct Acc {
        double requests = 0;
        double actualVercel = 0;
        double targetVercel = 0;
    };
    QMap<qint64, Acc> rows;
    QHash<qint64, GatewayErrorRates> ratesByHour; // one look-up per hour, not per row
    for (const TrafficKeyUsage &u : usage) {
        if (u.requests == 0)
            continue;
        const qint64 hour = u.key.hourStartMs;
        if (ratesAt && !ratesByHour.contains(hour))
            ratesByHour.insert(hour, ratesAt(hour));
        const Decision decision = decideForUsage(routerAt(hour), u.key, ratesByHour.value(hour));
        Acc &acc = rows[hour];
        const auto n = double(u.requests);
        acc.requests += n;
        if (u.key.gateway == Gateway::Vercel)
            acc.actualVercel += n;
        if (decision.gateway == Gateway::Vercel)
            acc.targetVercel += n;
    }
    const QList<SeriesId> series = {{std::nullopt, QStringLiteral("actual")},
                                    {std::nullopt, QStringLiteral("target")},
                                    {std::nullopt, QStringLiteral("requests")}};
    return timeTable<Acc>(series, rows, [](const Acc &acc) {
        return QList<double>{100.0 * acc.actualVercel / acc.requests, 100.0 * acc.targetVercel / acc.requests,
                             acc.requests};
    });
}

GatewayErrorRates errorRatesBefore(const QList<TrafficBucket> &minuteBuckets, qint64 atMs, int windowMinutes)
{
    const qint64 from = atMs - qint64(windowMinutes) * kMinuteMs;
    std::array<double, 2> requests{};
    std::array<double, 2> errors{};
    for (const TrafficBucket &b : minuteBuckets) {
        if (b.key.startMs < from || b.key.startMs >= atMs)
            continue;
        const int g = gatewayIndex(b.key.gateway);
        requests[g] += double(b.values.requests);
        if (b.key.statusClass != kOk)
            errors[g] += double(b.values.requests);
    }
    GatewayErrorRates rates;
    if (requests[0] > 0)
        rates.openrouter = errors[0] / requests[0];
    if (requests[1] > 0)
        rates.vercel = errors[1] / requests[1];
    return rates;
}

namespace {

struct ModelTraffic {
    TokenUsage tokens;
    double costUsd = 0;
    quint64 requests = 0;
};

// Per served gateway, per model: tokens and logged cost.
std::array<QMap<QString, ModelTraffic>, 2> trafficByModel(const QList<TrafficBucket> &buckets)
{
    std::array<QMap<QString, ModelTraffic>, 2> out;
    for (const TrafficBucket &b : buckets) {
        ModelTraffic &t = out[gatewayIndex(b.key.gateway)][b.key.model];
        t.tokens.prompt += qint64(b.values.promptTokens);
        t.tokens.completion += qint64(b.values.completionTokens);
        t.tokens.cachedRead += qint64(b.values.cachedTokens);
        t.tokens.reasoning += qint64(b.values.reasoningTokens);
        t.costUsd += b.values.costReportedUsd + b.values.costEstimatedUsd;
        t.requests += b.values.requests;
    }
    return out;
}

// The other gateway's catalog entry for an OpenRouter model id; null when not priced there.
const CatalogModel *otherGatewayModel(Gateway served, const QString &model, const CounterfactualPrices &prices)
{
    if (served == Gateway::Vercel)
        return prices.openrouter ? prices.openrouter->find(model) : nullptr;
    if (!prices.vercel || !prices.config)
        return nullptr;
    const auto entry = prices.config->models.constFind(model);
    if (entry == prices.config->models.cend() || !entry->vercel)
        return nullptr;
    return prices.vercel->find(*entry->vercel);
}

std::optional<double> otherGatewayCost(Gateway served, const QString &model, const TokenUsage &tokens,
                                       const CounterfactualPrices &prices)
{
    const CatalogModel *other = otherGatewayModel(served, model, prices);
    return other ? estimateCostUsd(*other, tokens) : std::nullopt;
}

double perMtok(double usd, const TokenUsage &tokens)
{
    const double total = double(tokens.prompt + tokens.completion);
    return total > 0 ? usd / total * 1e6 : kNoValue;
}

} // namespace

SeriesTable costPerMtokSeries(const QList<TrafficBucket> &buckets, const CounterfactualPrices &prices)
{
    const auto byModel = trafficByModel(buckets);
    SeriesTable table;
    QStringList models;
    for (int g = 0; g < 2; ++g) {
        if (byModel[g].isEmpty())
            continue;
        table.series.append({gatewayAt(g), QStringLiteral("actual")});
        table.series.append({gatewayAt(g), QStringLiteral("other_gateway")});
        models += byModel[g].keys();
    }
    models.removeDuplicates();
    models.sort();
    for (const QString &model : std::as_const(models)) {
        QList<double> row;
        for (int g = 0; g < 2; ++g) {
            if (byModel[g].isEmpty())
                continue;
            const auto it = byModel[g].constFind(model);
            if (it == byModel[g].cend()) {
                row << kNoValue << kNoValue;
                continue;
            }
            const std::optional<double> other = otherGatewayCost(gatewayAt(g), model, it->tokens, prices);
            row << perMtok(it->costUsd, it->tokens) << (other ? perMtok(*other, it->tokens) : kNoValue);
        }
        table.categories.append(model);
        table.values.append(row);
    }
    return table;
}

CounterfactualTotal counterfactualTotal(const QList<TrafficBucket> &buckets, Gateway served,
                                        const CounterfactualPrices &prices)
{
    CounterfactualTotal total;
    const auto byModel = trafficByModel(buckets);
    const auto &models = byModel[gatewayIndex(served)];
    for (auto it = models.cbegin(); it != models.cend(); ++it) {
        total.actualUsd += it->costUsd;
        total.requests += it->requests;
        if (const std::optional<double> other = otherGatewayCost(served, it.key(), it->tokens, prices)) {
            total.otherGatewayUsd += *other;
            total.actualUsdPriced += it->costUsd;
        }
    }
    return total;
}

BurnRate burnRate(const QList<TrafficBucket> &buckets, Gateway gateway, qint64 windowMs)
{
    BurnRate rate;
    qint64 first = std::numeric_limits<qint64>::max();
    for (const TrafficBucket &b : buckets) {
        if (b.key.gateway != gateway)
            continue;
        first = std::min(first, b.key.startMs);
        rate.toMs = std::max(rate.toMs, b.key.startMs + resolutionMs(b.resolution));
    }
    if (rate.toMs == 0)
        return rate;
    rate.fromMs = std::max(first, rate.toMs - windowMs);
    double cost = 0;
    for (const TrafficBucket &b : buckets)
        if (b.key.gateway == gateway && b.key.startMs >= rate.fromMs)
            cost += b.values.costReportedUsd + b.values.costEstimatedUsd;
    rate.usdPerDay = cost / (double(rate.toMs - rate.fromMs) / double(kDayMs));
    return rate;
}

Runway runwayFor(std::optional<double> remainingUsd, double burnUsdPerDay, double warnBelowDays)
{
    Runway runway;
    if (!remainingUsd)
        return runway; // no limit on this key: it cannot run dry
    if (*remainingUsd <= 0) {
        runway.days = 0.0;
        runway.warn = true;
        return runway;
    }
    if (burnUsdPerDay <= 0)
        return runway;
    runway.days = *remainingUsd / burnUsdPerDay;
    runway.warn = *runway.days < warnBelowDays;
    return runway;
}

} // namespace gw
