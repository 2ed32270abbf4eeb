#pragma once
// Incremental Server-Sent Events parser (the WHATWG event-stream grammar, as both gateways use
// it). Bytes arrive in arbitrary chunks from the network; events come out exactly as if the
// whole stream had been parsed at once, whatever the chunk boundaries.
//
// Speed matters (the monitor replays captured streams): lines are found with memchr, and the
// only allocations are the growing data buffer of the current event and the carry-over of an
// incomplete line between feed() calls.

#include "protocol/gateway_error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>

namespace gw {

struct SseEvent {
    QByteArray event; // "event:" field; empty means the default type "message"
    QByteArray data;  // all "data:" lines of the event joined with '\n'
    QByteArray id;    // last "id:" field seen so far in the stream (SSE keeps it across events)
    bool isDone() const { return data == "[DONE]"; }
};

class SseParser {
public:
    using EventHandler = std::function<void(const SseEvent &)>;

    SseParser() = default;
    explicit SseParser(EventHandler onEvent) : m_onEvent(std::move(onEvent)) {}

    // Handler for each complete event. Without one, events queue up for takeEvents().
    void setEventHandler(EventHandler onEvent) { m_onEvent = std::move(onEvent); }

    void feed(QByteArrayView chunk);
    // End of the byte stream. Dispatches nothing partial: an unterminated event or a stream
    // without "data: [DONE]" sets error() to a Protocol "truncated_stream" error instead.
    void finish();

    // Pull API, used when no handler is set.
    QList<SseEvent> takeEvents();

    bool sawDone() const { return m_sawDone; }
    bool finished() const { return m_finished; }
    qint64 eventCount() const { return m_eventCount; }
    qint64 commentCount() const { return m_commentCount; } // ": OPENROUTER PROCESSING" keep-alives
    qint64 bytesFed() const { return m_bytesFed; }
    const GatewayError &error() const { return m_error; } // None unless the stream is broken

    // Set to false for a non-chat SSE stream that legitimately ends without [DONE].
    void setRequireDone(bool require) { m_requireDone = require; }

private:
    void processLine(QByteArrayView line);
    void dispatch();

    EventHandler m_onEvent;
    QList<SseEvent> m_queue;
    QByteArray m_partialLine; // bytes after the last line end, waiting for more input
    bool m_pendingCr = false; // last byte fed was '\r': a following '\n' belongs to it
    SseEvent m_current;
    bool m_hasData = false;   // a data: field was seen in the current event
    bool m_eventOpen = false; // any field was seen since the last blank line
    QByteArray m_lastId;
    bool m_sawDone = false;
    bool m_finished = false;
    bool m_requireDone = true;
    qint64 m_eventCount = 0;
    qint64 m_commentCount = 0;
    qint64 m_bytesFed = 0;
    GatewayError m_error;
};

} // namespace gw
