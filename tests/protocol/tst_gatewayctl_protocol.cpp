// gatewayctl translate and normalize, run as the built binary: stdout, stderr and exit codes.

#include "protocol_fixtures.h"
#include "json/canonical_json.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run gatewayctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(GW_BINARY_DIR "/src/cli/gatewayctl"), args);
    if (!p.waitForFinished(30000))
        qFatal("gatewayctl did not finish: %s", qPrintable(p.errorString()));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QString data(const char *name)
{
    return gw::test::protocolDataPath(QString::fromLatin1(name));
}

} // namespace

class TestGatewayctlProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void translate();
    void translateErrors();
    void normalizeStream();
    void normalizeBodyWithEstimate();
    void normalizeErrors();
    void help();

private:
    QTemporaryDir m_dir;
    QString write(const char *name, const QByteArray &bytes);
};

QString TestGatewayctlProtocol::write(const char *name, const QByteArray &bytes)
{
    QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestGatewayctlProtocol::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(GW_BINARY_DIR "/src/cli/gatewayctl")), "build gatewayctl first");
}

void TestGatewayctlProtocol::translate()
{
    const QString request =
        write("request.json", R"({"model":"anthropic/claude-sonnet-4.5","stream":true,"usage":{"include":true},
        "messages":[{"role":"user","content":"hi"}],"models":["moonshotai/kimi-k2:free"],
        "provider":{"order":["amazon-bedrock"],"allow_fallbacks":false,"quantizations":["fp8"]}})");
    const Run r = gatewayctl({u"translate"_qs, request, u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject expected =
        jsonOf(R"({"model":"anthropic/claude-sonnet-4.5","stream":true,"stream_options":{"include_usage":true},
        "messages":[{"role":"user","content":"hi"}],
        "providerOptions":{"gateway":{"order":["bedrock"],"only":["bedrock"]}}})");
    QCOMPARE(jsonOf(r.out), expected);
    QCOMPARE(r.out, gw::canonicalJson(expected)); // canonical form, byte for byte
    QCOMPARE(
        r.err,
        request
            + u": warning: /models/0: fallback model \"moonshotai/kimi-k2:free\" has no Vercel mapping; dropped\n"_qs
            + request + u": warning: /provider/quantizations: no Vercel equivalent; dropped\n"_qs);
}

void TestGatewayctlProtocol::translateErrors()
{
    const QString broken = write("broken.json", "{\n  \"model\": \"x\",\n  \"stream\": tru\n}\n");
    Run r = gatewayctl({u"translate"_qs, broken, u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(broken + u":3:16: "_qs), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());

    const QString array = write("array.json", "[1]");
    r = gatewayctl({u"translate"_qs, array, u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, array + u":1:1: the request must be a JSON object\n"_qs);

    r = gatewayctl({u"translate"_qs, m_dir.filePath(u"missing.json"_qs), u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"missing.json: cannot read"_qs));

    const QString badConfig = write("config.json", R"({"models": {}})"); // schema_version is required
    r = gatewayctl({u"translate"_qs, array, u"--config"_qs, badConfig});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"config.json"_qs));

    r = gatewayctl({u"translate"_qs, array});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"--config is required"_qs));
    r = gatewayctl({u"translate"_qs, u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 2);
    r = gatewayctl({u"translate"_qs, array, array, u"--config"_qs, data("routing.json")});
    QCOMPARE(r.exitCode, 2);
}

