#include "cli_common.h"
#include "commands.h"

#include "routing/simulation.h"
#include "json/canonical_json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gw::cli {

namespace {

QJsonObject shareToJson(const ModelShare &s, bool withChurn)
{
    QJsonObject o{{u"vercel"_qs, double(s.vercel)},
                  {u"openrouter"_qs, double(s.openrouter)},
                  {u"vercel_percent"_qs, std::round(s.vercelPercent() * 1000) / 1000}};
    if (!s.model.isEmpty())
        o.insert(u"model"_qs, s.model);
    if (withChurn)
        o.insert(u"changed"_qs, double(s.changed));
    return o;
}

void printTable(const SimulationResult &r)
{
    int width = 5;
    for (const ModelShare &s : r.perModel)
        width = std::max(width, int(s.model.size()));
    QTextStream &o = out();
    o << u"model"_qs.leftJustified(width) << u"    vercel  openrouter  vercel %"_qs
      << (r.hasBaseline ? u"   changed"_qs : QString()) << u'\n';
    const auto row = [&](const ModelShare &s, const QString &name) {
        o << name.leftJustified(width) << QString::number(s.vercel).rightJustified(10)
          << QString::number(s.openrouter).rightJustified(12)
          << QString::number(s.vercelPercent(), 'f', 3).rightJustified(10);
        if (r.hasBaseline)
            o << QString::number(s.changed).rightJustified(10);
        o << u'\n';
    };
    for (const ModelShare &s : r.perModel)
        row(s, s.model);
    row(r.total, u"all"_qs);
    if (r.hasBaseline)
        o << u"\nagainst the other config: %1 decisions move to Vercel, %2 to OpenRouter; %3 users change gateway for at least one model\n"_qs
                 .arg(r.movedToVercel)
                 .arg(r.movedToOpenRouter)
                 .arg(r.usersChanged);
}

} // namespace

int runSimulate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"CONFIG"_qs, u"The routing config."_qs);
    const QCommandLineOption users(u"users"_qs, u"Number of synthetic users (sim-user-0 ...)."_qs, u"N"_qs);
    const QCommandLineOption models(u"models"_qs, u"Comma-separated models (default: the config's table)."_qs,
                                    u"a,b,c"_qs);
    const QCommandLineOption against(u"against"_qs, u"Count the decisions that change against this config."_qs,
                                     u"OTHER_CONFIG"_qs);
    const QCommandLineOption now(u"now"_qs, u"The clock, RFC 3339 (default: now)."_qs, u"RFC3339"_qs);
    const QCommandLineOption json(u"json"_qs, u"Print JSON instead of a table."_qs);
    parser.addOptions({users, models, against, now, json});
    if (const auto exit =
            parseCommandLine(parser, args, u"Traffic share per model and gateway over synthetic users."_qs, 1, 1))
        return *exit;
    if (!parser.isSet(users))
        return usageError(u"simulate: --users is required"_qs);
    bool ok = false;
    SimulationOptions options;
    options.users = parser.value(users).toInt(&ok);
    if (!ok || options.users <= 0)
        return usageError(u"simulate: --users takes a positive whole number, not \"%1\""_qs.arg(parser.value(users)));
    if (parser.isSet(models))
        options.models = parser.value(models).split(u',', Qt::SkipEmptyParts);
    if (const auto exit = readTimeOption(parser, now, u"simulate"_qs, options.now))
        return *exit;

    const auto config = loadConfigOrReport(parser.positionalArguments().first());
    if (!config)
        return ExitInvalidInput;
    std::optional<RoutingConfig> baseline;
    if (parser.isSet(against)) {
        baseline = loadConfigOrReport(parser.value(against));
        if (!baseline)
            return ExitInvalidInput;
    }
    if (options.models.isEmpty() && config->models.isEmpty()) {
        err() << u"simulate: the config's model table is empty; name models with --models\n"_qs;
        return ExitInvalidInput;
    }

    const SimulationResult r = simulate(*config, options, baseline ? &*baseline : nullptr);
    if (parser.isSet(json)) {
        QJsonArray perModel;
        for (const ModelShare &s : r.perModel)
            perModel.append(shareToJson(s, r.hasBaseline));
        QJsonObject doc{
            {u"users"_qs, options.users}, {u"models"_qs, perModel}, {u"total"_qs, shareToJson(r.total, r.hasBaseline)}};
        if (r.hasBaseline)
            doc.insert(u"churn"_qs, QJsonObject{{u"to_vercel"_qs, double(r.movedToVercel)},
                                                {u"to_openrouter"_qs, double(r.movedToOpenRouter)},
                                                {u"users_changed"_qs, double(r.usersChanged)}});
        out() << QString::fromUtf8(canonicalJson(doc));
    } else {
        printTable(r);
    }
    err() << u"%1 decisions in %2 ms (%3 million per second)\n"_qs.arg(r.decisions)
                 .arg(r.seconds * 1000, 0, 'f', 1)
                 .arg(r.decisions / std::max(r.seconds, 1e-9) / 1e6, 0, 'f', 2);
    return ExitOk;
}

} // namespace gw::cli
