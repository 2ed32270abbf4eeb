#include "testbench/test_bench_controller.h"

#include "testbench/bench_results_model.h"
#include "testbench/bench_summary_model.h"
#include "common/gateway_connections.h"
#include "testbench/run_history_model.h"
#include "common/when_ready.h"
#include "workspace/workspace.h"

#include "bench_runner.h"
#include "bench/stats.h"
#include "bench/suite.h"
#include "gateway_client.h"
#include "history_store.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace gwapp {

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
    , m_history(new RunHistoryModel(this))
{
    // Results reach the store in batches (one transaction each), the summary at a human pace.
    m_flush.setInterval(500);
    connect(&m_flush, &QTimer::timeout, this, &TestBenchController::flushResults);
    m_summarize.setInterval(250);
    m_summarize.setSingleShot(true);
    connect(&m_summarize, &QTimer::timeout, this, [this] { m_summary->setRows(gw::summarize(m_results->results())); });
    m_apply.setInterval(100);
    connect(&m_apply, &QTimer::timeout, this, &TestBenchController::applyPending);
    m_live = std::make_shared<LiveText>();
    m_livePoll.setInterval(33);
    connect(&m_livePoll, &QTimer::timeout, this, [this] {
        QSet<qint64> changed;
        {
            const QMutexLocker lock(&m_live->mutex);
            changed.swap(m_live->changed);
        }
        for (qint64 key : std::as_const(changed))
            Q_EMIT streamed(int(key / 2), key % 2 ? gw::Gateway::Vercel : gw::Gateway::OpenRouter);
    });
    qRegisterMetaType<gw::BenchResult>();
    qRegisterMetaType<gw::Gateway>();
    m_worker.setObjectName(QStringLiteral("test bench"));
    m_worker.start();
}

TestBenchController::~TestBenchController()
{
    // Cancelling emits finished() at once; nobody listening is left to hear it.
    if (m_reconciler) {
        m_reconciler->disconnect(this);
        m_reconciler->cancel();
    }
    releaseRun(true);
    m_worker.quit();
    m_worker.wait();
}

void TestBenchController::releaseRun(bool waitForIt)
{
    if (!m_runContext)
        return;
    // Cancelled and deleted on the worker, where the runner and its clients live; what it says
    // while cancelling reaches nobody.
    QObject *context = m_runContext;
    QMetaObject::invokeMethod(
        context, [this, context] {
            if (auto *runner = context->findChild<gw::net::BenchRunner *>()) {
                runner->disconnect(this);
                runner->disconnect(m_results);
                runner->cancel();
                delete runner; // before the clients its requests belong to
            }
            delete context;
        },
        waitForIt ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
    m_runContext = nullptr;
}

void TestBenchController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_store = std::move(history);
    refreshHistory();
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
    releaseRun(false);
    m_suite = gw::withDefaults(spec.suite, spec.reasoning, spec.provider);
    const QList<gw::BenchCase> cases = gw::expandBatch(spec.models, m_suite, spec.repeat, config);
    m_results->reset(cases, m_suite);
    m_summary->setRows({});
    m_live = std::make_shared<LiveText>(); // the old run's worker may still hold the old one
    m_unsaved.clear();
    m_waitingForRunId.clear();
    m_runId = 0;
    m_billed = m_billingFailed = 0;
    m_started.clear();
    m_cancelRequested = false;
    m_runCreation.cancel(); // a run id still on its way belongs to the previous run

    // The runner and its own clients are built on the worker thread: a QNetworkAccessManager
    // belongs to the thread that creates it. Later calls reach them through the context object,
    // in order. One manager keeps at most six connections per host: more clients, more requests
    // on the wire.
    m_runContext = new QObject;
    m_runContext->moveToThread(&m_worker);
    RunSetup setup;
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
    QObject *context = m_runContext;
    QMetaObject::invokeMethod(context, [this, context, setup, suite = m_suite, cases, config, live = m_live] {
        auto *runner = new gw::net::BenchRunner(nullptr, nullptr, context);
        const auto addClients = [&](gw::Gateway gateway, const std::optional<gw::net::ClientSettings> &settings) {
            for (int i = 0; settings && i < setup.clientsPerGateway; ++i) {
                gw::net::GatewayClient *client = gw::net::makeGatewayClient(gateway, *settings).release();
                client->setParent(context);
                runner->addClient(client);
            }
        };
        addClients(gw::Gateway::OpenRouter, setup.openrouter);
        addClients(gw::Gateway::Vercel, setup.vercel);
        runner->setConcurrency(setup.concurrency);
        if (setup.haveCatalogs)
            runner->setCatalogs(setup.catalogs[0], setup.catalogs[1]);
        connectRunner(runner, live);
        runner->start(suite, cases, config);
    });
    m_livePoll.start();
    m_pending = {};
    m_apply.start();

    if (m_store) {
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
        m_runCreation.run(m_store->createRun(spec.label, settings), [this](const gw::store::Outcome<qint64> &created) {
            if (!created.ok()) {
                Q_EMIT historyError(created.error);
                return;
            }
            m_runId = created.value;
            const QList<std::function<void(qint64)>> waiting = std::exchange(m_waitingForRunId, {});
            for (const auto &write : waiting)
                write(m_runId);
            refreshHistory();
        });
        m_flush.start();
    }
    m_running = true;
    Q_EMIT runStarted(int(cases.size()) * 2);
    return true;
}

