#pragma once
// The test bench's batch runner: every case of a batch on both gateways, streaming, with at most
// N requests in flight overall. All asynchronous: start() returns at once, results arrive as
// signals on the runner's thread (the GUI thread is fine), nothing ever blocks.
//
// Work units are (case, gateway) pairs, dispatched in case order, OpenRouter before Vercel, so
// both sides of a case run close together in time. A side that cannot run (the model has no
// Vercel mapping, or there is no Vercel client) yields a skipped result at once, using no slot.
//
// Per work unit, in order: started -> textDelta/reasoningDelta* -> resultReady -> progress
// (a skipped unit: resultReady -> progress). When a unit completes its case (both sides have a
// result, skipped ones included), caseFinished(case, parity flags) comes between its resultReady
// and progress. finished() comes once, after the last result (also after cancel()).
//
// Cancel: cancel() cancels every in-flight request and starts no new one. Every unit that had
// started still yields exactly one result (error code "cancelled" when it was cut off); units
// that never started yield none, so after a cancel done < total in the last progress(). The
// cancelled units' results and finished() may be emitted before cancel() returns.
//
// Throughput: QNetworkAccessManager opens at most 6 connections per host, so one client keeps at
// most 6 requests on the wire. For higher concurrency give the runner more clients per gateway
// with addClient(); each unit goes to the gateway's least busy client.

#include "bench/types.h"
#include "catalog/catalog.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace gw {
namespace net {

class ChatReply;
class GatewayClient;

class BenchRunner : public QObject {
    Q_OBJECT
public:
    // `vercel` may be null: every Vercel side is then skipped ("no Vercel client"). The runner
    // does not own the clients; they must outlive the run.
    BenchRunner(GatewayClient *openrouter, GatewayClient *vercel, QObject *parent = nullptr);
    ~BenchRunner() override;

    void addClient(GatewayClient *client); // one more client for its gateway (see Throughput)
    void setConcurrency(int maxInFlight);  // overall, both gateways together; at least 1; default 4
    int concurrency() const { return m_concurrency; }
    // Price tables for BenchResult::estimatedCostUsd (every result with usage, reported cost or not).
    void setCatalogs(const Catalog &openrouter, const Catalog &vercel);

    // Starts the batch; false (and nothing happens) while another run is going. `config` supplies
    // the translation of each Vercel request (requestFor in bench_suite.h).
    bool start(const PromptSuite &suite, const QList<BenchCase> &cases, const RoutingConfig &config);
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }
    int inFlight() const { return int(m_inFlight.size()); }
    int total() const { return m_total; }
    int done() const { return m_done; }
    const QList<BenchResult> &results() const { return m_results; } // in completion order
    const QList<BenchCase> &cases() const { return m_cases; }       // of the current/last run

Q_SIGNALS:
    void started(int caseIndex, gw::Gateway gateway);
    void textDelta(int caseIndex, gw::Gateway gateway, const QString &text);
    void reasoningDelta(int caseIndex, gw::Gateway gateway, const QString &text);
    void resultReady(const gw::BenchResult &result);
    void caseFinished(int caseIndex, gw::ParityFlags flags); // bench_stats.h: parityFlagNames()
    void progress(int done, int total);
    void finished();

private:
    struct Unit {
        int caseIndex = 0; // position in m_cases
        Gateway gateway = Gateway::OpenRouter;
    };
    struct Running {
        BenchResult result;
        GatewayClient *client = nullptr;
    };

    void dispatch();
    void launch(const Unit &unit);
    void onReplyFinished(ChatReply *reply);
    void record(BenchResult result);
    void finishIfDone();
    GatewayClient *leastBusyClient(Gateway gateway) const;
    BenchResult baseResult(const BenchCase &benchCase, Gateway gateway) const;

    QHash<int, QList<GatewayClient *>> m_clients; // by int(Gateway)
    QHash<const GatewayClient *, int> m_load;
    int m_concurrency = 4;
    Catalog m_catalogs[2];
    bool m_haveCatalogs = false;

    PromptSuite m_suite;
    QList<BenchCase> m_cases;
    RoutingConfig m_config;
    QList<Unit> m_queue;
    qsizetype m_next = 0;
    QHash<ChatReply *, Running> m_inFlight;
    QList<BenchResult> m_results;
    QHash<int, qsizetype> m_firstSide; // case index -> its first result in m_results
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_dispatchQueued = false;
};

} // namespace net
} // namespace gw
