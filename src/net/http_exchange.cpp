#include "http_exchange.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcGwNet, "gw.net", QtWarningMsg)

namespace gw::net {

namespace {

GatewayError makeError(ErrorClass cls, const QString &code, const QString &message)
{
    GatewayError e;
    e.cls = cls;
    e.code = code;
    e.message = message;
    return e;
}

std::optional<int> retryAfterSeconds(const QNetworkReply *reply)
{
    bool ok = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? std::optional<int>(seconds) : std::nullopt;
}

QUrl joinUrl(const QUrl &base, const QString &pathAndQuery)
{
    QUrl url = base;
    const qsizetype q = pathAndQuery.indexOf(u'?');
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    return url;
}

} // namespace

HttpExchange::HttpExchange(QNetworkAccessManager *nam, Gateway gateway, const ClientSettings &settings, QObject *parent)
    : QObject(parent), m_nam(nam), m_gateway(gateway), m_settings(settings)
{
    if (m_settings.baseUrl.isEmpty())
        m_settings.baseUrl = defaultBaseUrl(gateway);
    // Precise: a coarse timer may fire up to 5% early, and a timeout must never cut a call short.
    for (QTimer *t : {&m_connectTimer, &m_firstByteTimer, &m_idleTimer, &m_totalTimer}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer);
    }
    const auto timeout = [this](const char *code, int ms, const char *what) {
        GatewayError e = makeError(ErrorClass::Timeout, QString::fromLatin1(code),
                                   u"%1 within %2 ms"_qs.arg(QString::fromLatin1(what)).arg(ms));
        e.midStream = m_streaming && m_bytesReceived > 0;
        fail(e);
    };
    connect(&m_connectTimer, &QTimer::timeout, this,
            [=, this] { timeout("connect_timeout", m_settings.timeouts.connectMs, "could not send the request"); });
    connect(&m_firstByteTimer, &QTimer::timeout, this,
            [=, this] { timeout("first_byte_timeout", m_settings.timeouts.firstByteMs, "no response"); });
    connect(&m_idleTimer, &QTimer::timeout, this,
            [=, this] { timeout("idle_timeout", m_settings.timeouts.idleMs, "the response stalled: nothing more"); });
    connect(&m_totalTimer, &QTimer::timeout, this,
            [=, this] { timeout("total_timeout", m_settings.timeouts.totalMs, "the response was not complete"); });
}

HttpExchange::~HttpExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpExchange::get(const QString &path)
{
    send("GET", path, {}, false);
}

void HttpExchange::post(const QString &path, const QByteArray &json, bool streaming)
{
    send("POST", path, json, streaming);
}

void HttpExchange::armTimer(QTimer &timer, int ms)
{
    if (ms > 0)
        timer.start(ms);
}

void HttpExchange::send(const QByteArray &verb, const QString &path, const QByteArray &body, bool streaming)
{
    m_streaming = streaming;
    m_url = joinUrl(m_settings.baseUrl, path);
    m_clock.start();
    const QString scheme = m_url.scheme().toLower();
    const bool hasKey = !m_settings.apiKey.isEmpty();
    // Refuse before anything leaves the machine: the finished() signal still comes, queued.
    if (!m_url.isValid() || (scheme != u"https" && scheme != u"http")) {
        return finishWith(makeError(ErrorClass::BadRequest, u"invalid_base_url"_qs,
                                    u"refusing to send: %1 is not an http(s) URL"_qs.arg(m_url.toDisplayString())));
    }
    if (hasKey && scheme == u"http" && !isLoopbackHost(m_url)) {
        return finishWith(
            makeError(ErrorClass::BadRequest, u"insecure_url"_qs,
                      u"refusing to send the API key over plain http to %1; use https (plain http is only "
                      "allowed to 127.0.0.1, ::1 or localhost)"_qs.arg(m_url.host())));
    }

    QNetworkRequest request(m_url);
    // A redirect would replay the Authorization header to wherever Location points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", streaming ? "text/event-stream" : "application/json");
    if (hasKey)
        request.setRawHeader("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    const Attribution &a = m_settings.attribution;
    if (!a.referer.isEmpty())
        request.setRawHeader("HTTP-Referer", a.referer.toUtf8());
    if (!a.title.isEmpty()) {
        request.setRawHeader("X-Title", a.title.toUtf8());
        request.setRawHeader("X-OpenRouter-Title", a.title.toUtf8());
    }
    if (!a.categories.isEmpty())
        request.setRawHeader("X-OpenRouter-Categories", a.categories.mid(0, 2).join(u',').toUtf8());

    qCDebug(lcGwNet).noquote() << verb << m_url.toDisplayString() << "key" << maskKey(m_settings.apiKey);
    m_reply = m_nam->sendCustomRequest(request, verb, body);
    connect(m_reply, &QNetworkReply::requestSent, this, [this] { m_connectTimer.stop(); });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onReplyFinished);
    armTimer(m_connectTimer, m_settings.timeouts.connectMs);
    armTimer(m_firstByteTimer, m_settings.timeouts.firstByteMs);
    armTimer(m_totalTimer, m_settings.timeouts.totalMs);
}

