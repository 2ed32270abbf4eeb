#include "planner/planner_replay_controller.h"

#include "catalog/catalog.h"
#include "common/draft_document.h"
#include "common/when_ready.h"

#include "history_store.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>
#include <climits>

namespace gw::app {

namespace {

// The newest catalog snapshots of the workspace, for pricing traffic that has no recorded cost
// on the gateway the draft sends it to. Missing snapshots: recorded prices only.
gw::ReplayPrices workspacePrices(const QString &dir)
{
    const gw::Workspace::NewestCatalogs newest = gw::Workspace(dir).newestCatalogs();
    const QList<gw::CatalogModel> openrouterModels =
        newest.openrouter ? newest.openrouter->catalog.models : QList<gw::CatalogModel>();
    const QList<gw::CatalogModel> vercelModels =
        newest.vercel ? newest.vercel->catalog.models : QList<gw::CatalogModel>();
    return gw::ReplayPrices::fromCatalogs(openrouterModels, vercelModels);
}

int clampToInt(qsizetype value)
{
    return int(std::min<qsizetype>(value, INT_MAX));
}

} // namespace

ReplayRun runReplay(const QList<gw::TrafficKeyUsage> &usage, const gw::RoutingConfig &draft,
                    const gw::Workspace &workspace, const std::atomic<bool> *cancel,
                    const std::function<void(qsizetype, qsizetype)> &progress)
{
    // The live configs: every native export from the time it was exported. Before the first
    // one the oldest export is the best guess; without exports, the saved draft file.
    const QList<gw::Workspace::NativeExport> exports = workspace.nativeExports();
    ReplayRun run;
    gw::RoutingConfig fallback = draft;
    if (!exports.isEmpty()) {
        fallback = exports.first().config;
        run.liveSource = PlannerReplayController::tr("%n exported revision(s), each from its export time", nullptr,
                                                     int(exports.size()));
    } else if (const std::optional<gw::RoutingConfig> saved = workspace.baseline()) {
        fallback = *saved;
        run.liveSource = PlannerReplayController::tr("the saved draft file, no native export yet");
    } else {
        run.liveSource = PlannerReplayController::tr("no saved config, the draft itself");
    }
    gw::ConfigTimeline live(fallback);
    for (const gw::Workspace::NativeExport &revision : exports)
        live.add(revision.time.toMSecsSinceEpoch(), revision.config);

    gw::ReplayOptions options;
    options.prices = workspacePrices(workspace.dir());
    options.cancel = cancel;
    options.progress = progress;
    run.result = gw::replayTraffic(usage, draft, live, options);
    return run;
}

PlannerReplayController::PlannerReplayController(DraftDocument *document, QObject *parent)
    : QObject(parent), m_document(document), m_table(new ReplayTableModel(this))
{
    m_autoUpdateDebounce.setSingleShot(true);
    m_autoUpdateDebounce.setInterval(800);
    connect(&m_autoUpdateDebounce, &QTimer::timeout, this, [this] {
        if (m_running) {
            m_rerunWhenDone = true;
            cancel();
        } else {
            replay();
        }
    });
    connect(m_document, &DraftDocument::changed, this, [this] {
        if (m_autoUpdate && (m_result || m_running))
            m_autoUpdateDebounce.start();
    });
}

PlannerReplayController::~PlannerReplayController()
{
    if (m_cancel)
        m_cancel->store(true); // a worker still running stops soon; its result goes nowhere
}

void PlannerReplayController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = std::move(history);
    setStatus(m_history ? QString() : tr("No traffic history open."));
    Q_EMIT stateChanged(); // the Replay button follows the history too
}

void PlannerReplayController::setStatus(const QString &status)
{
    m_status = status;
    Q_EMIT statusChanged(status);
}

void PlannerReplayController::setRunning(bool running)
{
    m_running = running;
    Q_EMIT stateChanged();
}

void PlannerReplayController::replay()
{
    if (m_running || !m_history)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    setRunning(true);
    Q_EMIT progressRangeChanged(0, 0); // busy until the worker knows the row count
    setStatus(tr("Reading recorded traffic…"));
    const auto [from, to] = m_rangeSource ? m_rangeSource() : std::pair<QDateTime, QDateTime>();
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    whenReady(this, m_history->trafficKeyUsage(from, to),
              [this, cancelFlag](const gw::store::Outcome<QList<gw::TrafficKeyUsage>> &read) {
                  if (cancelFlag->load())
                      finish(std::nullopt, tr("Replay cancelled."));
                  else if (!read.ok())
                      finish(std::nullopt, tr("Could not read the recorded traffic: %1").arg(read.error));
                  else
                      runOnWorker(read.value);
              });
}

void PlannerReplayController::runOnWorker(const QList<gw::TrafficKeyUsage> &usage)
{
    setStatus(tr("Replaying %n usage row(s)…", nullptr, int(usage.size())));
    const gw::RoutingConfig draft = m_document->config();
    const gw::Workspace workspace = m_workspace;
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    QFuture<ReplayRun> future = QtConcurrent::run([usage, draft, workspace, cancelFlag](QPromise<ReplayRun> &promise) {
        promise.addResult(
            runReplay(usage, draft, workspace, cancelFlag.get(), [&promise](qsizetype done, qsizetype total) {
                promise.setProgressRange(0, clampToInt(total));
                promise.setProgressValue(clampToInt(done));
            }));
    });
    auto *watcher = new QFutureWatcher<ReplayRun>(this);
    connect(watcher, &QFutureWatcher<ReplayRun>::progressRangeChanged, this,
            &PlannerReplayController::progressRangeChanged);
    connect(watcher, &QFutureWatcher<ReplayRun>::progressValueChanged, this,
            &PlannerReplayController::progressValueChanged);
    connect(watcher, &QFutureWatcher<ReplayRun>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0) {
            finish(std::nullopt, tr("The replay stopped without a result."));
            return;
        }
        const ReplayRun run = watcher->result();
        if (run.result.cancelled) {
            finish(std::nullopt, tr("Replay cancelled after %n usage row(s); the previous result stays.", nullptr,
                                    int(run.result.rows)));
            return;
        }
        finish(run,
               tr("Replayed %n usage row(s); live config: %1.", nullptr, int(run.result.rows)).arg(run.liveSource));
    });
    watcher->setFuture(future);
}

void PlannerReplayController::cancel()
{
    if (m_running && m_cancel)
        m_cancel->store(true);
}

void PlannerReplayController::finish(const std::optional<ReplayRun> &run, const QString &status)
{
    if (run) {
        m_result = run->result;
        m_liveSource = run->liveSource;
        m_table->setResult(run->result);
        Q_EMIT resultChanged();
    }
    setRunning(false);
    Q_EMIT progressRangeChanged(0, 1);
    Q_EMIT progressValueChanged(run ? 1 : 0);
    setStatus(status);
    Q_EMIT replayFinished(run.has_value());
    if (m_rerunWhenDone) {
        m_rerunWhenDone = false;
        replay();
    }
}

} // namespace gw::app
