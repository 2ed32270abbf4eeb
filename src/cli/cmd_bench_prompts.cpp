// gatewayctl bench-prompts: a prompt suite against both gateways side by side, headless. The
// same engine as the app's Test bench page (gw::net::BenchRunner), so both report alike.

#include "bench/stats.h"
#include "bench/suite.h"
#include "bench_runner.h"
#include "cli_common.h"
#include "commands.h"
#include "config/config_io.h"
#include "cost_reconciler.h"
#include "gateway_client.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <memory>
#include <vector>

namespace gw::cli {

net::ClientSettings cliClientSettings(Gateway gateway, const QString &baseUrl); // cmd_chat.cpp

namespace {

constexpr int kConnectionsPerClient = 6; // QNetworkAccessManager's limit per host

QString msText(double ms)
{
    return ms < 0 ? u"-"_qs : QString::number(qRound64(ms));
}

QString usdText(const std::optional<double> &usd)
{
    return usd ? u"$"_qs + QString::number(*usd, 'f', 6) : u"-"_qs;
}

QString sideText(const BenchResult &r)
{
    QString text = gatewayName(r.gateway) + u' ';
    if (r.skipped)
        return text + u"skipped ("_qs + r.skipReason + u')';
    if (!r.ok())
        return text + u"error "_qs + errorClassName(r.response.error.cls) + u" ("_qs + r.response.error.code + u')';
    text += u"ok ttft "_qs + msText(double(r.ttftMs)) + u" ms, total "_qs + msText(double(r.totalMs)) + u" ms, "_qs
            + QString::number(r.response.usage.completion) + u" tok, cost "_qs + usdText(r.response.costUsd) + u' '
            + costSourceName(r.response.costSource);
    if (r.estimatedCostUsd)
        text += u", estimated "_qs + usdText(r.estimatedCostUsd);
    if (r.billedCostUsd)
        text += u", billed "_qs + usdText(r.billedCostUsd);
    return text;
}

void printSummary(const QList<BenchSummaryRow> &rows)
{
    out()
        << u"model                                     gateway      runs  ok%   ttft p50/p95 ms  total p50/p95 ms  mean cost    tok/s\n"_qs;
    for (const BenchSummaryRow &r : rows) {
        const QString ttft = msText(r.ttftP50Ms) + u'/' + msText(r.ttftP95Ms);
        const QString total = msText(r.totalP50Ms) + u'/' + msText(r.totalP95Ms);
        out() << r.openrouterModel.leftJustified(41) << u' ' << gatewayName(r.gateway).leftJustified(12) << u' '
              << QString::number(r.runs).rightJustified(4) << u"  "_qs
              << QString::number(qRound(r.successRate * 100)).rightJustified(3) << u"   "_qs << ttft.leftJustified(16)
              << u' ' << total.leftJustified(17) << u' ' << usdText(r.meanCostUsd).leftJustified(12) << u' '
              << (r.tokensPerSecond ? QString::number(*r.tokensPerSecond, 'f', 1) : u"-"_qs) << u'\n';
    }
}

void printCases(const QList<BenchResult> &results, const PromptSuite &suite, const QList<BenchCase> &cases)
{
    const QHash<int, ParityFlags> flags = parityByCase(results);
    std::map<int, std::vector<const BenchResult *>> byCase;
    for (const BenchResult &r : results)
        byCase[r.caseIndex].push_back(&r);
    for (const auto &[index, sides] : byCase) {
        const BenchCase &c = cases.at(index);
        out() << u"case "_qs << index << u": "_qs << suite.cases.at(c.promptIndex).name << u" on "_qs
              << c.openrouterModel << u" #"_qs << (c.repetition + 1);
        for (const BenchResult *r : sides)
            out() << u" | "_qs << sideText(*r);
        const QStringList names = parityFlagNames(flags.value(index));
        out() << u" | flags: "_qs << (names.isEmpty() ? u"none"_qs : names.join(u", "_qs)) << u'\n';
    }
}

// GET /models on each gateway, for estimated costs; an empty catalog (said so) when one fails.
std::pair<Catalog, Catalog> fetchCatalogs(net::GatewayClient *openrouter, net::GatewayClient *vercel)
{
    std::pair<Catalog, Catalog> catalogs;
    catalogs.second.gateway = Gateway::Vercel;
    int pending = 0;
    for (net::GatewayClient *client : {openrouter, vercel}) {
        if (!client)
            continue;
        ++pending;
        net::ModelsReply *reply = client->models();
        Catalog &into = client->gateway() == Gateway::Vercel ? catalogs.second : catalogs.first;
        QObject::connect(reply, &net::GatewayReply::finished, reply, [reply, &into, &pending] {
            if (reply->error().isError())
                err() << u"bench-prompts: no "_qs << gatewayName(reply->gateway())
                      << u" catalog, no estimates there: "_qs << reply->error().message << u'\n';
            else
                into = reply->parsed().catalog;
            reply->deleteLater();
            if (--pending == 0)
                QCoreApplication::quit();
        });
    }
    if (pending > 0)
        QCoreApplication::exec();
    return catalogs;
}

void printCostTotals(const QList<BenchResult> &results)
{
    double reported = 0, billed = 0, estimated = 0;
    int reportedCount = 0, billedCount = 0, estimatedCount = 0;
    for (const BenchResult &r : results) {
        if (!r.ok())
            continue;
        if (r.response.costUsd && r.response.costSource == CostSource::Reported) {
            reported += *r.response.costUsd;
            ++reportedCount;
        }
        if (r.billedCostUsd) {
            billed += *r.billedCostUsd;
            ++billedCount;
        }
        if (r.estimatedCostUsd) {
            estimated += *r.estimatedCostUsd;
            ++estimatedCount;
        }
    }
    out() << u"\ncosts: reported "_qs << usdText(reported) << u" ("_qs << reportedCount << u" results), billed "_qs
          << usdText(billed) << u" ("_qs << billedCount << u"), estimated "_qs << usdText(estimated) << u" ("_qs
          << estimatedCount << u")\n"_qs;
}

bool writeCsv(const QString &path, const QString &csv)
{
    const Outcome<bool> written = writeFileAtomically(path, csv.toUtf8());
    if (written.ok())
        return true;
    err() << u"bench-prompts: cannot write "_qs << path << u": "_qs << written.error << u'\n';
    return false;
}

// Clients for one gateway, enough that `concurrency` requests can be on the wire at once.
std::vector<std::unique_ptr<net::GatewayClient>> makeClients(Gateway gateway, const net::ClientSettings &settings,
                                                             int concurrency)
{
    std::vector<std::unique_ptr<net::GatewayClient>> clients;
    const int count = std::max(1, (concurrency + kConnectionsPerClient - 1) / kConnectionsPerClient);
    clients.reserve(count);
    for (int i = 0; i < count; ++i)
        clients.push_back(net::makeGatewayClient(gateway, settings));
    return clients;
}

} // namespace

int runBenchPrompts(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption models(u"models"_qs, u"Comma-separated OpenRouter model ids."_qs, u"IDS"_qs);
    const QCommandLineOption repeat(u"repeat"_qs, u"Repetitions per prompt and model (default 1)."_qs, u"N"_qs,
                                    u"1"_qs);
    const QCommandLineOption concurrency(
        u"concurrency"_qs, u"Requests in flight at most, both gateways together (default 4)."_qs, u"C"_qs, u"4"_qs);
    const QCommandLineOption effort(u"reasoning-effort"_qs, u"Reasoning effort for prompts that set none."_qs, u"E"_qs);
    const QCommandLineOption config(u"config"_qs, u"Routing config with the model mapping (models[id].vercel)."_qs,
                                    u"CONFIG"_qs);
    const QCommandLineOption openrouterUrl(u"openrouter-url"_qs, u"OpenRouter base URL (default: the real gateway)."_qs,
                                           u"URL"_qs);
    const QCommandLineOption vercelUrl(u"vercel-url"_qs, u"Vercel AI Gateway base URL (default: the real gateway)."_qs,
                                       u"URL"_qs);
    const QCommandLineOption csv(u"csv"_qs, u"Write the summary as CSV to FILE."_qs, u"FILE"_qs);
    const QCommandLineOption resultsCsvOpt(u"results-csv"_qs,
                                           u"Write every result (text, tokens, costs, flags) as CSV."_qs, u"FILE"_qs);
    const QCommandLineOption reconcile(u"reconcile"_qs,
                                       u"After the run, look up each generation's billed cost (GET /generation)."_qs);
    const QCommandLineOption estimate(
        u"estimate"_qs, u"Fetch both /models catalogs first and estimate every cost from their prices."_qs);
    const QCommandLineOption json(u"json"_qs, u"Print summary and results as JSON instead of tables."_qs);
    const QCommandLineOption timeout(u"timeout"_qs, u"Total timeout per request in seconds (default 600)."_qs, u"S"_qs);
    parser.addOptions({models, repeat, concurrency, effort, config, openrouterUrl, vercelUrl, csv, resultsCsvOpt,
                       reconcile, estimate, json, timeout});
    parser.addPositionalArgument(u"SUITE"_qs,
                                 u"Prompt suite: JSONL, one {name, messages, reasoning?, provider?} per line."_qs);
    const QString summary =
        u"Run a prompt suite on OpenRouter and Vercel side by side; print the summary per model and gateway and one "
        u"line "
        "per case with its parity flags. A model runs on Vercel under its mapped id (--config); unmapped models run on "
        "OpenRouter only. Keys as for 'chat' (environment or keychain); without a Vercel key everything runs on "
        "OpenRouter "
        "only.\nExit codes: 0 every request that ran succeeded, 1 some failed or the suite/config is invalid, 2 usage error."_qs;
    if (const auto exit = parseCommandLine(parser, args, summary, 1, 1))
        return *exit;
    for (const QCommandLineOption *url : {&openrouterUrl, &vercelUrl})
        if (const auto exit = checkGatewayUrlOption(parser, *url, u"bench-prompts"_qs))
            return *exit;
    const QStringList modelIds = parser.value(models).split(u',', Qt::SkipEmptyParts);
    if (modelIds.isEmpty())
        return usageError(u"bench-prompts: --models is required (comma-separated OpenRouter ids)"_qs);
    bool repeatOk = false, concurrencyOk = false;
    const int repetitions = parser.value(repeat).toInt(&repeatOk);
    const int maxInFlight = parser.value(concurrency).toInt(&concurrencyOk);
    if (!repeatOk || repetitions < 1 || repetitions > 1000)
        return usageError(u"bench-prompts: --repeat must be 1..1000"_qs);
    if (!concurrencyOk || maxInFlight < 1 || maxInFlight > 256)
        return usageError(u"bench-prompts: --concurrency must be 1..256"_qs);

    RoutingConfig routing;
    if (parser.isSet(config)) {
        const std::optional<RoutingConfig> loaded = loadConfigOrReport(parser.value(config));
        if (!loaded)
            return ExitInvalidInput;
        routing = *loaded;
    } else {
        err() << u"bench-prompts: no --config, so no model mapping: every model runs on OpenRouter only\n"_qs;
    }
    PromptSuiteParse parsed = parsePromptSuiteFile(parser.positionalArguments().constFirst());
    for (const Diagnostic &d : parsed.problems)
        err() << d.toString() << u'\n';
    if (!parsed.ok()) {
        err().flush();
        return ExitInvalidInput;
    }
    QJsonObject reasoning;
    if (parser.isSet(effort))
        reasoning.insert(u"effort"_qs, parser.value(effort));
    const PromptSuite suite = withDefaults(parsed.suite, reasoning, QJsonObject());

    net::ClientSettings openrouterSettings = cliClientSettings(Gateway::OpenRouter, parser.value(openrouterUrl));
    net::ClientSettings vercelSettings = cliClientSettings(Gateway::Vercel, parser.value(vercelUrl));
    if (openrouterSettings.apiKey.isEmpty())
        return usageError(
            u"bench-prompts: no OpenRouter key: set %1 or store it in the app's settings (keychain)"_qs.arg(
                net::keyEnvironmentVariable(Gateway::OpenRouter)));
    if (parser.isSet(timeout)) {
        openrouterSettings.timeouts.totalMs = parser.value(timeout).toInt() * 1000;
        vercelSettings.timeouts.totalMs = openrouterSettings.timeouts.totalMs;
    }
    const QList<BenchCase> cases = expandBatch(modelIds, suite, repetitions, routing);
    for (const QString &model : modelIds) {
        const auto entry = routing.models.constFind(model);
        if (parser.isSet(config) && (entry == routing.models.cend() || !entry->vercel || entry->vercel->isEmpty()))
            err() << u"bench-prompts: "_qs << model << u" is not mapped to Vercel in the config: OpenRouter only\n"_qs;
    }
    auto openrouterClients = makeClients(Gateway::OpenRouter, openrouterSettings, maxInFlight);
    std::vector<std::unique_ptr<net::GatewayClient>> vercelClients;
    if (vercelSettings.apiKey.isEmpty())
        err() << u"bench-prompts: no Vercel key (%1): every model runs on OpenRouter only\n"_qs.arg(
            net::keyEnvironmentVariable(Gateway::Vercel));
    else
        vercelClients = makeClients(Gateway::Vercel, vercelSettings, maxInFlight);
    err().flush();

    net::BenchRunner runner(openrouterClients.front().get(),
                            vercelClients.empty() ? nullptr : vercelClients.front().get());
    for (const auto &client : openrouterClients)
        runner.addClient(client.get());
    for (const auto &client : vercelClients)
        runner.addClient(client.get());
    runner.setConcurrency(maxInFlight);
    if (parser.isSet(estimate)) {
        const auto [openrouterCatalog, vercelCatalog] = fetchCatalogs(
            openrouterClients.front().get(), vercelClients.empty() ? nullptr : vercelClients.front().get());
        runner.setCatalogs(openrouterCatalog, vercelCatalog);
    }
    QObject::connect(&runner, &net::BenchRunner::finished, qApp, &QCoreApplication::quit);
    runner.start(suite, cases, routing);
    QCoreApplication::exec();
    QList<BenchResult> results = runner.results();

    if (parser.isSet(reconcile)) {
        net::CostReconciler reconciler(openrouterClients.front().get(),
                                       vercelClients.empty() ? nullptr : vercelClients.front().get());
        QObject::connect(
            &reconciler, &net::CostReconciler::billedCost, &reconciler,
            [&results](int index, Gateway gateway, double usd) { net::applyBilledCost(results, index, gateway, usd); });
        QObject::connect(&reconciler, &net::CostReconciler::lookupFailed, &reconciler,
                         [](int index, Gateway gateway, const QString &why) {
                             err() << u"bench-prompts: case "_qs << index << u' ' << gatewayName(gateway)
                                   << u": no billed cost: "_qs << why << u'\n';
                         });
        QObject::connect(&reconciler, &net::CostReconciler::finished, qApp, &QCoreApplication::quit);
        reconciler.start(results);
        QCoreApplication::exec();
    }

    std::sort(results.begin(), results.end(), [](const BenchResult &a, const BenchResult &b) {
        return a.caseIndex != b.caseIndex ? a.caseIndex < b.caseIndex : a.gateway < b.gateway;
    });
    const QList<BenchSummaryRow> rows = summarize(results);
    if (parser.isSet(json)) {
        const QHash<int, ParityFlags> flags = parityByCase(results);
        QJsonArray summaryJson, resultsJson;
        for (const BenchSummaryRow &row : rows)
            summaryJson.append(toJson(row));
        for (const BenchResult &r : results)
            resultsJson.append(toJson(r, flags.value(r.caseIndex)));
        const QJsonObject doc{{u"suite"_qs, suite.fileName},
                              {u"cases"_qs, int(cases.size())},
                              {u"summary"_qs, summaryJson},
                              {u"results"_qs, resultsJson}};
        out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    } else {
        printCases(results, suite, cases);
        out() << u'\n';
        printSummary(rows);
        if (parser.isSet(reconcile) || parser.isSet(estimate))
            printCostTotals(results);
    }
    out().flush();
    bool written = true;
    if (parser.isSet(csv))
        written = writeCsv(parser.value(csv), summaryCsv(rows)) && written;
    if (parser.isSet(resultsCsvOpt))
        written = writeCsv(parser.value(resultsCsvOpt), resultsCsv(results)) && written;
    err().flush();
    const bool anyFailed =
        std::any_of(results.begin(), results.end(), [](const BenchResult &r) { return !r.skipped && !r.ok(); });
    return anyFailed || !written ? ExitInvalidInput : ExitOk;
}

} // namespace gw::cli
