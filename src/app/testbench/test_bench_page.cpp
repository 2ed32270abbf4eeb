#include "testbench/test_bench_page.h"
#include "config/per_gateway.h"

#include "common/draft_document.h"
#include "common/number_format.h"
#include "common/page_context.h"
#include "testbench/bench_results_model.h"
#include "testbench/bench_summary_model.h"
#include "testbench/request_viewer.h"
#include "testbench/result_pane.h"
#include "testbench/run_history_model.h"
#include "testbench/test_bench_controller.h"
#include "ui_testbenchpage.h"

#include "bench/stats.h"
#include "bench/suite.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <limits>

namespace gw::app {

namespace {
// Every case runs once per gateway (a model not on Vercel counts as a skipped Vercel request), as
// TestBenchController::runStarted counts them.
constexpr int kGatewayCount = int(gw::kGateways.size());
} // namespace

TestBenchPage::TestBenchPage(std::shared_ptr<PageContext> context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::TestBenchPage>())
    , m_context(std::move(context))
    , m_document(m_context->document())
    , m_controller(new TestBenchController(m_context->connections(), this))
    , m_casesProxy(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        m_panes[gw::gatewayIndex(gateway)] = new ResultPane(gateway, this);
        ui->panesLayout->addWidget(m_panes[gw::gatewayIndex(gateway)]);
    }
    ui->effortCombo->addItem(tr("per prompt"), QString());
    for (const char *effort : {"none", "minimal", "low", "medium", "high", "xhigh"})
        ui->effortCombo->addItem(QString::fromLatin1(effort), QString::fromLatin1(effort));
    m_casesProxy->setSourceModel(m_controller->results());
    m_casesProxy->setSortRole(BenchResultsModel::SortRole);
    ui->casesView->setModel(m_casesProxy);
    ui->casesView->horizontalHeader()->setSectionResizeMode(BenchResultsModel::Flags, QHeaderView::Stretch);
    // Sizing columns to a thousand rows' contents stalls the GUI thread; fifty rows tell enough.
    ui->casesView->horizontalHeader()->setResizeContentsPrecision(50);
    ui->summaryView->setModel(m_controller->summary());
    ui->summaryView->setWordWrap(false);
    connect(m_controller->summary(), &QAbstractItemModel::modelReset, ui->summaryView,
            &QTableView::resizeColumnsToContents);
    ui->historyView->setModel(m_controller->history());
    ui->historyView->horizontalHeader()->setSectionResizeMode(RunHistoryModel::Label, QHeaderView::Stretch);
    ui->splitter->setStretchFactor(0, 2);
    ui->splitter->setStretchFactor(1, 3);
    ui->splitter->setStretchFactor(2, 1);
    // Tokens may arrive hundreds of times a second: the panes catch up at ~30 Hz.
    m_paneRefresh.setSingleShot(true);
    m_paneRefresh.setInterval(33);
    connect(&m_paneRefresh, &QTimer::timeout, this, &TestBenchPage::refreshPanes);

