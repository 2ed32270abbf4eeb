// Normalization of saved bodies and streams of both gateways. Expected results are written out
// in full (toJson form) from reading the fixtures; every stream is also fed split at every byte.

#include "protocol/chunk_scanner.h"
#include "protocol/normalizer.h"
#include "protocol_fixtures.h"
#include "json/canonical_json.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace gw;

Q_DECLARE_METATYPE(gw::Gateway)

namespace {

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        qFatal("test expectation is not a JSON object: %s", qPrintable(error.errorString()));
    return doc.object();
}

NormalizedResponse normalizeStream(Gateway gateway, QByteArrayView bytes, qsizetype splitAt = -1)
{
    StreamNormalizer n(gateway);
    if (splitAt < 0) {
        n.feed(bytes);
    } else {
        n.feed(bytes.first(splitAt));
        n.feed(bytes.sliced(splitAt));
    }
    return n.finish();
}

void compareJson(const QJsonObject &actual, const QJsonObject &expected)
{
    if (actual != expected)
        QFAIL(qPrintable(u"normalized result differs.\nactual:\n%1\nexpected:\n%2"_qs.arg(
            QString::fromUtf8(canonicalJson(actual)), QString::fromUtf8(canonicalJson(expected)))));
}

} // namespace

class TestNormalizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void streamsAtEverySplitPoint_data();
    void streamsAtEverySplitPoint();
    void deltaCallback();
    void incrementalView();
    void truncatedStream();
    void garbageChunk();
    void networkJsonFollowsTheLexersPolicy();
    void bodyErrors_data();
    void bodyErrors();
    void costRules_data();
    void costRules();
    void reasoningDetailsWithoutIndex();
    void looksLikeSse_data();
    void looksLikeSse();
    void fastPathMatchesGeneralPath_data();
    void fastPathMatchesGeneralPath();
    void fastPathOnMutatedStreams();
    void scannerTakesCommonChunks();
};

