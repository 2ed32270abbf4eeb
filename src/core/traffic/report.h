#pragma once
// Traffic buckets summed per gateway, model or provider: what `gatewayctl report` prints and the
// Monitor's tables show. Percentiles come from the merged bucket histograms (within one bin, ~19%).

#include "traffic/buckets.h"

#include <QJsonObject>

namespace gw {

enum class TrafficGroupBy { Gateway, Model, Provider };
std::optional<TrafficGroupBy> parseTrafficGroupBy(QStringView name); // "gateway" | "model" | "provider"

struct TrafficReportRow {
    QString group;
    TrafficBucketValues totals;
    quint64 errors = 0; // requests whose status class is not "ok"
    double errorRate() const { return totals.requests ? double(errors) / double(totals.requests) : 0; }
    double costUsd() const { return totals.costReportedUsd + totals.costEstimatedUsd; }
};

// One row per group, most requests first (ties by name).
QList<TrafficReportRow> trafficReport(const QList<TrafficBucket> &buckets, TrafficGroupBy by);

QJsonObject toJson(const TrafficReportRow &row);
QString trafficReportCsv(const QList<TrafficReportRow> &rows); // RFC 4180, header line first
QString trafficReportTable(const QList<TrafficReportRow> &rows, const QString &groupTitle);

} // namespace gw
