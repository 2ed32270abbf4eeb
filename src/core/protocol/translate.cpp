#include "protocol/translate.h"

#include <QJsonArray>
#include <QJsonValue>

namespace gw {

namespace {

class Translator {
public:
    Translator(const QJsonObject &request, const RoutingConfig &config) : m_request(request), m_config(config) {}

    TranslationResult run()
    {
        const QString primary = m_request.value(u"model").toString();
        translateModel();
        translateFallbackModels();
        translateProvider(primary);
        if (m_request.value(u"stream").toBool()) {
            // Without include_usage Vercel streams no usage chunk, and cost could not be known.
            QJsonObject streamOptions = m_request.value(u"stream_options").toObject();
            streamOptions.insert(u"include_usage"_qs, true);
            m_request.insert(u"stream_options"_qs, streamOptions);
        }
        // OpenRouter's opt-in for usage accounting; Vercel always reports usage (stream: above).
        m_request.remove(u"usage"_qs);
        // `reasoning` and its alias `reasoning_effort` mean the same on both gateways: untouched.
        if (!m_gateway.isEmpty()) {
            QJsonObject providerOptions = m_request.value(u"providerOptions").toObject();
            QJsonObject gateway = providerOptions.value(u"gateway").toObject();
            for (auto it = m_gateway.begin(); it != m_gateway.end(); ++it)
                gateway.insert(it.key(), it.value());
            providerOptions.insert(u"gateway"_qs, gateway);
            m_request.insert(u"providerOptions"_qs, providerOptions);
        }
        return {m_request, m_warnings};
    }

private:
    void warn(const QString &path, const QString &message) { m_warnings << path + u": "_qs + message; }

    std::optional<QString> vercelModel(const QString &openrouterId) const
    {
        const auto it = m_config.models.constFind(openrouterId);
        if (it == m_config.models.cend() || !it->vercel || it->vercel->isEmpty())
            return std::nullopt;
        return *it->vercel;
    }

    void translateModel()
    {
        const QJsonValue model = m_request.value(u"model");
        if (!model.isString()) {
            warn(u"/model"_qs, model.isUndefined() ? u"missing; nothing to map"_qs : u"not a string; left as is"_qs);
            return;
        }
        if (const auto mapped = vercelModel(model.toString()))
            m_request.insert(u"model"_qs, *mapped);
        else
            warn(u"/model"_qs, u"\"%1\" has no Vercel mapping; left as is"_qs.arg(model.toString()));
    }

    // OpenRouter's top-level `models` fallbacks become providerOptions.gateway.models on Vercel.
    void translateFallbackModels()
    {
        if (!m_request.contains(u"models"))
            return;
        const QJsonValue models = m_request.value(u"models");
        m_request.remove(u"models"_qs);
        if (!models.isArray()) {
            warn(u"/models"_qs, u"not an array; dropped"_qs);
            return;
        }
        QJsonArray mapped;
        const QJsonArray list = models.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = u"/models/"_qs + QString::number(i);
            if (!list.at(i).isString()) {
                warn(path, u"not a string; dropped"_qs);
                continue;
            }
            if (const auto id = vercelModel(list.at(i).toString()))
                mapped.append(*id);
            else
                warn(path, u"fallback model \"%1\" has no Vercel mapping; dropped"_qs.arg(list.at(i).toString()));
        }
        if (!mapped.isEmpty())
            m_gateway.insert(u"models"_qs, mapped);
    }

    // OpenRouter slugs at `path` -> Vercel slugs; slugs mapped to null are dropped with a warning.
    std::optional<QStringList> mapSlugs(const QJsonValue &value, const QString &path)
    {
        if (!value.isArray()) {
            warn(path, u"not an array of provider slugs; dropped"_qs);
            return std::nullopt;
        }
        QStringList out;
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString itemPath = path + u'/' + QString::number(i);
            if (!list.at(i).isString()) {
                warn(itemPath, u"not a string; dropped"_qs);
                continue;
            }
            const auto slug = vercelProviderSlug(m_config, list.at(i).toString());
            if (!slug || slug->isEmpty()) {
                warn(itemPath, u"provider \"%1\" is not on Vercel; dropped"_qs.arg(list.at(i).toString()));
                continue;
            }
            if (!out.contains(*slug))
                out << *slug;
        }
        return out;
    }

