// gatewayctl end to end: the real binary, its output, its files and its exit codes
// (0 ok, 1 invalid input, 2 usage error).

#include "config/config_io.h"
#include "gatewayctl_run.h"
#include "json/json_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

namespace {

using gwtest::gatewayctl;
using gwtest::Run;

QJsonValue json(const QString &text)
{
    const JsonSource s = parseJsonSource(text.toUtf8(), QString());
    return s.ok() ? s.root : QJsonValue();
}

const QString kSample = QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/routing.json");
const QString kCatalogs = QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/");

} // namespace

class TestGatewayctl : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write test file");
        return path;
    }

private Q_SLOTS:
    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("inOutput");
        QTest::newRow("no command") << QStringList{} << 2 << u"Usage: gatewayctl COMMAND"_qs;
        QTest::newRow("help") << QStringList{u"--help"_qs} << 0 << u"map-models"_qs;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_qs} << 2 << u"unknown command \"frobnicate\""_qs;
        QTest::newRow("validate without file") << QStringList{u"validate"_qs} << 2 << u"validate: missing argument"_qs;
        QTest::newRow("decide without model")
            << QStringList{u"decide"_qs, kSample, u"--user"_qs, u"a"_qs} << 2 << u"--model is required"_qs;
        QTest::newRow("decide without key")
            << QStringList{u"decide"_qs, kSample, u"--model"_qs, u"a/b"_qs} << 2 << u"give --user, --task or both"_qs;
        QTest::newRow("one error rate") << QStringList{
            u"decide"_qs, kSample, u"--model"_qs, u"a/b"_qs, u"--user"_qs, u"u"_qs, u"--openrouter-error-rate"_qs,
            u"0.5"_qs} << 2 << u"both error rates"_qs;
        QTest::newRow("rate out of range") << QStringList{u"decide"_qs,
                                                          kSample,
                                                          u"--model"_qs,
                                                          u"a/b"_qs,
                                                          u"--user"_qs,
                                                          u"u"_qs,
                                                          u"--openrouter-error-rate"_qs,
                                                          u"2"_qs,
                                                          u"--vercel-error-rate"_qs,
                                                          u"0"_qs}
                                           << 2 << u"takes a fraction from 0 to 1"_qs;
        QTest::newRow("bad now") << QStringList{u"decide"_qs, kSample, u"--model"_qs, u"a/b"_qs,
                                                u"--user"_qs, u"u"_qs, u"--now"_qs,   u"tomorrow"_qs}
                                 << 2 << u"not an RFC 3339 timestamp"_qs;
        QTest::newRow("bad users") << QStringList{u"simulate"_qs, kSample, u"--users"_qs, u"many"_qs} << 2
                                   << u"positive whole number"_qs;
        QTest::newRow("bad profile") << QStringList{u"export"_qs, kSample, u"--profile"_qs, u"yaml"_qs} << 2
                                     << u"unknown profile \"yaml\""_qs;
        QTest::newRow("unknown option") << QStringList{u"validate"_qs, kSample, u"--strict"_qs} << 2
                                        << u"Unknown option"_qs;
        // An empty gateway URL used to fall back silently to the real gateway (issue 18).
        QTest::newRow("chat empty base-url")
            << QStringList{u"chat"_qs,     u"--gateway"_qs, u"openrouter"_qs, u"--model"_qs, u"a/b"_qs,
                           u"--prompt"_qs, u"hi"_qs,        u"--base-url"_qs, QString()}
            << 2 << u"chat: --base-url is empty"_qs;
        QTest::newRow("balance empty base-url")
            << QStringList{u"balance"_qs, u"--gateway"_qs, u"vercel"_qs, u"--base-url"_qs, QString()} << 2
            << u"balance: --base-url is empty"_qs;
        QTest::newRow("chat bad base-url")
            << QStringList{u"chat"_qs,     u"--gateway"_qs, u"openrouter"_qs, u"--model"_qs, u"a/b"_qs,
                           u"--prompt"_qs, u"hi"_qs,        u"--base-url"_qs, u"ftp://x"_qs}
            << 2 << u"is not an http(s) URL"_qs;
        QTest::newRow("bench-prompts empty url") << QStringList{u"bench-prompts"_qs, u"suite.jsonl"_qs,  u"--models"_qs,
                                                                u"a/b"_qs,           u"--vercel-url"_qs, QString()}
                                                 << 2 << u"bench-prompts: --vercel-url is empty"_qs;
        for (const char16_t *command : {u"validate", u"decide", u"simulate", u"export", u"map-models"})
            QTest::addRow("%s --help", qPrintable(QString::fromUtf16(command)))
                << QStringList{QString::fromUtf16(command), u"--help"_qs} << 0 << u"Usage:"_qs;
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, inOutput);
        const Run r = gatewayctl(args);
        QCOMPARE(r.exitCode, exitCode);
        const QString all = r.out + r.err;
        QVERIFY2(all.contains(inOutput), qPrintable(all));
    }

    void validate()
    {
        const Run ok = gatewayctl({u"validate"_qs, kSample});
        QCOMPARE(ok.exitCode, 0);
        const RoutingConfig sample = *loadConfigFile(kSample).config;
        QCOMPARE(
            ok.out,
            u"%1: valid (%2 rules, %3 models)\n"_qs.arg(kSample).arg(sample.rules.size()).arg(sample.models.size()));

        const QString bad = write(
            u"bad.json"_qs, "{\n  \"schema_version\": 1,\n  \"default_share\": {\"paid\": 130},\n  \"rules\": 5\n}\n");
        const Run r = gatewayctl({u"validate"_qs, bad});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(
            r.err,
            u"%1:3:29: /default_share/paid: 130 is above 100\n%1:4:12: /rules: expected an array of rules, found a number\n"_qs
                .arg(bad));

        const Run missing = gatewayctl({u"validate"_qs, m_dir.filePath(u"nope.json"_qs)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"cannot read the file"_qs));
    }

    void decide()
    {
        const QString config = write(u"decide.json"_qs, "{\"schema_version\": 1, \"default_share\": {\"paid\": 52},"
                                                        " \"models\": {\"a/m\": {\"vercel\": \"v/m\"}}}");
        const Run r = gatewayctl({u"decide"_qs, config, u"--model"_qs, u"a/m"_qs, u"--user"_qs, u"user-123"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r.out).toObject();
        QCOMPARE(o.value(u"gateway").toString(), u"vercel"_qs);
        QCOMPARE(o.value(u"upstream_model").toString(), u"v/m"_qs);
        QCOMPARE(o.value(u"bucket").toDouble(), 51.965);
        QCOMPARE(o.value(u"share").toDouble(), 52.0);
        QCOMPARE(o.value(u"reason").toString(), u"default:paid"_qs);
        QCOMPARE(o.keys(), (QStringList{u"bucket"_qs, u"gateway"_qs, u"reason"_qs, u"share"_qs, u"upstream_model"_qs}));

        // The task is the sticky key; --explain adds the steps.
        const Run t = gatewayctl({u"decide"_qs, config, u"--model"_qs, u"a/m"_qs, u"--user"_qs, u"x"_qs, u"--task"_qs,
                                  u"task-42"_qs, u"--explain"_qs});
        QCOMPARE(json(t.out).toObject().value(u"bucket").toDouble(), 50.798);
        QVERIFY(json(t.out).toObject().value(u"why").toArray().size() >= 5);

        const Run invalid =
            gatewayctl({u"decide"_qs, write(u"x.json"_qs, "{}"), u"--model"_qs, u"a/m"_qs, u"--user"_qs, u"u"_qs});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY(invalid.err.contains(u"missing required member \"schema_version\""_qs));
    }

    void simulate()
    {
        const QString before =
            write(u"before.json"_qs, "{\"schema_version\": 1, \"default_share\": {\"paid\": 3},"
                                     " \"models\": {\"a/m\": {\"vercel\": \"a/m\"}, \"b/m\": {\"vercel\": null}}}");
        const QString after =
            write(u"after.json"_qs, "{\"schema_version\": 1, \"default_share\": {\"paid\": 10},"
                                    " \"models\": {\"a/m\": {\"vercel\": \"a/m\"}, \"b/m\": {\"vercel\": null}}}");
        const Run r =
            gatewayctl({u"simulate"_qs, after, u"--users"_qs, u"5000"_qs, u"--against"_qs, before, u"--json"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r.out).toObject();
        const QJsonArray models = o.value(u"models").toArray();
        QCOMPARE(models.size(), 2);
        QCOMPARE(models.at(1).toObject().value(u"vercel").toInt(-1), 0); // b/m is not on Vercel
        const QJsonObject total = o.value(u"total").toObject();
        QCOMPARE(total.value(u"vercel").toInt() + total.value(u"openrouter").toInt(), 10000);
        QVERIFY(std::abs(models.at(0).toObject().value(u"vercel_percent").toDouble() - 10) < 1.5);
        QCOMPARE(o.value(u"churn").toObject().value(u"to_openrouter").toInt(-1), 0);
        QCOMPARE(o.value(u"churn").toObject().value(u"to_vercel").toInt(),
                 models.at(0).toObject().value(u"changed").toInt());
        QVERIFY(r.err.contains(u"decisions in"_qs));

        const Run table = gatewayctl({u"simulate"_qs, after, u"--users"_qs, u"100"_qs, u"--models"_qs, u"a/m"_qs});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith(u"model"_qs));
        QVERIFY(table.out.contains(u"\nall "_qs));
    }

    void exportProfiles()
    {
        const QString out = m_dir.filePath(u"native.json"_qs);
        const Run r = gatewayctl({u"export"_qs, kSample, u"--profile"_qs, u"native"_qs, u"-o"_qs, out});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), canonicalConfigBytes(*loadConfigFile(kSample).config));

        // The sample has shares and failover: kilo-gateway refuses unless asked, naming what is lost.
        const QString kiloPath = m_dir.filePath(u"kilo.json"_qs);
        const Run refused =
            gatewayctl({u"export"_qs, kSample, u"--profile"_qs, u"kilo-gateway"_qs, u"-o"_qs, kiloPath});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(u"cannot express: failover boost"_qs));
        QVERIFY(!QFile::exists(kiloPath)); // nothing half-written
        const Run lossy = gatewayctl({u"export"_qs, kSample, u"--profile"_qs, u"kilo-gateway"_qs, u"--allow-lossy"_qs});
        QCOMPARE(lossy.exitCode, 0);
        QVERIFY(lossy.err.contains(u"lost: "_qs));
        QVERIFY(json(lossy.out).toObject().contains(u"vercel_routing_percentage"_qs));

        const Run vectors = gatewayctl(
            {u"export"_qs, kSample, u"--profile"_qs, u"vectors"_qs, u"--now"_qs, u"2026-11-23T20:00:00Z"_qs});
        QCOMPARE(vectors.exitCode, 0);
        QVERIFY(json(vectors.out).toObject().value(u"cases").toArray().size() > 100);
    }

    void mapModels()
    {
        const Run r = gatewayctl({u"map-models"_qs, kCatalogs + u"openrouter-models-2026-02-27.json"_qs,
                                  kCatalogs + u"vercel-models-2026-02-22.json"_qs, u"--config"_qs, kSample});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray entries = json(r.out).toArray();
        QCOMPARE(entries.size(), 343);
        int confirmed = 0;
        for (const QJsonValue &e : entries)
            confirmed += e.toObject().value(u"config").toString() == u"confirmed";
        QVERIFY(confirmed > 0);
        QVERIFY(r.err.contains(u"of 343 OpenRouter ids mapped"_qs));

        const Run bad = gatewayctl({u"map-models"_qs, write(u"broken.json"_qs, "{\"data\": ["),
                                    kCatalogs + u"vercel-models-2026-02-22.json"_qs});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(u"broken.json"_qs));
    }

    // An empty catalog list used to exit 1 without a word (issue 18): the message names the file.
    void emptyCatalogIsNamed()
    {
        const QString empty = write(u"empty-catalog.json"_qs, "[]");
        const QString vercel = kCatalogs + u"vercel-models-2026-02-22.json"_qs;
        const QString openrouter = kCatalogs + u"openrouter-models-2026-02-27.json"_qs;
        for (const QStringList &args :
             {QStringList{u"map-models"_qs, empty, vercel}, QStringList{u"map-models"_qs, openrouter, empty}}) {
            const Run r = gatewayctl(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(empty + u": the catalog lists no models"_qs), qPrintable(r.err));
        }
        const QString body = write(
            u"body.json"_qs,
            R"({"id":"gen-1","model":"a/b","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})");
        const Run n = gatewayctl({u"normalize"_qs, u"--gateway"_qs, u"openrouter"_qs, body, u"--catalog"_qs, empty});
        QCOMPARE(n.exitCode, 1);
        QVERIFY2(n.err.contains(empty + u": the catalog lists no models"_qs), qPrintable(n.err));
    }
};

QTEST_GUILESS_MAIN(TestGatewayctl)
#include "tst_gatewayctl.moc"
