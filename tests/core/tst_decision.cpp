// The decision function: every reason code, stickiness, monotonicity, expiry at the boundary,
// rule matching, and the fast path agreeing with the explained one.

#include "routing/router.h"
#include "test_configs.h"

#include <QTest>

using namespace gw;

namespace {

// A config that reaches every step of the decision.
const QByteArray kConfig =
    "{\n"
    "  \"schema_version\": 1,\n"
    "  \"default_share\": {\"paid\": 3, \"free\": 10},\n"
    "  \"rules\": [\n"
    "    {\"id\": \"expiring\", \"expires_at\": \"2026-11-24T00:00:00Z\", \"match\": {\"models\": [\"x-ai/*\"]}, "
    "\"action\": {\"gateway\": \"vercel\"}},\n"
    "    {\"id\": \"off\", \"enabled\": false, \"match\": {\"models\": [\"*\"]}, \"action\": {\"gateway\": "
    "\"vercel\"}},\n"
    "    {\"id\": \"staff\", \"match\": {\"users\": [\"staff-1\"]}, \"action\": {\"gateway\": \"vercel\"}},\n"
    "    {\"id\": \"agents\", \"match\": {\"features\": [\"agent\"], \"class\": \"paid\"}, \"action\": "
    "{\"vercel_share\": 50}},\n"
    "    {\"id\": \"via-together\", \"match\": {\"providers\": [\"together\"]}, \"action\": {\"vercel_share\": 0}},\n"
    "    {\"id\": \"anthropic\", \"match\": {\"models\": [\"anthropic/*\"]}, \"action\": {\"vercel_share\": 5}},\n"
    "    {\"id\": \"no-kimi\", \"match\": {\"models\": [\"moonshotai/kimi-*\"]}, \"action\": {\"gateway\": "
    "\"openrouter\"}}\n"
    "  ],\n"
    "  \"failover\": {\"enabled\": true, \"error_rate_threshold\": 0.5, \"boosted_vercel_share\": 90},\n"
    "  \"models\": {\n"
    "    \"x-ai/grok-code-fast-1\": {\"vercel\": \"xai/grok-code-fast-1\", \"vercel_providers\": [\"xai\"]},\n"
    "    \"anthropic/claude-sonnet-4.5\": {\"vercel\": \"anthropic/claude-sonnet-4.5\", \"vercel_providers\": "
    "[\"anthropic\", \"bedrock\", \"vertex\"]},\n"
    "    \"moonshotai/kimi-k2\": {\"vercel\": \"moonshotai/kimi-k2\"},\n"
    "    \"openai/gpt-5\": {\"vercel\": \"openai/gpt-5\"},\n"
    "    \"qwen/qwen3-coder:free\": {\"vercel\": \"alibaba/qwen3-coder\"},\n"
    "    \"meta-llama/llama-4\": {\"vercel\": \"meta/llama-4\", \"free\": true},\n"
    "    \"mistralai/codestral-2508\": {\"vercel\": null}\n"
    "  },\n"
    "  \"providers\": {\"amazon-bedrock\": \"bedrock\", \"google-vertex\": \"vertex\", \"together\": \"togetherai\", "
    "\"ancient-cloud\": null}\n"
    "}";

const QDateTime kNow = test::at("2026-11-23T20:00:00Z");

RouteRequest request(const QString &model, const QString &user, const QString &task = {})
{
    RouteRequest r;
    r.model = model;
    r.user = user;
    r.task = task;
    r.now = kNow;
    return r;
}

} // namespace

