// Catalog parsing on the real snapshots (counts and prices checked against the files with an
// independent reader: python's json module, see the comments), bad items, endpoints, estimates.

#include "catalog/catalog.h"
#include "protocol_fixtures.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace gw;

namespace {

qsizetype countIf(const Catalog &c, bool (*pred)(const CatalogModel &))
{
    return std::count_if(c.models.begin(), c.models.end(), pred);
}

QStringList paths(const Diagnostics &problems)
{
    QStringList out;
    for (const Diagnostic &d : problems)
        out << (d.isError() ? u"E "_qs : u"W "_qs) + d.path + u'@' + QString::number(d.line) + u':'
                   + QString::number(d.column);
    return out;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openrouterSnapshot();
    void vercelSnapshot();
    void vercelOldShapeWithoutType();
    void badItemsAreReportedAndGoodOnesKept();
    void brokenDocuments_data();
    void brokenDocuments();
    void endpointsOpenRouter();
    void endpointsVercel();
    void estimateCost_data();
    void estimateCost();
    void parsePrices_data();
    void parsePrices();
};

void TestCatalog::openrouterSnapshot()
{
    const CatalogParseResult r =
        parseCatalogFile(Gateway::OpenRouter, test::sampleCatalogPath(u"openrouter-models-2026-02-27.json"_qs));
    QCOMPARE(paths(r.problems), QStringList());
    const Catalog &c = r.catalog;
    QCOMPARE(c.gateway, Gateway::OpenRouter);
    QCOMPARE(c.models.size(), 343);
    QCOMPARE(c.index.size(), 343);
    // python: sum('reasoning' in m['supported_parameters']) == 144, 'tools' == 234
    QCOMPARE(countIf(c, [](const CatalogModel &m) { return m.reasoning; }), 144);
    QCOMPARE(countIf(c, [](const CatalogModel &m) { return m.tools; }), 234);

    const CatalogModel *sonnet = c.find(u"anthropic/claude-sonnet-4.5"_qs);
    QVERIFY(sonnet);
    QCOMPARE(sonnet->contextLength, 1000000);
    QCOMPARE(sonnet->maxOutputTokens, 64000);
    QVERIFY(sonnet->hasPricing);
    QCOMPARE(sonnet->pricePromptPerToken, 0.000003);
    QCOMPARE(sonnet->priceCompletionPerToken, 0.000015);
    QCOMPARE(sonnet->priceCacheRead, 0.0000003);
    QCOMPARE(sonnet->priceCacheWrite, 0.00000375);
    QVERIFY(sonnet->reasoning);
    QVERIFY(sonnet->tools);
    QCOMPARE(sonnet->ownedBy, u"anthropic"_qs);

    const CatalogModel *jamba = c.find(u"ai21/jamba-large-1.7"_qs);
    QVERIFY(jamba);
    QCOMPARE(jamba->name, u"AI21: Jamba Large 1.7"_qs);
    QCOMPARE(jamba->pricePromptPerToken, 0.000002);
    QCOMPARE(jamba->priceCompletionPerToken, 0.000008);
    QCOMPARE(jamba->maxOutputTokens, 4096);
    QVERIFY(!jamba->reasoning);
    QVERIFY(jamba->tools);

    // "-1" means the price depends on the route: unknown, not negative.
    const CatalogModel *autoRouter = c.find(u"openrouter/auto"_qs);
    QVERIFY(autoRouter);
    QVERIFY(!autoRouter->hasPricing);
    QCOMPARE(autoRouter->maxOutputTokens, 0);               // top_provider.max_completion_tokens is null
    QCOMPARE(c.index.value(u"ai21/jamba-large-1.7"_qs), 0); // the file's first item
}

void TestCatalog::vercelSnapshot()
{
    const CatalogParseResult r =
        parseCatalogFile(Gateway::Vercel, test::sampleCatalogPath(u"vercel-models-2026-02-22.json"_qs));
    QCOMPARE(paths(r.problems), QStringList());
    const Catalog &c = r.catalog;
    QCOMPARE(c.models.size(), 164);
    QCOMPARE(c.skippedNonLanguage, 51); // 20 embedding, 17 video, 14 image
    QVERIFY(!c.find(u"openai/text-embedding-3-small"_qs));
    // python over the language items: tags 'reasoning' 89, 'tool-use' 130; 4 without prices.
    QCOMPARE(countIf(c, [](const CatalogModel &m) { return m.reasoning; }), 89);
    QCOMPARE(countIf(c, [](const CatalogModel &m) { return m.tools; }), 130);
    QCOMPARE(countIf(c, [](const CatalogModel &m) { return !m.hasPricing; }), 4);

    const CatalogModel *sonnet = c.find(u"anthropic/claude-sonnet-4.5"_qs);
    QVERIFY(sonnet);
    QCOMPARE(sonnet->contextLength, 1000000);
    QCOMPARE(sonnet->maxOutputTokens, 64000);
    QCOMPARE(sonnet->pricePromptPerToken, 0.000003);
    QCOMPARE(sonnet->priceCompletionPerToken, 0.000015);
    QCOMPARE(sonnet->priceCacheWrite, 0.00000375);
    QCOMPARE(sonnet->tags, (QStringList{u"file-input"_qs, u"reasoning"_qs, u"tool-use"_qs, u"vision"_qs}));
    QCOMPARE(sonnet->type, u"language"_qs);

    const CatalogModel *grok = c.find(u"xai/grok-code-fast-1"_qs);
    QVERIFY(grok);
    QCOMPARE(grok->pricePromptPerToken, 0.0000002);
    QCOMPARE(grok->priceCompletionPerToken, 0.0000015);
    QCOMPARE(grok->priceCacheRead, 0.00000002);
    QCOMPARE(grok->priceCacheWrite, 0.0);
    QCOMPARE(grok->ownedBy, u"xai"_qs);

    const CatalogModel *devstral = c.find(u"mistral/devstral-2"_qs);
    QVERIFY(devstral);
    QVERIFY(!devstral->hasPricing); // "pricing": {} in the snapshot
    QVERIFY(devstral->tools);
}

void TestCatalog::vercelOldShapeWithoutType()
{
    const CatalogParseResult r =
        parseCatalogFile(Gateway::Vercel, test::protocolDataPath(u"vercel-models-2025-07-25.json"_qs));
    QCOMPARE(paths(r.problems), QStringList());
    QCOMPARE(r.catalog.models.size(), 78);
    QCOMPARE(r.catalog.skippedNonLanguage, 0);
    const CatalogModel *qwen = r.catalog.find(u"alibaba/qwen-3-14b"_qs);
    QVERIFY(qwen);
    QCOMPARE(qwen->type, u"language"_qs);
    QCOMPARE(qwen->pricePromptPerToken, 0.00000008);
    QCOMPARE(qwen->priceCompletionPerToken, 0.00000024);
    QCOMPARE(qwen->maxOutputTokens, 8192);
    QVERIFY(!qwen->reasoning); // no tags in the old shape
}

void TestCatalog::badItemsAreReportedAndGoodOnesKept()
{
    const QByteArray json = "{\"data\": [\n"
                            "  {\"id\": \"good/one\", \"pricing\": {\"prompt\": \"0.000001\", \"completion\": "
                            "\"0.000002\"}, \"context_length\": 1000},\n"
                            "  42,\n"
                            "  {\"name\": \"no id\"},\n"
                            "  {\"id\": \"bad/price\", \"pricing\": {\"prompt\": \"cheap\", \"completion\": "
                            "\"0.000002\"}, \"context_length\": \"big\"},\n"
                            "  {\"id\": \"good/one\"}\n"
                            "]}\n";
    const CatalogParseResult r = parseCatalog(Gateway::OpenRouter, json, u"models.json"_qs);
    QCOMPARE(paths(r.problems), (QStringList{
                                    u"E /data/1@3:3"_qs,
                                    u"E /data/2/id@4:3"_qs, // no id member: located at its item
                                    u"W /data/3/context_length@5:99"_qs, u"W /data/3/pricing/prompt@5:45"_qs,
                                    u"W /data/4/id@6:10"_qs, // duplicate id
                                }));
    QCOMPARE(r.problems.at(0).toString(),
             u"models.json:3:3: /data/1: model entry is a number, not an object; skipped"_qs);
    QCOMPARE(r.catalog.models.size(), 2);
    QCOMPARE(r.catalog.models.at(0).id, u"good/one"_qs);
    QCOMPARE(r.catalog.models.at(0).contextLength, 1000);
    QCOMPARE(r.catalog.models.at(1).id, u"bad/price"_qs);
    QVERIFY(!r.catalog.models.at(1).hasPricing);
    QCOMPARE(r.catalog.models.at(1).contextLength, 0);
    QVERIFY(r.ok()); // usable: it has good models despite the errors
}

void TestCatalog::brokenDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("firstProblem");
    QTest::newRow("syntax error") << QByteArray("{\"data\": [\n  {\"id\": \"a\"},\n  {\"id\": }\n]}")
                                  << u"c.json:3:10: JSON syntax error: expected a value, found '}'"_qs;
    QTest::newRow("no data list") << QByteArray("{\"models\": []}")
                                  << u"c.json:1:1: not a model list: expected {\"data\": [...]} or an array"_qs;
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestCatalog::brokenDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, firstProblem);
    const CatalogParseResult r = parseCatalog(Gateway::OpenRouter, json, u"c.json"_qs);
    QVERIFY(hasErrors(r.problems));
    QVERIFY(!r.ok());
    QVERIFY(r.catalog.models.isEmpty());
    if (!firstProblem.isEmpty())
        QCOMPARE(r.problems.first().toString(), firstProblem);
}

