#include "bench_runner.h"
#include "config/per_gateway.h"

#include "bench/stats.h"
#include "bench/suite.h"
#include "gateway_client.h"

#include <QTimer>

namespace gw::net {

BenchRunner::BenchRunner(GatewayClient *openrouter, GatewayClient *vercel, QObject *parent) : QObject(parent)
{
    if (openrouter)
        addClient(openrouter);
    if (vercel)
        addClient(vercel);
}

BenchRunner::~BenchRunner()
{
    // Replies are children of their clients: detach so none calls back into a dead runner.
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->cancel();
        it.key()->deleteLater();
    }
}

void BenchRunner::addClient(GatewayClient *client)
{
    if (!client || m_clients[gatewayIndex(client->gateway())].contains(client))
        return;
    m_clients[gatewayIndex(client->gateway())].append(client);
    m_load.insert(client, 0);
}

void BenchRunner::setConcurrency(int maxInFlight)
{
    m_concurrency = std::max(1, maxInFlight);
    if (m_running)
        dispatch();
}

void BenchRunner::setCatalogs(const Catalog &openrouter, const Catalog &vercel)
{
    m_catalogs[0] = openrouter;
    m_catalogs[1] = vercel;
    m_haveCatalogs = true;
}

bool BenchRunner::start(const PromptSuite &suite, const QList<BenchCase> &cases, const RoutingConfig &config)
{
    if (m_running)
        return false;
    m_suite = suite;
    m_cases = cases;
    m_config = config;
    m_queue.clear();
    m_results.clear();
    m_firstSide.clear();
    for (int i = 0; i < cases.size(); ++i) {
        m_queue.append(Unit{i, Gateway::OpenRouter});
        m_queue.append(Unit{i, Gateway::Vercel});
    }
    m_next = 0;
    m_total = int(m_queue.size());
    m_done = 0;
    m_running = true;
    m_cancelled = false;
    // Queued, so every signal comes after start() returned and callers can connect first.
    m_dispatchQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_dispatchQueued = false;
        dispatch();
    });
    return true;
}

void BenchRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_next = m_queue.size(); // nothing new starts
    // Each cancelled reply still emits finished() (asynchronously) and yields its result.
    const QList<ChatReply *> replies = m_inFlight.keys();
    for (ChatReply *reply : replies)
        reply->cancel();
    if (m_inFlight.isEmpty() && !m_dispatchQueued)
        QTimer::singleShot(0, this, &BenchRunner::finishIfDone);
}

void BenchRunner::dispatch()
{
    while (m_running && !m_cancelled && m_next < m_queue.size() && m_inFlight.size() < m_concurrency)
        launch(m_queue.at(m_next++));
    finishIfDone();
}

BenchResult BenchRunner::baseResult(const BenchCase &benchCase, Gateway gateway) const
{
    BenchResult result;
    result.caseIndex = benchCase.index;
    result.gateway = gateway;
    result.openrouterModel = benchCase.openrouterModel;
    result.gatewayModel =
        gateway == Gateway::Vercel ? benchCase.vercelModel.value_or(QString()) : benchCase.openrouterModel;
    result.repetition = benchCase.repetition;
    if (benchCase.promptIndex >= 0 && benchCase.promptIndex < m_suite.cases.size())
        result.promptName = m_suite.cases.at(benchCase.promptIndex).name;
    return result;
}

GatewayClient *BenchRunner::leastBusyClient(Gateway gateway) const
{
    GatewayClient *best = nullptr;
    for (GatewayClient *client : m_clients.value(gatewayIndex(gateway))) {
        if (!best || m_load.value(client) < m_load.value(best))
            best = client;
    }
    return best;
}

void BenchRunner::launch(const Unit &unit)
{
    const BenchCase &benchCase = m_cases.at(unit.caseIndex);
    BenchResult result = baseResult(benchCase, unit.gateway);
    GatewayClient *client = leastBusyClient(unit.gateway);
    if (unit.gateway == Gateway::Vercel && !benchCase.vercelModel) {
        result.skipped = true;
        result.skipReason = u"not mapped to Vercel in the workspace config; OpenRouter only"_qs;
    } else if (!client) {
        result.skipped = true;
        result.skipReason = u"no %1 client (no key configured)"_qs.arg(gatewayName(unit.gateway));
    }
    const BenchRequest request = requestFor(benchCase, unit.gateway, m_suite, m_config, true);
    if (!result.skipped && !request.runnable) {
        result.skipped = true;
        result.skipReason = u"no prompt %1 in the suite"_qs.arg(benchCase.promptIndex);
    }
    if (result.skipped) {
        record(result);
        return;
    }
    result.request = request.body;
    result.translationWarnings = request.warnings;
    result.startedAt = QDateTime::currentDateTimeUtc();
    const int caseIndex = benchCase.index;
    const Gateway gateway = unit.gateway;
    Q_EMIT started(caseIndex, gateway);
    ChatReply *reply = client->chat(request.body);
    m_load[client] += 1;
    m_inFlight.insert(reply, Running{result, client});
    connect(reply, &ChatReply::textDelta, this,
            [this, caseIndex, gateway](const QString &text) { Q_EMIT textDelta(caseIndex, gateway, text); });
    connect(reply, &ChatReply::reasoningDelta, this,
            [this, caseIndex, gateway](const QString &text) { Q_EMIT reasoningDelta(caseIndex, gateway, text); });
    connect(reply, &GatewayReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void BenchRunner::onReplyFinished(ChatReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    Running running = it.value();
    m_inFlight.erase(it);
    m_load[running.client] -= 1;
    BenchResult &result = running.result;
    result.response = reply->result();
    result.httpStatus = reply->httpStatus();
    result.ttftMs = reply->timing().ttftMs;
    result.totalMs = reply->timing().totalMs;
    if (m_haveCatalogs && result.response.hasUsage) {
        const Catalog &catalog = m_catalogs[gatewayIndex(result.gateway)];
        const CatalogModel *model = catalog.find(result.gatewayModel);
        if (!model && !result.response.model.isEmpty())
            model = catalog.find(result.response.model);
        if (model)
            result.estimatedCostUsd = estimateCostUsd(*model, result.response.usage);
    }
    reply->deleteLater();
    record(result);
    dispatch();
}

void BenchRunner::record(BenchResult result)
{
    m_results.append(result);
    ++m_done;
    Q_EMIT resultReady(m_results.constLast());
    const int caseIndex = result.caseIndex;
    if (const auto first = m_firstSide.constFind(caseIndex); first == m_firstSide.cend()) {
        m_firstSide.insert(caseIndex, m_results.size() - 1);
    } else {
        const BenchResult &a = m_results.at(*first);
        const BenchResult &b = m_results.constLast();
        Q_EMIT caseFinished(caseIndex, a.gateway == Gateway::OpenRouter ? parityFlags(a, b) : parityFlags(b, a));
    }
    Q_EMIT progress(m_done, m_total);
}

void BenchRunner::finishIfDone()
{
    if (!m_running || !m_inFlight.isEmpty())
        return;
    if (!m_cancelled && m_next < m_queue.size())
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace gw::net
