// gwnet's own cost per request: 100 concurrent streaming chats against an in-process gateway-sim
// whose latency is fixed (head at once, first token after TTFT, no gaps between chunks), so what
// is measured beyond TTFT is client (and in-process server) overhead.
//
// QNetworkAccessManager opens at most 6 connections per host, so 100 streams through one client
// queue in waves; the "spread" run gives each client at most 6 streams to measure overhead alone.

#include "gateway_client.h"
#include "gateway_simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <vector>

using namespace gw;

namespace {

constexpr int kConcurrent = 100;
constexpr int kTtftMs = 50;
constexpr int kRounds = 5;

struct RoundResult {
    std::vector<double> overheadMs; // per request: wall time minus the simulator's scripted TTFT
    double wallMs = 0;              // the whole round
    int failures = 0;
};

// `shared`: reuse that client (warm connection) instead of fresh clients with fresh connections.
RoundResult runRound(sim::GatewaySimulator &sim, int streamsPerClient, int requests = kConcurrent,
                     net::GatewayClient *shared = nullptr)
{
    net::ClientSettings settings;
    settings.baseUrl = sim.openrouterBaseUrl();
    settings.apiKey = sim::GatewaySimulator::defaultKey(Gateway::OpenRouter);
    std::vector<std::unique_ptr<net::GatewayClient>> clients;
    for (int i = 0; !shared && i < (requests + streamsPerClient - 1) / streamsPerClient; ++i)
        clients.push_back(net::makeGatewayClient(Gateway::OpenRouter, settings));

    const QJsonObject request{{u"model"_qs, u"openai/gpt-4o-mini"_qs},
                              {u"stream"_qs, true},
                              {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"Benchmark"_qs}}}}};
    RoundResult result;
    int pending = requests;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < requests; ++i) {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        net::GatewayClient *client = shared ? shared : clients.at(size_t(i / streamsPerClient)).get();
        net::ChatReply *reply = client->chat(request);
        QObject::connect(reply, &net::GatewayReply::finished, reply, [&, reply, clock] {
            result.overheadMs.push_back(double(clock->nsecsElapsed()) / 1e6 - kTtftMs);
            result.failures += reply->error().isError() ? 1 : 0;
            reply->deleteLater();
            if (--pending == 0)
                QCoreApplication::quit();
        });
    }
    QCoreApplication::exec();
    result.wallMs = double(wall.nsecsElapsed()) / 1e6;
    return result;
}

void report(const char *name, std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values)
        sum += v;
    QTextStream out(stdout);
    out << "BENCH " << name << "_mean " << QString::number(sum / double(values.size()), 'f', 3) << " ms\n";
    out << "BENCH " << name << "_p50 " << QString::number(values.at(values.size() / 2), 'f', 3) << " ms\n";
    out << "BENCH " << name << "_p95 " << QString::number(values.at(values.size() * 95 / 100), 'f', 3) << " ms\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    sim::GatewaySimulator sim;
    if (!sim.start())
        return 1;
    sim.faults().openrouter.ttft = {kTtftMs, kTtftMs};

    runRound(sim, 6); // warm-up: catalogs loaded, code paths hot
    int failures = 0;

    // One stream at a time: the latency a single request pays on top of the simulator's TTFT.
    net::ClientSettings settings;
    settings.baseUrl = sim.openrouterBaseUrl();
    settings.apiKey = sim::GatewaySimulator::defaultKey(Gateway::OpenRouter);
    const auto warmClient = net::makeGatewayClient(Gateway::OpenRouter, settings);
    std::vector<double> alone;
    for (int i = 0; i < 50; ++i) {
        const RoundResult r = runRound(sim, 1, 1, warmClient.get());
        alone.insert(alone.end(), r.overheadMs.begin(), r.overheadMs.end());
        failures += r.failures;
    }
    report("net_stream_overhead_alone", alone);

    // 100 at once, at most 6 per client: everyone shares one thread (client and in-process
    // server), so each request also waits for the others' work. Amortised = (round - TTFT) / 100.
    std::vector<double> amortised;
    for (const auto &[name, perClient] : {std::pair{"net_stream_overhead_spread", 6}, std::pair{"net_stream_overhead_one_client", kConcurrent}}) {
        std::vector<double> all;
        for (int round = 0; round < kRounds; ++round) {
            const RoundResult r = runRound(sim, perClient);
            all.insert(all.end(), r.overheadMs.begin(), r.overheadMs.end());
            if (perClient == 6)
                amortised.push_back((r.wallMs - kTtftMs) / kConcurrent);
            failures += r.failures;
        }
        report(name, all);
    }
    report("net_stream_overhead_amortised", amortised);
    QTextStream(stdout) << "BENCH net_stream_failures " << failures << " count\n";
    return failures == 0 ? 0 : 1;
}
