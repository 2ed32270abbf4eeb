#include "protocol/normalizer.h"

#include "protocol/chunk_scanner.h"
#include "util/bom.h"
#include "json/json_document.h"

#include <QJsonDocument>

#include <cmath>

namespace gw {

namespace {

// Gateways send numbers as JSON numbers or as decimal strings ("0.00123"); both are fine here.
std::optional<double> numberOf(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::optional<qint64> tokensOf(const QJsonValue &v)
{
    const auto d = numberOf(v);
    if (!d || *d < 0 || *d > 9.0e15)
        return std::nullopt;
    return qint64(*d);
}

QJsonObject providerMetadataOf(const QJsonObject &o)
{
    const QJsonValue snake = o.value(u"provider_metadata");
    return snake.isObject() ? snake.toObject() : o.value(u"providerMetadata").toObject();
}

void applyUsage(Gateway gateway, const QJsonObject &usage, NormalizedResponse &into)
{
    into.hasUsage = true;
    TokenUsage &u = into.usage;
    u.prompt = tokensOf(usage.value(u"prompt_tokens")).value_or(0);
    u.completion = tokensOf(usage.value(u"completion_tokens")).value_or(0);
    const QJsonObject promptDetails = usage.value(u"prompt_tokens_details").toObject();
    const QJsonObject completionDetails = usage.value(u"completion_tokens_details").toObject();
    // Anthropic-style names show up in Vercel captures next to (or instead of) OpenAI-style ones.
    u.cachedRead = tokensOf(promptDetails.value(u"cached_tokens"))
                       .value_or(tokensOf(usage.value(u"cache_read_input_tokens")).value_or(0));
    u.cacheWrite = tokensOf(promptDetails.value(u"cache_write_tokens"))
                       .value_or(tokensOf(usage.value(u"cache_creation_input_tokens")).value_or(0));
    u.reasoning = tokensOf(completionDetails.value(u"reasoning_tokens")).value_or(0);

    std::optional<double> cost;
    if (gateway == Gateway::OpenRouter) {
        // BYOK: `cost` is only OpenRouter's fee; what the provider charged is upstream_inference_cost,
        // or else its two parts (the current API always sends those, @openrouter/sdk CostDetails).
        if (usage.value(u"is_byok").toBool()) {
            const QJsonObject details = usage.value(u"cost_details").toObject();
            cost = numberOf(details.value(u"upstream_inference_cost"));
            const auto prompt = numberOf(details.value(u"upstream_inference_prompt_cost"));
            const auto completions = numberOf(details.value(u"upstream_inference_completions_cost"));
            if (!cost && prompt && completions)
                cost = *prompt + *completions;
        } else
            cost = numberOf(usage.value(u"cost"));
    } else {
        cost = numberOf(usage.value(u"market_cost"));
        if (!cost)
            cost = numberOf(usage.value(u"cost"));
    }
    if (cost) {
        into.costUsd = cost;
        into.costSource = CostSource::Reported;
    }
}

void applyProviderMetadata(const QJsonObject &providerMetadata, NormalizedResponse &into)
{
    const QJsonObject gatewayMeta = providerMetadata.value(u"gateway").toObject();
    if (gatewayMeta.isEmpty())
        return;
    const QString finalProvider = gatewayMeta.value(u"routing").toObject().value(u"finalProvider").toString();
    if (!finalProvider.isEmpty())
        into.finalProvider = finalProvider;
    if (into.generationId.isEmpty())
        into.generationId = gatewayMeta.value(u"generationId").toString();
    // usage.market_cost / usage.cost win when present; this is the documented fallback.
    if (into.costSource != CostSource::Reported) {
        auto cost = numberOf(gatewayMeta.value(u"marketCost"));
        if (!cost)
            cost = numberOf(gatewayMeta.value(u"cost"));
        if (cost) {
            into.costUsd = cost;
            into.costSource = CostSource::Reported;
        }
    }
}

// message.content is a string, or (some providers) an array of {type: "text", text} parts.
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject o = part.toObject();
        if (o.value(u"type").toString() == u"text")
            text += o.value(u"text").toString();
    }
    return text;
}

// `reasoning` and `reasoning_content` name the same thing; never count both.
QString reasoningText(const QJsonObject &messageOrDelta)
{
    const QJsonValue r = messageOrDelta.value(u"reasoning");
    if (r.isString() && !r.toString().isEmpty())
        return r.toString();
    return messageOrDelta.value(u"reasoning_content").toString();
}

QJsonObject firstChoice(const QJsonObject &o)
{
    const QJsonArray choices = o.value(u"choices").toArray();
    for (const QJsonValue &c : choices) {
        QJsonObject choice = c.toObject(); // not const: returned by move
        if (choice.value(u"index").toInt(0) == 0)
            return choice;
    }
    return {};
}

void setMidStreamError(Gateway gateway, const QJsonValue &errorValue, NormalizedResponse &into)
{
    into.error = classifyErrorObject(gateway, 200, errorValue);
    into.error.midStream = true;
}

} // namespace

