#include "generation_reply.h"

// Both gateways answer 404 for a short while after the call, so a 404 is retried with
// exponential backoff until the policy's attempts run out.

#include "http_exchange.h"
#include "json/json_document.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gw::net {

namespace {

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

} // namespace

QJsonObject toJson(const GenerationRecord &r)
{
    return QJsonObject{{u"id"_qs, r.id},
                       {u"total_cost"_qs, r.totalCostUsd ? QJsonValue(*r.totalCostUsd) : QJsonValue()},
                       {u"tokens_prompt"_qs, r.tokensPrompt},
                       {u"tokens_completion"_qs, r.tokensCompletion},
                       {u"latency_ms"_qs, r.latencyMs},
                       {u"generation_time_ms"_qs, r.generationTimeMs},
                       {u"provider_name"_qs, r.providerName},
                       {u"is_byok"_qs, r.isByok}};
}

void applyGeneration(NormalizedResponse &response, const GenerationRecord &record)
{
    if (!record.totalCostUsd)
        return;
    response.costUsd = record.totalCostUsd;
    response.costSource = CostSource::Generation;
}

GenerationReply::GenerationReply(Gateway gateway, const QString &id, const RetryPolicy &policy, Factory startAttempt,
                                 QObject *parent)
    : GatewayReply(gateway, parent), m_id(id), m_policy(policy), m_startAttempt(std::move(startAttempt))
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &GenerationReply::attempt);
}

void GenerationReply::start()
{
    attempt();
}

void GenerationReply::onCancel()
{
    if (m_backoff.isActive()) {
        m_backoff.stop();
        complete(
            GatewayError{ErrorClass::Network, 0, u"cancelled"_qs, u"cancelled by the caller"_qs, std::nullopt, false});
    }
}

void GenerationReply::attempt()
{
    ++m_attempts;
    if (m_exchange)
        m_exchange->deleteLater();
    HttpExchange *exchange = m_startAttempt(this);
    track(exchange);
    connect(exchange, &HttpExchange::finished, this, [this, exchange] {
        const GatewayError &error = exchange->error();
        if (error.httpStatus == 404 && m_attempts < m_policy.maxAttempts && !m_cancelled) {
            const int delay = std::min(m_policy.maxDelayMs, m_policy.initialDelayMs << std::min(m_attempts - 1, 16));
            m_backoff.start(delay);
            return;
        }
        if (error.isError())
            return complete(error);
        const json::ParsedDocument parsed = json::parseDocument(exchange->body());
        if (!parsed.ok())
            return complete(protocolError(u"bad_generation"_qs,
                                          u"/generation answered with malformed JSON: %1"_qs.arg(parsed.error)));
        const QJsonObject data = parsed.document.object().value(u"data").toObject();
        if (data.isEmpty())
            return complete(protocolError(u"bad_generation"_qs, u"/generation answered without data"_qs));
        m_record.id = data.value(u"id").toString(m_id);
        m_record.totalCostUsd = number(data.value(u"total_cost"));
        m_record.tokensPrompt = data.value(u"tokens_prompt").toInteger();
        m_record.tokensCompletion = data.value(u"tokens_completion").toInteger();
        m_record.latencyMs = number(data.value(u"latency")).value_or(-1);
        m_record.generationTimeMs = number(data.value(u"generation_time")).value_or(-1);
        m_record.providerName = data.value(u"provider_name").toString();
        m_record.isByok = data.value(u"is_byok").toBool();
        complete({});
    });
}

} // namespace gw::net
