// The Monitor as a dashboard, against a real history file: two days of traffic written here (the
// first day is the previous period of the second), then the headline numbers must equal the
// counts made here from the written lines, for both periods, through the controller's loader
// (off the GUI thread) and on the page.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/page_context.h"
#include "history_store.h"
#include "monitor/headline_table_model.h"
#include "monitor/monitor_page.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gwapp;

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

QByteArray line(int i, const char *gateway, int status, double cost, int ttft)
{
    const QDateTime ts = kStart.addSecs(qint64(i) * kStepMinutes * 60 + 7);
    return QByteArrayLiteral("{\"ts\":\"") + ts.toString(Qt::ISODate).toLatin1() + QByteArrayLiteral("\",\"gateway\":\"") + gateway
        + QByteArrayLiteral("\",\"model\":\"a/model-one\",\"provider\":\"prov-x\",\"user\":\"u-1\",\"task\":\"\",\"status\":")
        + QByteArray::number(status) + QByteArrayLiteral(",\"latency_ms\":900,\"ttft_ms\":") + QByteArray::number(ttft)
        + QByteArrayLiteral(",\"prompt_tokens\":1000,\"completion_tokens\":100,\"cost_usd\":") + QByteArray::number(cost, 'g', 17)
        + QByteArrayLiteral(",\"cost_source\":\"reported\"}\n");
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
            log += line(i, "openrouter", w.openrouterFails(i) ? 429 : 200, Written::openrouterCost(i), Written::ttft(i, false));
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
                QVERIFY2(qFuzzyCompare(*model->value(g, HeadlineTableModel::Cost, previous), e.cost[g]), qPrintable(what));
                QCOMPARE(*model->value(g, HeadlineTableModel::TtftP95, previous), e.ttft[g].quantile(0.95));
                const double all = e.requests[gw::Gateway::OpenRouter] + e.requests[gw::Gateway::Vercel];
                QCOMPARE(*model->value(g, HeadlineTableModel::ShareActual, previous), 100.0 * e.requests[g] / all);
                // The draft maps no model: it sends everything to OpenRouter.
                QCOMPARE(*model->value(g, HeadlineTableModel::ShareTarget, previous), g == gw::Gateway::Vercel ? 0.0 : 100.0);
            }
            // The changes: relative for amounts, in points for rates, through the model's role.
            const int row = gw::gatewayIndex(g);
            const double requestsChange = m_expected[1].requests[g] / m_expected[0].requests[g] - 1;
            QCOMPARE(model->index(row, HeadlineTableModel::Requests).data(HeadlineTableModel::ChangeRole).toDouble(), requestsChange);
            const double rateChange = m_expected[1].errors[g] / m_expected[1].requests[g] - m_expected[0].errors[g] / m_expected[0].requests[g];
            QCOMPARE(model->index(row, HeadlineTableModel::ErrorRate).data(HeadlineTableModel::ChangeRole).toDouble(), rateChange);
        }
        // On the page, at the top, the same model.
        auto *table = m_page->findChild<QTableView *>(u"headlineTable"_qs);
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->model(), model);
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
