#include "test_bench_controller.h"

#include "bench_results_model.h"
#include "bench_summary_model.h"
#include "gateway_connections.h"
#include "run_history_model.h"

#include "bench_runner.h"
#include "bench_stats.h"
#include "bench_suite.h"
#include "gateway_client.h"
#include "history_store.h"

#include <QDir>
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
    CatalogPair pair;
    const QDir catalogs(dir + QStringLiteral("/catalogs"));
    const QStringList openrouter = catalogs.entryList({QStringLiteral("openrouter-models-*.json")}, QDir::Files, QDir::Name);
    const QStringList vercel = catalogs.entryList({QStringLiteral("vercel-models-*.json")}, QDir::Files, QDir::Name);
    if (openrouter.isEmpty() || vercel.isEmpty())
        return pair;
    const gw::CatalogParseResult o = gw::parseCatalogFile(gw::Gateway::OpenRouter, catalogs.filePath(openrouter.last()));
    const gw::CatalogParseResult v = gw::parseCatalogFile(gw::Gateway::Vercel, catalogs.filePath(vercel.last()));
    pair.openrouter = o.catalog;
    pair.vercel = v.catalog;
    pair.ok = o.ok() && v.ok();
    return pair;
}

template <typename T, typename Handler>
void onReady(QObject *context, const QFuture<T> &future, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, handler] {
        watcher->deleteLater();
        handler(watcher->result());
    });
    watcher->setFuture(future);
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
}

TestBenchController::~TestBenchController()
{
    // Cancelling emits finished() at once; nobody listening is left to hear it.
    if (m_reconciler) {
        m_reconciler->disconnect(this);
        m_reconciler->cancel();
    }
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->disconnect(m_results);
        m_runner->cancel();
    }
}

void TestBenchController::setHistory(gw::store::HistoryStore *history)
{
    m_store = history;
    refreshHistory();
}

void TestBenchController::setWorkspaceDir(const QString &dir)
{
    m_haveCatalogs = false;
    onReady(this, QtConcurrent::run(loadNewestCatalogs, dir), [this](const CatalogPair &pair) {
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
    gw::net::GatewayClient *vercel = clientFor(gw::Gateway::Vercel);
    if (m_reconciler)
        m_reconciler->cancel();
    m_reconciler.reset();
    m_runner = std::make_unique<gw::net::BenchRunner>(openrouter, vercel);
    m_extraClients.clear();
    const int clientsPerGateway = std::max(1, (spec.concurrency + kConnectionsPerClient - 1) / kConnectionsPerClient);
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        if (!clientFor(gateway))
            continue;
        for (int i = 1; i < clientsPerGateway; ++i) {
            m_extraClients.push_back(gw::net::makeGatewayClient(gateway, m_connections->settings(gateway)));
            m_runner->addClient(m_extraClients.back().get());
        }
    }
    m_runner->setConcurrency(spec.concurrency);
    if (m_haveCatalogs)
        m_runner->setCatalogs(m_catalogs[0], m_catalogs[1]);

    m_suite = gw::withDefaults(spec.suite, spec.reasoning, spec.provider);
    const QList<gw::BenchCase> cases = gw::expandBatch(spec.models, m_suite, spec.repeat, config);
    m_results->reset(cases, m_suite);
    m_summary->setRows({});
    m_liveText.clear();
    m_liveReasoning.clear();
    m_unsaved.clear();
    m_waitingForRunId.clear();
    m_runId = 0;
    m_billed = m_billingFailed = 0;
    const quint64 run = ++m_run;

    gw::net::BenchRunner *runner = m_runner.get();
    connect(runner, &gw::net::BenchRunner::started, this, [this](int caseIndex, gw::Gateway gateway) {
        m_results->setRunning(caseIndex, gateway);
        Q_EMIT unitStarted(caseIndex, gateway);
    });
    connect(runner, &gw::net::BenchRunner::textDelta, this, [this](int caseIndex, gw::Gateway gateway, const QString &text) {
        m_liveText[unitKey(caseIndex, gateway)] += text;
        Q_EMIT streamed(caseIndex, gateway);
    });
    connect(runner, &gw::net::BenchRunner::reasoningDelta, this, [this](int caseIndex, gw::Gateway gateway, const QString &text) {
        m_liveReasoning[unitKey(caseIndex, gateway)] += text;
        Q_EMIT streamed(caseIndex, gateway);
    });
    connect(runner, &gw::net::BenchRunner::resultReady, this, &TestBenchController::onResult);
    connect(runner, &gw::net::BenchRunner::caseFinished, m_results, &BenchResultsModel::setFlags);
    connect(runner, &gw::net::BenchRunner::progress, this, &TestBenchController::progress);
    connect(runner, &gw::net::BenchRunner::finished, this, &TestBenchController::onFinished);

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
        onReady(this, m_store->createRun(spec.label, settings), [this, run](const gw::store::Outcome<qint64> &created) {
            if (run != m_run)
                return;
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
    m_runner->start(m_suite, cases, config);
    return true;
}

void TestBenchController::cancel()
{
    if (m_runner && m_running)
        m_runner->cancel();
    if (m_reconciler)
        m_reconciler->cancel();
}

QString TestBenchController::liveText(int caseIndex, gw::Gateway gateway) const
{
    return m_liveText.value(unitKey(caseIndex, gateway));
}

QString TestBenchController::liveReasoning(int caseIndex, gw::Gateway gateway) const
{
    return m_liveReasoning.value(unitKey(caseIndex, gateway));
}

void TestBenchController::onResult(const gw::BenchResult &result)
{
    m_liveText.remove(unitKey(result.caseIndex, result.gateway));
    m_liveReasoning.remove(unitKey(result.caseIndex, result.gateway));
    m_results->setResult(result);
    if (m_store)
        m_unsaved.append(result);
    if (!m_summarize.isActive())
        m_summarize.start();
    Q_EMIT unitFinished(result.caseIndex, result.gateway);
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
        onReady(this, m_store->addResults(runId, batch), [this](const gw::store::Outcome<int> &added) {
            if (!added.ok())
                Q_EMIT historyError(added.error);
        });
    });
}

void TestBenchController::onFinished()
{
    m_running = false;
    m_flush.stop();
    m_summarize.stop();
    m_summary->setRows(gw::summarize(m_results->results()));
    const bool cancelled = m_runner->isCancelled();
    if (m_store) {
        flushResults();
        const auto status = cancelled ? gw::store::RunStatus::Cancelled : gw::store::RunStatus::Finished;
        whenRunId([this, status](qint64 runId) {
            onReady(this, m_store->finishRun(runId, status), [this](const gw::store::Outcome<bool> &done) {
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
    onReady(this, m_store->listRuns(), [this](const gw::store::Outcome<QList<gw::store::RunSummary>> &runs) {
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
    onReady(this, m_store->loadRun(runId), [this](const gw::store::Outcome<gw::store::StoredRun> &loaded) {
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
