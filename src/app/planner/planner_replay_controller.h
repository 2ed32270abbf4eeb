#pragma once
// The what-if replay tab's data: reads the recorded per-key usage of a range through the
// HistoryStore, replays it on a pool thread (runReplay, gwcore's replayTraffic against the
// workspace's exported configs) with progress and a cancel flag, and fills the table model. The
// panel shows what it says; it never computes. With auto-update on, an edit of the draft replays
// again about a second after the last change (a run in progress is cancelled and run again).

#include "planner/replay.h"
#include "planner/replay_table_model.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class DraftDocument;

struct ReplayRun {
    gw::ReplayResult result;
    QString liveSource; // where the live configs came from, for the status line
};

// The whole replay, runnable on any thread: the live timeline from the workspace's native
// exports (before the first, the oldest; without any, the saved routing.json; else the draft),
// prices from its newest catalog snapshots.
ReplayRun runReplay(const QList<gw::TrafficKeyUsage> &usage, const gw::RoutingConfig &draft,
                    const gw::Workspace &workspace, const std::atomic<bool> *cancel,
                    const std::function<void(qsizetype, qsizetype)> &progress = {});

class PlannerReplayController : public QObject {
    Q_OBJECT
public:
    using RangeSource = std::function<std::pair<QDateTime, QDateTime>()>; // [from, to)

    explicit PlannerReplayController(DraftDocument *document, QObject *parent = nullptr);
    ~PlannerReplayController() override; // never waits: a running worker is told to stop

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);
    bool hasHistory() const { return m_history != nullptr; }
    void setWorkspace(const gw::Workspace &workspace) { m_workspace = workspace; }
    // Asked at the start of every run (the range selector's presets end "now").
    void setRangeSource(RangeSource source) { m_rangeSource = std::move(source); }
    void setAutoUpdate(bool on) { m_autoUpdate = on; }
    bool autoUpdate() const { return m_autoUpdate; }

    void replay(); // replayFinished() follows (also on failure or cancel)
    void cancel();
    bool isRunning() const { return m_running; }

    const std::optional<gw::ReplayResult> &result() const { return m_result; }
    QString liveSource() const { return m_liveSource; }
    QString status() const { return m_status; }
    ReplayTableModel *tableModel() const { return m_table; }

Q_SIGNALS:
    void stateChanged(); // running, or the history came or went
    void progressRangeChanged(int minimum, int maximum);
    void progressValueChanged(int value);
    void statusChanged(const QString &status);
    void resultChanged(); // a new result (result(), liveSource(), the table) is there
    void replayFinished(bool ok);

private:
    void runOnWorker(const QList<gw::TrafficKeyUsage> &usage);
    void finish(const std::optional<ReplayRun> &run, const QString &status);
    void setStatus(const QString &status);
    void setRunning(bool running);

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    gw::Workspace m_workspace;
    RangeSource m_rangeSource;
    ReplayTableModel *m_table;
    QTimer m_autoUpdateDebounce;
    bool m_autoUpdate = false;
    bool m_running = false;
    bool m_rerunWhenDone = false; // the draft changed during a run with auto-update on
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<gw::ReplayResult> m_result;
    QString m_liveSource;
    QString m_status;
};

} // namespace gw::app