void TestNormalizer::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("openrouter stream: reasoning details merged, usage in last chunk")
        << u"openrouter-stream-reasoning.sse"_qs << Gateway::OpenRouter << QByteArray(R"({
        "text": "Autumn moonlight—\na worm digs silently\ninto the chestnut.",
        "reasoning": "The user wants a haiku about autumn.",
        "reasoning_details": [{"type": "reasoning.text", "text": "The user wants a haiku about autumn.",
                               "format": "anthropic-claude-v1", "index": 0,
                               "signature": "EqQBCkYIBxgCKkBtest-fake-signature=="}],
        "usage": {"prompt_tokens": 1520, "completion_tokens": 85, "cached_tokens": 1024, "cache_write_tokens": 0, "reasoning_tokens": 42},
        "final_provider": "Anthropic", "generation_id": "gen-1740000000-AbCdEfGhIjKlMnOp",
        "cost_usd": 0.0030702, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "anthropic/claude-sonnet-4.5", "chunks": 7, "keep_alives": 3})");

    // BYOK: usage.cost (0.0000425) is only OpenRouter's fee; the cost is upstream_inference_cost.
    QTest::newRow("openrouter stream: BYOK, summary and encrypted details")
        << u"openrouter-stream-byok.sse"_qs << Gateway::OpenRouter << QByteArray(R"({
        "text": "42", "reasoning": "**Planning the answer**",
        "reasoning_details": [
            {"type": "reasoning.summary", "summary": "**Planning the answer**", "format": "openai-responses-v1", "index": 0},
            {"type": "reasoning.encrypted", "data": "gAAAAABtest-fake-encrypted-blob", "id": "rs_0123456789abcdef",
             "format": "openai-responses-v1", "index": 1}],
        "usage": {"prompt_tokens": 800, "completion_tokens": 300, "cached_tokens": 0, "cache_write_tokens": 0, "reasoning_tokens": 256},
        "final_provider": "OpenAI", "generation_id": "gen-1740000100-ByOkByOkByOkByOk",
        "cost_usd": 0.0008, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "openai/gpt-5-mini", "chunks": 5, "keep_alives": 1})");

    QTest::newRow("openrouter stream: error chunk under HTTP 200")
        << u"openrouter-stream-midstream-error.sse"_qs << Gateway::OpenRouter << QByteArray(R"({
        "text": "Here is the first part", "reasoning": "", "reasoning_details": [], "usage": null,
        "final_provider": "Google", "generation_id": "gen-1740000200-MiDsTrEaMeRrOr00",
        "cost_usd": null, "cost_source": "none", "finish_reason": "error",
        "error": {"class": "provider_unavailable", "http_status": 200, "code": "502",
                  "message": "Provider disconnected unexpectedly", "retry_after_seconds": null, "mid_stream": true},
        "model": "google/gemini-2.5-pro", "chunks": 2, "keep_alives": 1})");

    // marketCost "0.009444" wins over cost "0.0085"; cache_creation_input_tokens is the cache write.
    QTest::newRow("vercel stream: reasoning_content, providerMetadata cost strings")
        << u"vercel-stream-reasoning.sse"_qs << Gateway::Vercel << QByteArray(R"({
        "text": "There are three r's in \"strawberry\".", "reasoning": "Counting the letters: r, r, r.",
        "reasoning_details": [{"type": "reasoning.text", "text": "Counting the letters: r, r, r.", "index": 0,
                               "format": "anthropic-claude-v1", "signature": "ErUBCkYIBxgCtest-fake-vercel-signature"}],
        "usage": {"prompt_tokens": 2048, "completion_tokens": 120, "cached_tokens": 0, "cache_write_tokens": 2000, "reasoning_tokens": 64},
        "final_provider": "bedrock", "generation_id": "gen_01JM8ZQ4V3XK7T2N6B9C1D5E8F",
        "cost_usd": 0.009444, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "anthropic/claude-sonnet-4.5", "chunks": 7, "keep_alives": 0})");

    QTest::newRow("openrouter body") << u"openrouter-body.json"_qs << Gateway::OpenRouter << QByteArray(R"({
        "text": "The capital of Australia is Canberra.",
        "reasoning": "Sydney is the largest city, but the capital is Canberra.",
        "reasoning_details": [{"type": "reasoning.text", "text": "Sydney is the largest city, but the capital is Canberra.",
                               "format": "unknown", "index": 0}],
        "usage": {"prompt_tokens": 14, "completion_tokens": 40, "cached_tokens": 0, "cache_write_tokens": 0, "reasoning_tokens": 31},
        "final_provider": "DeepInfra", "generation_id": "gen-1740000400-NoNsTrEaMbOdY001",
        "cost_usd": 0.0001048, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "deepseek/deepseek-r1", "chunks": 0, "keep_alives": 0})");

    // usage.market_cost (0.000875) beats usage.cost and the message's providerMetadata strings.
    QTest::newRow("vercel body: usage market_cost and cost numbers")
        << u"vercel-body-usage-cost.json"_qs << Gateway::Vercel << QByteArray(R"({
        "text": "Hello! How can I help?", "reasoning": "Greeting; answer briefly.", "reasoning_details": [],
        "usage": {"prompt_tokens": 1200, "completion_tokens": 300, "cached_tokens": 1000, "cache_write_tokens": 0, "reasoning_tokens": 192},
        "final_provider": "azure", "generation_id": "gen_01JM90A1B2C3D4E5F6G7H8J9K0",
        "cost_usd": 0.000875, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "openai/gpt-5-mini", "chunks": 0, "keep_alives": 0})");

    QTest::newRow("vercel body: content parts, reasoning_content, providerMetadata only")
        << u"vercel-body-metadata.json"_qs << Gateway::Vercel << QByteArray(R"({
        "text": "def add(a, b):\n    return a + b\n", "reasoning": "A one-line function suffices.", "reasoning_details": [],
        "usage": {"prompt_tokens": 500, "completion_tokens": 100, "cached_tokens": 0, "cache_write_tokens": 0, "reasoning_tokens": 0},
        "final_provider": "xai", "generation_id": "gen_01JM91ZZYYXXWWVVUUTTSSRRQQ",
        "cost_usd": 0.00025, "cost_source": "reported", "finish_reason": "stop", "error": null,
        "model": "xai/grok-code-fast-1", "chunks": 0, "keep_alives": 0})");
}

