// Every error class from both gateways' error bodies, plus bodies that are not what they should be.

#include "protocol/gateway_error.h"

#include <QJsonObject>
#include <QTest>

using namespace gw;

Q_DECLARE_METATYPE(gw::Gateway)
Q_DECLARE_METATYPE(gw::ErrorClass)

class TestGatewayError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classNames();
    void classify_data();
    void classify();
    void retryAfter();
    void messageKept();
    void midStreamObjectUsesEmbeddedCode();
};

void TestGatewayError::classNames()
{
    const QList<std::pair<ErrorClass, QString>> expected = {
        {ErrorClass::None, u"none"_qs},
        {ErrorClass::Auth, u"auth"_qs},
        {ErrorClass::InsufficientCredits, u"insufficient_credits"_qs},
        {ErrorClass::QuotaExceeded, u"quota_exceeded"_qs},
        {ErrorClass::RateLimited, u"rate_limited"_qs},
        {ErrorClass::ContextLength, u"context_length"_qs},
        {ErrorClass::ModelNotFound, u"model_not_found"_qs},
        {ErrorClass::ProviderUnavailable, u"provider_unavailable"_qs},
        {ErrorClass::Moderation, u"moderation"_qs},
        {ErrorClass::BadRequest, u"bad_request"_qs},
        {ErrorClass::Timeout, u"timeout"_qs},
        {ErrorClass::Server, u"server"_qs},
        {ErrorClass::Network, u"network"_qs},
        {ErrorClass::Protocol, u"protocol"_qs},
    };
    for (const auto &[cls, name] : expected) {
        QCOMPARE(errorClassName(cls), name);
        QCOMPARE(parseErrorClass(name), std::optional<ErrorClass>(cls));
    }
    QCOMPARE(parseErrorClass(u"RateLimited"), std::nullopt);
}

