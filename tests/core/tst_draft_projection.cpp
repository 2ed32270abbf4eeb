// Draft rules over recorded traffic count only while they are in force: a week of hourly
// traffic replayed with a pin that expires 2.5 hours after the draft goes live sends exactly the
// first three recorded hours to the pinned gateway (counted here by hand), an expired or disabled
// pin sends none, a pin without expiry all; the live side keeps its own clock; the leaderboard's
// fixed traffic follows the same window.
#include "planner/draft_projection.h"
#include "planner/leaderboard_plan.h"
#include "planner/replay.h"
#include "test_configs.h"

#include <QTest>

using namespace gw;

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr int kWeekHours = 168;

// Default share 0: only the rule can send anything to Vercel. %RULE% is the rule's extra members.
RoutingConfig configWithPin(const QByteArray &ruleMembers)
{
    QByteArray json = "{\"schema_version\": 1, \"cohort\": \"vercel\", \"sticky_key\": \"task_or_user\",\n"
                      " \"default_share\": {\"paid\": 0, \"free\": 0},\n"
                      " \"rules\": [{\"id\": \"pin\", %RULE% \"match\": {\"models\": [\"a/one\"]}, \"action\": "
                      "{\"gateway\": \"vercel\"}}],\n"
                      " \"models\": {\"a/one\": {\"vercel\": \"va/one\"}}}";
    json.replace("%RULE%", ruleMembers);
    return test::configFrom(json);
}

QByteArray expiresMember(qint64 ms)
{
    return "\"expires_at\": \"" + QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toLatin1() + "\",";
}

const qint64 kTrafficStart = QDateTime(QDate(2026, 11, 16), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kLiveFrom = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();

// One row per hour of a week; hour h carries h + 1 requests and 10 tokens per request.
QList<TrafficKeyUsage> weekOfTraffic()
{
    QList<TrafficKeyUsage> usage;
    for (int h = kWeekHours - 1; h >= 0; --h) { // any order
        TrafficKeyUsage r;
        r.key.hourStartMs = kTrafficStart + h * kHour;
        r.key.model = u"a/one"_qs;
        r.key.user = u"user-%1"_qs.arg(h);
        r.requests = quint64(h) + 1;
        r.promptTokens = 10 * r.requests;
        usage << r;
    }
    return usage;
}

// Requests in the first `hours` recorded hours: 1 + 2 + ... + hours.
quint64 requestsInFirstHours(int hours)
{
    return quint64(hours) * quint64(hours + 1) / 2;
}

ReplayResult replayDraft(const RoutingConfig &draft)
{
    ReplayOptions options;
    options.draftLiveFromMs = kLiveFrom;
    return replayTraffic(weekOfTraffic(), draft, configWithPin("\"enabled\": false,"), options);
}

} // namespace

