#include "sim_response.h"

#include "sim_http_guard.h"

namespace gw::sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 524: return "A Timeout Occurred";
    case 529: return "Site Overloaded";
    default: return "Status";
    }
}

} // namespace

SimResponse::SimResponse(QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent), m_responder(std::move(responder)), m_socket(m_responder.socket())
{
    m_clock.start(); // the request has just arrived: the script's delays count from here
    if (const std::optional<SimRequestInfo> info = SimConnectionGuard::takeRequestInfo(m_socket)) {
        m_http10 = info->http10;
        m_closeAfter = info->closeAfter;
    }
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimResponse::next);
    if (m_socket) {
        // SSE pieces are small: without TCP_NODELAY, Nagle holds each one back until the
        // previous one is acknowledged, and the simulator's timing would not be its own.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_done && onClientGone)
                onClientGone();
            m_done = true;
            m_timer.stop();
            deleteLater();
        });
    }
}

void SimResponse::head(int delayMs, int status, const Headers &headers, bool chunked)
{
    // The status line is written by hand: QHttpServerResponder 6.4 only knows standard codes,
    // and OpenRouter answers 524 and 529 too.
    QByteArray bytes =
        (m_http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    // HTTP/1.0 has no chunked encoding: a stream's body then ends where the connection does.
    m_chunked = chunked && !m_http10;
    if (m_chunked)
        bytes += "Transfer-Encoding: chunked\r\n";
    if (m_closeAfter) // always so for HTTP/1.0
        bytes += "Connection: close\r\n";
    m_steps.append({delayMs, Kind::Head, bytes});
}

void SimResponse::body(int delayMs, const QByteArray &bytes)
{
    m_steps.append({delayMs, Kind::Body, bytes});
}

void SimResponse::end(int delayMs)
{
    m_steps.append({delayMs, Kind::End, {}});
}

void SimResponse::closeConnection(int delayMs)
{
    m_steps.append({delayMs, Kind::Close, {}});
}

void SimResponse::complete(int delayMs, int status, const QByteArray &contentType, const QByteArray &bytes,
                           const Headers &extraHeaders)
{
    Headers headers = extraHeaders;
    headers.append({"Content-Type", contentType});
    headers.append({"Content-Length", QByteArray::number(bytes.size())});
    head(delayMs, status, headers, false);
    body(0, bytes);
    end(0);
    run();
}

void SimResponse::run()
{
    if (m_steps.isEmpty())
        return; // hang: keep the responder until the client leaves or the simulator stops
    m_dueNs = 0;
    scheduleNext();
}

void SimResponse::scheduleNext()
{
    // Against the script's own clock: QTimer counts from now, and now may already be late.
    m_dueNs += qint64(std::max(0, m_steps.at(m_next).delayMs)) * 1'000'000;
    const qint64 remainingNs = m_dueNs - m_clock.nsecsElapsed();
    // Rounded up: a step may be late by under a millisecond, never early.
    m_timer.start(int(std::max<qint64>(0, (remainingNs + 999'999) / 1'000'000)));
}

void SimResponse::next()
{
    // Steps due at the same time go out together, in order.
    while (m_next < m_steps.size() && !m_done) {
        perform(m_steps.at(m_next++));
        if (m_next < m_steps.size() && m_steps.at(m_next).delayMs > 0) {
            scheduleNext();
            return;
        }
    }
    if (m_next >= m_steps.size() && !m_done) {
        if (onComplete)
            onComplete();
        finish(); // done first, so the disconnect below is not counted as the client leaving
        if (m_closeAfter && m_socket)
            m_socket->disconnectFromHost(); // once the answer is written
    }
}

void SimResponse::perform(const Step &step)
{
    if (!m_socket || !m_socket->isOpen()) {
        finish();
        return;
    }
    switch (step.kind) {
    case Kind::Head:
        m_socket->write(step.bytes);
        m_responder.writeBody(QByteArray()); // ends the head with its blank line
        break;
    case Kind::Body:
        if (m_chunked)
            m_responder.writeBody(QByteArray::number(step.bytes.size(), 16) + "\r\n" + step.bytes + "\r\n");
        else
            m_responder.writeBody(step.bytes);
        break;
    case Kind::End:
        if (m_chunked)
            m_responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
        break;
    case Kind::Close:
        m_socket->flush();
        m_socket->disconnectFromHost();
        finish();
        break;
    }
}

void SimResponse::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    deleteLater();
}

} // namespace gw::sim
