#include "testbench/test_bench_controller.h"

#include "common/gateway_connections.h"
#include "common/when_ready.h"
#include "testbench/bench_results_model.h"
#include "testbench/bench_run_recorder.h"
#include "testbench/bench_summary_model.h"
#include "testbench/bench_worker_session.h"
#include "testbench/run_history_controller.h"
#include "workspace/workspace.h"

#include "bench/stats.h"
#include "bench/suite.h"
#include "cost_reconciler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

namespace {

// One QNetworkAccessManager keeps at most six connections per host.
constexpr int kConnectionsPerClient = 6;

struct CatalogPair {
    gw::Catalog openrouter;
    gw::Catalog vercel;
    bool ok = false;
};

CatalogPair loadNewestCatalogs(const QString &dir)
{
    const gw::Workspace::NewestCatalogs newest = gw::Workspace(dir).newestCatalogs();
    CatalogPair pair;
    if (!newest.openrouter || !newest.vercel)
        return pair;
    pair.openrouter = newest.openrouter->catalog;
    pair.vercel = newest.vercel->catalog;
    pair.ok = newest.openrouter->ok() && newest.vercel->ok();
    return pair;
}

} // namespace

TestBenchController::TestBenchController(GatewayConnections *connections, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_results(new BenchResultsModel(this))
    , m_summary(new BenchSummaryModel(this))
    , m_session(new BenchWorkerSession(this))
    , m_recorder(new BenchRunRecorder(this))
    , m_runs(new RunHistoryController(this))
{
    // The summary follows the results at a human pace.
    m_summarize.setInterval(250);
    m_summarize.setSingleShot(true);
    connect(&m_summarize, &QTimer::timeout, this, [this] { m_summary->setRows(gw::summarize(m_results->results())); });
    m_apply.setInterval(100);
    connect(&m_apply, &QTimer::timeout, this, &TestBenchController::applyPending);

    connect(m_session, &BenchWorkerSession::unitStarted, this, [this](int caseIndex, gw::Gateway gateway) {
        m_started.insert(BenchWorkerSession::unitKey(caseIndex, gateway));
        m_pending.running.append(BenchWorkerSession::unitKey(caseIndex, gateway));
    });
    connect(m_session, &BenchWorkerSession::streamed, this, &TestBenchController::streamed);
    connect(m_session, &BenchWorkerSession::resultReady, this, &TestBenchController::onResult);
    connect(m_session, &BenchWorkerSession::caseFinished, this, [this](int caseIndex, gw::ParityFlags flags) {
        m_pending.flags.append({caseIndex, flags});
    });
    connect(m_session, &BenchWorkerSession::progress, this, [this](int done, int total) {
        m_pending.progress = {done, total};
    });
    connect(m_session, &BenchWorkerSession::finished, this, &TestBenchController::onFinished);

    connect(m_recorder, &BenchRunRecorder::runsChanged, m_runs, &RunHistoryController::refresh);
    connect(m_recorder, &BenchRunRecorder::error, this, &TestBenchController::historyError);
    connect(m_runs, &RunHistoryController::changed, this, &TestBenchController::historyChanged);
    connect(m_runs, &RunHistoryController::error, this, &TestBenchController::historyError);
    connect(m_runs, &RunHistoryController::loaded, this, &TestBenchController::onRunLoaded);
}

TestBenchController::~TestBenchController()
{
    // Cancelling emits finished() at once; nobody listening is left to hear it. The session
    // (a child) releases the batch on its worker afterwards.
    if (m_reconciler) {
        m_reconciler->disconnect(this);
        m_reconciler->cancel();
    }
    m_session->disconnect(this);
}

RunHistoryModel *TestBenchController::history() const
{
    return m_runs->model();
}
qint64 TestBenchController::currentRunId() const
{
    return m_recorder->runId();
}
void TestBenchController::refreshHistory()
{
    m_runs->refresh();
}

void TestBenchController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_recorder->setStore(history);
    m_runs->setStore(std::move(history));
}

void TestBenchController::setWorkspaceDir(const QString &dir)
{
    m_haveCatalogs = false;
    whenReady(this, QtConcurrent::run(loadNewestCatalogs, dir), [this](const CatalogPair &pair) {
        m_catalogs[0] = pair.openrouter;
        m_catalogs[1] = pair.vercel;
        m_haveCatalogs = pair.ok;
    });
}

bool TestBenchController::isReconciling() const
{
    return m_reconciler && m_reconciler->isRunning();
}

gw::net::GatewayClient *TestBenchController::clientFor(gw::Gateway gateway) const
{
    if (!m_connections || m_connections->settings(gateway).apiKey.isEmpty())
        return nullptr;
    return m_connections->client(gateway);
}

