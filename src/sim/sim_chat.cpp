#include "sim_chat.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace gw::sim {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int tokensFor(const QString &text)
{
    return int((text.size() + 3) / 4);
}

QString messageText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray())
        text += part.toObject().value(u"text").toString();
    return text;
}

QString lastUserText(const QJsonObject &request)
{
    const QJsonArray messages = request.value(u"messages").toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i)
        if (messages.at(i).toObject().value(u"role").toString() == u"user")
            return messageText(messages.at(i).toObject().value(u"content"));
    return {};
}

// Reasoning tokens asked for: 0 for none. `exclude` keeps the tokens but hides the text.
int reasoningBudget(const QJsonObject &request, bool *exclude)
{
    *exclude = false;
    QString effort = request.value(u"reasoning_effort").toString();
    const QJsonObject reasoning = request.value(u"reasoning").toObject();
    if (!reasoning.isEmpty()) {
        *exclude = reasoning.value(u"exclude").toBool();
        if (reasoning.value(u"enabled").isBool() && !reasoning.value(u"enabled").toBool())
            return 0;
        if (reasoning.contains(u"max_tokens"))
            return std::clamp(reasoning.value(u"max_tokens").toInt(), 0, 256);
        effort = reasoning.value(u"effort").toString(u"medium"_qs);
    }
    if (effort.isEmpty() || effort == u"none")
        return 0;
    if (effort == u"minimal")
        return 16;
    if (effort == u"low")
        return 32;
    if (effort == u"high")
        return 128;
    if (effort == u"xhigh" || effort == u"max")
        return 256;
    return 64;
}

QStringList splitIntoPieces(const QString &text, int wordsPerPiece)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QStringList pieces;
    for (qsizetype i = 0; i < words.size(); i += wordsPerPiece) {
        QString piece = words.mid(i, wordsPerPiece).join(u' ');
        if (i + wordsPerPiece < words.size())
            piece += u' ';
        pieces.append(piece);
    }
    return pieces;
}

SimProvider chooseProvider(Gateway gateway, const QList<SimProvider> &providers, const QJsonObject &request)
{
    const QJsonObject prefs = gateway == Gateway::OpenRouter
                                  ? request.value(u"provider").toObject()
                                  : request.value(u"providerOptions").toObject().value(u"gateway").toObject();
    for (const QString &key : {u"order"_qs, u"only"_qs})
        for (const QJsonValue &slug : prefs.value(key).toArray())
            for (const SimProvider &p : providers)
                if (p.slug == slug.toString())
                    return p;
    return providers.first();
}

QString detailFormat(const QString &model)
{
    if (model.startsWith(u"anthropic/"))
        return u"anthropic-claude-v1"_qs;
    if (model.startsWith(u"openai/"))
        return u"openai-responses-v1"_qs;
    return u"unknown"_qs;
}

QJsonObject reasoningDetail(const ChatPlan &plan, const QString &text, const QString &signature)
{
    QJsonObject d{{u"type"_qs, u"reasoning.text"_qs},
                  {u"text"_qs, text},
                  {u"format"_qs, detailFormat(plan.model)},
                  {u"index"_qs, 0}};
    if (!signature.isEmpty())
        d.insert(u"signature"_qs, signature);
    return d;
}

QJsonObject usageJson(const ChatPlan &plan)
{
    QJsonObject usage{{u"prompt_tokens"_qs, plan.promptTokens},
                      {u"completion_tokens"_qs, plan.completionTokens},
                      {u"total_tokens"_qs, plan.promptTokens + plan.completionTokens},
                      {u"prompt_tokens_details"_qs, QJsonObject{{u"cached_tokens"_qs, 0}}},
                      {u"completion_tokens_details"_qs, QJsonObject{{u"reasoning_tokens"_qs, plan.reasoningTokens}}}};
    if (plan.gateway == Gateway::OpenRouter) {
        usage.insert(u"cost"_qs, plan.costUsd);
        usage.insert(u"is_byok"_qs, false);
        usage.insert(u"prompt_tokens_details"_qs, QJsonObject{{u"cached_tokens"_qs, 0}, {u"cache_write_tokens"_qs, 0}});
        // The split of `cost` by direction; upstream_inference_cost is only set for BYOK, which
        // the simulator never is.
        usage.insert(u"cost_details"_qs,
                     QJsonObject{{u"upstream_inference_cost"_qs, QJsonValue::Null},
                                 {u"upstream_inference_prompt_cost"_qs, plan.promptCostUsd},
                                 {u"upstream_inference_completions_cost"_qs, plan.completionCostUsd}});
    } else {
        usage.insert(u"market_cost"_qs, plan.costUsd);
    }
    return usage;
}