class TestDecision : public QObject {
    Q_OBJECT
    const Router router{test::configFrom(kConfig)};

private Q_SLOTS:
    void workedBuckets_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("task");
        QTest::addColumn<double>("bucket");
        QTest::newRow("user-123") << u"user-123"_qs << QString() << 51.965;
        QTest::newRow("alice") << u"alice"_qs << QString() << 43.614;
        QTest::newRow("task-42 wins over its user") << u"alice"_qs << u"task-42"_qs << 50.798;
    }

    void workedBuckets()
    {
        QFETCH(QString, user);
        QFETCH(QString, task);
        QFETCH(double, bucket);
        QCOMPARE(router.decide(request(u"openai/gpt-5"_qs, user, task)).bucket.value(), bucket);
    }

    void reasons_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<QStringList>("only");
        QTest::addColumn<QStringList>("ignore");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<double>("share");
        const QStringList none;
        // alice's bucket is 43.614, user-123's 51.965.
        QTest::newRow("unmapped in table") << u"mistralai/codestral-2508"_qs << u"alice"_qs << none << none << none
                                           << none << u"openrouter"_qs << u"not_on_vercel"_qs << 0.0;
        QTest::newRow("not in table") << u"some/new-model"_qs << u"staff-1"_qs << none << none << none << none
                                      << u"openrouter"_qs << u"not_on_vercel"_qs << 0.0;
        QTest::newRow("slug without Vercel equivalent")
            << u"openai/gpt-5"_qs << u"alice"_qs << QStringList{u"ancient-cloud"_qs} << none << none << none
            << u"openrouter"_qs << u"provider_constraint"_qs << 0.0;
        QTest::newRow("only misses known providers")
            << u"x-ai/grok-code-fast-1"_qs << u"alice"_qs << none << QStringList{u"together"_qs} << none << none
            << u"openrouter"_qs << u"provider_constraint"_qs << 0.0;
        QTest::newRow("only hits a mapped slug")
            << u"anthropic/claude-sonnet-4.5"_qs << u"alice"_qs << none << QStringList{u"amazon-bedrock"_qs} << none
            << none << u"openrouter"_qs << u"rule:anthropic"_qs << 5.0;
        QTest::newRow("ignore with unknown providers")
            << u"openai/gpt-5"_qs << u"alice"_qs << none << none << QStringList{u"azure"_qs} << none << u"openrouter"_qs
            << u"provider_constraint"_qs << 0.0;
        QTest::newRow("ignore leaves nothing")
            << u"x-ai/grok-code-fast-1"_qs << u"alice"_qs << none << none << QStringList{u"xai"_qs} << none
            << u"openrouter"_qs << u"provider_constraint"_qs << 0.0;
        QTest::newRow("ignore leaves some")
            << u"anthropic/claude-sonnet-4.5"_qs << u"alice"_qs << none << none << QStringList{u"anthropic"_qs} << none
            << u"openrouter"_qs << u"rule:anthropic"_qs << 5.0;
        QTest::newRow("pin to vercel") << u"x-ai/grok-code-fast-1"_qs << u"alice"_qs << none << none << none << none
                                       << u"vercel"_qs << u"rule:expiring"_qs << 100.0;
        QTest::newRow("pin to openrouter") << u"moonshotai/kimi-k2"_qs << u"alice"_qs << none << none << none << none
                                           << u"openrouter"_qs << u"rule:no-kimi"_qs << 0.0;
        QTest::newRow("users rule") << u"openai/gpt-5"_qs << u"staff-1"_qs << none << none << none << none
                                    << u"vercel"_qs << u"rule:staff"_qs << 100.0;
        QTest::newRow("features and class")
            << u"openai/gpt-5"_qs << u"alice"_qs << none << none << none << QStringList{u"chat"_qs, u"agent"_qs}
            << u"vercel"_qs << u"rule:agents"_qs << 50.0;
        QTest::newRow("class excludes free")
            << u"meta-llama/llama-4"_qs << u"alice"_qs << none << none << none << QStringList{u"agent"_qs}
            << u"openrouter"_qs << u"default:free"_qs << 10.0;
        QTest::newRow("providers rule") << u"openai/gpt-5"_qs << u"alice"_qs << QStringList{u"together"_qs} << none
                                        << none << none << u"openrouter"_qs << u"rule:via-together"_qs << 0.0;
        QTest::newRow("share rule") << u"anthropic/claude-sonnet-4.5"_qs << u"alice"_qs << none << none << none << none
                                    << u"openrouter"_qs << u"rule:anthropic"_qs << 5.0;
        QTest::newRow("default paid") << u"openai/gpt-5"_qs << u"alice"_qs << none << none << none << none
                                      << u"openrouter"_qs << u"default:paid"_qs << 3.0;
        QTest::newRow("free by suffix") << u"qwen/qwen3-coder:free"_qs << u"alice"_qs << none << none << none << none
                                        << u"openrouter"_qs << u"default:free"_qs << 10.0;
        QTest::newRow("free by entry") << u"meta-llama/llama-4"_qs << u"alice"_qs << none << none << none << none
                                       << u"openrouter"_qs << u"default:free"_qs << 10.0;
    }

    void reasons()
    {
        QFETCH(QString, model);
        QFETCH(QString, user);
        QFETCH(QStringList, order);
        QFETCH(QStringList, only);
        QFETCH(QStringList, ignore);
        QFETCH(QStringList, features);
        QFETCH(QString, gateway);
        QFETCH(QString, reason);
        QFETCH(double, share);
        RouteRequest r = request(model, user);
        r.provider = {order, only, ignore};
        r.features = features;
        QList<DecisionStep> why;
        const Decision d = router.decide(r, &why);
        QCOMPARE(d.reasonCode(), reason);
        QCOMPARE(gatewayName(d.gateway), gateway);
        QCOMPARE(d.share(), share);
        QCOMPARE(d.upstreamModel,
                 d.gateway == Gateway::Vercel ? router.config().models.value(model).vercel.value() : model);
        QVERIFY(!why.isEmpty());
    }

    void bucketDecidesAgainstTheShare()
    {
        // user-123 (51.965) goes to Vercel at a 52% share and stays on OpenRouter at 51.965%.
        RoutingConfig c = test::configFrom(
            "{\"schema_version\": 1, \"default_share\": {\"paid\": 52},\n"
            "                                              \"models\": {\"a/m\": {\"vercel\": \"a/m\"}}}");
        QCOMPARE(Router(c).decide(request(u"a/m"_qs, u"user-123"_qs)).gateway, Gateway::Vercel);
        c.defaultSharePaid = 51.965;
        QCOMPARE(Router(c).decide(request(u"a/m"_qs, u"user-123"_qs)).gateway, Gateway::OpenRouter);
        c.defaultSharePaid = 51.966;
        QCOMPARE(Router(c).decide(request(u"a/m"_qs, u"user-123"_qs)).gateway, Gateway::Vercel);
    }

    void expiryAtTheBoundary()
    {
        RouteRequest r = request(u"x-ai/grok-code-fast-1"_qs, u"user-123"_qs);
        r.now = test::at("2026-11-23T23:59:59.999Z");
        QCOMPARE(router.decide(r).reasonCode(), u"rule:expiring"_qs);
        r.now = test::at("2026-11-24T00:00:00Z");
        QCOMPARE(router.decide(r).reasonCode(), u"default:paid"_qs);
    }

    void stickiness()
    {
        // The same key lands in the same bucket for every model and every call.
        const QStringList models = router.config().models.keys();
        for (int i = 0; i < 200; ++i) {
            const QString user = u"u%1"_qs.arg(i);
            const Bucket b = router.decide(request(models.first(), user)).bucket;
            for (const QString &m : models)
                QCOMPARE(router.decide(request(m, user)).bucket, b);
        }
        // task_or_user: the task decides; another user on the same task lands with it.
        QCOMPARE(router.decide(request(u"openai/gpt-5"_qs, u"bob"_qs, u"task-42"_qs)).bucket,
                 router.decide(request(u"openai/gpt-5"_qs, u"alice"_qs, u"task-42"_qs)).bucket);
        // sticky_key "user": the task is ignored.
        RoutingConfig c = router.config();
        c.stickyKey = StickyKey::User;
        QCOMPARE(Router(c).decide(request(u"openai/gpt-5"_qs, u"alice"_qs, u"task-42"_qs)).bucket.value(), 43.614);
    }

    // Raising a share only ever moves keys from OpenRouter to Vercel.
    void monotone()
    {
        RoutingConfig c = test::configFrom("{\"schema_version\": 1, \"models\": {\"a/m\": {\"vercel\": \"a/m\"}}}");
        const QList<double> shares{0, 0.001, 0.5, 1, 2.5, 3, 4.999, 5, 10, 33.333, 50, 75, 99.999, 100};
        QList<Router> routers;
        for (double s : shares) {
            c.defaultSharePaid = s;
            routers.append(Router(c));
        }
        for (int i = 0; i < 3000; ++i) {
            const RouteRequest r = request(u"a/m"_qs, u"key-%1"_qs.arg(i));
            bool onVercel = false;
            for (const Router &router : routers) {
                const bool now = router.decide(r).gateway == Gateway::Vercel;
                QVERIFY2(!(onVercel && !now), qPrintable(r.user));
                onVercel = now;
            }
            QVERIFY(onVercel); // at 100% everyone is on Vercel
        }
    }

    void disabledGateways()
    {
        RoutingConfig c = router.config();
        c.vercelEnabled = false;
        const Router vercelOff(c);
        const Decision pinned = vercelOff.decide(request(u"x-ai/grok-code-fast-1"_qs, u"alice"_qs));
        QCOMPARE(pinned.gateway, Gateway::OpenRouter);
        QCOMPARE(pinned.reasonCode(), u"gateway_disabled"_qs);
        QCOMPARE(vercelOff.decide(request(u"moonshotai/kimi-k2"_qs, u"alice"_qs)).reasonCode(), u"rule:no-kimi"_qs);

        c.vercelEnabled = true;
        c.openrouterEnabled = false;
        const Router openrouterOff(c);
        const Decision d = openrouterOff.decide(request(u"openai/gpt-5"_qs, u"alice"_qs));
        QCOMPARE(d.gateway, Gateway::Vercel);
        QCOMPARE(d.reasonCode(), u"gateway_disabled"_qs);
        QCOMPARE(d.share(), 100.0);
        QCOMPARE(openrouterOff.decide(request(u"moonshotai/kimi-k2"_qs, u"alice"_qs)).gateway, Gateway::Vercel);
        // What Vercel cannot serve stays where it can be served.
        QCOMPARE(openrouterOff.decide(request(u"mistralai/codestral-2508"_qs, u"alice"_qs)).reasonCode(),
                 u"not_on_vercel"_qs);
    }

    void failoverBoost()
    {
        RouteRequest r = request(u"openai/gpt-5"_qs, u"alice"_qs);
        r.openrouterErrorRate = 0.6;
        r.vercelErrorRate = 0.1;
        Decision d = router.decide(r);
        QCOMPARE(d.reasonCode(), u"failover_boost"_qs);
        QCOMPARE(d.share(), 90.0);
        QCOMPARE(d.gateway, Gateway::Vercel); // 43.614 < 90

        r.vercelErrorRate = 0.6; // both failing: no boost
        QCOMPARE(router.decide(r).reasonCode(), u"default:paid"_qs);
        r.vercelErrorRate = 0.5; // exactly at the threshold is not above it
        QCOMPARE(router.decide(r).reasonCode(), u"failover_boost"_qs);
        r.openrouterErrorRate = 0.5;
        QCOMPARE(router.decide(r).reasonCode(), u"default:paid"_qs);
        r.openrouterErrorRate = 0.9;
        r.vercelErrorRate.reset(); // without both rates there is no boost
        QCOMPARE(router.decide(r).reasonCode(), u"default:paid"_qs);

        // Pins are not shares: the boost leaves them alone.
        RouteRequest pinned = request(u"moonshotai/kimi-k2"_qs, u"alice"_qs);
        pinned.openrouterErrorRate = 0.9;
        pinned.vercelErrorRate = 0;
        QCOMPARE(router.decide(pinned).reasonCode(), u"rule:no-kimi"_qs);

        // It never lowers a share above the boosted one.
        RoutingConfig c = router.config();
        c.defaultSharePaid = 95;
        r.vercelErrorRate = 0;
        d = Router(c).decide(r);
        QCOMPARE(d.reasonCode(), u"default:paid"_qs);
        QCOMPARE(d.share(), 95.0);

        c.failover.enabled = false;
        c.defaultSharePaid = 3;
        QCOMPARE(Router(c).decide(r).reasonCode(), u"default:paid"_qs);
    }

    void firstMatchWinsAndDisabledRulesNeverMatch()
    {
        // "off" would match everything but is disabled; "staff" comes before "anthropic".
        const Decision d = router.decide(request(u"anthropic/claude-sonnet-4.5"_qs, u"staff-1"_qs));
        QCOMPARE(d.reasonCode(), u"rule:staff"_qs);
    }

    void fastPathAgrees()
    {
        const qint64 now = kNow.toMSecsSinceEpoch();
        for (const QString &model : router.config().models.keys() + QStringList{u"not/listed"_qs}) {
            const Router::ModelHandle h = router.resolveModel(model);
            for (int i = 0; i < 500; ++i) {
                const QString user = i == 0 ? u"staff-1"_qs : u"user-%1"_qs.arg(i);
                const RouteRequest r = request(model, user);
                QCOMPARE(router.quickGateway(h, router.bucketFor(user), now, user), router.decide(r).gateway);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
