// The test bench runner's own cost over a large batch: BenchRunner with 50 requests in flight
// against gateway-sim set to known latencies.
//
// The simulator runs as a separate process (the gateway-sim binary, so its CPU is not counted as
// the client's) with a fixed head latency, TTFT and chunk interval. For a stream of n deltas it
// needs latency + TTFT + (n - 1) x interval per request, so a batch of R requests at concurrency
// C ideally takes R x that / C. The difference, spread back over the requests a slot ran
// ((wall - ideal) x C / R), is the overhead per request: scheduling, gwnet, the runner's
// bookkeeping, timer lateness on both sides.
//
// A batch of N cases runs every case on both gateways (the model is mapped), so R = 2 x N.
//
// Usage: bench_testbench [--sim PATH] [--cases N] [--concurrency C] [--latency-ms N] [--ttft-ms N]
//                        [--chunk-interval-ms N]

#include "bench/stats.h"
#include "bench/suite.h"
#include "bench_runner.h"
#include "gateway_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include "bench_sim_process.h"

#include <memory>
#include <vector>

#include <ctime>
#include <unistd.h>

using namespace gw;

namespace {

constexpr int kPerClient = 6; // QNetworkAccessManager's connections per host
const QString kModel = u"openai/gpt-4o-mini"_qs;

struct Timing {
    int latencyMs = 20;
    int ttftMs = 50;
    int intervalMs = 5;
    double perRequestMs(int deltas) const { return latencyMs + ttftMs + double(intervalMs) * std::max(0, deltas - 1); }
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void bench(const QString &name, double value, const char *unit)
{
    out() << "BENCH " << name << ' ' << QString::number(value, 'f', 3) << ' ' << unit << '\n';
    out().flush();
}

void benchCount(const QString &name, int value)
{
    out() << "BENCH " << name << ' ' << value << " count\n";
    out().flush();
}

struct BatchRun {
    QList<BenchResult> results;
    QHash<qint64, int> deltas; // (case << 1 | gateway) -> text and reasoning deltas
    double wallMs = 0;
};

BatchRun runBatch(net::BenchRunner &runner, int cases)
{
    RoutingConfig config;
    config.models.insert(kModel, ModelEntry{kModel, std::nullopt, false});
    const PromptSuite suite = singlePromptSuite(u"bench"_qs, u"Benchmark the test bench"_qs);
    BatchRun run;
    const auto countDelta = [&run](int index, Gateway gateway) { ++run.deltas[(qint64(index) << 1) | int(gateway)]; };
    const QMetaObject::Connection text =
        QObject::connect(&runner, &net::BenchRunner::textDelta, &runner,
                         [countDelta](int i, Gateway g, const QString &) { countDelta(i, g); });
    const QMetaObject::Connection reasoning =
        QObject::connect(&runner, &net::BenchRunner::reasoningDelta, &runner,
                         [countDelta](int i, Gateway g, const QString &) { countDelta(i, g); });
    const QMetaObject::Connection done =
        QObject::connect(&runner, &net::BenchRunner::finished, qApp, &QCoreApplication::quit);
    QElapsedTimer wall;
    wall.start();
    runner.start(suite, expandBatch({kModel}, suite, cases, config), config);
    QCoreApplication::exec();
    run.wallMs = double(wall.nsecsElapsed()) / 1e6;
    run.results = runner.results();
    QObject::disconnect(text);
    QObject::disconnect(reasoning);
    QObject::disconnect(done);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QString defaultSim =
        QCoreApplication::applicationDirPath() + u"/../src/sim/gateway-sim"_qs; // build tree layout
    const QCommandLineOption simOpt(u"sim"_qs, u"gateway-sim binary (default: the build tree's)."_qs, u"PATH"_qs,
                                    defaultSim);
    const QCommandLineOption casesOpt(u"cases"_qs, u"Cases in the batch, each on both gateways (default 1000)."_qs,
                                      u"N"_qs, u"1000"_qs);
    const QCommandLineOption concurrencyOpt(u"concurrency"_qs, u"Requests in flight (default 50)."_qs, u"C"_qs,
                                            u"50"_qs);
    const QCommandLineOption latencyOpt(u"latency-ms"_qs, u"Simulator head latency (default 20)."_qs, u"MS"_qs,
                                        u"20"_qs);
    const QCommandLineOption ttftOpt(u"ttft-ms"_qs, u"Simulator TTFT (default 50)."_qs, u"MS"_qs, u"50"_qs);
    const QCommandLineOption intervalOpt(u"chunk-interval-ms"_qs, u"Simulator chunk interval (default 5)."_qs, u"MS"_qs,
                                         u"5"_qs);
    parser.addHelpOption();
    parser.addOptions({simOpt, casesOpt, concurrencyOpt, latencyOpt, ttftOpt, intervalOpt});
    parser.process(app);
    const int cases = std::max(1, parser.value(casesOpt).toInt());
    const int concurrency = std::max(1, parser.value(concurrencyOpt).toInt());
    const Timing timing{parser.value(latencyOpt).toInt(), parser.value(ttftOpt).toInt(),
                        parser.value(intervalOpt).toInt()};

    gwbench::SimProcess sim;
    if (!sim.start(parser.value(simOpt),
                   {u"--seed"_qs, u"1"_qs, u"--latency-ms"_qs, QString::number(timing.latencyMs), u"--ttft-ms"_qs,
                    QString::number(timing.ttftMs), u"--chunk-interval-ms"_qs, QString::number(timing.intervalMs)})) {
        QTextStream(stderr) << "bench_testbench: cannot start " << parser.value(simOpt) << '\n';
        return 1;
    }
    std::vector<std::unique_ptr<net::GatewayClient>> clients;
    net::BenchRunner runner(nullptr, nullptr);
    for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        net::ClientSettings settings;
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1/%2"_qs.arg(sim.port())
                                    .arg(gateway == Gateway::OpenRouter ? u"openrouter/api/v1"_qs : u"vercel/v1"_qs));
        settings.apiKey =
            gateway == Gateway::OpenRouter ? u"sk-or-v1-sim-local"_qs : u"vck_sim_local"_qs; // the sim's fake keys
        for (int i = 0; i < (concurrency + kPerClient - 1) / kPerClient; ++i) {
            clients.push_back(net::makeGatewayClient(gateway, settings));
            runner.addClient(clients.back().get());
        }
    }
    runner.setConcurrency(concurrency);

