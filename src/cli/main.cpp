// gatewayctl: every non-visual job of Gateway Console, headless, on the same library as the app.

#include "cli_common.h"
#include "commands.h"

#include <QCoreApplication>

using namespace gw::cli;

namespace {

const Command kCommands[] = {
    {"validate", "Check a routing config; print every problem with its line, column and JSON path.", runValidate},
    {"decide", "Decide one request: gateway, upstream model, bucket, share and reason.", runDecide},
    {"simulate", "Share per model and gateway over N synthetic users; churn against another config.", runSimulate},
    {"export", "Write a config in a production profile: native, kilo-gateway or vectors.", runExport},
    {"map-models", "Propose the OpenRouter -> Vercel model id mapping from both /models catalogs.", runMapModels},
    {"chat", "Send one chat completion to a gateway; print the normalized result (--stream: text to stderr).", runChat},
    {"balance", "Remaining balance per gateway (OpenRouter /key, Vercel /credits).", runBalance},
    {"translate", "Translate an OpenRouter request into a Vercel request; warnings name what is dropped.",
     runTranslate},
    {"normalize", "Normalize a saved response (JSON body or SSE stream) of either gateway.", runNormalize},
    {"bench-prompts", "Run a prompt suite on both gateways side by side: summary, parity flags, CSV.", runBenchPrompts},
    {"plan-leaderboard", "The Vercel share that ranks us first on both leaderboards, and the default shares for it.",
     runPlanLeaderboard},
#ifdef GW_HAVE_STORE
    {"ingest", "Ingest traffic logs (JSONL/CSV, plain or gzip) into the history database; only new lines count.",
     runIngest},
    {"report", "Requests, error rate, cost, tokens, p50/p95 latency and TTFT per gateway, model or provider.",
     runReport},
    {"replay", "Replay recorded traffic against a draft config: share, tokens, cost per gateway and model; churn.",
     runReplay},
    {"ramp-check", "Judge a guarded ramp's current step on recorded traffic: advance, hold or roll back.",
     runRampCheck},
    {"live", "Show the routing record live in production (PostgreSQL ai_gateway_config).", runLive},
    {"publish",
     "Publish a config to production's routing record with compare-and-set; recorded in the workspace history.",
     runPublish},
    {"rollback", "Republish an earlier published record from the workspace history (same compare-and-set).",
     runRollback},
    {"pull-usage", "Pull production usage, aggregated in PostgreSQL, into the history database (incremental).",
     runPullUsage},
#endif
};

int printHelp(QTextStream &stream)
{
    stream << u"Usage: gatewayctl COMMAND [OPTIONS] [ARGS]\n\n"
              "Gateway Console on the command line: routing configs, decisions and exports.\n\n"
              "Commands:\n"_qs;
    for (const Command &c : kCommands)
        stream << u"  "_qs << QString::fromLatin1(c.name).leftJustified(18) << QString::fromUtf8(c.summary) << u'\n';
    stream << u"\nRun 'gatewayctl COMMAND --help' for a command's options.\n"
              "Exit codes: 0 ok, 1 invalid input (the message names what and where), 2 usage error;\n"
              "plan-leaderboard 3: no share wins both; ramp-check 3: hold, 4: roll back;\n"
              "publish, rollback 3: refused (the live record is not the expected one; nothing written).\n"_qs;
    stream.flush();
    return ExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gatewayctl"_qs);
    QCoreApplication::setApplicationVersion(u"" GW_VERSION ""_qs);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printHelp(err());
        return ExitUsage;
    }
    const QString name = args.first();
    if (name == u"--help" || name == u"-h" || name == u"help")
        return printHelp(out());
    if (name == u"--version") {
        out() << u"gatewayctl "_qs << QCoreApplication::applicationVersion() << u'\n';
        return ExitOk;
    }
    for (const Command &c : kCommands)
        if (name == QLatin1StringView(c.name))
            return c.run(args);
    return usageError(u"unknown command \"%1\""_qs.arg(name));
}
