#pragma once
// The Planner page (issue 7): the leaderboard share planner, the what-if replay of recorded
// traffic against the draft, and the guarded ramp, one tab each. The arithmetic is gwcore's
// (leaderboard_plan.h, replay.h, ramp_gate.h); the tabs read the history store asynchronously and
// compute on worker threads. Every change they make to the draft is one undoable edit.

#include <QWidget>

#include <memory>

namespace Ui {
class PlannerPage;
}

namespace gw::app {

class PageContext;
class PlannerLeaderboardPanel;
class PlannerRampPanel;
class PlannerReplayPanel;

class PlannerPage : public QWidget {
    Q_OBJECT
public:
    // Follows the context's history (null: the tabs that read traffic say so, and why) and workspace.
    explicit PlannerPage(std::shared_ptr<PageContext> context, QWidget *parent = nullptr);
    ~PlannerPage() override;

    PlannerLeaderboardPanel *leaderboardPanel() const { return m_leaderboard; }
    PlannerReplayPanel *replayPanel() const { return m_replay; }
    PlannerRampPanel *rampPanel() const { return m_ramp; }

private:
    void onHistoryChanged();

    std::unique_ptr<Ui::PlannerPage> ui;
    std::shared_ptr<PageContext> m_context;
    PlannerLeaderboardPanel *m_leaderboard;
    PlannerReplayPanel *m_replay;
    PlannerRampPanel *m_ramp;
};

} // namespace gw::app