void TestNormalizer::fixtures()
{
    QFETCH(QString, file);
    QFETCH(Gateway, gateway);
    QFETCH(QByteArray, expected);
    const QByteArray bytes = test::readFile(test::protocolDataPath(file));
    const NormalizedResponse r =
        gw::looksLikeSse(bytes) ? normalizeStream(gateway, bytes) : normalizeBody(gateway, bytes);
    compareJson(toJson(r), parseObject(expected));
}

void TestNormalizer::streamsAtEverySplitPoint_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<bool>("crlf");
    QTest::newRow("openrouter reasoning") << u"openrouter-stream-reasoning.sse"_qs << Gateway::OpenRouter << false;
    QTest::newRow("openrouter reasoning CRLF") << u"openrouter-stream-reasoning.sse"_qs << Gateway::OpenRouter << true;
    QTest::newRow("openrouter byok") << u"openrouter-stream-byok.sse"_qs << Gateway::OpenRouter << false;
    QTest::newRow("openrouter mid-stream error")
        << u"openrouter-stream-midstream-error.sse"_qs << Gateway::OpenRouter << false;
    QTest::newRow("vercel reasoning CRLF") << u"vercel-stream-reasoning.sse"_qs << Gateway::Vercel << true;
}

void TestNormalizer::streamsAtEverySplitPoint()
{
    QFETCH(QString, file);
    QFETCH(Gateway, gateway);
    QFETCH(bool, crlf);
    QByteArray bytes = test::readFile(test::protocolDataPath(file));
    if (crlf)
        bytes.replace("\n", "\r\n");
    const QJsonObject reference = toJson(normalizeStream(gateway, bytes));
    QVERIFY(!reference.value(u"text").toString().isEmpty());
    for (qsizetype at = 0; at <= bytes.size(); ++at) {
        const QJsonObject split = toJson(normalizeStream(gateway, bytes, at));
        if (split != reference)
            QFAIL(qPrintable(u"split at byte %1 differs: %2"_qs.arg(at).arg(QString::fromUtf8(canonicalJson(split)))));
    }
}

void TestNormalizer::deltaCallback()
{
    StreamNormalizer n(Gateway::OpenRouter);
    QStringList text, reasoning;
    n.setDeltaHandler([&](StreamNormalizer::DeltaKind kind, const QString &piece) {
        (kind == StreamNormalizer::DeltaKind::Text ? text : reasoning) << piece;
    });
    n.feed(test::protocolFixture("openrouter-stream-reasoning.sse"));
    const NormalizedResponse r = n.finish();
    // Empty "content" deltas and null reasoning are not reported as fragments.
    QCOMPARE(reasoning, (QStringList{u"The user wants"_qs, u" a haiku about autumn."_qs}));
    QCOMPARE(text, (QStringList{u"Autumn moonlight—"_qs, u"\na worm digs silently\ninto the chestnut."_qs}));
    QCOMPARE(text.join(QString()), r.text);
}

void TestNormalizer::incrementalView()
{
    const QByteArray bytes = test::protocolFixture("vercel-stream-reasoning.sse");
    const qsizetype firstText = bytes.indexOf("There are three");
    StreamNormalizer n(Gateway::Vercel);
    n.feed(QByteArrayView(bytes).first(firstText));
    QCOMPARE(n.current().reasoning, u"Counting the letters: r, r, r."_qs);
    QCOMPARE(n.current().text, QString());
    QVERIFY(n.firstTokenSeen()); // reasoning counts as the first token
    QVERIFY(!n.current().hasUsage);
    n.feed(QByteArrayView(bytes).sliced(firstText));
    QVERIFY(n.current().hasUsage);
    QCOMPARE(n.finish().text, u"There are three r's in \"strawberry\"."_qs);
}

