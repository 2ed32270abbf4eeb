#include "cli_common.h"
#include "commands.h"

#include "catalog/model_mapping.h"
#include "json/canonical_json.h"

#include <QJsonArray>
#include <QMap>

namespace gw::cli {

int runMapModels(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"OPENROUTER_MODELS.json"_qs,
                                 u"OpenRouter's GET /models response, saved as it came."_qs);
    parser.addPositionalArgument(u"VERCEL_MODELS.json"_qs, u"Vercel AI Gateway's GET /models response."_qs);
    const QCommandLineOption config(u"config"_qs, u"Say which proposals the config confirms or overrides."_qs,
                                    u"CONFIG"_qs);
    parser.addOption(config);
    if (const auto exit = parseCommandLine(
            parser, args, u"Propose an OpenRouter -> Vercel model id mapping from both catalogs."_qs, 2, 2))
        return *exit;

    std::optional<RoutingConfig> cfg;
    if (parser.isSet(config)) {
        cfg = loadConfigOrReport(parser.value(config));
        if (!cfg)
            return ExitInvalidInput;
    }
    CatalogParseResult catalogs[2] = {parseCatalogFile(Gateway::OpenRouter, parser.positionalArguments().at(0)),
                                      parseCatalogFile(Gateway::Vercel, parser.positionalArguments().at(1))};
    for (int i = 0; i < 2; ++i) {
        const CatalogParseResult &c = catalogs[i];
        for (const Diagnostic &d : c.problems)
            err() << d.toString() << u'\n';
        if (c.catalog.models.isEmpty()) {
            // An empty list ([] or {"data": []}) parses cleanly: still say why nothing was mapped.
            if (!hasErrors(c.problems))
                err() << parser.positionalArguments().at(i) << u": the catalog lists no models\n"_qs;
            err().flush();
            return ExitInvalidInput;
        }
    }

    const QList<MappingProposal> proposals =
        proposeMappings(catalogs[0].catalog, catalogs[1].catalog, cfg ? &*cfg : nullptr);
    QJsonArray entries;
    QMap<QString, int> byMethod;
    int mapped = 0;
    for (const MappingProposal &p : proposals) {
        entries.append(mappingProposalToJson(p));
        ++byMethod[mappingMethodName(p.method)];
        mapped += p.vercelId.has_value();
    }
    out() << QString::fromUtf8(canonicalJson(entries));
    QStringList counts;
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
        counts << u"%1 %2"_qs.arg(it.key()).arg(*it);
    err() << u"%1 of %2 OpenRouter ids mapped (%3)\n"_qs.arg(mapped).arg(proposals.size()).arg(counts.join(u", "_qs));
    return ExitOk;
}

} // namespace gw::cli
