#pragma once
// What exporting the draft would move in the recorded traffic: every usage row decided by the
// draft and by the last export at the same instant (`now`: the recorded traffic stands for the
// demand the config meets once it is out), summed per model as requests and users that land on
// the other gateway. The live preview's real-traffic columns; synthetic keys say what could
// move, this says what did flow and would move.

#include "config/config.h"
#include "traffic/key_usage.h"

#include <QDateTime>
#include <QList>

#include <atomic>

namespace gw {

struct ModelTrafficImpact {
    QString model;             // requested, OpenRouter id
    quint64 requests = 0;      // recorded
    quint64 requestsMoved = 0; // decided differently by the draft
    quint64 toVercel = 0;      // of the moved: last export OpenRouter -> draft Vercel
    quint64 toOpenRouter = 0;
    quint64 users = 0;      // distinct users with requests for the model
    quint64 usersMoved = 0; // distinct users with at least one moved request
};

struct TrafficImpact {
    QList<ModelTrafficImpact> perModel; // sorted by model
    quint64 requests = 0;
    quint64 requestsMoved = 0;
    quint64 users = 0;      // distinct over all models
    quint64 usersMoved = 0; // distinct over all models
    qsizetype rows = 0;
    bool cancelled = false; // the figures are then partial
};

TrafficImpact trafficImpact(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft,
                            const RoutingConfig &before, const QDateTime &now,
                            const std::atomic<bool> *cancel = nullptr);

} // namespace gw
