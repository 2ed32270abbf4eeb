#pragma once
// What every gatewayctl command shares: exit codes, output, option parsing and config loading.

#include "config/config.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace gw::cli {

enum ExitCode { ExitOk = 0, ExitInvalidInput = 1, ExitUsage = 2, ExitRefused = 3 };

QTextStream &out();
QTextStream &err();

// Parses `args` (the command name first); prints help and returns ExitOk for --help, prints the
// problem and returns ExitUsage for a usage error, or nothing when the command should go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &summary,
                                    int minPositional, int maxPositional);
int usageError(const QString &message);

// Reads an RFC 3339 time option (--now, --from, --to) into `value` when set; a usage error
// (ExitUsage) naming the command and the option when malformed. Unset leaves `value` as it was.
std::optional<int> readTimeOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                  const QString &command, QDateTime &value);

// A gateway URL option (--base-url, --openrouter-url, ...) when set must be an http(s) URL: an
// empty or malformed one is a usage error, never a silent fall back to the real gateway.
std::optional<int> checkGatewayUrlOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                                         const QString &command);

// Loads and validates a config, printing every diagnostic to stderr. Warnings do not stop it.
std::optional<RoutingConfig> loadConfigOrReport(const QString &path);

} // namespace gw::cli
