// gwnet against gateway-sim on loopback: every endpoint of both gateways on the happy path.

#include "sim_fixture.h"

#include "catalog/catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gw;
using namespace gw::test;

class TestNetGateways : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void models_data();
    void models();
    void endpoints_data();
    void endpoints();
    void unknownModelEndpoints();
    void chat_data();
    void chat();
    void streamDeltasArriveBeforeFinish();
    void generationAfterDelay_data();
    void generationAfterDelay();
    void balanceDecreasesWithSpend_data();
    void balanceDecreasesWithSpend();

private:
    sim::GatewaySimulator m_sim;
};

void TestNetGateways::initTestCase()
{
    QVERIFY(m_sim.start());
    QVERIFY(m_sim.port() != 0);
    QCOMPARE(m_sim.baseUrl().host(), u"127.0.0.1"_qs);
}

void TestNetGateways::models_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QString>("snapshot");
    QTest::addColumn<int>("languageModels");
    QTest::newRow("openrouter") << Gateway::OpenRouter << u"openrouter-models-2026-02-27.json"_qs << 343;
    QTest::newRow("vercel") << Gateway::Vercel << u"vercel-models-2026-02-22.json"_qs << 164;
}

void TestNetGateways::models()
{
    QFETCH(Gateway, gateway);
    QFETCH(QString, snapshot);
    QFETCH(int, languageModels);
    auto client = simClient(m_sim, gateway);
    net::ModelsReply *reply = client->models();
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(reply->httpStatus(), 200);
    QFile file(QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/") + snapshot);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // Every member of every snapshot model is served unchanged; the simulator may add members a
    // newer API requires (OpenRouter's links, supported_voices: docs/simulator.md), never change one.
    const QJsonArray served = QJsonDocument::fromJson(reply->raw()).object().value(u"data").toArray();
    const QJsonArray snapshotModels = QJsonDocument::fromJson(file.readAll()).object().value(u"data").toArray();
    QCOMPARE(served.size(), snapshotModels.size());
    for (qsizetype i = 0; i < snapshotModels.size(); ++i) {
        const QJsonObject expected = snapshotModels.at(i).toObject();
        const QJsonObject actual = served.at(i).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY2(actual.value(it.key()) == it.value(),
                     qPrintable(expected.value(u"id").toString() + u'/' + it.key()));
    }
    QCOMPARE(reply->parsed().catalog.models.size(), languageModels);
    QVERIFY(reply->timing().totalMs >= 0);
}

void TestNetGateways::endpoints_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QString>("firstSlug");
    QTest::newRow("openrouter") << Gateway::OpenRouter << u"anthropic"_qs;
    QTest::newRow("vercel") << Gateway::Vercel << u"anthropic"_qs;
}

void TestNetGateways::endpoints()
{
    QFETCH(Gateway, gateway);
    QFETCH(QString, firstSlug);
    auto client = simClient(m_sim, gateway);
    net::EndpointsReply *reply = client->modelEndpoints(u"anthropic/claude-sonnet-4.5"_qs);
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    const EndpointListResult &parsed = reply->parsed();
    QCOMPARE(parsed.modelId, u"anthropic/claude-sonnet-4.5"_qs);
    QVERIFY(!parsed.endpoints.isEmpty() && parsed.endpoints.size() <= 3);
    QCOMPARE(parsed.endpoints.first().slug, firstSlug);
    // Both units land in milliseconds after parsing: OpenRouter sent seconds, Vercel ms.
    for (const ProviderEndpoint &e : parsed.endpoints)
        QVERIFY2(e.latencyMs >= 250 && e.latencyMs < 1750, qPrintable(QString::number(e.latencyMs)));
    if (gateway == Gateway::OpenRouter)
        QCOMPARE(parsed.endpoints.first().name, u"Anthropic"_qs);
}

void TestNetGateways::unknownModelEndpoints()
{
    auto client = simClient(m_sim, Gateway::OpenRouter);
    net::EndpointsReply *reply = client->modelEndpoints(u"nobody/no-such-model"_qs);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->httpStatus(), 404);
    QCOMPARE(reply->error().cls, ErrorClass::ModelNotFound);
}

void TestNetGateways::chat_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("idPrefix");
    QTest::addColumn<QString>("provider");
    QTest::newRow("openrouter non-stream") << Gateway::OpenRouter << false << u"gen-"_qs << u"Anthropic"_qs;
    QTest::newRow("openrouter stream") << Gateway::OpenRouter << true << u"gen-"_qs << u"Anthropic"_qs;
    QTest::newRow("vercel non-stream") << Gateway::Vercel << false << u"gen_"_qs << u"anthropic"_qs;
    QTest::newRow("vercel stream") << Gateway::Vercel << true << u"gen_"_qs << u"anthropic"_qs;
}

