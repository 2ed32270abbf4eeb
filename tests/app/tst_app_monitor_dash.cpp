// The Monitor as a dashboard, against a real history file: two days of traffic written here (the
// first day is the previous period of the second), then the headline numbers must equal the
// counts made here from the written lines, for both periods, through the controller's loader
// (off the GUI thread) and on the page.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/number_format.h"
#include "common/page_context.h"
#include "history_store.h"
#include "monitor/chart_axes.h"
#include "monitor/chart_legend.h"
#include "monitor/chart_palette.h"
#include "monitor/headline_table_model.h"
#include "monitor/monitor_chart_view.h"
#include "monitor/monitor_page.h"
#include "monitor/monitor_table_model.h"
#include "routing/preview_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gw::app;
using Chart = MonitorController::Chart;

namespace {

const QDateTime kStart(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
constexpr int kStepMinutes = 5;
constexpr int kLinesPerDay = 24 * 60 / kStepMinutes;

// Line i (every 5 minutes over two days; day = i / kLinesPerDay): OpenRouter always, failing
// every 10th line on day 0 and every 4th on day 1; Vercel on two lines of three on day 0, every
// line on day 1. TTFT and cost vary by line.
struct Written {
    bool openrouterFails(int i) const { return i / kLinesPerDay == 0 ? i % 10 == 0 : i % 4 == 0; }
    bool vercelServes(int i) const { return i / kLinesPerDay == 0 ? i % 3 != 0 : true; }
    static double openrouterCost(int i) { return 0.001 * (i % 7 + 1); }
    static double vercelCost(int i) { return 0.003 * (i % 2 + 1); }
    static int ttft(int i, bool vercel) { return vercel ? 300 + i % 400 : 40 + i % 90; }
};

QByteArray lineAt(const QDateTime &ts, const char *gateway, int status, double cost, int ttft)
{
    return QByteArrayLiteral("{\"ts\":\"") + ts.toString(Qt::ISODate).toLatin1()
           + QByteArrayLiteral("\",\"gateway\":\"") + gateway
           + QByteArrayLiteral(
               "\",\"model\":\"a/model-one\",\"provider\":\"prov-x\",\"user\":\"u-1\",\"task\":\"\",\"status\":")
           + QByteArray::number(status) + QByteArrayLiteral(",\"latency_ms\":900,\"ttft_ms\":")
           + QByteArray::number(ttft)
           + QByteArrayLiteral(",\"prompt_tokens\":1000,\"completion_tokens\":100,\"cost_usd\":")
           + QByteArray::number(cost, 'g', 17) + QByteArrayLiteral(",\"cost_source\":\"reported\"}\n");
}

QByteArray line(int i, const char *gateway, int status, double cost, int ttft)
{
    return lineAt(kStart.addSecs(qint64(i) * kStepMinutes * 60 + 7), gateway, status, cost, ttft);
}

QLineSeries *lineNamed(MonitorChartView *view, const QString &name)
{
    for (QAbstractSeries *s : view->chart()->series())
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    return nullptr;
}

// A tick step of 1, 2 or 5 times a power of ten.
bool isOneTwoFive(double step)
{
    const double normal = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    return std::abs(normal - 1) < 1e-6 || std::abs(normal - 2) < 1e-6 || std::abs(normal - 5) < 1e-6;
}

struct Expected {
    gw::PerGateway<double> requests, errors, cost;
    gw::PerGateway<gw::LatencyHistogram> ttft;
};

} // namespace

class TstAppMonitorDash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QByteArray log;
        const Written w;
        for (int i = 0; i < 2 * kLinesPerDay; ++i) {
            Expected &e = m_expected[size_t(i / kLinesPerDay)];
            log += line(i, "openrouter", w.openrouterFails(i) ? 429 : 200, Written::openrouterCost(i),
                        Written::ttft(i, false));
            e.requests[gw::Gateway::OpenRouter] += 1;
            e.errors[gw::Gateway::OpenRouter] += w.openrouterFails(i) ? 1 : 0;
            e.cost[gw::Gateway::OpenRouter] += Written::openrouterCost(i);
            e.ttft[gw::Gateway::OpenRouter].add(Written::ttft(i, false));
            if (w.vercelServes(i)) {
                log += line(i, "vercel", 200, Written::vercelCost(i), Written::ttft(i, true));
                e.requests[gw::Gateway::Vercel] += 1;
                e.cost[gw::Gateway::Vercel] += Written::vercelCost(i);
                e.ttft[gw::Gateway::Vercel].add(Written::ttft(i, true));
            }
        }
        const QString path = m_dir.filePath(u"traffic.jsonl"_qs);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
        f.close();
        QVERIFY(m_store->open(m_dir.filePath(u"history.sqlite"_qs)).result().ok());
        const auto imported = m_store->importTrafficFile(path).result();
        QVERIFY2(imported.ok(), qPrintable(imported.error));

