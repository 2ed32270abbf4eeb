// OpenRouter request -> Vercel request: every mapping of the routing contract and every warning,
// against the routing config in data/routing.json.

#include "config/config_io.h"
#include "protocol/translate.h"
#include "protocol_fixtures.h"
#include "json/canonical_json.h"

#include <QJsonDocument>
#include <QTest>

using namespace gw;

namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        qFatal("bad JSON in test table: %s: %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

} // namespace

class TestTranslate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void translate_data();
    void translate();
    void sortNames();
    void inputIsNotModified();

private:
    RoutingConfig m_config;
};

void TestTranslate::initTestCase()
{
    const ConfigLoadResult r = loadConfigFile(test::protocolDataPath(u"routing.json"_qs));
    QVERIFY2(r.config, qPrintable(joinDiagnostics(r.diagnostics)));
    m_config = *r.config;
}

void TestTranslate::translate_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("mapped model, messages untouched")
        << QByteArray(
               R"({"model":"x-ai/grok-code-fast-1","messages":[{"role":"user","content":"hi"}],"temperature":0.2})")
        << QByteArray(
               R"({"model":"xai/grok-code-fast-1","messages":[{"role":"user","content":"hi"}],"temperature":0.2})")
        << QStringList();
    QTest::newRow("model mapped to null stays, with a warning")
        << QByteArray(R"({"model":"moonshotai/kimi-k2:free"})") << QByteArray(R"({"model":"moonshotai/kimi-k2:free"})")
        << QStringList{u"/model: \"moonshotai/kimi-k2:free\" has no Vercel mapping; left as is"_qs};
    QTest::newRow("model not in the table")
        << QByteArray(R"({"model":"acme/unknown-1"})") << QByteArray(R"({"model":"acme/unknown-1"})")
        << QStringList{u"/model: \"acme/unknown-1\" has no Vercel mapping; left as is"_qs};
    QTest::newRow("model missing") << QByteArray(R"({"messages":[]})") << QByteArray(R"({"messages":[]})")
                                   << QStringList{u"/model: missing; nothing to map"_qs};
    QTest::newRow("fallback models mapped, unmapped dropped")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","models":["z-ai/glm-4.6","moonshotai/kimi-k2:free","google/gemini-2.5-pro",7]})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"models":["zai/glm-4.6","google/gemini-2.5-pro"]}}})")
        << QStringList{u"/models/1: fallback model \"moonshotai/kimi-k2:free\" has no Vercel mapping; dropped"_qs,
                       u"/models/3: not a string; dropped"_qs};
    QTest::newRow("order slugs mapped")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","provider":{"order":["amazon-bedrock","google-vertex","anthropic"]}})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"order":["bedrock","vertex","anthropic"]}}})")
        << QStringList();
    QTest::newRow("null-mapped slug dropped")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"order":["chutes","together","z-ai"]}})")
        << QByteArray(R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"order":["togetherai","zai"]}}})")
        << QStringList{u"/provider/order/0: provider \"chutes\" is not on Vercel; dropped"_qs};
    QTest::newRow("only slugs mapped")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"only":["z-ai","google-ai-studio"]}})")
        << QByteArray(R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"only":["zai","google"]}}})")
        << QStringList();
    QTest::newRow("sort price") << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"sort":"price"}})")
                                << QByteArray(
                                       R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"sort":"cost"}}})")
                                << QStringList();
    QTest::newRow("sort throughput") << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"sort":"throughput"}})")
                                     << QByteArray(
                                            R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"sort":"tps"}}})")
                                     << QStringList();
    QTest::newRow("sort latency") << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"sort":"latency"}})")
                                  << QByteArray(
                                         R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"sort":"ttft"}}})")
                                  << QStringList();
    QTest::newRow("sort unknown") << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"sort":"vibes"}})")
                                  << QByteArray(R"({"model":"zai/glm-4.6"})")
                                  << QStringList{u"/provider/sort: unknown sort \"vibes\"; dropped"_qs};
    QTest::newRow("zdr and data_collection deny")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"zdr":true,"data_collection":"deny"}})")
        << QByteArray(
               R"({"model":"zai/glm-4.6","providerOptions":{"gateway":{"zeroDataRetention":true,"disallowPromptTraining":true}}})")
        << QStringList();
    QTest::newRow("data_collection allow is the default")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"data_collection":"allow","allow_fallbacks":true}})")
        << QByteArray(R"({"model":"zai/glm-4.6"})") << QStringList();
    QTest::newRow("allow_fallbacks false with order -> only")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","provider":{"order":["anthropic","amazon-bedrock"],"allow_fallbacks":false}})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"order":["anthropic","bedrock"],"only":["anthropic","bedrock"]}}})")
        << QStringList();
    QTest::newRow("allow_fallbacks false with order and only -> intersection")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","provider":{"order":["anthropic","amazon-bedrock"],"only":["amazon-bedrock","google-vertex"],"allow_fallbacks":false}})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"order":["anthropic","bedrock"],"only":["bedrock"]}}})")
        << QStringList();
    QTest::newRow("allow_fallbacks false without order")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"allow_fallbacks":false}})")
        << QByteArray(R"({"model":"zai/glm-4.6"})")
        << QStringList{u"/provider/allow_fallbacks: false without \"order\" has no Vercel equivalent; dropped"_qs};
    QTest::newRow("ignore with known vercel_providers")
        << QByteArray(R"({"model":"anthropic/claude-sonnet-4.5","provider":{"ignore":["amazon-bedrock"]}})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"only":["anthropic","vertex"]}}})")
        << QStringList();
    QTest::newRow("ignore of a slug Vercel does not have")
        << QByteArray(R"({"model":"anthropic/claude-sonnet-4.5","provider":{"ignore":["chutes"]}})")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","providerOptions":{"gateway":{"only":["anthropic","bedrock","vertex"]}}})")
        << QStringList();
    QTest::newRow("ignore with unknown vercel_providers")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"ignore":["together"]}})")
        << QByteArray(R"({"model":"zai/glm-4.6"})")
        << QStringList{
               u"/provider/ignore: the Vercel providers of \"z-ai/glm-4.6\" are unknown, so an ignore list cannot be expressed; dropped"_qs};
    QTest::newRow("ignore leaving nothing")
        << QByteArray(R"({"model":"x-ai/grok-code-fast-1","provider":{"ignore":["xai"]}})")
        << QByteArray(R"({"model":"xai/grok-code-fast-1","providerOptions":{"gateway":{"only":[]}}})")
        << QStringList{u"/provider: no Vercel provider is left for \"only\"; the request cannot be served as asked"_qs};
    QTest::newRow("fields without an equivalent")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"require_parameters":true,"quantizations":["fp8"],
                        "max_price":{"prompt":1,"completion":2},"preferred_min_throughput":50,"preferred_max_latency":2}})")
        << QByteArray(R"({"model":"zai/glm-4.6"})")
        << QStringList{u"/provider/max_price: no Vercel equivalent; dropped"_qs,
                       u"/provider/preferred_max_latency: no Vercel equivalent; dropped"_qs,
                       u"/provider/preferred_min_throughput: no Vercel equivalent; dropped"_qs,
                       u"/provider/quantizations: no Vercel equivalent; dropped"_qs,
                       u"/provider/require_parameters: no Vercel equivalent; dropped"_qs};
    QTest::newRow("unknown provider field")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":{"teleport":true}})")
        << QByteArray(R"({"model":"zai/glm-4.6"})")
        << QStringList{u"/provider/teleport: unknown provider preference; dropped"_qs};
    QTest::newRow("provider not an object")
        << QByteArray(R"({"model":"z-ai/glm-4.6","provider":"anthropic"})") << QByteArray(R"({"model":"zai/glm-4.6"})")
        << QStringList{u"/provider: not an object; dropped"_qs};
    QTest::newRow("reasoning and reasoning_effort pass unchanged")
        << QByteArray(
               R"({"model":"x-ai/grok-code-fast-1","reasoning":{"effort":"high","exclude":false},"reasoning_effort":"high"})")
        << QByteArray(
               R"({"model":"xai/grok-code-fast-1","reasoning":{"effort":"high","exclude":false},"reasoning_effort":"high"})")
        << QStringList();
    QTest::newRow("stream gets include_usage, usage removed")
        << QByteArray(
               R"({"model":"x-ai/grok-code-fast-1","stream":true,"stream_options":{"foo":1},"usage":{"include":true}})")
        << QByteArray(
               R"({"model":"xai/grok-code-fast-1","stream":true,"stream_options":{"foo":1,"include_usage":true}})")
        << QStringList();
    QTest::newRow("non-stream: usage removed, no stream_options")
        << QByteArray(R"({"model":"x-ai/grok-code-fast-1","stream":false,"usage":{"include":true}})")
        << QByteArray(R"({"model":"xai/grok-code-fast-1","stream":false})") << QStringList();
    QTest::newRow("existing providerOptions are kept and merged")
        << QByteArray(
               R"({"model":"x-ai/grok-code-fast-1","providerOptions":{"gateway":{"byok":{"xai":[{"apiKey":"xai-test-fake"}]}},"anthropic":{"x":1}},"provider":{"sort":"price"}})")
        << QByteArray(
               R"({"model":"xai/grok-code-fast-1","providerOptions":{"gateway":{"byok":{"xai":[{"apiKey":"xai-test-fake"}]},"sort":"cost"},"anthropic":{"x":1}}})")
        << QStringList();
    QTest::newRow("everything at once")
        << QByteArray(
               R"({"model":"anthropic/claude-sonnet-4.5","models":["x-ai/grok-code-fast-1"],"stream":true,"usage":{"include":true},
                        "provider":{"order":["google-vertex","chutes"],"allow_fallbacks":false,"sort":"throughput","zdr":true,"max_price":{"prompt":3}}})")
        << QByteArray(R"({"model":"anthropic/claude-sonnet-4.5","stream":true,"stream_options":{"include_usage":true},
                        "providerOptions":{"gateway":{"models":["xai/grok-code-fast-1"],"order":["vertex"],"only":["vertex"],"sort":"tps","zeroDataRetention":true}}})")
        << QStringList{u"/provider/order/1: provider \"chutes\" is not on Vercel; dropped"_qs,
                       u"/provider/max_price: no Vercel equivalent; dropped"_qs};
}

