// gatewayctl normalize: one saved response (a JSON body or a raw SSE stream) of either gateway in
// the gateway-independent form the app logs and compares.

#include "cli_common.h"
#include "commands.h"

#include "catalog/catalog.h"
#include "protocol/normalizer.h"
#include "json/canonical_json.h"
#include "json/json_source.h"

#include <QFile>

namespace gw::cli {

namespace {

std::optional<NormalizedResponse> normalizeFile(Gateway gateway, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << path << u": cannot read: "_qs << file.errorString() << u'\n';
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (looksLikeSse(bytes)) {
        StreamNormalizer normalizer(gateway);
        normalizer.feed(bytes);
        return normalizer.finish();
    }
    // A body: parse it here too, so a broken file is reported with its line and column.
    const JsonSource source = parseJsonSource(bytes, path);
    for (const Diagnostic &d : source.problems)
        err() << d.toString() << u'\n';
    if (!source.ok()) {
        err() << path << u": neither a JSON response body nor an SSE stream (\"data:\" lines)\n"_qs;
        return std::nullopt;
    }
    if (!source.root.isObject()) {
        err() << path << u":1:1: a response body must be a JSON object\n"_qs;
        return std::nullopt;
    }
    return normalizeBodyObject(gateway, source.root.toObject());
}

// The contract's last resort for cost: the catalog price of the reported model and usage.
bool estimateFromCatalog(NormalizedResponse &r, Gateway gateway, const QString &catalogPath)
{
    const CatalogParseResult catalog = parseCatalogFile(gateway, catalogPath);
    if (catalog.catalog.models.isEmpty()) {
        for (const Diagnostic &d : catalog.problems)
            if (d.isError())
                err() << d.toString() << u'\n';
        if (!hasErrors(catalog.problems)) // [] or {"data": []}: clean, but nothing to price with
            err() << catalogPath << u": the catalog lists no models\n"_qs;
        return false;
    }
    if (r.costSource != CostSource::None || !r.hasUsage)
        return true;
    if (const CatalogModel *model = catalog.catalog.find(r.model)) {
        if (const auto cost = estimateCostUsd(*model, r.usage)) {
            r.costUsd = cost;
            r.costSource = CostSource::Estimated;
        }
    } else {
        err() << u"note: model \"%1\" is not in %2; no cost estimate\n"_qs.arg(r.model, catalogPath);
    }
    return true;
}

} // namespace

int runNormalize(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"FILE"_qs, u"A saved response: JSON body or raw SSE stream (detected)."_qs);
    const QCommandLineOption gatewayOption(u"gateway"_qs, u"Which gateway sent it: openrouter or vercel."_qs,
                                           u"GATEWAY"_qs);
    const QCommandLineOption catalogOption(
        u"catalog"_qs, u"A /models snapshot of that gateway, to estimate a cost none was reported."_qs, u"CATALOG"_qs);
    parser.addOptions({gatewayOption, catalogOption});
    if (const auto exit =
            parseCommandLine(parser, args,
                             u"Normalize a saved chat response of either gateway: text, reasoning, tokens, provider, "
                             "generation id, cost and error, as canonical JSON on stdout."_qs,
                             1, 1))
        return *exit;
    if (!parser.isSet(gatewayOption))
        return usageError(u"normalize: --gateway is required (openrouter or vercel)"_qs);
    const auto gateway = parseGateway(parser.value(gatewayOption));
    if (!gateway)
        return usageError(
            u"normalize: unknown gateway \"%1\" (openrouter or vercel)"_qs.arg(parser.value(gatewayOption)));

    auto response = normalizeFile(*gateway, parser.positionalArguments().first());
    if (response && parser.isSet(catalogOption)
        && !estimateFromCatalog(*response, *gateway, parser.value(catalogOption)))
        response.reset();
    err().flush();
    if (!response)
        return ExitInvalidInput;
    out() << QString::fromUtf8(canonicalJson(toJson(*response)));
    out().flush();
    return ExitOk;
}

} // namespace gw::cli
