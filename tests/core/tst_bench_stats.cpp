// The test bench's pure parts: suite parsing with located errors, batch expansion and requests,
// parity flags at their thresholds, percentiles, the summary and CSV quoting.

#include "bench/stats.h"
#include "bench/suite.h"

#include <QTest>

using namespace gw;

namespace {

BenchResult okResult(Gateway gateway, qint64 ttft, qint64 total, const QString &text = u"Hello"_qs)
{
    BenchResult r;
    r.gateway = gateway;
    r.openrouterModel = u"openai/gpt-4o-mini"_qs;
    r.ttftMs = ttft;
    r.totalMs = total;
    r.response.text = text;
    r.response.finishReason = u"stop"_qs;
    r.response.costUsd = 0.001;
    r.response.costSource = CostSource::Reported;
    return r;
}

BenchResult failed(Gateway gateway, int status)
{
    BenchResult r = okResult(gateway, -1, 30);
    r.response = NormalizedResponse();
    r.response.error.cls = ErrorClass::RateLimited;
    r.response.error.httpStatus = status;
    r.httpStatus = status;
    return r;
}

// Parses CSV per RFC 4180 (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString &csv)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < csv.size() && csv.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < csv.size() && csv.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestBenchStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesGoodSuite()
    {
        const QByteArray suite = "# smoke prompts\n"
                                 "\n"
                                 "{\"name\": \"hello\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n"
                                 "   # indented comment\r\n"
                                 "{\"name\": \"think\", \"messages\": [{\"role\": \"user\", \"content\": \"Why?\"}], "
                                 "\"reasoning\": \"low\", \"provider\": {\"order\": [\"openai\"]}}";
        const PromptSuiteParse parsed = parsePromptSuite(suite, u"suite.jsonl"_qs);
        QVERIFY2(parsed.ok(), qPrintable(joinDiagnostics(parsed.problems)));
        QCOMPARE(parsed.suite.cases.size(), 2);
        QCOMPARE(parsed.suite.cases.at(0).name, u"hello"_qs);
        QCOMPARE(parsed.suite.cases.at(0).line, 3);
        QCOMPARE(parsed.suite.cases.at(1).line, 5);
        QCOMPARE(parsed.suite.cases.at(1).reasoning.value(u"effort").toString(), u"low"_qs);
        QCOMPARE(parsed.suite.cases.at(1).provider.value(u"order").toArray().at(0).toString(), u"openai"_qs);
    }