void TestNormalizer::truncatedStream()
{
    const QByteArray full = test::protocolFixture("openrouter-stream-reasoning.sse");
    const QByteArray cut = full.first(full.indexOf("\"finish_reason\":\"stop\""));
    const NormalizedResponse r = normalizeStream(Gateway::OpenRouter, cut);
    QCOMPARE(r.error.cls, ErrorClass::Protocol);
    QCOMPARE(r.error.code, u"truncated_stream"_qs);
    QVERIFY(r.error.midStream);
    QCOMPARE(r.text, u"Autumn moonlight—\na worm digs silently\ninto the chestnut."_qs);
    QVERIFY(!r.hasUsage);
    QCOMPARE(r.costSource, CostSource::None);

    // Nothing at all: truncated, but not mid-stream (no event arrived).
    const NormalizedResponse empty = normalizeStream(Gateway::Vercel, QByteArray());
    QCOMPARE(empty.error.cls, ErrorClass::Protocol);
    QVERIFY(!empty.error.midStream);

    // A mid-stream error chunk stays the reported error even if the stream then breaks off.
    const QByteArray errorStream = test::protocolFixture("openrouter-stream-midstream-error.sse");
    const NormalizedResponse broken =
        normalizeStream(Gateway::OpenRouter, errorStream.first(errorStream.indexOf("data: [DONE]")));
    QCOMPARE(broken.error.cls, ErrorClass::ProviderUnavailable);
}

void TestNormalizer::garbageChunk()
{
    const NormalizedResponse r = normalizeStream(
        Gateway::OpenRouter,
        "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
        "data: {not json\n\n"
        "data: [1,2]\n\n"
        "data: "
        "{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\n"
        "data: [DONE]\n\n");
    QCOMPARE(r.text, u"ab"_qs); // good chunks around the bad one still count
    QCOMPARE(r.error.cls, ErrorClass::Protocol);
    QCOMPARE(r.error.code, u"bad_chunk"_qs);
    QCOMPARE(r.chunkCount, 2);
    // Types that are wrong everywhere: nothing crashes, nothing is invented.
    const NormalizedResponse odd = normalizeStream(
        Gateway::Vercel,
        "data: "
        "{\"id\":5,\"choices\":\"x\",\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":-4,\"cost\":\"abc\"},"
        "\"providerMetadata\":{\"gateway\":[]}}\n\ndata: [DONE]\n\n");
    QCOMPARE(odd.error.cls, ErrorClass::None);
    QVERIFY(odd.hasUsage);
    QCOMPARE(odd.usage.prompt, 12); // numeric strings are accepted
    QCOMPARE(odd.usage.completion, 0);
    QCOMPARE(odd.costUsd, std::nullopt);
    QCOMPARE(odd.generationId, QString());
}

void TestNormalizer::networkJsonFollowsTheLexersPolicy()
{
    // A lone surrogate, which QJsonDocument alone would keep as an ill-formed string, is refused
    // on the general path too, with the lexer's words and the byte; the stream goes on.
    const NormalizedResponse r = normalizeStream(
        Gateway::OpenRouter,
        "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\ud83d!\"}}],\"usage\":{\"prompt_tokens\":1}}\n\n"
        "data: "
        "{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\ud83d\\ude00\"},\"finish_reason\":"
        "\"stop\"}]}\n\n"
        "data: [DONE]\n\n");
    QCOMPARE(r.text, QString::fromUtf8("a\xF0\x9F\x98\x80"));
    QCOMPARE(r.error.code, u"bad_chunk"_qs);
    QVERIFY2(r.error.message.contains(u"unpaired surrogate in \\u escape at byte 49"_qs), qPrintable(r.error.message));
    QCOMPARE(r.chunkCount, 2);

    const NormalizedResponse body =
        normalizeBody(Gateway::Vercel, R"({"choices":[{"index":0,"message":{"content":"\udc00"}}]})");
    QCOMPARE(body.error.code, u"bad_body"_qs);
    QVERIFY2(body.error.message.contains(u"unpaired surrogate"_qs), qPrintable(body.error.message));
    const NormalizedResponse big = normalizeBody(Gateway::Vercel, R"({"choices":[],"x":18446744073709551617})");
    QVERIFY2(big.error.message.contains(u"beyond 2^53"_qs), qPrintable(big.error.message));
    const NormalizedResponse utf8 = normalizeBody(Gateway::Vercel, "{\"a\":\"\xC3\xA9\xFF\"}");
    QVERIFY2(utf8.error.message.contains(u"invalid UTF-8 at byte 8"_qs), qPrintable(utf8.error.message));
    // An error body the lexer refuses is classified by its status alone.
    const GatewayError e =
        classifyHttpError(Gateway::OpenRouter, 429, R"({"error":{"code":429,"message":"\ud800"}})", std::nullopt);
    QCOMPARE(e.cls, ErrorClass::RateLimited);
    QCOMPARE(e.message.contains(QChar(0xD800)), false);
}

