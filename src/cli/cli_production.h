#pragma once
// What the production commands (live, publish, rollback, pull-usage) share: the --pg option and
// the JSON output. Built with gwstore only (GW_HAVE_STORE).

#include "pg_session.h"
#include "production/pg_url.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>

#include <optional>

namespace gw::cli {

QCommandLineOption pgOption();
// The --pg URL with PGPASSWORD as the fallback password; prints a usage error (ExitUsage) when
// missing or malformed. The message never quotes the password.
std::optional<production::PgConnectionSpec> readPgOption(const QCommandLineParser &parser, const QString &command,
                                                         int *exit);
// Prints the error and returns the exit code for it: Refused 3, anything else 1.
int reportProductionError(const QString &command, const store::ProductionError &error);
void printJson(const QJsonObject &o);

} // namespace gw::cli
