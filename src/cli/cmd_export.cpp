#include "cli_common.h"
#include "commands.h"

#include "config/config_io.h"
#include "export/exporter.h"

namespace gw::cli {

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"CONFIG"_qs, u"The routing config."_qs);
    const QCommandLineOption profile(u"profile"_qs, u"native, kilo-gateway or vectors."_qs, u"PROFILE"_qs);
    const QCommandLineOption allowLossy(u"allow-lossy"_qs, u"Export even what the profile cannot fully express."_qs);
    const QCommandLineOption output(QStringList{u"o"_qs, u"output"_qs},
                                    u"Write here (atomically) instead of stdout."_qs, u"FILE"_qs);
    const QCommandLineOption now(u"now"_qs, u"The export time, RFC 3339 (default: now)."_qs, u"RFC3339"_qs);
    parser.addOptions({profile, allowLossy, output, now});
    if (const auto exit = parseCommandLine(parser, args, u"Write a config in a production profile."_qs, 1, 1))
        return *exit;
    if (!parser.isSet(profile))
        return usageError(u"export: --profile is required (native, kilo-gateway or vectors)"_qs);
    const auto p = parseExportProfile(parser.value(profile));
    if (!p)
        return usageError(
            u"export: unknown profile \"%1\" (native, kilo-gateway or vectors)"_qs.arg(parser.value(profile)));
    ExportOptions options;
    options.allowLossy = parser.isSet(allowLossy);
    if (const auto exit = readTimeOption(parser, now, u"export"_qs, options.now))
        return *exit;

    const auto config = loadConfigOrReport(parser.positionalArguments().first());
    if (!config)
        return ExitInvalidInput;
    const ExportResult r = exportConfig(*config, *p, options);
    for (const QString &loss : r.losses)
        err() << (r.ok ? u"lost: "_qs : u"cannot express: "_qs) << loss << u'\n';
    for (const QString &note : r.notes)
        err() << u"note: "_qs << note << u'\n';
    if (!r.ok) {
        err() << u"export: "_qs << r.error << u'\n';
        return ExitInvalidInput;
    }
    if (parser.isSet(output)) {
        if (const Outcome<bool> written = writeFileAtomically(parser.value(output), r.bytes); !written.ok()) {
            err() << u"export: "_qs << written.error << u'\n';
            return ExitInvalidInput;
        }
        err() << u"wrote %1 (%2 bytes)\n"_qs.arg(parser.value(output)).arg(r.bytes.size());
    } else {
        out() << QString::fromUtf8(r.bytes);
    }
    return ExitOk;
}

} // namespace gw::cli