void TestNormalizer::bodyErrors_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("cls");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << Gateway::OpenRouter << QByteArray("<html>oops</html>") << u"protocol"_qs
                              << u"bad_body"_qs;
    QTest::newRow("json array") << Gateway::Vercel << QByteArray("[]") << u"protocol"_qs << u"bad_body"_qs;
    QTest::newRow("openrouter error body")
        << Gateway::OpenRouter << QByteArray(R"({"error":{"code":402,"message":"Insufficient credits"}})")
        << u"insufficient_credits"_qs << u"402"_qs;
    QTest::newRow("vercel error body")
        << Gateway::Vercel
        << QByteArray(R"({"error":{"message":"Quota exceeded for this entity","type":"quota_for_entity_exceeded"}})")
        << u"quota_exceeded"_qs << u"quota_for_entity_exceeded"_qs;
    QTest::newRow("openrouter choice error")
        << Gateway::OpenRouter
        << QByteArray(
               R"({"id":"gen-2","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"error","error":{"code":429,"message":"Rate limited"}}]})")
        << u"rate_limited"_qs << u"429"_qs;
}

void TestNormalizer::bodyErrors()
{
    QFETCH(Gateway, gateway);
    QFETCH(QByteArray, body);
    QFETCH(QString, cls);
    QFETCH(QString, code);
    const NormalizedResponse r = normalizeBody(gateway, body);
    QCOMPARE(errorClassName(r.error.cls), cls);
    QCOMPARE(r.error.code, code);
    QVERIFY(!r.error.midStream);
}

void TestNormalizer::costRules_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<double>("cost"); // negative: no cost reported

    QTest::newRow("openrouter cost") << Gateway::OpenRouter << QByteArray(R"({"usage":{"cost":0.25}})") << 0.25;
    QTest::newRow("openrouter cost zero is a cost")
        << Gateway::OpenRouter << QByteArray(R"({"usage":{"cost":0}})") << 0.0;
    QTest::newRow("openrouter byok uses upstream")
        << Gateway::OpenRouter
        << QByteArray(R"({"usage":{"cost":0.01,"is_byok":true,"cost_details":{"upstream_inference_cost":0.2}}})")
        << 0.2;
    QTest::newRow("openrouter byok: upstream parts when the total is null")
        << Gateway::OpenRouter
        << QByteArray(R"({"usage":{"cost":0.01,"is_byok":true,"cost_details":{"upstream_inference_cost":null,)"
                      R"("upstream_inference_prompt_cost":0.125,"upstream_inference_completions_cost":0.25}}})")
        << 0.375;
    QTest::newRow("openrouter byok: the total wins over its parts")
        << Gateway::OpenRouter
        << QByteArray(R"({"usage":{"cost":0.01,"is_byok":true,"cost_details":{"upstream_inference_cost":0.5,)"
                      R"("upstream_inference_prompt_cost":0.125,"upstream_inference_completions_cost":0.25}}})")
        << 0.5;
    QTest::newRow("openrouter byok: one part alone is not the cost")
        << Gateway::OpenRouter
        << QByteArray(
               R"({"usage":{"cost":0.01,"is_byok":true,"cost_details":{"upstream_inference_prompt_cost":0.125}}})")
        << -1.0;
    QTest::newRow("openrouter not byok: cost, not the parts")
        << Gateway::OpenRouter
        << QByteArray(
               R"({"usage":{"cost":0.375,"cost_details":{"upstream_inference_prompt_cost":0.5,"upstream_inference_completions_cost":0.5}}})")
        << 0.375;
    QTest::newRow("openrouter byok without upstream: fee is not the cost")
        << Gateway::OpenRouter << QByteArray(R"({"usage":{"cost":0.01,"is_byok":true}})") << -1.0;
    QTest::newRow("openrouter ignores market_cost")
        << Gateway::OpenRouter << QByteArray(R"({"usage":{"market_cost":0.5}})") << -1.0;
    QTest::newRow("vercel market_cost over cost")
        << Gateway::Vercel << QByteArray(R"({"usage":{"cost":0.1,"market_cost":0.12}})") << 0.12;
    QTest::newRow("vercel cost alone") << Gateway::Vercel << QByteArray(R"({"usage":{"cost":0.1}})") << 0.1;
    QTest::newRow("vercel usage beats metadata")
        << Gateway::Vercel
        << QByteArray(R"({"usage":{"cost":0.1},"providerMetadata":{"gateway":{"marketCost":"0.3"}}})") << 0.1;
    QTest::newRow("vercel metadata marketCost over cost")
        << Gateway::Vercel << QByteArray(R"({"providerMetadata":{"gateway":{"cost":"0.2","marketCost":"0.3"}}})")
        << 0.3;
    QTest::newRow("vercel metadata cost alone, snake_case key")
        << Gateway::Vercel << QByteArray(R"({"provider_metadata":{"gateway":{"cost":"0.2"}}})") << 0.2;
    QTest::newRow("vercel metadata cost not a number")
        << Gateway::Vercel << QByteArray(R"({"providerMetadata":{"gateway":{"cost":"n/a"}}})") << -1.0;
    QTest::newRow("nothing") << Gateway::Vercel << QByteArray(R"({"choices":[]})") << -1.0;
}

