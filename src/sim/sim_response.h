#pragma once
// One answer in flight. QHttpServer 6.4 lets a handler keep its QHttpServerResponder and write
// later, so every answer (even an immediate one) is a short script of timed steps: the head, body
// pieces (chunked transfer encoding for streams), the end, or closing the connection early.
// It deletes itself when done or when the client goes away (counted as a disconnect).
// It answers in the client's HTTP version and closes the connection after the answer when the
// client asked for that (HTTP/1.0 or "Connection: close", seen by SimConnectionGuard).

#include <QByteArray>
#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <utility>

namespace gw::sim {

class SimResponse : public QObject {
    Q_OBJECT
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    SimResponse(QHttpServerResponder &&responder, QObject *parent);

    // Script building; run() starts it. Delays are relative to the previous step's scheduled time
    // (the first step's to the request's arrival), not to when it actually went out: a step that
    // fires late (a busy event loop, timer slack) does not push the rest of the script back, so a
    // stream's total stays what was configured.
    void head(int delayMs, int status, const Headers &headers, bool chunked);
    void body(int delayMs, const QByteArray &bytes); // a chunk when chunked, else raw
    void end(int delayMs);                           // terminating chunk; keeps the connection
    void closeConnection(int delayMs);               // abort: the client sees a truncated body
    void run();                                      // an empty script hangs until the client leaves

    // Convenience: a complete, immediate-or-delayed answer with Content-Length.
    void complete(int delayMs, int status, const QByteArray &contentType, const QByteArray &bytes,
                  const Headers &extraHeaders = {});

    std::function<void()> onClientGone; // the client disconnected before the script finished
    std::function<void()> onComplete;   // every step was written

private:
    enum class Kind { Head, Body, End, Close };
    struct Step {
        int delayMs;
        Kind kind;
        QByteArray bytes;
    };
    void next();
    void scheduleNext(); // arms the timer for step m_next
    void perform(const Step &step);
    void finish();

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QList<Step> m_steps;
    qsizetype m_next = 0;
    bool m_chunked = false;
    bool m_http10 = false;     // "HTTP/1.0" status line; a stream's end is the connection's end
    bool m_closeAfter = false; // "Connection: close" in the head; close after the last step
    bool m_done = false;
    QTimer m_timer;
    QElapsedTimer m_clock; // since the request arrived (construction), so the simulator's own
                           // work before run() is inside the delays, not added to them
    qint64 m_dueNs = 0;    // the next step's scheduled time on m_clock
};

} // namespace gw::sim
