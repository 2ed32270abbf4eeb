#include "client_settings.h"

#include <QHostAddress>

namespace gw::net {

QUrl defaultBaseUrl(Gateway gateway)
{
    return QUrl(gateway == Gateway::OpenRouter ? u"https://openrouter.ai/api/v1"_qs
                                               : u"https://ai-gateway.vercel.sh/v1"_qs);
}

QString keyEnvironmentVariable(Gateway gateway)
{
    return gateway == Gateway::OpenRouter ? u"OPENROUTER_API_KEY"_qs : u"AI_GATEWAY_API_KEY"_qs;
}

QString maskKey(const QString &key)
{
    if (key.isEmpty())
        return u"(none)"_qs;
    QString prefix;
    for (const QString &known : {u"sk-or-v1-"_qs, u"vck_"_qs, u"sk-"_qs})
        if (key.startsWith(known)) {
            prefix = known;
            break;
        }
    // Short keys show nothing of themselves: four characters of an eight-character key is half of it.
    const QString tail = key.size() >= prefix.size() + 12 ? key.right(4) : QString();
    return prefix + u'…' + tail;
}

QString redactKey(QString text, const QString &key)
{
    if (!key.isEmpty())
        text.replace(key, maskKey(key));
    return text;
}

bool isLoopbackHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace gw::net
