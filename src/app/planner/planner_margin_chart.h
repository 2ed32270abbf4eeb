#pragma once
// The leaderboard planner's chart: each leaderboard's lead over its strongest competitor across
// Vercel shares 0..100%, the feasible band shaded and the proposed share marked.

#include "planner/leaderboard_plan.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;

namespace gw::app {

class PlannerMarginChart : public QWidget {
    Q_OBJECT
public:
    explicit PlannerMarginChart(QWidget *parent = nullptr);

    // No plan: an empty chart. `proposedPercent`: the marked share, if any.
    void showPlan(const std::optional<gw::LeaderboardPlan> &plan, std::optional<double> proposedPercent);
    int seriesCount() const; // for tests: how many series are drawn

private:
    QChart *m_chart;
    QChartView *m_view;
};

} // namespace gw::app
