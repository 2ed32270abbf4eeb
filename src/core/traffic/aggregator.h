#pragma once
// The per-event hot path of traffic ingestion: records in, minute buckets and hourly key usage out.

#include "traffic/buckets.h"

#include <QList>

#include <memory>

namespace gw {

// Accumulates records into minute buckets, and into per-key usage (hour x gateway x model x user
// x task) for re-deciding the traffic later. Strings are interned once and buckets live in flat
// tables (aggregator.cpp), so adding a record costs a few hash probes, no allocation.
class TrafficAggregator {
public:
    TrafficAggregator();
    ~TrafficAggregator();
    TrafficAggregator(const TrafficAggregator &) = delete;
    TrafficAggregator &operator=(const TrafficAggregator &) = delete;

    void add(const TrafficRecord &record);
    // Adds everything `other` aggregated (parallel ingestion: one aggregator per thread).
    void merge(const TrafficAggregator &other);
    quint64 events() const;
    qsizetype bucketCount() const;
    QList<TrafficBucket> minuteBuckets() const; // ordered by time, then key
    qsizetype keyUsageCount() const;
    QList<TrafficKeyUsage> keyUsage() const; // ordered by hour, then gateway, model, user, task
    void clear();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gw
