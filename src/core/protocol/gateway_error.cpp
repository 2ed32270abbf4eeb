#include "protocol/gateway_error.h"

#include "json/json_document.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace gw {

namespace {

struct ClassName {
    ErrorClass cls;
    const char16_t *name;
};

constexpr std::array<ClassName, 14> kClassNames{{
    {ErrorClass::None, u"none"},
    {ErrorClass::Auth, u"auth"},
    {ErrorClass::InsufficientCredits, u"insufficient_credits"},
    {ErrorClass::QuotaExceeded, u"quota_exceeded"},
    {ErrorClass::RateLimited, u"rate_limited"},
    {ErrorClass::ContextLength, u"context_length"},
    {ErrorClass::ModelNotFound, u"model_not_found"},
    {ErrorClass::ProviderUnavailable, u"provider_unavailable"},
    {ErrorClass::Moderation, u"moderation"},
    {ErrorClass::BadRequest, u"bad_request"},
    {ErrorClass::Timeout, u"timeout"},
    {ErrorClass::Server, u"server"},
    {ErrorClass::Network, u"network"},
    {ErrorClass::Protocol, u"protocol"},
}};

// The gateways' own type strings that name a class more precisely than the HTTP status does.
// Generic ones ("invalid_request_error", "api_error") are absent on purpose: the status decides.
std::optional<ErrorClass> classFromType(QStringView type)
{
    struct Entry {
        const char16_t *type;
        ErrorClass cls;
    };
    static constexpr Entry kTypes[] = {
        {u"authentication_error", ErrorClass::Auth},
        {u"invalid_api_key", ErrorClass::Auth},
        {u"unauthorized", ErrorClass::Auth},
        // Vercel 403: the account must add a payment method before it may use the gateway. It is
        // an account problem like a bad key, and retrying the same gateway cannot fix it.
        {u"customer_verification_required", ErrorClass::Auth},
        {u"insufficient_credits", ErrorClass::InsufficientCredits},
        {u"insufficient_funds", ErrorClass::InsufficientCredits},
        {u"payment_required", ErrorClass::InsufficientCredits},
        {u"quota_for_entity_exceeded", ErrorClass::QuotaExceeded},
        {u"budget_exceeded", ErrorClass::QuotaExceeded},
        {u"key_limit_exceeded", ErrorClass::QuotaExceeded}, // OpenRouter: the key's own spending cap
        {u"rate_limit_exceeded", ErrorClass::RateLimited},
        {u"rate_limited", ErrorClass::RateLimited},
        {u"too_many_requests", ErrorClass::RateLimited},
        {u"context_length_exceeded", ErrorClass::ContextLength},
        {u"model_not_found", ErrorClass::ModelNotFound},
        {u"no_such_model", ErrorClass::ModelNotFound},
        {u"moderation", ErrorClass::Moderation},
        {u"moderation_error", ErrorClass::Moderation},
        {u"content_filter", ErrorClass::Moderation},
        {u"provider_unavailable", ErrorClass::ProviderUnavailable},
        {u"no_providers_available", ErrorClass::ProviderUnavailable},
        {u"service_unavailable", ErrorClass::ProviderUnavailable},
        {u"overloaded_error", ErrorClass::ProviderUnavailable},
        {u"overloaded", ErrorClass::ProviderUnavailable},
        {u"timeout", ErrorClass::Timeout},
        {u"request_timeout", ErrorClass::Timeout},
        {u"timeout_error", ErrorClass::Timeout},
        {u"internal_server_error", ErrorClass::Server},
        {u"server_error", ErrorClass::Server},
    };
    for (const Entry &e : kTypes)
        if (type.compare(QStringView(e.type), Qt::CaseInsensitive) == 0)
            return e.cls;
    return std::nullopt;
}

ErrorClass classFromStatus(Gateway gateway, int status)
{
    switch (status) {
    case 400: return ErrorClass::BadRequest;
    case 401: return ErrorClass::Auth;
    case 402: return ErrorClass::InsufficientCredits;
    // OpenRouter's 403 means "your input was flagged by moderation"; Vercel's is an account state.
    case 403: return gateway == Gateway::OpenRouter ? ErrorClass::Moderation : ErrorClass::Auth;
    case 404: return ErrorClass::ModelNotFound;
    case 408: return ErrorClass::Timeout;
    case 413: return ErrorClass::ContextLength; // request entity too large: the prompt is
    case 429: return ErrorClass::RateLimited;
    case 502:
    case 503:
    case 529: return ErrorClass::ProviderUnavailable;
    case 504:
    case 524: return ErrorClass::Timeout; // gateway / Cloudflare edge timed out waiting upstream
    default: break;
    }
    if (status >= 400 && status < 500)
        return ErrorClass::BadRequest;
    if (status >= 500 && status < 600)
        return ErrorClass::Server;
    return ErrorClass::None;
}

// Providers word "prompt too long" many ways; these are the phrasings seen from OpenAI, Anthropic,
// Google, Mistral and the gateways themselves.
bool mentionsContextLength(const QString &text)
{
    static constexpr const char16_t *kPhrases[] = {
        u"context length",  u"context_length",    u"context window",      u"maximum context", u"prompt is too long",
        u"too many tokens", u"input is too long", u"exceeds the context", u"token limit",
    };
    for (const char16_t *phrase : kPhrases)
        if (text.contains(QStringView(phrase), Qt::CaseInsensitive))
            return true;
    return false;
}

bool mentionsNoEndpoints(const QString &text)
{
    return text.contains(u"no endpoints found"_qs, Qt::CaseInsensitive)
           || text.contains(u"no allowed providers"_qs, Qt::CaseInsensitive);
}

QString scalarToString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return {};
}

