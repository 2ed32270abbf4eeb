// BenchRunner and CostReconciler against the in-process gateway-sim: flags and summary under
// faults, the concurrency limit, cancel, unmapped models, keys kept out of CSV, billed costs.

#include "bench/stats.h"
#include "bench/suite.h"
#include "bench_runner.h"
#include "cost_reconciler.h"
#include "sim_fixture.h"

#include <QJsonDocument>

using namespace gw;
using namespace gw::test;

namespace {

const QString kMini = u"openai/gpt-4o-mini"_qs;
const QString kSonnet = u"anthropic/claude-sonnet-4.5"_qs;

RoutingConfig mappingConfig(const QStringList &mapped)
{
    RoutingConfig config;
    for (const QString &model : mapped)
        config.models.insert(model, ModelEntry{model, std::nullopt, false});
    return config;
}

PromptSuite twoPrompts()
{
    PromptSuite suite = singlePromptSuite(u"plain"_qs, u"Write a haiku about code review"_qs);
    PromptCase thinking = suite.cases.first();
    thinking.name = u"thinking"_qs;
    thinking.messages = QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"Is 91 prime?"_qs}}};
    thinking.reasoning = QJsonObject{{u"effort"_qs, u"low"_qs}};
    // Vercel has no max_price: its request drops it and says so in the translation warnings.
    thinking.provider = QJsonObject{{u"max_price"_qs, QJsonObject{{u"prompt"_qs, 5}}}};
    suite.cases << thinking;
    return suite;
}

int simChats(const sim::GatewaySimulator &sim, Gateway gateway)
{
    return sim.stats().requests.value(gatewayName(gateway)).value(u"chat"_qs);
}

// Runs to finished(); false when it never comes.
bool runToEnd(net::BenchRunner &runner)
{
    if (!runner.isRunning())
        return true;
    QSignalSpy spy(&runner, &net::BenchRunner::finished);
    return spy.wait(60'000);
}

Catalog catalogFile(Gateway gateway, const QString &name)
{
    return parseCatalogFile(gateway, QStringLiteral(GW_SOURCE_DIR) + u"/resources/sample-workspace/catalogs/"_qs + name)
        .catalog;
}

} // namespace

class TestBenchRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void flagsAndSummaryUnderFaults_data();
    void flagsAndSummaryUnderFaults();
    void concurrencyLimitRespected();
    void cancelStopsEveryRequest();
    void unmappedModelRunsOpenRouterOnly();
    void keysNeverInCsv();
    void reconciliationFillsBilledCosts();

private:
    sim::GatewaySimulator m_sim;
};

void TestBenchRunner::init()
{
    if (!m_sim.isListening())
        QVERIFY(m_sim.start());
    m_sim.reset();
}

void TestBenchRunner::flagsAndSummaryUnderFaults_data()
{
    QTest::addColumn<QString>("faults"); // gateway-sim JSON (POST /_control/faults shape)
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<double>("openrouterSuccess");
    QTest::addColumn<double>("vercelSuccess");
    QTest::newRow("no faults") << u"{}"_qs << QStringList() << 1.0 << 1.0;
    QTest::newRow("429 on vercel") << u"{\"vercel\": {\"error_rates\": {\"429\": 1}}}"_qs
                                   << QStringList{u"error_one_side"_qs} << 1.0 << 0.0;
    QTest::newRow("mid-stream error on openrouter")
        << u"{\"openrouter\": {\"mid_stream_error_after\": 1}}"_qs << QStringList{u"error_one_side"_qs} << 0.0 << 1.0;
    QTest::newRow("slow ttft on vercel") << u"{\"vercel\": {\"ttft_ms\": 700}}"_qs << QStringList{u"slower_ttft"_qs}
                                         << 1.0 << 1.0;
}

