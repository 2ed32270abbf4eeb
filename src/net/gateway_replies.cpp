#include "gateway_replies.h"

#include "http_exchange.h"
#include "protocol/normalizer.h"
#include "json/json_document.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gw::net {

GatewayReply::GatewayReply(Gateway gateway, QObject *parent) : QObject(parent), m_gateway(gateway)
{
    m_clock.start();
}

GatewayReply::~GatewayReply() = default;

void GatewayReply::track(HttpExchange *exchange)
{
    m_exchange = exchange;
    exchange->setParent(this);
}

void GatewayReply::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    onCancel();
    if (m_exchange && !m_exchange->isFinished())
        m_exchange->cancel(); // its finished() completes this reply with the "cancelled" error
    else
        complete(
            GatewayError{ErrorClass::Network, 0, u"cancelled"_qs, u"cancelled by the caller"_qs, std::nullopt, false});
}

void GatewayReply::complete(const GatewayError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_exchange) {
        m_httpStatus = m_exchange->httpStatus();
        m_timing.firstByteMs = m_exchange->firstByteMs();
    }
    m_timing.totalMs = m_clock.elapsed();
    Q_EMIT finished();
}

// ---- chat ----------------------------------------------------------------------------------

ChatReply::ChatReply(Gateway gateway, bool streaming, const Catalog *catalog, QObject *parent)
    : GatewayReply(gateway, parent), m_streaming(streaming), m_catalog(catalog)
{
    if (streaming) {
        m_normalizer = std::make_unique<StreamNormalizer>(gateway);
        m_normalizer->setDeltaHandler([this](StreamNormalizer::DeltaKind kind, const QString &text) {
            if (m_timing.ttftMs < 0)
                m_timing.ttftMs = m_clock.elapsed();
            if (kind == StreamNormalizer::DeltaKind::Text)
                Q_EMIT textDelta(text);
            else
                Q_EMIT reasoningDelta(text);
        });
    }
}

ChatReply::~ChatReply() = default;

void ChatReply::start(HttpExchange *exchange)
{
    track(exchange);
    connect(exchange, &HttpExchange::bytesArrived, this, &ChatReply::onBytes);
    connect(exchange, &HttpExchange::finished, this, &ChatReply::onExchangeFinished);
}

void ChatReply::onBytes(const QByteArray &bytes)
{
    if (m_normalizer)
        m_normalizer->feed(bytes);
}

void ChatReply::onExchangeFinished()
{
    const GatewayError &transport = m_exchange->error();
    const int status = m_exchange->httpStatus();
    if (m_normalizer && status >= 200 && status < 300) {
        m_result = m_normalizer->finish();
        // What the stream itself said (an error chunk) is the most specific; then our own
        // verdicts (timeout, cancel, size cap); the parser's "truncated" last.
        const bool streamSaidError = m_result.error.isError() && m_result.error.cls != ErrorClass::Protocol;
        if (transport.isError() && !streamSaidError)
            m_result.error = transport;
    } else if (transport.isError()) {
        m_result = NormalizedResponse();
        m_result.error = transport;
    } else {
        m_result = normalizeBody(m_gateway, m_exchange->body());
    }
    if (!m_result.error.isError() && !m_result.costUsd && m_catalog && m_result.hasUsage) {
        if (const CatalogModel *model = m_catalog->find(m_result.model)) {
            m_result.costUsd = estimateCostUsd(*model, m_result.usage);
            m_result.costSource = m_result.costUsd ? CostSource::Estimated : CostSource::None;
        }
    }
    complete(m_result.error);
}

// ---- models, endpoints, balance ------------------------------------------------------------

void ModelsReply::start(HttpExchange *exchange)
{
    track(exchange);
    connect(exchange, &HttpExchange::finished, this, [this] {
        if (m_exchange->error().isError())
            return complete(m_exchange->error());
        m_raw = m_exchange->body();
        m_parsed = parseCatalog(m_gateway, m_raw, m_exchange->url().toDisplayString());
        if (!m_parsed.ok())
            return complete(protocolError(u"bad_catalog"_qs, u"the /models response has no usable model"_qs));
        complete({});
    });
}

void EndpointsReply::start(HttpExchange *exchange)
{
    track(exchange);
    connect(exchange, &HttpExchange::finished, this, [this] {
        if (m_exchange->error().isError())
            return complete(m_exchange->error());
        m_raw = m_exchange->body();
        m_parsed = parseEndpoints(m_gateway, m_raw, m_exchange->url().toDisplayString());
        if (m_parsed.modelId.isEmpty() && m_parsed.endpoints.isEmpty())
            return complete(protocolError(u"bad_endpoints"_qs, u"the endpoints response has no data"_qs));
        complete({});
    });
}

namespace {

// Both gateways send money as numbers or as strings, depending on endpoint and age.
std::optional<double> money(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

QJsonValue optionalJson(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject toJson(const Balance &b)
{
    return QJsonObject{{u"remaining_usd"_qs, optionalJson(b.remainingUsd)},
                       {u"used_usd"_qs, b.usedUsd},
                       {u"limit_usd"_qs, optionalJson(b.limitUsd)},
                       {u"used_today_usd"_qs, optionalJson(b.usedTodayUsd)},
                       {u"free_tier"_qs, b.freeTier}};
}

void BalanceReply::start(HttpExchange *exchange)
{
    track(exchange);
    connect(exchange, &HttpExchange::finished, this, [this] {
        if (m_exchange->error().isError())
            return complete(m_exchange->error());
        const json::ParsedDocument parsed = json::parseDocument(m_exchange->body());
        if (!parsed.ok())
            return complete(
                protocolError(u"bad_balance"_qs, u"/key answered with malformed JSON: %1"_qs.arg(parsed.error)));
        const QJsonObject root = parsed.document.object();
        if (m_gateway == Gateway::OpenRouter) {
            const QJsonObject data = root.value(u"data").toObject();
            if (data.isEmpty())
                return complete(protocolError(u"bad_balance"_qs, u"/key answered without data"_qs));
            m_balance.usedUsd = money(data.value(u"usage")).value_or(0);
            m_balance.usedTodayUsd = money(data.value(u"usage_daily"));
            m_balance.limitUsd = money(data.value(u"limit"));
            m_balance.remainingUsd = money(data.value(u"limit_remaining"));
            m_balance.freeTier = data.value(u"is_free_tier").toBool();
        } else {
            m_balance.remainingUsd = money(root.value(u"balance"));
            m_balance.usedUsd = money(root.value(u"total_used")).value_or(0);
            if (!m_balance.remainingUsd)
                return complete(protocolError(u"bad_balance"_qs, u"/credits answered without a balance"_qs));
        }
        complete({});
    });
}

} // namespace gw::net