void TestCatalog::endpointsOpenRouter()
{
    const QByteArray json =
        R"({"data": {"id": "anthropic/claude-sonnet-4.5", "name": "Anthropic: Claude Sonnet 4.5", "endpoints": [
        {"name": "Google | anthropic/claude-sonnet-4.5", "context_length": 1000000, "provider_name": "Google Vertex",
         "tag": "google-vertex", "quantization": "unknown", "max_completion_tokens": 64000, "status": 0,
         "uptime_last_30m": 99.2, "latency_last_30m": 1.25, "pricing": {"prompt": "0.000003", "completion": "0.000015"}},
        {"name": "Anthropic | anthropic/claude-sonnet-4.5", "provider_name": "Anthropic", "tag": "anthropic",
         "latency_last_30m": {"p50": 0.8, "p90": 2.1}},
        {"name": "broken", "provider_name": "No Tag"}
    ]}})";
    const EndpointListResult r = parseEndpoints(Gateway::OpenRouter, json, u"endpoints.json"_qs);
    QCOMPARE(r.modelId, u"anthropic/claude-sonnet-4.5"_qs);
    QCOMPARE(r.endpoints.size(), 2);
    const ProviderEndpoint &vertex = r.endpoints.at(0);
    QCOMPARE(vertex.slug, u"google-vertex"_qs);
    QCOMPARE(vertex.name, u"Google Vertex"_qs);
    QCOMPARE(vertex.latencyMs, 1250.0); // seconds on OpenRouter
    QCOMPARE(vertex.uptime, 99.2);
    QCOMPARE(vertex.contextLength, 1000000);
    QCOMPARE(vertex.maxOutputTokens, 64000);
    QCOMPARE(vertex.pricePromptPerToken, 0.000003);
    QCOMPARE(vertex.status, u"0"_qs);
    QCOMPARE(r.endpoints.at(1).latencyMs, 800.0); // the median of the percentiles
    QCOMPARE(r.endpoints.at(1).uptime, -1.0);
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.at(0).path, u"/data/endpoints/2"_qs);
    QCOMPARE(r.problems.at(0).line, 7);
}

