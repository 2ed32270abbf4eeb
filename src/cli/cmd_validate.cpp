#include "cli_common.h"
#include "commands.h"

#include <QFileInfo>

namespace gw::cli {

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"CONFIG"_qs, u"The routing config (JSON, config v1)."_qs);
    if (const auto exit = parseCommandLine(parser, args, u"Check a routing config and print every problem."_qs, 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().first();
    const auto config = loadConfigOrReport(path);
    if (!config)
        return ExitInvalidInput;
    out() << u"%1: valid (%2 rules, %3 models)\n"_qs.arg(path).arg(config->rules.size()).arg(config->models.size());
    return ExitOk;
}

} // namespace gw::cli
