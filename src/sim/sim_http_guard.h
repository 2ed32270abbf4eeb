#pragma once
// What QHttpServer 6.4 leaves to its user: limits on a request's head and on a client that goes
// quiet halfway through a request, and what the client asked of the connection (HTTP/1.0,
// "Connection: close"). SimTcpServer puts a SimConnectionGuard on every accepted socket before
// QHttpServer sees it, so the guard reads each piece of a request first:
//   - a head longer than maxHeaderBytes gets 431 and the connection closes;
//   - a request left unfinished for idleTimeoutMs (head or body) gets 408 and closes;
//   - every complete head leaves a SimRequestInfo for the answer (SimResponse) to take.
// A connection that is silent between requests, or waiting for a slow answer, is not idle.

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QTcpServer>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace gw::sim {

struct SimHttpLimits {
    int maxHeaderBytes = 64 * 1024; // request line + headers, like common servers' 8-64 KiB
    int idleTimeoutMs = 15'000;     // a started request that stops arriving
};

struct SimRequestInfo {
    bool http10 = false;     // answer as HTTP/1.0, never chunked
    bool closeAfter = false; // HTTP/1.0 or "Connection: close": close once answered
};

class SimConnectionGuard : public QObject {
    Q_OBJECT
public:
    SimConnectionGuard(QTcpSocket *socket, const SimHttpLimits &limits);

    // The oldest complete request head on `socket` not yet answered; nullopt when the socket has
    // no guard or the head was not seen (a request body sent chunked ends the tracking).
    static std::optional<SimRequestInfo> takeRequestInfo(QTcpSocket *socket);

private:
    enum class State { Head, Body, Untracked };
    void onReadyRead();
    void onIdle();
    void headComplete(const QByteArray &head);
    void reject(int status, const QByteArray &reason, const QByteArray &message);

    QTcpSocket *m_socket;
    SimHttpLimits m_limits;
    State m_state = State::Head;
    QByteArray m_head; // the current head so far (bounded by the limit)
    qint64 m_bodyRemaining = 0;
    QQueue<SimRequestInfo> m_pending;
    QTimer m_idle;
};

// The listening socket: every accepted connection gets a SimConnectionGuard first.
class SimTcpServer : public QTcpServer {
    Q_OBJECT
public:
    SimTcpServer(const SimHttpLimits &limits, QObject *parent);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    SimHttpLimits m_limits;
};

} // namespace gw::sim