    void translateProvider(const QString &primaryModel)
    {
        if (!m_request.contains(u"provider"))
            return;
        const QJsonValue providerValue = m_request.value(u"provider");
        m_request.remove(u"provider"_qs);
        if (!providerValue.isObject()) {
            if (!providerValue.isNull())
                warn(u"/provider"_qs, u"not an object; dropped"_qs);
            return;
        }
        const QJsonObject provider = providerValue.toObject();

        std::optional<QStringList> order;
        std::optional<QStringList> only;
        if (provider.contains(u"order"))
            order = mapSlugs(provider.value(u"order"), u"/provider/order"_qs);
        if (provider.contains(u"only"))
            only = mapSlugs(provider.value(u"only"), u"/provider/only"_qs);

        const QJsonValue allowFallbacks = provider.value(u"allow_fallbacks");
        if (allowFallbacks.isBool() && !allowFallbacks.toBool()) {
            if (order) {
                // No fallbacks beyond the order: Vercel says that with `only` (within any `only`).
                QStringList restricted;
                for (const QString &slug : *order)
                    if (!only || only->contains(slug))
                        restricted << slug;
                only = restricted;
            } else {
                warn(u"/provider/allow_fallbacks"_qs, u"false without \"order\" has no Vercel equivalent; dropped"_qs);
            }
        } else if (!allowFallbacks.isUndefined() && !allowFallbacks.isBool()) {
            warn(u"/provider/allow_fallbacks"_qs, u"not a boolean; dropped"_qs);
        }

        if (provider.contains(u"ignore"))
            translateIgnore(provider.value(u"ignore"), primaryModel, only);

        if (order)
            m_gateway.insert(u"order"_qs, QJsonArray::fromStringList(*order));
        if (only) {
            if (only->isEmpty())
                warn(u"/provider"_qs,
                     u"no Vercel provider is left for \"only\"; the request cannot be served as asked"_qs);
            m_gateway.insert(u"only"_qs, QJsonArray::fromStringList(*only));
        }

        for (auto it = provider.begin(); it != provider.end(); ++it)
            translateScalar(it.key(), it.value());
    }

    // `ignore` -> `only` = the providers Vercel is known to serve the model with, minus the
    // ignored ones. Without that list there is nothing to subtract from.
    void translateIgnore(const QJsonValue &value, const QString &primaryModel, std::optional<QStringList> &only)
    {
        const auto ignored = mapIgnored(value);
        if (!ignored)
            return;
        std::optional<QStringList> base = only;
        if (!base) {
            const auto entry = m_config.models.constFind(primaryModel);
            if (entry != m_config.models.cend() && entry->vercelProviders)
                base = *entry->vercelProviders;
        }
        if (!base) {
            warn(u"/provider/ignore"_qs,
                 u"the Vercel providers of \"%1\" are unknown, so an ignore list cannot be expressed; dropped"_qs.arg(
                     primaryModel));
            return;
        }
        QStringList rest;
        for (const QString &slug : *base)
            if (!ignored->contains(slug))
                rest << slug;
        only = rest;
    }

    // Ignored slugs with no Vercel counterpart need no warning: Vercel cannot route to them anyway.
    std::optional<QStringList> mapIgnored(const QJsonValue &value)
    {
        if (!value.isArray()) {
            warn(u"/provider/ignore"_qs, u"not an array of provider slugs; dropped"_qs);
            return std::nullopt;
        }
        QStringList out;
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString()) {
                warn(u"/provider/ignore/"_qs + QString::number(i), u"not a string; dropped"_qs);
                continue;
            }
            if (const auto slug = vercelProviderSlug(m_config, list.at(i).toString()); slug && !slug->isEmpty())
                out << *slug;
        }
        return out;
    }

    void translateScalar(const QString &key, const QJsonValue &value)
    {
        const QString path = u"/provider/"_qs + key;
        if (key == u"order" || key == u"only" || key == u"ignore" || key == u"allow_fallbacks") {
            return; // handled above
        } else if (key == u"sort") {
            const QString sort = value.isString() ? vercelSortFor(value.toString()) : QString();
            if (sort.isEmpty())
                warn(path, u"unknown sort %1; dropped"_qs.arg(value.isString() ? u'"' + value.toString() + u'"'
                                                                               : u"value"_qs));
            else
                m_gateway.insert(u"sort"_qs, sort);
        } else if (key == u"zdr") {
            if (value.isBool())
                m_gateway.insert(u"zeroDataRetention"_qs, value.toBool());
            else
                warn(path, u"not a boolean; dropped"_qs);
        } else if (key == u"data_collection") {
            if (value.toString() == u"deny")
                m_gateway.insert(u"disallowPromptTraining"_qs, true);
            else if (value.toString() != u"allow")
                warn(path, u"expected \"allow\" or \"deny\"; dropped"_qs);
        } else if (key == u"require_parameters" || key == u"quantizations" || key == u"max_price"
                   || key.startsWith(u"preferred_")) {
            warn(path, u"no Vercel equivalent; dropped"_qs);
        } else {
            warn(path, u"unknown provider preference; dropped"_qs);
        }
    }

    QJsonObject m_request;
    const RoutingConfig &m_config;
    QJsonObject m_gateway; // becomes providerOptions.gateway
    QStringList m_warnings;
};

} // namespace

QString vercelSortFor(QStringView openrouterSort)
{
    if (openrouterSort == u"price")
        return u"cost"_qs;
    if (openrouterSort == u"throughput")
        return u"tps"_qs;
    if (openrouterSort == u"latency")
        return u"ttft"_qs;
    return {};
}

TranslationResult translateToVercel(const QJsonObject &openrouterRequest, const RoutingConfig &config)
{
    return Translator(openrouterRequest, config).run();
}

} // namespace gw