void TestCatalog::endpointsVercel()
{
    const QByteArray json = R"({"data": {"id": "anthropic/claude-sonnet-4.5", "endpoints": [
        {"name": "vertex | anthropic/claude-sonnet-4.5", "provider_name": "vertex", "context_length": 1000000,
         "latency_last_30m": 420, "uptime_last_30m": 100, "pricing": {"prompt": "0.000003", "completion": "0.000015"}},
        {"name": "bedrock | anthropic/claude-sonnet-4.5", "provider_name": "bedrock", "latency_last_30m": null}
    ]}})";
    const EndpointListResult r = parseEndpoints(Gateway::Vercel, json, u"endpoints.json"_qs);
    QCOMPARE(r.problems.size(), 0);
    QCOMPARE(r.endpoints.size(), 2);
    QCOMPARE(r.endpoints.at(0).slug, u"vertex"_qs);
    QCOMPARE(r.endpoints.at(0).name, u"vertex"_qs);
    QCOMPARE(r.endpoints.at(0).latencyMs, 420.0); // milliseconds on Vercel
    QCOMPARE(r.endpoints.at(0).priceCompletionPerToken, 0.000015);
    QCOMPARE(r.endpoints.at(1).latencyMs, -1.0);
    // Not an endpoint list at all.
    const EndpointListResult bad = parseEndpoints(Gateway::Vercel, R"({"data": []})", u"e.json"_qs);
    QVERIFY(hasErrors(bad.problems));
    QVERIFY(bad.endpoints.isEmpty());
}

