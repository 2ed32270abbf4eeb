// The Monitor's charts over 30 days of minute buckets: 2 gateways x 10 models x 2 providers,
// about 8 buckets a minute (not every model every minute; ~3% errors in two classes), and 30
// days of hourly key usage (2 gateways x 10 models x 10 users). For each chart:
//   BENCH monitor_<chart>_series_ms <v> ms  computing the table from the buckets (gwcore)
//   BENCH monitor_<chart>_redraw_ms <v> ms  decimating and drawing it in a 1200x400 QChartView:
//                                           series and axes rebuilt, laid out, rendered
//                                           offscreen into a QImage
// Each figure is the median of 5 runs. Target: redraw under 50 ms per chart.

#include "monitor/monitor_chart_view.h"
#include "monitor/monitor_table_model.h"
#include "monitor/series.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace gw;
using namespace gw::app;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr int kDays = 30;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr int kModels = 10;
constexpr int kRuns = 5;

void report(const QString &name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", qPrintable(name), value, unit);
    std::fflush(stdout);
}

double medianMs(const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

QString modelId(int m)
{
    return u"vendor-%1/model-%2"_qs.arg(m % 4).arg(m);
}

QList<TrafficBucket> minuteBuckets()
{
    QRandomGenerator rng(2026);
    QList<TrafficBucket> out;
    const qint64 minutes = qint64(kDays) * 24 * 60;
    out.reserve(minutes * 9);
    for (qint64 minute = 0; minute < minutes; ++minute) {
        for (int i = 0; i < 8; ++i) {
            TrafficBucket b;
            b.key.startMs = kStartMs + minute * kMinuteMs;
            b.key.gateway = i % 4 == 0 ? Gateway::Vercel : Gateway::OpenRouter;
            b.key.model = modelId(int(rng.bounded(kModels)));
            b.key.provider = rng.bounded(2) ? u"provider-a"_qs : u"provider-b"_qs;
            const quint32 roll = rng.bounded(100);
            b.key.statusClass = roll < 2 ? u"rate_limited"_qs : roll < 3 ? u"server_error"_qs : u"ok"_qs;
            b.values.requests = 1 + rng.bounded(5);
            b.values.promptTokens = b.values.requests * (500 + rng.bounded(2000));
            b.values.completionTokens = b.values.requests * (50 + rng.bounded(500));
            (i % 2 ? b.values.costReportedUsd : b.values.costEstimatedUsd) = double(b.values.promptTokens) * 2e-6;
            for (quint64 r = 0; r < b.values.requests; ++r) {
                b.values.latency.add(300 + rng.bounded(3000));
                b.values.ttft.add(100 + rng.bounded(800));
            }
            out.append(b);
        }
    }
    return out;
}

QList<TrafficKeyUsage> hourlyUsage()
{
    QList<TrafficKeyUsage> out;
    for (int hour = 0; hour < kDays * 24; ++hour)
        for (int g = 0; g < 2; ++g)
            for (int m = 0; m < kModels; ++m)
                for (int u = 0; u < 10; ++u) {
                    TrafficKeyUsage row;
                    row.key = {kStartMs + hour * kHourMs, g ? Gateway::Vercel : Gateway::OpenRouter, modelId(m),
                               u"user-%1"_qs.arg(u * 7 + m), QString()};
                    row.requests = 1 + (hour + u) % 7;
                    out.append(row);
                }
    return out;
}

RoutingConfig benchConfig()
{
    RoutingConfig config;
    config.defaultSharePaid = 10;
    for (int m = 0; m < kModels; m += 2)
        config.models.insert(modelId(m), ModelEntry{modelId(m), std::nullopt, false});
    return config;
}

Catalog catalogOf(Gateway gateway, double scale)
{
    Catalog c;
    c.gateway = gateway;
    for (int m = 0; m < kModels; ++m) {
        CatalogModel model;
        model.id = modelId(m);
        model.pricePromptPerToken = scale * 1e-6 * (m + 1);
        model.priceCompletionPerToken = scale * 4e-6 * (m + 1);
        model.hasPricing = true;
        c.index.insert(model.id, int(c.models.size()));
        c.models.append(model);
    }
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const QList<TrafficBucket> buckets = minuteBuckets();
    const QList<TrafficKeyUsage> usage = hourlyUsage();
    const RoutingConfig config = benchConfig();
    const Router router(config);
    const Catalog openrouter = catalogOf(Gateway::OpenRouter, 1.0);
    const Catalog vercel = catalogOf(Gateway::Vercel, 1.1);
    const CounterfactualPrices prices{&openrouter, &vercel, &config};
    const qint64 fromMs = kStartMs;
    const qint64 toMs = kStartMs + qint64(kDays) * 24 * kHourMs;
    std::printf("# %lld minute buckets, %lld key usage rows\n", qlonglong(buckets.size()), qlonglong(usage.size()));

    struct Chart {
        QString name;
        MonitorChartView::Kind kind;
        std::function<SeriesTable()> compute;
    };
    const QList<Chart> charts = {
        {u"cost"_qs, MonitorChartView::Kind::StackedAmounts, [&] { return costSeries(buckets); }},
        {u"errors"_qs, MonitorChartView::Kind::Lines, [&] { return errorRateSeries(buckets); }},
        {u"latency"_qs, MonitorChartView::Kind::Lines, [&] { return latencySeries(buckets); }},
        {u"share"_qs, MonitorChartView::Kind::Lines,
         [&] { return shareSeries(usage, [&router](qint64) -> const Router & { return router; }); }},
        {u"cost_per_mtok"_qs, MonitorChartView::Kind::Bars, [&] { return costPerMtokSeries(buckets, prices); }},
    };
    for (const Chart &chart : charts) {
        SeriesTable table;
        report(u"monitor_%1_series_ms"_qs.arg(chart.name), medianMs([&] { table = chart.compute(); }), "ms");
        MonitorTableModel model;
        model.setTable(table, u"x"_qs);
        MonitorChartView view(chart.kind, &model);
        view.resize(1200, 400);
        view.setTimeRange(fromMs, toMs, kMinuteMs);
        if (chart.name == u"errors")
            view.setThreshold(0.5, u"threshold"_qs);
        view.show();
        view.redraw(); // first layout: the plot area's real width
        QCoreApplication::processEvents();
        QImage image(1200, 400, QImage::Format_ARGB32_Premultiplied);
        int points = 0;
        const double ms = medianMs([&] {
            view.redraw();
            QCoreApplication::sendPostedEvents(); // the chart's layout (axes, legend) runs here
            image.fill(Qt::white);
            QPainter painter(&image);
            view.render(&painter);
            points = view.maxSeriesPoints();
        });
        const double drawOnly = medianMs([&] {
            view.redraw();
            QCoreApplication::sendPostedEvents();
        });
        const double renderOnly = medianMs([&] {
            image.fill(Qt::white);
            QPainter painter(&image);
            view.render(&painter);
        });
        std::printf("# %s: series and axes rebuilt in %.2f ms, painted in %.2f ms\n", qPrintable(chart.name), drawOnly,
                    renderOnly);
        std::printf("# %s: %lld rows, %d series, at most %d points per series, plot %d px\n", qPrintable(chart.name),
                    qlonglong(table.rowCount()), int(table.series.size()), points, view.plotWidth());
        report(u"monitor_%1_redraw_ms"_qs.arg(chart.name), ms, "ms");
    }
    return 0;
}
