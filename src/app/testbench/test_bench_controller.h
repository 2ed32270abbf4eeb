#pragma once
// The test bench without widgets: runs a batch through gwnet's BenchRunner on the app's gateway
// connections, keeps the results, flags and summary models current, streams text for the panes,
// looks up billed costs afterwards, and records every run in the history store (gwstore), which
// also feeds the Monitor as traffic of source "test". Nothing here blocks the GUI thread: the
// batch runs on a worker thread with its own gateway clients (their sockets, SSE parsing and
// normalization never touch the GUI thread), which reports back by queued signals.

#include "bench/types.h"
#include "common/latest_job.h"
#include "client_settings.h"
#include "config/config.h"
#include "catalog/catalog.h"
#include "store_types.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace gw {
namespace net {
class BenchRunner;
class CostReconciler;
class GatewayClient;
} // namespace net
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gwapp {

class BenchResultsModel;
class BenchSummaryModel;
class GatewayConnections;
class RunHistoryModel;

struct BenchSpec {
    QString label;            // shown in the history
    QStringList models;       // OpenRouter ids
    gw::PromptSuite suite;
    int repeat = 1;
    int concurrency = 4;
    QJsonObject reasoning;    // batch default ({"effort": "low"}); a prompt's own wins
    QJsonObject provider;     // batch default provider preferences
};

class TestBenchController : public QObject {
    Q_OBJECT
public:
    explicit TestBenchController(GatewayConnections *connections, QObject *parent = nullptr);
    ~TestBenchController() override;

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history); // shared with the page context; null: runs are not kept
    // Price tables for estimated costs, parsed off the GUI thread from the newest snapshots.
    void setWorkspaceDir(const QString &dir);

    // False with a reason when it cannot start (no models, no prompt, no OpenRouter key, running).
    bool start(const BenchSpec &spec, const gw::RoutingConfig &config, QString *why);
    void cancel();
    bool isRunning() const { return m_running; }
    bool isReconciling() const;

    BenchResultsModel *results() const { return m_results; }
    BenchSummaryModel *summary() const { return m_summary; }
    RunHistoryModel *history() const { return m_history; }
    int inFlight() const { return int(m_started.size()); } // requests sent and not answered yet
    const gw::PromptSuite &suite() const { return m_suite; }
    qint64 currentRunId() const { return m_runId; }

    void refreshHistory();
    void openRun(qint64 runId); // shows a stored run; runLoaded() follows

    // What streamed so far for a unit still running (empty once its result is in).
    QString liveText(int caseIndex, gw::Gateway gateway) const;
    QString liveReasoning(int caseIndex, gw::Gateway gateway) const;

Q_SIGNALS:
    void runStarted(int total);
    void progress(int done, int total);
    void runFinished(bool cancelled);
    void unitStarted(int caseIndex, gw::Gateway gateway);
    void streamed(int caseIndex, gw::Gateway gateway); // more live text or reasoning (at most ~30 Hz)
    void unitFinished(int caseIndex, gw::Gateway gateway);
    void reconciled(int billed, int failed);
    void historyChanged();
    void historyError(const QString &message);
    void runLoaded(const gw::store::RunSettings &settings, const QString &label);

private:
    static qint64 unitKey(int caseIndex, gw::Gateway gateway) { return qint64(caseIndex) * 2 + (gateway == gw::Gateway::Vercel); }
    gw::net::GatewayClient *clientFor(gw::Gateway gateway) const;
    void releaseRun(bool waitForIt);
    struct LiveText;
    void connectRunner(gw::net::BenchRunner *runner, const std::shared_ptr<LiveText> &live);
    // What the worker needs to build a run's clients and runner.
    struct RunSetup {
        std::optional<gw::net::ClientSettings> openrouter;
        std::optional<gw::net::ClientSettings> vercel; // none: Vercel sides are skipped
        int clientsPerGateway = 1;
        int concurrency = 4;
        gw::Catalog catalogs[2];
        bool haveCatalogs = false;
    };
    void onResult(const gw::BenchResult &result);
    void onFinished();
    void applyPending();
    void flushResults();
    void whenRunId(std::function<void(qint64)> write);
    void startReconciling();

    GatewayConnections *m_connections;
    std::shared_ptr<gw::store::HistoryStore> m_store;
    BenchResultsModel *m_results;
    BenchSummaryModel *m_summary;
    RunHistoryModel *m_history;
    QThread m_worker;
    QObject *m_runContext = nullptr;          // lives on m_worker: the runner and its clients
    std::unique_ptr<gw::net::CostReconciler> m_reconciler;
    QSet<qint64> m_started;
    bool m_cancelRequested = false;
    gw::Catalog m_catalogs[2];
    bool m_haveCatalogs = false;
    gw::PromptSuite m_suite;
    // Streamed text, written on the worker as tokens arrive and read here: one queued signal per
    // token would flood the GUI thread at high concurrency, so the GUI looks ~30 times a second.
    struct LiveText {
        mutable QMutex mutex;
        QHash<qint64, QString> text;
        QHash<qint64, QString> reasoning;
        QSet<qint64> changed;
    };
    std::shared_ptr<LiveText> m_live;
    QTimer m_livePoll;
    // What the worker reported since the models were last updated (applyPending()).
    struct Pending {
        QList<qint64> running; // unit keys
        QList<gw::BenchResult> results;
        QList<std::pair<int, gw::ParityFlags>> flags;
        std::pair<int, int> progress{0, 0};
    };
    Pending m_pending;
    QTimer m_apply;
    QList<gw::BenchResult> m_unsaved;
    QList<std::function<void(qint64)>> m_waitingForRunId;
    QTimer m_flush;
    QTimer m_summarize;
    qint64 m_runId = 0;
    LatestJob<gw::store::Outcome<qint64>> m_runCreation{this}; // answers for an older run are ignored
    int m_billed = 0;
    int m_billingFailed = 0;
    bool m_running = false;
};

} // namespace gwapp