    void reportsEveryBadLine()
    {
        const QByteArray suite =
            "{\"name\": \"ok\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n"
            "{\"name\": \"no-messages\", \"messages\": []}\n"
            "{\"name\": \"broken\", \"messages\": [\n"
            "[1, 2]\n"
            "{\"name\": \"bad-role\", \"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}\n"
            "{\"name\": \"typo\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"reasonig\": {}}\n"
            "{\"name\": \"ok\", \"messages\": [{\"role\": \"user\", \"content\": \"again\"}]}\n"
            "{\"name\": \"effort\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"reasoning\": "
            "{\"effort\": \"huge\"}}\n"
            "{\"name\": 7, \"messages\": [{\"role\": \"user\", \"content\": null}]}\n";
        const PromptSuiteParse parsed = parsePromptSuite(suite, u"suite.jsonl"_qs);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.suite.cases.size(), 1);
        QStringList messages;
        for (const Diagnostic &d : parsed.problems)
            messages << d.toString();
        QCOMPARE(messages.size(), 9);
        QCOMPARE(messages.at(0), u"suite.jsonl:2:37: /messages: must be a non-empty array"_qs);
        QVERIFY2(messages.at(1).startsWith(u"suite.jsonl:3:"_qs), qPrintable(messages.at(1)));
        QCOMPARE(messages.at(2), u"suite.jsonl:4:1: expected an object, found an array"_qs);
        QCOMPARE(messages.at(3),
                 u"suite.jsonl:5:44: /messages/0/role: must be one of system, developer, user, assistant, tool"_qs);
        QCOMPARE(messages.at(4),
                 u"suite.jsonl:6:66: /reasonig: unknown member (expected name, messages, reasoning, provider)"_qs);
        QCOMPARE(messages.at(5),
                 u"suite.jsonl:7:10: /name: \"ok\" is already used by another prompt; names must be unique"_qs);
        QCOMPARE(
            messages.at(6),
            u"suite.jsonl:8:92: /reasoning/effort: must be one of none, minimal, low, medium, high, xhigh, max"_qs);
        QCOMPARE(messages.at(7), u"suite.jsonl:9:10: /name: must be a non-empty string"_qs);
        QCOMPARE(messages.at(8),
                 u"suite.jsonl:9:54: /messages/0/content: must be a string or an array of parts, found null"_qs);
    }

    // Issue 18: "max_tokens": "NaN" and 18446744073709551617 were accepted and sent on.
    void reasoningMaxTokensIsAWholeNumber()
    {
        const QByteArray head = "{\"name\": \"n\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                                "\"reasoning\": {\"max_tokens\": ";
        const QList<std::pair<QByteArray, QString>> cases = {
            {"\"NaN\"}}",
             u"s.jsonl:1:91: /reasoning/max_tokens: must be a whole number from 1 to 2147483647, found a string"_qs},
            {"18446744073709551617}}",
             u"s.jsonl:1:111: JSON syntax error: integer out of range (beyond 2^53, not exact)"_qs},
            {"1e30}}",
             u"s.jsonl:1:91: /reasoning/max_tokens: must be a whole number from 1 to 2147483647, found 1e+30"_qs},
            {"0.5}}",
             u"s.jsonl:1:91: /reasoning/max_tokens: must be a whole number from 1 to 2147483647, found 0.5"_qs},
        };
        for (const auto &[tail, message] : cases) {
            const PromptSuiteParse parsed = parsePromptSuite(QByteArray(head + tail + "\n"), u"s.jsonl"_qs);
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.problems.first().toString(), message);
        }
        const PromptSuiteParse good = parsePromptSuite(QByteArray(head + "2048}}\n"), u"s.jsonl"_qs);
        QVERIFY2(good.ok(), qPrintable(joinDiagnostics(good.problems)));
        QCOMPARE(good.suite.cases.first().reasoning.value(u"max_tokens").toInteger(), 2048);
    }

    void emptySuiteIsAnError()
    {
        const PromptSuiteParse parsed = parsePromptSuite("# nothing\n\n", u"empty.jsonl"_qs);
        QVERIFY(!parsed.ok());
        QCOMPARE(joinDiagnostics(parsed.problems), u"empty.jsonl: no prompts (every line is blank or a # comment)"_qs);
    }

    void expandsBatchAndBuildsRequests()
    {
        RoutingConfig config;
        config.models.insert(u"openai/gpt-4o-mini"_qs, ModelEntry{u"openai/gpt-4o-mini-v"_qs, std::nullopt, false});
        PromptSuite suite = singlePromptSuite(u"one"_qs, u"Hi"_qs);
        suite.cases << suite.cases.first();
        suite.cases.last().name = u"two"_qs;
        suite.cases.last().provider =
            QJsonObject{{u"order"_qs, QJsonArray{u"openai"_qs}}, {u"max_price"_qs, QJsonObject{{u"prompt"_qs, 1}}}};
        suite = withDefaults(suite, QJsonObject{{u"effort"_qs, u"high"_qs}}, QJsonObject());
        const QList<BenchCase> cases = expandBatch({u"openai/gpt-4o-mini"_qs, u"acme/unmapped"_qs}, suite, 3, config);
        QCOMPARE(cases.size(), 12);
        QCOMPARE(cases.at(4).index, 4);
        QCOMPARE(cases.at(4).promptIndex, 1);
        QCOMPARE(cases.at(4).repetition, 1);
        QCOMPARE(cases.at(0).vercelModel.value_or(QString()), u"openai/gpt-4o-mini-v"_qs);
        QVERIFY(!cases.at(6).vercelModel);

        const BenchRequest openrouter = requestFor(cases.at(4), Gateway::OpenRouter, suite, config);
        QCOMPARE(openrouter.body.value(u"model").toString(), u"openai/gpt-4o-mini"_qs);
        QCOMPARE(openrouter.body.value(u"stream").toBool(), true);
        QCOMPARE(openrouter.body.value(u"reasoning").toObject().value(u"effort").toString(), u"high"_qs);
        QVERIFY(openrouter.warnings.isEmpty());
        const BenchRequest vercel = requestFor(cases.at(4), Gateway::Vercel, suite, config);
        QVERIFY(vercel.runnable);
        QCOMPARE(vercel.body.value(u"model").toString(), u"openai/gpt-4o-mini-v"_qs);
        QVERIFY(!vercel.body.contains(u"provider"));
        QVERIFY2(vercel.warnings.join(u'|').contains(u"/provider/max_price"), qPrintable(vercel.warnings.join(u'|')));
        QVERIFY(!requestFor(cases.at(6), Gateway::Vercel, suite, config).runnable);
        QVERIFY(!requestFor(cases.at(0), Gateway::OpenRouter, suite, config, false).body.contains(u"stream"));
    }

    void parity_data()
    {
        QTest::addColumn<BenchResult>("openrouter");
        QTest::addColumn<BenchResult>("vercel");
        QTest::addColumn<QStringList>("flags");
        const BenchResult a = okResult(Gateway::OpenRouter, 300, 900);
        const BenchResult b = okResult(Gateway::Vercel, 300, 900);
        QTest::newRow("same") << a << b << QStringList();
        BenchResult reasoning = b;
        reasoning.response.reasoning = u"Thinking"_qs;
        QTest::newRow("reasoning one side") << a << reasoning << QStringList{u"reasoning_missing"_qs};
        BenchResult estimated = b;
        estimated.response.costSource = CostSource::Estimated;
        QTest::newRow("cost estimated") << a << estimated << QStringList{u"cost_not_reported"_qs};
        BenchResult empty = a;
        empty.response.text = u"  \n"_qs;
        QTest::newRow("empty") << empty << b << QStringList{u"empty_answer"_qs};
        BenchResult length = b;
        length.response.finishReason = u"length"_qs;
        QTest::newRow("finish") << a << length << QStringList{u"finish_reason_differs"_qs};
        QTest::newRow("error one side") << failed(Gateway::OpenRouter, 429) << b << QStringList{u"error_one_side"_qs};
        QTest::newRow("both failed") << failed(Gateway::OpenRouter, 429) << failed(Gateway::Vercel, 500)
                                     << QStringList();
        BenchResult skipped = b;
        skipped.skipped = true;
        QTest::newRow("skipped") << empty << skipped << QStringList();
        // TTFT: factor 2 and 250 ms apart, both inclusive.
        QTest::newRow("ttft exactly 2x and 250")
            << okResult(Gateway::OpenRouter, 250, 900) << okResult(Gateway::Vercel, 500, 900)
            << QStringList{u"slower_ttft"_qs};
        QTest::newRow("ttft 249 apart") << okResult(Gateway::OpenRouter, 249, 900)
                                        << okResult(Gateway::Vercel, 498, 900) << QStringList();
        QTest::newRow("ttft just under 2x")
            << okResult(Gateway::OpenRouter, 1001, 1900) << okResult(Gateway::Vercel, 2001, 2900) << QStringList();
        QTest::newRow("ttft openrouter slower")
            << okResult(Gateway::OpenRouter, 2000, 2900) << okResult(Gateway::Vercel, 1000, 1900)
            << QStringList{u"slower_ttft"_qs};
        QTest::newRow("ttft missing") << okResult(Gateway::OpenRouter, -1, 900) << okResult(Gateway::Vercel, 5000, 9000)
                                      << QStringList();
    }

    void parity()
    {
        QFETCH(BenchResult, openrouter);
        QFETCH(BenchResult, vercel);
        QFETCH(QStringList, flags);
        QCOMPARE(parityFlagNames(parityFlags(openrouter, vercel)), flags);
    }

    void flagNamesAreStable()
    {
        QStringList names;
        for (ParityFlag f : allParityFlags()) {
            names << parityFlagName(f);
            QVERIFY(!parityFlagDescription(f).isEmpty());
        }
        QCOMPARE(names, (QStringList{u"reasoning_missing"_qs, u"cost_not_reported"_qs, u"slower_ttft"_qs,
                                     u"error_one_side"_qs, u"empty_answer"_qs, u"finish_reason_differs"_qs}));
    }

    void percentiles()
    {
        QCOMPARE(percentile({}, 50), -1.0);
        QCOMPARE(percentile({7}, 95), 7.0);
        QCOMPARE(percentile({4, 1, 3, 2}, 50), 2.5);
        QList<double> twenty;
        for (int i = 20; i >= 1; --i)
            twenty << i;
        QCOMPARE(percentile(twenty, 95), 19.05);
        QCOMPARE(percentile(twenty, 0), 1.0);
        QCOMPARE(percentile(twenty, 100), 20.0);
        QCOMPARE(percentile(twenty, 150), 20.0);
        QCOMPARE(percentile({10, 20}, 25), 12.5);
    }

    void summary()
    {
        QList<BenchResult> results;
        BenchResult r1 = okResult(Gateway::OpenRouter, 100, 1100);
        r1.response.usage.completion = 100; // 100 tokens in 1 s of streaming
        BenchResult r2 = okResult(Gateway::OpenRouter, 300, 800);
        r2.response.usage.completion = 100; // 100 in 0.5 s
        r2.response.costUsd.reset();
        r2.response.costSource = CostSource::None;
        r2.estimatedCostUsd = 0.003;
        BenchResult r3 = failed(Gateway::OpenRouter, 429);
        BenchResult r4 = okResult(Gateway::Vercel, 200, 700);
        r4.billedCostUsd = 0.002; // billed wins over the reported 0.001
        BenchResult skipped;
        skipped.openrouterModel = u"acme/unmapped"_qs;
        skipped.gateway = Gateway::Vercel;
        skipped.skipped = true;
        BenchResult other = okResult(Gateway::OpenRouter, 50, 60);
        other.openrouterModel = u"acme/unmapped"_qs;
        results << r1 << r2 << r3 << r4 << skipped << other;

        const QList<BenchSummaryRow> rows = summarize(results);
        QCOMPARE(rows.size(), 3);
        const BenchSummaryRow &or1 = rows.at(0);
        QCOMPARE(or1.openrouterModel, u"openai/gpt-4o-mini"_qs);
        QCOMPARE(or1.gateway, Gateway::OpenRouter);
        QCOMPARE(or1.runs, 3);
        QCOMPARE(or1.succeeded, 2);
        QCOMPARE(or1.successRate, 2.0 / 3.0);
        QCOMPARE(or1.ttftP50Ms, 200.0);
        QCOMPARE(or1.ttftP95Ms, 290.0);
        QCOMPARE(or1.totalP50Ms, 950.0);
        QCOMPARE(or1.meanCostUsd.value_or(-1), 0.002);     // (0.001 + 0.003) / 2
        QCOMPARE(or1.tokensPerSecond.value_or(-1), 150.0); // (100 + 200) / 2
        QCOMPARE(rows.at(1).gateway, Gateway::Vercel);
        QCOMPARE(rows.at(1).meanCostUsd.value_or(-1), 0.002);
        QCOMPARE(rows.at(2).openrouterModel, u"acme/unmapped"_qs);
        QCOMPARE(rows.at(2).gateway, Gateway::OpenRouter); // its skipped Vercel side has no row

        const QList<QStringList> csv = parseCsv(summaryCsv(rows));
        QCOMPARE(csv.size(), 4);
        QCOMPARE(csv.at(0).at(0), u"model"_qs);
        QCOMPARE(csv.at(1), (QStringList{u"openai/gpt-4o-mini"_qs, u"openrouter"_qs, u"3"_qs, u"2"_qs, u"0.6667"_qs,
                                         u"200"_qs, u"290"_qs, u"950"_qs, u"1085"_qs, u"0.002"_qs, u"150"_qs}));
    }

    void tokensPerSecondNeedsAMeasurableWindow_data()
    {
        QTest::addColumn<qint64>("ttft");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("completion");
        QTest::addColumn<double>("expected"); // -1: none
        QTest::newRow("streamed over 1 s") << qint64(500) << qint64(1500) << qint64(100) << 100.0;
        // The whole answer in one burst 2 ms after the first token: over the whole request, not
        // 45 tokens in 2 ms (22,500 tokens/s).
        QTest::newRow("one burst") << qint64(498) << qint64(500) << qint64(45) << 90.0;
        QTest::newRow("no first token") << qint64(-1) << qint64(2000) << qint64(100) << 50.0;
        QTest::newRow("no completion tokens") << qint64(100) << qint64(900) << qint64(0) << -1.0;
        QTest::newRow("no duration") << qint64(-1) << qint64(0) << qint64(10) << -1.0;
    }

    void tokensPerSecondNeedsAMeasurableWindow()
    {
        QFETCH(qint64, ttft);
        QFETCH(qint64, total);
        QFETCH(qint64, completion);
        QFETCH(double, expected);
        BenchResult r = okResult(Gateway::Vercel, ttft, total);
        r.response.usage.completion = completion;
        QCOMPARE(runTokensPerSecond(r).value_or(-1), expected);
        const QList<BenchSummaryRow> rows = summarize({r});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).tokensPerSecond.value_or(-1), expected); // none stays none, not 0.0
    }

    void csvQuoting()
    {
        QCOMPARE(csvField(u"plain"_qs), u"plain"_qs);
        QCOMPARE(csvField(u"a,b"_qs), u"\"a,b\""_qs);
        QCOMPARE(csvField(u"say \"hi\""_qs), u"\"say \"\"hi\"\"\""_qs);
        QCOMPARE(csvField(u"two\nlines"_qs), u"\"two\nlines\""_qs);

        BenchResult a = okResult(Gateway::OpenRouter, 100, 200, u"Hello, \"world\"\r\nbye"_qs);
        a.promptName = u"comma, name"_qs;
        a.response.reasoning = u"because"_qs;
        BenchResult b = okResult(Gateway::Vercel, 100, 200, QString());
        b.translationWarnings = {u"/provider/max_price: no Vercel equivalent, dropped"_qs, u"/x: y"_qs};
        const QString text = resultsCsv({a, b});
        QVERIFY(text.endsWith(u"\r\n"_qs));
        const QList<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), 3);
        const int textColumn = int(rows.at(0).indexOf(u"text"_qs));
        const int flagsColumn = int(rows.at(0).indexOf(u"flags"_qs));
        QVERIFY(textColumn > 0 && flagsColumn > 0);
        QCOMPARE(rows.at(1).size(), rows.at(0).size());
        QCOMPARE(rows.at(1).at(textColumn), u"Hello, \"world\"\r\nbye"_qs);
        QCOMPARE(rows.at(1).at(1), u"comma, name"_qs);
        QCOMPARE(rows.at(1).at(flagsColumn), u"reasoning_missing empty_answer"_qs);
        QCOMPARE(rows.at(2).at(rows.at(0).indexOf(u"translation_warnings"_qs)),
                 u"/provider/max_price: no Vercel equivalent, dropped\n/x: y"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBenchStats)
#include "tst_bench_stats.moc"
