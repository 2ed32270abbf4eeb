#pragma once
// The test bench without widgets: runs a batch on both gateways (BenchWorkerSession, off the GUI
// thread, with clients built from the app's gateway connections), keeps the results, flags and
// summary models current, looks up billed costs afterwards, records every run
// (BenchRunRecorder) and browses the stored ones (RunHistoryController). Nothing here blocks the
// GUI thread.

#include "bench/types.h"
#include "catalog/catalog.h"
#include "config/config.h"
#include "store_types.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace gw {
namespace net {
class CostReconciler;
class GatewayClient;
} // namespace net
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class BenchResultsModel;
class BenchRunRecorder;
class BenchSummaryModel;
class BenchWorkerSession;
class GatewayConnections;
class RunHistoryController;
class RunHistoryModel;

struct BenchSpec {
    QString label;      // shown in the history
    QStringList models; // OpenRouter ids
    gw::PromptSuite suite;
    int repeat = 1;
    int concurrency = 4;
    QJsonObject reasoning; // batch default ({"effort": "low"}); a prompt's own wins
    QJsonObject provider;  // batch default provider preferences
};

class TestBenchController : public QObject {
    Q_OBJECT
public:
    explicit TestBenchController(GatewayConnections *connections, QObject *parent = nullptr);
    ~TestBenchController() override;

    void setHistory(
        std::shared_ptr<gw::store::HistoryStore> history); // shared with the page context; null: runs are not kept
    // Price tables for estimated costs, parsed off the GUI thread from the newest snapshots.
    void setWorkspaceDir(const QString &dir);

    // False with a reason when it cannot start (no models, no prompt, no OpenRouter key, running).
    bool start(const BenchSpec &spec, const gw::RoutingConfig &config, QString *why);
    void cancel();
    bool isRunning() const { return m_running; }
    bool isReconciling() const;

    BenchResultsModel *results() const { return m_results; }
    BenchSummaryModel *summary() const { return m_summary; }
    RunHistoryModel *history() const;
    int inFlight() const { return int(m_started.size()); } // requests sent and not answered yet
    const gw::PromptSuite &suite() const { return m_suite; }
    qint64 currentRunId() const;

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
    gw::net::GatewayClient *clientFor(gw::Gateway gateway) const;
    void onResult(const gw::BenchResult &result);
    void onFinished();
    void onRunLoaded(const gw::store::StoredRun &run);
    void applyPending();
    void startReconciling();

    GatewayConnections *m_connections;
    BenchResultsModel *m_results;
    BenchSummaryModel *m_summary;
    BenchWorkerSession *m_session;
    BenchRunRecorder *m_recorder;
    RunHistoryController *m_runs;
    std::unique_ptr<gw::net::CostReconciler> m_reconciler;
    QSet<qint64> m_started;
    bool m_cancelRequested = false;
    gw::Catalog m_catalogs[2];
    bool m_haveCatalogs = false;
    gw::PromptSuite m_suite;
    // What the worker reported since the models were last updated (applyPending()).
    struct Pending {
        QList<qint64> running; // unit keys
        QList<gw::BenchResult> results;
        QList<std::pair<int, gw::ParityFlags>> flags;
        std::pair<int, int> progress{0, 0};
    };
    Pending m_pending;
    QTimer m_apply;
    QTimer m_summarize;
    int m_billed = 0;
    int m_billingFailed = 0;
    bool m_running = false;
};

} // namespace gw::app