void TestCatalog::estimateCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("cacheWrite");
    QTest::addColumn<qint64>("completion");
    QTest::addColumn<double>("expected"); // negative: no estimate

    // Sonnet 4.5: $3/M in, $15/M out, $0.30/M cache read, $3.75/M cache write.
    // 496 x 3e-6 + 1024 x 3e-7 + 85 x 15e-6 = 0.001488 + 0.0003072 + 0.001275 (the OpenRouter fixture's usage and cost)
    QTest::newRow("sonnet, cache read") << u"anthropic/claude-sonnet-4.5"_qs << 1520LL << 1024LL << 0LL << 85LL
                                        << 0.0030702;
    // 48 x 3e-6 + 2000 x 3.75e-6 + 120 x 15e-6 = 0.000144 + 0.0075 + 0.0018 (the Vercel fixture's usage and marketCost)
    QTest::newRow("sonnet, cache write") << u"anthropic/claude-sonnet-4.5"_qs << 2048LL << 0LL << 2000LL << 120LL
                                         << 0.009444;
    // gpt-5-mini lists no cache-write price: written tokens cost the prompt price, 1000 x 2.5e-7 + 10 x 2e-6.
    QTest::newRow("no cache write price") << u"openai/gpt-5-mini"_qs << 1000LL << 0LL << 100LL << 10LL << 0.00027;
    // More cached than prompt (inconsistent usage): uncached clamps at 0, 20 x 3e-7.
    QTest::newRow("cached above prompt") << u"anthropic/claude-sonnet-4.5"_qs << 10LL << 20LL << 0LL << 0LL << 0.000006;
    QTest::newRow("zero usage") << u"anthropic/claude-sonnet-4.5"_qs << 0LL << 0LL << 0LL << 0LL << 0.0;
    QTest::newRow("no pricing") << u"openrouter/auto"_qs << 1000LL << 0LL << 0LL << 1000LL << -1.0;
}

void TestCatalog::estimateCost()
{
    QFETCH(QString, model);
    QFETCH(qint64, prompt);
    QFETCH(qint64, cached);
    QFETCH(qint64, cacheWrite);
    QFETCH(qint64, completion);
    QFETCH(double, expected);
    static const Catalog catalog =
        parseCatalogFile(Gateway::OpenRouter, test::sampleCatalogPath(u"openrouter-models-2026-02-27.json"_qs)).catalog;
    const CatalogModel *m = catalog.find(model);
    QVERIFY(m);
    TokenUsage usage;
    usage.prompt = prompt;
    usage.cachedRead = cached;
    usage.cacheWrite = cacheWrite;
    usage.completion = completion;
    const auto cost = estimateCostUsd(*m, usage);
    if (expected < 0) {
        QCOMPARE(cost, std::nullopt);
    } else {
        QVERIFY(cost.has_value());
        QVERIFY2(qAbs(*cost - expected) < 1e-12, qPrintable(QString::number(*cost, 'g', 17)));
    }
}

void TestCatalog::parsePrices_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<double>("expected"); // NaN: not a price
    const double nan = qQNaN();
    QTest::newRow("decimal string") << QJsonValue(u"0.0000025"_qs) << 0.0000025;
    QTest::newRow("exponent string") << QJsonValue(u"2.5e-6"_qs) << 0.0000025;
    QTest::newRow("number") << QJsonValue(0.5) << 0.5;
    QTest::newRow("varies") << QJsonValue(u"-1"_qs) << -1.0;
    QTest::newRow("word") << QJsonValue(u"free"_qs) << nan;
    QTest::newRow("empty") << QJsonValue(u""_qs) << nan;
    QTest::newRow("null") << QJsonValue() << nan;
    QTest::newRow("array") << QJsonValue(QJsonArray{1}) << nan;
}

void TestCatalog::parsePrices()
{
    QFETCH(QJsonValue, value);
    QFETCH(double, expected);
    const auto price = parsePrice(value);
    if (qIsNaN(expected))
        QCOMPARE(price, std::nullopt);
    else
        QCOMPARE(price, std::optional<double>(expected));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