void applyUsageAndMeta(Gateway gateway, const QJsonObject &object, NormalizedResponse &into)
{
    if (into.generationId.isEmpty())
        into.generationId = object.value(u"id").toString();
    if (into.model.isEmpty())
        into.model = object.value(u"model").toString();
    const QJsonValue provider = object.value(u"provider");
    if (provider.isString() && !provider.toString().isEmpty())
        into.finalProvider = provider.toString();
    const QJsonValue usage = object.value(u"usage");
    if (usage.isObject())
        applyUsage(gateway, usage.toObject(), into);
    const QJsonObject providerMetadata = providerMetadataOf(object);
    if (!providerMetadata.isEmpty())
        applyProviderMetadata(providerMetadata, into);
}

NormalizedResponse normalizeBodyObject(Gateway gateway, const QJsonObject &body)
{
    NormalizedResponse r;
    applyUsageAndMeta(gateway, body, r);
    if (body.contains(u"error")) {
        r.error = classifyErrorObject(gateway, 200, body.value(u"error"));
        return r;
    }
    const QJsonObject choice = firstChoice(body);
    const QJsonObject message = choice.value(u"message").toObject();
    r.text = contentText(message.value(u"content"));
    r.reasoning = reasoningText(message);
    r.reasoningDetails = message.value(u"reasoning_details").toArray();
    r.finishReason = choice.value(u"finish_reason").toString();
    // Vercel may put its provider metadata on the message rather than the body.
    const QJsonObject messageMetadata = providerMetadataOf(message);
    if (!messageMetadata.isEmpty())
        applyProviderMetadata(messageMetadata, r);
    if (choice.value(u"error").isObject())
        r.error = classifyErrorObject(gateway, 200, choice.value(u"error"));
    return r;
}

NormalizedResponse normalizeBody(Gateway gateway, QByteArrayView jsonBody)
{
    const json::ParsedDocument parsed = json::parseDocument(jsonBody);
    if (!parsed.document.isObject()) {
        NormalizedResponse r;
        r.error = protocolError(u"bad_body"_qs, !parsed.ok() ? u"response body is not JSON: %1"_qs.arg(parsed.error)
                                                             : u"response body is not a JSON object"_qs);
        return r;
    }
    return normalizeBodyObject(gateway, parsed.document.object());
}

bool looksLikeSse(QByteArrayView bytes)
{
    bytes = withoutUtf8Bom(bytes);
    qsizetype i = 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
        ++i;
    const QByteArrayView rest = bytes.sliced(i);
    return rest.startsWith("data:") || rest.startsWith("event:") || rest.startsWith("id:") || rest.startsWith("retry:")
           || rest.startsWith(":");
}

StreamNormalizer::StreamNormalizer(Gateway gateway) : m_gateway(gateway)
{
    m_parser.setEventHandler([this](const SseEvent &event) { onEvent(event); });
}

void StreamNormalizer::feed(QByteArrayView bytes)
{
    if (m_finished)
        return;
    m_parser.feed(bytes);
    m_result.keepAliveCount = m_parser.commentCount();
}

NormalizedResponse StreamNormalizer::finish()
{
    if (!m_finished) {
        m_finished = true;
        m_parser.finish();
        m_result.keepAliveCount = m_parser.commentCount();
        if (m_parser.error().isError() && !m_result.error.isError()) {
            m_result.error = m_parser.error();
            m_result.error.midStream = m_parser.eventCount() > 0;
        }
    }
    return current();
}

void StreamNormalizer::onEvent(const SseEvent &event)
{
    if (event.isDone())
        return;
    if (m_fastPath && applyScannedChunk(event.data)) {
        ++m_result.chunkCount;
        return;
    }
    const json::ParsedDocument parsed = json::parseDocument(event.data);
    if (!parsed.document.isObject()) {
        // One garbled chunk does not end the stream, but the result must not look clean.
        if (!m_result.error.isError()) {
            m_result.error =
                protocolError(u"bad_chunk"_qs, u"event %1: data is not a JSON object (%2)"_qs.arg(m_parser.eventCount())
                                                   .arg(!parsed.ok() ? parsed.error : u"not an object"_qs));
            m_result.error.midStream = true;
        }
        return;
    }
    ++m_result.chunkCount;
    applyChunk(parsed.document.object());
}

