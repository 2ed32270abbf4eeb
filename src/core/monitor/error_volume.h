#pragma once
// The error chart's rate line without spikes from thin traffic: one failed request of one is not
// a 100 % error rate worth drawing. The rate is drawn per interval (errors summed over requests
// summed) only where the interval holds at least a minimum of requests; the chart says the rule.

#include <QList>
#include <QPointF>

namespace gw {

// The least requests an interval needs before its error rate is drawn.
inline constexpr double kMinRequestsForRate = 20;

// Per interval: errors / requests (0..1) from sums per interval (sumPerInterval, same intervals);
// NaN where the interval holds fewer than `minRequests` requests. x from `requestSums`.
QList<QPointF> ratesWithMinimumVolume(const QList<QPointF> &errorSums, const QList<QPointF> &requestSums,
                                      double minRequests = kMinRequestsForRate);

} // namespace gw
