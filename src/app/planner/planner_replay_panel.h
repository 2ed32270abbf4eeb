#pragma once
// Planner tab 2: what-if replay. Recorded traffic in a range is decided again by the draft and by
// the config that was live at each hour (the workspace's native exports), per gateway x model,
// with cost at recorded or catalog prices and the churn of sticky keys. gwcore's replayTraffic
// runs on a worker thread with progress and Cancel; "Auto-update" re-runs it (debounced) when
// the draft changes.

#include "planner/replay.h"
#include "workspace/workspace.h"

#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace gw { namespace store { class HistoryStore; } }

namespace gwapp {

class DraftDocument;
class TimeRangeSelector;

class PlannerReplayPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerReplayPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerReplayPanel() override;

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);
    void setWorkspace(const gw::Workspace &workspace);
    TimeRangeSelector *rangeSelector() const { return m_range; }
    void setAutoUpdate(bool on);

    void replay(); // replayFinished() follows (also on failure or cancel)
    void cancel();
    bool isRunning() const { return m_running; }

    const std::optional<gw::ReplayResult> &result() const { return m_result; }
    QString summaryText() const;
    QString statusText() const;
    int tableRowCount() const;
    QString tableText(int row, int column) const;

Q_SIGNALS:
    void replayFinished(bool ok);

private:
    struct Job;
    void runOnWorker(const QList<gw::TrafficKeyUsage> &usage);
    void finish(const std::optional<gw::ReplayResult> &result, const QString &status);
    void showResult(const gw::ReplayResult &result, const QString &liveSource);
    void setRunning(bool running);

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    gw::Workspace m_workspace;
    TimeRangeSelector *m_range;
    QPushButton *m_replayButton;
    QPushButton *m_cancelButton;
    QCheckBox *m_autoUpdate;
    QProgressBar *m_progress;
    QLabel *m_statusLabel;
    QLabel *m_summaryLabel;
    QTableWidget *m_table;
    QTimer m_autoUpdateDebounce;

    bool m_running = false;
    bool m_rerunWhenDone = false; // the draft changed during a run with auto-update on
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<gw::ReplayResult> m_result;
};

} // namespace gwapp
