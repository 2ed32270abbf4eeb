// gwnet against gateway-sim's faults: every error class from both gateways, broken streams,
// timeouts, cancellation and the client's own refusals (redirects, plain http, size cap).

#include "sim_fixture.h"

#include <QTcpServer>

using namespace gw;
using namespace gw::test;

class TestNetFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void errorClasses_data();
    void errorClasses();
    void unknownModel_data();
    void unknownModel();
    void wrongKey();
    void paymentRequiredAfterN();
    void midStreamError();
    void truncatedStream();
    void slowFirstTokenHitsFirstByteTimeout();
    void keepAliveCommentsHoldTheConnection();
    void hangTimesOutWithinItsLimit();
    void idleTimeoutBetweenChunks();
    void cancelStream();
    void redirectRefused();
    void plainHttpToOtherHostRefused();
    void sizeCap();
    void connectionRefusedIsNetwork();

private:
    sim::GatewaySimulator m_sim;
};

void TestNetFaults::init()
{
    if (!m_sim.isListening())
        QVERIFY(m_sim.start());
    m_sim.reset();
}

void TestNetFaults::errorClasses_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorClass>("cls");
    struct Row {
        const char *kind;
        int status;
        ErrorClass openrouter;
        ErrorClass vercel;
    };
    const Row rows[] = {
        {"400", 400, ErrorClass::BadRequest, ErrorClass::BadRequest},
        {"context_length", 400, ErrorClass::ContextLength, ErrorClass::ContextLength},
        {"401", 401, ErrorClass::Auth, ErrorClass::Auth},
        {"402", 402, ErrorClass::InsufficientCredits, ErrorClass::InsufficientCredits},
        {"quota_exceeded", 402, ErrorClass::QuotaExceeded, ErrorClass::QuotaExceeded},
        {"403", 403, ErrorClass::Moderation, ErrorClass::Auth},
        {"404", 404, ErrorClass::ModelNotFound, ErrorClass::ModelNotFound},
        {"408", 408, ErrorClass::Timeout, ErrorClass::Timeout},
        {"429", 429, ErrorClass::RateLimited, ErrorClass::RateLimited},
        {"500", 500, ErrorClass::Server, ErrorClass::Server},
        {"502", 502, ErrorClass::ProviderUnavailable, ErrorClass::ProviderUnavailable},
        {"503", 503, ErrorClass::ProviderUnavailable, ErrorClass::ProviderUnavailable},
        {"504", 504, ErrorClass::Timeout, ErrorClass::Timeout},
        {"524", 524, ErrorClass::Timeout, ErrorClass::Timeout},
        {"529", 529, ErrorClass::ProviderUnavailable, ErrorClass::ProviderUnavailable},
    };
    for (const Row &row : rows) {
        for (const bool stream : {false, true}) {
            const char *mode = stream ? "stream" : "body";
            QTest::addRow("openrouter %s %s", row.kind, mode)
                << Gateway::OpenRouter << QString::fromLatin1(row.kind) << row.status << row.openrouter;
            QTest::addRow("vercel %s %s", row.kind, mode)
                << Gateway::Vercel << QString::fromLatin1(row.kind) << row.status << row.vercel;
        }
    }
}

void TestNetFaults::errorClasses()
{
    QFETCH(Gateway, gateway);
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(ErrorClass, cls);
    const bool stream = QString::fromLatin1(QTest::currentDataTag()).endsWith(u"stream");
    sim::GatewayFaults &f = gateway == Gateway::OpenRouter ? m_sim.faults().openrouter : m_sim.faults().vercel;
    f.errorRates.insert(kind, 1.0);
    auto client = simClient(m_sim, gateway);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, stream));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->httpStatus(), status);
    QCOMPARE(reply->error().httpStatus, status);
    QCOMPARE(errorClassName(reply->error().cls), errorClassName(cls));
    QCOMPARE(reply->result().error, reply->error());
    QVERIFY(!reply->error().midStream);
    QVERIFY(!reply->error().message.isEmpty());
    if (status == 429)
        QCOMPARE(reply->error().retryAfterSeconds, std::optional<int>(2));
}

void TestNetFaults::unknownModel_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<int>("status");
    QTest::newRow("openrouter") << Gateway::OpenRouter << 400; // "... is not a valid model ID"
    QTest::newRow("vercel") << Gateway::Vercel << 404;
}

