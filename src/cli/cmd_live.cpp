#include "cli_common.h"
#include "cli_production.h"
#include "commands.h"

#include "production_link.h"

#include <QJsonArray>

namespace gw::cli {

int runLive(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption pg = pgOption();
    const QCommandLineOption json(u"json"_qs, u"Print the record as JSON."_qs);
    parser.addOptions({pg, json});
    if (const auto exit = parseCommandLine(
            parser, args, u"Show the routing record live in production (ai_gateway_config, row 1)."_qs, 0, 0))
        return *exit;
    int exit = ExitOk;
    const auto spec = readPgOption(parser, u"live"_qs, &exit);
    if (!spec)
        return exit;
    const store::LiveRead r = store::ProductionLink(*spec).readLive();
    if (!r.error.ok())
        return reportProductionError(u"live"_qs, r.error);
    const production::LiveRecord &rec = r.record;
    if (parser.isSet(json)) {
        QJsonObject o{{u"database"_qs, spec->describe()},
                      {u"paid_percent"_qs, rec.paidPercent},
                      {u"free_percent"_qs, rec.freePercent},
                      {u"opt_out_models"_qs, QJsonArray::fromStringList(rec.optOutModels)},
                      {u"updated_at"_qs, rec.updatedAt},
                      {u"updated_by"_qs, rec.updatedBy},
                      {u"updated_by_email"_qs, rec.updatedByEmail},
                      {u"note"_qs, rec.note},
                      {u"record"_qs, rec.config}};
        if (rec.perplexityPercent)
            o.insert(u"perplexity_percent"_qs, *rec.perplexityPercent);
        if (rec.friendliPercent)
            o.insert(u"friendli_percent"_qs, *rec.friendliPercent);
        printJson(o);
        return ExitOk;
    }
    out() << u"Live in production (%1)\n"_qs.arg(spec->describe());
    out() << u"  paid: %1%   free: %2%\n"_qs.arg(rec.paidPercent).arg(rec.freePercent);
    out() << u"  opt-out: %1 model(s)%2\n"_qs.arg(rec.optOutModels.size())
                 .arg(rec.optOutModels.isEmpty() ? QString() : u": "_qs + rec.optOutModels.join(u", "_qs));
    if (rec.perplexityPercent)
        out() << u"  perplexity: %1% (Messages API partner; not ours to change)\n"_qs.arg(*rec.perplexityPercent);
    if (rec.friendliPercent)
        out() << u"  friendli: %1% (Messages API partner; not ours to change)\n"_qs.arg(*rec.friendliPercent);
    out() << u"  updated: %1 by %2\n"_qs.arg(rec.updatedAt.isEmpty() ? u"(unknown)"_qs : rec.updatedAt,
                                             rec.updatedBy.isEmpty() ? u"(unknown)"_qs : rec.updatedBy);
    if (!rec.note.isEmpty())
        out() << u"  note: "_qs << rec.note << u'\n';
    out() << (rec.hasNativeConfig ? u"  published by Gateway Console (revision %1)\n"_qs.arg(
                  rec.config.value(u"gateway_console").toObject().value(u"revision").toInteger())
                                  : u"  not published by Gateway Console (no gateway_console member)\n"_qs);
    return ExitOk;
}

} // namespace gw::cli
