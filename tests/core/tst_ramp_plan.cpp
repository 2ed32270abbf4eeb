// Guarded ramp: the two-proportion z-test against values computed by hand, every verdict path
// (advance, complete, hold with the missing volume, roll back by each gate), the window and
// scope filters, the config edits, and plan files with located errors.
#include "planner/ramp_gate.h"
#include "planner/ramp_plan.h"
#include "test_configs.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gw;

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // some instant; the default window is the day before

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance;
}

// `requests` requests of which `errors` failed, each with `ttftMs` and `costPerToken` on 100 +
// 100 tokens, ten minutes before now.
QList<TrafficBucket> traffic(Gateway gateway, quint64 requests, quint64 errors, double ttftMs, double costPerToken,
                             const QString &model = u"m/x"_qs, qint64 startMs = kNow - 600'000)
{
    QList<TrafficBucket> out;
    for (const bool ok : {true, false}) {
        const quint64 n = ok ? requests - errors : errors;
        if (n == 0)
            continue;
        TrafficBucket b;
        b.key = {startMs, gateway, model, u"p"_qs, ok ? u"ok"_qs : u"server_error"_qs};
        b.values.requests = n;
        b.values.promptTokens = 100 * n;
        b.values.completionTokens = 100 * n;
        b.values.costReportedUsd = costPerToken * 200.0 * double(n);
        b.values.costReportedCount = n;
        b.values.ttft.addBin(LatencyHistogram::binFor(ttftMs), n);
        out.append(b);
    }
    return out;
}

RampPlan plan(int step = 1)
{
    RampPlan p;
    p.scope = u"default"_qs;
    p.stepsPercent = {2, 5, 10};
    p.currentStep = step;
    p.minRequestsPerGateway = 1000;
    p.errorMarginPoints = 1.0;
    p.confidence = 0.95;
    p.maxTtftP95WorsePercent = 20;
    p.maxCostPerMtokWorsePercent = 10;
    p.windowMinutes = 60;
    return p;
}

const RampGateResult &gate(const RampEvaluation &e, RampGateResult::Gate which)
{
    for (const RampGateResult &g : e.gates)
        if (g.gate == which)
            return g;
    qFatal("gate missing");
}

} // namespace

class TstRampPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoProportionTestKnownValues()
    {
        // 30/1000 vs 20/1000, margin 0: pooled p = 50/2000 = 0.025,
        // SE = sqrt(0.025 * 0.975 * (1/1000 + 1/1000)) = sqrt(4.875e-5) = 0.0069821,
        // z = 0.01 / 0.0069821 = 1.43223, one-sided p = 1 - Phi(1.43223) = 0.076039.
        TwoProportionTest t = twoProportionZTest(30, 1000, 20, 1000, 0.0);
        QVERIFY(t.valid);
        QVERIFY(near(t.pooledRate, 0.025, 1e-12));
        QVERIFY(near(t.z, 1.43223, 1e-5));
        QVERIFY(near(t.pValue, 0.076039, 1e-6));

        // 60/1000 vs 20/1000, margin 1 point: pooled 0.04, SE = sqrt(0.04 * 0.96 * 0.002) =
        // 0.0087636, z = (0.06 - 0.02 - 0.01) / 0.0087636 = 3.42327, p = 0.00030937.
        t = twoProportionZTest(60, 1000, 20, 1000, 0.01);
        QVERIFY(near(t.z, 3.42327, 1e-5));
        QVERIFY(near(t.pValue, 0.00030937, 1e-8));

        // The difference equals the margin: z = 0, p = 0.5.
        t = twoProportionZTest(30, 1000, 20, 1000, 0.01);
        QVERIFY(near(t.z, 0, 1e-9));
        QVERIFY(near(t.pValue, 0.5, 1e-9));

        // Known tail values: P(Z >= 1.644854) = 0.05, P(Z >= 0) = 0.5.
        QVERIFY(near(normalUpperTail(1.644854), 0.05, 1e-6));
        QVERIFY(!twoProportionZTest(0, 100, 0, 100, 0).valid); // no variance
        QVERIFY(!twoProportionZTest(1, 0, 0, 100, 0).valid);   // empty sample
    }

    void advancesWhenAllGatesPass()
    {
        QList<TrafficBucket> b = traffic(Gateway::Vercel, 1200, 24, 400, 2e-6);
        b << traffic(Gateway::OpenRouter, 5000, 100, 400, 2e-6);
        const RampEvaluation e = evaluateRamp(plan(1), b, kNow);
        QCOMPARE(e.verdict, RampVerdict::Advance);
        QCOMPARE(e.proposedStep, 2);
        QCOMPARE(e.proposedSharePercent, 10.0);
        QVERIFY(!e.complete);
        QCOMPARE(e.vercel.requests, 1200u);
        QCOMPARE(e.vercel.errors, 24u);
        for (const RampGateResult &g : e.gates) {
            QVERIFY2(g.evaluated, qPrintable(g.detail));
            QVERIFY2(g.passed, qPrintable(g.detail));
        }
        // Cost per Mtok: 2e-6 USD per token = 2 USD per million.
        QVERIFY(near(gate(e, RampGateResult::Gate::CostPerMtok).vercelValue, 2.0, 1e-9));

        const RampEvaluation last = evaluateRamp(plan(2), b, kNow);
        QCOMPARE(last.verdict, RampVerdict::Advance);
        QVERIFY(last.complete);
        QCOMPARE(last.proposedStep, 2);
    }

    void holdsAndSaysHowMuchMoreIsNeeded()
    {
        QList<TrafficBucket> b = traffic(Gateway::Vercel, 300, 3, 400, 2e-6);
        b << traffic(Gateway::OpenRouter, 800, 8, 400, 2e-6);
        const RampEvaluation e = evaluateRamp(plan(1), b, kNow);
        QCOMPARE(e.verdict, RampVerdict::Hold);
        QCOMPARE(e.moreRequestsVercel, 700u);
        QCOMPARE(e.moreRequestsOpenRouter, 200u);
        QCOMPARE(e.proposedStep, 1);
        QVERIFY2(e.summary.contains(u"700 more requests on Vercel"), qPrintable(e.summary));
        QVERIFY(!gate(e, RampGateResult::Gate::TtftP95).evaluated);
        // No Vercel traffic at all: the error test cannot run either; still hold.
        const RampEvaluation none = evaluateRamp(plan(0), traffic(Gateway::OpenRouter, 5000, 0, 400, 2e-6), kNow);
        QCOMPARE(none.verdict, RampVerdict::Hold);
        QCOMPARE(none.moreRequestsVercel, 1000u);
        QCOMPARE(none.moreRequestsOpenRouter, 0u);
        QVERIFY(!gate(none, RampGateResult::Gate::ErrorRate).evaluated);
    }

    void rollsBackOnErrorsEvenBeforeTheVolume()
    {
        // 12/200 on Vercel vs 2/400: z = 3.44207, p = 0.00028864 < 0.05 (python-free check:
        // pooled 14/600 = 0.023333, SE = sqrt(0.023333 * 0.976667 * (1/200 + 1/400)) = 0.013076,
        // z = (0.06 - 0.005 - 0.01) / 0.013076 = 3.4414).
        QList<TrafficBucket> b = traffic(Gateway::Vercel, 200, 12, 400, 2e-6);
        b << traffic(Gateway::OpenRouter, 400, 2, 400, 2e-6);
        const RampEvaluation e = evaluateRamp(plan(1), b, kNow);
        QCOMPARE(e.verdict, RampVerdict::RollBack);
        QCOMPARE(e.proposedStep, 0);
        QCOMPARE(e.proposedSharePercent, 2.0);
        const RampGateResult &g = gate(e, RampGateResult::Gate::ErrorRate);
        QVERIFY(!g.passed);
        QVERIFY(near(g.test.z, 3.44207, 1e-4));
        QVERIFY2(e.summary.contains(u"error rate: Vercel 6.00% vs OpenRouter 0.50%"), qPrintable(e.summary));

        // From the first step the roll back goes to 0 %.
        const RampEvaluation first = evaluateRamp(plan(0), b, kNow);
        QCOMPARE(first.proposedStep, -1);
        QCOMPARE(first.proposedSharePercent, 0.0);
    }

    void rollsBackOnTtftAndOnCost()
    {
        // TTFT: 1000 ms against 500 ms is about twice (one histogram bin either way), far above +20 %.
        QList<TrafficBucket> slow = traffic(Gateway::Vercel, 2000, 20, 1000, 2e-6);
        slow << traffic(Gateway::OpenRouter, 2000, 20, 500, 2e-6);
        RampEvaluation e = evaluateRamp(plan(1), slow, kNow);
        QCOMPARE(e.verdict, RampVerdict::RollBack);
        const RampGateResult &ttft = gate(e, RampGateResult::Gate::TtftP95);
        QVERIFY(!ttft.passed);
        QVERIFY2(ttft.worsePercent > 60 && ttft.worsePercent < 140, qPrintable(ttft.detail));
        QVERIFY(gate(e, RampGateResult::Gate::CostPerMtok).passed);

        // Cost: 2.4 vs 2.0 USD per Mtok is 20 % worse, allowed 10 %.
        QList<TrafficBucket> dear = traffic(Gateway::Vercel, 2000, 20, 500, 2.4e-6);
        dear << traffic(Gateway::OpenRouter, 2000, 20, 500, 2e-6);
        e = evaluateRamp(plan(1), dear, kNow);
        QCOMPARE(e.verdict, RampVerdict::RollBack);
        const RampGateResult &cost = gate(e, RampGateResult::Gate::CostPerMtok);
        QVERIFY(!cost.passed);
        QVERIFY(near(cost.worsePercent, 20, 1e-9));
        QVERIFY(near(cost.limit, 2.2, 1e-9));
        QVERIFY(gate(e, RampGateResult::Gate::TtftP95).passed);
    }

    void windowAndScopeFilter()
    {
        RampPlan p = plan(1);
        p.scope = u"m/x"_qs;
        QList<TrafficBucket> b = traffic(Gateway::Vercel, 1500, 15, 400, 2e-6);
        b << traffic(Gateway::OpenRouter, 1500, 15, 400, 2e-6);
        b << traffic(Gateway::Vercel, 9000, 9000, 400, 2e-6, u"other/model"_qs);              // other model
        b << traffic(Gateway::Vercel, 9000, 9000, 400, 2e-6, u"m/x"_qs, kNow - 2 * 3600'000); // before the window
        b << traffic(Gateway::Vercel, 9000, 9000, 400, 2e-6, u"m/x"_qs, kNow);                // at now: after
        const RampEvaluation e = evaluateRamp(p, b, kNow);
        QCOMPARE(e.vercel.requests, 1500u);
        QCOMPARE(e.verdict, RampVerdict::Advance);
        // The default scope takes the models both gateways served: other/model only ran on
        // Vercel, so its errors do not count ...
        p.scope = u"default"_qs;
        RampEvaluation all = evaluateRamp(p, b, kNow);
        QCOMPARE(all.vercel.requests, 1500u);
        QCOMPARE(all.verdict, RampVerdict::Advance);
        // ... until OpenRouter serves it too: then they roll the default back.
        b << traffic(Gateway::OpenRouter, 10, 0, 400, 2e-6, u"other/model"_qs);
        all = evaluateRamp(p, b, kNow);
        QCOMPARE(all.vercel.requests, 10500u);
        QCOMPARE(all.openrouter.requests, 1510u);
        QCOMPARE(all.verdict, RampVerdict::RollBack);
    }

    void configEditsForTheScope()
    {
        const RoutingConfig config = test::configFrom(test::kContractExample);
        RampPlan p = plan(0);
        RoutingConfig edited = withRampStep(config, p, 1);
        QCOMPARE(edited.defaultSharePaid, 5.0);
        QCOMPARE(edited.defaultShareFree, 5.0);
        QCOMPARE(edited.rules, config.rules);
        QCOMPARE(withRampStep(config, p, -1).defaultSharePaid, 0.0);
        QCOMPARE(withRampStep(config, p, 7).defaultSharePaid, 10.0);

        p.scope = u"moonshotai/kimi-k2"_qs;
        edited = withRampStep(config, p, 0);
        QCOMPARE(edited.rules.size(), config.rules.size() + 1);
        QCOMPARE(edited.rules.first().id, u"ramp-moonshotai/kimi-k2"_qs);
        QCOMPARE(edited.rules.first().action.vercelShare, 2.0);
        QCOMPARE(edited.rules.first().match.models, QStringList{u"moonshotai/kimi-k2"_qs});
        // The ramp rule decides the model (it is in front of "no-kimi").
        const Router router(edited);
        TrafficKeyUsageKey key;
        key.model = p.scope;
        key.user = u"someone"_qs;
        QCOMPARE(decideForUsage(router, key).ruleId, u"ramp-moonshotai/kimi-k2"_qs);
        // Stepping again updates the same rule instead of adding one.
        const RoutingConfig next = withRampStep(edited, p, 2);
        QCOMPARE(next.rules.size(), edited.rules.size());
        QCOMPARE(next.rules.first().action.vercelShare, 10.0);
        QCOMPARE(withCurrentStep(p, 5).currentStep, 2);
        QCOMPARE(withCurrentStep(p, -4).currentStep, -1);
    }

    void planFilesRoundTripAndLocateErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RampPlan p = plan(2);
        p.scope = u"anthropic/claude-sonnet-4.5"_qs;
        const QString path = dir.filePath(u"plan.json"_qs);
        QString error;
        QVERIFY2((error = saveRampPlanFile(path, p).error).isEmpty(), qPrintable(error));
        const RampPlanLoadResult loaded = loadRampPlanFile(path);
        QVERIFY2(loaded.plan, qPrintable(joinDiagnostics(loaded.diagnostics)));
        QCOMPARE(*loaded.plan, p);

        const QByteArray bad = "{\"scope\": \"default\",\n"
                               " \"steps\": [2, 5, 4],\n"
                               " \"confidence\": 1.5,\n"
                               " \"current_step\": 3,\n"
                               " \"speed\": 1}";
        const RampPlanLoadResult r = loadRampPlan(bad, u"plan.json"_qs);
        QVERIFY(!r.plan);
        QStringList located;
        for (const Diagnostic &d : r.diagnostics)
            located.append(u"%1:%2 %3"_qs.arg(d.line).arg(d.path, d.message));
        const QString all = located.join(u'\n');
        QVERIFY2(all.contains(u"2:/steps/2 steps must increase: 4 follows 5"), qPrintable(all));
        QVERIFY2(all.contains(u"3:/confidence"), qPrintable(all));
        QVERIFY2(all.contains(u"4:/current_step step 3 does not exist"), qPrintable(all));
        QVERIFY2(all.contains(u"5:/speed unknown member"), qPrintable(all));

        QVERIFY(!loadRampPlan("{\"steps\": [1]}", u"p.json"_qs).plan);          // no scope
        QVERIFY(!loadRampPlan("[1, 2]", u"p.json"_qs).plan);                    // not an object
        QVERIFY(!loadRampPlan("{\"scope\": \"default\", ", u"p.json"_qs).plan); // syntax
        QVERIFY(!loadRampPlanFile(dir.filePath(u"missing.json"_qs)).plan);
    }
};

QTEST_GUILESS_MAIN(TstRampPlan)
#include "tst_ramp_plan.moc"
