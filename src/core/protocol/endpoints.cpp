// GET /models/{id}/endpoints of both gateways -> ProviderEndpoint. The two differ in where the
// provider slug stands (OpenRouter: `tag`, `provider_name` is a display name; Vercel: the slug is
// `provider_name`) and in the latency unit (OpenRouter seconds, Vercel milliseconds).

#include "catalog/catalog.h"

#include "json/json_source.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gw {

namespace {

// Latency as a number, or (newer OpenRouter) percentiles {p50, p75, ...}: the median is used.
std::optional<double> latencyValue(const QJsonValue &v)
{
    if (v.isDouble() && v.toDouble() >= 0)
        return v.toDouble();
    if (v.isObject()) {
        const QJsonValue p50 = v.toObject().value(u"p50");
        if (p50.isDouble() && p50.toDouble() >= 0)
            return p50.toDouble();
    }
    return std::nullopt;
}

qint64 countOf(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 9.0e15 ? qint64(v.toDouble()) : 0;
}

} // namespace

EndpointListResult parseEndpoints(Gateway gateway, QByteArrayView bytes, const QString &fileName)
{
    EndpointListResult result;
    const JsonSource source = parseJsonSource(bytes, fileName);
    result.problems = source.problems;
    if (source.root.isUndefined())
        return result;
    auto problem = [&](Diagnostic::Severity severity, const QString &pointer, const QString &message) {
        const JsonPosition p = source.positionOf(pointer);
        result.problems.append({severity, fileName, p.line, p.column, pointer, message});
    };

    const QJsonObject data = source.root.toObject().value(u"data").toObject();
    const QJsonValue list = data.value(u"endpoints");
    result.modelId = data.value(u"id").toString();
    if (!list.isArray()) {
        problem(Diagnostic::Severity::Error, u"/data/endpoints"_qs, u"expected an array of endpoints"_qs);
        return result;
    }
    const QJsonArray endpoints = list.toArray();
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const QString pointer = jsonPointerChild(u"/data/endpoints"_qs, i);
        const QJsonObject e = endpoints.at(i).toObject();
        ProviderEndpoint p;
        if (gateway == Gateway::OpenRouter) {
            p.slug = e.value(u"tag").toString();
            p.name = e.value(u"provider_name").toString();
        } else {
            p.slug = e.value(u"provider_name").toString();
            p.name = e.value(u"name").toString().section(u" | "_qs, 0, 0);
        }
        if (p.slug.isEmpty()) {
            problem(Diagnostic::Severity::Error, pointer,
                    gateway == Gateway::OpenRouter
                        ? u"endpoint without a provider slug (\"tag\"); skipped"_qs
                        : u"endpoint without a provider slug (\"provider_name\"); skipped"_qs);
            continue;
        }
        if (p.name.isEmpty())
            p.name = p.slug;
        if (const auto latency = latencyValue(e.value(u"latency_last_30m")))
            p.latencyMs = gateway == Gateway::OpenRouter ? *latency * 1000.0 : *latency;
        if (e.value(u"uptime_last_30m").isDouble())
            p.uptime = e.value(u"uptime_last_30m").toDouble();
        p.contextLength = countOf(e.value(u"context_length"));
        p.maxOutputTokens = countOf(e.value(u"max_completion_tokens"));
        const QJsonObject pricing = e.value(u"pricing").toObject();
        p.pricePromptPerToken = parsePrice(pricing.value(u"prompt")).value_or(0);
        p.priceCompletionPerToken = parsePrice(pricing.value(u"completion")).value_or(0);
        p.quantization = e.value(u"quantization").toString();
        const QJsonValue status = e.value(u"status");
        p.status = status.isDouble() ? QString::number(status.toInt()) : status.toString();
        result.endpoints.append(p);
    }
    return result;
}

} // namespace gw