void TestBenchRunner::flagsAndSummaryUnderFaults()
{
    QFETCH(QString, faults);
    QFETCH(QStringList, flags);
    QFETCH(double, openrouterSuccess);
    QFETCH(double, vercelSuccess);
    QString error;
    const std::optional<sim::SimFaults> parsed =
        sim::faultsFromJson(QJsonDocument::fromJson(faults.toUtf8()).object(), &error);
    QVERIFY2(parsed, qPrintable(error));
    m_sim.setFaults(*parsed);
    // Chunks spaced out, so streaming takes time and tokens/s is measurable.
    m_sim.faults().openrouter.chunkIntervalMs = 5;
    m_sim.faults().vercel.chunkIntervalMs = 5;

    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    auto vercel = simClient(m_sim, Gateway::Vercel);
    net::BenchRunner runner(openrouter.get(), vercel.get());
    runner.setConcurrency(4);
    runner.setCatalogs(catalogFile(Gateway::OpenRouter, u"openrouter-models-2026-02-27.json"_qs),
                       catalogFile(Gateway::Vercel, u"vercel-models-2026-02-22.json"_qs));
    const RoutingConfig config = mappingConfig({kMini, kSonnet});
    const PromptSuite suite = twoPrompts();
    const QList<BenchCase> cases = expandBatch({kMini, kSonnet}, suite, 1, config);
    QHash<int, QString> streamedText;
    connect(&runner, &net::BenchRunner::textDelta, this, [&](int index, Gateway gateway, const QString &text) {
        if (gateway == Gateway::Vercel)
            streamedText[index] += text;
    });
    QHash<int, ParityFlags> finishedCases;
    connect(&runner, &net::BenchRunner::caseFinished, this, [&](int index, ParityFlags f) {
        QVERIFY(!finishedCases.contains(index));
        finishedCases.insert(index, f);
    });
    QList<std::pair<int, int>> progress;
    connect(&runner, &net::BenchRunner::progress, this, [&](int done, int total) { progress.append({done, total}); });
    QVERIFY(runner.start(suite, cases, config));
    QVERIFY(runToEnd(runner));

    const QList<BenchResult> &results = runner.results();
    QCOMPARE(results.size(), 8);
    QCOMPARE(progress.size(), 8);
    QCOMPARE(progress.last(), std::make_pair(8, 8));
    const QHash<int, ParityFlags> byCase = parityByCase(results);
    QCOMPARE(byCase.size(), 4);
    QCOMPARE(finishedCases, byCase);
    for (auto it = byCase.cbegin(); it != byCase.cend(); ++it)
        QCOMPARE(parityFlagNames(it.value()), flags);
    for (const BenchResult &r : results) {
        QVERIFY(!r.skipped);
        QCOMPARE(r.request.value(u"stream"_qs).toBool(), true);
        QCOMPARE(r.request.value(u"model"_qs).toString(), r.openrouterModel); // mapped to the same id
        const bool dropsMaxPrice = r.gateway == Gateway::Vercel && r.promptName == u"thinking";
        QCOMPARE(r.translationWarnings.join(u'|').contains(u"/provider/max_price"), dropsMaxPrice);
        QCOMPARE(r.request.contains(u"provider"), r.gateway == Gateway::OpenRouter && r.promptName == u"thinking");
        if (!r.ok())
            continue;
        QVERIFY(!r.response.text.isEmpty());
        QVERIFY(r.ttftMs >= 0 && r.totalMs >= r.ttftMs);
        QCOMPARE(r.response.costSource, CostSource::Reported);
        QVERIFY(r.estimatedCostUsd.value_or(0) > 0);
        QVERIFY(!r.response.generationId.isEmpty());
        QCOMPARE(r.response.reasoning.isEmpty(), r.promptName == u"plain");
        if (r.gateway == Gateway::Vercel)
            QCOMPARE(streamedText.value(r.caseIndex), r.response.text);
    }
    if (openrouterSuccess == 0.0) {
        for (const BenchResult &r : results) {
            if (r.gateway == Gateway::OpenRouter)
                QVERIFY(r.response.error.midStream);
        }
    }
    const QList<BenchSummaryRow> rows = summarize(results);
    QCOMPARE(rows.size(), 4);
    for (const BenchSummaryRow &row : rows) {
        QCOMPARE(row.runs, 2);
        QCOMPARE(row.successRate, row.gateway == Gateway::OpenRouter ? openrouterSuccess : vercelSuccess);
        if (row.succeeded > 0) {
            QVERIFY(row.meanCostUsd.value_or(0) > 0);
            QVERIFY(row.tokensPerSecond.value_or(0) > 0);
        }
    }
    if (QTest::currentDataTag() == QByteArray("slow ttft on vercel")) {
        for (const BenchSummaryRow &row : rows) {
            if (row.gateway == Gateway::Vercel)
                QVERIFY2(row.ttftP50Ms >= 700, qPrintable(QString::number(row.ttftP50Ms)));
        }
    }
}