QJsonObject vercelProviderMetadata(const ChatPlan &plan)
{
    const QJsonObject routing{{u"originalModelId"_qs, plan.model},
                              {u"resolvedProvider"_qs, plan.provider.slug},
                              {u"finalProvider"_qs, plan.provider.slug}};
    return QJsonObject{{u"gateway"_qs, QJsonObject{{u"routing"_qs, routing},
                                                   {u"cost"_qs, formatUsd(plan.costUsd)},
                                                   {u"marketCost"_qs, formatUsd(plan.costUsd)},
                                                   {u"generationId"_qs, plan.id}}}};
}

// Fields every body and chunk starts with.
QJsonObject envelope(const ChatPlan &plan, const QString &object)
{
    QJsonObject o{
        {u"id"_qs, plan.id}, {u"object"_qs, object}, {u"created"_qs, plan.created}, {u"model"_qs, plan.model}};
    if (plan.gateway == Gateway::OpenRouter)
        o.insert(u"provider"_qs, plan.provider.displayName);
    return o;
}

QJsonObject chunkWithDelta(const ChatPlan &plan, const QJsonObject &delta, const QJsonValue &finishReason)
{
    QJsonObject choice{{u"index"_qs, 0}, {u"delta"_qs, delta}, {u"finish_reason"_qs, finishReason}};
    if (plan.gateway == Gateway::OpenRouter)
        choice.insert(u"native_finish_reason"_qs, finishReason);
    QJsonObject chunk = envelope(plan, u"chat.completion.chunk"_qs);
    chunk.insert(u"choices"_qs, QJsonArray{choice});
    return chunk;
}

} // namespace

QString formatUsd(double usd)
{
    QString text = QString::number(usd, 'f', 12);
    while (text.endsWith(u'0') && !text.endsWith(u".0"))
        text.chop(1);
    return text;
}

int estimatePromptTokens(const QJsonObject &request)
{
    int tokens = 0;
    for (const QJsonValue &m : request.value(u"messages").toArray())
        tokens += 4 + tokensFor(messageText(m.toObject().value(u"content")));
    return tokens;
}

ChatPlan planChat(Gateway gateway, const SimModel &model, const QList<SimProvider> &providers,
                  const QJsonObject &request, const QString &id, qint64 created)
{
    ChatPlan plan;
    plan.gateway = gateway;
    plan.id = id;
    plan.model = request.value(u"model").toString();
    plan.created = created;
    plan.provider = chooseProvider(gateway, providers, request);

    const QString prompt = lastUserText(request).simplified();
    static const QStringList closings{u"Everything here is deterministic."_qs, u"No real model was called."_qs,
                                      u"Tokens and cost follow the catalog price."_qs};
    const QString reply = u"Simulated %1 reply from %2 via %3. You said: %4. %5"_qs.arg(
        gateway == Gateway::OpenRouter ? u"OpenRouter"_qs : u"Vercel"_qs, plan.model, plan.provider.slug,
        prompt.left(80), closings.at(qsizetype(stableHash(plan.model + prompt) % closings.size())));
    plan.contentPieces = splitIntoPieces(reply, 3);

    bool exclude = false;
    plan.reasoningTokens = reasoningBudget(request, &exclude);
    if (plan.reasoningTokens > 0 && !exclude) {
        plan.reasoningPieces = splitIntoPieces(
            u"The user wrote \"%1\". A short, direct answer that names the gateway fits best."_qs.arg(prompt.left(40)),
            4);
        plan.reasoningSignature = u"sim-signature-%1"_qs.arg(stableHash(id) % 1000000);
    }
    plan.promptTokens = estimatePromptTokens(request);
    plan.completionTokens = tokensFor(reply) + plan.reasoningTokens;
    plan.promptCostUsd = plan.promptTokens * model.promptPricePerToken;
    plan.completionCostUsd = plan.completionTokens * model.completionPricePerToken;
    plan.costUsd = plan.promptCostUsd + plan.completionCostUsd;
    return plan;
}