    connect(ui->runButton, &QPushButton::clicked, this, &TestBenchPage::run);
    connect(ui->cancelButton, &QPushButton::clicked, m_controller, &TestBenchController::cancel);
    connect(ui->browseSuiteButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open prompt suite"), m_workspaceDir + QStringLiteral("/prompts"),
                                         tr("Prompt suites (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            loadSuite(path);
    });
    connect(ui->clearSuiteButton, &QPushButton::clicked, this, [this] { setSuite({}, QString()); });
    // The planned total is known before Run: models × prompts × repetitions × gateways.
    connect(ui->benchModelsEdit, &QLineEdit::textChanged, this, &TestBenchPage::showPlannedTotal);
    connect(ui->promptEdit, &QPlainTextEdit::textChanged, this, &TestBenchPage::showPlannedTotal);
    connect(ui->repeatSpin, &QSpinBox::valueChanged, this, &TestBenchPage::showPlannedTotal);
    connect(ui->exportSummaryButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export summary"),
                                                          QStringLiteral("bench-summary.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path, true);
    });
    connect(ui->exportResultsButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export results"),
                                                          QStringLiteral("bench-results.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path, false);
    });
    connect(ui->openRunButton, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = ui->historyView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_controller->openRun(rows.first().data(RunHistoryModel::RunIdRole).toLongLong());
    });
    connect(ui->rerunButton, &QPushButton::clicked, this, &TestBenchPage::rerunSelected);
    connect(ui->casesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_selecting || !current.isValid())
                    return;
                m_followNewest = false;
                selectCase(m_casesProxy->mapToSource(current).row());
            });

    connect(m_controller, &TestBenchController::runStarted, this, [this](int total) {
        ui->progressBar->setFormat(tr("%v of %m requests"));
        ui->progressBar->setMaximum(total);
        ui->progressBar->setValue(0);
        setRunning(true);
    });
    connect(m_controller, &TestBenchController::progress, this, [this](int done, int total) {
        ui->progressBar->setMaximum(total);
        ui->progressBar->setValue(done);
    });
    connect(m_controller, &TestBenchController::runFinished, this, [this](bool cancelled) {
        setRunning(false);
        ui->statusLabel->setText(cancelled ? tr("Cancelled: %1 of %2 requests ended.")
                                                 .arg(ui->progressBar->value())
                                                 .arg(ui->progressBar->maximum())
                                           : tr("Done. Looking up billed costs…"));
        refreshPanes();
        ui->casesView->resizeColumnsToContents(); // sized on the first 50 rows (see the constructor)
    });
    connect(m_controller, &TestBenchController::reconciled, this, [this](int billed, int failed) {
        ui->statusLabel->setText(
            failed ? tr("Done. Billed cost known for %1 requests; %2 lookups failed.").arg(billed).arg(failed)
                   : tr("Done. Billed cost known for %1 requests.").arg(billed));
        refreshPanes();
    });
    connect(m_controller, &TestBenchController::unitStarted, this, [this](int caseIndex, gw::Gateway) {
        if (m_followNewest && caseIndex != m_selectedCase)
            selectCase(m_controller->results()->rowOfCase(caseIndex));
    });
    connect(m_controller, &TestBenchController::streamed, this, [this](int caseIndex, gw::Gateway) {
        if (caseIndex == m_selectedCase && !m_paneRefresh.isActive())
            m_paneRefresh.start();
    });
    connect(m_controller, &TestBenchController::unitFinished, this, [this](int caseIndex, gw::Gateway) {
        if (caseIndex == m_selectedCase)
            refreshPanes();
    });
    connect(m_controller, &TestBenchController::historyError, this,
            [this](const QString &message) { ui->historyLabel->setText(tr("History: %1").arg(message)); });
    connect(m_controller, &TestBenchController::runLoaded, this, &TestBenchPage::onRunLoaded);
    for (ResultPane *pane : m_panes)
        connect(pane, &ResultPane::requestViewRequested, this, &TestBenchPage::showRequests);
    setSuite({}, QString());
    ui->historyLabel->setText(tr("History is not kept."));
    connect(m_context.get(), &PageContext::workspaceChanged, this, &TestBenchPage::onWorkspaceChanged);
    connect(m_context.get(), &PageContext::historyChanged, this, &TestBenchPage::onHistoryChanged);
    if (m_context->workspace().isValid())
        onWorkspaceChanged();
    if (m_context->history())
        onHistoryChanged();
}

TestBenchPage::~TestBenchPage() = default;

ResultPane *TestBenchPage::pane(gw::Gateway gateway) const
{
    return m_panes[gw::gatewayIndex(gateway)];
}
QString TestBenchPage::statusText() const
{
    return ui->statusLabel->text();
}

void TestBenchPage::onWorkspaceChanged()
{
    const QString dir = m_context->workspace().dir();
    m_workspaceDir = dir;
    m_controller->setWorkspaceDir(dir);
    if (ui->benchModelsEdit->text().isEmpty()) {
        // Start with two models both gateways carry, so the first run shows both sides.
        QStringList mapped;
        const gw::RoutingConfig &config = m_document->config();
        for (auto it = config.models.cbegin(); it != config.models.cend() && mapped.size() < 2; ++it)
            if (it.value().vercel && !it.value().free)
                mapped << it.key();
        ui->benchModelsEdit->setText(mapped.join(QStringLiteral(", ")));
    }
    if (ui->promptEdit->toPlainText().isEmpty())
        ui->promptEdit->setPlainText(tr("Write a Python function that checks whether a string is a palindrome."));
}

