// What-if replay: totals per gateway and model against an independent count done here (each row
// decided by Router::decide and summed by hand), costs from recorded rates and catalog prices
// computed by hand, churn on a case where every movable key changes, progress and cancel.
#include "planner/replay.h"
#include "test_configs.h"

#include <QMap>
#include <QTest>

using namespace gw;

namespace {

const QByteArray kReplayConfig =
    "{\"schema_version\": 1, \"cohort\": \"vercel\", \"sticky_key\": \"task_or_user\",\n"
    " \"default_share\": {\"paid\": %PAID%, \"free\": 0},\n"
    " \"rules\": [{\"id\": \"no-c\", \"match\": {\"models\": [\"c/*\"]}, \"action\": {\"gateway\": \"openrouter\"}}],\n"
    " \"models\": {\"a/one\": {\"vercel\": \"va/one\"}, \"b/two\": {\"vercel\": \"vb/two\"}, \"c/three\": {\"vercel\": "
    "\"vc/three\"}}}";

RoutingConfig configWithPaidShare(int paid)
{
    QByteArray json = kReplayConfig;
    json.replace("%PAID%", QByteArray::number(paid));
    return test::configFrom(json);
}

TrafficKeyUsage row(const char *model, Gateway gateway, const QString &user, quint64 requests, quint64 prompt,
                    quint64 completion, double cost, quint64 costCount)
{
    TrafficKeyUsage r;
    r.key.hourStartMs = test::at("2026-11-23T10:00:00Z").toMSecsSinceEpoch();
    r.key.gateway = gateway;
    r.key.model = QString::fromLatin1(model);
    r.key.user = user;
    r.requests = requests;
    r.promptTokens = prompt;
    r.completionTokens = completion;
    r.costUsd = cost;
    r.costCount = costCount;
    return r;
}

CatalogModel priced(const char *id, double prompt, double completion)
{
    CatalogModel m;
    m.id = QString::fromLatin1(id);
    m.pricePromptPerToken = prompt;
    m.priceCompletionPerToken = completion;
    m.hasPricing = true;
    return m;
}

const ReplayGroup *findGroup(const ReplaySide &side, const QString &model, Gateway gateway)
{
    for (const ReplayGroup &g : side.groups)
        if (g.model == model && g.gateway == gateway)
            return &g;
    return nullptr;
}

} // namespace

class TstReplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void totalsMatchAnIndependentCount()
    {
        const RoutingConfig draft = configWithPaidShare(40);
        const RoutingConfig live = configWithPaidShare(10);
        QList<TrafficKeyUsage> usage;
        for (int i = 0; i < 300; ++i) {
            const char *model = i % 3 == 0 ? "a/one" : i % 3 == 1 ? "b/two" : "c/three";
            usage << row(model, i % 7 ? Gateway::OpenRouter : Gateway::Vercel, u"user-%1"_qs.arg(i % 120),
                         1 + quint64(i % 4), 100 + quint64(i), 20 + quint64(i % 11), 0, 0);
        }
        const ReplayResult r = replayTraffic(usage, draft, live);
        QCOMPARE(r.rows, 300u);
        QVERIFY(!r.cancelled);

        // Independent count: decide each row through Router::decide with a hand-built request.
        struct Sums {
            quint64 requests = 0, prompt = 0, completion = 0;
        };
        const auto count = [&](const RoutingConfig &config) {
            const Router router(config);
            QMap<QPair<QString, int>, Sums> sums;
            for (const TrafficKeyUsage &u : usage) {
                RouteRequest request;
                request.model = u.key.model;
                request.user = u.key.user;
                request.now = QDateTime::fromMSecsSinceEpoch(u.key.hourStartMs, Qt::UTC);
                Sums &s = sums[{u.key.model, int(router.decide(request).gateway)}];
                s.requests += u.requests;
                s.prompt += u.promptTokens;
                s.completion += u.completionTokens;
            }
            return sums;
        };
        for (const auto &[side, config] : {std::pair{&r.draft, draft}, std::pair{&r.live, live}}) {
            const auto expected = count(config);
            QCOMPARE(side->groups.size(), expected.size());
            quint64 vercelRequests = 0, allRequests = 0;
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                const ReplayGroup *g = findGroup(*side, it.key().first, Gateway(it.key().second));
                QVERIFY(g);
                QCOMPARE(g->requests, it->requests);
                QCOMPARE(g->promptTokens, it->prompt);
                QCOMPARE(g->completionTokens, it->completion);
                allRequests += it->requests;
                if (it.key().second == int(Gateway::Vercel))
                    vercelRequests += it->requests;
            }
            QCOMPARE(side->openrouter.requests + side->vercel.requests, allRequests);
            QCOMPARE(side->vercel.requests, vercelRequests);
        }
        // c/three is pinned to OpenRouter in both: 100 % share there.
        QCOMPARE(findGroup(r.draft, u"c/three"_qs, Gateway::OpenRouter)->sharePercent, 100.0);
        QVERIFY(!findGroup(r.draft, u"c/three"_qs, Gateway::Vercel));
        // Raising the share only moves keys to Vercel.
        QVERIFY(r.churn.keysToVercel > 0);
        QCOMPARE(r.churn.keysToOpenRouter, 0u);
        // The recorded side is what the rows say.
        quint64 recordedVercel = 0;
        for (const TrafficKeyUsage &u : usage)
            if (u.key.gateway == Gateway::Vercel)
                recordedVercel += u.requests;
        QCOMPARE(r.recorded.vercel.requests, recordedVercel);
    }

    void costsFromRecordedRatesElseCatalog()
    {
        // a/one on OpenRouter recorded 0.002 USD for 1000 tokens: 2e-6 per token. Nothing was
        // recorded for a/one on Vercel; its catalog entry (as va/one) costs 1e-6 per prompt and
        // 3e-6 per completion token. b/two has no price anywhere.
        QList<TrafficKeyUsage> usage;
        usage << row("a/one", Gateway::OpenRouter, u"u1"_qs, 2, 600, 400, 0.002, 2)
              << row("b/two", Gateway::OpenRouter, u"u2"_qs, 1, 10, 10, 0, 0);
        ReplayOptions options;
        options.prices.vercel.insert(u"va/one"_qs, priced("va/one", 1e-6, 3e-6));
        options.prices.openrouter.insert(u"a/one"_qs, priced("a/one", 9, 9)); // recorded wins

        const ReplayResult r = replayTraffic(usage, configWithPaidShare(100), configWithPaidShare(0), options);
        const ReplayGroup *onVercel = findGroup(r.draft, u"a/one"_qs, Gateway::Vercel);
        QVERIFY(onVercel);
        QCOMPARE(onVercel->costBasis, CostBasis::Catalog);
        QVERIFY(qAbs(onVercel->costUsd - (600 * 1e-6 + 400 * 3e-6)) < 1e-12); // 0.0018
        const ReplayGroup *live = findGroup(r.live, u"a/one"_qs, Gateway::OpenRouter);
        QCOMPARE(live->costBasis, CostBasis::Recorded);
        QVERIFY(qAbs(live->costUsd - 0.002) < 1e-12);
        const ReplayGroup *unpriced = findGroup(r.draft, u"b/two"_qs, Gateway::Vercel);
        QCOMPARE(unpriced->costBasis, CostBasis::Unknown);
        QCOMPARE(unpriced->unpricedRequests, 1u);
        QVERIFY(qAbs(r.draft.totalCostUsd() - 0.0018) < 1e-12);

        // 0 % -> 100 %: both keys move to Vercel, all three requests are affected.
        QCOMPARE(r.churn.keys, 2u);
        QCOMPARE(r.churn.keysChanged, 2u);
        QCOMPARE(r.churn.keysToVercel, 2u);
        QCOMPARE(r.churn.requestsAffected, 3u);
        QCOMPARE(r.draft.vercelRequestPercent(), 100.0);
        QCOMPARE(r.live.vercelTokenPercent(), 0.0);
    }

    void churnAgainstATimeline()
    {
        // Live was 0 % until 11:00 and 100 % from then; the draft is 100 %: only the 10:00 row churns.
        QList<TrafficKeyUsage> usage;
        usage << row("a/one", Gateway::OpenRouter, u"u1"_qs, 5, 1, 1, 0, 0);
        TrafficKeyUsage later = row("a/one", Gateway::Vercel, u"u2"_qs, 7, 1, 1, 0, 0);
        later.key.hourStartMs = test::at("2026-11-23T12:00:00Z").toMSecsSinceEpoch();
        usage << later;
        ConfigTimeline timeline(configWithPaidShare(0));
        timeline.add(test::at("2026-11-23T11:00:00Z").toMSecsSinceEpoch(), configWithPaidShare(100));
        const ReplayResult r = replayTraffic(usage, configWithPaidShare(100), timeline);
        QCOMPARE(r.churn.keysChanged, 1u);
        QCOMPARE(r.churn.requestsAffected, 5u);
        QCOMPARE(r.churn.requests, 12u);
    }

    void progressAndCancel()
    {
        QList<TrafficKeyUsage> usage;
        for (int i = 0; i < 10000; ++i)
            usage << row("a/one", Gateway::OpenRouter, u"u%1"_qs.arg(i), 1, 1, 1, 0, 0);
        ReplayOptions options;
        QList<qsizetype> seen;
        options.progress = [&](qsizetype done, qsizetype total) {
            QCOMPARE(total, 10000);
            seen.append(done);
        };
        const ReplayResult r = replayTraffic(usage, configWithPaidShare(5), configWithPaidShare(5), options);
        QCOMPARE(seen, (QList<qsizetype>{4096, 8192, 10000}));
        QCOMPARE(r.churn.keysChanged, 0u);

        std::atomic<bool> cancel{true};
        options.progress = nullptr;
        options.cancel = &cancel;
        const ReplayResult stopped = replayTraffic(usage, configWithPaidShare(5), configWithPaidShare(5), options);
        QVERIFY(stopped.cancelled);
        QCOMPARE(stopped.rows, 0u);
    }
};

QTEST_GUILESS_MAIN(TstReplay)
#include "tst_replay.moc"
