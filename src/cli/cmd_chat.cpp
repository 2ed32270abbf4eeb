// gatewayctl chat: one chat completion on one gateway, printed as the normalized result.

#include "cli_common.h"
#include "commands.h"
#include "key_lookup.h"

#include "gateway_client.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

namespace {

std::optional<Gateway> parseGatewayName(const QString &name)
{
    if (name == u"openrouter")
        return Gateway::OpenRouter;
    if (name == u"vercel")
        return Gateway::Vercel;
    return std::nullopt;
}

} // namespace

// Shared with cmd_balance.cpp: settings from --base-url and the gateway's usual env var.
net::ClientSettings cliClientSettings(Gateway gateway, const QString &baseUrl)
{
    net::ClientSettings settings;
    if (!baseUrl.isEmpty())
        settings.baseUrl = QUrl(baseUrl);
    settings.apiKey = net::lookupApiKey(gateway).key;
    settings.attribution.title = u"gatewayctl"_qs;
    return settings;
}

std::optional<Gateway> cliGateway(const QString &name)
{
    return parseGatewayName(name);
}

int runChat(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption gatewayOpt(u"gateway"_qs, u"openrouter or vercel."_qs, u"G"_qs);
    const QCommandLineOption model(u"model"_qs, u"Model id as the gateway names it."_qs, u"M"_qs);
    const QCommandLineOption prompt(u"prompt"_qs, u"The user message."_qs, u"TEXT"_qs);
    const QCommandLineOption stream(u"stream"_qs, u"Stream: text goes to stderr as it arrives."_qs);
    const QCommandLineOption effort(u"reasoning-effort"_qs, u"none, minimal, low, medium, high, xhigh or max."_qs,
                                    u"E"_qs);
    const QCommandLineOption baseUrl(u"base-url"_qs,
                                     u"Gateway base URL (default: the real gateway; gateway-sim: "
                                     "http://127.0.0.1:PORT/openrouter/api/v1 or .../vercel/v1)."_qs,
                                     u"URL"_qs);
    const QCommandLineOption timeout(u"timeout"_qs, u"Total timeout in seconds (default 600)."_qs, u"S"_qs);
    parser.addOptions({gatewayOpt, model, prompt, stream, effort, baseUrl, timeout});
    const QString summary =
        u"Send one chat completion and print the normalized result as JSON.\n"
        "Keys come from the environment (OPENROUTER_API_KEY, AI_GATEWAY_API_KEY), else from the "
        "system keychain entry the app stores. Exit code 1 when the gateway answered with an error."_qs;
    if (const auto exit = parseCommandLine(parser, args, summary, 0, 0))
        return *exit;
    const std::optional<Gateway> gateway = parseGatewayName(parser.value(gatewayOpt));
    if (!gateway)
        return usageError(u"chat: --gateway must be openrouter or vercel"_qs);
    if (!parser.isSet(model) || !parser.isSet(prompt))
        return usageError(u"chat: --model and --prompt are required"_qs);
    if (const auto exit = checkGatewayUrlOption(parser, baseUrl, u"chat"_qs))
        return *exit;

    net::ClientSettings settings = cliClientSettings(*gateway, parser.value(baseUrl));
    if (settings.apiKey.isEmpty())
        return usageError(u"chat: no key for %1: set %2 or store it in the app's settings (keychain)"_qs.arg(
            gatewayName(*gateway), net::keyEnvironmentVariable(*gateway)));
    if (parser.isSet(timeout))
        settings.timeouts.totalMs = parser.value(timeout).toInt() * 1000;

    QJsonObject request{
        {u"model"_qs, parser.value(model)},
        {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, parser.value(prompt)}}}}};
    if (parser.isSet(stream))
        request.insert(u"stream"_qs, true);
    if (parser.isSet(effort))
        request.insert(u"reasoning"_qs, QJsonObject{{u"effort"_qs, parser.value(effort)}});

    auto client = net::makeGatewayClient(*gateway, settings);
    net::ChatReply *reply = client->chat(request);
    QObject::connect(reply, &net::ChatReply::textDelta, reply, [](const QString &text) {
        err() << text;
        err().flush();
    });
    QObject::connect(reply, &net::GatewayReply::finished, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    if (parser.isSet(stream)) {
        err() << u'\n';
        err().flush();
    }

    QJsonObject result = toJson(reply->result());
    result.insert(u"gateway"_qs, gatewayName(*gateway));
    result.insert(u"http_status"_qs, reply->httpStatus());
    result.insert(u"ttft_ms"_qs, reply->timing().ttftMs);
    result.insert(u"latency_ms"_qs, reply->timing().totalMs);
    out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
    out().flush();
    return reply->error().isError() ? ExitInvalidInput : ExitOk;
}

} // namespace gw::cli
