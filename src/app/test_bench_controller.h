#pragma once
// The test bench without widgets: runs a batch through gwnet's BenchRunner on the app's gateway
// connections, keeps the results, flags and summary models current, streams text for the panes,
// looks up billed costs afterwards, and records every run in the history store (gwstore), which
// also feeds the Monitor as traffic of source "test". Nothing here blocks the GUI thread.

#include "bench_types.h"
#include "config.h"
#include "protocol/catalog.h"
#include "store_types.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

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

    void setHistory(gw::store::HistoryStore *history); // borrowed; null: runs are not kept
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
    gw::net::BenchRunner *runner() const { return m_runner.get(); }
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
    void streamed(int caseIndex, gw::Gateway gateway); // more live text or reasoning
    void unitFinished(int caseIndex, gw::Gateway gateway);
    void reconciled(int billed, int failed);
    void historyChanged();
    void historyError(const QString &message);
    void runLoaded(const gw::store::RunSettings &settings, const QString &label);

private:
    static qint64 unitKey(int caseIndex, gw::Gateway gateway) { return qint64(caseIndex) * 2 + (gateway == gw::Gateway::Vercel); }
    gw::net::GatewayClient *clientFor(gw::Gateway gateway) const;
    void onResult(const gw::BenchResult &result);
    void onFinished();
    void flushResults();
    void whenRunId(std::function<void(qint64)> write);
    void startReconciling();

    GatewayConnections *m_connections;
    gw::store::HistoryStore *m_store = nullptr;
    BenchResultsModel *m_results;
    BenchSummaryModel *m_summary;
    RunHistoryModel *m_history;
    std::unique_ptr<gw::net::BenchRunner> m_runner;
    std::unique_ptr<gw::net::CostReconciler> m_reconciler;
    std::vector<std::unique_ptr<gw::net::GatewayClient>> m_extraClients;
    gw::Catalog m_catalogs[2];
    bool m_haveCatalogs = false;
    gw::PromptSuite m_suite;
    QHash<qint64, QString> m_liveText;
    QHash<qint64, QString> m_liveReasoning;
    QList<gw::BenchResult> m_unsaved;
    QList<std::function<void(qint64)>> m_waitingForRunId;
    QTimer m_flush;
    QTimer m_summarize;
    qint64 m_runId = 0;
    quint64 m_run = 0; // generation: answers for an older run are ignored
    int m_billed = 0;
    int m_billingFailed = 0;
    bool m_running = false;
};

} // namespace gwapp
