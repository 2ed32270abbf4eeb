// The Monitor's series on hand-made buckets with hand-computed expectations; share-vs-target
// against an independent loop of Router::decide; decimation bounds and what it keeps.
#include "monitor/decimate.h"
#include "monitor/series.h"
#include "test_configs.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace gw;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

TrafficBucket bucket(qint64 start, Gateway g, const QString &model, const QString &status, quint64 requests,
                     TrafficResolution resolution = TrafficResolution::Minute)
{
    TrafficBucket b;
    b.resolution = resolution;
    b.key = {start, g, model, u"prov"_qs, status};
    b.values.requests = requests;
    return b;
}

int seriesIndex(const SeriesTable &t, std::optional<Gateway> g, const QString &measure)
{
    for (int i = 0; i < t.series.size(); ++i)
        if (t.series[i].gateway == g && t.series[i].measure == measure)
            return i;
    return -1;
}

double middleOfBin(double ms)
{
    const int bin = LatencyHistogram::binFor(ms);
    return std::sqrt(LatencyHistogram::binLowerMs(bin) * LatencyHistogram::binUpperMs(bin));
}

CatalogModel priced(const QString &id, double prompt, double completion)
{
    CatalogModel m;
    m.id = id;
    m.pricePromptPerToken = prompt;
    m.priceCompletionPerToken = completion;
    m.hasPricing = true;
    return m;
}

Catalog catalogOf(Gateway g, const QList<CatalogModel> &models)
{
    Catalog c;
    c.gateway = g;
    c.models = models;
    for (int i = 0; i < models.size(); ++i)
        c.index.insert(models[i].id, i);
    return c;
}

} // namespace

class TstMonitorSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void costStackedReportedAndEstimated()
    {
        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::OpenRouter, u"a/x"_qs, u"ok"_qs, 3)
           << bucket(kT0, Gateway::OpenRouter, u"a/y"_qs, u"ok"_qs, 1)
           << bucket(kT0 + kMinute, Gateway::Vercel, u"a/x"_qs, u"ok"_qs, 2);
        in[0].values.costReportedUsd = 1.0;
        in[1].values.costEstimatedUsd = 0.5;
        in[1].values.costReportedUsd = 0.25;
        in[2].values.costReportedUsd = 2.0;
        const SeriesTable t = costSeries(in);
        QCOMPARE(t.series.size(), 4);
        QCOMPARE(t.times, (QList<qint64>{kT0, kT0 + kMinute}));
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::OpenRouter, u"reported"_qs)], 1.25);
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::OpenRouter, u"estimated"_qs)], 0.5);
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"reported"_qs)], 0.0);
        QCOMPARE(t.values[1][seriesIndex(t, Gateway::Vercel, u"reported"_qs)], 2.0);

        // Filters: gateway, model, time.
        MonitorFilter onlyVercel;
        onlyVercel.gateway = Gateway::Vercel;
        const SeriesTable v = costSeries(filterBuckets(in, onlyVercel));
        QCOMPARE(v.series.size(), 2);
        QCOMPARE(v.times, QList<qint64>{kT0 + kMinute});
        MonitorFilter modelY;
        modelY.model = u"a/y"_qs;
        QCOMPARE(costSeries(filterBuckets(in, modelY)).values, (QList<QList<double>>{{0.25, 0.5}}));
        MonitorFilter late;
        late.fromMs = kT0 + 1;
        QCOMPARE(filterBuckets(in, late).size(), 1);
        MonitorFilter otherProvider;
        otherProvider.provider = u"none"_qs;
        QVERIFY(filterBuckets(in, otherProvider).isEmpty());
    }

    void errorRatePerClass()
    {
        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::OpenRouter, u"a/x"_qs, u"ok"_qs, 8)
           << bucket(kT0, Gateway::OpenRouter, u"a/x"_qs, u"rate_limited"_qs, 1)
           << bucket(kT0, Gateway::OpenRouter, u"a/y"_qs, u"rate_limited"_qs, 1)
           << bucket(kT0, Gateway::Vercel, u"a/x"_qs, u"ok"_qs, 5)
           << bucket(kT0 + kMinute, Gateway::Vercel, u"a/x"_qs, u"server_error"_qs, 1);
        const SeriesTable t = errorRateSeries(in);
        // OpenRouter: all + requests + rate_limited; Vercel: all + requests + server_error.
        QCOMPARE(t.series.size(), 6);
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::OpenRouter, u"all_errors"_qs)], 0.2);
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::OpenRouter, u"rate_limited"_qs)], 0.2);
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"all_errors"_qs)], 0.0);
        QCOMPARE(t.values[1][seriesIndex(t, Gateway::Vercel, u"server_error"_qs)], 1.0);
        QVERIFY(std::isnan(t.values[1][seriesIndex(t, Gateway::OpenRouter, u"all_errors"_qs)])); // no requests
        // The counts the rates are shares of, beside them (the CSV carries both).
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::OpenRouter, u"requests"_qs)], 10.0);
        QCOMPARE(t.values[1][seriesIndex(t, Gateway::Vercel, u"requests"_qs)], 1.0);
        QCOMPARE(t.values[1][seriesIndex(t, Gateway::OpenRouter, u"requests"_qs)], 0.0);
    }

    void percentilesFromMergedHistograms()
    {
        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::Vercel, u"a/x"_qs, u"ok"_qs, 9)
           << bucket(kT0, Gateway::Vercel, u"a/y"_qs, u"ok"_qs, 1);
        for (int i = 0; i < 9; ++i) {
            in[0].values.ttft.add(10);
            in[0].values.latency.add(200);
        }
        in[1].values.ttft.add(1000);
        in[1].values.latency.add(5000);
        const SeriesTable t = latencySeries(in);
        QCOMPARE(t.series.size(), 4);
        // 9 of 10 requests at 10 ms: the median is there; the 95th percentile is the tenth.
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"ttft_p50"_qs)], middleOfBin(10));
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"ttft_p95"_qs)], middleOfBin(1000));
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"latency_p50"_qs)], middleOfBin(200));
        QCOMPARE(t.values[0][seriesIndex(t, Gateway::Vercel, u"latency_p95"_qs)], middleOfBin(5000));
    }

    void shareAgainstRouterDecide()
    {
        RoutingConfig draft = test::configFrom(test::kContractExample);
        RoutingConfig later = draft;
        later.rules[1].action.vercelShare = 60.0; // "anthropic": 5 % -> 60 %
        ConfigTimeline timeline(draft);
        const qint64 switchAt = kT0 + 3 * kHour;
        timeline.add(switchAt, later);

        const QStringList models = draft.models.keys() + QStringList{u"unknown/model"_qs};
        QList<TrafficKeyUsage> usage;
        QRandomGenerator rng(42);
        for (int i = 0; i < 600; ++i) {
            TrafficKeyUsage u;
            u.key.hourStartMs = kT0 + qint64(rng.bounded(6)) * kHour;
            u.key.gateway = rng.bounded(2) ? Gateway::Vercel : Gateway::OpenRouter;
            u.key.model = models[rng.bounded(int(models.size()))];
            u.key.user = u"u-%1"_qs.arg(rng.bounded(200));
            u.key.task = rng.bounded(3) == 0 ? u"t-%1"_qs.arg(i) : QString();
            u.requests = 1 + rng.bounded(20);
            usage.append(u);
        }
        const SeriesTable t =
            shareSeries(usage, [&](qint64 hour) -> const Router & { return timeline.routerAt(hour); });

        // Independent: the routers built here, each row decided through Router::decide.
        const Router before(draft);
        const Router after(later);
        QMap<qint64, std::array<double, 3>> expected; // requests, actual Vercel, target Vercel
        for (const TrafficKeyUsage &u : usage) {
            RouteRequest r;
            r.model = u.key.model;
            r.user = u.key.user;
            r.task = u.key.task;
            r.now = QDateTime::fromMSecsSinceEpoch(u.key.hourStartMs, Qt::UTC);
            const Decision d = (u.key.hourStartMs >= switchAt ? after : before).decide(r);
            auto &e = expected[u.key.hourStartMs];
            e[0] += double(u.requests);
            e[1] += u.key.gateway == Gateway::Vercel ? double(u.requests) : 0;
            e[2] += d.gateway == Gateway::Vercel ? double(u.requests) : 0;
        }
        QCOMPARE(t.times, expected.keys());
        const int actual = seriesIndex(t, std::nullopt, u"actual"_qs);
        const int target = seriesIndex(t, std::nullopt, u"target"_qs);
        for (int row = 0; row < t.rowCount(); ++row) {
            const auto &e = expected[t.times[row]];
            QCOMPARE(t.values[row][actual], 100.0 * e[1] / e[0]);
            QCOMPARE(t.values[row][target], 100.0 * e[2] / e[0]);
        }
        // The 60 % share after the switch moves the target (a check that the timeline is used):
        // a quarter of the rows are Anthropic's, so the target rises by about 14 points.
        QVERIFY2(t.values.last()[target] > t.values.first()[target] + 7,
                 qPrintable(u"%1 %2"_qs.arg(t.values.first()[target]).arg(t.values.last()[target])));
    }

    void failoverRatesBoostTheTarget()
    {
        // OpenRouter failing (60 % errors over the window) boosts Vercel to 90 % in the contract
        // example, so the target rises against the same rows without rates.
        QList<TrafficBucket> minutes;
        minutes << bucket(kT0 - 5 * kMinute, Gateway::OpenRouter, u"a/x"_qs, u"ok"_qs, 4)
                << bucket(kT0 - 4 * kMinute, Gateway::OpenRouter, u"a/x"_qs, u"server_error"_qs, 6)
                << bucket(kT0 - 30 * kMinute, Gateway::OpenRouter, u"a/x"_qs, u"server_error"_qs, 100) // outside
                << bucket(kT0 - 3 * kMinute, Gateway::Vercel, u"a/x"_qs, u"ok"_qs, 1);
        const GatewayErrorRates rates = errorRatesBefore(minutes, kT0, 10);
        QCOMPARE(rates.openrouter.value_or(-1), 0.6);
        QCOMPARE(rates.vercel.value_or(-1), 0.0);
        QVERIFY(!errorRatesBefore(minutes, kT0 - 20 * kMinute, 5).vercel);

        const Router router(test::configFrom(test::kContractExample));
        QList<TrafficKeyUsage> usage;
        for (int i = 0; i < 200; ++i) {
            TrafficKeyUsage u;
            u.key.hourStartMs = kT0;
            u.key.model = u"anthropic/claude-sonnet-4.5"_qs; // 5 % by rule
            u.key.user = u"user-%1"_qs.arg(i);
            u.requests = 1;
            usage.append(u);
        }
        auto routerAt = [&](qint64) -> const Router & { return router; };
        const double plain = shareSeries(usage, routerAt).values[0][1];
        const double boosted =
            shareSeries(usage, routerAt, [&](qint64 h) { return errorRatesBefore(minutes, h, 10); }).values[0][1];
        QVERIFY2(plain < 15 && boosted > 75, qPrintable(u"%1 %2"_qs.arg(plain).arg(boosted)));
    }

    void costPerMtokAndCounterfactual()
    {
        const Catalog openrouter = catalogOf(Gateway::OpenRouter, {priced(u"a/m"_qs, 1e-6, 2e-6)});
        const Catalog vercel = catalogOf(Gateway::Vercel, {priced(u"a/m-v"_qs, 3e-6, 4e-6)});
        RoutingConfig config;
        config.models.insert(u"a/m"_qs, ModelEntry{u"a/m-v"_qs, std::nullopt, false});
        const CounterfactualPrices prices{&openrouter, &vercel, &config};

        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::OpenRouter, u"a/m"_qs, u"ok"_qs, 1)
           << bucket(kT0, Gateway::Vercel, u"a/m"_qs, u"ok"_qs, 1)
           << bucket(kT0, Gateway::OpenRouter, u"b/unpriced"_qs, u"ok"_qs, 1);
        in[0].values.promptTokens = 1000;
        in[0].values.completionTokens = 500;
        in[0].values.costReportedUsd = 0.002;
        in[1].values.promptTokens = 2000;
        in[1].values.costEstimatedUsd = 0.01;
        in[2].values.promptTokens = 1'000'000;
        in[2].values.costReportedUsd = 7;
        const SeriesTable t = costPerMtokSeries(in, prices);
        QCOMPARE(t.categories, (QStringList{u"a/m"_qs, u"b/unpriced"_qs}));
        const int orActual = seriesIndex(t, Gateway::OpenRouter, u"actual"_qs);
        const int orOther = seriesIndex(t, Gateway::OpenRouter, u"other_gateway"_qs);
        const int vActual = seriesIndex(t, Gateway::Vercel, u"actual"_qs);
        const int vOther = seriesIndex(t, Gateway::Vercel, u"other_gateway"_qs);
        QCOMPARE(t.values[0][orActual], 0.002 / 1500 * 1e6);                     // 1.333 $/Mtok
        QCOMPARE(t.values[0][orOther], (1000 * 3e-6 + 500 * 4e-6) / 1500 * 1e6); // at Vercel prices
        QCOMPARE(t.values[0][vActual], 5.0);
        QCOMPARE(t.values[0][vOther], 1.0); // 2000 tokens at 1e-6
        QCOMPARE(t.values[1][orActual], 7.0);
        QVERIFY(std::isnan(t.values[1][orOther])); // no Vercel id
        QVERIFY(std::isnan(t.values[1][vActual])); // not served there

        const CounterfactualTotal total = counterfactualTotal(in, Gateway::OpenRouter, prices);
        QCOMPARE(total.actualUsd, 7.002);
        QCOMPARE(total.actualUsdPriced, 0.002);
        QCOMPARE(total.otherGatewayUsd, 0.005);
        QCOMPARE(total.requests, 2u);
    }

    void burnRateAndRunway()
    {
        QList<TrafficBucket> in;
        in << bucket(kT0, Gateway::OpenRouter, u"a/x"_qs, u"ok"_qs, 1, TrafficResolution::Hour)
           << bucket(kT0 + kDay + 23 * kHour, Gateway::OpenRouter, u"a/x"_qs, u"ok"_qs, 1, TrafficResolution::Hour)
           << bucket(kT0, Gateway::Vercel, u"a/x"_qs, u"ok"_qs, 1, TrafficResolution::Hour);
        in[0].values.costReportedUsd = 1;
        in[1].values.costEstimatedUsd = 2;
        in[2].values.costReportedUsd = 0.5;
        // Last 24 h end at the newest bucket's end (day 2, 00:00): only the 2 USD.
        const BurnRate day = burnRate(in, Gateway::OpenRouter, kDay);
        QCOMPARE(day.toMs, kT0 + 2 * kDay);
        QCOMPARE(day.usdPerDay, 2.0);
        // Seven days are cut to the two days the traffic covers: 3 USD over 2 days.
        QCOMPARE(burnRate(in, Gateway::OpenRouter, 7 * kDay).usdPerDay, 1.5);
        // One hour bucket of Vercel traffic: 0.5 USD per hour = 12 USD per day.
        QCOMPARE(burnRate(in, Gateway::Vercel, 7 * kDay).usdPerDay, 12.0);
        QCOMPARE(burnRate({}, Gateway::Vercel, kDay).toMs, 0);

        QCOMPARE(runwayFor(3.0, 1.5, 3).days.value_or(-1), 2.0);
        QVERIFY(runwayFor(3.0, 1.5, 3).warn);
        QVERIFY(!runwayFor(30.0, 1.5, 3).warn);
        QVERIFY(runwayFor(0.0, 0, 3).warn);           // used up
        QVERIFY(!runwayFor(std::nullopt, 5, 3).days); // no limit
        QVERIFY(!runwayFor(10.0, 0, 3).days);         // no burn: no estimate
    }

    void minMaxDecimationBoundsAndKeepsExtremes()
    {
        QList<QPointF> points;
        QRandomGenerator rng(7);
        const int n = 43'200; // 30 days of minutes
        for (int i = 0; i < n; ++i)
            points.append(QPointF(i, rng.generateDouble()));
        points[12'345].setY(50);  // a spike
        points[30'000].setY(-50); // a dip
        for (const int width : {2, 3, 100, 1200, 1201}) {
            const QList<QPointF> out = decimateMinMax(points, 0, n, width);
            QVERIFY2(out.size() <= width, qPrintable(u"%1 > %2"_qs.arg(out.size()).arg(width)));
            // Independent: every column's min and max are among the kept points.
            const int columns = width / 2;
            const double w = double(n) / columns;
            QList<double> lo(columns, 1e9);
            QList<double> hi(columns, -1e9);
            for (const QPointF &p : points) {
                const int c = std::min(int(p.x() / w), columns - 1);
                lo[c] = std::min(lo[c], p.y());
                hi[c] = std::max(hi[c], p.y());
            }
            QList<double> kept;
            for (const QPointF &p : out)
                kept.append(p.y());
            for (int c = 0; c < columns; ++c)
                QVERIFY(kept.contains(lo[c]) && kept.contains(hi[c]));
            for (int i = 1; i < out.size(); ++i)
                QVERIFY(out[i - 1].x() < out[i].x()); // time order
        }
        // Few points: unchanged, NaN dropped.
        const QList<QPointF> few = {{0, 1}, {1, qQNaN()}, {2, 3}};
        QCOMPARE(decimateMinMax(few, 0, 2, 100), (QList<QPointF>{{0, 1}, {2, 3}}));
    }

    void sumsPerInterval()
    {
        QCOMPARE(sumIntervalFor(30 * kDay, 1200, kMinute), 36 * kMinute); // 43200 minutes / 1200
        QCOMPARE(sumIntervalFor(10 * kMinute, 1200, kMinute), kMinute);   // never below a bucket
        QCOMPARE(sumIntervalFor(25 * kHour, 24, kHour), 2 * kHour);
        QList<QPointF> points;
        double total = 0;
        for (int i = 0; i < 1000; ++i) {
            points.append(QPointF(double(kT0 + i * kMinute), i % 7));
            total += i % 7;
        }
        const qint64 interval = sumIntervalFor(1000 * kMinute, 30, kMinute);
        const int count = int((1000 * kMinute + interval - 1) / interval);
        QVERIFY(count <= 30);
        const QList<QPointF> out = sumPerInterval(points, kT0, interval, count);
        QCOMPARE(out.size(), count);
        double sum = 0;
        for (const QPointF &p : out)
            sum += p.y();
        QCOMPARE(sum, total);
        // First interval: minutes 0..interval-1 summed by hand.
        double first = 0;
        for (qint64 i = 0; i < interval / kMinute; ++i)
            first += double(i % 7);
        QCOMPARE(out[0].y(), first);
        QCOMPARE(out[1].x(), double(kT0 + interval));
    }

    void resolutionFollowsTheSpan()
    {
        QCOMPARE(resolutionForSpan(kHour), TrafficResolution::Minute);
        QCOMPARE(resolutionForSpan(3 * kDay), TrafficResolution::Minute);
        QCOMPARE(resolutionForSpan(30 * kDay), TrafficResolution::Hour);
        QCOMPARE(resolutionForSpan(365 * kDay), TrafficResolution::Day);
        QList<TrafficBucket> in;
        in << bucket(kT0 + kMinute, Gateway::Vercel, u"b"_qs, u"ok"_qs, 1)
           << bucket(kT0, Gateway::Vercel, u"a"_qs, u"ok"_qs, 1);
        const MonitorDimensions d = monitorDimensions(in);
        QCOMPARE(d.models, (QStringList{u"a"_qs, u"b"_qs}));
        QCOMPARE(d.providers, QStringList{u"prov"_qs});
        QCOMPARE(d.firstMs, kT0);
        QCOMPARE(d.lastMs, kT0 + kMinute);
    }
};

QTEST_APPLESS_MAIN(TstMonitorSeries)
#include "tst_monitor_series.moc"
