// The Monitor page against a real history file: a traffic log written here is imported through
// the store, then the page must show the charts (not the empty state), pass
// QAbstractItemModelTester on every chart model, export CSV equal to totals counted here from
// the lines written, export a loadable PNG, show hover values, follow the gateway filter, and
// never hold more points in a series than the plot is wide (also after a resize).

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/page_context.h"
#include "config/config_io.h"
#include "history_store.h"
#include "monitor/monitor_chart_view.h"
#include "monitor/monitor_page.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXYSeries>

#include <cmath>

using namespace gw::app;
using Chart = MonitorController::Chart;

namespace {

constexpr int kMinutes = 3000; // ~2 days of minutes: more rows than any plot is wide
const QDateTime kStart(QDate(2026, 1, 10), QTime(0, 0), Qt::UTC);

// Per minute: one OpenRouter line (reported cost, a 429 every tenth minute) and one Vercel line
// (estimated cost), with the expected figures computed from the same numbers.
double openrouterCost(int minute)
{
    return 0.001 * (minute % 5 + 1);
}
constexpr double kVercelCost = 0.002;
bool openrouterFails(int minute)
{
    return minute % 10 == 0;
}
bool vercelServes(int minute)
{
    return minute % 4 != 0;
} // else the line is OpenRouter's too

QByteArray line(int minute, const char *gateway, int status, double cost, const char *costSource)
{
    const QDateTime ts = kStart.addSecs(qint64(minute) * 60 + (gateway[0] == 'v' ? 30 : 10));
    return QByteArrayLiteral("{\"ts\":\"") + ts.toString(Qt::ISODate).toLatin1()
           + QByteArrayLiteral("\",\"gateway\":\"") + gateway + QByteArrayLiteral("\",\"model\":\"")
           + (minute % 2 ? "b/model-two" : "a/model-one") + QByteArrayLiteral("\",\"provider\":\"")
           + (minute % 3 ? "prov-x" : "prov-y") + QByteArrayLiteral("\",\"user\":\"u-")
           + QByteArray::number(minute % 17) + QByteArrayLiteral("\",\"task\":\"\",\"status\":")
           + QByteArray::number(status) + QByteArrayLiteral(",\"latency_ms\":") + QByteArray::number(100 + minute % 50)
           + QByteArrayLiteral(",\"ttft_ms\":50,\"prompt_tokens\":1000,\"completion_tokens\":100,\"cost_usd\":")
           + QByteArray::number(cost, 'g', 17) + QByteArrayLiteral(",\"cost_source\":\"") + costSource
           + QByteArrayLiteral("\"}\n");
}

QByteArray trafficLog()
{
    QByteArray out;
    for (int m = 0; m < kMinutes; ++m) {
        out += line(m, "openrouter", openrouterFails(m) ? 429 : 200, openrouterCost(m), "reported");
        out +=
            vercelServes(m) ? line(m, "vercel", 200, kVercelCost, "estimated") : line(m, "openrouter", 200, 0, "none");
    }
    return out;
}

QList<QStringList> parseCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QString &l : QString::fromUtf8(f.readAll()).split(u"\r\n"_qs, Qt::SkipEmptyParts))
        rows.append(l.split(u','));
    return rows;
}

} // namespace

class TstAppMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString log = m_dir.filePath(u"traffic.jsonl"_qs);
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(trafficLog());
        f.close();
        QVERIFY(m_store->open(m_dir.filePath(u"history.sqlite"_qs)).result().ok());
        const auto imported = m_store->importTrafficFile(log).result();
        QVERIFY2(imported.ok(), qPrintable(imported.error));

        gw::RoutingConfig config;
        config.failover.errorRateThreshold = 0.25;
        m_document.reset(config);
        m_context = std::make_shared<PageContext>(&m_document);
        m_page = std::make_unique<MonitorPage>(m_context);
        for (int c = 0; c < MonitorController::ChartCount; ++c)
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m_page->controller()->model(Chart(c)), QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_page->resize(1400, 1100);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        auto *range = m_page->findChild<QComboBox *>(u"rangeCombo"_qs);
        range->setCurrentIndex(range->findData(int(MonitorRange::All)));
        auto *target = m_page->findChild<QComboBox *>(u"targetCombo"_qs);
        target->setCurrentIndex(target->findData(int(TargetSource::CurrentDraft)));
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        m_context->setHistory(m_store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!m_page->controller()->isLoading());
    }

    void showsChartsNotTheEmptyState()
    {
        QVERIFY(!m_page->showsEmptyState());
        QCOMPARE(m_page->controller()->data().resolution, gw::TrafficResolution::Minute);
        for (int c = 0; c < MonitorController::ChartCount; ++c)
            QVERIFY2(m_page->controller()->model(Chart(c))->rowCount() > 0, qPrintable(QString::number(c)));
    }

    void emptyStoreShowsTheEmptyState()
    {
        QTemporaryDir dir;
        const auto empty = std::make_shared<gw::store::HistoryStore>();
        QVERIFY(empty->open(dir.filePath(u"empty.sqlite"_qs)).result().ok());
        const auto context = std::make_shared<PageContext>(&m_document, nullptr);
        MonitorPage page(context);
        QSignalSpy refreshed(&page, &MonitorPage::refreshed);
        context->setHistory(empty);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(page.showsEmptyState());
        QVERIFY(page.findChild<QLabel *>(u"emptyLabel"_qs)->text().contains(u"import a log"_qs));
        context->setHistory(nullptr);
    }

    void costCsvEqualsTheLog()
    {
        const QString path = m_dir.filePath(u"cost.csv"_qs);
        QString error;
        QVERIFY2(m_page->chartView(Chart::Cost)->exportCsv(path, &error), qPrintable(error));
        const QList<QStringList> rows = parseCsv(path);
        QCOMPARE(rows.size(), kMinutes + 1);
        QCOMPARE(rows[0], (QStringList{u"Time (UTC)"_qs, u"OpenRouter reported"_qs, u"OpenRouter estimated"_qs,
                                       u"Vercel reported"_qs, u"Vercel estimated"_qs}));
        for (int m = 0; m < kMinutes; ++m) {
            const QStringList &r = rows[m + 1];
            QCOMPARE(r[0], kStart.addSecs(qint64(m) * 60).toString(Qt::ISODate));
            QCOMPARE(r[1].toDouble(), openrouterCost(m));
            QCOMPARE(r[2].toDouble(), 0.0);
            QCOMPARE(r[3].toDouble(), 0.0);
            QCOMPARE(r[4].toDouble(), vercelServes(m) ? kVercelCost : 0.0);
        }
    }

    void errorRateAndShareFromTheLog()
    {
        const gw::SeriesTable &errors = m_page->controller()->model(Chart::Errors)->table();
        QCOMPARE(errors.rowCount(), kMinutes);
        // OpenRouter's first series is "all errors": 1 of 1 (or of 2 when Vercel did not serve).
        for (int m = 0; m < kMinutes; ++m) {
            const double requests = vercelServes(m) ? 1 : 2;
            QCOMPARE(errors.values[m][0], openrouterFails(m) ? 1 / requests : 0.0);
        }
        // Share per hour: Vercel served 3 of every 4 minutes' second line; the target of a draft
        // with no models mapped is 0 %.
        const gw::SeriesTable &share = m_page->controller()->model(Chart::Share)->table();
        QCOMPARE(share.rowCount(), (kMinutes + 59) / 60);
        for (int h = 0; h < share.rowCount(); ++h) {
            double vercel = 0;
            double all = 0;
            for (int m = h * 60; m < std::min(kMinutes, h * 60 + 60); ++m) {
                vercel += vercelServes(m) ? 1 : 0;
                all += 2;
            }
            QCOMPARE(share.values[h][0], 100.0 * vercel / all);
            QCOMPARE(share.values[h][1], 0.0);
        }
    }

    void seriesNeverExceedThePlotWidth()
    {
        for (int c = 0; c < MonitorController::ChartCount; ++c) {
            MonitorChartView *view = m_page->chartView(Chart(c));
            QVERIFY2(view->maxSeriesPoints() <= view->plotWidth(),
                     qPrintable(
                         u"chart %1: %2 points, %3 px"_qs.arg(c).arg(view->maxSeriesPoints()).arg(view->plotWidth())));
            QVERIFY(view->maxSeriesPoints() > 0);
        }
        // Narrower: every chart redecimates to its new width.
        QSignalSpy spy(m_page->chartView(Chart::Errors)->chart(), &QChart::plotAreaChanged);
        m_page->resize(900, 1100);
        QTRY_VERIFY(spy.count() > 0);
        QTest::qWait(50);
        for (int c = 0; c < MonitorController::ChartCount; ++c) {
            MonitorChartView *view = m_page->chartView(Chart(c));
            QTRY_VERIFY2(view->maxSeriesPoints() <= view->plotWidth(),
                         qPrintable(u"chart %1 after resize: %2 points, %3 px"_qs.arg(c)
                                        .arg(view->maxSeriesPoints())
                                        .arg(view->plotWidth())));
        }
        // The threshold line is there, at the draft's value.
        bool threshold = false;
        for (QAbstractSeries *s : m_page->chartView(Chart::Errors)->chart()->series()) {
            auto *xy = qobject_cast<QXYSeries *>(s);
            if (xy && xy->name().startsWith(u"Failover threshold"_qs))
                threshold = xy->count() == 2 && xy->at(0).y() == 0.25;
        }
        QVERIFY(threshold);
        // The note states it in percent like the rate axis, and the rate axis's title fits beside
        // the plot (its minimum-volume rule lives in the note, where it is not cut).
        const QString note = m_page->noteText(Chart::Errors);
        QVERIFY2(note.contains(u"Failover threshold 25.0 %"_qs), qPrintable(note));
        QVERIFY2(note.contains(u"at least 20 requests"_qs), qPrintable(note));
        QChart *errors = m_page->chartView(Chart::Errors)->chart();
        const QList<QAbstractAxis *> right = errors->axes(Qt::Vertical);
        bool rateAxisChecked = false;
        for (QAbstractAxis *axis : right) {
            if (axis->alignment() != Qt::AlignRight)
                continue;
            const int titleWidth = QFontMetrics(axis->titleFont()).horizontalAdvance(axis->titleText());
            QVERIFY2(titleWidth <= errors->plotArea().height(),
                     qPrintable(u"\"%1\" is %2 px beside a %3 px plot"_qs.arg(axis->titleText())
                                    .arg(titleWidth)
                                    .arg(errors->plotArea().height())));
            rateAxisChecked = true;
        }
        QVERIFY(rateAxisChecked);
    }

    void hoverShowsTheRowValues()
    {
        MonitorChartView *view = m_page->chartView(Chart::Latency);
        MonitorTableModel *model = m_page->controller()->model(Chart::Latency);
        const int row = 1234;
        const QPointF inChart = view->chart()->mapToPosition(QPointF(double(model->table().times[row]), 100));
        const QPoint inView = view->mapFromScene(view->chart()->mapToScene(inChart));
        const QString text = view->hoverTextAt(inView);
        // A pixel spans several minutes: the row shown is one within a pixel of the one aimed at.
        const int slack = kMinutes / view->plotWidth() + 1;
        int shown = -1;
        for (int r = row - slack; r <= row + slack; ++r)
            if (text.startsWith(kStart.addSecs(r * 60LL).toString(u"yyyy-MM-dd HH:mm"_qs)))
                shown = r;
        QVERIFY2(shown >= 0, qPrintable(text));
        // All TTFTs are 50 ms: the p50 shown is the middle of 50 ms's histogram bin.
        const int bin = gw::LatencyHistogram::binFor(50);
        const double middle = std::sqrt(gw::LatencyHistogram::binLowerMs(bin) * gw::LatencyHistogram::binUpperMs(bin));
        QVERIFY2(text.contains(u"OpenRouter TTFT p50: %1 ms"_qs.arg(middle, 0, 'f', 0)), qPrintable(text));
        QTest::mouseMove(view->viewport(), inView);
        QTRY_COMPARE(view->lastHoverText(), text);
        QVERIFY(view->hoverTextAt(QPoint(1, 1)).isEmpty()); // outside the plot

        // The stacked cost chart shows sums per interval: hovering shows the interval's sums,
        // counted here from the written lines.
        MonitorChartView *cost = m_page->chartView(Chart::Cost);
        const QPointF at =
            cost->chart()->mapToPosition(QPointF(double(kStart.addSecs(600 * 60).toMSecsSinceEpoch()), 0.01));
        const QString costText = cost->hoverTextAt(cost->mapFromScene(cost->chart()->mapToScene(at)));
        const QStringList lines = costText.split(u'\n');
        QVERIFY2(lines.size() == 5, qPrintable(costText));
        const QStringList bounds = lines[0].chopped(4).split(u" – "_qs); // "<from> – <to> UTC"
        QCOMPARE(bounds.size(), 2);
        const QDateTime from = QDateTime::fromString(bounds[0], u"yyyy-MM-dd HH:mm"_qs); // fields only: made UTC below
        const QDateTime to = QDateTime::fromString(bounds[1], u"yyyy-MM-dd HH:mm"_qs);   // fields only: made UTC below
        const int first = int(kStart.secsTo(QDateTime(from.date(), from.time(), Qt::UTC)) / 60);
        const int last = int(kStart.secsTo(QDateTime(to.date(), to.time(), Qt::UTC)) / 60);
        QVERIFY2(first <= 600 && last > 600, qPrintable(costText));
        double openrouter = 0;
        for (int m = first; m < last; ++m)
            openrouter += openrouterCost(m);
        QCOMPARE(lines[1], u"OpenRouter reported: %1 USD"_qs.arg(openrouter, 0, 'f', 4));
    }

    void pngExportLoads()
    {
        const QString path = m_dir.filePath(u"errors.png"_qs);
        QString error;
        QVERIFY2(m_page->chartView(Chart::Errors)->exportPng(path, &error), qPrintable(error));
        const QImage image(path);
        QVERIFY(!image.isNull());
        // The chart under a caption band (title, range, filters).
        const QSize chart = m_page->chartView(Chart::Errors)->size() * m_page->devicePixelRatio();
        QCOMPARE(image.width(), chart.width());
        QVERIFY(image.height() > chart.height());
    }

    void gatewayFilterChangesTheSeries()
    {
        auto *gateway = m_page->findChild<QComboBox *>(u"gatewayCombo"_qs);
        QSignalSpy refreshed(m_page.get(), &MonitorPage::refreshed);
        gateway->setCurrentIndex(gateway->findData(u"vercel"_qs));
        QVERIFY(refreshed.wait(10000));
        const gw::SeriesTable &cost = m_page->controller()->model(Chart::Cost)->table();
        QCOMPARE(cost.series.size(), 2); // Vercel reported, estimated
        double sum = 0;
        double expected = 0;
        for (const QList<double> &row : cost.values)
            sum += row[1];
        for (int m = 0; m < kMinutes; ++m)
            expected += vercelServes(m) ? kVercelCost : 0;
        QVERIFY(qFuzzyCompare(sum, expected));
        QCOMPARE(m_page->controller()->model(Chart::Cost)->headerData(1, Qt::Horizontal).toString(),
                 u"Vercel reported"_qs);
        gateway->setCurrentIndex(0);
        QVERIFY(refreshed.wait(10000));
    }

    void balancesAndRunwayFromTheConnections()
    {
        // Both gateways on the in-process simulator: 100 USD of credit each, nothing spent.
        QSettings settings;
        settings.setValue(u"gateways/openrouter/local"_qs, true);
        settings.setValue(u"gateways/vercel/local"_qs, true);
        GatewayConnections connections(nullptr);
        connections.reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            connections.balance(gw::Gateway::OpenRouter) && connections.balance(gw::Gateway::Vercel), 20000);
        const auto context = std::make_shared<PageContext>(&m_document, &connections);
        MonitorPage page(context);
        QSignalSpy refreshed(&page, &MonitorPage::refreshed);
        context->setHistory(m_store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!page.controller()->isLoading());

        // Burn: each gateway's cost over the hours its traffic covers (exactly 50 hours here).
        double openrouterTotal = 0;
        double vercelTotal = 0;
        for (int m = 0; m < kMinutes; ++m) {
            openrouterTotal += openrouterCost(m);
            vercelTotal += vercelServes(m) ? kVercelCost : 0;
        }
        const double days = kMinutes / 60.0 / 24.0;
        const gw::SeriesTable &t = page.controller()->model(Chart::Balances)->table();
        QCOMPARE(t.categories, (QStringList{u"OpenRouter"_qs, u"Vercel"_qs}));
        QCOMPARE(t.values[0][0], 100.0); // remaining
        QCOMPARE(t.values[1][1], 0.0);   // spent
        QVERIFY(qFuzzyCompare(t.values[0][2], openrouterTotal / days));
        QVERIFY(qFuzzyCompare(t.values[1][2], vercelTotal / days));
        QVERIFY(qFuzzyCompare(t.values[0][3], 100.0 / (openrouterTotal / days)));
        const QString note = page.noteText(Chart::Balances);
        QVERIFY2(note.contains(u"OpenRouter: $100.00 left"_qs) && !note.contains(u"run dry"_qs), qPrintable(note));
        context->setHistory(nullptr);
    }

    void targetFollowsTheConfigLiveThen()
    {
        // A native export at 10:00 on the first day sends every mapped paid model to Vercel;
        // before it the draft (nothing mapped) sends nothing there.
        QTemporaryDir dir;
        const gw::Workspace workspace(dir.path());
        QVERIFY(QDir().mkpath(workspace.exportsDir()));
        gw::RoutingConfig live;
        live.defaultSharePaid = 100;
        live.models.insert(u"a/model-one"_qs, gw::ModelEntry{u"vendor/model-one"_qs, std::nullopt, false});
        QString error;
        QVERIFY2((error = gw::saveConfigFile(workspace.exportsDir() + u"/routing-live.json"_qs, live).error).isEmpty(),
                 qPrintable(error));
        gw::ExportRecord record;
        record.time = kStart.addSecs(10 * 3600);
        record.profile = u"native"_qs;
        record.revision = 2;
        record.file = u"routing-live.json"_qs;
        QVERIFY2((error = workspace.appendHistory(record).error).isEmpty(), qPrintable(error));

        const auto context = std::make_shared<PageContext>(&m_document, nullptr);
        MonitorPage page(context);
        auto *range = page.findChild<QComboBox *>(u"rangeCombo"_qs);
        range->setCurrentIndex(range->findData(int(MonitorRange::All)));
        context->setWorkspace(workspace);
        QSignalSpy refreshed(&page, &MonitorPage::refreshed);
        context->setHistory(m_store);
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(!page.controller()->isLoading());
        QCOMPARE(page.controller()->data().liveConfigs, 1);
        const gw::SeriesTable &share = page.controller()->model(Chart::Share)->table();
        QCOMPARE(share.rowCount(), (kMinutes + 59) / 60);
        for (int h = 0; h < share.rowCount(); ++h) {
            // a/model-one is requested in even minutes (both lines of the minute).
            double one = 0;
            double all = 0;
            for (int m = h * 60; m < std::min(kMinutes, h * 60 + 60); ++m) {
                one += m % 2 ? 0 : 2;
                all += 2;
            }
            // Before the export the target is the draft's, in a series of its own ("target_draft").
            QCOMPARE(share.values[h][h < 10 ? 2 : 1], h < 10 ? 0.0 : 100.0 * one / all);
            QVERIFY(std::isnan(share.values[h][h < 10 ? 1 : 2]));
        }
        QCOMPARE(share.series[2].measure, u"target_draft"_qs);
        QCOMPARE(page.controller()->data().draftTargetRows, 10);
        QCOMPARE(*page.controller()->data().firstLiveMs, record.time.toMSecsSinceEpoch());
        context->setHistory(nullptr);
    }

    void cleanupTestCase()
    {
        m_context->setHistory(nullptr);
        m_testers.clear();
        m_page.reset();
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<gw::store::HistoryStore> m_store = std::make_shared<gw::store::HistoryStore>();
    DraftDocument m_document;
    std::shared_ptr<PageContext> m_context;
    std::unique_ptr<MonitorPage> m_page;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

int main(int argc, char **argv)
{
    gwtest::isolateAppSettings(u"tst_app_monitor"_qs);
    QApplication app(argc, argv);
    TstAppMonitor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_monitor.moc"
