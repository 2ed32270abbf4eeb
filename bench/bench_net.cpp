// gwnet's own cost per streaming chat, over the simulator's scheduled latency.
//
// The simulator runs as a separate process (the gateway-sim binary, so it has its own core and
// its CPU time is not counted as the client's), with fixed timing: no head latency, a fixed TTFT
// and a fixed interval between content chunks. For a stream of n deltas it schedules the last
// delta at TTFT + (n - 1) x interval after the request arrived, and the tail ([DONE]) at once
// after it. Overhead per request = client-observed total (chat() called -> finished()) minus that
// scheduled latency.
//
// Three measurements:
//   sim_delivered_*      a raw QTcpSocket (no QNetworkAccessManager, no parsing) on a warm
//                        connection, one request at a time: what the simulator actually delivers
//                        beyond its schedule (timer lateness, its own work, loopback TCP). This is
//                        the floor every client pays.
//   net_stream_alone_*   gwnet, one stream at a time on a warm client.
//   net_stream_100_*     gwnet, 100 streams at once: 17 clients (QNetworkAccessManager opens at
//                        most 6 connections per host, so 17 x 6 >= 100 and no request queues),
//                        warm connections, all in this one thread. The simulator schedules all
//                        100 streams on the same ticks, so every chunk arrives in a burst of 100:
//                        the worst case for the client, whose per-request latency then includes
//                        waiting for the other 99 streams' chunks to be processed.
//   *_client_cpu_per_request  CPU time of this process (its thread and the 17 QNetworkAccessManager
//                        threads) per request; unlike wall times, it does not grow when other
//                        programs load the machine. sim_cpu_per_request: the simulator's, from /proc.
//
// Usage: bench_net [--sim PATH] [--ttft-ms N] [--chunk-interval-ms N] [--rounds N]

#include "gateway_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTextStream>

#include "bench_sim_process.h"

#include <QFile>

#include <algorithm>
#include <memory>
#include <vector>

#include <ctime>
#include <unistd.h>

using namespace gw;

namespace {

constexpr int kConcurrent = 100;
constexpr int kPerClient = 6; // QNetworkAccessManager's connections per host
constexpr int kAlone = 50;

struct Config {
    int ttftMs = 50;
    int intervalMs = 5;
    int rounds = 5;
};

const QByteArray kPrompt = "Benchmark the client overhead";

QJsonObject chatRequest()
{
    return QJsonObject{{u"model"_qs, u"openai/gpt-4o-mini"_qs},
                       {u"stream"_qs, true},
                       {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs},
                                                               {u"content"_qs, QString::fromLatin1(kPrompt)}}}}};
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double mean(const std::vector<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.empty() ? 0 : sum / double(values.size());
}

void report(const QString &name, std::vector<double> values)
{
    if (values.empty()) {
        out() << "BENCH " << name << "_count 0 count\n";
        return;
    }
    std::sort(values.begin(), values.end());
    const double sum = mean(values) * double(values.size());
    const auto pct = [&](size_t p) { return values.at(std::min(values.size() - 1, values.size() * p / 100)); };
    out() << "BENCH " << name << "_mean " << QString::number(sum / double(values.size()), 'f', 3) << " ms\n";
    out() << "BENCH " << name << "_p50 " << QString::number(pct(50), 'f', 3) << " ms\n";
    out() << "BENCH " << name << "_p95 " << QString::number(pct(95), 'f', 3) << " ms\n";
    out() << "BENCH " << name << "_max " << QString::number(values.back(), 'f', 3) << " ms\n";
    out().flush();
}

// ---- raw socket: what the simulator delivers ---------------------------------------------------

// One keep-alive connection; one request at a time, read until the chunked body's last chunk.
class RawStreamer {
public:
    explicit RawStreamer(quint16 port) : m_port(port) {}

