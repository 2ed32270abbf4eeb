#include "cost_reconciler.h"

#include "config/per_gateway.h"

#include "gateway_client.h"
#include "generation_reply.h"

#include <QTimer>

namespace gw::net {

CostReconciler::CostReconciler(GatewayClient *openrouter, GatewayClient *vercel, QObject *parent) : QObject(parent)
{
    m_clients[0] = openrouter;
    m_clients[1] = vercel;
}

CostReconciler::~CostReconciler()
{
    for (QObject *reply : std::as_const(m_inFlight)) {
        reply->disconnect(this);
        static_cast<GenerationReply *>(reply)->cancel();
        reply->deleteLater();
    }
}

void CostReconciler::setRetryPolicy(int maxAttempts, int initialDelayMs, int maxDelayMs)
{
    m_maxAttempts = std::max(1, maxAttempts);
    m_initialDelayMs = std::max(0, initialDelayMs);
    m_maxDelayMs = std::max(m_initialDelayMs, maxDelayMs);
}

bool CostReconciler::start(const QList<BenchResult> &results)
{
    if (m_running)
        return false;
    m_queue.clear();
    for (const BenchResult &r : results) {
        if (!r.skipped && !r.response.generationId.isEmpty())
            m_queue.append(Lookup{r.caseIndex, r.gateway, r.response.generationId});
    }
    m_next = 0;
    m_running = true;
    m_cancelled = false;
    QTimer::singleShot(0, this, &CostReconciler::dispatch);
    return true;
}

void CostReconciler::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_next = m_queue.size();
    const QList<QObject *> replies = m_inFlight;
    for (QObject *reply : replies)
        static_cast<GenerationReply *>(reply)->cancel(); // finished() follows, then dispatch() ends the run
}

void CostReconciler::dispatch()
{
    while (!m_cancelled && m_next < m_queue.size() && m_inFlight.size() < m_concurrency) {
        const Lookup lookup = m_queue.at(m_next++);
        GatewayClient *client = m_clients[gatewayIndex(lookup.gateway)];
        if (!client) {
            Q_EMIT lookupFailed(lookup.caseIndex, lookup.gateway, u"no client for this gateway"_qs);
            continue;
        }
        GenerationReply *reply =
            client->generation(lookup.generationId, RetryPolicy{m_maxAttempts, m_initialDelayMs, m_maxDelayMs});
        m_inFlight.append(reply);
        connect(reply, &GatewayReply::finished, this, [this, reply, lookup] {
            m_inFlight.removeOne(reply);
            reply->deleteLater();
            if (m_cancelled) {
                // the caller asked for it: no failure to report
            } else if (reply->error().isError()) {
                Q_EMIT lookupFailed(lookup.caseIndex, lookup.gateway,
                                    reply->error().code + u": "_qs + reply->error().message);
            } else if (reply->record().totalCostUsd) {
                Q_EMIT billedCost(lookup.caseIndex, lookup.gateway, *reply->record().totalCostUsd);
            } else {
                Q_EMIT lookupFailed(lookup.caseIndex, lookup.gateway, u"the generation lists no total cost"_qs);
            }
            dispatch();
        });
    }
    if (m_running && m_inFlight.isEmpty() && (m_cancelled || m_next >= m_queue.size())) {
        m_running = false;
        Q_EMIT finished();
    }
}

bool applyBilledCost(QList<BenchResult> &results, int caseIndex, Gateway gateway, double usd)
{
    for (BenchResult &r : results) {
        if (r.caseIndex == caseIndex && r.gateway == gateway) {
            r.billedCostUsd = usd;
            return true;
        }
    }
    return false;
}

} // namespace gw::net
