// The Monitor's headline numbers on hand-made buckets and key usage, with the expectations
// counted here: totals per gateway, error rate, p95 TTFT from the merged histograms, the share
// totals against Router::decide, the previous period and the two kinds of change.
#include "monitor/headline.h"

#include <QTest>

#include <cmath>

using namespace gw;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 kHour = 3'600'000;

TrafficBucket bucket(qint64 start, Gateway g, const QString &status, quint64 requests, double cost)
{
    TrafficBucket b;
    b.resolution = TrafficResolution::Hour;
    b.key = {start, g, u"a/m"_qs, u"prov"_qs, status};
    b.values.requests = requests;
    b.values.costReportedUsd = cost / 2;
    b.values.costEstimatedUsd = cost / 2;
    return b;
}

} // namespace

class TstMonitorHeadline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void figuresPerGateway()
    {
        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::OpenRouter, u"ok"_qs, 90, 1.0)
           << bucket(kT0, Gateway::OpenRouter, u"rate_limited"_qs, 6, 0)
           << bucket(kT0 + kHour, Gateway::OpenRouter, u"server_error"_qs, 4, 0.5)
           << bucket(kT0, Gateway::Vercel, u"ok"_qs, 50, 2.0);
        for (int i = 0; i < 100; ++i) // OpenRouter TTFTs 1..100 ms: p95 falls in 95 ms's bin
            in[0].values.ttft.add(1 + i);
        in[3].values.ttft.add(700);

        const PerGateway<HeadlineFigures> f = headlineFigures(in);
        QCOMPARE(f[Gateway::OpenRouter].requests, 100u);
        QCOMPARE(f[Gateway::OpenRouter].errors, 10u);
        QCOMPARE(*f[Gateway::OpenRouter].errorRate(), 0.1);
        QCOMPARE(f[Gateway::OpenRouter].costUsd, 1.5);
        const int bin = LatencyHistogram::binFor(95);
        QCOMPARE(*f[Gateway::OpenRouter].ttftP95Ms(),
                 std::sqrt(LatencyHistogram::binLowerMs(bin) * LatencyHistogram::binUpperMs(bin)));
        QCOMPARE(f[Gateway::Vercel].requests, 50u);
        QCOMPARE(*f[Gateway::Vercel].errorRate(), 0.0);
        QCOMPARE(f[Gateway::Vercel].costUsd, 2.0);
        QVERIFY(f[Gateway::Vercel].ttftP95Ms() > 500);

        const PerGateway<HeadlineFigures> none = headlineFigures({});
        QVERIFY(!none[Gateway::Vercel].errorRate());
        QVERIFY(!none[Gateway::Vercel].ttftP95Ms());
    }

    void shareTotalsFollowTheRouter()
    {
        // The config sends every paid request of a/m to Vercel; b/x is not mapped (OpenRouter).
        RoutingConfig config;
        config.defaultSharePaid = 100;
        config.models.insert(u"a/m"_qs, ModelEntry{u"vendor/m"_qs, std::nullopt, false});
        const Router router(config);
        QList<TrafficKeyUsage> usage;
        auto add = [&](Gateway served, const QString &model, quint64 n) {
            TrafficKeyUsage u;
            u.key = {kT0, served, model, u"user"_qs, QString()};
            u.requests = n;
            usage.append(u);
        };
        add(Gateway::Vercel, u"a/m"_qs, 30);
        add(Gateway::OpenRouter, u"a/m"_qs, 10);
        add(Gateway::OpenRouter, u"b/x"_qs, 60);
        add(Gateway::Vercel, u"b/x"_qs, 0); // no requests: no weight
        const ShareTotals s = shareTotals(usage, [&](qint64) -> const Router & { return router; });
        QCOMPARE(s.requests, 100.0);
        QCOMPARE(*s.actualPercent(Gateway::Vercel), 30.0);
        QCOMPARE(*s.actualPercent(Gateway::OpenRouter), 70.0);
        QCOMPARE(*s.targetPercent(Gateway::Vercel), 40.0);
        QCOMPARE(*s.targetPercent(Gateway::OpenRouter), 60.0);
        QVERIFY(!ShareTotals{}.actualPercent(Gateway::Vercel));
    }

    void previousPeriodAndChanges()
    {
        QCOMPARE(previousPeriod(kT0, kT0 + 24 * kHour), (Period{kT0 - 24 * kHour, kT0}));
        QCOMPARE(*relativeChange(150.0, 100.0), 0.5);
        QCOMPARE(*relativeChange(50.0, 100.0), -0.5);
        QVERIFY(!relativeChange(5.0, 0.0)); // from nothing: no ratio
        QVERIFY(!relativeChange(5.0, std::nullopt));
        QCOMPARE(*pointChange(0.12, 0.02), 0.12 - 0.02);
        QVERIFY(!pointChange(std::nullopt, 0.02));
    }
};

QTEST_GUILESS_MAIN(TstMonitorHeadline)
#include "tst_monitor_headline.moc"
