#include "traffic_bucket_row.h"

#include <QSqlQuery>
#include <QVariant>

namespace gw::store {

TrafficBucket readBucket(const QSqlQuery &q)
{
    TrafficBucket b;
    b.resolution = parseTrafficResolution(q.value(0).toString()).value_or(TrafficResolution::Minute);
    b.key.startMs = q.value(1).toLongLong();
    b.key.gateway = parseGateway(q.value(2).toString()).value_or(Gateway::OpenRouter);
    b.key.model = q.value(3).toString();
    b.key.provider = q.value(4).toString();
    b.key.statusClass = q.value(5).toString();
    TrafficBucketValues &v = b.values;
    auto u = [&](int i) { return quint64(q.value(i).toLongLong()); };
    v.requests = u(6);
    v.fallbacks = u(7);
    v.freeRequests = u(8);
    v.costReportedUsd = q.value(9).toDouble();
    v.costReportedCount = u(10);
    v.costEstimatedUsd = q.value(11).toDouble();
    v.costEstimatedCount = u(12);
    v.promptTokens = u(13);
    v.completionTokens = u(14);
    v.cachedTokens = u(15);
    v.reasoningTokens = u(16);
    v.latencyCount = u(17);
    v.latencySumMs = q.value(18).toDouble();
    v.latencyMaxMs = q.value(19).toDouble();
    v.latency = LatencyHistogram::fromBlob(q.value(20).toByteArray());
    v.ttftCount = u(21);
    v.ttftSumMs = q.value(22).toDouble();
    v.ttftMaxMs = q.value(23).toDouble();
    v.ttft = LatencyHistogram::fromBlob(q.value(24).toByteArray());
    return b;
}

void bindBucketRow(QSqlQuery &q, const TrafficBucket &b)
{
    const TrafficBucketValues &v = b.values;
    const QVariantList values{trafficResolutionName(b.resolution),
                              b.key.startMs,
                              gatewayName(b.key.gateway),
                              b.key.model,
                              b.key.provider,
                              b.key.statusClass,
                              qint64(v.requests),
                              qint64(v.fallbacks),
                              qint64(v.freeRequests),
                              v.costReportedUsd,
                              qint64(v.costReportedCount),
                              v.costEstimatedUsd,
                              qint64(v.costEstimatedCount),
                              qint64(v.promptTokens),
                              qint64(v.completionTokens),
                              qint64(v.cachedTokens),
                              qint64(v.reasoningTokens),
                              qint64(v.latencyCount),
                              v.latencySumMs,
                              v.latencyMaxMs,
                              v.latency.toBlob(),
                              qint64(v.ttftCount),
                              v.ttftSumMs,
                              v.ttftMaxMs,
                              v.ttft.toBlob()};
    for (const QVariant &value : values)
        q.addBindValue(value);
}

} // namespace gw::store