void TestNetFaults::unknownModel()
{
    QFETCH(Gateway, gateway);
    QFETCH(int, status);
    auto client = simClient(m_sim, gateway);
    net::ChatReply *reply = client->chat(chatRequest(u"nobody/no-such-model"_qs, false));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->httpStatus(), status);
    QCOMPARE(reply->error().cls, ErrorClass::ModelNotFound);
}

void TestNetFaults::wrongKey()
{
    for (const Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        net::ClientSettings settings = simSettings(m_sim, gateway);
        settings.apiKey = u"sk-or-v1-wrong-key-0000000000000000"_qs;
        auto client = net::makeGatewayClient(gateway, settings);
        net::BalanceReply *reply = client->balance();
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->httpStatus(), 401);
        QCOMPARE(reply->error().cls, ErrorClass::Auth);
    }
}

void TestNetFaults::paymentRequiredAfterN()
{
    m_sim.faults().vercel.paymentRequiredAfter = 2;
    auto client = simClient(m_sim, Gateway::Vercel);
    for (int i = 0; i < 3; ++i) {
        net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, i % 2 == 0));
        QVERIFY(waitFinished(reply));
        if (i < 2) {
            QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
        } else {
            QCOMPARE(reply->httpStatus(), 402);
            QCOMPARE(reply->error().cls, ErrorClass::InsufficientCredits);
        }
    }
}

void TestNetFaults::midStreamError()
{
    m_sim.faults().openrouter.midStreamErrorAfterChunks = 2;
    auto client = simClient(m_sim, Gateway::OpenRouter);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QSignalSpy deltas(reply, &net::ChatReply::textDelta);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->httpStatus(), 200);
    QCOMPARE(deltas.size(), 2);
    QVERIFY(reply->error().midStream);
    QCOMPARE(reply->error().cls, ErrorClass::ProviderUnavailable); // the chunk's code 502
    QVERIFY(reply->timing().ttftMs >= 0);                          // tokens did arrive before the failure
}

void TestNetFaults::truncatedStream()
{
    for (const Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        (gateway == Gateway::OpenRouter ? m_sim.faults().openrouter : m_sim.faults().vercel).truncateAfterChunks = 3;
        auto client = simClient(m_sim, gateway);
        net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(reply->error().cls, ErrorClass::Protocol);
        QVERIFY(reply->error().midStream);
        QVERIFY(!reply->result().text.isEmpty()); // what came before the cut is kept
    }
}

void TestNetFaults::slowFirstTokenHitsFirstByteTimeout()
{
    m_sim.faults().vercel.ttft = {3000, 3000};
    net::ClientSettings settings = simSettings(m_sim, Gateway::Vercel);
    settings.timeouts.firstByteMs = 300;
    auto client = net::makeGatewayClient(Gateway::Vercel, settings);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().cls, ErrorClass::Timeout);
    QCOMPARE(reply->error().code, u"first_byte_timeout"_qs);
    QVERIFY(reply->timing().totalMs < 2500); // our limit fired, not the simulator's answer
}

void TestNetFaults::keepAliveCommentsHoldTheConnection()
{
    // Same slow first token, but OpenRouter's ": OPENROUTER PROCESSING" comments keep coming:
    // they are bytes, so neither the first-byte nor the idle timeout may fire.
    m_sim.faults().openrouter.ttft = {900, 900};
    m_sim.faults().openrouter.keepAliveIntervalMs = 100;
    net::ClientSettings settings = simSettings(m_sim, Gateway::OpenRouter);
    settings.timeouts.firstByteMs = 500;
    settings.timeouts.idleMs = 500;
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QVERIFY(reply->result().keepAliveCount >= 5);
    QVERIFY(reply->timing().ttftMs >= 850);
    QVERIFY(reply->timing().firstByteMs < reply->timing().ttftMs);
}

void TestNetFaults::hangTimesOutWithinItsLimit()
{
    m_sim.faults().openrouter.hang = true;
    net::ClientSettings settings = simSettings(m_sim, Gateway::OpenRouter);
    settings.timeouts.firstByteMs = 0;
    settings.timeouts.totalMs = 400;
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, false));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().cls, ErrorClass::Timeout);
    QCOMPARE(reply->error().code, u"total_timeout"_qs);
    QVERIFY2(reply->timing().totalMs >= 399, qPrintable(QString::number(reply->timing().totalMs))); // ms rounding
    QVERIFY(reply->timing().totalMs < 4000);
}

