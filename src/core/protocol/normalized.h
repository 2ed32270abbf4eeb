#pragma once
// The gateway-independent view of one chat completion: what the test runner compares side by
// side, what the monitor logs and what the next turn sends back (reasoning_details).

#include "protocol/gateway_error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace gw {

struct TokenUsage {
    qint64 prompt = 0;     // all input tokens, cached ones included
    qint64 completion = 0; // all output tokens, reasoning included
    qint64 cachedRead = 0; // input tokens served from the prompt cache
    qint64 cacheWrite = 0; // input tokens written to the prompt cache
    qint64 reasoning = 0;  // output tokens spent on reasoning
    bool operator==(const TokenUsage &) const = default;
};

enum class CostSource {
    None,       // nothing known
    Reported,   // the gateway said so in the response
    Estimated,  // computed from the catalog price table
    Generation, // reconciled later from GET /generation (total_cost)
};

QString costSourceName(CostSource source); // "none" | "reported" | "estimated" | "generation"

struct NormalizedResponse {
    QString text;
    QString reasoning;
    QJsonArray reasoningDetails; // merged by (type, index); send back unchanged next turn
    TokenUsage usage;
    bool hasUsage = false;
    QString finalProvider; // the inference provider that served it (gateway's slug/name)
    QString generationId;
    std::optional<double> costUsd;
    CostSource costSource = CostSource::None;
    QString finishReason;
    GatewayError error;        // cls None when the call succeeded
    QString model;             // model id as the gateway reports it
    qint64 chunkCount = 0;     // stream chunks with a JSON payload (0 for a non-stream body)
    qint64 keepAliveCount = 0; // SSE comment lines seen
};

// Stable JSON form (for gatewayctl normalize, logs and tests); optional members are null.
QJsonObject toJson(const NormalizedResponse &response);
QJsonObject toJson(const TokenUsage &usage);
QJsonObject toJson(const GatewayError &error);

} // namespace gw
