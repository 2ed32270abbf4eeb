// Validation: every class of error with its message, path and position; defaults; warnings.

#include "config/config_io.h"
#include "test_configs.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gw;

class TestConfigLoad : public QObject {
    Q_OBJECT

    static QStringList errorsOf(const QByteArray &json)
    {
        const ConfigLoadResult r = loadConfig(json, u"routing.json"_qs);
        QStringList out;
        for (const Diagnostic &d : r.diagnostics)
            if (d.isError())
                out << d.path + u": "_qs + d.message;
        return out;
    }

private Q_SLOTS:
    void minimalConfigGetsDefaults()
    {
        const ConfigLoadResult r = loadConfig("{\"schema_version\": 1}", u"routing.json"_qs);
        QVERIFY(r.config);
        QVERIFY(r.diagnostics.isEmpty());
        const RoutingConfig &c = *r.config;
        QCOMPARE(c.cohort, u"vercel"_qs);
        QCOMPARE(c.stickyKey, StickyKey::TaskOrUser);
        QVERIFY(c.openrouterEnabled && c.vercelEnabled);
        QCOMPARE(c.defaultSharePaid, 0.0);
        QCOMPARE(c.defaultShareFree, 0.0);
        QVERIFY(!c.failover.enabled);
        QCOMPARE(c.failover.windowMinutes, 10);
        QCOMPARE(c.failover.errorRateThreshold, 0.5);
        QCOMPARE(c.failover.boostedVercelShare, 90.0);
        QCOMPARE(c.failover.retryOtherGateway.onStatus, (QList<int>{429, 500, 502, 503, 504}));
        QVERIFY(c.rules.isEmpty() && c.models.isEmpty() && c.providers.isEmpty());
    }