    runBatch(runner, std::min(cases, 2 * concurrency)); // warm-up: connections open, code paths hot

    const double clientCpu0 = gwbench::processCpuMs();
    const double simCpu0 = gwbench::childCpuMs(sim.pid());
    const BatchRun run = runBatch(runner, cases);
    const double clientCpu = gwbench::processCpuMs() - clientCpu0;
    const double simCpu = gwbench::childCpuMs(sim.pid()) - simCpu0;

    int failures = 0;
    double scheduledSumMs = 0;
    for (const BenchResult &r : run.results) {
        if (!r.ok()) {
            ++failures;
            continue;
        }
        scheduledSumMs += timing.perRequestMs(run.deltas.value((qint64(r.caseIndex) << 1) | int(r.gateway)));
    }
    const int requests = int(run.results.size());
    const int succeeded = requests - failures;
    const double idealMs = scheduledSumMs / concurrency;
    benchCount(u"testbench_requests"_qs, requests);
    benchCount(u"testbench_failures"_qs, failures);
    benchCount(u"testbench_concurrency"_qs, concurrency);
    bench(u"testbench_sim_time_per_request_mean"_qs, succeeded ? scheduledSumMs / succeeded : 0, "ms");
    bench(u"testbench_wall"_qs, run.wallMs, "ms");
    bench(u"testbench_ideal"_qs, idealMs, "ms");
    bench(u"testbench_wall_over_ideal"_qs, idealMs > 0 ? run.wallMs / idealMs : 0, "ratio");
    bench(u"testbench_overhead_per_request"_qs, requests ? (run.wallMs - idealMs) * concurrency / requests : 0, "ms");
    bench(u"testbench_client_cpu_per_request"_qs, requests ? clientCpu / requests : 0, "ms");
    bench(u"testbench_sim_cpu_per_request"_qs, requests && simCpu >= 0 ? simCpu / requests : -1, "ms");

    QElapsedTimer clock;
    clock.start();
    const QList<BenchSummaryRow> rows = summarize(run.results);
    bench(u"testbench_summarize"_qs, double(clock.nsecsElapsed()) / 1e6, "ms");
    clock.restart();
    const QString csv = resultsCsv(run.results);
    bench(u"testbench_results_csv"_qs, double(clock.nsecsElapsed()) / 1e6, "ms");
    bench(u"testbench_results_csv_size"_qs, double(csv.toUtf8().size()) / 1024.0, "KiB");
    for (const BenchSummaryRow &row : rows)
        bench(u"testbench_ttft_p50_"_qs + gatewayName(row.gateway), row.ttftP50Ms, "ms");
    return failures == 0 ? 0 : 1;
}
