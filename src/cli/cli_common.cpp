#include "cli_common.h"

#include "config/config_io.h"

#include <QCoreApplication>
#include <QUrl>

namespace gw::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << u"gatewayctl: "_qs << message << u"\n(see gatewayctl --help)\n"_qs;
    err().flush();
    return ExitUsage;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &summary,
                                    int minPositional, int maxPositional)
{
    parser.setApplicationDescription(summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{u"h"_qs, u"help"_qs}, u"Show this help."_qs);
    parser.addOption(help);
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out() << parser.helpText().replace(QCoreApplication::applicationFilePath(), u"gatewayctl"_qs);
        out().flush();
        return ExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional)
        return usageError(u"%1: missing argument"_qs.arg(args.value(0)));
    if (maxPositional >= 0 && n > maxPositional)
        return usageError(
            u"%1: unexpected argument \"%2\""_qs.arg(args.value(0), parser.positionalArguments().value(maxPositional)));
    return std::nullopt;
}

std::optional<int> readTimeOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                  const QString &command, QDateTime &value)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const auto when = parseRfc3339(parser.value(option));
    if (!when)
        return usageError(u"%1: --%2 \"%3\" is not an RFC 3339 timestamp"_qs.arg(command, option.names().constFirst(),
                                                                                 parser.value(option)));
    value = *when;
    return std::nullopt;
}

std::optional<int> checkGatewayUrlOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                         const QString &command)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const QString value = parser.value(option);
    const QUrl url(value, QUrl::StrictMode);
    if (value.trimmed().isEmpty())
        return usageError(
            u"%1: --%2 is empty (leave it out to use the real gateway)"_qs.arg(command, option.names().constFirst()));
    if (!url.isValid() || (url.scheme() != u"http"_qs && url.scheme() != u"https"_qs) || url.host().isEmpty())
        return usageError(u"%1: --%2 \"%3\" is not an http(s) URL"_qs.arg(command, option.names().constFirst(), value));
    return std::nullopt;
}

std::optional<RoutingConfig> loadConfigOrReport(const QString &path)
{
    const ConfigLoadResult result = loadConfigFile(path);
    for (const Diagnostic &d : result.diagnostics)
        err() << d.toString() << u'\n';
    err().flush();
    return result.config;
}

} // namespace gw::cli
