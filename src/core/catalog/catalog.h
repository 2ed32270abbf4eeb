#pragma once
// The gateways' model catalogs (GET /models) and per-model endpoint lists, parsed from either
// gateway's shape into one value form. Bad items are reported with their JSON path and skipped;
// good ones are always kept, so one odd model never hides the other 342.

#include "config/config.h"
#include "protocol/normalized.h"
#include "util/diagnostic.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gw {

struct CatalogModel {
    QString id;
    QString name;
    qint64 contextLength = 0;       // 0 when unknown
    qint64 maxOutputTokens = 0;     // 0 when unknown
    double pricePromptPerToken = 0; // USD per token
    double priceCompletionPerToken = 0;
    double priceCacheRead = 0; // USD per cached input token read; 0 when not listed
    double priceCacheWrite = 0;
    bool hasPricing = false; // prompt and completion prices were both present
    bool reasoning = false;
    bool tools = false;
    QString type = QStringLiteral("language"); // Vercel: language|embedding|image|video...
    QString ownedBy;                           // Vercel owned_by; OpenRouter: the id's author prefix
    QStringList tags;                          // Vercel tags / OpenRouter supported_parameters
    bool operator==(const CatalogModel &) const = default;
};

struct Catalog {
    Gateway gateway = Gateway::OpenRouter;
    QList<CatalogModel> models;
    QHash<QString, int> index;        // id -> position in models
    qsizetype skippedNonLanguage = 0; // Vercel items of another type (embedding, image, ...)

    const CatalogModel *find(const QString &id) const;
};

struct CatalogParseResult {
    Catalog catalog;
    Diagnostics problems; // errors for unusable items (skipped) and for a broken document
    bool ok() const { return !hasErrors(problems) || !catalog.models.isEmpty(); }
};

// `bytes` is the whole /models response ({"data": [...]}, or a bare array).
CatalogParseResult parseCatalog(Gateway gateway, QByteArrayView bytes, const QString &fileName);
CatalogParseResult parseCatalogFile(Gateway gateway, const QString &path);

struct ProviderEndpoint {
    QString slug;          // gateway's provider slug (OpenRouter: `tag`, Vercel: `provider_name`)
    QString name;          // display name
    double latencyMs = -1; // recent median latency in ms; -1 when unknown
    double uptime = -1;    // percent over the last 30 minutes; -1 when unknown
    qint64 contextLength = 0;
    qint64 maxOutputTokens = 0;
    double pricePromptPerToken = 0;
    double priceCompletionPerToken = 0;
    QString quantization;
    QString status; // as reported ("0"/"default" on OpenRouter), empty when absent
    bool operator==(const ProviderEndpoint &) const = default;
};

struct EndpointListResult {
    QString modelId;
    QList<ProviderEndpoint> endpoints;
    Diagnostics problems;
};

// GET /models/{id}/endpoints: {"data": {"id", "endpoints": [...]}} on both gateways.
EndpointListResult parseEndpoints(Gateway gateway, QByteArrayView bytes, const QString &fileName);

// Cost of a call from the price table: uncached prompt at the prompt price, cached reads and
// cache writes at their own prices (prompt price when the catalog lists none), completion
// (reasoning included) at the completion price. None when the model has no pricing.
std::optional<double> estimateCostUsd(const CatalogModel &model, const TokenUsage &usage);

// Price strings as both gateways send them ("0.000002", "-1" for "varies", "0"): USD/token.
std::optional<double> parsePrice(const QJsonValue &value);

} // namespace gw
