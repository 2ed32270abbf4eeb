// gateway-sim's HTTP manners, over raw sockets where a client library would hide them: HTTP/1.0
// and "Connection: close" honoured, limits on request heads and on half-sent requests, keep-alive
// still working through the guard, and a broken /_control/faults body refused (faults kept).

#include "raw_http.h"

#include "gateway_simulator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace gw;
using namespace gw::test;

namespace {

// Everything the server sends until it closes the connection or `timeoutMs` passes.
struct Exchange {
    QByteArray bytes;
    bool closedByServer = false;
};

// The simulator runs in this thread: wait by spinning the event loop, never with waitFor*().
Exchange exchange(quint16 port, const QByteArray &request, int timeoutMs = 5'000)
{
    QTcpSocket socket;
    Exchange result;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { result.bytes += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, [&] { result.closedByServer = true; });
    QObject::connect(&socket, &QTcpSocket::connected, [&] { socket.write(request); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && !result.closedByServer)
        QTest::qWait(10);
    result.bytes += socket.readAll();
    socket.disconnect(); // closing it here is not the server closing
    return result;
}

QByteArray chatRequest(const QByteArray &version, bool stream, const QByteArray &extraHeaders = {})
{
    const QByteArray body = QByteArray(R"({"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}])")
                            + (stream ? R"(,"stream":true})" : "}");
    return "POST /openrouter/api/v1/chat/completions " + version + "\r\nHost: 127.0.0.1\r\n"
           + "Authorization: Bearer sk-or-v1-sim-local\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

int countOf(const QByteArray &haystack, const QByteArray &needle)
{
    int n = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        ++n;
    return n;
}

} // namespace

class TestGatewaySimHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void http10IsAnsweredAsHttp10AndClosed();
    void http10StreamIsNotChunked();
    void connectionCloseIsHonoured();
    void keepAliveServesSeveralRequests();
    void oversizedHeadGets431();
    void halfSentRequestGets408();
    void slowAnswerIsNotIdle();
    void brokenFaultsBodyIsRefusedAndFaultsStay_data();
    void brokenFaultsBodyIsRefusedAndFaultsStay();

private:
    sim::GatewaySimulator m_sim{[] {
        sim::GatewaySimulator::Options o;
        o.httpLimits.maxHeaderBytes = 16 * 1024;
        o.httpLimits.idleTimeoutMs = 300;
        return o;
    }()};
    QNetworkAccessManager m_nam;
};

void TestGatewaySimHttp::initTestCase()
{
    QVERIFY(m_sim.start());
}

void TestGatewaySimHttp::http10IsAnsweredAsHttp10AndClosed()
{
    const Exchange e = exchange(m_sim.port(), chatRequest("HTTP/1.0", false));
    QVERIFY2(e.bytes.startsWith("HTTP/1.0 200 "), e.bytes.left(80).constData());
    QVERIFY(e.bytes.contains("\r\nConnection: close\r\n"));
    QVERIFY(e.bytes.endsWith("}")); // the whole JSON body, then the close
    QVERIFY(e.closedByServer);
}

void TestGatewaySimHttp::http10StreamIsNotChunked()
{
    const Exchange e = exchange(m_sim.port(), chatRequest("HTTP/1.0", true));
    QVERIFY2(e.bytes.startsWith("HTTP/1.0 200 "), e.bytes.left(80).constData());
    QVERIFY(!e.bytes.contains("Transfer-Encoding"));
    QVERIFY(e.bytes.contains("\r\n\r\ndata: {")); // SSE right after the head, no chunk sizes
    QVERIFY(e.bytes.endsWith("data: [DONE]\n\n"));
    QVERIFY(e.closedByServer);
}

void TestGatewaySimHttp::connectionCloseIsHonoured()
{
    const Exchange e = exchange(m_sim.port(), chatRequest("HTTP/1.1", false, "Connection: close\r\n"));
    QVERIFY2(e.bytes.startsWith("HTTP/1.1 200 "), e.bytes.left(80).constData());
    QVERIFY(e.bytes.contains("\r\nConnection: close\r\n"));
    QVERIFY(e.closedByServer);
}