// Runs on the worker, right after the runner is built (connecting across threads is safe).
void TestBenchController::connectRunner(gw::net::BenchRunner *runner, const std::shared_ptr<LiveText> &live)
{
    connect(runner, &gw::net::BenchRunner::started, this, [this](int caseIndex, gw::Gateway gateway) {
        m_started.insert(unitKey(caseIndex, gateway));
        m_pending.running.append(unitKey(caseIndex, gateway));
    });
    // Direct: these run on the worker, under the buffer's lock, and post nothing.
    connect(runner, &gw::net::BenchRunner::textDelta, runner, [live](int caseIndex, gw::Gateway gateway, const QString &text) {
        const QMutexLocker lock(&live->mutex);
        live->text[unitKey(caseIndex, gateway)] += text;
        live->changed.insert(unitKey(caseIndex, gateway));
    }, Qt::DirectConnection);
    connect(runner, &gw::net::BenchRunner::reasoningDelta, runner, [live](int caseIndex, gw::Gateway gateway, const QString &text) {
        const QMutexLocker lock(&live->mutex);
        live->reasoning[unitKey(caseIndex, gateway)] += text;
        live->changed.insert(unitKey(caseIndex, gateway));
    }, Qt::DirectConnection);
    connect(runner, &gw::net::BenchRunner::resultReady, this, &TestBenchController::onResult);
    connect(runner, &gw::net::BenchRunner::caseFinished, this, [this](int caseIndex, gw::ParityFlags flags) {
        m_pending.flags.append({caseIndex, flags});
    });
    connect(runner, &gw::net::BenchRunner::progress, this, [this](int done, int total) { m_pending.progress = {done, total}; });
    connect(runner, &gw::net::BenchRunner::finished, this, &TestBenchController::onFinished);
}

void TestBenchController::cancel()
{
    if (m_runContext && m_running) {
        m_cancelRequested = true;
        QObject *context = m_runContext;
        QMetaObject::invokeMethod(context, [context] {
            if (auto *runner = context->findChild<gw::net::BenchRunner *>())
                runner->cancel();
        });
    }
    if (m_reconciler)
        m_reconciler->cancel();
}

QString TestBenchController::liveText(int caseIndex, gw::Gateway gateway) const
{
    const QMutexLocker lock(&m_live->mutex);
    return m_live->text.value(unitKey(caseIndex, gateway));
}

QString TestBenchController::liveReasoning(int caseIndex, gw::Gateway gateway) const
{
    const QMutexLocker lock(&m_live->mutex);
    return m_live->reasoning.value(unitKey(caseIndex, gateway));
}

void TestBenchController::onResult(const gw::BenchResult &result)
{
    m_started.remove(unitKey(result.caseIndex, result.gateway));
    {
        const QMutexLocker lock(&m_live->mutex);
        m_live->text.remove(unitKey(result.caseIndex, result.gateway));
        m_live->reasoning.remove(unitKey(result.caseIndex, result.gateway));
        m_live->changed.remove(unitKey(result.caseIndex, result.gateway));
    }
    m_pending.results.append(result);
    if (m_store)
        m_unsaved.append(result);
}