void StreamNormalizer::applyChunk(const QJsonObject &chunk)
{
    applyUsageAndMeta(m_gateway, chunk, m_result);
    if (chunk.value(u"error").isObject())
        setMidStreamError(m_gateway, chunk.value(u"error"), m_result);

    const QJsonObject choice = firstChoice(chunk);
    if (choice.isEmpty())
        return; // the usage chunk: choices is []
    const QJsonObject delta = choice.value(u"delta").toObject();
    appendDelta(DeltaKind::Text, delta.value(u"content").toString());
    appendDelta(DeltaKind::Reasoning, reasoningText(delta));
    const QJsonValue details = delta.value(u"reasoning_details");
    if (details.isArray())
        mergeReasoningDetails(details.toArray());
    const QJsonObject deltaMetadata = providerMetadataOf(delta);
    if (!deltaMetadata.isEmpty())
        applyProviderMetadata(deltaMetadata, m_result);
    const QJsonValue finish = choice.value(u"finish_reason");
    if (finish.isString())
        m_result.finishReason = finish.toString();
    if (choice.value(u"error").isObject())
        setMidStreamError(m_gateway, choice.value(u"error"), m_result);
}

void StreamNormalizer::appendDelta(DeltaKind kind, const QString &piece)
{
    if (piece.isEmpty())
        return;
    (kind == DeltaKind::Text ? m_result.text : m_result.reasoning) += piece;
    m_firstTokenSeen = true;
    if (m_onDelta)
        m_onDelta(kind, piece);
}

// The same effects as applyChunk() for the chunks the scanner understands; false for the rest.
bool StreamNormalizer::applyScannedChunk(QByteArrayView json)
{
    detail::ScannedChunk &c = m_scanned;
    if (!detail::scanChunk(json, m_result.generationId.isEmpty(), m_result.model.isEmpty(), c))
        return false;
    if (c.hasId && m_result.generationId.isEmpty())
        m_result.generationId = c.id;
    if (c.hasModel && m_result.model.isEmpty())
        m_result.model = c.model;
    if (c.hasProvider && !c.provider.isEmpty())
        m_result.finalProvider = c.provider;
    appendDelta(DeltaKind::Text, c.content);
    appendDelta(DeltaKind::Reasoning, c.hasReasoning && !c.reasoning.isEmpty() ? c.reasoning : c.reasoningContent);
    if (!c.reasoningDetails.isEmpty())
        mergeReasoningDetails(QJsonDocument::fromJson(c.reasoningDetails.toByteArray()).array());
    if (c.hasFinishReason)
        m_result.finishReason = c.finishReason;
    return true;
}

void StreamNormalizer::mergeReasoningDetails(const QJsonArray &deltas)
{
    static const QString kConcatenated[3] = {u"text"_qs, u"summary"_qs, u"data"_qs};
    for (const QJsonValue &item : deltas) {
        m_detailsDirty = true;
        if (!item.isObject()) {
            DetailSlot slot;
            slot.isObject = false;
            slot.nonObject = item; // unknown shape: keep it, unchanged
            m_details.append(slot);
            continue;
        }
        const QJsonObject piece = item.toObject();
        const QJsonValue index = piece.value(u"index");
        // A detail without an index merges with others of its type that have none either.
        const QString key = piece.value(u"type").toString() + QChar(0x1f)
                            + (index.isDouble() ? QString::number(index.toDouble()) : QString());
        auto found = m_detailSlot.constFind(key);
        if (found == m_detailSlot.cend()) {
            found = m_detailSlot.insert(key, m_details.size());
            m_details.append(DetailSlot());
        }
        DetailSlot &slot = m_details[*found];
        for (auto it = piece.begin(); it != piece.end(); ++it) {
            const QString field = it.key();
            const QJsonValue value = it.value();
            int c = 0;
            while (c < 3 && field != kConcatenated[c])
                ++c;
            if (c < 3 && value.isString()) {
                slot.concatenated[c] += value.toString();
                slot.present[c] = true;
            } else if (value.isNull() && ((c < 3 && slot.present[c]) || slot.fields.contains(field))) {
                continue; // a later delta saying null does not erase a signature seen earlier
            } else {
                slot.fields.insert(field, value);
            }
        }
    }
}

void StreamNormalizer::assembleReasoningDetails() const
{
    static const QString kConcatenated[3] = {u"text"_qs, u"summary"_qs, u"data"_qs};
    QJsonArray details;
    for (const DetailSlot &slot : m_details) {
        if (!slot.isObject) {
            details.append(slot.nonObject);
            continue;
        }
        QJsonObject o = slot.fields;
        for (int c = 0; c < 3; ++c)
            if (slot.present[c])
                o.insert(kConcatenated[c], slot.concatenated[c]);
        details.append(o);
    }
    m_result.reasoningDetails = details;
    m_detailsDirty = false;
}

const NormalizedResponse &StreamNormalizer::current() const
{
    if (m_detailsDirty)
        assembleReasoningDetails();
    return m_result;
}

} // namespace gw