void TestGatewaySimHttp::keepAliveServesSeveralRequests()
{
    // Three pipelined requests, one with a body: the guard must skip the body to find the next head.
    const QByteArray get = "GET /_control/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const Exchange e = exchange(m_sim.port(), get + chatRequest("HTTP/1.1", false) + get, 1'500);
    QCOMPARE(countOf(e.bytes, "HTTP/1.1 200 "), 3);
    QVERIFY(!e.bytes.contains("Connection: close"));
    QVERIFY2(!e.closedByServer, e.bytes.right(300).constData()); // open and idle between requests is fine
}

void TestGatewaySimHttp::oversizedHeadGets431()
{
    const QByteArray big = "X-Padding: " + QByteArray(1024 * 1024, 'a') + "\r\n";
    const Exchange e = exchange(m_sim.port(), "GET /openrouter/api/v1/models HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
    QVERIFY2(e.bytes.startsWith("HTTP/1.1 431 "), e.bytes.left(80).constData());
    QVERIFY(e.bytes.contains("16384"));
    QVERIFY(e.closedByServer);

    // Just under the limit is served.
    const QByteArray fits = "X-Padding: " + QByteArray(15 * 1024, 'a') + "\r\n";
    const Exchange ok =
        exchange(m_sim.port(), "GET /_control/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + fits + "\r\n");
    QVERIFY2(ok.bytes.startsWith("HTTP/1.1 200 "), ok.bytes.left(80).constData());
}

void TestGatewaySimHttp::halfSentRequestGets408()
{
    QElapsedTimer clock;
    clock.start();
    // Head not finished; then a head whose promised body never comes.
    for (const QByteArray &partial : {QByteArray("GET /_control/stats HTTP/1.1\r\nHost: x\r\n"),
                                      QByteArray("POST /_control/faults HTTP/1.1\r\nContent-Length: 10\r\n\r\n{")}) {
        const Exchange e = exchange(m_sim.port(), partial, 5'000);
        QVERIFY2(e.bytes.startsWith("HTTP/1.1 408 "), e.bytes.left(80).constData());
        QVERIFY(e.closedByServer);
    }
    QVERIFY(clock.elapsed() < 4'000); // 300 ms each, not the 5 s the client would wait
}

void TestGatewaySimHttp::slowAnswerIsNotIdle()
{
    // The client is silent while the answer takes longer than the idle limit: no 408.
    const QByteArray faults = R"({"both":{"latency_ms":700}})";
    QCOMPARE(fetch(m_nam, "POST", at(m_sim.baseUrl(), u"/_control/faults"_qs), faults).status, 200);
    const Exchange e = exchange(m_sim.port(), chatRequest("HTTP/1.1", false, "Connection: close\r\n"));
    QVERIFY2(e.bytes.startsWith("HTTP/1.1 200 "), e.bytes.left(80).constData());
    QCOMPARE(fetch(m_nam, "POST", at(m_sim.baseUrl(), u"/_control/reset"_qs)).status, 200);
}

void TestGatewaySimHttp::brokenFaultsBodyIsRefusedAndFaultsStay_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"both":{"error_rates":{"429":)");
    QTest::newRow("array") << QByteArray(R"([{"both":{}}])");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("number") << QByteArray("1");
    QTest::newRow("trailing garbage") << QByteArray(R"({} x)");
}

void TestGatewaySimHttp::brokenFaultsBodyIsRefusedAndFaultsStay()
{
    QFETCH(QByteArray, body);
    const QUrl faultsUrl = at(m_sim.baseUrl(), u"/_control/faults"_qs);
    QCOMPARE(fetch(m_nam, "POST", faultsUrl, R"({"openrouter":{"error_rates":{"503":0.25}}})").status, 200);

    const RawResponse refused = fetch(m_nam, "POST", faultsUrl, body);
    QCOMPARE(refused.status, 400);
    QVERIFY(!QJsonDocument::fromJson(refused.body)
                 .object()
                 .value(u"error")
                 .toObject()
                 .value(u"message")
                 .toString()
                 .isEmpty());

    const QJsonObject now = QJsonDocument::fromJson(fetch(m_nam, "GET", faultsUrl).body).object();
    QCOMPARE(now.value(u"openrouter").toObject().value(u"error_rates").toObject().value(u"503").toDouble(), 0.25);
    QCOMPARE(m_sim.faults().openrouter.errorRates.value(u"503"_qs), 0.25);
}

QTEST_GUILESS_MAIN(TestGatewaySimHttp)
#include "tst_gateway_sim_http.moc"
