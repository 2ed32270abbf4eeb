#pragma once
// Share and churn over synthetic traffic: every one of N synthetic users ("sim-user-<i>") asks
// for every model. The app's live preview and `gatewayctl simulate` both use this.

#include "config/config.h"

#include <QDateTime>

#include <atomic>

namespace gw {

struct SimulationOptions {
    int users = 100000;
    QStringList models; // empty: every model in the config's table
    QDateTime now;      // invalid: the current time
};

struct ModelShare {
    QString model;
    qint64 vercel = 0;
    qint64 openrouter = 0;
    qint64 changed = 0; // with a baseline: decisions that land on another gateway than before
    double vercelPercent() const { return vercel + openrouter ? 100.0 * vercel / double(vercel + openrouter) : 0; }
};

struct SimulationResult {
    QList<ModelShare> perModel;
    ModelShare total; // model empty
    bool hasBaseline = false;
    qint64 movedToVercel = 0;     // decisions OpenRouter -> Vercel against the baseline
    qint64 movedToOpenRouter = 0; // decisions Vercel -> OpenRouter
    qint64 usersChanged = 0;      // users with at least one model on another gateway
    qint64 decisions = 0;
    double seconds = 0; // wall time of the decisions alone
    bool cancelled = false;
};

// `baseline` (optional) is the config to compare against, e.g. the last export.
SimulationResult simulate(const RoutingConfig &config, const SimulationOptions &options,
                          const RoutingConfig *baseline = nullptr, const std::atomic<bool> *cancel = nullptr);

} // namespace gw
