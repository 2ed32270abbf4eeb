// decideForUsage against Router::decide on the same request, and ConfigTimeline's choice of the
// config live at an instant.
#include "test_configs.h"
#include "traffic/key_usage.h"

#include <QTest>

using namespace gw;

class TstTrafficKeyUsage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decidesLikeTheRouter()
    {
        const Router router(test::configFrom(test::kContractExample));
        // Before the grok rule expires it pins Vercel; after, the default share decides.
        TrafficKeyUsageKey key;
        key.model = u"x-ai/grok-code-fast-1"_qs;
        key.user = u"user-123"_qs;
        key.hourStartMs = test::at("2026-11-23T10:00:00Z").toMSecsSinceEpoch();
        QCOMPARE(decideForUsage(router, key).reasonCode(), u"rule:grok-incident"_qs);
        QCOMPARE(decideForUsage(router, key).gateway, Gateway::Vercel);
        key.hourStartMs = test::at("2026-11-24T00:00:00Z").toMSecsSinceEpoch();
        QCOMPARE(decideForUsage(router, key).reasonCode(), u"default:paid"_qs);

        // The task is the sticky key when present: user-123 is in bucket 51.965, task-42 in 50.798.
        key.model = u"anthropic/claude-sonnet-4.5"_qs;
        key.task = u"task-42"_qs;
        const Decision d = decideForUsage(router, key);
        QCOMPARE(d.bucket.whole, 50u);
        QCOMPARE(d.bucket.fraction, 798u);

        // Error rates reach the failover step: OpenRouter at 60 %, Vercel at 0 % boosts to 90 %.
        const Decision boosted = decideForUsage(router, key, GatewayErrorRates{0.6, 0.0});
        QCOMPARE(boosted.reasonCode(), u"failover_boost"_qs);
        QCOMPARE(boosted.gateway, Gateway::Vercel);
    }

    void timelinePicksTheConfigLiveAtAnInstant()
    {
        RoutingConfig draft = test::configFrom(test::kContractExample);
        draft.defaultSharePaid = 0;
        RoutingConfig first = draft;
        first.defaultSharePaid = 10;
        RoutingConfig second = draft;
        second.defaultSharePaid = 20;
        ConfigTimeline timeline(draft);
        timeline.add(2000, second);
        timeline.add(1000, first);
        QCOMPARE(timeline.size(), 2);
        QCOMPARE(timeline.routerAt(999).config().defaultSharePaid, 0.0);
        QCOMPARE(timeline.routerAt(1000).config().defaultSharePaid, 10.0);
        QCOMPARE(timeline.routerAt(1999).config().defaultSharePaid, 10.0);
        QCOMPARE(timeline.routerAt(2000).config().defaultSharePaid, 20.0);
        RoutingConfig third = draft;
        third.defaultSharePaid = 30;
        timeline.add(2000, third); // same instant: the later addition wins
        QCOMPARE(timeline.routerAt(5000).config().defaultSharePaid, 30.0);
    }

    void mergeSums()
    {
        TrafficKeyUsage a;
        a.requests = 2;
        a.errors = 1;
        a.promptTokens = 10;
        a.costUsd = 0.5;
        a.costCount = 1;
        TrafficKeyUsage b = a;
        b.fallbacks = 1;
        a.merge(b);
        QCOMPARE(a.requests, 4u);
        QCOMPARE(a.errors, 2u);
        QCOMPARE(a.fallbacks, 1u);
        QCOMPARE(a.promptTokens, 20u);
        QCOMPARE(a.costUsd, 1.0);
        QCOMPARE(a.costCount, 2u);
    }
};

QTEST_GUILESS_MAIN(TstTrafficKeyUsage)
#include "tst_traffic_key_usage.moc"
