// gateway-sim itself: the wire formats of both dialects, the control endpoint, determinism.

#include "raw_http.h"

#include "gateway_simulator.h"
#include "sim_catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw;
using namespace gw::test;

namespace {

QByteArray chatBody(const QString &model, bool stream)
{
    QJsonObject o{{u"model"_qs, model},
                  {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"hi"_qs}}}}};
    if (stream)
        o.insert(u"stream"_qs, true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

class TestGatewaySim : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void bundledCatalogs();
    void errorShapes();
    void streamShape_data();
    void streamShape();
    void controlEndpoint();
    void controlRejectsUnknownFaults();
    void sameSeedSameAnswers();
    void unknownPathIs404();

private:
    QNetworkAccessManager m_nam;
    sim::GatewaySimulator m_sim;
    QByteArray m_orKey = sim::GatewaySimulator::defaultKey(Gateway::OpenRouter).toUtf8();
    QByteArray m_vKey = sim::GatewaySimulator::defaultKey(Gateway::Vercel).toUtf8();
};

void TestGatewaySim::initTestCase()
{
    QVERIFY(m_sim.start());
    QCOMPARE(m_sim.openrouterBaseUrl().toString(), u"http://127.0.0.1:%1/openrouter/api/v1"_qs.arg(m_sim.port()));
    QCOMPARE(m_sim.vercelBaseUrl().toString(), u"http://127.0.0.1:%1/vercel/v1"_qs.arg(m_sim.port()));
}

void TestGatewaySim::init()
{
    m_sim.reset();
}

void TestGatewaySim::bundledCatalogs()
{
    const sim::SimCatalog &openrouter = sim::SimCatalog::forGateway(Gateway::OpenRouter);
    const sim::SimCatalog &vercel = sim::SimCatalog::forGateway(Gateway::Vercel);
    QCOMPARE(openrouter.size(), 343);
    QCOMPARE(vercel.size(), 164); // language models only
    const sim::SimModel *sonnet = openrouter.find(u"anthropic/claude-sonnet-4.5:nitro"_qs);
    QVERIFY(sonnet);
    QCOMPARE(sonnet->promptPricePerToken, 3e-6);
    QVERIFY(!vercel.find(u"anthropic/claude-sonnet-4.5:nitro"_qs)); // suffixes are OpenRouter's
    // Providers are synthesised deterministically: 1-3, first-party first, stable across calls.
    const auto providers = openrouter.providersFor(*sonnet);
    QVERIFY(!providers.isEmpty() && providers.size() <= 3);
    QCOMPARE(providers.first().slug, u"anthropic"_qs);
    QCOMPARE(openrouter.providersFor(*sonnet).last().latencyMs, providers.last().latencyMs);
}

void TestGatewaySim::errorShapes()
{
    const RawResponse orUnauthorized = fetch(m_nam, "POST", at(m_sim.openrouterBaseUrl(), u"/chat/completions"_qs),
                                             chatBody(u"openai/gpt-4o"_qs, false), "sk-or-v1-wrong");
    QCOMPARE(orUnauthorized.status, 401);
    const QJsonObject orError = json(orUnauthorized.body).value(u"error").toObject();
    QCOMPARE(orError.value(u"code").toInt(), 401);
    QVERIFY(!orError.value(u"message").toString().isEmpty());
    QCOMPARE(orError.value(u"metadata").toObject().value(u"error_type").toString(), u"authentication_error"_qs);

    const RawResponse vUnauthorized = fetch(m_nam, "POST", at(m_sim.vercelBaseUrl(), u"/chat/completions"_qs),
                                            chatBody(u"openai/gpt-4o"_qs, false), m_orKey);
    QCOMPARE(vUnauthorized.status, 401);
    const QJsonObject vError = json(vUnauthorized.body).value(u"error").toObject();
    QCOMPARE(vError.value(u"type").toString(), u"authentication_error"_qs);
    QVERIFY(!vError.contains(u"code"));

    m_sim.faults().vercel.errorRates.insert(u"quota_exceeded"_qs, 1.0);
    const RawResponse quota = fetch(m_nam, "POST", at(m_sim.vercelBaseUrl(), u"/chat/completions"_qs),
                                    chatBody(u"openai/gpt-4o"_qs, false), m_vKey);
    QCOMPARE(quota.status, 402);
    QCOMPARE(json(quota.body).value(u"error").toObject().value(u"type").toString(), u"quota_for_entity_exceeded"_qs);

    m_sim.faults().openrouter.errorRates.insert(u"529"_qs, 1.0); // not a standard status: written by hand
    const RawResponse overloaded = fetch(m_nam, "POST", at(m_sim.openrouterBaseUrl(), u"/chat/completions"_qs),
                                         chatBody(u"openai/gpt-4o"_qs, false), m_orKey);
    QCOMPARE(overloaded.status, 529);
    QCOMPARE(json(overloaded.body).value(u"error").toObject().value(u"code").toInt(), 529);
}

void TestGatewaySim::streamShape_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::newRow("openrouter") << Gateway::OpenRouter;
    QTest::newRow("vercel") << Gateway::Vercel;
}

