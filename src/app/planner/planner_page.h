#pragma once
// The Planner page (issue 7): the leaderboard share planner, the what-if replay of recorded
// traffic against the draft, and the guarded ramp, one tab each. The arithmetic is gwcore's
// (leaderboard_plan.h, replay.h, ramp_gate.h); the tabs read the history store asynchronously and
// compute on worker threads. Every change they make to the draft is one undoable edit.

#include "workspace/workspace.h"

#include <QWidget>

#include <memory>

namespace Ui { class PlannerPage; }
namespace gw { namespace store { class HistoryStore; } }

namespace gwapp {

class DraftDocument;
class PlannerLeaderboardPanel;
class PlannerRampPanel;
class PlannerReplayPanel;

class PlannerPage : public QWidget {
    Q_OBJECT
public:
    explicit PlannerPage(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerPage() override;

    // Null: no history (the tabs that read traffic say so); `openError` says why.
    void setHistory(gw::store::HistoryStore *history, const QString &openError = QString());
    void setWorkspace(const gw::Workspace &workspace);

    PlannerLeaderboardPanel *leaderboardPanel() const { return m_leaderboard; }
    PlannerReplayPanel *replayPanel() const { return m_replay; }
    PlannerRampPanel *rampPanel() const { return m_ramp; }

private:
    std::unique_ptr<Ui::PlannerPage> ui;
    PlannerLeaderboardPanel *m_leaderboard;
    PlannerReplayPanel *m_replay;
    PlannerRampPanel *m_ramp;
};

} // namespace gwapp