void TestTranslate::translate()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, warnings);
    const TranslationResult r = translateToVercel(object(request), m_config);
    const QJsonObject want = object(expected);
    if (r.request != want)
        QFAIL(qPrintable(u"actual:\n%1expected:\n%2"_qs.arg(QString::fromUtf8(canonicalJson(r.request)),
                                                            QString::fromUtf8(canonicalJson(want)))));
    QCOMPARE(r.warnings, warnings);
}

void TestTranslate::sortNames()
{
    QCOMPARE(vercelSortFor(u"price"), u"cost"_qs);
    QCOMPARE(vercelSortFor(u"throughput"), u"tps"_qs);
    QCOMPARE(vercelSortFor(u"latency"), u"ttft"_qs);
    QCOMPARE(vercelSortFor(u"Price"), QString());
}

void TestTranslate::inputIsNotModified()
{
    const QJsonObject request =
        object(R"({"model":"x-ai/grok-code-fast-1","provider":{"sort":"price"},"stream":true})");
    // The copy is the point: a snapshot to compare the input with after the translation.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
    const QJsonObject copy = request;
    const TranslationResult r = translateToVercel(request, m_config);
    QCOMPARE(request, copy);
    QVERIFY(!r.request.contains(u"provider"));
}

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate.moc"
