#pragma once
// Planner tab 1: how much traffic to send through Vercel to rank first on both gateways' app
// leaderboards. Inputs are typed in or imported (saved rankings files) and our volume can come
// from recorded traffic; the panel is the view of PlannerLeaderboardController (which computes
// with gwcore's leaderboard_plan.h off the GUI thread whenever an input or the draft changes, and
// applies the proposed default shares as one undoable edit). Its form is
// ui/plannerleaderboardpanel.ui.

#include "planner/planner_leaderboard_controller.h"

#include <QWidget>

#include <memory>

namespace Ui {
class PlannerLeaderboardPanel;
}

namespace gw::app {

class TimeRangeSelector;

class PlannerLeaderboardPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerLeaderboardPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerLeaderboardPanel() override;

    PlannerLeaderboardController *controller() const { return m_controller; }
    void setHistory(std::shared_ptr<gw::store::HistoryStore> history) { m_controller->setHistory(std::move(history)); }
    TimeRangeSelector *rangeSelector() const;
    int chartSeriesCount() const; // how many series the chart draws for the current plan

private:
    gw::LeaderboardInputs widgetInputs() const;
    void pushInputs();
    void showInputs();
    void showPlan();
    void showImportStatus();
    void updateButtons();
    void chooseImportFile(gw::Gateway gateway);

    std::unique_ptr<Ui::PlannerLeaderboardPanel> ui;
    PlannerLeaderboardController *m_controller;
};

} // namespace gw::app