void TestNormalizer::costRules()
{
    QFETCH(Gateway, gateway);
    QFETCH(QByteArray, body);
    QFETCH(double, cost);
    const NormalizedResponse r = normalizeBody(gateway, body);
    if (cost < 0) {
        QCOMPARE(r.costUsd, std::nullopt);
        QCOMPARE(r.costSource, CostSource::None);
    } else {
        QVERIFY(r.costUsd.has_value());
        QCOMPARE(*r.costUsd, cost);
        QCOMPARE(r.costSource, CostSource::Reported);
    }
}

void TestNormalizer::reasoningDetailsWithoutIndex()
{
    // Without an index, pieces of the same type merge; a different type opens its own entry.
    const NormalizedResponse r =
        normalizeStream(Gateway::OpenRouter, "data: "
                                             "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":[{\"type\":"
                                             "\"reasoning.text\",\"text\":\"a\"}]}}]}\n\n"
                                             "data: "
                                             "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":[{\"type\":"
                                             "\"reasoning.text\",\"text\":\"b\",\"signature\":null},"
                                             "{\"type\":\"reasoning.encrypted\",\"data\":\"xyz\"}]}}]}\n\n"
                                             "data: "
                                             "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":[{\"type\":"
                                             "\"reasoning.text\",\"text\":\"c\",\"signature\":\"s1\"},7]}}]}\n\n"
                                             "data: [DONE]\n\n");
    const QJsonArray expected =
        QJsonDocument::fromJson(
            R"([{"type":"reasoning.text","text":"abc","signature":"s1"},{"type":"reasoning.encrypted","data":"xyz"},7])")
            .array();
    QCOMPARE(r.reasoningDetails, expected);
}

void TestNormalizer::looksLikeSse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("sse");
    QTest::newRow("data line") << QByteArray("data: {}\n\n") << true;
    QTest::newRow("keep-alive first") << QByteArray(": OPENROUTER PROCESSING\n\n") << true;
    QTest::newRow("blank lines, then event") << QByteArray("\r\n\nevent: x\ndata: 1\n\n") << true;
    QTest::newRow("bom then data") << QByteArray("\xEF\xBB\xBF"
                                                 "data: 1\n\n")
                                   << true;
    QTest::newRow("json object") << QByteArray("  {\"id\": 1}") << false;
    QTest::newRow("json array") << QByteArray("[]") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("text") << QByteArray("hello") << false;
}

void TestNormalizer::looksLikeSse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, sse);
    QCOMPARE(gw::looksLikeSse(bytes), sse);
}

namespace {

QJsonObject normalizeWith(bool fastPath, Gateway gateway, QByteArrayView bytes)
{
    StreamNormalizer n(gateway);
    n.setFastPathEnabled(fastPath);
    n.feed(bytes);
    return toJson(n.finish());
}

QByteArray sse(const QList<QByteArray> &chunks)
{
    QByteArray s;
    for (const QByteArray &c : chunks)
        s += "data: " + c + "\n\n";
    return s + "data: [DONE]\n\n";
}

} // namespace

void TestNormalizer::fastPathMatchesGeneralPath_data()
{
    QTest::addColumn<QByteArray>("stream");
    for (const char *file : {"openrouter-stream-reasoning.sse", "openrouter-stream-byok.sse",
                             "openrouter-stream-midstream-error.sse", "vercel-stream-reasoning.sse"})
        QTest::newRow(file) << test::protocolFixture(file);
    // Chunks the scanner must decode exactly as QJsonDocument does, or hand over to it.
    QTest::newRow("escapes and unicode") << sse(
        {R"({"id":"g","choices":[{"index":0,"delta":{"content":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00 é😀"}}]})"});
    QTest::newRow("odd but valid types") << sse(
        {R"({"id":7,"model":null,"provider":["x"],"choices":[{"index":0,"delta":{"content":5,"reasoning":{"a":[1,-2.5,true,false,null]}},"finish_reason":null}]})",
         R"({"id":"g2","choices":{"index":0},"usage":null,"error":null})",
         R"({"choices":[{"index":0,"delta":null,"finish_reason":"length"}]})"});
    QTest::newRow("reasoning empty, reasoning_content set")
        << sse({R"({"choices":[{"index":0,"delta":{"reasoning":"","reasoning_content":"rc"}}]})",
                R"({"choices":[{"index":0,"delta":{"reasoning":"r","reasoning_content":"ignored"}}]})"});
    QTest::newRow("several choices and non-zero index")
        << sse({R"({"choices":[{"index":1,"delta":{"content":"one"}},{"index":0,"delta":{"content":"zero"}}]})",
                R"({"choices":[{"index":1,"delta":{"content":"only one"}}]})",
                R"({"choices":[{"delta":{"content":"no index"}}]})"});
    QTest::newRow("duplicate members") << sse({R"({"choices":[{"index":0,"delta":{"content":"a","content":"b"}}]})",
                                               R"({"provider":"A","provider":"B","choices":[]})"});
    QTest::newRow("numbers at the edges") << sse(
        {R"({"created":1e3,"choices":[{"index":0,"delta":{"content":"x"}}]})",
         R"({"created":-0.5,"n":123456789012345678901234567890,"choices":[{"index":0.0,"delta":{"content":"y"}}]})"});
    QTest::newRow("malformed chunks") << sse({R"({"choices":[{"index":0,"delta":{"content":"x"}}]} trailing)",
                                              R"({"choices":[{"index":0,"delta":{"content":"bad \x escape"}}]})",
                                              R"({"choices":[{"index":0,"delta":{"content":"lone \udc00"}}]})",
                                              R"({"choices":[{"index":0,"delta":{"content":"nul \u0000"}}]})",
                                              "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"raw \xff byte\"}}]}",
                                              R"({"choices":[{"index":01}]})", R"({"a":tru})", R"({)", R"([])",
                                              R"("str")", R"({"k" 1})"});
    QTest::newRow("provider metadata in the delta") << sse(
        {R"({"choices":[{"index":0,"delta":{"content":"x","provider_metadata":{"gateway":{"routing":{"finalProvider":"vertex"}}}}}]})"});
    QTest::newRow("escaped key") << sse({R"({"choi\u0063es":[{"index":0,"delta":{"content":"x"}}]})"});
}