void TestBenchRunner::concurrencyLimitRespected()
{
    m_sim.faults().openrouter.ttft = {60, 60};
    m_sim.faults().vercel.ttft = {60, 60};
    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    auto vercel = simClient(m_sim, Gateway::Vercel);
    net::BenchRunner runner(openrouter.get(), vercel.get());
    runner.setConcurrency(3);
    const RoutingConfig config = mappingConfig({kMini});
    const QList<BenchCase> cases = expandBatch({kMini}, twoPrompts(), 6, config);
    int inFlight = 0;
    int maxInFlight = 0;
    connect(&runner, &net::BenchRunner::started, this, [&] {
        maxInFlight = std::max(maxInFlight, ++inFlight);
        QVERIFY(runner.inFlight() <= 3);
    });
    connect(&runner, &net::BenchRunner::resultReady, this, [&](const BenchResult &r) {
        if (!r.skipped)
            --inFlight;
    });
    QVERIFY(runner.start(twoPrompts(), cases, config));
    QVERIFY(runToEnd(runner));
    QCOMPARE(maxInFlight, 3);
    QCOMPARE(inFlight, 0);
    QCOMPARE(runner.results().size(), 24);
    QCOMPARE(simChats(m_sim, Gateway::OpenRouter), 12);
    QCOMPARE(simChats(m_sim, Gateway::Vercel), 12);
}

void TestBenchRunner::cancelStopsEveryRequest()
{
    m_sim.faults().openrouter.ttft = {5'000, 5'000};
    m_sim.faults().vercel.ttft = {5'000, 5'000};
    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    auto vercel = simClient(m_sim, Gateway::Vercel);
    net::BenchRunner runner(openrouter.get(), vercel.get());
    runner.setConcurrency(4);
    const RoutingConfig config = mappingConfig({kMini});
    const QList<BenchCase> cases = expandBatch({kMini}, twoPrompts(), 10, config);
    int started = 0;
    connect(&runner, &net::BenchRunner::started, this, [&] { ++started; });
    QVERIFY(runner.start(twoPrompts(), cases, config));
    QTRY_COMPARE_WITH_TIMEOUT(simChats(m_sim, Gateway::OpenRouter) + simChats(m_sim, Gateway::Vercel), 4, kWaitMs);
    QCOMPARE(started, 4);
    QElapsedTimer clock;
    clock.start();
    runner.cancel();
    QVERIFY(runToEnd(runner));
    QVERIFY2(clock.elapsed() < 4'000, "cancel must not wait for the 5 s first token");
    QCOMPARE(runner.results().size(), 4);
    for (const BenchResult &r : runner.results())
        QCOMPARE(r.response.error.code, u"cancelled"_qs);
    QCOMPARE(runner.done(), 4);
    QCOMPARE(runner.total(), 40);
    QTest::qWait(300); // nothing else may reach the simulator
    QCOMPARE(simChats(m_sim, Gateway::OpenRouter) + simChats(m_sim, Gateway::Vercel), 4);
    QCOMPARE(started, 4);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.stats().clientDisconnects, 4, kWaitMs);
}

void TestBenchRunner::unmappedModelRunsOpenRouterOnly()
{
    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    auto vercel = simClient(m_sim, Gateway::Vercel);
    const RoutingConfig config = mappingConfig({kMini}); // kSonnet unmapped
    const PromptSuite suite = singlePromptSuite(u"hi"_qs, u"Say hi"_qs);
    const QList<BenchCase> cases = expandBatch({kMini, kSonnet}, suite, 2, config);
    {
        net::BenchRunner runner(openrouter.get(), vercel.get());
        QVERIFY(runner.start(suite, cases, config));
        QVERIFY(runToEnd(runner));
        QCOMPARE(runner.results().size(), 8);
        int skipped = 0;
        for (const BenchResult &r : runner.results()) {
            const bool expectSkip = r.gateway == Gateway::Vercel && r.openrouterModel == kSonnet;
            QCOMPARE(r.skipped, expectSkip);
            if (expectSkip) {
                ++skipped;
                QVERIFY2(r.skipReason.contains(u"not mapped to Vercel"), qPrintable(r.skipReason));
                QVERIFY(r.request.isEmpty());
            } else {
                QVERIFY2(r.ok(), qPrintable(r.response.error.message));
            }
        }
        QCOMPARE(skipped, 2);
        QCOMPARE(simChats(m_sim, Gateway::Vercel), 2);
        QCOMPARE(simChats(m_sim, Gateway::OpenRouter), 4);
        QCOMPARE(parityByCase(runner.results()).value(2), ParityFlags(0)); // skipped side: no flags
    }
    // No Vercel client at all (no key): every Vercel side skipped, OpenRouter still runs.
    net::BenchRunner runner(openrouter.get(), nullptr);
    QVERIFY(runner.start(suite, cases, config));
    QVERIFY(runToEnd(runner));
    int skipped = 0;
    for (const BenchResult &r : runner.results()) {
        if (r.gateway == Gateway::Vercel) {
            QVERIFY(r.skipped);
            ++skipped;
        }
    }
    QCOMPARE(skipped, 4);
    QCOMPARE(simChats(m_sim, Gateway::Vercel), 2);
    QCOMPARE(simChats(m_sim, Gateway::OpenRouter), 8);
}