void TestBenchPage::onHistoryChanged()
{
    const std::shared_ptr<gw::store::HistoryStore> &history = m_context->history();
    m_controller->setHistory(history);
    ui->historyLabel->setText(history ? QString() : tr("History is not kept: %1").arg(m_context->historyError()));
}

bool TestBenchPage::loadSuite(const QString &path)
{
    const gw::PromptSuiteParse parsed = gw::parsePromptSuiteFile(path);
    if (!parsed.ok()) {
        ui->statusLabel->setText(parsed.problems.isEmpty() ? tr("%1 has no prompts.").arg(path)
                                                           : gw::joinDiagnostics(parsed.problems));
        return false;
    }
    setSuite(parsed.suite, QFileInfo(path).fileName());
    ui->statusLabel->clear();
    return true;
}

void TestBenchPage::setSuite(const gw::PromptSuite &suite, const QString &name)
{
    m_suite = suite;
    const bool loaded = !m_suite.cases.isEmpty();
    const QString described = tr("%1 (%n prompts)", nullptr, int(m_suite.cases.size())).arg(name);
    ui->suiteEdit->setText(loaded ? described : QString());
    // A suite replaces the single prompt: the prompt stays as typed, greyed, until Clear.
    ui->promptEdit->setEnabled(!loaded);
    ui->suiteReplacesLabel->setVisible(loaded);
    ui->suiteReplacesLabel->setText(loaded ? tr("Suite %1 replaces the prompt (Clear to use it again).").arg(described)
                                           : QString());
    ui->clearSuiteButton->setEnabled(loaded);
    showPlannedTotal();
}

BenchSpec TestBenchPage::specFromInputs() const
{
    BenchSpec spec;
    for (const QString &model : ui->benchModelsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!model.trimmed().isEmpty())
            spec.models << model.trimmed();
    spec.suite = m_suite.cases.isEmpty()
                     ? gw::singlePromptSuite(QStringLiteral("prompt"), ui->promptEdit->toPlainText().trimmed())
                     : m_suite;
    if (m_suite.cases.isEmpty() && ui->promptEdit->toPlainText().trimmed().isEmpty())
        spec.suite.cases.clear();
    spec.repeat = ui->repeatSpin->value();
    return spec;
}

void TestBenchPage::showPlannedTotal()
{
    if (m_controller->isRunning())
        return;
    const BenchSpec spec = specFromInputs();
    const qint64 total = qint64(spec.models.size()) * spec.suite.cases.size() * spec.repeat * kGatewayCount;
    ui->progressBar->setRange(0, int(std::clamp<qint64>(total, 1, std::numeric_limits<int>::max())));
    ui->progressBar->setValue(0);
    ui->progressBar->setFormat(total > 0 ? tr("0 of %1 requests").arg(formatCount(total)) : tr("nothing to run"));
    ui->progressBar->setToolTip(tr("%n model(s)", nullptr, int(spec.models.size())) + QStringLiteral(" × ")
                                + tr("%n prompt(s)", nullptr, int(spec.suite.cases.size())) + QStringLiteral(" × ")
                                + tr("%n repetition(s)", nullptr, spec.repeat) + QStringLiteral(" × ")
                                + tr("%n gateway(s)", nullptr, kGatewayCount));
}

void TestBenchPage::showRequests()
{
    // Both gateways' bodies side by side, whichever pane's button was pressed.
    auto *viewer = new RequestViewer(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel})
        viewer->setRequest(gateway, pane(gateway)->request(), pane(gateway)->warnings());
    viewer->show();
}

