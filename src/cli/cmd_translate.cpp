// gatewayctl translate: what an OpenRouter request becomes when the router sends it to Vercel,
// and what it loses on the way (warnings, by JSON path).

#include "cli_common.h"
#include "commands.h"

#include "protocol/translate.h"
#include "json/canonical_json.h"
#include "json/json_source.h"

#include <QFile>

namespace gw::cli {

namespace {

// The request as a JSON object, or nothing after printing why (file, line:column, what).
std::optional<QJsonObject> readRequest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << path << u": cannot read: "_qs << file.errorString() << u'\n';
        return std::nullopt;
    }
    const JsonSource source = parseJsonSource(file.readAll(), path);
    for (const Diagnostic &d : source.problems)
        err() << d.toString() << u'\n';
    if (!source.ok())
        return std::nullopt;
    if (!source.root.isObject()) {
        err() << path << u":1:1: the request must be a JSON object\n"_qs;
        return std::nullopt;
    }
    return source.root.toObject();
}

} // namespace

int runTranslate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"REQUEST"_qs, u"An OpenRouter chat completion request (JSON file)."_qs);
    const QCommandLineOption config(u"config"_qs, u"The routing config whose model and provider tables apply."_qs,
                                    u"CONFIG"_qs);
    parser.addOption(config);
    if (const auto exit =
            parseCommandLine(parser, args,
                             u"Translate an OpenRouter request into a Vercel AI Gateway request. The result goes to "
                             "stdout as canonical JSON; every dropped field is named on stderr."_qs,
                             1, 1))
        return *exit;
    if (!parser.isSet(config))
        return usageError(u"translate: --config is required"_qs);

    const QString requestPath = parser.positionalArguments().first();
    const auto request = readRequest(requestPath);
    const auto routing = loadConfigOrReport(parser.value(config));
    if (!request || !routing) {
        err().flush();
        return ExitInvalidInput;
    }
    const TranslationResult result = translateToVercel(*request, *routing);
    for (const QString &warning : result.warnings)
        err() << requestPath << u": warning: "_qs << warning << u'\n';
    err().flush();
    out() << QString::fromUtf8(canonicalJson(result.request));
    out().flush();
    return ExitOk;
}

} // namespace gw::cli
