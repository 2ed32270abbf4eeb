#pragma once
// The simulator's model catalogs: the real /models snapshots of both gateways, embedded as Qt
// resources, served as they are (OpenRouter's with the members its current API requires and the
// snapshot lacks filled in, docs/simulator.md), and used for prices, context limits and
// unknown-model errors.
// Provider endpoints are synthesised from the model id (1-3 per model, always the same ones).

#include "config/config.h" // gw::Gateway

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gw::sim {

struct SimModel {
    QString id;
    double promptPricePerToken = 0;
    double completionPricePerToken = 0;
    int contextLength = 0;
    int maxCompletionTokens = 0;
    QJsonObject raw; // the catalog item as the gateway lists it
};

// One upstream provider serving a model. `slug` is the gateway's own slug; OpenRouter also shows
// a display name (its endpoint `provider_name`), Vercel shows the slug there.
struct SimProvider {
    QString slug;
    QString displayName;
    int latencyMs = 0;
    int throughputTps = 0;
    double uptimePercent = 100;
};

class SimCatalog {
public:
    static const SimCatalog &forGateway(Gateway gateway);

    Gateway gateway() const { return m_gateway; }
    // GET /models: the snapshot, plus (OpenRouter) links, supported_voices and total_count where
    // it lacks them.
    const QByteArray &modelsListJson() const { return m_served; }
    qsizetype size() const { return m_models.size(); }
    // Resolves OpenRouter's routing suffixes (":nitro", ":floor", ...) to the base model; ":free"
    // ids are catalog entries of their own.
    const SimModel *find(const QString &modelId) const;
    QList<SimProvider> providersFor(const SimModel &model) const;
    // GET /models/{author}/{slug}/endpoints, in this gateway's shape.
    QJsonObject endpointsJson(const SimModel &model) const;

private:
    SimCatalog(Gateway gateway, const QString &resourcePath);

    Gateway m_gateway;
    QByteArray m_served;
    QHash<QString, SimModel> m_models;
};

// A stable 64-bit hash (FNV-1a over UTF-8): the same on every run, unlike qHash.
quint64 stableHash(const QString &text);

} // namespace gw::sim