QByteArray nonStreamBody(const ChatPlan &plan)
{
    QJsonObject message{{u"role"_qs, u"assistant"_qs}, {u"content"_qs, plan.contentPieces.join(QString())}};
    if (!plan.reasoningPieces.isEmpty()) {
        const QString reasoning = plan.reasoningPieces.join(QString());
        message.insert(u"reasoning"_qs, reasoning);
        message.insert(u"reasoning_details"_qs, QJsonArray{reasoningDetail(plan, reasoning, plan.reasoningSignature)});
    } else if (plan.gateway == Gateway::OpenRouter) {
        message.insert(u"reasoning"_qs, QJsonValue::Null);
    }
    QJsonObject choice{{u"index"_qs, 0}, {u"message"_qs, message}, {u"finish_reason"_qs, u"stop"_qs}};
    if (plan.gateway == Gateway::OpenRouter)
        choice.insert(u"native_finish_reason"_qs, u"stop"_qs);
    QJsonObject body = envelope(plan, u"chat.completion"_qs);
    body.insert(u"choices"_qs, QJsonArray{choice});
    body.insert(u"usage"_qs, usageJson(plan));
    if (plan.gateway == Gateway::OpenRouter)
        body.insert(u"system_fingerprint"_qs, QJsonValue::Null); // the provider's; the simulator has none
    if (plan.gateway == Gateway::Vercel)
        body.insert(u"providerMetadata"_qs, vercelProviderMetadata(plan));
    return compact(body);
}

QByteArray sseEvent(const QByteArray &json)
{
    return "data: " + json + "\n\n";
}

StreamEvents streamEvents(const ChatPlan &plan)
{
    StreamEvents events;
    const qsizetype lastReasoning = plan.reasoningPieces.size() - 1;
    for (qsizetype i = 0; i <= lastReasoning; ++i) {
        const QString &piece = plan.reasoningPieces.at(i);
        // Details are split across deltas too; the signature rides on the last one.
        const QJsonObject detail =
            reasoningDetail(plan, piece, i == lastReasoning ? plan.reasoningSignature : QString());
        const QJsonObject delta{{u"role"_qs, u"assistant"_qs},
                                {u"content"_qs, u""_qs},
                                {u"reasoning"_qs, piece},
                                {u"reasoning_details"_qs, QJsonArray{detail}}};
        events.deltas.append(sseEvent(compact(chunkWithDelta(plan, delta, QJsonValue::Null))));
    }
    for (const QString &piece : plan.contentPieces) {
        const QJsonObject delta{{u"role"_qs, u"assistant"_qs}, {u"content"_qs, piece}};
        events.deltas.append(sseEvent(compact(chunkWithDelta(plan, delta, QJsonValue::Null))));
    }
    const QJsonObject finishDelta{{u"role"_qs, u"assistant"_qs}, {u"content"_qs, u""_qs}};
    events.tail.append(sseEvent(compact(chunkWithDelta(plan, finishDelta, u"stop"_qs))));

    QJsonObject usageChunk = envelope(plan, u"chat.completion.chunk"_qs);
    usageChunk.insert(u"choices"_qs, QJsonArray{});
    usageChunk.insert(u"usage"_qs, usageJson(plan));
    if (plan.gateway == Gateway::Vercel)
        usageChunk.insert(u"providerMetadata"_qs, vercelProviderMetadata(plan));
    events.tail.append(sseEvent(compact(usageChunk)));
    events.tail.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return events;
}

} // namespace gw::sim
