#include "gateway_client.h"

#include "http_exchange.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrlQuery>

namespace gw::net {

GatewayClient::GatewayClient(Gateway gateway, const ClientSettings &settings, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_nam(new QNetworkAccessManager(this))
{
    m_catalog.gateway = gateway;
    setSettings(settings);
}

GatewayClient::~GatewayClient() = default;

void GatewayClient::setSettings(const ClientSettings &settings)
{
    m_settings = settings;
    if (m_settings.baseUrl.isEmpty())
        m_settings.baseUrl = defaultBaseUrl(m_gateway);
}

HttpExchange *GatewayClient::newExchange(QObject *owner)
{
    return new HttpExchange(m_nam, m_gateway, m_settings, owner);
}

ChatReply *GatewayClient::chat(const QJsonObject &request)
{
    QJsonObject body = request;
    prepareChatRequest(body);
    const bool streaming = body.value(u"stream").toBool();
    auto *reply = new ChatReply(m_gateway, streaming, m_catalog.models.isEmpty() ? nullptr : &m_catalog, this);
    HttpExchange *exchange = newExchange(reply);
    reply->start(exchange);
    exchange->post(u"/chat/completions"_qs, QJsonDocument(body).toJson(QJsonDocument::Compact), streaming);
    return reply;
}

ModelsReply *GatewayClient::models()
{
    auto *reply = new ModelsReply(m_gateway, this);
    HttpExchange *exchange = newExchange(reply);
    reply->start(exchange);
    exchange->get(u"/models"_qs);
    return reply;
}

EndpointsReply *GatewayClient::modelEndpoints(const QString &modelId)
{
    auto *reply = new EndpointsReply(m_gateway, this);
    HttpExchange *exchange = newExchange(reply);
    reply->start(exchange);
    // Each path segment encoded on its own: the slash between author and slug must stay.
    const QString author = QString::fromUtf8(QUrl::toPercentEncoding(modelId.section(u'/', 0, 0)));
    const QString slug = QString::fromUtf8(QUrl::toPercentEncoding(modelId.section(u'/', 1)));
    exchange->get(u"/models/"_qs + author + u'/' + slug + u"/endpoints"_qs);
    return reply;
}

GenerationReply *GatewayClient::generation(const QString &generationId, const RetryPolicy &policy)
{
    const QString path = u"/generation?id="_qs + QString::fromUtf8(QUrl::toPercentEncoding(generationId));
    // Each attempt is a fresh exchange owned by the reply; finished() is always queued, so the
    // reply connects to it after the request went out.
    auto *reply = new GenerationReply(
        m_gateway, generationId, policy,
        [this, path](QObject *owner) {
            HttpExchange *exchange = newExchange(owner);
            exchange->get(path);
            return exchange;
        },
        this);
    reply->start();
    return reply;
}

BalanceReply *GatewayClient::balance()
{
    auto *reply = new BalanceReply(m_gateway, this);
    HttpExchange *exchange = newExchange(reply);
    reply->start(exchange);
    exchange->get(balancePath());
    return reply;
}

OpenRouterClient::OpenRouterClient(const ClientSettings &settings, QObject *parent)
    : GatewayClient(Gateway::OpenRouter, settings, parent)
{
}

VercelClient::VercelClient(const ClientSettings &settings, QObject *parent)
    : GatewayClient(Gateway::Vercel, settings, parent)
{
}

void VercelClient::prepareChatRequest(QJsonObject &request) const
{
    // Vercel follows OpenAI here: stream usage only when asked for (routing contract).
    if (request.value(u"stream").toBool()) {
        QJsonObject options = request.value(u"stream_options").toObject();
        options.insert(u"include_usage"_qs, true);
        request.insert(u"stream_options"_qs, options);
    }
}

std::unique_ptr<GatewayClient> makeGatewayClient(Gateway gateway, const ClientSettings &settings, QObject *parent)
{
    if (gateway == Gateway::OpenRouter)
        return std::make_unique<OpenRouterClient>(settings, parent);
    return std::make_unique<VercelClient>(settings, parent);
}

} // namespace gw::net