void TestGatewayctlProtocol::normalizeStream()
{
    const Run r =
        gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"openrouter"_qs, data("openrouter-stream-reasoning.sse")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    const QJsonObject o = jsonOf(r.out);
    QCOMPARE(r.out, gw::canonicalJson(o));
    QCOMPARE(o.value(u"text").toString(), u"Autumn moonlight—\na worm digs silently\ninto the chestnut."_qs);
    QCOMPARE(o.value(u"cost_usd").toDouble(), 0.0030702);
    QCOMPARE(o.value(u"cost_source").toString(), u"reported"_qs);
    QCOMPARE(o.value(u"final_provider").toString(), u"Anthropic"_qs);
    QCOMPARE(o.value(u"keep_alives").toInt(), 3);
    QCOMPARE(o.value(u"usage").toObject().value(u"cached_tokens").toInt(), 1024);

    // A truncated stream is still a valid input: its result says so.
    QByteArray cut = gw::test::protocolFixture("openrouter-stream-reasoning.sse");
    cut.truncate(cut.indexOf("data: [DONE]"));
    const Run t = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"openrouter"_qs, write("cut.sse", cut)});
    QCOMPARE(t.exitCode, 0);
    QCOMPARE(jsonOf(t.out).value(u"error").toObject().value(u"code").toString(), u"truncated_stream"_qs);
}

void TestGatewayctlProtocol::normalizeBodyWithEstimate()
{
    // No cost in the body: with --catalog it is estimated from the price table.
    // grok-code-fast-1 on Vercel (2026-02-22): $0.20/M input, $1.50/M output; 500 and 100 tokens
    // -> 500 x 2e-7 + 100 x 1.5e-6 = 0.0001 + 0.00015.
    const QString body = write("body.json", R"({"id":"gen_x","model":"xai/grok-code-fast-1",
        "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
        "usage":{"prompt_tokens":500,"completion_tokens":100}})");
    Run r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, u"--catalog"_qs,
                        gw::test::sampleCatalogPath(u"vercel-models-2026-02-22.json"_qs), body});
    QCOMPARE(r.exitCode, 0);
    QJsonObject o = jsonOf(r.out);
    QCOMPARE(o.value(u"cost_source").toString(), u"estimated"_qs);
    QVERIFY(qAbs(o.value(u"cost_usd").toDouble() - 0.00025) < 1e-12);

    // Without the catalog: no cost, and it says so.
    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, body});
    QCOMPARE(r.exitCode, 0);
    o = jsonOf(r.out);
    QCOMPARE(o.value(u"cost_source").toString(), u"none"_qs);
    QVERIFY(o.value(u"cost_usd").isNull());

    // A reported cost is never replaced by an estimate.
    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, u"--catalog"_qs,
                    gw::test::sampleCatalogPath(u"vercel-models-2026-02-22.json"_qs),
                    data("vercel-body-metadata.json")});
    QCOMPARE(jsonOf(r.out).value(u"cost_source").toString(), u"reported"_qs);
}

void TestGatewayctlProtocol::normalizeErrors()
{
    const QString garbage = write("garbage.txt", "hello\nworld\n");
    Run r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, garbage});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(garbage + u":1:1: "_qs), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());

    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"bing"_qs, garbage});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"unknown gateway \"bing\""_qs));
    r = gatewayctl({u"normalize"_qs, garbage});
    QCOMPARE(r.exitCode, 2);
    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs});
    QCOMPARE(r.exitCode, 2);
    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, m_dir.filePath(u"nope.sse"_qs)});
    QCOMPARE(r.exitCode, 1);

    // An error body is a valid input: exit 0, the error classified in the output.
    const QString errorBody =
        write("error.json", R"({"error":{"message":"Quota exceeded","type":"quota_for_entity_exceeded"}})");
    r = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"vercel"_qs, errorBody});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonOf(r.out).value(u"error").toObject().value(u"class").toString(), u"quota_exceeded"_qs);
}

void TestGatewayctlProtocol::help()
{
    for (const QString &command : {u"translate"_qs, u"normalize"_qs}) {
        const Run r = gatewayctl({command, u"--help"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage:"));
        QVERIFY(r.out.contains(command == u"translate" ? "--config" : "--gateway"));
    }
    const Run top = gatewayctl({u"--help"_qs});
    QVERIFY(top.out.contains("translate"));
    QVERIFY(top.out.contains("normalize"));
}

QTEST_GUILESS_MAIN(TestGatewayctlProtocol)
#include "tst_gatewayctl_protocol.moc"
