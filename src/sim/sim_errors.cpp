#include "sim_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::sim {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SimError openrouterError(int status, const QString &message, const QString &errorType, QJsonObject metadata = {})
{
    if (!errorType.isEmpty())
        metadata.insert(u"error_type"_qs, errorType);
    QJsonObject error{{u"code"_qs, status}, {u"message"_qs, message}};
    if (!metadata.isEmpty())
        error.insert(u"metadata"_qs, metadata);
    return {status, compact(QJsonObject{{u"error"_qs, error}})};
}

SimError vercelError(int status, const QString &message, const QString &type)
{
    return {status, compact(QJsonObject{{u"error"_qs, QJsonObject{{u"message"_qs, message}, {u"type"_qs, type}}}})};
}

} // namespace

SimError unauthorized(Gateway gateway)
{
    if (gateway == Gateway::OpenRouter)
        return openrouterError(401, u"No auth credentials found"_qs, u"authentication_error"_qs);
    return vercelError(401, u"Invalid API key"_qs, u"authentication_error"_qs);
}

SimError unknownModel(Gateway gateway, const QString &model)
{
    if (gateway == Gateway::OpenRouter)
        return openrouterError(400, u"%1 is not a valid model ID"_qs.arg(model), u"model_not_found"_qs);
    return vercelError(404, u"Model '%1' not found"_qs.arg(model), u"model_not_found"_qs);
}

SimError badRequest(Gateway gateway, const QString &message)
{
    if (gateway == Gateway::OpenRouter)
        return openrouterError(400, message, u"invalid_request"_qs);
    return vercelError(400, message, u"invalid_request_error"_qs);
}

SimError notFound(Gateway gateway, const QString &message)
{
    if (gateway == Gateway::OpenRouter)
        return openrouterError(404, message, u"not_found"_qs);
    return vercelError(404, message, u"not_found_error"_qs);
}

SimError contextLength(Gateway gateway, int limit, int requested)
{
    const QString message = u"This endpoint's maximum context length is %1 tokens. However, you requested about "
                            "%2 tokens. Please reduce the length of the messages."_qs.arg(limit)
                                .arg(requested);
    if (gateway == Gateway::OpenRouter)
        return openrouterError(400, message, u"context_length_exceeded"_qs);
    return vercelError(400, message, u"context_length_exceeded"_qs);
}

SimError gatewayError(Gateway gateway, const QString &kind, const QString &detail)
{
    const bool o = gateway == Gateway::OpenRouter;
    const QJsonObject upstream{{u"provider_name"_qs, u"Simulated Provider"_qs}, {u"raw"_qs, u"upstream error"_qs}};
    if (kind == u"400")
        return badRequest(gateway, u"Invalid request: 'messages' must contain at least one message"_qs);
    if (kind == u"context_length")
        return contextLength(gateway, 8192, 12000);
    if (kind == u"401")
        return unauthorized(gateway);
    if (kind == u"402")
        return o ? openrouterError(402,
                                   u"Insufficient credits. Add more using https://openrouter.ai/settings/credits"_qs,
                                   u"insufficient_credits"_qs)
                 : vercelError(402, u"Insufficient funds. Please add credits to your account to continue."_qs,
                               u"insufficient_funds"_qs);
    if (kind == u"quota_exceeded")
        return o ? openrouterError(402, u"Key limit exceeded: this key has reached its spending limit"_qs,
                                   u"key_limit_exceeded"_qs)
                 : vercelError(402, u"Quota exceeded for this entity"_qs, u"quota_for_entity_exceeded"_qs);
    if (kind == u"403")
        return o ? openrouterError(403, u"Input was flagged by moderation"_qs, u"moderation"_qs,
                                   QJsonObject{{u"reasons"_qs, QJsonArray{u"violence"_qs}},
                                               {u"flagged_input"_qs, u"..."_qs},
                                               {u"provider_name"_qs, u"OpenAI"_qs}})
                 : vercelError(403, u"Customer verification required"_qs, u"customer_verification_required"_qs);
    if (kind == u"404")
        return o ? openrouterError(404, u"Model %1 not found"_qs.arg(detail), u"model_not_found"_qs)
                 : vercelError(404, u"Model '%1' not found"_qs.arg(detail), u"model_not_found"_qs);
    if (kind == u"408")
        return o ? openrouterError(408, u"Request timed out"_qs, u"timeout"_qs)
                 : vercelError(408, u"Request timed out"_qs, u"timeout_error"_qs);
    if (kind == u"429")
        return o ? openrouterError(429, u"Rate limit exceeded"_qs, u"rate_limit_exceeded"_qs,
                                   QJsonObject{{u"provider_code"_qs, 429}})
                 : vercelError(429, u"Rate limit exceeded"_qs, u"rate_limit_exceeded"_qs);
    if (kind == u"500")
        return o ? openrouterError(500, u"Internal Server Error"_qs, u"server_error"_qs)
                 : vercelError(500, u"Internal server error"_qs, u"internal_server_error"_qs);
    if (kind == u"502")
        return o ? openrouterError(502, u"Provider returned error"_qs, u"provider_error"_qs, upstream)
                 : vercelError(502, u"Provider returned an error"_qs, u"provider_error"_qs);
    if (kind == u"503")
        return o ? openrouterError(503, u"No allowed providers are available for the selected model."_qs,
                                   u"no_providers_available"_qs)
                 : vercelError(503, u"No providers available for this model"_qs, u"service_unavailable"_qs);
    if (kind == u"504")
        return o ? openrouterError(504, u"Gateway timeout"_qs, u"timeout"_qs)
                 : vercelError(504, u"Gateway timeout"_qs, u"timeout_error"_qs);
    if (kind == u"524")
        return o ? openrouterError(524, u"Provider timed out"_qs, u"timeout"_qs, upstream)
                 : vercelError(524, u"Provider timed out"_qs, u"timeout_error"_qs);
    if (kind == u"529")
        return o ? openrouterError(529, u"Provider is overloaded"_qs, u"provider_overloaded"_qs, upstream)
                 : vercelError(529, u"Provider is overloaded"_qs, u"provider_overloaded"_qs);
    return o ? openrouterError(500, u"Unknown simulated error"_qs, u"server_error"_qs)
             : vercelError(500, u"Unknown simulated error"_qs, u"internal_server_error"_qs);
}

QByteArray midStreamErrorChunk(Gateway gateway, const QString &id, const QString &model, qint64 created)
{
    if (gateway == Gateway::Vercel)
        return compact(QJsonObject{{u"error"_qs, QJsonObject{{u"message"_qs, u"Provider disconnected mid-stream"_qs},
                                                             {u"type"_qs, u"provider_error"_qs}}}});
    const QJsonObject choice{
        {u"index"_qs, 0}, {u"delta"_qs, QJsonObject{{u"content"_qs, u""_qs}}}, {u"finish_reason"_qs, u"error"_qs}};
    return compact(
        QJsonObject{{u"id"_qs, id},
                    {u"object"_qs, u"chat.completion.chunk"_qs},
                    {u"created"_qs, created},
                    {u"model"_qs, model},
                    {u"provider"_qs, u"Simulated Provider"_qs},
                    {u"error"_qs, QJsonObject{{u"code"_qs, 502},
                                              {u"message"_qs, u"Provider disconnected mid-stream"_qs},
                                              {u"metadata"_qs, QJsonObject{{u"error_type"_qs, u"provider_error"_qs}}}}},
                    {u"choices"_qs, QJsonArray{choice}}});
}

} // namespace gw::sim
