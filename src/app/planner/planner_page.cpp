#include "planner/planner_page.h"

#include "common/page_context.h"
#include "planner/planner_leaderboard_panel.h"
#include "planner/planner_ramp_panel.h"
#include "planner/planner_replay_panel.h"
#include "ui_plannerpage.h"

namespace gw::app {

PlannerPage::PlannerPage(std::shared_ptr<PageContext> context, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::PlannerPage>()), m_context(std::move(context))
{
    ui->setupUi(this);
    DraftDocument *document = m_context->document();
    m_leaderboard = new PlannerLeaderboardPanel(document, this);
    m_replay = new PlannerReplayPanel(document, this);
    m_ramp = new PlannerRampPanel(document, this);
    ui->tabs->addTab(m_leaderboard, tr("Leaderboard"));
    ui->tabs->addTab(m_replay, tr("What-if replay"));
    ui->tabs->addTab(m_ramp, tr("Guarded ramp"));
    connect(m_context.get(), &PageContext::historyChanged, this, &PlannerPage::onHistoryChanged);
    connect(m_context.get(), &PageContext::workspaceChanged, this,
            [this] { m_replay->setWorkspace(m_context->workspace()); });
    if (m_context->workspace().isValid())
        m_replay->setWorkspace(m_context->workspace());
    if (m_context->history())
        onHistoryChanged();
}

PlannerPage::~PlannerPage() = default;

void PlannerPage::onHistoryChanged()
{
    const std::shared_ptr<gw::store::HistoryStore> &history = m_context->history();
    const QString openError = m_context->historyError();
    m_leaderboard->setHistory(history);
    m_replay->setHistory(history);
    m_ramp->setHistory(history);
    if (history)
        ui->historyLabel->hide();
    else
        ui->historyLabel->setText(
            tr("Traffic history not available: %1. Recorded traffic, replay and ramp gates need it; "
               "the leaderboard planner works with typed volumes.")
                .arg(openError.isEmpty() ? tr("not open") : openError));
    ui->historyLabel->setVisible(!history);
}

} // namespace gw::app