    // Total ms from the request's write to the last byte; `deltas` = content/reasoning events.
    bool run(double &totalMs, int &deltas)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.connectToHost(u"127.0.0.1"_qs, m_port);
            if (!m_socket.waitForConnected(10'000))
                return false;
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        }
        const QByteArray body = QJsonDocument(chatRequest()).toJson(QJsonDocument::Compact);
        const QByteArray request = "POST /openrouter/api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Authorization: Bearer sk-or-v1-sim-local\r\nContent-Type: application/json\r\n"
                                   "Accept: text/event-stream\r\nContent-Length: "
                                   + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        QByteArray received;
        QElapsedTimer clock;
        clock.start();
        m_socket.write(request);
        m_socket.flush();
        while (!received.endsWith("\r\n0\r\n\r\n")) {
            if (!m_socket.waitForReadyRead(10'000))
                return false;
            received += m_socket.readAll();
        }
        totalMs = msSince(clock);
        deltas = int(received.count("\"delta\":{")) - 1; // the finish chunk carries a delta too
        return received.startsWith("HTTP/1.1 200");
    }

private:
    quint16 m_port;
    QTcpSocket m_socket;
};

// ---- gwnet -----------------------------------------------------------------------------------

struct Sample {
    double totalMs = 0;
    int deltas = 0;
    bool ok = false;
};

// Starts `count` streams at once, client i / kPerClient for stream i, and runs the event loop
// until all are finished.
std::vector<Sample> runStreams(const std::vector<std::unique_ptr<net::GatewayClient>> &clients, int count)
{
    std::vector<Sample> samples(static_cast<size_t>(count));
    int pending = count;
    const QJsonObject request = chatRequest();
    for (int i = 0; i < count; ++i) {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        net::ChatReply *reply = clients.at(size_t(i / kPerClient))->chat(request);
        Sample *sample = &samples.at(size_t(i));
        const auto countDelta = [sample](const QString &) { ++sample->deltas; };
        QObject::connect(reply, &net::ChatReply::textDelta, reply, countDelta);
        QObject::connect(reply, &net::ChatReply::reasoningDelta, reply, countDelta);
        QObject::connect(reply, &net::GatewayReply::finished, reply, [&pending, sample, reply, clock] {
            sample->totalMs = msSince(*clock);
            sample->ok = !reply->error().isError();
            reply->deleteLater();
            if (--pending == 0)
                QCoreApplication::quit();
        });
    }
    QCoreApplication::exec();
    return samples;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
#ifdef GATEWAY_SIM_PATH
    const QString defaultSim = QStringLiteral(GATEWAY_SIM_PATH);
#else
    // The build tree's layout: build/bench/bench_net next to build/src/sim/gateway-sim.
    const QString defaultSim = QCoreApplication::applicationDirPath() + u"/../src/sim/gateway-sim"_qs;
#endif
    const QCommandLineOption simOpt(u"sim"_qs, u"gateway-sim binary (default: the build tree's)."_qs, u"PATH"_qs,
                                    defaultSim);
    const QCommandLineOption ttftOpt(u"ttft-ms"_qs, u"Simulator TTFT (default 50)."_qs, u"MS"_qs, u"50"_qs);
    const QCommandLineOption intervalOpt(u"chunk-interval-ms"_qs, u"Simulator chunk interval (default 5)."_qs, u"MS"_qs,
                                         u"5"_qs);
    const QCommandLineOption roundsOpt(u"rounds"_qs, u"Rounds of 100 concurrent streams (default 5)."_qs, u"N"_qs,
                                       u"5"_qs);
    parser.addHelpOption();
    parser.addOptions({simOpt, ttftOpt, intervalOpt, roundsOpt});
    parser.process(app);
    Config config;
    config.ttftMs = parser.value(ttftOpt).toInt();
    config.intervalMs = parser.value(intervalOpt).toInt();
    config.rounds = std::max(1, parser.value(roundsOpt).toInt());

    gwbench::SimProcess sim;
    if (!sim.start(parser.value(simOpt),
                   {u"--seed"_qs, u"1"_qs, u"--latency-ms"_qs, u"0"_qs, u"--ttft-ms"_qs, QString::number(config.ttftMs),
                    u"--chunk-interval-ms"_qs, QString::number(config.intervalMs)})) {
        QTextStream(stderr) << "bench_net: cannot start " << parser.value(simOpt) << '\n';
        return 1;
    }
    int failures = 0;
    const auto scheduledMs = [&](int deltas) {
        return double(config.ttftMs + config.intervalMs * std::max(0, deltas - 1));
    };

    // What the simulator delivers, seen through a minimal client.
    RawStreamer raw(sim.port());
    std::vector<double> delivered;
    int rawDeltas = -1;
    for (int i = 0; i < kAlone + 5; ++i) {
        double total = 0;
        int deltas = 0;
        if (!raw.run(total, deltas)) {
            ++failures;
            continue;
        }
        rawDeltas = deltas;
        if (i >= 5) // warm-up
            delivered.push_back(total - scheduledMs(deltas));
    }
    out() << "BENCH sim_scheduled_latency " << QString::number(scheduledMs(rawDeltas), 'f', 3) << " ms\n";
    out() << "BENCH sim_stream_deltas " << rawDeltas << " count\n";
    report(u"sim_delivered_overhead"_qs, delivered);

    net::ClientSettings settings;
    settings.baseUrl = QUrl(u"http://127.0.0.1:%1/openrouter/api/v1"_qs.arg(sim.port()));
    settings.apiKey = u"sk-or-v1-sim-local"_qs; // the simulator's obviously fake default key
    std::vector<std::unique_ptr<net::GatewayClient>> clients;
    const int clientCount = (kConcurrent + kPerClient - 1) / kPerClient;
    clients.reserve(clientCount);
    for (int i = 0; i < clientCount; ++i)
        clients.push_back(net::makeGatewayClient(Gateway::OpenRouter, settings));

    const auto overheads = [&](const std::vector<Sample> &samples, std::vector<double> &into) {
        for (const Sample &s : samples) {
            if (!s.ok || s.deltas != rawDeltas) {
                ++failures;
                continue;
            }
            into.push_back(s.totalMs - scheduledMs(s.deltas));
        }
    };

    // Warm-up: every client opens its 6 connections, code paths and catalogs are hot.
    runStreams(clients, kConcurrent);

    std::vector<double> alone;
    const double aloneCpu0 = gwbench::processCpuMs();
    for (int i = 0; i < kAlone; ++i)
        overheads(runStreams(clients, 1), alone);
    const double aloneCpu = (gwbench::processCpuMs() - aloneCpu0) / kAlone;
    report(u"net_stream_alone_overhead"_qs, alone);
    // gwnet + QNetworkAccessManager alone: what a request costs beyond what the raw client saw.
    out() << "BENCH net_stream_alone_overhead_beyond_sim_mean "
          << QString::number(mean(alone) - mean(delivered), 'f', 3) << " ms\n";
    out() << "BENCH net_stream_alone_client_cpu_per_request " << QString::number(aloneCpu, 'f', 3) << " ms\n";

    std::vector<double> concurrent;
    std::vector<double> wallOver;
    const double clientCpu0 = gwbench::processCpuMs();
    const double simCpu0 = gwbench::childCpuMs(sim.pid());
    for (int round = 0; round < config.rounds; ++round) {
        QElapsedTimer wall;
        wall.start();
        overheads(runStreams(clients, kConcurrent), concurrent);
        wallOver.push_back(msSince(wall) - scheduledMs(rawDeltas));
    }
    const double requests = double(config.rounds * kConcurrent);
    const double clientCpu = (gwbench::processCpuMs() - clientCpu0) / requests;
    const double simCpu = (gwbench::childCpuMs(sim.pid()) - simCpu0) / requests;
    report(u"net_stream_100_overhead"_qs, concurrent);
    out() << "BENCH net_stream_100_client_cpu_per_request " << QString::number(clientCpu, 'f', 3) << " ms\n";
    out() << "BENCH sim_cpu_per_request " << QString::number(simCpu, 'f', 3) << " ms\n";
    report(u"net_stream_100_round_over_schedule"_qs, wallOver);
    out() << "BENCH net_stream_failures " << failures << " count\n";
    out().flush();
    return failures == 0 ? 0 : 1;
}