bool TestBenchController::start(const BenchSpec &spec, const gw::RoutingConfig &config, QString *why)
{
    if (m_running) {
        *why = tr("A batch is running.");
        return false;
    }
    if (spec.models.isEmpty() || spec.suite.cases.isEmpty()) {
        *why = spec.models.isEmpty() ? tr("Pick at least one model.") : tr("Enter a prompt or open a prompt suite.");
        return false;
    }
    gw::net::GatewayClient *openrouter = clientFor(gw::Gateway::OpenRouter);
    if (!openrouter) {
        *why = tr("No OpenRouter key: set one in the settings, or use the local simulator.");
        return false;
    }
    const bool haveVercel = clientFor(gw::Gateway::Vercel) != nullptr;
    if (m_reconciler)
        m_reconciler->cancel();
    m_reconciler.reset();
    m_suite = gw::withDefaults(spec.suite, spec.reasoning, spec.provider);
    const QList<gw::BenchCase> cases = gw::expandBatch(spec.models, m_suite, spec.repeat, config);
    m_results->reset(cases, m_suite);
    m_summary->setRows({});
    m_billed = m_billingFailed = 0;
    m_started.clear();
    m_cancelRequested = false;

    BenchWorkerSession::Setup setup;
    setup.openrouter = m_connections->settings(gw::Gateway::OpenRouter);
    if (haveVercel)
        setup.vercel = m_connections->settings(gw::Gateway::Vercel);
    setup.clientsPerGateway = std::max(1, (spec.concurrency + kConnectionsPerClient - 1) / kConnectionsPerClient);
    setup.concurrency = spec.concurrency;
    if (m_haveCatalogs) {
        setup.catalogs[0] = m_catalogs[0];
        setup.catalogs[1] = m_catalogs[1];
        setup.haveCatalogs = true;
    }
    m_session->start(setup, m_suite, cases, config);
    m_pending = {};
    m_apply.start();

    gw::store::RunSettings settings;
    settings.models = spec.models;
    for (const QString &model : spec.models)
        if (const std::optional<QString> id = config.models.value(model).vercel)
            settings.vercelModels.insert(model, *id);
    settings.suite = spec.suite;
    settings.repeat = spec.repeat;
    settings.concurrency = spec.concurrency;
    settings.reasoning = spec.reasoning;
    settings.provider = spec.provider;
    m_recorder->begin(spec.label, settings);
    m_running = true;
    Q_EMIT runStarted(int(cases.size()) * 2);
    return true;
}

void TestBenchController::cancel()
{
    if (m_running) {
        m_cancelRequested = true;
        m_session->cancel();
    }
    if (m_reconciler)
        m_reconciler->cancel();
}

QString TestBenchController::liveText(int caseIndex, gw::Gateway gateway) const
{
    return m_session->liveText(caseIndex, gateway);
}

QString TestBenchController::liveReasoning(int caseIndex, gw::Gateway gateway) const
{
    return m_session->liveReasoning(caseIndex, gateway);
}

void TestBenchController::onResult(const gw::BenchResult &result)
{
    m_started.remove(BenchWorkerSession::unitKey(result.caseIndex, result.gateway));
    m_pending.results.append(result);
    m_recorder->add(result);
}

void TestBenchController::applyPending()
{
    // At 50 requests in flight, results arrive faster than a person reads and every model change
    // repaints the window: they reach the models in batches, ten times a second.
    Pending pending = std::exchange(m_pending, {});
    for (qint64 key : std::as_const(pending.running)) {
        m_results->setRunning(BenchWorkerSession::caseOf(key), BenchWorkerSession::gatewayOf(key));
        Q_EMIT unitStarted(BenchWorkerSession::caseOf(key), BenchWorkerSession::gatewayOf(key));
    }
    for (const gw::BenchResult &result : std::as_const(pending.results)) {
        m_results->setResult(result);
        Q_EMIT unitFinished(result.caseIndex, result.gateway);
    }
    for (const auto &[caseIndex, flags] : std::as_const(pending.flags))
        m_results->setFlags(caseIndex, flags);
    if (pending.progress.second > 0)
        Q_EMIT progress(pending.progress.first, pending.progress.second);
    if (!pending.results.isEmpty() && !m_summarize.isActive())
        m_summarize.start();
}

void TestBenchController::onFinished()
{
    m_running = false;
    m_apply.stop();
    applyPending();
    m_summarize.stop();
    m_summary->setRows(gw::summarize(m_results->results()));
    const bool cancelled = m_cancelRequested;
    m_recorder->finish(cancelled ? gw::store::RunStatus::Cancelled : gw::store::RunStatus::Finished);
    Q_EMIT runFinished(cancelled);
    if (!cancelled)
        startReconciling();
}

void TestBenchController::startReconciling()
{
    m_reconciler =
        std::make_unique<gw::net::CostReconciler>(clientFor(gw::Gateway::OpenRouter), clientFor(gw::Gateway::Vercel));
    connect(m_reconciler.get(), &gw::net::CostReconciler::billedCost, this,
            [this](int caseIndex, gw::Gateway gateway, double usd) {
                ++m_billed;
                m_results->setBilledCost(caseIndex, gateway, usd);
                m_recorder->setBilledCost(caseIndex, gateway, usd);
            });
    connect(m_reconciler.get(), &gw::net::CostReconciler::lookupFailed, this, [this] { ++m_billingFailed; });
    connect(m_reconciler.get(), &gw::net::CostReconciler::finished, this, [this] {
        m_summary->setRows(gw::summarize(m_results->results()));
        Q_EMIT reconciled(m_billed, m_billingFailed);
    });
    m_reconciler->start(m_results->results());
}

void TestBenchController::openRun(qint64 runId)
{
    if (!m_running)
        m_runs->open(runId);
}

void TestBenchController::onRunLoaded(const gw::store::StoredRun &run)
{
    m_suite = run.settings.suite;
    m_results->reset(RunHistoryController::casesOf(run), m_suite);
    for (const gw::BenchResult &r : run.results)
        m_results->setResult(r);
    const QHash<int, gw::ParityFlags> flags = gw::parityByCase(run.results);
    for (auto it = flags.cbegin(); it != flags.cend(); ++it)
        m_results->setFlags(it.key(), it.value());
    m_summary->setRows(gw::summarize(run.results));
    Q_EMIT runLoaded(run.settings, run.summary.label);
}

} // namespace gw::app
