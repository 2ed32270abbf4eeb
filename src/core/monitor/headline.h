#pragma once
// The Monitor's headline numbers: per gateway, over one range, the figures an operator asks for
// first (requests, error rate, cost, p95 TTFT, actual and target share), and their change against
// the previous period of the same length. Pure: the app loads both periods' buckets and key usage
// (off the GUI thread) and calls these; the tests call them on hand-made buckets.

#include "config/per_gateway.h"
#include "monitor/series.h"

#include <optional>

namespace gw {

struct HeadlineFigures {
    quint64 requests = 0;
    quint64 errors = 0; // status class other than "ok"
    double costUsd = 0; // reported + estimated
    LatencyHistogram ttft;

    std::optional<double> errorRate() const; // 0..1; none without requests
    std::optional<double> ttftP95Ms() const; // none without a TTFT
};

// Each gateway's figures summed over the buckets (already filtered by the caller).
PerGateway<HeadlineFigures> headlineFigures(const QList<TrafficBucket> &buckets);

// Requests of the key usage and how many of them Vercel served (actual) or the config then would
// have sent there (target), over the whole range; the same decision as shareSeries.
struct ShareTotals {
    double requests = 0;
    double actualVercel = 0;
    double targetVercel = 0;

    // Percent of requests on `gateway`; none without requests.
    std::optional<double> actualPercent(Gateway gateway) const;
    std::optional<double> targetPercent(Gateway gateway) const;
};
ShareTotals shareTotals(const QList<TrafficKeyUsage> &usage, const RouterAt &routerAt);

// The period of the same length directly before [fromMs, toMs).
struct Period {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    friend bool operator==(const Period &, const Period &) = default;
};
Period previousPeriod(qint64 fromMs, qint64 toMs);

// Change against the previous period. Amounts (requests, cost, TTFT) change relatively (0.25:
// +25 %), none when the previous period had none of it (a change from zero has no ratio). Rates and
// shares change in percentage points (current - previous), none when either side has no value.
std::optional<double> relativeChange(std::optional<double> current, std::optional<double> previous);
std::optional<double> pointChange(std::optional<double> current, std::optional<double> previous);

// Everything the headline row shows, for both periods.
struct MonitorHeadline {
    Period current;
    Period previous;
    PerGateway<HeadlineFigures> figures;
    PerGateway<HeadlineFigures> previousFigures;
    ShareTotals share;
    ShareTotals previousShare;
};

} // namespace gw