void TestBenchRunner::keysNeverInCsv()
{
    const QString wrongVercelKey = u"vck_FAKE-test-key-0001"_qs;
    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    net::ClientSettings settings = simSettings(m_sim, Gateway::Vercel);
    settings.apiKey = wrongVercelKey; // 401 on every Vercel side
    auto vercel = net::makeGatewayClient(Gateway::Vercel, settings);
    net::BenchRunner runner(openrouter.get(), vercel.get());
    const RoutingConfig config = mappingConfig({kMini});
    QVERIFY(runner.start(twoPrompts(), expandBatch({kMini}, twoPrompts(), 1, config), config));
    QVERIFY(runToEnd(runner));
    const QList<BenchResult> &results = runner.results();
    QCOMPARE(results.size(), 4);
    QString everything = resultsCsv(results) + summaryCsv(summarize(results));
    for (const BenchResult &r : results) {
        everything += QString::fromUtf8(QJsonDocument(toJson(r, 0)).toJson());
        if (r.gateway == Gateway::Vercel)
            QCOMPARE(r.response.error.cls, ErrorClass::Auth);
    }
    QVERIFY(everything.contains(u"error_one_side"));
    for (const QString &key : {wrongVercelKey, sim::GatewaySimulator::defaultKey(Gateway::OpenRouter),
                               sim::GatewaySimulator::defaultKey(Gateway::Vercel), u"FAKE-test-key"_qs})
        QVERIFY2(!everything.contains(key), qPrintable(key));
}

void TestBenchRunner::reconciliationFillsBilledCosts()
{
    m_sim.faults().openrouter.generationDelayMs = 200; // 404 first: the lookup must retry
    m_sim.faults().vercel.generationDelayMs = 200;
    auto openrouter = simClient(m_sim, Gateway::OpenRouter);
    auto vercel = simClient(m_sim, Gateway::Vercel);
    net::BenchRunner runner(openrouter.get(), vercel.get());
    const RoutingConfig config = mappingConfig({kMini});
    QVERIFY(runner.start(twoPrompts(), expandBatch({kMini, kSonnet}, twoPrompts(), 1, config), config));
    QVERIFY(runToEnd(runner));
    QList<BenchResult> results = runner.results();
    QCOMPARE(results.size(), 8); // 2 of them skipped (kSonnet on Vercel)

    net::CostReconciler reconciler(openrouter.get(), vercel.get());
    reconciler.setRetryPolicy(8, 50, 200);
    int billed = 0;
    int failures = 0;
    connect(&reconciler, &net::CostReconciler::billedCost, this, [&](int index, Gateway gateway, double usd) {
        QVERIFY(net::applyBilledCost(results, index, gateway, usd));
        ++billed;
    });
    connect(&reconciler, &net::CostReconciler::lookupFailed, this, [&] { ++failures; });
    QSignalSpy done(&reconciler, &net::CostReconciler::finished);
    QVERIFY(reconciler.start(results));
    QVERIFY(done.wait(kWaitMs));
    QCOMPARE(failures, 0);
    QCOMPARE(billed, 6);
    for (const BenchResult &r : results) {
        if (r.skipped) {
            QVERIFY(!r.billedCostUsd);
            continue;
        }
        QVERIFY(r.billedCostUsd);
        QVERIFY(qAbs(*r.billedCostUsd - r.response.costUsd.value_or(-1)) < 1e-9); // the sim bills what it reported
    }
    QVERIFY(m_sim.stats().requests.value(u"openrouter"_qs).value(u"generation"_qs) > 4); // 404s were retried

    // Cancel: finished() still comes, promptly, with nothing billed after it.
    m_sim.faults().openrouter.generationDelayMs = 60'000;
    m_sim.faults().vercel.generationDelayMs = 60'000;
    net::CostReconciler slow(openrouter.get(), vercel.get());
    slow.setRetryPolicy(20, 500, 1'000);
    int lateBilled = 0;
    connect(&slow, &net::CostReconciler::billedCost, this, [&] { ++lateBilled; });
    QSignalSpy slowDone(&slow, &net::CostReconciler::finished);
    QVERIFY(slow.start(results));
    QTest::qWait(100);
    slow.cancel(); // may emit finished() before it returns
    QVERIFY(slowDone.count() == 1 || slowDone.wait(kWaitMs));
    QCOMPARE(lateBilled, 0);
    QVERIFY(!slow.isRunning());
}

QTEST_GUILESS_MAIN(TestBenchRunner)
#include "tst_bench_runner.moc"