void TestBenchPage::run()
{
    BenchSpec spec = specFromInputs();
    spec.concurrency = ui->concurrencySpin->value();
    if (const QString effort = ui->effortCombo->currentData().toString(); !effort.isEmpty())
        spec.reasoning = QJsonObject{{QStringLiteral("effort"), effort}};
    if (const QString provider = ui->providerEdit->text().trimmed(); !provider.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(provider.toUtf8(), &error);
        if (!doc.isObject()) {
            ui->statusLabel->setText(
                error.error != QJsonParseError::NoError
                    ? tr("Providers: %1 at character %2").arg(error.errorString()).arg(error.offset + 1)
                    : tr("Providers: must be a JSON object"));
            return;
        }
        spec.provider = doc.object();
    }
    spec.label = tr("%n model(s)", nullptr, int(spec.models.size())) + QStringLiteral(" × ")
                 + tr("%n prompt(s)", nullptr, int(spec.suite.cases.size())) + QStringLiteral(" × ")
                 + QString::number(spec.repeat);
    m_runConfig = m_document->config();
    QString why;
    m_followNewest = true;
    m_selectedCase = -1;
    for (ResultPane *pane : m_panes)
        pane->clear();
    if (!m_controller->start(spec, m_runConfig, &why)) {
        ui->statusLabel->setText(why);
        return;
    }
    QStringList unmapped;
    for (const QString &model : std::as_const(spec.models))
        if (!m_runConfig.models.value(model).vercel)
            unmapped << model;
    ui->statusLabel->setText(unmapped.isEmpty() ? tr("Running %1.").arg(spec.label)
                                                : tr("Running %1. Not on Vercel (OpenRouter only): %2.")
                                                      .arg(spec.label, unmapped.join(QStringLiteral(", "))));
}

void TestBenchPage::rerunSelected()
{
    const QModelIndexList rows = ui->historyView->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_controller->isRunning())
        return;
    m_rerunPending = true;
    m_controller->openRun(rows.first().data(RunHistoryModel::RunIdRole).toLongLong());
}

void TestBenchPage::onRunLoaded(const gw::store::RunSettings &settings, const QString &label)
{
    ui->benchModelsEdit->setText(settings.models.join(QStringLiteral(", ")));
    setSuite(settings.suite, tr("from run \"%1\"").arg(label));
    ui->repeatSpin->setValue(settings.repeat);
    ui->concurrencySpin->setValue(settings.concurrency);
    const int effort = ui->effortCombo->findData(settings.reasoning.value(QStringLiteral("effort")).toString());
    ui->effortCombo->setCurrentIndex(std::max(0, effort));
    ui->providerEdit->setText(settings.provider.isEmpty()
                                  ? QString()
                                  : QString::fromUtf8(QJsonDocument(settings.provider).toJson(QJsonDocument::Compact)));
    m_followNewest = false;
    selectCase(m_controller->results()->rowCount() > 0 ? 0 : -1);
    ui->statusLabel->setText(tr("Showing run \"%1\".").arg(label));
    if (std::exchange(m_rerunPending, false))
        run();
}

void TestBenchPage::selectCase(int row)
{
    BenchResultsModel *model = m_controller->results();
    m_selectedCase = row >= 0 && row < model->rowCount() ? model->benchCase(row).index : -1;
    if (m_selectedCase >= 0) {
        m_selecting = true;
        const QModelIndex index = m_casesProxy->mapFromSource(model->index(row, 0));
        ui->casesView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                    | QItemSelectionModel::Rows);
        m_selecting = false;
    }
    refreshPanes();
}

void TestBenchPage::refreshPanes()
{
    m_paneRefresh.stop();
    BenchResultsModel *model = m_controller->results();
    const int row = model->rowOfCase(m_selectedCase);
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        ResultPane *pane = m_panes[gw::gatewayIndex(gateway)];
        if (row < 0) {
            pane->clear();
            continue;
        }
        if (const gw::BenchResult *result = model->result(row, gateway)) {
            pane->showResult(*result);
            continue;
        }
        const gw::BenchRequest request =
            gw::requestFor(model->benchCase(row), gateway, m_controller->suite(), m_runConfig);
        if (!request.runnable)
            pane->showWaiting(tr("Not run on this gateway."));
        else
            pane->showLive(m_controller->liveText(m_selectedCase, gateway),
                           m_controller->liveReasoning(m_selectedCase, gateway), request.body, request.warnings);
    }
}

void TestBenchPage::setRunning(bool running)
{
    ui->runButton->setEnabled(!running);
    ui->cancelButton->setEnabled(running);
    ui->rerunButton->setEnabled(!running);
    ui->openRunButton->setEnabled(!running);
}

bool TestBenchPage::exportCsv(const QString &path, bool summary)
{
    const QString csv =
        summary ? gw::summaryCsv(m_controller->summary()->rows()) : gw::resultsCsv(m_controller->results()->results());
    QSaveFile file(path);
    const QByteArray bytes = csv.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        ui->statusLabel->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    ui->statusLabel->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace gw::app
