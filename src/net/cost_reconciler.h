#pragma once
// The test bench's billed costs: after a run, the generation lookups of its results.

#include "bench/types.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace gw::net {

class GatewayClient;

// Billed cost lookups after a run: GET /generation for every result with a generation id, a few
// at a time, in the background. Emits billedCost() per answer with a total cost, lookupFailed()
// when a lookup gave up, then finished() once. cancel() stops all lookups (no lookupFailed for
// them) and finished() follows, possibly before cancel() returns.
class CostReconciler : public QObject {
    Q_OBJECT
public:
    CostReconciler(GatewayClient *openrouter, GatewayClient *vercel, QObject *parent = nullptr);
    ~CostReconciler() override;
    void setConcurrency(int maxInFlight) { m_concurrency = std::max(1, maxInFlight); } // default 4
    void setRetryPolicy(int maxAttempts, int initialDelayMs, int maxDelayMs);
    bool start(const QList<BenchResult> &results); // false while running
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void billedCost(int caseIndex, gw::Gateway gateway, double usd);
    void lookupFailed(int caseIndex, gw::Gateway gateway, const QString &reason);
    void finished();

private:
    struct Lookup {
        int caseIndex = 0;
        Gateway gateway = Gateway::OpenRouter;
        QString generationId;
    };
    void dispatch();

    QPointer<GatewayClient> m_clients[2];
    int m_concurrency = 4;
    int m_maxAttempts = 6, m_initialDelayMs = 500, m_maxDelayMs = 4000;
    QList<Lookup> m_queue;
    qsizetype m_next = 0;
    QList<QObject *> m_inFlight; // GenerationReply objects
    bool m_running = false;
    bool m_cancelled = false;
};

// Writes a billed cost into the matching result; false when no result matches.
bool applyBilledCost(QList<BenchResult> &results, int caseIndex, Gateway gateway, double usd);

} // namespace gw::net
