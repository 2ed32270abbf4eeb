#pragma once
// One line of a traffic log v1 (ROUTING-CONTRACT.md, "Traffic log v1") as the line parser
// (traffic/line_parser.h) hands it to the aggregator, its errors, and the timestamp rule.

#include "config/config.h"
#include "protocol/gateway_error.h"

#include <QString>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw {

enum class TrafficFormat { Jsonl, Csv };

// How a cost was known: a gateway's own figure (reported, or reconciled from /generation) is kept
// apart from our estimate from the catalog price table.
enum class TrafficCostKind : quint8 { None, Reported, Estimated };

struct TrafficRecord {
    qint64 tsMs = 0; // UTC milliseconds since the epoch
    Gateway gateway = Gateway::OpenRouter;
    std::string_view model;                   // requested (OpenRouter id)
    std::string_view provider;                // empty when the log does not say
    std::string_view user;                    // opaque id; empty when missing or null
    std::string_view task;                    // empty when missing or null (the sticky key is then the user)
    int status = 0;                           // HTTP status; 0 when none applied (network error)
    ErrorClass errorClass = ErrorClass::None; // None = ok
    double latencyMs = -1;                    // < 0: unknown
    double ttftMs = -1;                       // < 0: unknown
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;
    TrafficCostKind costKind = TrafficCostKind::None;
    bool fallback = false; // fallback_from was a gateway
    bool free = false;
};

// Why a line was refused: the JSON path of the field ("/latency_ms"; empty for the whole line).
struct TrafficLineError {
    QString path;
    QString message;
};

// The class of an ok-or-failed request: error_type when the log names one, else from the status.
ErrorClass trafficErrorClass(int httpStatus);

// Parses "YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm]" into UTC milliseconds; nullopt when malformed.
std::optional<qint64> parseTrafficTimestamp(std::string_view s);

} // namespace gw