void TestNetGateways::chat()
{
    QFETCH(Gateway, gateway);
    QFETCH(bool, stream);
    QFETCH(QString, idPrefix);
    QFETCH(QString, provider);
    auto client = simClient(m_sim, gateway);
    QJsonObject request = chatRequest(u"anthropic/claude-sonnet-4.5"_qs, stream, u"What is two plus two?"_qs);
    request.insert(u"reasoning"_qs, QJsonObject{{u"effort"_qs, u"low"_qs}});
    net::ChatReply *reply = client->chat(request);
    QVERIFY(waitFinished(reply));
    const NormalizedResponse &r = reply->result();
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QVERIFY(r.text.contains(u"What is two plus two?"_qs));
    QVERIFY(!r.reasoning.isEmpty());
    QCOMPARE(r.reasoningDetails.size(), 1); // stream deltas merged by (type, index)
    const QJsonObject detail = r.reasoningDetails.first().toObject();
    QCOMPARE(detail.value(u"text").toString(), r.reasoning);
    QVERIFY(detail.value(u"signature").toString().startsWith(u"sim-signature-"_qs));
    QVERIFY(r.generationId.startsWith(idPrefix));
    QCOMPARE(r.finalProvider, provider);
    QCOMPARE(r.usage.reasoning, 32);
    QVERIFY(r.usage.prompt > 0);
    QVERIFY(r.usage.completion > r.usage.reasoning);
    QVERIFY(r.costUsd.has_value());
    QCOMPARE(r.costSource, CostSource::Reported);
    // Claude Sonnet 4.5 costs $3 / $15 per million tokens on both gateways.
    const double expected = double(r.usage.prompt) * 3e-6 + double(r.usage.completion) * 15e-6;
    QVERIFY2(qAbs(*r.costUsd - expected) < 1e-9, qPrintable(QString::number(*r.costUsd)));
    QCOMPARE(reply->isStreaming(), stream);
    if (stream)
        QVERIFY(reply->timing().ttftMs >= 0 && reply->timing().ttftMs <= reply->timing().totalMs);
    else
        QCOMPARE(reply->timing().ttftMs, -1);
}

void TestNetGateways::streamDeltasArriveBeforeFinish()
{
    m_sim.faults().openrouter.chunkIntervalMs = 30;
    auto client = simClient(m_sim, Gateway::OpenRouter);
    net::ChatReply *reply = client->chat(chatRequest(u"openai/gpt-4o-mini"_qs, true));
    QString streamed;
    bool deltaAfterFinish = false;
    connect(reply, &net::ChatReply::textDelta, this, [&](const QString &t) {
        deltaAfterFinish |= reply->isFinished();
        streamed += t;
    });
    QSignalSpy deltas(reply, &net::ChatReply::textDelta);
    QVERIFY(waitFinished(reply));
    m_sim.faults().openrouter.chunkIntervalMs = 0;
    QVERIFY(deltas.size() > 3);
    QVERIFY(!deltaAfterFinish);
    QCOMPARE(streamed, reply->result().text);
    // Chunks were 30 ms apart: the first token came well before the end.
    QVERIFY(reply->timing().ttftMs + 60 <= reply->timing().totalMs);
}

void TestNetGateways::generationAfterDelay_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::newRow("openrouter") << Gateway::OpenRouter;
    QTest::newRow("vercel") << Gateway::Vercel;
}

void TestNetGateways::generationAfterDelay()
{
    QFETCH(Gateway, gateway);
    sim::GatewayFaults &f = gateway == Gateway::OpenRouter ? m_sim.faults().openrouter : m_sim.faults().vercel;
    f.generationDelayMs = 300;
    auto client = simClient(m_sim, gateway);
    net::ChatReply *chat = client->chat(chatRequest(u"anthropic/claude-sonnet-4.5"_qs, false));
    QVERIFY(waitFinished(chat));
    QVERIFY(!chat->error().isError());

    net::GenerationReply *generation = client->generation(chat->result().generationId, {10, 100, 400});
    QVERIFY(waitFinished(generation));
    f.generationDelayMs = 0;
    QVERIFY2(!generation->error().isError(), qPrintable(generation->error().message));
    QVERIFY(generation->attempts() >= 2); // the first lookup met the early 404
    QCOMPARE(generation->record().tokensPrompt, chat->result().usage.prompt);
    QVERIFY(generation->record().totalCostUsd.has_value());
    QVERIFY(qAbs(*generation->record().totalCostUsd - *chat->result().costUsd) < 1e-12);
    NormalizedResponse reconciled = chat->result();
    net::applyGeneration(reconciled, generation->record());
    QCOMPARE(reconciled.costSource, CostSource::Generation);

    // Never visible: the retries give up with the 404 after the policy's attempts.
    f.generationDelayMs = 60'000;
    net::GenerationReply *late = client->generation(chat->result().generationId, {3, 20, 40});
    QVERIFY(waitFinished(late));
    f.generationDelayMs = 0;
    QCOMPARE(late->attempts(), 3);
    QCOMPARE(late->httpStatus(), 404);
}

void TestNetGateways::balanceDecreasesWithSpend_data()
{
    generationAfterDelay_data();
}

void TestNetGateways::balanceDecreasesWithSpend()
{
    QFETCH(Gateway, gateway);
    auto client = simClient(m_sim, gateway);
    net::BalanceReply *before = client->balance();
    QVERIFY(waitFinished(before));
    QVERIFY2(!before->error().isError(), qPrintable(before->error().message));
    QVERIFY(before->balance().remainingUsd.has_value());

    net::ChatReply *chat = client->chat(chatRequest(u"openai/gpt-4o"_qs, false));
    QVERIFY(waitFinished(chat));
    QVERIFY(!chat->error().isError());

    net::BalanceReply *after = client->balance();
    QVERIFY(waitFinished(after));
    const double spent = *chat->result().costUsd;
    QVERIFY(spent > 0);
    QVERIFY(qAbs((*before->balance().remainingUsd - *after->balance().remainingUsd) - spent) < 1e-6);
    QVERIFY(qAbs((after->balance().usedUsd - before->balance().usedUsd) - spent) < 1e-6);
    if (gateway == Gateway::OpenRouter)
        QCOMPARE(after->balance().limitUsd, std::optional<double>(100.0));
}

QTEST_GUILESS_MAIN(TestNetGateways)
#include "tst_net_gateways.moc"
