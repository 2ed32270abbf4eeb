// GatewaySimulator's POST /chat/completions: auth, model lookup, faults, then the answer as one
// JSON body or as an SSE stream paced by the configured TTFT and chunk interval.

#include "gateway_simulator.h"

#include "sim_catalog.h"
#include "sim_chat.h"
#include "sim_errors.h"
#include "sim_response.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>

namespace gw::sim {

namespace {
constexpr qint64 kCreatedBase = 1772150400; // 2026-02-27; advances per request, not with the clock
}

void GatewaySimulator::handleChat(Gateway gateway, const QHttpServerRequest &request, SimResponse *response)
{
    const auto fail = [&](const SimError &e, int delayMs) {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (e.status == 429)
            headers.append({"Retry-After", QByteArray::number(faultsFor(gateway).retryAfterSeconds)});
        sendJson(response, e.status, e.body, delayMs, headers);
        Q_EMIT chatServed(gateway, e.status);
    };
    if (!authorized(gateway, request))
        return fail(unauthorized(gateway), 0);
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || body.value(u"messages").toArray().isEmpty())
        return fail(badRequest(gateway, u"Request body must be JSON with a non-empty messages array"_qs), 0);
    const QString modelId = body.value(u"model").toString();
    const SimCatalog &catalog = SimCatalog::forGateway(gateway);
    const SimModel *model = catalog.find(modelId);
    if (!model)
        return fail(unknownModel(gateway, modelId), 0);

    const GatewayFaults &f = faultsFor(gateway);
    const int served = ++m_chatCount[gateway];
    const int latency = drawDelay(f.latency);
    const int ttft = drawDelay(f.ttft);
    if (f.paymentRequiredAfter >= 0 && served > f.paymentRequiredAfter)
        return fail(gatewayError(gateway, u"402"_qs), latency);
    if (f.hang) {
        response->run(); // never answers; the client's timeout has to fire
        return;
    }
    for (const QString &kind : errorKinds()) {
        const double rate = f.errorRates.value(kind);
        if (rate > 0 && roll(rate))
            return fail(gatewayError(gateway, kind, modelId), latency);
    }
    const int promptTokens = estimatePromptTokens(body);
    if (model->contextLength > 0 && promptTokens > model->contextLength)
        return fail(contextLength(gateway, model->contextLength, promptTokens), latency);

    const quint64 serial = m_nextId++;
    const QString id =
        gateway == Gateway::OpenRouter
            ? u"gen-%1-sim%2"_qs.arg(kCreatedBase + qint64(serial)).arg(qulonglong(serial), 6, 10, QChar(u'0'))
            : u"gen_sim%1"_qs.arg(
                qulonglong(stableHash(QString::number(serial) + u'|' + QString::number(m_options.seed))), 16, 16,
                QChar(u'0'));
    const ChatPlan plan =
        planChat(gateway, *model, catalog.providersFor(*model), body, id, kCreatedBase + qint64(serial));
    const bool stream = body.value(u"stream").toBool();
    const bool failsMidStream = stream && (f.midStreamErrorAfterChunks >= 0 || f.truncateAfterChunks >= 0);
    if (!failsMidStream) {
        SimGeneration g;
        g.createdMs = m_clock.elapsed();
        g.createdUnix = plan.created;
        g.model = plan.model;
        g.reasoningTokens = plan.reasoningTokens;
        g.streamed = stream;
        g.httpReferer = QString::fromUtf8(request.value("HTTP-Referer"));
        g.userAgent = QString::fromUtf8(request.value("User-Agent"));
        g.costUsd = plan.costUsd;
        g.promptTokens = plan.promptTokens;
        g.completionTokens = plan.completionTokens;
        const int generation = ttft + f.chunkIntervalMs * int(plan.contentPieces.size() + plan.reasoningPieces.size());
        g.latencyMs = gateway == Gateway::Vercel ? latency + ttft : latency + generation;
        g.generationTimeMs = generation;
        g.providerName = gateway == Gateway::OpenRouter ? plan.provider.displayName : plan.provider.slug;
        m_generations.insert(id, g);
        m_spent[gateway] += plan.costUsd;
        if (gateway == Gateway::OpenRouter && modelId.endsWith(u":free"))
            ++m_freeModelRequests;
    }
    Q_EMIT chatServed(gateway, 200);
    if (stream)
        return sendStream(gateway, plan, latency, ttft, response);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (gateway == Gateway::OpenRouter)
        headers.append({"X-Generation-Id", id.toUtf8()});
    const int pieces = int(plan.contentPieces.size() + plan.reasoningPieces.size());
    sendJson(response, 200, nonStreamBody(plan), latency + ttft + f.chunkIntervalMs * std::max(0, pieces - 1), headers);
}

void GatewaySimulator::sendStream(Gateway gateway, const ChatPlan &plan, int headDelayMs, int ttftMs,
                                  SimResponse *response)
{
    const GatewayFaults &f = faultsFor(gateway);
    SimResponse::Headers headers{{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}};
    if (gateway == Gateway::OpenRouter)
        headers.append({"X-Generation-Id", plan.id.toUtf8()});
    ++m_stats.statuses[200];
    ++m_stats.streamsStarted;
    response->onComplete = [this] { ++m_stats.streamsCompleted; };
    response->head(headDelayMs, 200, headers, true);

    // Keep-alive comments while the first token is pending: they reset a client's idle timers.
    int waited = 0;
    if (f.keepAliveIntervalMs > 0) {
        const QByteArray comment = gateway == Gateway::OpenRouter ? ": OPENROUTER PROCESSING\n\n" : ": keep-alive\n\n";
        response->body(0, comment);
        for (int t = f.keepAliveIntervalMs; t < ttftMs; t += f.keepAliveIntervalMs) {
            response->body(f.keepAliveIntervalMs, comment);
            waited = t;
        }
    }
    const StreamEvents events = streamEvents(plan);
    const qsizetype n = events.deltas.size();
    const qsizetype errorAt =
        f.midStreamErrorAfterChunks < 0 ? -1 : std::min<qsizetype>(f.midStreamErrorAfterChunks, n);
    const qsizetype truncateAt = f.truncateAfterChunks < 0 ? -1 : std::min<qsizetype>(f.truncateAfterChunks, n);
    for (qsizetype i = 0; i <= n; ++i) {
        const int delay = i == 0 ? ttftMs - waited : f.chunkIntervalMs;
        if (i == errorAt) {
            response->body(delay, sseEvent(midStreamErrorChunk(gateway, plan.id, plan.model, plan.created)));
            response->end(0);
            return response->run();
        }
        if (i == truncateAt) {
            response->closeConnection(delay);
            return response->run();
        }
        if (i < n)
            response->body(delay, events.deltas.at(i));
    }
    for (const QByteArray &event : events.tail)
        response->body(0, event);
    response->end(0);
    response->run();
}

} // namespace gw::sim
