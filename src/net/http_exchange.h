#pragma once
// One HTTP request to a gateway and everything that can go wrong with it: the key guard (no key
// over plain http off this machine), refused redirects, four timeouts, the size cap, cancellation,
// and the single place where transport failures become GatewayErrors.

#include "client_settings.h"
#include "protocol/gateway_error.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace gw::net {

class HttpExchange : public QObject {
    Q_OBJECT
public:
    HttpExchange(QNetworkAccessManager *nam, Gateway gateway, const ClientSettings &settings, QObject *parent);
    ~HttpExchange() override;

    // `path` is appended to the base URL ("/models", "/generation?id=..."). With `streaming`, a
    // 2xx body is handed out piece by piece through bytesArrived() instead of being kept.
    void get(const QString &path);
    void post(const QString &path, const QByteArray &json, bool streaming);
    void cancel(); // finished() follows, with isCancelled()

    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    int httpStatus() const { return m_status; }
    const GatewayError &error() const { return m_error; }
    const QByteArray &body() const { return m_body; } // non-streaming, or an error body
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : -1; }
    qint64 firstByteMs() const { return m_firstByteMs; } // -1 until the first body byte
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void bytesArrived(const QByteArray &bytes);
    void finished();

private:
    void send(const QByteArray &verb, const QString &path, const QByteArray &body, bool streaming);
    void onReadyRead();
    void onMetaData();
    void onReplyFinished();
    void fail(const GatewayError &error); // aborts the reply (timeouts, size cap)
    void finishWith(const GatewayError &error);
    void armTimer(QTimer &timer, int ms);

    QNetworkAccessManager *m_nam;
    Gateway m_gateway;
    ClientSettings m_settings;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    bool m_streaming = false;
    bool m_finished = false;
    bool m_cancelled = false;
    int m_status = 0;
    GatewayError m_error;
    QByteArray m_body;
    qint64 m_bytesReceived = 0;
    qint64 m_firstByteMs = -1;
    QElapsedTimer m_clock;
    QTimer m_connectTimer;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
};

} // namespace gw::net
