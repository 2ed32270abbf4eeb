// Gateways that misbehave below the protocol, served by a raw loopback TCP server (gateway-sim
// speaks correct HTTP): a connection that never answers, a 1 GB answer, invalid UTF-8, a body cut
// short. Each request ends with its error class within its timeout and memory stays bounded.
// And 200 concurrent chats against gateway-sim with ~30% faults plus latencies past the total
// timeout: every one ends, and the event loop never stalls long.
//
// Covered already in tst_net_faults.cpp: the simulator's hang (total timeout), truncated streams,
// mid-stream errors, the size cap on a 540 KB catalog.

#include "sim_fixture.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace gw;
using namespace gw::test;

namespace {

// Resident memory of this process in KB, from /proc/self/status.
qint64 rssKb()
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// One response per connection, written once the request arrived: `head`, then `body` repeated
// until `bodyBytes` went out (in pieces, only while the socket's buffer is nearly empty, so not
// even the server holds much of it), then the connection is closed. An empty head: never answer.
class RawServer {
public:
    QByteArray head;
    QByteArray body;
    qint64 bodyBytes = 0;
    qint64 sent = 0;       // body bytes written, over all connections
    bool peerLeft = false; // the client closed the connection before the end

    bool listen()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    QUrl baseUrl() const { return QUrl(u"http://127.0.0.1:%1/api/v1"_qs.arg(m_server.serverPort())); }

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(&m_server);
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            if (sent < bodyBytes)
                peerLeft = true;
            socket->deleteLater();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->readAll();
            if (head.isEmpty() || socket->property("answering").toBool())
                return;
            socket->setProperty("answering", true);
            socket->write(head);
            auto *pump = new QTimer(socket);
            pump->setInterval(0);
            QObject::connect(pump, &QTimer::timeout, socket, [this, socket, pump] {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    return pump->stop();
                if (socket->bytesToWrite() > 1024 * 1024)
                    return;
                if (sent >= bodyBytes) {
                    pump->stop();
                    socket->disconnectFromHost();
                    return;
                }
                const qint64 n = std::min<qint64>(body.size(), bodyBytes - sent);
                socket->write(body.constData(), n);
                sent += n;
            });
            pump->start();
        });
    }

    QTcpServer m_server;
};

net::ClientSettings rawSettings(const RawServer &server)
{
    net::ClientSettings s;
    s.baseUrl = server.baseUrl();
    s.apiKey = u"sk-or-v1-FAKE-raw-server-0001"_qs;
    s.timeouts = {5'000, 10'000, 10'000, 30'000};
    return s;
}

QByteArray okHead(const QByteArray &contentType, qint64 contentLength = -1)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    return head + "\r\n";
}

constexpr qint64 kGigabyte = 1024LL * 1024 * 1024;

} // namespace

class TestNetFaultsExtra : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsAndNeverAnswers();
    void gigabyteAnswer_data();
    void gigabyteAnswer();
    void invalidUtf8_data();
    void invalidUtf8();
    void bodyCutShort();
    void twoHundredChatsWithFaults();
};

void TestNetFaultsExtra::acceptsAndNeverAnswers()
{
    RawServer server; // reads the request, writes nothing, keeps the connection open
    QVERIFY(server.listen());
    net::ClientSettings settings = rawSettings(server);
    settings.timeouts.firstByteMs = 400;
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    QElapsedTimer clock;
    clock.start();
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QVERIFY(waitFinished(reply));
    qInfo("never answering: %s after %lld ms", qPrintable(reply->error().code), clock.elapsed());
    QCOMPARE(reply->error().cls, ErrorClass::Timeout);
    QCOMPARE(reply->error().code, u"first_byte_timeout"_qs);
    QVERIFY(clock.elapsed() < 5'000);
}

void TestNetFaultsExtra::gigabyteAnswer_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("announced"); // Content-Length: 1 GB, or no length at all
    QTest::newRow("json body, no length") << false << false;
    QTest::newRow("json body, Content-Length 1 GB") << false << true;
    QTest::newRow("event stream, no length") << true << false;
}

