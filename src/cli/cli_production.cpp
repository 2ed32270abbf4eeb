#include "cli_production.h"

#include "cli_common.h"

#include <QJsonDocument>

namespace gw::cli {

QCommandLineOption pgOption()
{
    return QCommandLineOption(u"pg"_qs,
                              u"The production database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE] "
                              "(PGPASSWORD when the URL has no password)."_qs,
                              u"URL"_qs);
}

std::optional<production::PgConnectionSpec> readPgOption(const QCommandLineParser &parser, const QString &command,
                                                         int *exit)
{
    if (!parser.isSet(u"pg"_qs)) {
        *exit = usageError(u"%1: --pg URL is required"_qs.arg(command));
        return std::nullopt;
    }
    const production::PgUrlResult r =
        production::parsePgUrl(parser.value(u"pg"_qs), qEnvironmentVariable("PGPASSWORD"));
    if (!r.ok()) {
        *exit = usageError(u"%1: --pg: %2"_qs.arg(command, r.error));
        return std::nullopt;
    }
    return r.value;
}

int reportProductionError(const QString &command, const store::ProductionError &error)
{
    err() << command << u": "_qs << error.message << u'\n';
    err().flush();
    return error.status == store::ProductionStatus::Refused ? ExitRefused : ExitInvalidInput;
}

void printJson(const QJsonObject &o)
{
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    out().flush();
}

} // namespace gw::cli