void TestNormalizer::fastPathMatchesGeneralPath()
{
    QFETCH(QByteArray, stream);
    const QJsonObject general = normalizeWith(false, Gateway::OpenRouter, stream);
    const QJsonObject fast = normalizeWith(true, Gateway::OpenRouter, stream);
    if (fast != general)
        QFAIL(qPrintable(u"fast path:\n%1\ngeneral path:\n%2"_qs.arg(QString::fromUtf8(canonicalJson(fast)),
                                                                     QString::fromUtf8(canonicalJson(general)))));
}

void TestNormalizer::fastPathOnMutatedStreams()
{
    // Flip, drop or duplicate bytes of real streams: whatever the damage, both paths agree.
    QRandomGenerator rng(424242);
    const QByteArray original =
        test::protocolFixture("openrouter-stream-reasoning.sse") + test::protocolFixture("openrouter-stream-byok.sse");
    const char kNasty[] = "\"\\{}[],:0e-.u\xc3\xa9\xff\x01 nt";
    for (int round = 0; round < 400; ++round) {
        QByteArray bytes = original;
        for (int edits = 1 + int(rng.bounded(4)); edits > 0; --edits) {
            const qsizetype at = rng.bounded(int(bytes.size()));
            switch (rng.bounded(3)) {
            case 0: bytes[at] = kNasty[rng.bounded(int(sizeof(kNasty) - 1))]; break;
            case 1: bytes.remove(at, 1); break;
            default: bytes.insert(at, bytes.at(at)); break;
            }
        }
        const QJsonObject general = normalizeWith(false, Gateway::OpenRouter, bytes);
        const QJsonObject fast = normalizeWith(true, Gateway::OpenRouter, bytes);
        if (fast != general)
            QFAIL(qPrintable(u"round %1 differs; stream:\n%2"_qs.arg(round).arg(QString::fromUtf8(bytes))));
    }
}

