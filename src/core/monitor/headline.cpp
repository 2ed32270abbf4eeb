#include "monitor/headline.h"

namespace gw {

namespace {

const QString kOk = QStringLiteral("ok");

std::optional<double> percent(double part, double whole)
{
    if (whole <= 0)
        return std::nullopt;
    return 100.0 * part / whole;
}

} // namespace

std::optional<double> HeadlineFigures::errorRate() const
{
    if (requests == 0)
        return std::nullopt;
    return double(errors) / double(requests);
}

std::optional<double> HeadlineFigures::ttftP95Ms() const
{
    if (ttft.isEmpty())
        return std::nullopt;
    return ttft.quantile(0.95);
}

PerGateway<HeadlineFigures> headlineFigures(const QList<TrafficBucket> &buckets)
{
    PerGateway<HeadlineFigures> out;
    for (const TrafficBucket &b : buckets) {
        HeadlineFigures &f = out[b.key.gateway];
        f.requests += b.values.requests;
        if (b.key.statusClass != kOk)
            f.errors += b.values.requests;
        f.costUsd += b.values.costReportedUsd + b.values.costEstimatedUsd;
        f.ttft.merge(b.values.ttft);
    }
    return out;
}

std::optional<double> ShareTotals::actualPercent(Gateway gateway) const
{
    return percent(gateway == Gateway::Vercel ? actualVercel : requests - actualVercel, requests);
}

std::optional<double> ShareTotals::targetPercent(Gateway gateway) const
{
    return percent(gateway == Gateway::Vercel ? targetVercel : requests - targetVercel, requests);
}

ShareTotals shareTotals(const QList<TrafficKeyUsage> &usage, const RouterAt &routerAt)
{
    ShareTotals totals;
    for (const TrafficKeyUsage &u : usage) {
        if (u.requests == 0)
            continue;
        const auto n = double(u.requests);
        totals.requests += n;
        if (u.key.gateway == Gateway::Vercel)
            totals.actualVercel += n;
        if (decideForUsage(routerAt(u.key.hourStartMs), u.key).gateway == Gateway::Vercel)
            totals.targetVercel += n;
    }
    return totals;
}

Period previousPeriod(qint64 fromMs, qint64 toMs)
{
    return {fromMs - (toMs - fromMs), fromMs};
}

std::optional<double> relativeChange(std::optional<double> current, std::optional<double> previous)
{
    if (!current || !previous || *previous == 0)
        return std::nullopt;
    return *current / *previous - 1.0;
}

std::optional<double> pointChange(std::optional<double> current, std::optional<double> previous)
{
    if (!current || !previous)
        return std::nullopt;
    return *current - *previous;
}

} // namespace gw