void HttpExchange::onMetaData()
{
    m_connectTimer.stop();
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (m_settings.maxResponseBytes > 0 && announced > m_settings.maxResponseBytes)
        fail(makeError(
            ErrorClass::Protocol, u"response_too_large"_qs,
            u"response of %1 bytes exceeds the %2 byte limit"_qs.arg(announced).arg(m_settings.maxResponseBytes)));
}

void HttpExchange::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    m_connectTimer.stop();
    if (m_firstByteMs < 0) {
        m_firstByteMs = m_clock.elapsed();
        m_firstByteTimer.stop();
    }
    armTimer(m_idleTimer, m_settings.timeouts.idleMs);
    m_bytesReceived += bytes.size();
    if (m_settings.maxResponseBytes > 0 && m_bytesReceived > m_settings.maxResponseBytes)
        return fail(makeError(ErrorClass::Protocol, u"response_too_large"_qs,
                              u"response exceeds the %1 byte limit"_qs.arg(m_settings.maxResponseBytes)));
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_streaming && m_status >= 200 && m_status < 300)
        Q_EMIT bytesArrived(bytes);
    else
        m_body += bytes;
}

void HttpExchange::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onReadyRead(); // whatever is still buffered
    if (m_finished)
        return;
    QNetworkReply *reply = m_reply;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    GatewayError error;
    if (m_status >= 300 && m_status < 400) {
        error = makeError(
            ErrorClass::Protocol, u"redirect_refused"_qs,
            u"refused to follow a %1 redirect to %2: authenticated requests never follow redirects"_qs.arg(m_status)
                .arg(QUrl(QString::fromUtf8(reply->rawHeader("Location"))).host()));
        error.httpStatus = m_status;
    } else if (m_status >= 400) {
        error = classifyHttpError(m_gateway, m_status, m_body, retryAfterSeconds(reply));
    } else if (netError != QNetworkReply::NoError) {
        // Transport failure. After a 2xx head the body was cut off: the response is broken, not
        // the network path (the server accepted and answered).
        const QString why = redactKey(reply->errorString(), m_settings.apiKey);
        if (m_status >= 200 && m_status < 300) {
            error =
                makeError(ErrorClass::Protocol, u"truncated_response"_qs, u"connection closed early: %1"_qs.arg(why));
            error.httpStatus = m_status;
            error.midStream = m_streaming;
        } else {
            error = makeError(ErrorClass::Network, u"network_error"_qs, why);
        }
    }
    finishWith(error);
}

void HttpExchange::fail(const GatewayError &error)
{
    if (m_finished)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    finishWith(error);
}

void HttpExchange::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    GatewayError e = makeError(ErrorClass::Network, u"cancelled"_qs, u"cancelled by the caller"_qs);
    e.midStream = m_streaming && m_bytesReceived > 0;
    fail(e);
}

void HttpExchange::finishWith(const GatewayError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_error.message = redactKey(m_error.message, m_settings.apiKey);
    for (QTimer *t : {&m_connectTimer, &m_firstByteTimer, &m_idleTimer, &m_totalTimer})
        t->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_error.isError())
        qCDebug(lcGwNet).noquote() << "failed" << m_url.toDisplayString() << errorClassName(m_error.cls)
                                   << m_error.message;
    // Always asynchronous, so callers can connect after starting a request that fails at once.
    QMetaObject::invokeMethod(this, &HttpExchange::finished, Qt::QueuedConnection);
}

} // namespace gw::net
