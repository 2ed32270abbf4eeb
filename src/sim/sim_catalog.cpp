#include "sim_catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

// Resources of a static library must be registered by name, from the global namespace.
static void initSimResources()
{
    Q_INIT_RESOURCE(sim_catalogs);
}

namespace gw::sim {

quint64 stableHash(const QString &text)
{
    quint64 h = 1469598103934665603ULL;
    for (const char c : text.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

namespace {

struct ProviderInfo {
    const char16_t *openrouterSlug;
    const char16_t *vercelSlug;
    const char16_t *displayName;
};

// OpenRouter slug, Vercel slug, OpenRouter display name (GATEWAY-APIS.md "Provider slugs").
constexpr ProviderInfo kProviders[] = {
    {u"anthropic", u"anthropic", u"Anthropic"},
    {u"amazon-bedrock", u"bedrock", u"Amazon Bedrock"},
    {u"google-vertex", u"vertex", u"Google Vertex"},
    {u"google-ai-studio", u"google", u"Google AI Studio"},
    {u"openai", u"openai", u"OpenAI"},
    {u"azure", u"azure", u"Azure"},
    {u"xai", u"xai", u"xAI"},
    {u"mistral", u"mistral", u"Mistral"},
    {u"deepseek", u"deepseek", u"DeepSeek"},
    {u"moonshotai", u"moonshotai", u"Moonshot AI"},
    {u"minimax", u"minimax", u"MiniMax"},
    {u"alibaba", u"alibaba", u"Alibaba"},
    {u"z-ai", u"zai", u"Z.AI"},
    {u"cohere", u"cohere", u"Cohere"},
    {u"deepinfra", u"deepinfra", u"DeepInfra"},
    {u"together", u"togetherai", u"Together"},
    {u"fireworks", u"fireworks", u"Fireworks"},
    {u"groq", u"groq", u"Groq"},
    {u"cerebras", u"cerebras", u"Cerebras"},
    {u"novita", u"novita", u"NovitaAI"},
    {u"baseten", u"baseten", u"Baseten"},
    {u"parasail", u"parasail", u"Parasail"},
    {u"nebius", u"nebius", u"Nebius"},
    {u"sambanova", u"sambanova", u"SambaNova"},
};

// First-party providers per model author (either gateway's spelling), best first.
QStringList firstPartyProviders(const QString &author)
{
    if (author == u"anthropic")
        return {u"anthropic"_qs, u"amazon-bedrock"_qs, u"google-vertex"_qs};
    if (author == u"openai")
        return {u"openai"_qs, u"azure"_qs};
    if (author == u"google")
        return {u"google-vertex"_qs, u"google-ai-studio"_qs};
    if (author == u"x-ai" || author == u"xai" || author == u"spacexai")
        return {u"xai"_qs};
    if (author == u"mistralai" || author == u"mistral")
        return {u"mistral"_qs};
    if (author == u"z-ai" || author == u"zai")
        return {u"z-ai"_qs};
    if (author == u"qwen" || author == u"alibaba")
        return {u"alibaba"_qs};
    for (const QString &same : {u"deepseek"_qs, u"moonshotai"_qs, u"minimax"_qs, u"cohere"_qs})
        if (author == same)
            return {same};
    return {};
}

const QStringList kOpenWeightHosts{u"deepinfra"_qs, u"together"_qs, u"fireworks"_qs, u"groq"_qs,
                                   u"novita"_qs,    u"baseten"_qs,  u"parasail"_qs,  u"nebius"_qs};

const ProviderInfo *providerInfo(const QString &openrouterSlug)
{
    for (const ProviderInfo &p : kProviders)
        if (openrouterSlug == QStringView(p.openrouterSlug))
            return &p;
    return nullptr;
}

double price(const QJsonObject &pricing, const QString &key)
{
    return pricing.value(key).toString().toDouble();
}

// OpenRouter's /models as its current API sends it (the @openrouter/sdk schema requires these
// members; the 2025/2026 snapshots predate them). Members the snapshot has are kept as they are.
QByteArray withCurrentOpenRouterMembers(QJsonObject list)
{
    QJsonArray items = list.value(u"data").toArray();
    for (QJsonValueRef entry : items) {
        QJsonObject item = entry.toObject();
        // The real value is the endpoint list's path on the gateway's host; on the simulator's.
        if (!item.contains(u"links"))
            item.insert(u"links"_qs, QJsonObject{{u"details"_qs, u"/openrouter/api/v1/models/%1/endpoints"_qs.arg(
                                                                     item.value(u"id").toString())}});
        // Voices belong to speech models; the snapshots list none.
        if (!item.contains(u"supported_voices"))
            item.insert(u"supported_voices"_qs, QJsonValue::Null);
        entry = item;
    }
    list.insert(u"data"_qs, items);
    // One page holds the whole list.
    if (!list.contains(u"links"))
        list.insert(u"links"_qs, QJsonObject{{u"next"_qs, QJsonValue::Null}});
    if (!list.contains(u"total_count"))
        list.insert(u"total_count"_qs, items.size());
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

} // namespace

SimCatalog::SimCatalog(Gateway gateway, const QString &resourcePath) : m_gateway(gateway)
{
    initSimResources();
    QFile file(resourcePath);
    if (file.open(QIODevice::ReadOnly))
        m_served = file.readAll();
    const QJsonObject list = QJsonDocument::fromJson(m_served).object();
    if (gateway == Gateway::OpenRouter)
        m_served = withCurrentOpenRouterMembers(list);
    const QJsonArray items = list.value(u"data").toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        SimModel model;
        model.id = item.value(u"id").toString();
        model.raw = item;
        const QJsonObject pricing = item.value(u"pricing").toObject();
        if (gateway == Gateway::OpenRouter) {
            model.promptPricePerToken = price(pricing, u"prompt"_qs);
            model.completionPricePerToken = price(pricing, u"completion"_qs);
            model.contextLength = item.value(u"context_length").toInt();
            model.maxCompletionTokens = item.value(u"top_provider").toObject().value(u"max_completion_tokens").toInt();
        } else {
            // Vercel lists embedding and image models too; chat only serves language models.
            const QString type = item.value(u"type").toString(u"language"_qs);
            if (type != u"language")
                continue;
            model.promptPricePerToken = price(pricing, u"input"_qs);
            model.completionPricePerToken = price(pricing, u"output"_qs);
            model.contextLength = item.value(u"context_window").toInt();
            model.maxCompletionTokens = item.value(u"max_tokens").toInt();
        }
        if (!model.id.isEmpty())
            m_models.insert(model.id, model);
    }
}

const SimCatalog &SimCatalog::forGateway(Gateway gateway)
{
    static const SimCatalog openrouter(Gateway::OpenRouter, u":/gwsim/openrouter-models.json"_qs);
    static const SimCatalog vercel(Gateway::Vercel, u":/gwsim/vercel-models.json"_qs);
    return gateway == Gateway::OpenRouter ? openrouter : vercel;
}

const SimModel *SimCatalog::find(const QString &modelId) const
{
    auto it = m_models.constFind(modelId);
    if (it != m_models.cend())
        return &it.value();
    const qsizetype colon = modelId.lastIndexOf(u':');
    if (m_gateway == Gateway::OpenRouter && colon > 0) {
        const QString suffix = modelId.mid(colon + 1);
        static const QStringList routingSuffixes{u"nitro"_qs, u"floor"_qs, u"online"_qs, u"exacto"_qs, u"thinking"_qs};
        if (routingSuffixes.contains(suffix)) {
            it = m_models.constFind(modelId.left(colon));
            if (it != m_models.cend())
                return &it.value();
        }
    }
    return nullptr;
}

QList<SimProvider> SimCatalog::providersFor(const SimModel &model) const
{
    const quint64 h = stableHash(model.id);
    const QString author = model.id.section(u'/', 0, 0);
    QStringList candidates = firstPartyProviders(author);
    for (qsizetype i = 0; i < kOpenWeightHosts.size(); ++i)
        candidates.append(kOpenWeightHosts.at((qsizetype(h % 8) + i) % kOpenWeightHosts.size()));
    const int count = 1 + int(h % 3);

    QList<SimProvider> providers;
    for (qsizetype i = 0; i < count && i < candidates.size(); ++i) {
        const ProviderInfo *info = providerInfo(candidates.at(i));
        SimProvider p;
        p.slug = m_gateway == Gateway::OpenRouter ? QString::fromUtf16(info->openrouterSlug)
                                                  : QString::fromUtf16(info->vercelSlug);
        p.displayName = QString::fromUtf16(info->displayName);
        const quint64 ph = stableHash(model.id + u'|' + candidates.at(i));
        p.latencyMs = 250 + int(ph % 1500);
        p.throughputTps = 20 + int((ph >> 16) % 180);
        p.uptimePercent = 95.0 + double((ph >> 32) % 500) / 100.0;
        providers.append(p);
    }
    return providers;
}

QJsonObject SimCatalog::endpointsJson(const SimModel &model) const
{
    QJsonArray endpoints;
    const bool openrouter = m_gateway == Gateway::OpenRouter;
    for (const SimProvider &p : providersFor(model)) {
        QJsonObject e{{u"name"_qs, QString((openrouter ? p.displayName : p.slug) + u" | "_qs + model.id)},
                      {u"model_name"_qs, model.raw.value(u"name")},
                      {u"context_length"_qs, model.contextLength},
                      {u"max_completion_tokens"_qs, model.maxCompletionTokens},
                      {u"status"_qs, 0},
                      {u"uptime_last_30m"_qs, p.uptimePercent},
                      {u"supported_parameters"_qs, model.raw.value(u"supported_parameters")}};
        if (openrouter) {
            // OpenRouter: display name in provider_name, slug in tag, latency in seconds.
            e.insert(u"provider_name"_qs, p.displayName);
            e.insert(u"tag"_qs, p.slug);
            e.insert(u"pricing"_qs, model.raw.value(u"pricing"));
            e.insert(u"quantization"_qs, u"unknown"_qs);
            e.insert(u"latency_last_30m"_qs, double(p.latencyMs) / 1000.0);
            e.insert(u"throughput_last_30m"_qs, p.throughputTps);
        } else {
            // Vercel: the slug in provider_name, latency in milliseconds, OpenRouter-style prices.
            const QJsonObject pricing = model.raw.value(u"pricing").toObject();
            e.insert(u"provider_name"_qs, p.slug);
            e.insert(u"pricing"_qs, QJsonObject{{u"prompt"_qs, pricing.value(u"input")},
                                                {u"completion"_qs, pricing.value(u"output")}});
            e.insert(u"latency_last_30m"_qs, p.latencyMs);
            e.insert(u"throughput_last_30m"_qs, p.throughputTps);
        }
        endpoints.append(e);
    }
    return QJsonObject{{u"data"_qs, QJsonObject{{u"id"_qs, model.id},
                                                {u"name"_qs, model.raw.value(u"name")},
                                                {u"created"_qs, model.raw.value(u"created")},
                                                {u"description"_qs, model.raw.value(u"description")},
                                                {u"endpoints"_qs, endpoints}}}};
}

} // namespace gw::sim
