#pragma once
// gateway-sim in a library: both gateways' HTTP dialects on one loopback port, for tests, the
// app's "local simulator" mode and benchmarks. Listens on 127.0.0.1 only.
//
//   http://127.0.0.1:PORT/openrouter/api/v1/...   OpenRouter (models, endpoints, chat, generation, key)
//   http://127.0.0.1:PORT/vercel/v1/...           Vercel AI Gateway (models, endpoints, chat, generation, credits)
//   POST /_control/faults  {"both"|"openrouter"|"vercel": {...}}  replace the faults (sim_faults.h)
//   GET  /_control/faults, GET /_control/stats, POST /_control/reset (faults, counters, ledger)
//   ANY  /_redirect/<path>  307 to /<path>: lets clients prove they refuse redirects
//
// Deterministic: one std::mt19937_64 seeded from Options::seed draws latencies and error rolls in
// request order; ids, timestamps and answers derive from counters and the request itself.

#include "sim_faults.h"
#include "sim_http_guard.h"
#include "sim_lookups.h"

#include "config/config.h" // gw::Gateway

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <memory>
#include <random>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace gw::sim {

class SimResponse;
struct ChatPlan;

struct SimStats {
    // "openrouter" / "vercel" / "control" -> endpoint ("chat", "models", "endpoints", "generation",
    // "key", "credits", "other") -> requests
    QMap<QString, QMap<QString, int>> requests;
    QMap<int, int> statuses; // HTTP status -> responses started
    int streamsStarted = 0;
    int streamsCompleted = 0;
    int clientDisconnects = 0; // clients that left before their answer was complete
    int total() const;
    QJsonObject toJson() const;
};

class GatewaySimulator : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString openrouterKey = QStringLiteral("sk-or-v1-sim-local"); // obviously fake
        QString vercelKey = QStringLiteral("vck_sim_local");
        quint64 seed = 1;
        double openrouterLimitUsd = 100.0; // /key limit
        double vercelCreditsUsd = 100.0;   // /credits starting balance
        SimHttpLimits httpLimits;          // 431 / 408 (sim_http_guard.h)
    };

    explicit GatewaySimulator(QObject *parent = nullptr);
    explicit GatewaySimulator(const Options &options, QObject *parent = nullptr);
    ~GatewaySimulator() override;

    static QString defaultKey(Gateway gateway); // obviously fake: sk-or-v1-sim-local, vck_sim_local

    bool start(quint16 port = 0); // 127.0.0.1 only; false if the port is taken
    void stop();                  // drops every answer in flight
    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const;           // http://127.0.0.1:PORT
    QUrl openrouterBaseUrl() const; // http://127.0.0.1:PORT/openrouter/api/v1
    QUrl vercelBaseUrl() const;     // http://127.0.0.1:PORT/vercel/v1
    QUrl baseUrl(Gateway gateway) const;

    SimFaults &faults() { return m_faults; }
    void setFaults(const SimFaults &faults) { m_faults = faults; }
    void reseed(quint64 seed);
    void reset(); // faults, counters, spend and generations back to the start

    const SimStats &stats() const { return m_stats; }
    double spentUsd(Gateway gateway) const;

Q_SIGNALS:
    void chatServed(Gateway gateway, int status); // once per chat request, when its head is decided

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleControl(const QString &path, const QHttpServerRequest &request, SimResponse *response);
    void handleGateway(Gateway gateway, const QString &path, const QHttpServerRequest &request, SimResponse *response);
    void handleChat(Gateway gateway, const QHttpServerRequest &request, SimResponse *response);
    void sendStream(Gateway gateway, const ChatPlan &plan, int headDelayMs, int ttftMs, SimResponse *response);
    void handleGeneration(Gateway gateway, const QHttpServerRequest &request, SimResponse *response);
    void handleBalance(Gateway gateway, SimResponse *response);
    void sendJson(SimResponse *response, int status, const QByteArray &body, int delayMs = 0,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    bool authorized(Gateway gateway, const QHttpServerRequest &request) const;
    int drawDelay(const DelayRange &range);
    bool roll(double probability);
    GatewayFaults &faultsFor(Gateway gateway);

    Options m_options;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    SimFaults m_faults;
    SimStats m_stats;
    std::mt19937_64 m_rng;
    QElapsedTimer m_clock;
    QHash<QString, SimGeneration> m_generations;
    int m_freeModelRequests = 0; // OpenRouter chat requests to ":free" models (GET /key)
    QMap<Gateway, int> m_chatCount;
    QMap<Gateway, double> m_spent;
    quint64 m_nextId = 1;
};

} // namespace gw::sim
