// gatewayctl balance: what is left on each gateway (OpenRouter GET /key, Vercel GET /credits).

#include "cli_common.h"
#include "commands.h"

#include "gateway_client.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

net::ClientSettings cliClientSettings(Gateway gateway, const QString &baseUrl); // cmd_chat.cpp
std::optional<Gateway> cliGateway(const QString &name);                         // cmd_chat.cpp

int runBalance(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption gatewayOpt(u"gateway"_qs, u"openrouter or vercel (default: both)."_qs, u"G"_qs);
    const QCommandLineOption baseUrl(u"base-url"_qs, u"Gateway base URL (with --gateway only)."_qs, u"URL"_qs);
    parser.addOptions({gatewayOpt, baseUrl});
    const QString summary = u"Print the remaining balance of each gateway as JSON.\n"
                            "Keys come from the environment (OPENROUTER_API_KEY, AI_GATEWAY_API_KEY), else from the "
                            "system keychain entry the app stores. A gateway without a key is reported, not asked."_qs;
    if (const auto exit = parseCommandLine(parser, args, summary, 0, 0))
        return *exit;
    QList<Gateway> gateways{Gateway::OpenRouter, Gateway::Vercel};
    if (parser.isSet(gatewayOpt)) {
        const std::optional<Gateway> g = cliGateway(parser.value(gatewayOpt));
        if (!g)
            return usageError(u"balance: --gateway must be openrouter or vercel"_qs);
        gateways = {*g};
    }
    if (const auto exit = checkGatewayUrlOption(parser, baseUrl, u"balance"_qs))
        return *exit;
    if (!parser.isSet(gatewayOpt) && parser.isSet(baseUrl))
        return usageError(u"balance: --base-url needs --gateway"_qs);

    QJsonObject result;
    bool failed = false;
    for (const Gateway gateway : gateways) {
        const net::ClientSettings settings = cliClientSettings(gateway, parser.value(baseUrl));
        if (settings.apiKey.isEmpty()) {
            result.insert(
                gatewayName(gateway),
                QJsonObject{{u"error"_qs, u"no key: set %1 or store it in the app's settings (keychain)"_qs.arg(
                                              net::keyEnvironmentVariable(gateway))}});
            failed = true;
            continue;
        }
        auto client = net::makeGatewayClient(gateway, settings);
        net::BalanceReply *reply = client->balance();
        QObject::connect(reply, &net::GatewayReply::finished, qApp, &QCoreApplication::quit);
        QCoreApplication::exec();
        if (reply->error().isError()) {
            result.insert(gatewayName(gateway), QJsonObject{{u"error"_qs, toJson(reply->error())}});
            failed = true;
        } else {
            result.insert(gatewayName(gateway), net::toJson(reply->balance()));
        }
    }
    out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
    out().flush();
    return failed ? ExitInvalidInput : ExitOk;
}

} // namespace gw::cli