// A short, printable excerpt of a non-JSON body (an HTML error page from a proxy, say).
QString bodySnippet(QByteArrayView body)
{
    constexpr qsizetype kMax = 200;
    QString text = QString::fromUtf8(body.first(std::min(body.size(), kMax))).simplified();
    if (body.size() > kMax)
        text += u"…"_qs;
    return text;
}

// OpenRouter answers an unknown model id with a plain 400 ("x/y is not a valid model ID").
bool mentionsUnknownModel(const QString &text)
{
    return text.contains(u"not a valid model id"_qs, Qt::CaseInsensitive)
           || text.contains(u"model not found"_qs, Qt::CaseInsensitive);
}

} // namespace

QString errorClassName(ErrorClass cls)
{
    for (const ClassName &c : kClassNames)
        if (c.cls == cls)
            return QString::fromUtf16(c.name);
    return u"none"_qs;
}

std::optional<ErrorClass> parseErrorClass(QStringView name)
{
    for (const ClassName &c : kClassNames)
        if (name == QStringView(c.name))
            return c.cls;
    return std::nullopt;
}

GatewayError classifyErrorObject(Gateway gateway, int httpStatus, const QJsonValue &errorObject)
{
    GatewayError e;
    e.httpStatus = httpStatus;
    const QJsonObject o = errorObject.toObject();
    if (errorObject.isString())
        e.message = errorObject.toString();
    else
        e.message = o.value(u"message").toString();

    // OpenRouter: numeric `code` plus metadata.error_type; Vercel: `type` (and sometimes `code`).
    const QJsonObject metadata = o.value(u"metadata").toObject();
    const QString metaType = metadata.value(u"error_type").toString();
    const QString type = o.value(u"type").toString();
    const QString codeText = scalarToString(o.value(u"code"));
    if (!metaType.isEmpty())
        e.code = metaType;
    else if (!type.isEmpty())
        e.code = type;
    else
        e.code = codeText;

    // Under HTTP 200 (an error chunk mid-stream) the object's own numeric code is the status.
    int status = httpStatus;
    if (status < 400) {
        const QJsonValue code = o.value(u"code");
        const int embedded = code.isDouble() ? code.toInt() : codeText.toInt();
        if (embedded >= 400 && embedded < 600)
            status = embedded;
    }

    // Provider errors come wrapped ("Provider returned error"); the real text is metadata.raw.
    const QString raw =
        metadata.value(u"raw").isString()
            ? metadata.value(u"raw").toString()
            : QString::fromUtf8(QJsonDocument(metadata.value(u"raw").toObject()).toJson(QJsonDocument::Compact));
    const bool contextMessage = mentionsContextLength(e.message) || mentionsContextLength(raw);

    std::optional<ErrorClass> byType;
    for (const QString &t : {metaType, type, codeText})
        if (!byType && !t.isEmpty())
            byType = classFromType(t);

    if (byType) {
        e.cls = *byType;
    } else {
        e.cls = classFromStatus(gateway, status);
        if (e.cls == ErrorClass::ModelNotFound && mentionsNoEndpoints(e.message))
            e.cls = ErrorClass::ProviderUnavailable;
        if (e.cls == ErrorClass::BadRequest && mentionsUnknownModel(e.message))
            e.cls = ErrorClass::ModelNotFound;
        if (e.cls == ErrorClass::None)
            e.cls = status == 0 || status == 200 ? ErrorClass::Server : ErrorClass::Protocol;
    }
    // A context overflow is reported as a plain 400 (or a provider error) almost everywhere.
    if (contextMessage
        && (e.cls == ErrorClass::BadRequest || e.cls == ErrorClass::ProviderUnavailable || e.cls == ErrorClass::Server))
        e.cls = ErrorClass::ContextLength;
    return e;
}

GatewayError classifyHttpError(Gateway gateway, int httpStatus, QByteArrayView body,
                               std::optional<int> retryAfterHeader)
{
    GatewayError e;
    const json::ParsedDocument parsed = json::parseDocument(body);
    const QJsonValue errorValue = parsed.document.isObject() ? parsed.document.object().value(u"error") : QJsonValue();
    if (parsed.ok() && (errorValue.isObject() || errorValue.isString())) {
        e = classifyErrorObject(gateway, httpStatus, errorValue);
        e.httpStatus = httpStatus;
        // A 2xx/3xx status with an error body: believe the body, it is the more specific.
    } else {
        e.httpStatus = httpStatus;
        e.cls = classFromStatus(gateway, httpStatus);
        if (e.cls == ErrorClass::None)
            e.cls = ErrorClass::Protocol; // an "error" without an error status or body
        e.code = QString::number(httpStatus);
        e.message =
            parsed.document.isObject() ? parsed.document.object().value(u"message").toString() : bodySnippet(body);
        if (e.cls == ErrorClass::BadRequest && mentionsContextLength(e.message))
            e.cls = ErrorClass::ContextLength;
    }
    if (retryAfterHeader && *retryAfterHeader >= 0)
        e.retryAfterSeconds = retryAfterHeader;
    return e;
}

GatewayError protocolError(const QString &code, const QString &message)
{
    GatewayError e;
    e.cls = ErrorClass::Protocol;
    e.code = code;
    e.message = message;
    return e;
}

} // namespace gw
