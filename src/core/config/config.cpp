#include "config/config.h"

#include <cmath>

namespace gw {

QString gatewayName(Gateway g)
{
    return g == Gateway::Vercel ? u"vercel"_qs : u"openrouter"_qs;
}

std::optional<Gateway> parseGateway(QStringView name)
{
    if (name == u"openrouter")
        return Gateway::OpenRouter;
    if (name == u"vercel")
        return Gateway::Vercel;
    return std::nullopt;
}

QString stickyKeyName(StickyKey k)
{
    return k == StickyKey::User ? u"user"_qs : u"task_or_user"_qs;
}

std::optional<StickyKey> parseStickyKey(QStringView name)
{
    if (name == u"task_or_user")
        return StickyKey::TaskOrUser;
    if (name == u"user")
        return StickyKey::User;
    return std::nullopt;
}

QString modelClassName(ModelClass c)
{
    return c == ModelClass::Free ? u"free"_qs : u"paid"_qs;
}

std::optional<ModelClass> parseModelClass(QStringView name)
{
    if (name == u"paid")
        return ModelClass::Paid;
    if (name == u"free")
        return ModelClass::Free;
    return std::nullopt;
}

int shareToMilli(double percent)
{
    return int(std::llround(percent * kShareScale));
}

double milliToShare(int milli)
{
    return double(milli) / kShareScale;
}

ModelClass modelClassOf(const RoutingConfig &config, QStringView modelId)
{
    if (modelId.endsWith(u":free"))
        return ModelClass::Free;
    const auto it = config.models.constFind(modelId.toString());
    return it != config.models.cend() && it->free ? ModelClass::Free : ModelClass::Paid;
}

std::optional<QString> vercelProviderSlug(const RoutingConfig &config, const QString &openrouterSlug)
{
    const auto it = config.providers.constFind(openrouterSlug);
    if (it == config.providers.cend())
        return openrouterSlug;
    return *it;
}

} // namespace gw
