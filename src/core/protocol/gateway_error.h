#pragma once
// One error taxonomy for both gateways. Every failure a client can see (an HTTP error body, a
// mid-stream error chunk, a broken stream, a timeout) becomes a GatewayError, so routing,
// failover and the monitor reason about classes, not about each gateway's own codes.

#include "config/config.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gw {

enum class ErrorClass {
    None,
    Auth,                // 401, bad or revoked key; 403 customer_verification_required on Vercel
    InsufficientCredits, // 402: the account has no credits left
    QuotaExceeded,       // 402 quota_for_entity_exceeded on Vercel: a budget, not the balance
    RateLimited,         // 429
    ContextLength,       // prompt too long for the model (recognised by message)
    ModelNotFound,       // 404 / model_not_found / "not a valid model ID"
    ProviderUnavailable, // 502/503/524/529: no upstream could serve the request
    Moderation,          // 403 on OpenRouter: input flagged
    BadRequest,          // other 4xx
    Timeout,             // 408 or a client-side timeout
    Server,              // other 5xx
    Network,             // connection refused/reset, DNS: set by gwnet, never by a body
    Protocol,            // the response itself is broken: truncated stream, unparsable chunk
};

// snake_case name as written to traffic logs ("rate_limited"); "none" for None.
QString errorClassName(ErrorClass cls);
std::optional<ErrorClass> parseErrorClass(QStringView name);

struct GatewayError {
    ErrorClass cls = ErrorClass::None;
    int httpStatus = 0; // 0 when no HTTP status applies (network, truncated stream)
    QString code;       // the gateway's own type/code string ("rate_limit_exceeded", "402")
    QString message;    // human-readable, as sent by the gateway when it sent one
    std::optional<int> retryAfterSeconds;
    bool midStream = false; // arrived after streaming began (HTTP 200, error chunk)

    bool isError() const { return cls != ErrorClass::None; }
    bool operator==(const GatewayError &) const = default;
};

// Classifies an HTTP error response of either gateway. The body's own type/code refines the
// class the status suggests; a non-JSON or malformed body still classifies by status alone.
// `retryAfterHeader` is the parsed Retry-After header (seconds) if the response had one.
GatewayError classifyHttpError(Gateway gateway, int httpStatus, QByteArrayView body,
                               std::optional<int> retryAfterHeader = std::nullopt);

// Classification shared by HTTP errors and OpenRouter's mid-stream error chunks: `errorObject`
// is the value of the body's "error" member (object, or anything else when malformed).
GatewayError classifyErrorObject(Gateway gateway, int httpStatus, const QJsonValue &errorObject);

// Protocol error for a stream that ended early or sent garbage ("truncated_stream", ...).
GatewayError protocolError(const QString &code, const QString &message);

} // namespace gw