    void contractExampleLoads()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        QCOMPARE(c.revision, 17);
        QCOMPARE(c.rules.size(), 3);
        QCOMPARE(c.rules.at(0).expiresAt, test::at("2026-11-24T00:00:00Z"));
        QCOMPARE(c.rules.at(1).action.vercelShare, std::optional<double>(5.0));
        QCOMPARE(c.rules.at(2).action.gateway, std::optional<Gateway>(Gateway::OpenRouter));
        QCOMPARE(c.models.value(u"x-ai/grok-code-fast-1"_qs).vercel,
                 std::optional<QString>(u"xai/grok-code-fast-1"_qs));
        QVERIFY(!c.models.value(u"moonshotai/kimi-k2:free"_qs).vercel);
        QCOMPARE(c.providers.value(u"z-ai"_qs), std::optional<QString>(u"zai"_qs));
    }

    // The message format of the issue, with line and column of the offending value.
    void reportsLineColumnAndPath()
    {
        const QByteArray json =
            "{\n  \"schema_version\": 1,\n  \"rules\": [\n"
            "    {\"id\": \"a\", \"match\": {\"models\": [\"x/*\"]}, \"action\": {\"vercel_share\": 130}}\n"
            "  ]\n}\n";
        const ConfigLoadResult r = loadConfig(json, u"routing.json"_qs);
        QVERIFY(!r.config);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().toString(),
                 u"routing.json:4:74: /rules/0/action/vercel_share: 130 is above 100"_qs);
    }

    void errorClasses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("errors");
        const auto rule = [](const char *body) -> QByteArray {
            return QByteArray("{\"schema_version\": 1, \"rules\": [") + body + "]}";
        };
        QTest::newRow("syntax") << QByteArray("{\"schema_version\": 1,}")
                                << QStringList{
                                       u": JSON syntax error: expected a member name in double quotes, found '}'"_qs};
        QTest::newRow("not an object") << QByteArray("[1]")
                                       << QStringList{u": the config must be a JSON object, found an array"_qs};
        QTest::newRow("missing schema_version")
            << QByteArray("{}") << QStringList{u": missing required member \"schema_version\""_qs};
        QTest::newRow("unsupported version")
            << QByteArray("{\"schema_version\": 2}")
            << QStringList{u"/schema_version: unsupported schema version 2 (this build reads version 1)"_qs};
        QTest::newRow("unknown key")
            << QByteArray("{\"schema_version\": 1, \"colour\": \"red\"}")
            << QStringList{
                   u"/colour: unknown member \"colour\" (allowed here: schema_version, revision, updated_at, updated_by, note, cohort, sticky_key, gateways, default_share, rules, failover, models, providers, content_sha256)"_qs};
        QTest::newRow("wrong type") << QByteArray("{\"schema_version\": 1, \"default_share\": {\"paid\": \"3\"}}")
                                    << QStringList{u"/default_share/paid: expected a number, found a string"_qs};
        QTest::newRow("share below 0") << QByteArray("{\"schema_version\": 1, \"default_share\": {\"free\": -1}}")
                                       << QStringList{u"/default_share/free: -1 is below 0"_qs};
        QTest::newRow("share precision")
            << QByteArray("{\"schema_version\": 1, \"default_share\": {\"paid\": 2.0005}}")
            << QStringList{u"/default_share/paid: 2.0005 has more than 3 decimals (shares step by 0.001)"_qs};
        QTest::newRow("not whole") << QByteArray("{\"schema_version\": 1, \"revision\": 1.5}")
                                   << QStringList{u"/revision: 1.5 is not a whole number"_qs};
        QTest::newRow("enum") << QByteArray("{\"schema_version\": 1, \"sticky_key\": \"task\"}")
                              << QStringList{u"/sticky_key: \"task\" is not one of \"task_or_user\", \"user\""_qs};
        QTest::newRow("empty cohort") << QByteArray("{\"schema_version\": 1, \"cohort\": \"\"}")
                                      << QStringList{u"/cohort: must not be empty"_qs};
        QTest::newRow("bad timestamp")
            << QByteArray("{\"schema_version\": 1, \"updated_at\": \"2026-11-23 20:00\"}")
            << QStringList{
                   u"/updated_at: \"2026-11-23 20:00\" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z"_qs};
        QTest::newRow("impossible date")
            << QByteArray("{\"schema_version\": 1, \"updated_at\": \"2026-02-30T00:00:00Z\"}")
            << QStringList{
                   u"/updated_at: \"2026-02-30T00:00:00Z\" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z"_qs};
        QTest::newRow("both gateways off")
            << QByteArray("{\"schema_version\": 1, \"gateways\": {\"openrouter\": {\"enabled\": false}, \"vercel\": "
                          "{\"enabled\": false}}}")
            << QStringList{u"/gateways: both gateways are disabled: at least one must carry traffic"_qs};
        QTest::newRow("rule without id") << rule(
            "{\"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"vercel\"}}")
                                         << QStringList{u"/rules/0: missing required member \"id\""_qs};
        QTest::newRow("bad rule id")
            << rule("{\"id\": \"a b\", \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{
                   u"/rules/0/id: \"a b\" is not a valid rule id (letters, digits, '.', '_', ':' and '-'; starting with a letter or digit)"_qs};
        QTest::newRow("duplicate rule id")
            << rule("{\"id\": \"a\", \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"vercel\"}},\n"
                    "                       {\"id\": \"a\", \"match\": {\"class\": \"paid\"}, \"action\": "
                    "{\"gateway\": \"vercel\"}}")
            << QStringList{u"/rules/1/id: rule id \"a\" is used by an earlier rule"_qs};
        QTest::newRow("empty match")
            << rule("{\"id\": \"a\", \"match\": {}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{
                   u"/rules/0/match: empty match: name at least one of models, providers, class, users, features"_qs};
        QTest::newRow("empty list")
            << rule("{\"id\": \"a\", \"match\": {\"users\": []}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{u"/rules/0/match/users: must not be empty (leave the member out instead)"_qs};
        QTest::newRow("duplicate list item")
            << rule("{\"id\": \"a\", \"match\": {\"users\": [\"u\", \"u\"]}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{u"/rules/0/match/users/1: \"u\" is listed twice"_qs};
        QTest::newRow("bad glob")
            << rule("{\"id\": \"a\", \"match\": {\"models\": [\"gpt-?\"]}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{
                   u"/rules/0/match/models/0: bad glob \"gpt-?\": '?' is not supported (only '*' is special)"_qs};
        QTest::newRow("bad class")
            << rule("{\"id\": \"a\", \"match\": {\"class\": \"premium\"}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{u"/rules/0/match/class: \"premium\" is not one of \"paid\", \"free\""_qs};
        QTest::newRow("two actions") << rule(
            "{\"id\": \"a\", \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"vercel\", \"vercel_share\": "
            "5}}") << QStringList{u"/rules/0/action: an action has exactly one of \"gateway\" and \"vercel_share\""_qs};
        QTest::newRow("no action kind")
            << rule("{\"id\": \"a\", \"match\": {\"class\": \"free\"}, \"action\": {}}")
            << QStringList{u"/rules/0/action: an action has exactly one of \"gateway\" and \"vercel_share\""_qs};
        QTest::newRow("bad gateway")
            << rule("{\"id\": \"a\", \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"azure\"}}")
            << QStringList{u"/rules/0/action/gateway: \"azure\" is not one of \"openrouter\", \"vercel\""_qs};
        QTest::newRow("missing match") << rule("{\"id\": \"a\", \"action\": {\"gateway\": \"vercel\"}}")
                                       << QStringList{u"/rules/0: missing required member \"match\""_qs};
        QTest::newRow("failover range") << QByteArray(
            "{\"schema_version\": 1, \"failover\": {\"error_rate_threshold\": 1.5, \"window_minutes\": 0,\n"
            "                             \"retry_other_gateway\": {\"on_status\": [200]}}}")
                                        << QStringList{
                                               u"/failover/error_rate_threshold: 1.5 is above 1"_qs,
                                               u"/failover/window_minutes: 0 is below 1"_qs,
                                               u"/failover/retry_other_gateway/on_status/0: 200 is below 400"_qs};
        QTest::newRow("model entry")
            << QByteArray("{\"schema_version\": 1, \"models\": {\"a/b\": {\"vercel\": 3, \"fast\": true}, \"\": {}}}")
            << QStringList{
                   u"/models/a~1b/vercel: expected a string, found a number"_qs,
                   u"/models/a~1b/fast: unknown member \"fast\" (allowed here: vercel, vercel_providers, free)"_qs,
                   u"/models/: a model id must not be empty"_qs};
        QTest::newRow("provider entry")
            << QByteArray("{\"schema_version\": 1, \"providers\": {\"together\": \"\"}}")
            << QStringList{u"/providers/together: must not be empty (use null for a provider Vercel does not have)"_qs};
        QTest::newRow("bad hash") << QByteArray("{\"schema_version\": 1, \"content_sha256\": \"xyz\"}")
                                  << QStringList{u"/content_sha256: must be 64 lower-case hex digits"_qs};
        // '$' in a regular expression also matches before a final newline; the loader must not.
        QTest::newRow("newline after rule id")
            << rule("{\"id\": \"a\\n\", \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": \"vercel\"}}")
            << QStringList{
                   u"/rules/0/id: \"a\n\" is not a valid rule id (letters, digits, '.', '_', ':' and '-'; starting with a letter or digit)"_qs};
        QTest::newRow("newline after timestamp")
            << QByteArray("{\"schema_version\": 1, \"updated_at\": \"2026-11-23T20:00:00Z\\n\"}")
            << QStringList{
                   u"/updated_at: \"2026-11-23T20:00:00Z\n\" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z"_qs};
        QTest::newRow("newline after hash")
            << QByteArray("{\"schema_version\": 1, \"content_sha256\": \"" + QByteArray(64, 'a') + "\\n\"}")
            << QStringList{u"/content_sha256: must be 64 lower-case hex digits"_qs};
        QTest::newRow("share a hair over three decimals")
            << QByteArray("{\"schema_version\": 1, \"default_share\": {\"paid\": 2.6750000001}}")
            << QStringList{u"/default_share/paid: 2.6750000001 has more than 3 decimals (shares step by 0.001)"_qs};
        QTest::newRow("on_status empty")
            << QByteArray("{\"schema_version\": 1, \"failover\": {\"retry_other_gateway\": {\"on_status\": []}}}")
            << QStringList{
                   u"/failover/retry_other_gateway/on_status: must not be empty (disable the retry instead)"_qs};
        QTest::newRow("on_status repeated")
            << QByteArray(
                   "{\"schema_version\": 1, \"failover\": {\"retry_other_gateway\": {\"on_status\": [429, 429]}}}")
            << QStringList{u"/failover/retry_other_gateway/on_status/1: 429 is listed twice"_qs};
        QTest::newRow("duplicate key") << QByteArray("{\"schema_version\": 1, \"cohort\": \"a\", \"cohort\": \"b\"}")
                                       << QStringList{u"/cohort: duplicate member name \"cohort\""_qs};
    }

    // Issue 18: a 50 MB cohort was accepted (and made simulate hash it per user). Every string is
    // bounded (docs/routing-contract.md, "String limits"), located like every other error.
    void stringsAreBounded()
    {
        const QByteArray longName(kConfigMaxStringChars + 1, 'c');
        const QByteArray longNote(kConfigMaxNoteChars + 1, 'n');
        const QByteArray json = "{\n  \"schema_version\": 1,\n  \"cohort\": \"" + longName
                                + "\",\n"
                                  "  \"note\": \""
                                + longNote
                                + "\",\n"
                                  "  \"rules\": [{\"id\": \"a\", \"note\": \""
                                + QByteArray(kConfigMaxNoteChars, 'k')
                                + "\", "
                                  "\"match\": {\"models\": [\""
                                + longName
                                + "\"]}, \"action\": {\"gateway\": \"vercel\"}}],\n"
                                  "  \"models\": {\""
                                + longName + "\": {\"vercel\": null}}\n}\n";
        const ConfigLoadResult r = loadConfig(json, u"routing.json"_qs);
        QVERIFY(!r.config);
        QStringList got;
        for (const Diagnostic &d : r.diagnostics)
            got << d.toString();
        const qsizetype ruleModelColumn = json.split('\n').at(4).indexOf(QByteArray("\"" + longName)) + 1;
        QCOMPARE(
            got,
            QStringList(
                {u"routing.json:3:13: /cohort: the string is 257 characters long (at most 256)"_qs,
                 u"routing.json:4:11: /note: the note is 4097 characters long (at most 4096)"_qs,
                 u"routing.json:5:%1: /rules/0/match/models/0: the string is 257 characters long (at most 256)"_qs.arg(
                     ruleModelColumn),
                 u"routing.json:6:14: /models/%1: the member name is 257 characters long (at most 256)"_qs.arg(
                     QString::fromLatin1(longName))}));
        // At the limits, the same strings are fine.
        const QByteArray atLimits = "{\"schema_version\": 1, \"cohort\": \"" + QByteArray(kConfigMaxStringChars, 'c')
                                    + "\", \"note\": \"" + QByteArray(kConfigMaxNoteChars, 'n') + "\"}";
        QVERIFY(loadConfig(atLimits, u"routing.json"_qs).config);
    }

    void errorClasses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, errors);
        QCOMPARE(errorsOf(json), errors);
        QVERIFY(!loadConfig(json, u"routing.json"_qs).config);
    }

    // Every problem is reported in one run, in the order of the text.
    void collectsEveryProblem()
    {
        const QByteArray json = "{\"schema_version\": 1, \"cohort\": 5,\n"
                                "            \"default_share\": {\"paid\": 101, \"free\": -2}, \"extra\": 1}";
        const QStringList errors = errorsOf(json);
        QCOMPARE(errors.size(), 4);
        QVERIFY(errors.at(0).startsWith(u"/cohort"_qs));
        QVERIFY(errors.at(3).startsWith(u"/extra"_qs));
    }

    // Every three-decimal share from 0 to 100 is accepted exactly (no false rejections from
    // binary floating point), and read back as the same thousandths.
    void everyThreeDecimalShareIsAccepted()
    {
        for (int milli = 0; milli <= kShareMaxMilli; ++milli) {
            const QByteArray text =
                QByteArray::number(milli / 1000) + '.' + QByteArray::number(milli % 1000).rightJustified(3, '0');
            const QByteArray json = "{\"schema_version\": 1, \"default_share\": {\"paid\": " + text + "}}";
            const ConfigLoadResult r = loadConfig(json, u"s.json"_qs);
            if (!r.config)
                QFAIL(qPrintable(QString::fromLatin1(text) + u": "_qs + joinDiagnostics(r.diagnostics)));
            QCOMPARE(shareToMilli(r.config->defaultSharePaid), milli);
        }
    }

    void warnsAboutPointlessProviders()
    {
        const ConfigLoadResult r = loadConfig(
            "{\"schema_version\": 1, \"models\": {\"a/b\": {\"vercel\": null, \"vercel_providers\": [\"x\"]}}}",
            u"routing.json"_qs);
        QVERIFY(r.config);
        QCOMPARE(r.diagnostics.size(), 1);
        QVERIFY(!r.diagnostics.first().isError());
        QCOMPARE(r.diagnostics.first().message, u"has no effect: the model is not on Vercel"_qs);
    }

    void rfc3339Offsets()
    {
        QCOMPARE(parseRfc3339(u"2026-11-24T01:30:00+01:30"), test::at("2026-11-24T00:00:00Z"));
        QCOMPARE(parseRfc3339(u"2026-11-24T00:00:00.250Z")->time().msec(), 250);
        QVERIFY(!parseRfc3339(u"2026-11-24T00:00:00"));
        QVERIFY(!parseRfc3339(u"2026-11-24T24:00:00Z"));
        QCOMPARE(formatRfc3339(test::at("2026-11-24T00:00:00.250Z")), u"2026-11-24T00:00:00.250Z"_qs);
    }

    void unreadableFileNamesThePath()
    {
        const ConfigLoadResult r = loadConfigFile(u"/nonexistent/dir/routing.json"_qs);
        QVERIFY(!r.config);
        QVERIFY(r.diagnostics.first().toString().startsWith(u"/nonexistent/dir/routing.json: cannot read the file"_qs));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoad)
#include "tst_config_load.moc"