void TestNetFaultsExtra::gigabyteAnswer()
{
    QFETCH(bool, stream);
    QFETCH(bool, announced);
    RawServer server;
    server.head = okHead(stream ? "text/event-stream" : "application/json", announced ? kGigabyte : -1);
    // Valid-looking pieces: an endless JSON array of strings, or endless content chunks.
    if (stream)
        server.body = "data: {\"choices\":[{\"delta\":{\"content\":\"" + QByteArray(4000, 'x') + "\"}}]}\n\n";
    else
        server.body = "[" + QByteArray(64 * 1024 - 1, ' ');
    server.bodyBytes = kGigabyte;
    QVERIFY(server.listen());
    const net::ClientSettings settings = rawSettings(server); // the default cap: 32 MB
    QCOMPARE(settings.maxResponseBytes, 32LL * 1024 * 1024);
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    const qint64 rssBefore = rssKb();
    QElapsedTimer clock;
    clock.start();
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, stream));
    QVERIFY(waitFinished(reply, 60'000));
    const qint64 growthMb = (rssKb() - rssBefore) / 1024;
    QTRY_VERIFY_WITH_TIMEOUT(server.peerLeft, 10'000); // the client hung up; the server did not finish
    qInfo("1 GB offered: %s after %lld ms, %lld MB sent, RSS growth %lld MB", qPrintable(reply->error().code),
          clock.elapsed(), server.sent / (1024 * 1024), growthMb);
    QCOMPARE(reply->error().code, u"response_too_large"_qs);
    QCOMPARE(reply->error().cls, ErrorClass::Protocol);
    QVERIFY(server.sent < kGigabyte / 4);
    QVERIFY2(growthMb < 256, qPrintable(QString::number(growthMb))); // cap 32 MB; allow for buffers and the allocator
}

void TestNetFaultsExtra::invalidUtf8_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("json body") << false;
    QTest::newRow("event stream") << true;
}

void TestNetFaultsExtra::invalidUtf8()
{
    QFETCH(bool, stream);
    const QByteArray bad("\xff\xfe\xc3\x28 \xed\xa0\x80", 9); // not UTF-8: lone bytes, a broken pair, a surrogate
    RawServer server;
    if (stream) {
        server.body =
            "data: {\"id\":\"gen-1\",\"model\":\"openai/gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + bad + "\"}}]}\n\ndata: " + bad + "\n\ndata: [DONE]\n\n";
        server.head = okHead("text/event-stream");
    } else {
        server.body = "{\"id\":\"gen-1\",\"model\":\"openai/"
                      "gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                      + bad + "\"},\"finish_reason\":\"stop\"}]}";
        server.head = okHead("application/json", server.body.size());
    }
    server.bodyBytes = server.body.size();
    QVERIFY(server.listen());
    auto client = net::makeGatewayClient(Gateway::OpenRouter, rawSettings(server));
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, stream));
    QVERIFY(waitFinished(reply));
    qInfo("invalid UTF-8: class %s, code %s, message %s, text %s", qPrintable(errorClassName(reply->error().cls)),
          qPrintable(reply->error().code), qPrintable(reply->error().message), qPrintable(reply->result().text));
    QVERIFY(reply->error().isError()); // never accepted as a clean answer
    QCOMPARE(reply->error().cls, ErrorClass::Protocol);
}

void TestNetFaultsExtra::bodyCutShort()
{
    RawServer server; // announces 100 KB, sends 1 KB, closes
    server.body = QByteArray(1024, ' ');
    server.bodyBytes = 1024;
    server.head = okHead("application/json", 100 * 1024);
    QVERIFY(server.listen());
    auto client = net::makeGatewayClient(Gateway::Vercel, rawSettings(server));
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, false));
    QVERIFY(waitFinished(reply));
    qInfo("body cut short: class %s, code %s", qPrintable(errorClassName(reply->error().cls)),
          qPrintable(reply->error().code));
    QVERIFY(reply->error().isError());
    QVERIFY(reply->error().cls == ErrorClass::Network || reply->error().cls == ErrorClass::Protocol);
}

