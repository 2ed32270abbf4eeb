// The Test bench page against the in-process local simulator, driven through its widgets: a
// batch on both gateways with faults gives the right flags and summary, the panes show the
// selected case, cancel stops every request, the history survives a restart and re-runs, a
// damaged history file is refused untouched, and no key reaches the CSVs or the database.

#include "app_test_settings.h"
#include "bench/suite.h"
#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/key_store.h"
#include "config/per_gateway.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "testbench/bench_results_model.h"
#include "testbench/bench_summary_model.h"
#include "testbench/request_viewer.h"
#include "testbench/result_pane.h"
#include "testbench/run_history_model.h"
#include "testbench/test_bench_controller.h"
#include "testbench/test_bench_page.h"
#include "workspace/workspace.h"

#include "bench_runner.h"
#include "gateway_simulator.h"
#include "store_types.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::app;

namespace {
constexpr int kWaitMs = 30000;
const QString kMapped1 = QStringLiteral("anthropic/claude-haiku-4.5");
const QString kMapped2 = QStringLiteral("anthropic/claude-3.7-sonnet");
const QString kUnmapped = QStringLiteral("ai21/jamba-large-1.7"); // the sample says: not on Vercel
} // namespace

class TstAppTestBench : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UnavailableKeyStore> m_keys;
    std::unique_ptr<MainWindow> m_window;

    MainWindow *openWindow(bool expectHistory = true)
    {
        if (!m_dir) {
            m_dir = std::make_unique<QTemporaryDir>();
            QString error;
            if (!gw::app::installSampleWorkspace(m_dir->path(), &error))
                qFatal("sample workspace: %s", qPrintable(error));
        }
        m_window = std::make_unique<MainWindow>();
        QSignalSpy history(m_window.get(), &MainWindow::historyOpened);
        m_window->setKeyStore(m_keys.get());
        m_window->routingPage()->preview()->controller()->setUsers(100);
        if (!m_window->openWorkspace(m_dir->path(), MainWindow::Recovery::Discard))
            qFatal("could not open the workspace");
        m_window->show();
        if (!history.wait(kWaitMs) || history.at(0).at(0).toBool() != expectHistory)
            qWarning("history did not open as expected");
        GatewayConnections *c = m_window->connections();
        if (!QTest::qWaitFor(
                [c] {
                    return c->state(gw::Gateway::Vercel) == GatewayConnections::State::Connected
                           && c->state(gw::Gateway::OpenRouter) == GatewayConnections::State::Connected;
                },
                kWaitMs))
            qWarning("gateways not connected");
        return m_window.get();
    }
    TestBenchPage *page() const { return m_window->testBenchPage(); }
    template <typename T>
    T *child(const char *name) const
    {
        T *w = page()->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    gw::sim::GatewaySimulator *sim() const { return m_window->connections()->simulator(); }

    // Fills the form and clicks Run; waits for the batch (and its cost lookups) to end.
    bool runBatch(const QString &models, int repeat, int concurrency, bool waitForCosts = true)
    {
        auto *edit = child<QLineEdit>("benchModelsEdit");
        edit->clear();
        QTest::keyClicks(edit, models);
        child<QSpinBox>("repeatSpin")->setValue(repeat);
        child<QSpinBox>("concurrencySpin")->setValue(concurrency);
        QSignalSpy finished(page()->controller(), &TestBenchController::runFinished);
        QSignalSpy reconciled(page()->controller(), &TestBenchController::reconciled);
        QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
        if (!finished.wait(kWaitMs))
            return false;
        return !waitForCosts || reconciled.wait(kWaitMs);
    }
    QString historyPath() const { return gw::store::defaultHistoryPath(); }

private Q_SLOTS:
    void initTestCase()
    {
        gwtest::isolateAppSettings(QStringLiteral("tst_app_testbench"));
        QSettings s;
        s.setValue(QStringLiteral("gateways/openrouter/local"), true);
        s.setValue(QStringLiteral("gateways/vercel/local"), true);
        m_keys = std::make_unique<UnavailableKeyStore>(QStringLiteral("no daemon in tests."));
        QFile::remove(historyPath());
    }
    void cleanup()
    {
        if (m_window)
            m_window->document()->setClean();
        m_window.reset();
    }

    void batchWithFaultsGivesFlagsAndSummary()
    {
        openWindow();
        QAbstractItemModelTester resultsTester(page()->controller()->results(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester summaryTester(page()->controller()->summary(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        sim()->faults().vercel.errorRates.insert(QStringLiteral("429"), 1.0);
        QVERIFY(runBatch(kMapped1 + QStringLiteral(", ") + kUnmapped, 2, 3));
        BenchResultsModel *results = page()->controller()->results();
        QCOMPARE(results->rowCount(), 4); // 2 models x 1 prompt x 2 repetitions
        int flagged = 0, skipped = 0;
        for (int row = 0; row < results->rowCount(); ++row) {
            const gw::BenchResult *o = results->result(row, gw::Gateway::OpenRouter);
            const gw::BenchResult *v = results->result(row, gw::Gateway::Vercel);
            QVERIFY(o && v);
            QVERIFY2(o->ok(), qPrintable(BenchResultsModel::statusText(*o)));
            QVERIFY(!o->response.text.isEmpty());
            QVERIFY2(o->billedCostUsd.has_value(), "the billed cost was looked up after the run");
            if (results->benchCase(row).openrouterModel == kUnmapped) {
                QVERIFY(v->skipped);
                ++skipped;
                QCOMPARE(results->index(row, BenchResultsModel::Flags).data().toString(), QString());
            } else {
                QCOMPARE(v->response.error.cls, gw::ErrorClass::RateLimited);
                QCOMPARE(results->index(row, BenchResultsModel::VercelStatus).data().toString(),
                         QStringLiteral("rate_limited (HTTP 429)"));
                QVERIFY(results->index(row, BenchResultsModel::Flags)
                            .data()
                            .toString()
                            .contains(QStringLiteral("error_one_side")));
                ++flagged;
            }
        }
        QCOMPARE(flagged, 2);
        QCOMPARE(skipped, 2);
        QVERIFY2(page()->statusText().startsWith(QStringLiteral("Done. Billed cost known for 4 requests")),
                 qPrintable(page()->statusText()));
        // Summary: OpenRouter 100% for both models, Vercel 0% for the mapped one, no Vercel row for the other.
        const QList<gw::BenchSummaryRow> rows = page()->controller()->summary()->rows();
        QCOMPARE(rows.size(), 3);
        for (const gw::BenchSummaryRow &row : rows) {
            QCOMPARE(row.runs, 2);
            QCOMPARE(row.successRate, row.gateway == gw::Gateway::OpenRouter ? 1.0 : 0.0);
            QVERIFY(row.gateway == gw::Gateway::OpenRouter || row.openrouterModel == kMapped1);
        }
        // The panes show the selected case: OpenRouter answered, Vercel's normalized error.
        auto *view = child<QTableView>("casesView");
        const int mappedRow = results->benchCase(0).openrouterModel == kMapped1 ? 0 : 2;
        view->selectRow(mappedRow);
        QVERIFY(page()->pane(gw::Gateway::OpenRouter)->text().size() > 0);
        QVERIFY(page()->pane(gw::Gateway::OpenRouter)->metrics().contains(QStringLiteral("TTFT")));
        QVERIFY2(page()->pane(gw::Gateway::Vercel)->error().startsWith(QStringLiteral("rate_limited")),
                 qPrintable(page()->pane(gw::Gateway::Vercel)->error()));
    }

    void suiteFromTheWorkspace()
    {
        openWindow();
        // A broken suite is refused with its file and line; nothing is replaced.
        QTemporaryDir out;
        const QString bad = out.filePath(QStringLiteral("bad.jsonl"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"name\": \"ok\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n{\"name\": "
                       "\"broken\", \"messages\": []}\n");
        }
        QVERIFY(!page()->loadSuite(bad));
        QVERIFY2(page()->statusText().contains(QStringLiteral("bad.jsonl:2:")), qPrintable(page()->statusText()));
        QVERIFY(child<QLineEdit>("suiteEdit")->text().isEmpty());
        // The sample workspace's own suite: every prompt on both gateways.
        QVERIFY(page()->loadSuite(m_dir->filePath(QStringLiteral("prompts/smoke.jsonl"))));
        QVERIFY(child<QLineEdit>("suiteEdit")->text().startsWith(QStringLiteral("smoke.jsonl (")));
        QVERIFY(runBatch(kMapped1, 1, 8));
        BenchResultsModel *results = page()->controller()->results();
        QVERIFY(results->rowCount() >= 5);
        QCOMPARE(page()->controller()->summary()->rows().size(), 2);
        for (const gw::BenchSummaryRow &row : page()->controller()->summary()->rows())
            QCOMPARE(row.runs, results->rowCount());
    }

    // Before Run the progress bar says how many requests the form will send (models × prompts ×
    // repetitions × gateways); a loaded suite visibly replaces the prompt until cleared; the summary
    // compares Vercel with OpenRouter per model; Request… shows both bodies side by side.
    void plannedTotalSuiteDifferenceAndRequestViewer()
    {
        openWindow();
        auto *progress = child<QProgressBar>("progressBar");
        auto *prompt = child<QPlainTextEdit>("promptEdit");
        child<QLineEdit>("benchModelsEdit")->setText(kMapped1 + QStringLiteral(", ") + kUnmapped);
        child<QSpinBox>("repeatSpin")->setValue(3);
        QCOMPARE(progress->maximum(), 2 * 1 * 3 * 2);
        QCOMPARE(progress->value(), 0);

        const QString suitePath = m_dir->filePath(QStringLiteral("prompts/smoke.jsonl"));
        const int prompts = int(gw::parsePromptSuiteFile(suitePath).suite.cases.size());
        QVERIFY(prompts > 1);
        QVERIFY(prompt->isEnabled());
        QVERIFY(!child<QPushButton>("clearSuiteButton")->isEnabled());
        QVERIFY(page()->loadSuite(suitePath));
        QCOMPARE(progress->maximum(), 2 * prompts * 3 * 2);
        QVERIFY(!prompt->isEnabled());
        auto *replaces = child<QLabel>("suiteReplacesLabel");
        QVERIFY(replaces->isVisibleTo(page()));
        QVERIFY(replaces->text().contains(QStringLiteral("smoke.jsonl")));
        QTest::mouseClick(child<QPushButton>("clearSuiteButton"), Qt::LeftButton);
        QVERIFY(prompt->isEnabled());
        QVERIFY(!replaces->isVisibleTo(page()));
        QCOMPARE(progress->maximum(), 2 * 1 * 3 * 2);

        QVERIFY(runBatch(kMapped1, 2, 2));
        BenchSummaryModel *summary = page()->controller()->summary();
        QCOMPARE(summary->rowCount(), 2);
        const gw::BenchSummaryRow *openrouter = nullptr, *vercel = nullptr;
        int vercelRow = -1;
        for (int row = 0; row < summary->rowCount(); ++row) {
            const gw::BenchSummaryRow &r = summary->rows().at(row);
            (r.gateway == gw::Gateway::Vercel ? vercel : openrouter) = &r;
            if (r.gateway == gw::Gateway::Vercel)
                vercelRow = row;
        }
        QVERIFY(openrouter && vercel);
        QVERIFY(openrouter->totalP50Ms >= 0 && vercel->totalP50Ms >= 0);
        const QModelIndex difference = summary->index(vercelRow, BenchSummaryModel::VsOpenRouter);
        QCOMPARE(difference.data(BenchSummaryModel::SortRole).toDouble(), vercel->totalP50Ms - openrouter->totalP50Ms);
        if (vercel->meanCostUsd && openrouter->meanCostUsd && *openrouter->meanCostUsd > 0)
            QCOMPARE(difference.data(BenchSummaryModel::CostDifferenceRole).toDouble(),
                     100.0 * (*vercel->meanCostUsd - *openrouter->meanCostUsd) / *openrouter->meanCostUsd);
        QVERIFY(!summary->index(1 - vercelRow, BenchSummaryModel::VsOpenRouter)
                     .data(BenchSummaryModel::SortRole)
                     .isValid());

        child<QTableView>("casesView")->selectRow(0);
        QVERIFY(page()->findChildren<RequestViewer *>().isEmpty());
        QTest::mouseClick(
            page()->pane(gw::Gateway::OpenRouter)->findChild<QPushButton *>(QStringLiteral("requestButton")),
            Qt::LeftButton);
        const QList<RequestViewer *> viewers = page()->findChildren<RequestViewer *>();
        QCOMPARE(viewers.size(), 1);
        for (gw::Gateway gateway : gw::kGateways) {
            QPlainTextEdit *body = viewers.first()->bodyView(gateway);
            QVERIFY(body->isReadOnly());
            QVERIFY(QFontInfo(body->font()).fixedPitch());
            const QJsonObject sent = page()->pane(gateway)->request();
            QVERIFY(!sent.isEmpty());
            QCOMPARE(QJsonDocument::fromJson(body->toPlainText().toUtf8()).object(), sent);
            QVERIFY(!viewers.first()->droppedLabel(gateway)->text().isEmpty());
        }
        viewers.first()->close();
    }

    void slowTtftAndMidStreamError()
    {
        openWindow();
        sim()->faults().vercel.ttft = {900, 900};
        QVERIFY(runBatch(kMapped1, 1, 2));
        BenchResultsModel *results = page()->controller()->results();
        QCOMPARE(results->rowCount(), 1);
        QVERIFY2(results->index(0, BenchResultsModel::Flags).data().toString().contains(QStringLiteral("slower_ttft")),
                 qPrintable(results->index(0, BenchResultsModel::Flags).data().toString()));
        sim()->faults().vercel.ttft = {};
        sim()->faults().openrouter.midStreamErrorAfterChunks = 1;
        QVERIFY(runBatch(kMapped1, 1, 2));
        const gw::BenchResult *o = results->result(0, gw::Gateway::OpenRouter);
        QVERIFY(o && o->response.error.isError() && o->response.error.midStream);
        QVERIFY(
            results->index(0, BenchResultsModel::Flags).data().toString().contains(QStringLiteral("error_one_side")));
        QVERIFY(page()->pane(gw::Gateway::OpenRouter)->error().contains(QStringLiteral("mid-stream")));
    }

    // While a unit streams, its live text grows through the GUI thread's copy (refreshed by the
    // poll without waiting for the worker's lock): every snapshot is a prefix of the final text,
    // and the live text is gone once the result is in.
    void liveTextGrowsWhileStreaming()
    {
        openWindow();
        sim()->faults().openrouter.chunkIntervalMs = 60;
        TestBenchController *controller = page()->controller();
        QStringList snapshots;
        connect(controller, &TestBenchController::streamed, this, [&](int caseIndex, gw::Gateway gateway) {
            const QString text = controller->liveText(0, gw::Gateway::OpenRouter);
            if (caseIndex == 0 && gateway == gw::Gateway::OpenRouter && !text.isEmpty()) // reasoning may come first
                snapshots << text;
        });
        QVERIFY(runBatch(kMapped1, 1, 2, false));
        sim()->faults().openrouter.chunkIntervalMs = 0;
        const gw::BenchResult *o = controller->results()->result(0, gw::Gateway::OpenRouter);
        QVERIFY(o && !o->response.text.isEmpty());
        QVERIFY2(snapshots.size() >= 2, qPrintable(QString::number(snapshots.size())));
        for (qsizetype i = 0; i < snapshots.size(); ++i) {
            QVERIFY2(o->response.text.startsWith(snapshots.at(i)), qPrintable(snapshots.at(i)));
            if (i > 0)
                QVERIFY(snapshots.at(i).startsWith(snapshots.at(i - 1)));
        }
        QCOMPARE(controller->liveText(0, gw::Gateway::OpenRouter), QString());
    }

    void cancelStopsEveryRequest()
    {
        openWindow();
        sim()->faults().openrouter.ttft = {5000, 5000};
        sim()->faults().vercel.ttft = {5000, 5000};
        child<QLineEdit>("benchModelsEdit")->setText(kMapped1 + QStringLiteral(", ") + kMapped2);
        child<QSpinBox>("repeatSpin")->setValue(5);
        child<QSpinBox>("concurrencySpin")->setValue(4);
        QSignalSpy finished(page()->controller(), &TestBenchController::runFinished);
        QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>("runButton")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(page()->controller()->inFlight(), 4, kWaitMs);
        const auto chatsSeen = [this] {
            return sim()->stats().requests.value(QStringLiteral("openrouter")).value(QStringLiteral("chat"))
                   + sim()->stats().requests.value(QStringLiteral("vercel")).value(QStringLiteral("chat"));
        };
        QTRY_COMPARE_WITH_TIMEOUT(chatsSeen(), 4, kWaitMs); // the four reached the gateways, which take 5 s to answer
        QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(kWaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QTest::qWait(300);
        QCOMPARE(chatsSeen(), 4);                                                // nothing started after the cancel
        QTRY_COMPARE_WITH_TIMEOUT(sim()->stats().clientDisconnects, 4, kWaitMs); // and the four were hung up on
        QCOMPARE(page()->controller()->inFlight(), 0);
        QVERIFY(page()->statusText().startsWith(QStringLiteral("Cancelled: 4 of 20 requests")));
        QVERIFY(child<QPushButton>("runButton")->isEnabled());
    }

    void historySurvivesRestartAndReruns()
    {
        QFile::remove(historyPath());
        openWindow();
        QVERIFY(runBatch(kMapped2, 2, 2));
        QTRY_COMPARE_WITH_TIMEOUT(page()->controller()->history()->rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(page()->controller()->history()->run(0).status, gw::store::RunStatus::Finished,
                                  kWaitMs);
        m_window->document()->setClean();
        m_window.reset(); // a restart

        openWindow();
        RunHistoryModel *history = page()->controller()->history();
        QAbstractItemModelTester historyTester(history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, kWaitMs);
        QCOMPARE(history->run(0).succeeded, 4); // 2 repetitions x 2 gateways
        auto *historyView = child<QTableView>("historyView");
        historyView->selectRow(0);
        QSignalSpy loaded(page()->controller(), &TestBenchController::runLoaded);
        QTest::mouseClick(child<QPushButton>("openRunButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(kWaitMs));
        BenchResultsModel *results = page()->controller()->results();
        QCOMPARE(results->rowCount(), 2);
        QVERIFY(results->result(0, gw::Gateway::Vercel)->ok());
        QVERIFY(results->result(0, gw::Gateway::OpenRouter)->billedCostUsd.has_value()); // the billed cost was kept
        QCOMPARE(child<QLineEdit>("benchModelsEdit")->text(), kMapped2);
        QCOMPARE(child<QSpinBox>("repeatSpin")->value(), 2);
        // Run again: the same batch, a second run in the history.
        QSignalSpy finished(page()->controller(), &TestBenchController::runFinished);
        QTest::mouseClick(child<QPushButton>("rerunButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(results->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, kWaitMs);
    }

    void csvAndDatabaseHoldNoKey()
    {
        openWindow();
        QVERIFY(runBatch(kMapped1, 1, 2));
        QTemporaryDir out;
        const QString summaryPath = out.filePath(QStringLiteral("summary.csv"));
        const QString resultsPath = out.filePath(QStringLiteral("results.csv"));
        QVERIFY(page()->exportCsv(summaryPath, true));
        QVERIFY(page()->exportCsv(resultsPath, false));
        const QStringList keys{gw::sim::GatewaySimulator::defaultKey(gw::Gateway::OpenRouter),
                               gw::sim::GatewaySimulator::defaultKey(gw::Gateway::Vercel)};
        m_window->document()->setClean();
        m_window.reset(); // closes the history: everything is in the main file
        for (const QString &path : {summaryPath, resultsPath, historyPath()}) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            QVERIFY2(bytes.contains(kMapped1.toUtf8()), qPrintable(path)); // the search can find things
            for (const QString &key : keys)
                QVERIFY2(!bytes.contains(key.toUtf8()), qPrintable(path + QStringLiteral(" holds a key")));
            QVERIFY(!bytes.contains("Bearer"));
        }
    }

    void damagedHistoryIsRefusedUntouched()
    {
        QDir().mkpath(QFileInfo(historyPath()).path());
        QFile::remove(historyPath());
        const QByteArray garbage = QByteArray("not a database, but somebody's file\n").repeated(200);
        {
            QFile file(historyPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        openWindow(false);
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("history.sqlite")));
        // The bench still runs, without history.
        QVERIFY(runBatch(kMapped1, 1, 1));
        QCOMPARE(page()->controller()->results()->rowCount(), 1);
        m_window->document()->setClean();
        m_window.reset();
        QFile file(historyPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
        file.remove();
    }
};

QTEST_MAIN(TstAppTestBench)
#include "tst_app_testbench.moc"