void TestGatewaySim::streamShape()
{
    QFETCH(Gateway, gateway);
    const bool o = gateway == Gateway::OpenRouter;
    (o ? m_sim.faults().openrouter : m_sim.faults().vercel).keepAliveIntervalMs = 20;
    (o ? m_sim.faults().openrouter : m_sim.faults().vercel).ttft = {70, 70};
    const RawResponse r = fetch(m_nam, "POST", at(m_sim.baseUrl(gateway), u"/chat/completions"_qs),
                                chatBody(u"anthropic/claude-sonnet-4.5"_qs, true), o ? m_orKey : m_vKey);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("text/event-stream"));
    QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    if (o)
        QVERIFY(r.body.startsWith(": OPENROUTER PROCESSING\n\n"));
    const QList<QByteArray> events = r.body.split('\n');
    QByteArray last;
    for (const QByteArray &line : events)
        if (line.startsWith("data: {"))
            last = line.mid(6);
    const QJsonObject usageChunk = json(last);
    QVERIFY(usageChunk.value(u"choices").toArray().isEmpty()); // usage rides on a chunk without choices
    const QJsonObject usage = usageChunk.value(u"usage").toObject();
    QVERIFY(usage.value(u"prompt_tokens").toInt() > 0);
    if (o) {
        QVERIFY(usageChunk.value(u"id").toString().startsWith(u"gen-"_qs));
        QVERIFY(usage.value(u"cost").isDouble());
        QCOMPARE(usageChunk.value(u"provider").toString(), u"Anthropic"_qs);
    } else {
        QVERIFY(usageChunk.value(u"id").toString().startsWith(u"gen_"_qs));
        QVERIFY(usage.value(u"market_cost").isDouble());
        const QJsonObject meta = usageChunk.value(u"providerMetadata").toObject().value(u"gateway").toObject();
        QVERIFY(meta.value(u"cost").isString());
        QVERIFY(meta.value(u"marketCost").isString());
        QCOMPARE(meta.value(u"routing").toObject().value(u"finalProvider").toString(), u"anthropic"_qs);
    }
}

void TestGatewaySim::controlEndpoint()
{
    QUrl faults = m_sim.baseUrl();
    faults.setPath(u"/_control/faults"_qs);
    const RawResponse set =
        fetch(m_nam, "POST", faults, R"({"both": {"error_rates": {"429": 1}, "retry_after_s": 7}})");
    QCOMPARE(set.status, 200);
    QCOMPARE(m_sim.faults().vercel.errorRates.value(u"429"_qs), 1.0);
    const RawResponse limited = fetch(m_nam, "POST", at(m_sim.vercelBaseUrl(), u"/chat/completions"_qs),
                                      chatBody(u"openai/gpt-4o"_qs, false), m_vKey);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.retryAfter, QByteArray("7"));

    QUrl stats = m_sim.baseUrl();
    stats.setPath(u"/_control/stats"_qs);
    const QJsonObject counts = json(fetch(m_nam, "GET", stats).body);
    QCOMPARE(counts.value(u"requests"_qs).toObject().value(u"vercel"_qs).toObject().value(u"chat"_qs).toInt(), 1);
    QCOMPARE(counts.value(u"statuses"_qs).toObject().value(u"429"_qs).toInt(), 1);
}

void TestGatewaySim::controlRejectsUnknownFaults()
{
    QUrl faults = m_sim.baseUrl();
    faults.setPath(u"/_control/faults"_qs);
    QCOMPARE(fetch(m_nam, "POST", faults, R"({"both": {"latncy_ms": 5}})").status, 400);
    QCOMPARE(fetch(m_nam, "POST", faults, R"({"both": {"error_rates": {"418": 1}}})").status, 400);
    QCOMPARE(fetch(m_nam, "POST", faults, R"({"azure": {}})").status, 400);
    QVERIFY(m_sim.faults().openrouter.errorRates.isEmpty()); // nothing half-applied
}

void TestGatewaySim::sameSeedSameAnswers()
{
    const auto run = [this](quint64 seed) {
        sim::GatewaySimulator::Options options;
        options.seed = seed;
        sim::GatewaySimulator sim(options);
        if (!sim.start())
            return QByteArrayList{};
        sim.faults().openrouter.errorRates.insert(u"502"_qs, 0.5);
        sim.faults().openrouter.latency = {0, 3};
        QByteArrayList answers;
        for (int i = 0; i < 24; ++i) {
            const RawResponse r = fetch(m_nam, "POST", at(sim.openrouterBaseUrl(), u"/chat/completions"_qs),
                                        chatBody(u"openai/gpt-4o"_qs, i % 3 == 0), m_orKey);
            answers << QByteArray::number(r.status) + ' ' + r.body;
        }
        return answers;
    };
    const QByteArrayList first = run(42);
    QCOMPARE(first.size(), 24);
    QCOMPARE(run(42), first);
    QVERIFY(run(43) != first);
    QVERIFY(first.join().contains("502 "));
    QVERIFY(first.join().contains("200 "));
}

void TestGatewaySim::unknownPathIs404()
{
    const RawResponse r = fetch(m_nam, "GET", at(m_sim.vercelBaseUrl(), u"/key"_qs), {}, m_vKey); // OpenRouter's path
    QCOMPARE(r.status, 404);
    QCOMPARE(json(r.body).value(u"error").toObject().value(u"type").toString(), u"not_found_error"_qs);
}

QTEST_GUILESS_MAIN(TestGatewaySim)
#include "tst_gateway_sim.moc"
