#pragma once
// Both gateways' chat completion responses -> NormalizedResponse, for a whole JSON body and for
// an SSE stream fed incrementally. The rules are the routing contract's "Response normalization".

#include "config/config.h"
#include "protocol/chunk_scanner.h"
#include "protocol/normalized.h"
#include "protocol/sse_parser.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QtGlobal>

#include <functional>

namespace gw {

// A complete non-stream response body (HTTP 200). A body with an "error" member, or one that is
// not a JSON object, yields error set (Protocol for unparsable bodies).
NormalizedResponse normalizeBody(Gateway gateway, QByteArrayView jsonBody);

// Same for an already-parsed body.
NormalizedResponse normalizeBodyObject(Gateway gateway, const QJsonObject &body);

// Heuristic used by tools that accept "a body or a stream": true when the bytes look like SSE
// (first non-blank line starts with "data:", "event:", "id:", "retry:" or ':').
bool looksLikeSse(QByteArrayView bytes);

class StreamNormalizer {
public:
    // Called for every text or reasoning fragment as it arrives, so a GUI can stream it.
    enum class DeltaKind { Text, Reasoning };
    using DeltaHandler = std::function<void(DeltaKind, const QString &)>;

    explicit StreamNormalizer(Gateway gateway);
    Q_DISABLE_COPY_MOVE(StreamNormalizer) // the parser's handler points back at this object

    void setDeltaHandler(DeltaHandler handler) { m_onDelta = std::move(handler); }
    // The single-pass chunk scanner (chunk_scanner.h) is on by default; tests switch it off to
    // prove both paths give the same result.
    void setFastPathEnabled(bool enabled) { m_fastPath = enabled; }

    void feed(QByteArrayView bytes);
    // Ends the stream; the result carries a Protocol error if it was truncated or garbled
    // (unless an earlier, more specific error such as a mid-stream error chunk is already set).
    NormalizedResponse finish();

    // Incremental view of what has arrived so far. Assembling reasoningDetails costs time linear
    // in their size: a GUI that streams should use the delta handler, not poll this per chunk.
    const NormalizedResponse &current() const;
    bool firstTokenSeen() const { return m_firstTokenSeen; } // text or reasoning arrived
    const SseParser &parser() const { return m_parser; }

private:
    void onEvent(const SseEvent &event);
    void applyChunk(const QJsonObject &chunk);
    bool applyScannedChunk(QByteArrayView json);
    void appendDelta(DeltaKind kind, const QString &piece);
    void mergeReasoningDetails(const QJsonArray &deltas);
    void assembleReasoningDetails() const;

    // One merged reasoning_details entry. The growing text/summary/data live in their own strings:
    // appending into a QJsonObject copies the whole value each time, quadratic over a long stream.
    struct DetailSlot {
        bool isObject = true;
        QJsonValue nonObject;    // an item that is not an object, kept as it came
        QJsonObject fields;      // every other field, last non-null value wins
        QString concatenated[3]; // text, summary, data
        bool present[3] = {false, false, false};
    };

    Gateway m_gateway;
    SseParser m_parser;
    mutable NormalizedResponse m_result; // reasoningDetails assembled from m_details on demand
    mutable bool m_detailsDirty = false;
    DeltaHandler m_onDelta;
    QList<DetailSlot> m_details;
    detail::ScannedChunk m_scanned;         // reused across chunks
    QHash<QString, qsizetype> m_detailSlot; // "type\x1findex" -> position in m_details
    bool m_firstTokenSeen = false;
    bool m_finished = false;
    bool m_fastPath = true;
};

// Fills usage, cost, provider and id from a response or final chunk object; shared by both
// paths. Exposed for tests and for gwnet's generation reconciliation.
void applyUsageAndMeta(Gateway gateway, const QJsonObject &object, NormalizedResponse &into);

} // namespace gw
