#include "planner/planner_page.h"

#include "planner/planner_leaderboard_panel.h"
#include "planner/planner_ramp_panel.h"
#include "planner/planner_replay_panel.h"
#include "ui_plannerpage.h"

namespace gwapp {

PlannerPage::PlannerPage(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PlannerPage>())
{
    ui->setupUi(this);
    m_leaderboard = new PlannerLeaderboardPanel(document, this);
    m_replay = new PlannerReplayPanel(document, this);
    m_ramp = new PlannerRampPanel(document, this);
    ui->tabs->addTab(m_leaderboard, tr("Leaderboard"));
    ui->tabs->addTab(m_replay, tr("What-if replay"));
    ui->tabs->addTab(m_ramp, tr("Guarded ramp"));
}

PlannerPage::~PlannerPage() = default;

void PlannerPage::setHistory(gw::store::HistoryStore *history, const QString &openError)
{
    m_leaderboard->setHistory(history);
    m_replay->setHistory(history);
    m_ramp->setHistory(history);
    if (history)
        ui->historyLabel->hide();
    else
        ui->historyLabel->setText(tr("Traffic history not available: %1. Recorded traffic, replay and ramp gates need it; "
                                     "the leaderboard planner works with typed volumes.")
                                      .arg(openError.isEmpty() ? tr("not open") : openError));
    ui->historyLabel->setVisible(!history);
}

void PlannerPage::setWorkspace(const gw::Workspace &workspace)
{
    m_replay->setWorkspace(workspace);
}

} // namespace gwapp