        m_context = std::make_shared<PageContext>(&m_document);
        m_page = std::make_unique<MonitorPage>(m_context);
        m_page->resize(1400, 1100);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        m_context->setHistory(m_store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!m_page->controller()->isLoading());
    }

    // The page opened on its default, "Last 24 hours", which holds none of this February traffic:
    // it shows the recorded last day instead (the second, to the end of its last hour), says so
    // in one line, and its headline numbers are the ones counted from the second day's lines.
    void opensOnTheRecordedTrafficWhenTheDefaultRangeIsEmpty()
    {
        const MonitorData &data = m_page->controller()->data();
        QVERIFY(data.openedOnRecordedTraffic);
        QCOMPARE(data.fromMs, kStart.addDays(1).toMSecsSinceEpoch());
        QCOMPARE(data.toMs, kStart.addDays(2).toMSecsSinceEpoch());
        const QString notice = m_page->rangeNoticeText();
        QVERIFY2(notice.startsWith(u"No traffic in the last 24 hours; showing the last recorded day, to "_qs),
                 qPrintable(notice));
        QVERIFY2(notice.endsWith(u"2026 00:00 UTC"_qs), qPrintable(notice));
        auto *range = m_page->findChild<QComboBox *>(u"rangeCombo"_qs);
        QCOMPARE(gw::RangePreset(range->currentData().toInt()), gw::RangePreset::Custom); // the range shown, as it is
        const HeadlineTableModel *model = m_page->controller()->headlineModel();
        for (const gw::Gateway g : gw::kGateways) {
            QCOMPARE(*model->value(g, HeadlineTableModel::Requests), m_expected[1].requests[g]);
            QVERIFY(*model->value(g, HeadlineTableModel::Requests) > 0);
            QCOMPARE(*model->value(g, HeadlineTableModel::ErrorRate),
                     m_expected[1].errors[g] / m_expected[1].requests[g]);
            QVERIFY(qFuzzyCompare(*model->value(g, HeadlineTableModel::Cost), m_expected[1].cost[g]));
            QCOMPARE(*model->value(g, HeadlineTableModel::Requests, true), m_expected[0].requests[g]);
        }

        // "Last 24 hours" picked by hand: the user's range, empty as it is, and no notice.
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        range->setCurrentIndex(range->findData(int(MonitorRange::LastDay)));
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!m_page->controller()->isLoading());
        QVERIFY(!m_page->controller()->data().openedOnRecordedTraffic);
        QVERIFY(!m_page->controller()->data().rangeHasTraffic);
        QVERIFY(m_page->rangeNoticeText().isEmpty());
        QCOMPARE(gw::RangePreset(range->currentData().toInt()), gw::RangePreset::LastDay);
        QVERIFY2(m_page->statusText().contains(u"no traffic in this range"_qs), qPrintable(m_page->statusText()));
    }

    // Traffic within the last 24 hours: the default range stays, with no notice.
    void recentTrafficKeepsTheDefaultRange()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QByteArray log;
        constexpr int kLines = 30;
        for (int i = 0; i < kLines; ++i)
            log += lineAt(now.addSecs(-3 * 3600 + i * 60), "openrouter", i % 5 == 0 ? 500 : 200, 0.01, 80);
        QFile f(dir.filePath(u"recent.jsonl"_qs));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
        f.close();
        const auto store = std::make_shared<gw::store::HistoryStore>();
        QVERIFY(store->open(dir.filePath(u"history.sqlite"_qs)).result().ok());
        QVERIFY(store->importTrafficFile(f.fileName()).result().ok());
        const auto context = std::make_shared<PageContext>(&m_document);
        MonitorPage page(context);
        QSignalSpy refreshed(&page, &MonitorPage::refreshed);
        context->setHistory(store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!page.controller()->isLoading());
        QVERIFY(!page.controller()->data().openedOnRecordedTraffic);
        QVERIFY(page.rangeNoticeText().isEmpty());
        auto *range = page.findChild<QComboBox *>(u"rangeCombo"_qs);
        QCOMPARE(gw::RangePreset(range->currentData().toInt()), gw::RangePreset::LastDay);
        const HeadlineTableModel *model = page.controller()->headlineModel();
        QCOMPARE(*model->value(gw::Gateway::OpenRouter, HeadlineTableModel::Requests), double(kLines));
        QCOMPARE(*model->value(gw::Gateway::OpenRouter, HeadlineTableModel::ErrorRate), 6.0 / kLines);
        context->setHistory(nullptr);
    }

    // Until a range is picked, the page keeps up with the traffic: opened on a log of ten days
    // ago, it goes back to "Last 24 hours" once traffic of the last hours comes in.
    void theOpeningRangeFollowsNewTraffic()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto write = [&](const QString &name, const QDateTime &from, int lines) {
            QByteArray log;
            for (int i = 0; i < lines; ++i)
                log += lineAt(from.addSecs(i * 60), "vercel", 200, 0.02, 300);
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(log) == log.size() ? f.fileName() : QString();
        };
        const auto store = std::make_shared<gw::store::HistoryStore>();
        QVERIFY(store->open(dir.filePath(u"history.sqlite"_qs)).result().ok());
        QVERIFY(store->importTrafficFile(write(u"old.jsonl"_qs, now.addDays(-10), 12)).result().ok());
        const auto context = std::make_shared<PageContext>(&m_document);
        MonitorPage page(context);
        QSignalSpy refreshed(&page, &MonitorPage::refreshed);
        context->setHistory(store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!page.controller()->isLoading());
        QVERIFY2(!page.rangeNoticeText().isEmpty(), qPrintable(page.statusText()));
        QCOMPARE(*page.controller()->headlineModel()->value(gw::Gateway::Vercel, HeadlineTableModel::Requests), 12.0);

        QVERIFY(store->importTrafficFile(write(u"new.jsonl"_qs, now.addSecs(-2 * 3600), 7)).result().ok());
        page.reload();
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!page.controller()->isLoading());
        QVERIFY(page.rangeNoticeText().isEmpty());
        auto *range = page.findChild<QComboBox *>(u"rangeCombo"_qs);
        QCOMPARE(gw::RangePreset(range->currentData().toInt()), gw::RangePreset::LastDay);
        QCOMPARE(*page.controller()->headlineModel()->value(gw::Gateway::Vercel, HeadlineTableModel::Requests), 7.0);
        context->setHistory(nullptr);
    }

    // Large figures in the tables read as numbers: group separators, never an exponent.
    void largeNumbersShowWithSeparators()
    {
        const QString separator = displayLocale().groupSeparator();
        const auto readable = [&](const QString &text, const QString &digits) {
            return text.contains(digits) && text.contains(separator) && !text.contains(u'e') && !text.contains(u'E');
        };
        HeadlineTableModel headline;
        gw::MonitorHeadline h;
        h.figures[gw::Gateway::OpenRouter].requests = 6'056'620;
        h.figures[gw::Gateway::OpenRouter].costUsd = 6'056'620.5;
        headline.setHeadline(h);
        const int row = gw::gatewayIndex(gw::Gateway::OpenRouter);
        const QString requests = headline.index(row, HeadlineTableModel::Requests).data().toString();
        QVERIFY2(readable(requests, formatCount(6'056'620)), qPrintable(requests));
        const QString cost = headline.index(row, HeadlineTableModel::Cost).data().toString();
        QVERIFY2(readable(cost, formatUsd(6'056'620.5)), qPrintable(cost));
        QVERIFY2(formatUsd(6'056'620.5).startsWith(u'$') && formatUsd(6'056'620.5).contains(u"056"_qs),
                 qPrintable(cost));

        MonitorTableModel table;
        table.setValueFormat(4, u"USD"_qs);
        gw::SeriesTable t;
        t.series = {{gw::Gateway::Vercel, u"reported"_qs}, {gw::Gateway::Vercel, u"requests"_qs}};
        t.times = {kStart.toMSecsSinceEpoch()};
        t.values = {{6'056'620.1234, 12'345'678}};
        table.setTable(t, u"Time"_qs);
        const QString amount = table.index(0, 1).data().toString();
        QVERIFY2(readable(amount, formatDecimal(6'056'620.1234, 4)), qPrintable(amount));
        const QString count = table.index(0, 2).data().toString();
        QVERIFY2(readable(count, formatCount(12'345'678)), qPrintable(count));
        QVERIFY2(table.hoverText(0).contains(formatCount(12'345'678)), qPrintable(table.hoverText(0)));

        PreviewModel preview;
        gw::SimulationResult result;
        result.hasBaseline = true;
        result.perModel = {gw::ModelShare{u"a/model-one"_qs, 6'056'620, 1'000'000, 2'500'000}};
        preview.setResult(result);
        const QString changed = preview.index(0, PreviewModel::Changed).data().toString();
        QVERIFY2(readable(changed, formatCount(2'500'000)), qPrintable(changed));
        const QString share = preview.index(0, PreviewModel::VercelShare).data().toString();
        QVERIFY2(!share.contains(u'e') && share.endsWith(u'%'), qPrintable(share));
    }

    // gwcore gives the ticks as numbers and a unit kind; the app words them (through tr()).
    void axisTicksAreWordedByTheApp()
    {
        const auto labels = [](const gw::NiceAxis &axis) {
            QStringList out;
            for (const gw::ValueTick &t : axis.ticks)
                out.append(valueTickLabel(axis, t));
            return out;
        };
        QCOMPARE(labels(gw::niceValueAxis(1'730'000, gw::AxisUnit::Usd)),
                 (QStringList{u"$0.0M"_qs, u"$0.5M"_qs, u"$1.0M"_qs, u"$1.5M"_qs, u"$2.0M"_qs}));
        QCOMPARE(labels(gw::niceValueAxis(38'000, gw::AxisUnit::Usd)),
                 (QStringList{u"$0K"_qs, u"$10K"_qs, u"$20K"_qs, u"$30K"_qs, u"$40K"_qs}));
        QCOMPARE(labels(gw::niceValueAxis(870, gw::AxisUnit::Milliseconds)).last(),
                 u"1000 ms"_qs); // no separator on an axis
        QCOMPARE(labels(gw::niceValueAxis(23'400, gw::AxisUnit::Milliseconds)).last(), u"25 s"_qs);
        QCOMPARE(labels(gw::niceValueAxis(0.083, gw::AxisUnit::Ratio)).last(), u"10 %"_qs);
        QCOMPARE(labels(gw::niceValueAxis(7'900, gw::AxisUnit::Count)).last(), u"8000"_qs);
    }

    // The second day, with the first as its previous period: through the controller's loader.
    void headlineEqualsTheLogForBothPeriods()
    {
        MonitorController *controller = m_page->controller();
        MonitorQuery query = controller->query();
        query.range = MonitorRange::Custom;
        query.customFromMs = kStart.addDays(1).toMSecsSinceEpoch();
        query.customToMs = kStart.addDays(2).toMSecsSinceEpoch();
        query.target = TargetSource::CurrentDraft;
        controller->setQuery(query);
        // The headline model keeps the model contract through the reload below.
        QAbstractItemModelTester tester(controller->headlineModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(controller, &MonitorController::loadingChanged);
        QSignalSpy loaded(controller, &MonitorController::loaded);
        controller->reload();
        QVERIFY(controller->isLoading());
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.last().first().toBool(), false);

        const HeadlineTableModel *model = controller->headlineModel();
        QCOMPARE(model->headline().previous, (gw::Period{kStart.toMSecsSinceEpoch(), query.customFromMs}));
        for (const gw::Gateway g : gw::kGateways) {
            for (const bool previous : {false, true}) {
                const Expected &e = m_expected[previous ? 0 : 1];
                const QString what = gw::gatewayDisplayName(g) + (previous ? u" previous"_qs : u" current"_qs);
                QCOMPARE(*model->value(g, HeadlineTableModel::Requests, previous), e.requests[g]);
                QCOMPARE(*model->value(g, HeadlineTableModel::ErrorRate, previous), e.errors[g] / e.requests[g]);
                QVERIFY2(qFuzzyCompare(*model->value(g, HeadlineTableModel::Cost, previous), e.cost[g]),
                         qPrintable(what));
                QCOMPARE(*model->value(g, HeadlineTableModel::TtftP95, previous), e.ttft[g].quantile(0.95));
                const double all = e.requests[gw::Gateway::OpenRouter] + e.requests[gw::Gateway::Vercel];
                QCOMPARE(*model->value(g, HeadlineTableModel::ShareActual, previous), 100.0 * e.requests[g] / all);
                // The draft maps no model: it sends everything to OpenRouter.
                QCOMPARE(*model->value(g, HeadlineTableModel::ShareTarget, previous),
                         g == gw::Gateway::Vercel ? 0.0 : 100.0);
            }
            // The changes: relative for amounts, in points for rates, through the model's role.
            const int row = gw::gatewayIndex(g);
            const double requestsChange = m_expected[1].requests[g] / m_expected[0].requests[g] - 1;
            QCOMPARE(model->index(row, HeadlineTableModel::Requests).data(HeadlineTableModel::ChangeRole).toDouble(),
                     requestsChange);
            const double rateChange = m_expected[1].errors[g] / m_expected[1].requests[g]
                                      - m_expected[0].errors[g] / m_expected[0].requests[g];
            QCOMPARE(model->index(row, HeadlineTableModel::ErrorRate).data(HeadlineTableModel::ChangeRole).toDouble(),
                     rateChange);
        }
        // On the page, at the top, the same model.
        auto *table = m_page->findChild<QTableView *>(u"headlineTable"_qs);
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->model(), model);
    }

    // The whole two days on the page: round ticks in the charts' units, each gateway in its own
    // colour whatever the filter, and legends that name every series whole and hide on a click.
    void chartsAreReadable()
    {
        auto *range = m_page->findChild<QComboBox *>(u"rangeCombo"_qs);
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        range->setCurrentIndex(range->findData(int(MonitorRange::All)));
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!m_page->controller()->isLoading());

        // Latency: "0 ms", "200 ms", ... in one 1-2-5 step.
        MonitorChartView *latency = m_page->chartView(Chart::Latency);
        const QStringList ticks = latency->valueTickLabels();
        QVERIFY2(ticks.size() >= 3, qPrintable(ticks.join(u" | ")));
        QList<double> values;
        for (const QString &t : ticks) {
            QVERIFY2(t.endsWith(u" ms"_qs), qPrintable(t));
            values.append(t.chopped(3).toDouble());
        }
        QCOMPARE(values.first(), 0.0);
        const double step = values[1] - values[0];
        QVERIFY2(isOneTwoFive(step), qPrintable(ticks.join(u" | ")));
        for (int i = 1; i < values.size(); ++i)
            QCOMPARE(values[i] - values[i - 1], step);
        // Error rate in percent, on the error chart's right axis.
        const QStringList rateTicks = m_page->chartView(Chart::Errors)->valueTickLabels(Qt::AlignRight);
        QVERIFY(!rateTicks.isEmpty());
        for (const QString &t : rateTicks)
            QVERIFY2(t.endsWith(u" %"_qs), qPrintable(t));
        // Time: two days in twelve-hour steps on round hours ("02-01 12:00").
        const QStringList times = latency->timeTickLabels();
        QVERIFY2(times.size() >= 3, qPrintable(times.join(u" | ")));
        for (const QString &t : times)
            QVERIFY2(t.endsWith(u"00:00"_qs) || t.endsWith(u"12:00"_qs), qPrintable(times.join(u" | ")));

        // Colours by gateway: the same before and after the filter leaves Vercel alone.
        const QString vercelP50 = u"Vercel TTFT p50"_qs;
        QCOMPARE(lineNamed(latency, u"OpenRouter TTFT p50"_qs)->pen().color(), gatewayColor(gw::Gateway::OpenRouter));
        QCOMPARE(lineNamed(latency, vercelP50)->pen().color(), gatewayColor(gw::Gateway::Vercel));
        auto *gateway = m_page->findChild<QComboBox *>(u"gatewayCombo"_qs);
        gateway->setCurrentIndex(gateway->findData(u"vercel"_qs));
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!lineNamed(latency, u"OpenRouter TTFT p50"_qs));
        QCOMPARE(lineNamed(latency, vercelP50)->pen().color(), gatewayColor(gw::Gateway::Vercel));

        // The legend: every series' whole name; a click hides one, and it stays hidden after a
        // filter change.
        const MonitorTableModel *model = m_page->controller()->model(Chart::Latency);
        QStringList names;
        for (int s = 0; s < model->table().series.size(); ++s)
            names.append(model->seriesName(s));
        QCOMPARE(latency->legend()->names(), names);
        QCheckBox *box = latency->legend()->checkBox(u"vercel/ttft_p50"_qs);
        QVERIFY(box && box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QTRY_VERIFY(!lineNamed(latency, vercelP50));
        QVERIFY(lineNamed(latency, u"Vercel TTFT p95"_qs));
        gateway->setCurrentIndex(0);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(lineNamed(latency, u"OpenRouter TTFT p50"_qs));
        QVERIFY(!lineNamed(latency, vercelP50));
        QVERIFY(!latency->legend()->checkBox(u"vercel/ttft_p50"_qs)->isChecked());
        latency->setSeriesHidden(int(model->table().series.indexOf(gw::SeriesId{gw::Gateway::Vercel, u"ttft_p50"_qs})),
                                 false);
        QTRY_VERIFY(lineNamed(latency, vercelP50));
    }

    // A pointer moved over one chart without any button held: every time chart draws the same
    // instant, the bar charts none.
    void hoverWithoutAButtonSharesOneCrosshair()
    {
        MonitorChartView *latency = m_page->chartView(Chart::Latency);
        m_page->findChild<QScrollArea *>(u"chartsScroll"_qs)->ensureWidgetVisible(latency);
        const double aimed = double(kStart.addSecs(30 * 3600).toMSecsSinceEpoch());
        const QPointF inChart = latency->chart()->mapToPosition(QPointF(aimed, 10));
        const QPoint inView = latency->mapFromScene(latency->chart()->mapToScene(inChart));
        QTest::mouseMove(latency->viewport(), inView);
        QTRY_VERIFY(!latency->lastHoverText().isEmpty());
        const double msPerPixel = double(2 * kLinesPerDay * kStepMinutes * 60'000) / latency->plotWidth();
        QVERIFY2(std::abs(latency->crosshairTime() - aimed) <= 2 * msPerPixel,
                 qPrintable(QString::number(latency->crosshairTime() - aimed)));
        for (const Chart c : {Chart::Cost, Chart::Errors, Chart::Latency, Chart::Share}) {
            MonitorChartView *view = m_page->chartView(c);
            QCOMPARE(view->crosshairTime(), latency->crosshairTime());
            QVERIFY2(view->crosshairShown(), qPrintable(QString::number(int(c))));
            QCOMPARE(view->crosshairX(), view->chart()->mapToPosition(QPointF(view->crosshairTime(), 0)).x());
        }
        QVERIFY(!m_page->chartView(Chart::CostPerMtok)->crosshairShown());
        // Off the plot: gone everywhere.
        QTest::mouseMove(latency->viewport(), QPoint(1, 1));
        QTRY_VERIFY(!m_page->chartView(Chart::Errors)->crosshairShown());
    }

    // The error chart stacks counts per class (all 429s here: "rate_limited", as many as written)
    // and draws a gateway's rate only for intervals with enough requests (none here: a few per
    // interval), never a 100 % spike from one failed request.
    void errorChartStacksClassesWithAMinimumVolume()
    {
        MonitorChartView *errors = m_page->chartView(Chart::Errors);
        const Written w;
        double written429 = 0;
        for (int i = 0; i < 2 * kLinesPerDay; ++i)
            written429 += w.openrouterFails(i) ? 1 : 0;
        QAreaSeries *area = nullptr;
        QLineSeries *openrouterRate = nullptr;
        for (QAbstractSeries *s : errors->chart()->series()) {
            if (s->name() == u"rate_limited"_qs)
                area = qobject_cast<QAreaSeries *>(s);
            if (s->name() == u"OpenRouter error rate"_qs)
                openrouterRate = qobject_cast<QLineSeries *>(s);
        }
        QVERIFY(area && openrouterRate);
        double stacked = 0;
        for (const QPointF &p : area->upperSeries()->points())
            stacked += p.y();
        QCOMPARE(stacked, written429);
        QCOMPARE(openrouterRate->count(), 0); // at most 2 requests per interval: under the minimum
        QVERIFY(errors->legend()->names().contains(u"rate_limited"_qs));
    }

    // Request counts beside the rates in the error chart's CSV, equal to the lines written.
    void errorCsvCarriesRequestCounts()
    {
        const QString path = m_dir.filePath(u"errors.csv"_qs);
        QString error;
        QVERIFY2(m_page->chartView(Chart::Errors)->exportCsv(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u"\r\n"_qs, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 * kLinesPerDay + 1);
        const QStringList header = lines[0].split(u',');
        const qsizetype openrouter = header.indexOf(u"OpenRouter requests"_qs);
        const qsizetype vercel = header.indexOf(u"Vercel requests"_qs);
        QCOMPARE(header.value(openrouter - 1), u"OpenRouter all errors"_qs); // next to its rate
        QCOMPARE(header.value(vercel - 1), u"Vercel all errors"_qs);
        const Written w;
        for (int i = 0; i < 2 * kLinesPerDay; ++i) {
            const QStringList row = lines[i + 1].split(u',');
            QCOMPARE(row[openrouter].toDouble(), 1.0);
            QCOMPARE(row[vercel].toDouble(), w.vercelServes(i) ? 1.0 : 0.0);
        }
    }

    void loadingIndicatorWhileLoading()
    {
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        QVERIFY(!m_page->showsLoadingIndicator());
        m_page->reload();
        QVERIFY(m_page->controller()->isLoading());
        QVERIFY(m_page->showsLoadingIndicator());
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!m_page->showsLoadingIndicator());
    }

    void pngCarriesTitleRangeAndFilters()
    {
        MonitorChartView *cost = m_page->chartView(Chart::Cost);
        const QImage image = cost->exportImage();
        QCOMPARE(image.width(), cost->width() * int(cost->devicePixelRatio()));
        QVERIFY(image.height() > cost->height() * int(cost->devicePixelRatio()));
        const QStringList caption = cost->exportCaption().split(u'\n');
        QCOMPARE(caption.size(), 3);
        const MonitorData &data = m_page->controller()->data();
        QVERIFY2(
            caption[1].contains(QDateTime::fromMSecsSinceEpoch(data.fromMs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_qs)),
            qPrintable(caption[1]));
        QVERIFY2(caption[2].contains(m_page->findChild<QComboBox *>(u"gatewayCombo"_qs)->currentText()),
                 qPrintable(caption[2]));
        // The band is not blank: the title is written on it.
        bool ink = false;
        for (int x = 0; x < image.width() && !ink; ++x)
            for (int y = 0; y < image.height() - cost->height() && !ink; ++y)
                ink = qGray(image.pixel(x, y)) < 128;
        QVERIFY(ink);
    }

    // Exports, publishes and an incident pin from the workspace and the draft: a marked line at
    // each time on every time chart.
    void annotationsAtTheExportTimes()
    {
        QTemporaryDir dir;
        const gw::Workspace workspace(dir.path());
        QVERIFY(QDir().mkpath(workspace.exportsDir()));
        const QDateTime exportAt = kStart.addSecs(30 * 3600);
        const QDateTime publishAt = kStart.addSecs(36 * 3600);
        for (const auto &[kind, at] : {std::pair{u"export"_qs, exportAt}, std::pair{u"publish"_qs, publishAt}}) {
            gw::ExportRecord record;
            record.time = at;
            record.kind = kind;
            record.profile = u"kilo"_qs;
            record.revision = 3;
            const gw::Outcome<bool> appended = workspace.appendHistory(record);
            QVERIFY2(appended.ok(), qPrintable(appended.error));
        }
        gw::RoutingConfig draft = m_document.config();
        gw::Rule pin;
        pin.id = u"incident-a-model-one-202602011200"_qs; // 12:00 on the first day
        pin.match.models = {u"a/model-one"_qs};
        pin.action.gateway = gw::Gateway::Vercel;
        pin.expiresAt = kStart.addSecs(20 * 3600);
        draft.rules.append(pin);
        m_document.reset(draft);
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        m_context->setWorkspace(workspace);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!m_page->controller()->isLoading());
        const QList<qint64> expected = {kStart.addSecs(12 * 3600).toMSecsSinceEpoch(),
                                        kStart.addSecs(20 * 3600).toMSecsSinceEpoch(), exportAt.toMSecsSinceEpoch(),
                                        publishAt.toMSecsSinceEpoch()};
        for (const Chart c : {Chart::Cost, Chart::Errors, Chart::Latency, Chart::Share})
            QCOMPARE(m_page->chartView(c)->drawnAnnotationTimes(), expected);
        QVERIFY(m_page->chartView(Chart::Balances)->drawnAnnotationTimes().isEmpty());
        m_context->setWorkspace(gw::Workspace());
    }

    // Two marks a minute apart on a day-wide chart would write their labels over each other:
    // they share one ("2 changes") whose tooltip names both; a mark hours away keeps its own,
    // and no two labels drawn overlap.
    void closeMarksShareALabel()
    {
        MonitorTableModel model;
        gw::SeriesTable t;
        t.series = {{gw::Gateway::OpenRouter, u"ttft_p50"_qs}};
        for (int h = 0; h < 24; ++h) {
            t.times.append(kStart.addSecs(h * 3600).toMSecsSinceEpoch());
            t.values.append(QList<double>{double(100 + h)});
        }
        model.setTable(t, u"Time"_qs);
        MonitorChartView view(MonitorChartView::Kind::Lines, &model);
        view.setValueUnit(gw::AxisUnit::Milliseconds);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTimeRange(kStart.toMSecsSinceEpoch(), kStart.addDays(1).toMSecsSinceEpoch(), 3600'000);
        const auto mark = [](const QDateTime &at, const QString &label) {
            return MonitorChartView::Annotation{at.toMSecsSinceEpoch(), label, QPen(Qt::darkGreen)};
        };
        view.setAnnotations({mark(kStart.addSecs(3 * 3600), u"Pin incident-a-model-one"_qs),
                             mark(kStart.addSecs(12 * 3600), u"Export native r3"_qs),
                             mark(kStart.addSecs(12 * 3600 + 60), u"Publish kilo r3"_qs)});
        view.redraw();
        QTRY_COMPARE(view.annotationLabels().size(), 2);
        QCOMPARE(view.drawnAnnotationTimes().size(), 3); // every line still drawn
        const QList<MonitorChartView::AnnotationLabel> labels = view.annotationLabels();
        QCOMPARE(labels[0].text, u"Pin incident-a-model-one"_qs);
        QCOMPARE(labels[0].marks, 1);
        QCOMPARE(labels[1].text, MonitorChartView::tr("%n change(s)", nullptr, 2)); // "2 changes" in English
        QCOMPARE(labels[1].marks, 2);
        QVERIFY2(labels[1].toolTip.contains(u"12:00 UTC  Export native r3"_qs)
                     && labels[1].toolTip.contains(u"12:01 UTC  Publish kilo r3"_qs),
                 qPrintable(labels[1].toolTip));
        QVERIFY(!labels[0].rect.intersects(labels[1].rect));
        QVERIFY(!labels[0].rect.isEmpty());

        // Six hours apart: each its own label, side by side, inside the plot.
        view.setAnnotations({mark(kStart.addSecs(6 * 3600), u"Export native r3"_qs),
                             mark(kStart.addSecs(12 * 3600), u"Publish kilo r3"_qs),
                             mark(kStart.addSecs(24 * 3600 - 60), u"Pin expires incident-a-model-one"_qs)});
        view.redraw();
        QTRY_COMPARE(view.annotationLabels().size(), 3);
        const QList<MonitorChartView::AnnotationLabel> apart = view.annotationLabels();
        const QRectF plot = view.chart()->mapToScene(view.chart()->plotArea()).boundingRect();
        for (int i = 0; i < apart.size(); ++i) {
            QCOMPARE(apart[i].marks, 1);
            QVERIFY2(plot.adjusted(-1, -1, 1, 1).contains(apart[i].rect),
                     qPrintable(apart[i].text)); // the last one shifted left
            for (int j = i + 1; j < apart.size(); ++j)
                QVERIFY2(!apart[i].rect.intersects(apart[j].rect),
                         qPrintable(apart[i].text + u" / "_qs + apart[j].text));
        }
    }

    void cleanupTestCase()
    {
        m_context->setHistory(nullptr);
        m_page.reset();
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<gw::store::HistoryStore> m_store = std::make_shared<gw::store::HistoryStore>();
    DraftDocument m_document;
    std::shared_ptr<PageContext> m_context;
    std::unique_ptr<MonitorPage> m_page;
    std::array<Expected, 2> m_expected; // day 0 (previous period), day 1 (current)
};

int main(int argc, char **argv)
{
    gwtest::isolateAppSettings(u"tst_app_monitor_dash"_qs);
    QApplication app(argc, argv);
    TstAppMonitorDash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_monitor_dash.moc"
