#pragma once
// Plain HTTP against gateway-sim with a real QNetworkAccessManager, for tests of the simulator
// itself (what goes over the wire, byte for byte).

#include <QByteArray>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

namespace gw::test {

struct RawResponse {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray contentType;
    bool finished = false;
};

inline RawResponse fetch(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url,
                         const QByteArray &body = {}, const QByteArray &bearer = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    RawResponse r;
    r.finished = reply->isFinished() || spy.wait(20'000);
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.retryAfter = reply->rawHeader("Retry-After");
    r.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    return r;
}

inline QUrl at(const QUrl &base, const QString &path)
{
    QUrl url = base;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(base.path() + path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    return url;
}

} // namespace gw::test