void TestNetFaultsExtra::twoHundredChatsWithFaults()
{
    sim::GatewaySimulator sim;
    QVERIFY(sim.start());
    // ~30% errors on each gateway, with some latency; and a gateway that hangs (accepts, never
    // answers) for one chat in ten, cut by the total timeout.
    const QMap<QString, double> rates{
        {u"429"_qs, 0.10}, {u"500"_qs, 0.05}, {u"502"_qs, 0.05}, {u"503"_qs, 0.05}, {u"408"_qs, 0.05}};
    sim.faults().openrouter.errorRates = rates;
    sim.faults().vercel.errorRates = rates;
    sim.faults().openrouter.latency = {0, 200};
    sim.faults().vercel.latency = {0, 200};
    RawServer hanging;
    QVERIFY(hanging.listen());
    constexpr int kTotalMs = 15'000;
    constexpr int kHangTotalMs = 1'500;
    std::vector<std::unique_ptr<net::GatewayClient>> clients;
    for (const Gateway g : {Gateway::OpenRouter, Gateway::Vercel}) {
        net::ClientSettings s = simSettings(sim, g);
        s.timeouts.totalMs = kTotalMs;
        clients.push_back(net::makeGatewayClient(g, s));
    }
    net::ClientSettings hangSettings = rawSettings(hanging);
    hangSettings.timeouts.firstByteMs = 0;
    hangSettings.timeouts.totalMs = kHangTotalMs;
    clients.push_back(net::makeGatewayClient(Gateway::OpenRouter, hangSettings));

    // The longest gap between two ticks of a 1 ms timer: how long the event loop was blocked.
    QElapsedTimer tick;
    qint64 longestGapMs = 0;
    QTimer probe;
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] { longestGapMs = std::max(longestGapMs, tick.restart()); });

    constexpr int kChats = 200;
    QList<QPointer<net::ChatReply>> replies;
    QElapsedTimer clock;
    clock.start();
    tick.start();
    probe.start();
    for (int i = 0; i < kChats; ++i) {
        const int client = i % 10 == 9 ? 2 : i % 2;
        replies.append(clients.at(client)->chat(chatRequest(u"openai/gpt-4o"_qs, i % 4 < 2, u"chat %1"_qs.arg(i))));
    }
    const auto allFinished = [&] {
        return std::all_of(replies.cbegin(), replies.cend(),
                           [](const QPointer<net::ChatReply> &r) { return r && r->isFinished(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(), kTotalMs + 10'000);
    probe.stop();
    const qint64 wallMs = clock.elapsed();

    int ok = 0, timeouts = 0, otherErrors = 0;
    qint64 slowestMs = 0;
    for (int i = 0; i < kChats; ++i) {
        const net::ChatReply *r = replies.at(i);
        const bool hung = i % 10 == 9;
        if (!r->error().isError())
            ++ok;
        else if (r->error().code == u"total_timeout")
            ++timeouts;
        else
            ++otherErrors;
        QVERIFY(r->timing().totalMs < (hung ? kHangTotalMs : kTotalMs) + 1000); // ended within its own timeout
        if (hung)
            QCOMPARE(r->error().code, u"total_timeout"_qs);
        slowestMs = std::max(slowestMs, r->timing().totalMs);
    }
    qInfo("%d chats in %lld ms: %d ok, %d gateway errors (%.0f%%), %d hung and cut by the timeout; slowest %lld ms; "
          "longest event-loop gap %lld ms",
          kChats, wallMs, ok, otherErrors, 100.0 * otherErrors / (ok + otherErrors), timeouts, slowestMs, longestGapMs);
    QCOMPARE(ok + otherErrors + timeouts, kChats);
    QCOMPARE(timeouts, kChats / 10);
    QVERIFY(otherErrors > 20 && otherErrors < 100);                           // ~30% of 180
    QVERIFY2(longestGapMs < 1000, qPrintable(QString::number(longestGapMs))); // generous: 2 shared cores
}

QTEST_GUILESS_MAIN(TestNetFaultsExtra)
#include "tst_net_faults_extra.moc"
