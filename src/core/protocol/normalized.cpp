#include "protocol/normalized.h"

namespace gw {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString costSourceName(CostSource source)
{
    switch (source) {
    case CostSource::None: return u"none"_qs;
    case CostSource::Reported: return u"reported"_qs;
    case CostSource::Estimated: return u"estimated"_qs;
    case CostSource::Generation: return u"generation"_qs;
    }
    return u"none"_qs;
}

QJsonObject toJson(const TokenUsage &usage)
{
    // Token counts stay far below 2^53, so doubles hold them exactly.
    return QJsonObject{
        {u"prompt_tokens"_qs, double(usage.prompt)},       {u"completion_tokens"_qs, double(usage.completion)},
        {u"cached_tokens"_qs, double(usage.cachedRead)},   {u"cache_write_tokens"_qs, double(usage.cacheWrite)},
        {u"reasoning_tokens"_qs, double(usage.reasoning)},
    };
}

QJsonObject toJson(const GatewayError &error)
{
    return QJsonObject{
        {u"class"_qs, errorClassName(error.cls)},
        {u"http_status"_qs, error.httpStatus},
        {u"code"_qs, stringOrNull(error.code)},
        {u"message"_qs, stringOrNull(error.message)},
        {u"retry_after_seconds"_qs, error.retryAfterSeconds ? QJsonValue(*error.retryAfterSeconds) : QJsonValue()},
        {u"mid_stream"_qs, error.midStream},
    };
}

QJsonObject toJson(const NormalizedResponse &r)
{
    return QJsonObject{
        {u"text"_qs, r.text},
        {u"reasoning"_qs, r.reasoning},
        {u"reasoning_details"_qs, r.reasoningDetails},
        {u"usage"_qs, r.hasUsage ? QJsonValue(toJson(r.usage)) : QJsonValue()},
        {u"final_provider"_qs, stringOrNull(r.finalProvider)},
        {u"generation_id"_qs, stringOrNull(r.generationId)},
        {u"cost_usd"_qs, r.costUsd ? QJsonValue(*r.costUsd) : QJsonValue()},
        {u"cost_source"_qs, costSourceName(r.costSource)},
        {u"finish_reason"_qs, stringOrNull(r.finishReason)},
        {u"error"_qs, r.error.isError() ? QJsonValue(toJson(r.error)) : QJsonValue()},
        {u"model"_qs, stringOrNull(r.model)},
        {u"chunks"_qs, double(r.chunkCount)},
        {u"keep_alives"_qs, double(r.keepAliveCount)},
    };
}

} // namespace gw
