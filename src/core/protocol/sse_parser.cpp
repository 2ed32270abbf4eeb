#include "protocol/sse_parser.h"

#include <cstring>

namespace gw {

namespace {

constexpr QByteArrayView kData = "data";
constexpr QByteArrayView kEvent = "event";
constexpr QByteArrayView kId = "id";

const char *findChar(const char *from, const char *to, char c)
{
    return static_cast<const char *>(std::memchr(from, c, size_t(to - from)));
}

} // namespace

void SseParser::feed(QByteArrayView chunk)
{
    if (m_finished || chunk.isEmpty())
        return;
    m_bytesFed += chunk.size();
    const char *p = chunk.data();
    const char *const end = p + chunk.size();

    // A CR ended the previous chunk: a LF starting this one is the second half of that CRLF.
    if (m_pendingCr) {
        m_pendingCr = false;
        if (*p == '\n')
            ++p;
    }

    while (p < end) {
        // LF is by far the common line end; only look for CR inside the line LF delimits, so the
        // usual case costs one memchr over the line and one over nothing.
        const char *lf = findChar(p, end, '\n');
        const char *lineEnd = lf ? lf : end;
        const char *cr = findChar(p, lineEnd, '\r');
        const char *next = nullptr;
        if (cr) {
            lineEnd = cr;
            if (cr + 1 == end) {
                m_pendingCr = true;
                next = end;
            } else {
                next = cr[1] == '\n' ? cr + 2 : cr + 1;
            }
        } else if (lf) {
            next = lf + 1;
        } else {
            // No line end in the rest of the chunk: keep it for the next feed().
            m_partialLine.append(p, end - p);
            return;
        }

        if (m_partialLine.isEmpty()) {
            processLine(QByteArrayView(p, lineEnd - p));
        } else {
            m_partialLine.append(p, lineEnd - p);
            processLine(m_partialLine);
            m_partialLine.resize(0); // keeps the capacity for the next split line
        }
        p = next;
    }
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':') {
        ++m_commentCount;
        return;
    }
    m_eventOpen = true;
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value;
    if (colon >= 0) {
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    if (field == kData) {
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == kEvent) {
        m_current.event = value.toByteArray();
    } else if (field == kId) {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    }
    // "retry" and unknown fields are ignored, as the SSE specification says.
}

void SseParser::dispatch()
{
    m_eventOpen = false;
    if (!m_hasData) {
        // An event without data is not dispatched (per spec); its type does not carry over.
        m_current.event.resize(0);
        return;
    }
    m_hasData = false;
    m_current.id = m_lastId;
    if (m_current.isDone())
        m_sawDone = true;
    ++m_eventCount;
    if (m_onEvent)
        m_onEvent(m_current);
    else
        m_queue.append(m_current);
    m_current.data.resize(0);
    m_current.event.resize(0);
}

void SseParser::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_partialLine.isEmpty()) {
        // The last line had no line end: it is complete as a line, but its event is not.
        processLine(m_partialLine);
        m_partialLine.clear();
    }
    if (m_eventOpen && m_hasData) {
        if (m_current.isDone()) {
            // "data: [DONE]" without the closing blank line: the terminator is unmistakable.
            dispatch();
        } else {
            m_error = protocolError(
                u"truncated_stream"_qs,
                u"stream ended in the middle of an event (%1 bytes of data not terminated by a blank line)"_qs.arg(
                    m_current.data.size()));
            return;
        }
    }
    if (m_requireDone && !m_sawDone)
        m_error = protocolError(u"truncated_stream"_qs,
                                u"stream ended without \"data: [DONE]\" after %1 events"_qs.arg(m_eventCount));
}

QList<SseEvent> SseParser::takeEvents()
{
    return std::exchange(m_queue, {});
}

} // namespace gw
