#pragma once
// GET /generation after a call: the billed record of one generation (cost, tokens, provider),
// retried with backoff while the gateway still answers 404 (both do for a while after the call).

#include "gateway_replies.h"

#include <QTimer>

#include <functional>
#include <optional>

namespace gw::net {

class HttpExchange;

struct GenerationRecord {
    QString id;
    std::optional<double> totalCostUsd;
    qint64 tokensPrompt = 0;
    qint64 tokensCompletion = 0;
    double latencyMs = -1; // OpenRouter: whole call; Vercel: time to first token
    double generationTimeMs = -1;
    QString providerName;
    bool isByok = false;
};
QJsonObject toJson(const GenerationRecord &record);
// Reconciles a chat result's cost with the generation lookup (cost source "generation").
void applyGeneration(NormalizedResponse &response, const GenerationRecord &record);

// Both gateways answer 404 for a while after the call: retry with exponential backoff.
struct RetryPolicy {
    int maxAttempts = 6;
    int initialDelayMs = 500;
    int maxDelayMs = 4000;
};

class GenerationReply : public GatewayReply {
    Q_OBJECT
public:
    using Factory = std::function<HttpExchange *(QObject *owner)>;
    GenerationReply(Gateway gateway, const QString &id, const RetryPolicy &policy, Factory startAttempt,
                    QObject *parent);
    void start();
    const GenerationRecord &record() const { return m_record; }
    int attempts() const { return m_attempts; }

private:
    void attempt();
    void onCancel() override;

    QString m_id;
    RetryPolicy m_policy;
    Factory m_startAttempt;
    QTimer m_backoff;
    int m_attempts = 0;
    qint64 m_startedMs = 0;
    GenerationRecord m_record;
};

} // namespace gw::net