void TestNormalizer::scannerTakesCommonChunks()
{
    // The equivalence tests above would pass with a scanner that refuses everything: make sure
    // the ordinary chunks really take the fast path, and the special ones really do not.
    detail::ScannedChunk c;
    QVERIFY(detail::scanChunk(R"({"id":"gen-1","provider":"Anthropic","model":"m","created":1740000000,
        "choices":[{"index":0,"delta":{"role":"assistant","content":"caf\u00e9 \"x\"","reasoning":null,
        "reasoning_details":[{"type":"reasoning.text","text":"t","index":0}]},"finish_reason":null,"logprobs":null}]})",
                              true, false, c));
    QCOMPARE(c.id, u"gen-1"_qs);
    QVERIFY(!c.hasModel); // not asked for
    QCOMPARE(c.provider, u"Anthropic"_qs);
    QCOMPARE(c.content, u"café \"x\""_qs);
    QVERIFY(!c.hasReasoning);
    QCOMPARE(c.reasoningDetails, QByteArrayView(R"([{"type":"reasoning.text","text":"t","index":0}])"));
    QVERIFY(!c.hasFinishReason);
    QVERIFY(detail::scanChunk(R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null})", true, true,
                              c));
    QCOMPARE(c.finishReason, u"stop"_qs);

    QVERIFY(!detail::scanChunk(R"({"choices":[],"usage":{"prompt_tokens":1}})", true, true, c));
    QVERIFY(!detail::scanChunk(R"({"error":{"code":502},"choices":[]})", true, true, c));
    QVERIFY(!detail::scanChunk(R"({"choices":[],"providerMetadata":{}})", true, true, c));
    QVERIFY(!detail::scanChunk(R"({"choices":[{"index":0,"delta":{"content":"x"}},{"index":1}]})", true, true, c));

    // Through the one lexer: pairs decode, a lone surrogate is refused (the general path decides).
    QVERIFY(detail::scanChunk(R"({"choices":[{"index":0,"delta":{"content":"\ud83d\ude00!"}}]})", true, true, c));
    QCOMPARE(c.content, QString::fromUtf8("\xF0\x9F\x98\x80!"));
    QVERIFY(!detail::scanChunk(R"({"choices":[{"index":0,"delta":{"content":"\ud83d!"}}]})", true, true, c));
    QVERIFY(!detail::scanChunk(R"({"x":18446744073709551617,"choices":[]})", true, true, c));
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