void TestNetFaults::idleTimeoutBetweenChunks()
{
    m_sim.faults().vercel.chunkIntervalMs = 1500;
    net::ClientSettings settings = simSettings(m_sim, Gateway::Vercel);
    settings.timeouts.idleMs = 300;
    auto client = net::makeGatewayClient(Gateway::Vercel, settings);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code, u"idle_timeout"_qs);
    QCOMPARE(reply->error().cls, ErrorClass::Timeout);
    QVERIFY(reply->error().midStream);
}

void TestNetFaults::cancelStream()
{
    m_sim.faults().openrouter.chunkIntervalMs = 200;
    auto client = simClient(m_sim, Gateway::OpenRouter);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, true));
    QSignalSpy deltas(reply, &net::ChatReply::textDelta);
    QVERIFY(deltas.wait(kWaitMs));
    reply->cancel();
    QVERIFY(waitFinished(reply));
    QVERIFY(reply->isCancelled());
    QCOMPARE(reply->error().code, u"cancelled"_qs);
    // The server saw us leave. At least once: a socket of an earlier test may close late under load.
    QTRY_VERIFY_WITH_TIMEOUT(m_sim.stats().clientDisconnects >= 1, kWaitMs);
    QCOMPARE(m_sim.stats().streamsCompleted, 0);
    reply->cancel(); // harmless once finished
}

void TestNetFaults::redirectRefused()
{
    net::ClientSettings settings = simSettings(m_sim, Gateway::OpenRouter);
    QUrl viaRedirect = m_sim.baseUrl();
    viaRedirect.setPath(u"/_redirect/openrouter/api/v1"_qs);
    settings.baseUrl = viaRedirect;
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    net::BalanceReply *reply = client->balance();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->httpStatus(), 307);
    QCOMPARE(reply->error().code, u"redirect_refused"_qs);
    QCOMPARE(m_sim.stats().requests.value(u"openrouter"_qs).value(u"key"_qs), 0); // never followed
}

void TestNetFaults::plainHttpToOtherHostRefused()
{
    net::ClientSettings settings = simSettings(m_sim, Gateway::Vercel);
    settings.baseUrl = QUrl(u"http://gateway.example.invalid/v1"_qs);
    auto client = net::makeGatewayClient(Gateway::Vercel, settings);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o"_qs, false));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code, u"insecure_url"_qs);
    QVERIFY(reply->error().message.contains(u"gateway.example.invalid"_qs));
    QCOMPARE(reply->httpStatus(), 0);
    QVERIFY(!net::isLoopbackHost(QUrl(u"http://127.example.com/"_qs)));
    QVERIFY(net::isLoopbackHost(QUrl(u"http://127.3.4.5:80/"_qs)));
    QVERIFY(net::isLoopbackHost(QUrl(u"http://[::1]:8080/"_qs)));
    QVERIFY(net::isLoopbackHost(QUrl(u"http://LOCALHOST/"_qs)));
}

void TestNetFaults::sizeCap()
{
    net::ClientSettings settings = simSettings(m_sim, Gateway::OpenRouter);
    settings.maxResponseBytes = 64 * 1024; // the catalog is ~540 KB
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    net::ModelsReply *reply = client->models();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().code, u"response_too_large"_qs);
    QCOMPARE(reply->error().cls, ErrorClass::Protocol);
    QVERIFY(reply->raw().isEmpty());
}

void TestNetFaults::connectionRefusedIsNetwork()
{
    // A port that was free a moment ago: nothing listens there now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    net::ClientSettings settings = simSettings(m_sim, Gateway::OpenRouter);
    settings.baseUrl.setPort(port);
    auto client = net::makeGatewayClient(Gateway::OpenRouter, settings);
    net::BalanceReply *reply = client->balance();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().cls, ErrorClass::Network);
    QCOMPARE(reply->httpStatus(), 0);
}

QTEST_GUILESS_MAIN(TestNetFaults)
#include "tst_net_faults.moc"
