// The leaderboard planner's arithmetic on hand-computed cases (feasible, infeasible, capped by
// what the config can move), the translation of a target share into default shares checked
// against a brute-force recount over every share, and the two leaderboard importers.
#include "planner/leaderboard_plan.h"
#include "test_configs.h"

#include <QTest>

using namespace gw;

namespace {

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

LeaderboardInputs tokensOnly(double ours, double openrouterCompetitor, double vercelCompetitor, double margin)
{
    LeaderboardInputs in;
    in.ourTokensPerDay = ours;
    in.openrouterCompetitorTokens = openrouterCompetitor;
    in.vercelCompetitorTokens = vercelCompetitor;
    in.marginPercent = margin;
    return in;
}

// Paid and free models on Vercel, one not on Vercel, one pinned to Vercel, one under a rule share.
const QByteArray kPlannerConfig =
    "{\"schema_version\": 1, \"cohort\": \"vercel\", \"sticky_key\": \"task_or_user\",\n"
    " \"default_share\": {\"paid\": 0, \"free\": 2},\n"
    " \"rules\": [{\"id\": \"pin\", \"match\": {\"models\": [\"pinned/*\"]}, \"action\": {\"gateway\": \"vercel\"}},\n"
    "            {\"id\": \"half\", \"match\": {\"models\": [\"half/*\"]}, \"action\": {\"vercel_share\": 50}}],\n"
    " \"models\": {\"a/paid\": {\"vercel\": \"va/paid\"}, \"b/gift:free\": {\"vercel\": \"vb/gift\", \"free\": true},\n"
    "            \"c/nowhere\": {\"vercel\": null}, \"pinned/m\": {\"vercel\": \"vp/m\"}, \"half/m\": {\"vercel\": "
    "\"vh/m\"}}}";

TrafficKeyUsage row(const char *model, const QString &user, quint64 prompt, quint64 completion)
{
    TrafficKeyUsage r;
    r.key.hourStartMs = test::at("2026-11-23T10:00:00Z").toMSecsSinceEpoch();
    r.key.model = QString::fromLatin1(model);
    r.key.user = user;
    r.requests = 1;
    r.promptTokens = prompt;
    r.completionTokens = completion;
    return r;
}

} // namespace

class TstLeaderboardPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void feasibleRangeByTokens()
    {
        // V = 1000, C_or = 300, C_vercel = 200, margin 10 %:
        //   OpenRouter: (1 - s) 1000 >= 330  ->  s <= 67 %;  Vercel: s 1000 >= 220  ->  s >= 22 %.
        //   Without the margin: 20 % .. 70 %.
        const LeaderboardInputs in = tokensOnly(1000, 300, 200, 10);
        QVERIFY(validateLeaderboardInputs(in).isEmpty());
        const LeaderboardPlan plan = planLeaderboard(in);
        QVERIFY(plan.feasible);
        QVERIFY(near(plan.lowPercent, 22));
        QVERIFY(near(plan.highPercent, 67));
        QVERIFY(near(plan.minimalPercent, 22));
        QVERIFY(near(plan.lowWithoutMarginPercent, 20));
        QVERIFY(near(plan.highWithoutMarginPercent, 70));
        QCOMPARE(plan.bindingLow, ShareConstraint::Kind::VercelTokens);
        QCOMPARE(plan.bindingHigh, ShareConstraint::Kind::OpenRouterTokens);
        QCOMPARE(plan.shortfallPoints, 0.0);

        // The chart: 101 points; at 50 % OpenRouter leads by (500 - 300) / 300 = 66.67 %, Vercel
        // by (500 - 200) / 200 = 150 %; at 0 % Vercel is 100 % behind.
        QCOMPARE(plan.curve.size(), 101);
        QVERIFY(near(plan.curve.at(50).openrouterMarginPercent, 200.0 / 3.0));
        QVERIFY(near(plan.curve.at(50).vercelTokensMarginPercent, 150));
        QVERIFY(near(plan.curve.at(0).vercelTokensMarginPercent, -100));
        QVERIFY(!plan.curve.at(0).hasVercelSpend);
    }

    void infeasibleSaysWhichConstraintFailsAndByHowMuch()
    {
        // V = 1000, C_or = 620 -> s <= 38 % (OpenRouter needs 62 %); C_vercel = 450 -> s >= 45 %.
        const LeaderboardPlan plan = planLeaderboard(tokensOnly(1000, 620, 450, 0));
        QVERIFY(!plan.feasible);
        QVERIFY(near(plan.lowPercent, 45));
        QVERIFY(near(plan.highPercent, 38));
        QVERIFY(near(plan.shortfallPoints, 7));
        QCOMPARE(plan.bindingLow, ShareConstraint::Kind::VercelTokens);
        QCOMPARE(plan.bindingHigh, ShareConstraint::Kind::OpenRouterTokens);
        QVERIFY2(plan.explanation.contains(u"OpenRouter needs at least 62.0% of tokens"), qPrintable(plan.explanation));
        QVERIFY2(plan.explanation.contains(u"Vercel needs 45.0% of tokens"), qPrintable(plan.explanation));
        QVERIFY2(plan.explanation.contains(u"short by 7.0 points"), qPrintable(plan.explanation));

        // Feasible without margin (40 % .. 50 %), not with 20 %: 48 % needed vs at most 40 %.
        const LeaderboardPlan margined = planLeaderboard(tokensOnly(1000, 500, 400, 20));
        QVERIFY(margined.feasibleWithoutMargin);
        QVERIFY(!margined.feasible);
        QVERIFY(near(margined.shortfallPoints, 8));
    }

    void spendAndBothMetrics()
    {
        // V = 1000 tokens, S = 100 USD; Vercel competitor 100 tokens (s >= 10 %) and 30 USD
        // (s >= 30 %); OpenRouter competitor 500 tokens (s <= 50 %).
        LeaderboardInputs in = tokensOnly(1000, 500, 100, 0);
        in.ourSpendPerDayUsd = 100;
        in.vercelCompetitorSpendUsd = 30;
        in.metric = LeaderboardMetric::Both;
        LeaderboardPlan plan = planLeaderboard(in);
        QVERIFY(plan.feasible);
        QVERIFY(near(plan.lowPercent, 30));
        QVERIFY(near(plan.highPercent, 50));
        QCOMPARE(plan.bindingLow, ShareConstraint::Kind::VercelSpend);
        QVERIFY(plan.curve.at(40).hasVercelSpend);
        QVERIFY(near(plan.curve.at(40).vercelSpendMarginPercent, 100.0 * (40 - 30) / 30));

        in.metric = LeaderboardMetric::Tokens;
        plan = planLeaderboard(in);
        QVERIFY(near(plan.lowPercent, 10));
        in.metric = LeaderboardMetric::Spend;
        in.vercelCompetitorTokens = 0; // not needed for spend
        QVERIFY(validateLeaderboardInputs(in).isEmpty());
        QVERIFY(near(planLeaderboard(in).lowPercent, 30));
    }

    void reachCapsTheShare()
    {
        // Feasible on the leaderboards (40 % .. 90 %), but only 5 % fixed + 30 % movable = 35 %
        // can reach Vercel: short by 5 points, and the explanation names the cap.
        LeaderboardInputs in = tokensOnly(1000, 100, 400, 0);
        in.reach = ShareReach{5, 30};
        const LeaderboardPlan plan = planLeaderboard(in);
        QVERIFY(!plan.feasible);
        QCOMPARE(plan.bindingHigh, ShareConstraint::Kind::EligibleMax);
        QVERIFY(near(plan.highPercent, 35));
        QVERIFY(near(plan.shortfallPoints, 5));
        QVERIFY2(plan.explanation.contains(u"at most 35.0% of tokens"), qPrintable(plan.explanation));

        // The fixed part raises the floor: Vercel needs 10 % but 25 % is there anyway.
        in = tokensOnly(1000, 100, 100, 0);
        in.reach = ShareReach{25, 50};
        const LeaderboardPlan floored = planLeaderboard(in);
        QVERIFY(floored.feasible);
        QCOMPARE(floored.bindingLow, ShareConstraint::Kind::FixedVercel);
        QVERIFY(near(floored.minimalPercent, 25));
        QVERIFY(near(floored.highPercent, 75));

        // A Vercel competitor bigger than all of our traffic cannot be beaten at any share.
        const LeaderboardPlan hopeless = planLeaderboard(tokensOnly(1000, 10, 1200, 0));
        QVERIFY(!hopeless.feasible);
        QVERIFY(near(hopeless.lowPercent, 120));
        QVERIFY(near(hopeless.highPercent, 99));
        QVERIFY(near(hopeless.shortfallPoints, 21));
    }

    void invalidInputsAreNamed()
    {
        QCOMPARE(validateLeaderboardInputs(tokensOnly(1000, 0, 10, 0)).size(), 1);
        QCOMPARE(validateLeaderboardInputs(tokensOnly(0, 10, 10, -1)).size(), 2);
        LeaderboardInputs in = tokensOnly(1000, 10, 10, 0);
        in.metric = LeaderboardMetric::Both; // spend figures missing
        QCOMPARE(validateLeaderboardInputs(in).size(), 2);
        QCOMPARE(parseLeaderboardMetric(u"both"), LeaderboardMetric::Both);
        QVERIFY(!parseLeaderboardMetric(u"requests"));
    }

    void eligibleTrafficSplitsFixedAndMovable()
    {
        const RoutingConfig draft = test::configFrom(kPlannerConfig);
        const BucketHasher hasher(u"vercel"_qs);
        QList<TrafficKeyUsage> usage;
        usage << row("a/paid", u"u1"_qs, 100, 0) << row("a/paid", u"u2"_qs, 200, 0) << row("a/paid", u"u3"_qs, 300, 0)
              << row("b/gift:free", u"u4"_qs, 400, 0) << row("c/nowhere", u"u5"_qs, 1000, 0)
              << row("pinned/m", u"u6"_qs, 500, 0) << row("half/m", u"u7"_qs, 250, 0)
              << row("half/m", u"u8"_qs, 250, 0);
        const EligibleTraffic t = eligibleTraffic(usage, draft);
        QCOMPARE(t.rows, 8u);
        QCOMPARE(t.totalTokens, 3000.0);
        QCOMPARE(t.eligiblePaidTokens, 600.0);
        QCOMPARE(t.eligibleFreeTokens, 400.0);
        // Fixed on Vercel: the pinned 500 and each half/m key whose bucket is below 50.
        double fixed = 500;
        for (const char *u : {"u7", "u8"})
            if (hasher.bucket(QString::fromLatin1(u)).milli() < 50'000)
                fixed += 250;
        QCOMPARE(t.fixedVercelTokens, fixed);
        QCOMPARE(t.steps.size(), 4);
        for (qsizetype i = 1; i < t.steps.size(); ++i)
            QVERIFY(t.steps.at(i - 1).bucketMilli <= t.steps.at(i).bucketMilli);
        const ShareReach both = t.reach();
        QVERIFY(near(both.fixedVercelPercent, 100.0 * fixed / 3000));
        QVERIFY(near(both.eligiblePercent, 100.0 * 1000 / 3000));
        // Paid only: the free key counts when its bucket is below the draft's 2 %.
        const double freeFixed = hasher.bucket(u"u4"_qs).milli() < 2000 ? 400 : 0;
        QVERIFY(near(t.reach(DefaultShareScope::PaidOnly).fixedVercelPercent, 100.0 * (fixed + freeFixed) / 3000));
    }

    void proposedShareIsTheLeastThatReachesTheTarget()
    {
        const RoutingConfig draft = test::configFrom(kPlannerConfig);
        QList<TrafficKeyUsage> usage;
        for (int i = 0; i < 40; ++i)
            usage << row(i % 3 ? "a/paid" : "b/gift:free", u"user-%1"_qs.arg(i), 50 + 7 * quint64(i), 10);
        usage << row("c/nowhere", u"x"_qs, 900, 0) << row("pinned/m", u"y"_qs, 300, 0);
        const EligibleTraffic t = eligibleTraffic(usage, draft);

        // Independent recount: the share at p = every 0.001 step, by deciding each row anew.
        const auto vercelAt = [&](int milli) {
            RoutingConfig c = draft;
            c.defaultSharePaid = c.defaultShareFree = milliToShare(milli);
            const Router router(c);
            double vercel = 0, total = 0;
            for (const TrafficKeyUsage &r : usage) {
                const double tokens = double(r.promptTokens + r.completionTokens);
                total += tokens;
                if (decideForUsage(router, r.key).gateway == Gateway::Vercel)
                    vercel += tokens;
            }
            return 100.0 * vercel / total;
        };
        for (double target : {5.0, 20.0, 37.5, 55.0}) {
            const DefaultShareProposal p = proposeDefaultShares(t, target);
            QVERIFY(p.reachable);
            const int milli = shareToMilli(p.defaultSharePaidPercent);
            QCOMPARE(p.defaultShareFreePercent, p.defaultSharePaidPercent);
            QVERIFY2(vercelAt(milli) >= target - 1e-9, qPrintable(u"target %1 at %2"_qs.arg(target).arg(milli)));
            if (milli > 0)
                QVERIFY2(vercelAt(milli - 1) < target,
                         qPrintable(u"target %1: %2 is not the least"_qs.arg(target).arg(milli)));
            QVERIFY(near(p.achievedPercent, vercelAt(milli)));
        }
        // 40 rows of 60 + 7i tokens = 2400 + 7 * 780 = 7860, plus 900 not on Vercel and 300
        // pinned: 9060 in all, so at most 8160 / 9060 = 90.07 % can reach Vercel.
        QVERIFY(near(t.reach().maxPercent(), 100.0 * 8160 / 9060));
        const DefaultShareProposal out = proposeDefaultShares(t, 91);
        QVERIFY(!out.reachable);
        QCOMPARE(out.defaultSharePaidPercent, 100.0);
        QVERIFY(near(out.achievedPercent, t.reach().maxPercent()));

        // Below the fixed part: p = 0.
        QCOMPARE(proposeDefaultShares(t, 1).defaultSharePaidPercent, 0.0);
    }

    void withDefaultSharesEditsOnlyTheShares()
    {
        const RoutingConfig draft = test::configFrom(kPlannerConfig);
        const RoutingConfig edited = withDefaultShares(draft, 12.3456, 7);
        QCOMPARE(edited.defaultSharePaid, 12.346);
        QCOMPARE(edited.defaultShareFree, 7.0);
        RoutingConfig back = edited;
        back.defaultSharePaid = draft.defaultSharePaid;
        back.defaultShareFree = draft.defaultShareFree;
        QCOMPARE(back, draft);
    }

    void importsOpenRouterRankings()
    {
        const QByteArray json =
            "{\"data\": [\n"
            " {\"app_id\": 7, \"app_name\": \"Gateway Console\", \"rank\": 1, \"total_requests\": 10, "
            "\"total_tokens\": 5000},\n"
            " {\"app_id\": 9, \"app_name\": \"Rival\", \"rank\": 2, \"total_requests\": 8, \"total_tokens\": "
            "\"4000\"},\n"
            " {\"app_id\": 3, \"app_name\": \"Other\", \"rank\": 3, \"total_requests\": 1, \"total_tokens\": 10}]}";
        const LeaderboardImport imp = importOpenRouterRankings(json, u"or.json"_qs, {u"gateway console"_qs, QString()});
        QVERIFY2(imp.ok(), qPrintable(joinDiagnostics(imp.problems)));
        QCOMPARE(imp.rows.size(), 3);
        QCOMPARE(imp.ourRank, 1);
        QVERIFY(imp.strongestCompetitor);
        QCOMPARE(imp.strongestCompetitor->name, u"Rival"_qs);
        QCOMPARE(imp.strongestCompetitor->totalTokens, 4000.0);

        // A bad token count: file, line and JSON path.
        const QByteArray bad = "[\n {\"app_name\": \"A\", \"rank\": 1, \"total_tokens\": 1},\n"
                               " {\"app_name\": \"B\", \"rank\": 2, \"total_tokens\": true}\n]";
        const LeaderboardImport broken = importOpenRouterRankings(bad, u"or.json"_qs, {});
        QVERIFY(!broken.ok());
        QVERIFY(broken.rows.isEmpty());
        QCOMPARE(broken.problems.first().path, u"/1/total_tokens"_qs);
        QCOMPARE(broken.problems.first().line, 3);
        QVERIFY(broken.problems.first().toString().startsWith(u"or.json:3:"));

        const LeaderboardImport wrongShape = importOpenRouterRankings("{\"rows\": []}", u"x.json"_qs, {});
        QVERIFY(!wrongShape.ok());
    }

    void importsVercelLeaderboard()
    {
        const QByteArray json =
            "[{\"rank\": 2, \"ranked_by\": \"tokens\", \"name\": \"Rival\", \"url\": \"https://rival.dev\"},\n"
            " {\"rank\": 1, \"ranked_by\": \"tokens\", \"name\": \"GC\", \"url\": \"https://www.console.example/\"},\n"
            " {\"rank\": 1, \"ranked_by\": \"spend\", \"name\": \"Spendy\", \"url\": \"https://spendy.io\"}]";
        const LeaderboardImport imp = importVercelLeaderboard(json, u"v.json"_qs, {QString(), u"console.example"_qs});
        QVERIFY2(imp.ok(), qPrintable(joinDiagnostics(imp.problems)));
        QCOMPARE(imp.ourRank, 1);
        QCOMPARE(imp.strongestCompetitor->name, u"Rival"_qs);
        QCOMPARE(imp.strongestBySpend->name, u"Spendy"_qs);
        QVERIFY(!imp.strongestCompetitor->totalTokens);

        const LeaderboardImport missing = importVercelLeaderboard("{\"data\": [{\"rank\": 1}]}", u"v.json"_qs, {});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.problems.first().path, u"/data/0"_qs);
        QVERIFY(missing.problems.first().message.contains(u"name"));
    }
};

QTEST_GUILESS_MAIN(TstLeaderboardPlan)
#include "tst_leaderboard_plan.moc"
