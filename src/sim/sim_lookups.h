#pragma once
// The bodies of the gateways' lookup endpoints: GET /generation (both), GET /key (OpenRouter) and
// GET /credits (Vercel). OpenRouter's carry every member its current API requires (the
// @openrouter/sdk schemas); what the simulator cannot know is null or an honest constant,
// listed in docs/simulator.md.

#include "config/config.h" // gw::Gateway

#include <QJsonObject>
#include <QString>

namespace gw::sim {

// One served chat completion, kept for GET /generation.
struct SimGeneration {
    qint64 createdMs = 0;   // on the simulator's clock: the lookup is 404 for a while after
    qint64 createdUnix = 0; // the completion's `created`
    QString model;          // as requested
    double costUsd = 0;
    int promptTokens = 0;
    int completionTokens = 0;
    int reasoningTokens = 0;
    int latencyMs = 0;
    int generationTimeMs = 0;
    QString providerName; // OpenRouter: display name; Vercel: slug
    bool streamed = false;
    QString httpReferer; // as the request sent them; empty when absent
    QString userAgent;
};

QJsonObject generationJson(Gateway gateway, const QString &id, const SimGeneration &generation);

// OpenRouter GET /key. The simulator's "day", "week" and "month" are its lifetime (since start or
// /_control/reset); `freeModelRequests` counts chat requests to ":free" models in it.
QJsonObject openrouterKeyJson(double spentUsd, double limitUsd, int freeModelRequests);

// Vercel GET /credits: USD as strings.
QJsonObject vercelCreditsJson(double balanceUsd, double spentUsd);

} // namespace gw::sim
