#pragma once
// What can go wrong on the simulated gateways, per gateway. Set from the command line
// (gateway-sim flags), from JSON (POST /_control/faults) or directly by in-process tests.

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace gw::sim {

// A delay drawn uniformly from [minMs, maxMs]; fixed when both are equal.
struct DelayRange {
    int minMs = 0;
    int maxMs = 0;
    bool isZero() const { return minMs <= 0 && maxMs <= 0; }
};

struct GatewayFaults {
    // Probability (0..1) per error kind, rolled once per chat request in a fixed order. A kind is
    // an HTTP status ("400", "401", "402", "403", "404", "408", "429", "500", "502", "503", "504",
    // "524", "529") or a named case that shares a status with another: "context_length" (400),
    // "quota_exceeded" (402 budget; Vercel's quota_for_entity_exceeded).
    QMap<QString, double> errorRates;
    int retryAfterSeconds = 2;          // Retry-After on 429
    DelayRange latency;                 // before the response head (every chat request)
    DelayRange ttft;                    // stream: head -> first content chunk
    int chunkIntervalMs = 0;            // stream: between content chunks
    int keepAliveIntervalMs = 0;        // stream: ": OPENROUTER PROCESSING" while waiting (0 = none)
    int midStreamErrorAfterChunks = -1; // >= 0: error chunk under HTTP 200 after that many chunks
    int truncateAfterChunks = -1;       // >= 0: close the connection after that many chunks
    int generationDelayMs = 0;          // GET /generation answers 404 for this long after the call
    int paymentRequiredAfter = -1;      // >= 0: chat requests beyond this many get 402
    bool hang = false;                  // chat: accept the request and never answer
};

struct SimFaults {
    GatewayFaults openrouter;
    GatewayFaults vercel;
};

// Known error kinds, in the order they are rolled.
const QStringList &errorKinds();

// JSON shape: {"openrouter": {...}, "vercel": {...}, "both": {...}} with GatewayFaults' field
// names in snake_case ("error_rates": {"429": 0.5}, "latency_ms": 20 or [10, 50], "ttft_ms",
// "chunk_interval_ms", "keepalive_interval_ms", "mid_stream_error_after", "truncate_after",
// "generation_delay_ms", "payment_required_after", "hang", "retry_after_s"). "both" applies
// first, then the per-gateway objects. Unknown keys are an error so typos do not pass silently.
std::optional<SimFaults> faultsFromJson(const QJsonObject &json, QString *error);
QJsonObject faultsToJson(const SimFaults &faults);

// Applies one gateway-level JSON object on top of `faults`.
bool applyGatewayFaults(const QJsonObject &json, GatewayFaults &faults, QString *error);

std::optional<DelayRange> parseDelay(const QString &text); // "20" or "10-50"

} // namespace gw::sim