void TestGatewayError::classify_data()
{
    QTest::addColumn<Gateway>("gateway");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorClass>("cls");
    QTest::addColumn<QString>("code");

    const Gateway o = Gateway::OpenRouter;
    const Gateway v = Gateway::Vercel;
    // OpenRouter: {"error": {"code": <status>, "message", "metadata": {"error_type", ...}}}
    QTest::newRow("or 400 invalid request")
        << o << 400
        << QByteArray(
               R"({"error":{"code":400,"message":"Invalid request: 'messages' must contain at least one message","metadata":{"error_type":"invalid_request"}}})")
        << ErrorClass::BadRequest << u"invalid_request"_qs;
    QTest::newRow("or 400 context length by message")
        << o << 400
        << QByteArray(
               R"({"error":{"code":400,"message":"This endpoint's maximum context length is 8192 tokens. However, you requested about 12000 tokens."}})")
        << ErrorClass::ContextLength << u"400"_qs;
    QTest::newRow("or 400 context length by error_type")
        << o << 400
        << QByteArray(
               R"({"error":{"code":400,"message":"Too long","metadata":{"error_type":"context_length_exceeded"}}})")
        << ErrorClass::ContextLength << u"context_length_exceeded"_qs;
    QTest::newRow("or 400 provider raw says prompt too long")
        << o << 400
        << QByteArray(
               R"({"error":{"code":400,"message":"Provider returned error","metadata":{"provider_name":"Anthropic","raw":"{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}"}}})")
        << ErrorClass::ContextLength << u"400"_qs;
    QTest::newRow("or 400 invalid model id")
        << o << 400 << QByteArray(R"({"error":{"code":400,"message":"foo/bar-9000 is not a valid model ID"}})")
        << ErrorClass::ModelNotFound << u"400"_qs;
    QTest::newRow("or 401") << o << 401 << QByteArray(R"({"error":{"code":401,"message":"No auth credentials found"}})")
                            << ErrorClass::Auth << u"401"_qs;
    QTest::newRow("or 402 no credits")
        << o << 402
        << QByteArray(
               R"({"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/settings/credits"}})")
        << ErrorClass::InsufficientCredits << u"402"_qs;
    QTest::newRow("or 402 key limit")
        << o << 402
        << QByteArray(
               R"({"error":{"code":402,"message":"Key limit exceeded","metadata":{"error_type":"key_limit_exceeded"}}})")
        << ErrorClass::QuotaExceeded << u"key_limit_exceeded"_qs;
    QTest::newRow("or 403 moderation")
        << o << 403
        << QByteArray(
               R"({"error":{"code":403,"message":"Input was flagged","metadata":{"reasons":["violence"],"flagged_input":"...","provider_name":"OpenAI","model_slug":"openai/gpt-4o"}}})")
        << ErrorClass::Moderation << u"403"_qs;
    QTest::newRow("or 404 no endpoints")
        << o << 404
        << QByteArray(
               R"({"error":{"code":404,"message":"No endpoints found matching your data policy (Free model publication)."}})")
        << ErrorClass::ProviderUnavailable << u"404"_qs;
    QTest::newRow("or 408") << o << 408 << QByteArray(R"({"error":{"code":408,"message":"Request timed out"}})")
                            << ErrorClass::Timeout << u"408"_qs;
    QTest::newRow("or 429")
        << o << 429
        << QByteArray(
               R"({"error":{"code":429,"message":"Rate limit exceeded: free-models-per-day","metadata":{"error_type":"rate_limit_exceeded","provider_code":429}}})")
        << ErrorClass::RateLimited << u"rate_limit_exceeded"_qs;
    QTest::newRow("or 500") << o << 500 << QByteArray(R"({"error":{"code":500,"message":"Internal Server Error"}})")
                            << ErrorClass::Server << u"500"_qs;
    QTest::newRow("or 502")
        << o << 502
        << QByteArray(
               R"({"error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"Together","raw":"upstream error"}}})")
        << ErrorClass::ProviderUnavailable << u"502"_qs;
    QTest::newRow("or 503")
        << o << 503
        << QByteArray(
               R"({"error":{"code":503,"message":"No allowed providers are available for the selected model."}})")
        << ErrorClass::ProviderUnavailable << u"503"_qs;
    QTest::newRow("or 524") << o << 524 << QByteArray(R"({"error":{"code":524,"message":"Provider timed out"}})")
                            << ErrorClass::Timeout << u"524"_qs;
    QTest::newRow("or 529") << o << 529 << QByteArray(R"({"error":{"code":529,"message":"Provider is overloaded"}})")
                            << ErrorClass::ProviderUnavailable << u"529"_qs;

    // Vercel: {"error": {"message", "type"}}
    QTest::newRow("v 400 invalid_request_error")
        << v << 400
        << QByteArray(R"({"error":{"message":"Invalid JSON in request body","type":"invalid_request_error"}})")
        << ErrorClass::BadRequest << u"invalid_request_error"_qs;
    QTest::newRow("v 400 context by message")
        << v << 400
        << QByteArray(
               R"({"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error"}})")
        << ErrorClass::ContextLength << u"invalid_request_error"_qs;
    QTest::newRow("v 400 context_length_exceeded")
        << v << 400 << QByteArray(R"({"error":{"message":"Input too long","type":"context_length_exceeded"}})")
        << ErrorClass::ContextLength << u"context_length_exceeded"_qs;
    QTest::newRow("v 401 authentication_error")
        << v << 401 << QByteArray(R"({"error":{"message":"Invalid API key","type":"authentication_error"}})")
        << ErrorClass::Auth << u"authentication_error"_qs;
    QTest::newRow("v 402 no credits")
        << v << 402
        << QByteArray(
               R"({"error":{"message":"Insufficient funds. Please add credits to your account to continue.","type":"insufficient_funds"}})")
        << ErrorClass::InsufficientCredits << u"insufficient_funds"_qs;
    QTest::newRow("v 402 no type") << v << 402 << QByteArray(R"({"error":{"message":"Payment required"}})")
                                   << ErrorClass::InsufficientCredits << QString();
    QTest::newRow("v 402 budget")
        << v << 402
        << QByteArray(R"({"error":{"message":"Quota exceeded for this entity","type":"quota_for_entity_exceeded"}})")
        << ErrorClass::QuotaExceeded << u"quota_for_entity_exceeded"_qs;
    QTest::newRow("v 403 verification")
        << v << 403
        << QByteArray(
               R"({"error":{"message":"Customer verification required","type":"customer_verification_required"}})")
        << ErrorClass::Auth << u"customer_verification_required"_qs;
    QTest::newRow("v 404 model_not_found")
        << v << 404 << QByteArray(R"({"error":{"message":"Model 'xai/grok-9' not found","type":"model_not_found"}})")
        << ErrorClass::ModelNotFound << u"model_not_found"_qs;
    QTest::newRow("v 408 timeout_error") << v << 408
                                         << QByteArray(
                                                R"({"error":{"message":"Request timed out","type":"timeout_error"}})")
                                         << ErrorClass::Timeout << u"timeout_error"_qs;
    QTest::newRow("v 429 rate_limit_exceeded")
        << v << 429 << QByteArray(R"({"error":{"message":"Rate limit exceeded","type":"rate_limit_exceeded"}})")
        << ErrorClass::RateLimited << u"rate_limit_exceeded"_qs;
    QTest::newRow("v 500 internal")
        << v << 500 << QByteArray(R"({"error":{"message":"Internal server error","type":"internal_server_error"}})")
        << ErrorClass::Server << u"internal_server_error"_qs;
    QTest::newRow("v 503")
        << v << 503
        << QByteArray(R"({"error":{"message":"No providers available for this model","type":"service_unavailable"}})")
        << ErrorClass::ProviderUnavailable << u"service_unavailable"_qs;

    // Bodies that are not the documented shape still classify, by status.
    QTest::newRow("html 502 page") << o << 502 << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                   << ErrorClass::ProviderUnavailable << u"502"_qs;
    QTest::newRow("empty 429") << v << 429 << QByteArray() << ErrorClass::RateLimited << u"429"_qs;
    QTest::newRow("truncated json 402") << o << 402 << QByteArray(R"({"error":{"code":402,"mess)")
                                        << ErrorClass::InsufficientCredits << u"402"_qs;
    QTest::newRow("json array 401") << v << 401 << QByteArray("[1,2,3]") << ErrorClass::Auth << u"401"_qs;
    QTest::newRow("error as string") << o << 401 << QByteArray(R"({"error":"Unauthorized"})") << ErrorClass::Auth
                                     << QString();
    QTest::newRow("code as string") << o << 429 << QByteArray(R"({"error":{"code":"429","message":"slow down"}})")
                                    << ErrorClass::RateLimited << u"429"_qs;
    QTest::newRow("or 403 empty body") << o << 403 << QByteArray() << ErrorClass::Moderation << u"403"_qs;
    QTest::newRow("v 403 empty body") << v << 403 << QByteArray() << ErrorClass::Auth << u"403"_qs;
    QTest::newRow("unusual 418") << o << 418 << QByteArray("teapot") << ErrorClass::BadRequest << u"418"_qs;
    QTest::newRow("unusual 599") << v << 599 << QByteArray("{}") << ErrorClass::Server << u"599"_qs;
    QTest::newRow("504 no body") << v << 504 << QByteArray() << ErrorClass::Timeout << u"504"_qs;
    QTest::newRow("binary garbage") << o << 500 << QByteArray("\x00\xff\xfe{\"error\"", 10) << ErrorClass::Server
                                    << u"500"_qs;
}

