#include "sim_http_guard.h"

#include <QTcpSocket>

namespace gw::sim {

SimConnectionGuard::SimConnectionGuard(QTcpSocket *socket, const SimHttpLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &SimConnectionGuard::onIdle);
    // Connected before QHttpServer connects its own handler, so this runs first on every read.
    connect(socket, &QTcpSocket::readyRead, this, &SimConnectionGuard::onReadyRead);
}

std::optional<SimRequestInfo> SimConnectionGuard::takeRequestInfo(QTcpSocket *socket)
{
    auto *guard = socket ? socket->findChild<SimConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!guard || guard->m_pending.isEmpty())
        return std::nullopt;
    return guard->m_pending.dequeue();
}

void SimConnectionGuard::onReadyRead()
{
    if (m_state == State::Untracked)
        return;
    // Peek, not read: QHttpServer's handler runs next and reads the same bytes (all of them).
    const QByteArray bytes = m_socket->peek(m_socket->bytesAvailable());
    qsizetype at = 0;
    while (at < bytes.size() && m_state != State::Untracked) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, bytes.size() - at);
            at += qsizetype(take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining == 0)
                m_state = State::Head;
            continue;
        }
        if (m_head.isEmpty()) {
            while (at < bytes.size() && (bytes.at(at) == '\r' || bytes.at(at) == '\n'))
                ++at; // blank lines between requests are allowed (RFC 9112 2.2)
            if (at == bytes.size())
                break;
        }
        const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 3);
        const qsizetype room = qsizetype(m_limits.maxHeaderBytes) + 4 - m_head.size();
        const qsizetype piece = std::min(room, bytes.size() - at);
        m_head.append(bytes.constData() + at, piece);
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        if (end < 0 || end > m_limits.maxHeaderBytes) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                return reject(431, "Request Header Fields Too Large",
                              "Request head larger than " + QByteArray::number(m_limits.maxHeaderBytes) + " bytes");
            at += piece;
            continue;
        }
        at += piece - (m_head.size() - (end + 4)); // the bytes after the head belong to the body
        headComplete(m_head.left(end));
        m_head.clear();
    }
    const bool midRequest = !m_head.isEmpty() || m_state == State::Body;
    if (midRequest)
        m_idle.start(m_limits.idleTimeoutMs);
    else
        m_idle.stop();
}

void SimConnectionGuard::headComplete(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    SimRequestInfo info;
    info.http10 = lines.first().trimmed().endsWith("HTTP/1.0");
    info.closeAfter = info.http10;
    qint64 contentLength = 0;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            contentLength = std::max<qint64>(0, value.toLongLong());
        else if (name == "transfer-encoding")
            chunked = value.contains("chunked");
        else if (name == "connection" && value.split(',').contains("close"))
            info.closeAfter = true;
    }
    m_pending.enqueue(info);
    // A chunked request body has no length to skip: stop reading along (the limits then no
    // longer apply to this connection; gateway clients send Content-Length).
    m_state = chunked ? State::Untracked : (contentLength > 0 ? State::Body : State::Head);
    m_bodyRemaining = contentLength;
}

void SimConnectionGuard::onIdle()
{
    reject(408, "Request Timeout",
           "Request not completed within " + QByteArray::number(m_limits.idleTimeoutMs) + " ms");
}

void SimConnectionGuard::reject(int status, const QByteArray &reason, const QByteArray &message)
{
    m_state = State::Untracked;
    m_idle.stop();
    m_socket->readAll(); // QHttpServer must not see the rest of this request
    const QByteArray body =
        R"({"error":{"code":)" + QByteArray::number(status) + R"(,"message":")" + message + R"("}})";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost(); // after the answer is written
}

SimTcpServer::SimTcpServer(const SimHttpLimits &limits, QObject *parent) : QTcpServer(parent), m_limits(limits) {}

void SimTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    new SimConnectionGuard(socket, m_limits);
    addPendingConnection(socket);
}

} // namespace gw::sim
