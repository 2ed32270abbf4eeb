#pragma once
// One client per gateway behind one interface. Each owns its QNetworkAccessManager; every
// endpoint is one small function returning a reply (gateway_replies.h). Errors reach callers
// already classified (gw::ErrorClass), and the API key never appears in any message or log.

#include "catalog/catalog.h"
#include "client_settings.h"
#include "gateway_replies.h"
#include "generation_reply.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace gw::net {

class HttpExchange;

class GatewayClient : public QObject {
    Q_OBJECT
public:
    ~GatewayClient() override;

    Gateway gateway() const { return m_gateway; }
    const ClientSettings &settings() const { return m_settings; }
    void setSettings(const ClientSettings &settings);
    // Price table for an "estimated" cost when a response reports none (optional).
    void setCatalog(const Catalog &catalog) { m_catalog = catalog; }

    // `request` is the gateway's own chat request; "stream": true makes a streaming call.
    ChatReply *chat(const QJsonObject &request);
    ModelsReply *models();
    EndpointsReply *modelEndpoints(const QString &modelId); // "author/slug"
    GenerationReply *generation(const QString &generationId, const RetryPolicy &policy = {});
    BalanceReply *balance(); // OpenRouter GET /key, Vercel GET /credits

protected:
    GatewayClient(Gateway gateway, const ClientSettings &settings, QObject *parent);
    virtual QString balancePath() const = 0;
    // Last touches to a chat request before it is sent (e.g. asking for usage in streams).
    virtual void prepareChatRequest(QJsonObject &request) const { Q_UNUSED(request) }

private:
    HttpExchange *newExchange(QObject *owner);

    Gateway m_gateway;
    ClientSettings m_settings;
    QNetworkAccessManager *m_nam;
    Catalog m_catalog;
};

class OpenRouterClient : public GatewayClient {
    Q_OBJECT
public:
    explicit OpenRouterClient(const ClientSettings &settings, QObject *parent = nullptr);

protected:
    QString balancePath() const override { return u"/key"_qs; }
};

class VercelClient : public GatewayClient {
    Q_OBJECT
public:
    explicit VercelClient(const ClientSettings &settings, QObject *parent = nullptr);

protected:
    QString balancePath() const override { return u"/credits"_qs; }
    void prepareChatRequest(QJsonObject &request) const override;
};

std::unique_ptr<GatewayClient> makeGatewayClient(Gateway gateway, const ClientSettings &settings,
                                                 QObject *parent = nullptr);

} // namespace gw::net