void TestGatewayError::classify()
{
    QFETCH(Gateway, gateway);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorClass, cls);
    QFETCH(QString, code);
    const GatewayError e = classifyHttpError(gateway, status, body);
    QCOMPARE(errorClassName(e.cls), errorClassName(cls));
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.code, code);
    QCOMPARE(e.midStream, false);
    QCOMPARE(e.retryAfterSeconds, std::nullopt);
}

void TestGatewayError::retryAfter()
{
    const QByteArray body = R"({"error":{"message":"Rate limit exceeded","type":"rate_limit_exceeded"}})";
    QCOMPARE(classifyHttpError(Gateway::Vercel, 429, body, 30).retryAfterSeconds, std::optional<int>(30));
    QCOMPARE(classifyHttpError(Gateway::OpenRouter, 429, "garbage", 7).retryAfterSeconds, std::optional<int>(7));
    QCOMPARE(classifyHttpError(Gateway::OpenRouter, 429, body, -5).retryAfterSeconds, std::nullopt);
}

void TestGatewayError::messageKept()
{
    const GatewayError e =
        classifyHttpError(Gateway::OpenRouter, 402, R"({"error":{"code":402,"message":"Insufficient credits"}})");
    QCOMPARE(e.message, u"Insufficient credits"_qs);
    // A non-JSON body becomes a short, single-line excerpt, never the whole page.
    const QByteArray page = "<html>\n<body>\n" + QByteArray(1000, 'x') + "</body></html>";
    const GatewayError html = classifyHttpError(Gateway::Vercel, 502, page);
    QVERIFY(html.message.startsWith(u"<html> <body> xxx"_qs));
    QCOMPARE(html.message.size(), 201); // 200 characters and the ellipsis
}

void TestGatewayError::midStreamObjectUsesEmbeddedCode()
{
    // OpenRouter's error chunk arrives under HTTP 200; its own code says what happened.
    const QJsonObject error{{u"code"_qs, 429}, {u"message"_qs, u"Rate limited upstream"_qs}};
    const GatewayError e = classifyErrorObject(Gateway::OpenRouter, 200, error);
    QCOMPARE(e.cls, ErrorClass::RateLimited);
    QCOMPARE(e.httpStatus, 200);
    QCOMPARE(e.code, u"429"_qs);
    const GatewayError unknown = classifyErrorObject(Gateway::OpenRouter, 200, QJsonObject{{u"message"_qs, u"?"_qs}});
    QCOMPARE(unknown.cls, ErrorClass::Server);
}

QTEST_GUILESS_MAIN(TestGatewayError)
#include "tst_gateway_error.moc"
