// Simulated share and churn, checked against decisions counted one by one.

#include "routing/router.h"
#include "routing/simulation.h"
#include "test_configs.h"

#include <QTest>

using namespace gw;

class TestSimulation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsMatchIndividualDecisions()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        const QDateTime now = test::at("2026-11-23T20:00:00Z");
        const int users = 3000;
        const SimulationResult r = simulate(c, {users, {}, now});
        const Router router(c);
        QCOMPARE(r.perModel.size(), c.models.size());
        for (const ModelShare &s : r.perModel) {
            qint64 vercel = 0;
            for (int u = 0; u < users; ++u) {
                RouteRequest req;
                req.model = s.model;
                req.user = u"sim-user-%1"_qs.arg(u);
                req.now = now;
                vercel += router.decide(req).gateway == Gateway::Vercel;
            }
            QCOMPARE(s.vercel, vercel);
            QCOMPARE(s.vercel + s.openrouter, qint64(users));
        }
        QCOMPARE(r.decisions, qint64(users) * c.models.size());
    }

    void shareConvergesToTarget()
    {
        RoutingConfig c = test::configFrom(
            "{\"schema_version\": 1, \"default_share\": {\"paid\": 4.5},\n"
            "                                              \"models\": {\"a/m\": {\"vercel\": \"a/m\"}}}");
        const SimulationResult r = simulate(c, {100000, {}, {}});
        QVERIFY2(std::abs(r.total.vercelPercent() - 4.5) < 0.3, qPrintable(QString::number(r.total.vercelPercent())));
    }

    void churnAgainstBaseline()
    {
        RoutingConfig before = test::configFrom("{\"schema_version\": 1, \"default_share\": {\"paid\": 3},\n"
                                                "                                                   \"models\": "
                                                "{\"a/m\": {\"vercel\": \"a/m\"}, \"b/m\": {\"vercel\": \"b/m\"}}}");
        RoutingConfig after = before;
        after.defaultSharePaid = 5;
        const int users = 20000;
        const SimulationResult r = simulate(after, {users, {}, {}}, &before);
        QVERIFY(r.hasBaseline);
        QCOMPARE(r.movedToOpenRouter, 0); // raising a share never moves anyone back
        const SimulationResult plain = simulate(before, {users, {}, {}});
        QCOMPARE(r.movedToVercel, r.total.vercel - plain.total.vercel);
        // Both models bucket alike: each moved user moves for both.
        QCOMPARE(r.usersChanged * 2, r.movedToVercel);

        // Another cohort reshuffles: many move both ways.
        after = before;
        after.cohort = u"experiment"_qs;
        const SimulationResult reshuffled = simulate(after, {users, {}, {}}, &before);
        QVERIFY(reshuffled.movedToOpenRouter > 0 && reshuffled.movedToVercel > 0);
    }

    void cancels()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        std::atomic<bool> cancel{true};
        const SimulationResult r = simulate(c, {1000000, {}, {}}, nullptr, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.decisions, 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
