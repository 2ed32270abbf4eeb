#pragma once
// Planner tab 2: what-if replay. Recorded traffic in a range is decided again by the draft and by
// the config that was live at each hour (the workspace's native exports), per gateway x model,
// with cost at recorded or catalog prices and the churn of sticky keys. The panel is the view of
// PlannerReplayController (which runs gwcore's replayTraffic on a worker thread with progress and
// Cancel, and re-runs it when the draft changes with "Auto-update" on); its form is
// ui/plannerreplaypanel.ui.

#include "planner/planner_replay_controller.h"

#include <QWidget>

#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class PlannerReplayPanel;
}

namespace gw::app {

class TimeRangeSelector;

class PlannerReplayPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerReplayPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerReplayPanel() override;

    PlannerReplayController *controller() const { return m_controller; }
    void setHistory(std::shared_ptr<gw::store::HistoryStore> history) { m_controller->setHistory(std::move(history)); }
    void setWorkspace(const gw::Workspace &workspace) { m_controller->setWorkspace(workspace); }
    TimeRangeSelector *rangeSelector() const;
    void setAutoUpdate(bool on);

    void replay() { m_controller->replay(); } // replayFinished() follows (also on failure or cancel)
    void cancel() { m_controller->cancel(); }
    bool isRunning() const { return m_controller->isRunning(); }

    const std::optional<gw::ReplayResult> &result() const { return m_controller->result(); }
    ReplayTableModel *tableModel() const { return m_controller->tableModel(); }
    QString summaryText() const;
    QString statusText() const { return m_controller->status(); }

Q_SIGNALS:
    void replayFinished(bool ok);

private:
    void showResult();
    void updateButtons();

    std::unique_ptr<Ui::PlannerReplayPanel> ui;
    PlannerReplayController *m_controller;
    QSortFilterProxyModel *m_sorted;
};

} // namespace gw::app