void TestBenchController::applyPending()
{
    // At 50 requests in flight, results arrive faster than a person reads and every model change
    // repaints the window: they reach the models in batches, ten times a second.
    Pending pending = std::exchange(m_pending, {});
    for (qint64 key : std::as_const(pending.running)) {
        m_results->setRunning(int(key / 2), key % 2 ? gw::Gateway::Vercel : gw::Gateway::OpenRouter);
        Q_EMIT unitStarted(int(key / 2), key % 2 ? gw::Gateway::Vercel : gw::Gateway::OpenRouter);
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

void TestBenchController::whenRunId(std::function<void(qint64)> write)
{
    if (m_runId)
        write(m_runId);
    else
        m_waitingForRunId.append(std::move(write));
}

void TestBenchController::flushResults()
{
    if (!m_store || m_unsaved.isEmpty())
        return;
    whenRunId([this, batch = std::exchange(m_unsaved, {})](qint64 runId) {
        whenReady(this, m_store->addResults(runId, batch), [this](const gw::store::Outcome<int> &added) {
            if (!added.ok())
                Q_EMIT historyError(added.error);
        });
    });
}

void TestBenchController::onFinished()
{
    m_running = false;
    m_livePoll.stop();
    m_apply.stop();
    applyPending();
    m_flush.stop();
    m_summarize.stop();
    m_summary->setRows(gw::summarize(m_results->results()));
    const bool cancelled = m_cancelRequested;
    if (m_store) {
        flushResults();
        const auto status = cancelled ? gw::store::RunStatus::Cancelled : gw::store::RunStatus::Finished;
        whenRunId([this, status](qint64 runId) {
            whenReady(this, m_store->finishRun(runId, status), [this](const gw::store::Outcome<bool> &done) {
                if (!done.ok())
                    Q_EMIT historyError(done.error);
                refreshHistory();
            });
        });
    }
    Q_EMIT runFinished(cancelled);
    if (!cancelled)
        startReconciling();
}

void TestBenchController::startReconciling()
{
    m_reconciler = std::make_unique<gw::net::CostReconciler>(clientFor(gw::Gateway::OpenRouter), clientFor(gw::Gateway::Vercel));
    connect(m_reconciler.get(), &gw::net::CostReconciler::billedCost, this, [this](int caseIndex, gw::Gateway gateway, double usd) {
        ++m_billed;
        m_results->setBilledCost(caseIndex, gateway, usd);
        if (m_store)
            whenRunId([this, caseIndex, gateway, usd](qint64 runId) { m_store->setBilledCost(runId, caseIndex, gateway, usd); });
    });
    connect(m_reconciler.get(), &gw::net::CostReconciler::lookupFailed, this, [this] { ++m_billingFailed; });
    connect(m_reconciler.get(), &gw::net::CostReconciler::finished, this, [this] {
        m_summary->setRows(gw::summarize(m_results->results()));
        Q_EMIT reconciled(m_billed, m_billingFailed);
    });
    m_reconciler->start(m_results->results());
}

void TestBenchController::refreshHistory()
{
    if (!m_store)
        return;
    whenReady(this, m_store->listRuns(), [this](const gw::store::Outcome<QList<gw::store::RunSummary>> &runs) {
        if (!runs.ok()) {
            Q_EMIT historyError(runs.error);
            return;
        }
        m_history->setRuns(runs.value);
        Q_EMIT historyChanged();
    });
}

void TestBenchController::openRun(qint64 runId)
{
    if (!m_store || m_running)
        return;
    whenReady(this, m_store->loadRun(runId), [this](const gw::store::Outcome<gw::store::StoredRun> &loaded) {
        if (!loaded.ok()) {
            Q_EMIT historyError(loaded.error);
            return;
        }
        const gw::store::StoredRun &run = loaded.value;
        // The cases as they ran: rebuilt from the results (the mapping may have changed since).
        QList<gw::BenchCase> cases;
        QHash<int, int> seen;
        for (const gw::BenchResult &r : run.results) {
            if (seen.contains(r.caseIndex))
                continue;
            gw::BenchCase c;
            c.index = r.caseIndex;
            c.openrouterModel = r.openrouterModel;
            c.repetition = r.repetition;
            for (qsizetype p = 0; p < run.settings.suite.cases.size(); ++p)
                if (run.settings.suite.cases.at(p).name == r.promptName)
                    c.promptIndex = int(p);
            seen.insert(r.caseIndex, int(cases.size()));
            cases.append(c);
        }
        m_suite = run.settings.suite;
        m_results->reset(cases, m_suite);
        for (const gw::BenchResult &r : run.results)
            m_results->setResult(r);
        const QHash<int, gw::ParityFlags> flags = gw::parityByCase(run.results);
        for (auto it = flags.cbegin(); it != flags.cend(); ++it)
            m_results->setFlags(it.key(), it.value());
        m_summary->setRows(gw::summarize(run.results));
        Q_EMIT runLoaded(run.settings, run.summary.label);
    });
}

} // namespace gwapp