class TstDraftProjection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void projectionSpansTheRecordedHours()
    {
        const DraftProjection p = DraftProjection::over(weekOfTraffic(), kLiveFrom);
        QCOMPARE(p.trafficStartMs, kTrafficStart);
        QCOMPARE(p.spanMs(), kWeekHours * kHour);
        QCOMPARE(p.projectedMs(kTrafficStart + 5 * kHour), kLiveFrom + 5 * kHour);
        const DraftProjection empty = DraftProjection::over({}, kLiveFrom);
        QCOMPARE(empty.spanMs(), 0);
    }

    void eachRuleGetsItsTimeInForce()
    {
        const DraftProjection p = DraftProjection::over(weekOfTraffic(), kLiveFrom);
        const auto windowOf = [&](const QByteArray &members) {
            const QList<RuleWindow> w = draftRuleWindows(configWithPin(members), p);
            Q_ASSERT(w.size() == 1);
            return w.first();
        };
        const RuleWindow twoHours = windowOf(expiresMember(kLiveFrom + 2 * kHour));
        QCOMPARE(twoHours.state, RuleInForce::Partly);
        QCOMPARE(twoHours.inForceMs, 2 * kHour);
        QVERIFY(qAbs(twoHours.percentOfSpan() - 100.0 * 2 / 168) < 1e-9);
        QCOMPARE(twoHours.id, u"pin"_qs);

        const RuleWindow expired = windowOf(expiresMember(kLiveFrom - kHour));
        QCOMPARE(expired.state, RuleInForce::Expired);
        QCOMPARE(expired.inForceMs, 0);
        QCOMPARE(windowOf(expiresMember(kLiveFrom)).state, RuleInForce::Expired); // stops at its instant

        const RuleWindow forever = windowOf("");
        QCOMPARE(forever.state, RuleInForce::Always);
        QCOMPARE(forever.percentOfSpan(), 100.0);
        const RuleWindow beyond = windowOf(expiresMember(kLiveFrom + 200 * kHour));
        QCOMPARE(beyond.state, RuleInForce::Always);
        QCOMPARE(beyond.inForceMs, kWeekHours * kHour);

        const RuleWindow off = windowOf("\"enabled\": false," + expiresMember(kLiveFrom + 2 * kHour));
        QCOMPARE(off.state, RuleInForce::Disabled);
        QCOMPARE(off.inForceMs, 0);
        QCOMPARE(ruleInForceName(RuleInForce::Partly), u"partly"_qs);
    }

    void replayUsesAPinOnlyWhileInForce()
    {
        // Expires 2.5 h after going live: the recorded hours 0, 1 and 2 start before it.
        const ReplayResult r = replayDraft(configWithPin(expiresMember(kLiveFrom + 5 * kHour / 2)));
        QCOMPARE(r.rows, quint64(kWeekHours));
        QCOMPARE(r.draft.vercel.requests, requestsInFirstHours(3));
        QCOMPARE(r.draft.openrouter.requests, requestsInFirstHours(kWeekHours) - requestsInFirstHours(3));
        QCOMPARE(r.draftRules.size(), 1);
        QCOMPARE(r.draftRules.first().state, RuleInForce::Partly);
        QCOMPARE(r.draftProjection.liveFromMs, kLiveFrom);
        // The live config (pin disabled) kept everything on OpenRouter: only those rows churn.
        QCOMPARE(r.churn.requestsAffected, requestsInFirstHours(3));
        QCOMPARE(r.churn.keysChanged, 3u);
    }

    void expiredDisabledAndPermanentPins()
    {
        QCOMPARE(replayDraft(configWithPin(expiresMember(kLiveFrom - kHour))).draft.vercel.requests, 0u);
        QCOMPARE(replayDraft(configWithPin("\"enabled\": false,")).draft.vercel.requests, 0u);
        QCOMPARE(replayDraft(configWithPin("")).draft.vercel.requests, requestsInFirstHours(kWeekHours));
        // An expiry inside the recorded week but before the draft goes live: expired, not "in
        // force for the recorded days before it" (the draft has not been live then).
        QCOMPARE(replayDraft(configWithPin(expiresMember(kTrafficStart + 100 * kHour))).draft.vercel.requests, 0u);
    }

    void liveSideKeepsTheRecordedClock()
    {
        // The live pin expired at recorded hour 100: it decided hours 0..99 back then.
        ReplayOptions options;
        options.draftLiveFromMs = kLiveFrom;
        const RoutingConfig live = configWithPin(expiresMember(kTrafficStart + 100 * kHour));
        const ReplayResult r = replayTraffic(weekOfTraffic(), configWithPin("\"enabled\": false,"), live, options);
        QCOMPARE(r.live.vercel.requests, requestsInFirstHours(100));
        QCOMPARE(r.draft.vercel.requests, 0u);
    }

    void leaderboardFixedTrafficFollowsTheWindow()
    {
        const QList<TrafficKeyUsage> usage = weekOfTraffic();
        const EligibleTraffic t =
            eligibleTraffic(usage, configWithPin(expiresMember(kLiveFrom + 5 * kHour / 2)), kLiveFrom);
        // The pinned hours are fixed on Vercel; every other hour follows the default share.
        QCOMPARE(t.fixedVercelTokens, 10.0 * double(requestsInFirstHours(3)));
        QCOMPARE(t.eligiblePaidTokens, 10.0 * double(requestsInFirstHours(kWeekHours) - requestsInFirstHours(3)));
        QCOMPARE(t.steps.size(), kWeekHours - 3);
        const EligibleTraffic pinnedAll = eligibleTraffic(usage, configWithPin(""), kLiveFrom);
        QCOMPARE(pinnedAll.eligiblePaidTokens, 0.0);
    }
};

QTEST_GUILESS_MAIN(TstDraftProjection)
#include "tst_draft_projection.moc"
