#include "planner/planner_replay_panel.h"

#include "common/time_range_selector.h"
#include "ui_plannerreplaypanel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace gw::app {

namespace {

QString usd(double value)
{
    return QString::number(value, 'f', 4);
}

// The draft's rules count only while in force (gwcore's draft_projection.h); say so, and name
// every rule that does not count for the whole replayed span.
QStringList ruleWindowLines(const gw::ReplayResult &result)
{
    QStringList lines{PlannerReplayPanel::tr("Draft rules count only while they are in force: the traffic is replayed "
                                             "as if it began now, when the draft would go live.")};
    const double spanHours = double(result.draftProjection.spanMs()) / 3.6e6;
    for (const gw::RuleWindow &w : result.draftRules) {
        switch (w.state) {
        case gw::RuleInForce::Always: break;
        case gw::RuleInForce::Partly:
            lines << PlannerReplayPanel::tr("Rule “%1” expires %2: it counts for %3 of the %4 hours replayed.")
                         .arg(w.id, w.expiresAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t")),
                              QString::number(double(w.inForceMs) / 3.6e6, 'f', 1), QString::number(spanHours, 'f', 0));
            break;
        case gw::RuleInForce::Expired:
            lines << PlannerReplayPanel::tr("Rule “%1” has expired: it counts for none of the traffic.").arg(w.id);
            break;
        case gw::RuleInForce::Disabled:
            lines << PlannerReplayPanel::tr("Rule “%1” is disabled: it counts for none of the traffic.").arg(w.id);
            break;
        }
    }
    return lines;
}

} // namespace

PlannerReplayPanel::PlannerReplayPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PlannerReplayPanel>())
    , m_controller(new PlannerReplayController(document, this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    m_sorted->setSourceModel(m_controller->tableModel());
    ui->table->setModel(m_sorted);
    ui->table->horizontalHeader()->setSectionResizeMode(ReplayTableModel::Model, QHeaderView::Stretch);
    ui->table->sortByColumn(ReplayTableModel::Model, Qt::AscendingOrder); // stable: gateways stay in the model's order

    m_controller->setRangeSource([this] { return std::pair{ui->rangeSelector->from(), ui->rangeSelector->to()}; });
    connect(ui->replayButton, &QPushButton::clicked, m_controller, &PlannerReplayController::replay);
    connect(ui->cancelButton, &QPushButton::clicked, m_controller, &PlannerReplayController::cancel);
    connect(ui->autoUpdate, &QCheckBox::toggled, m_controller, &PlannerReplayController::setAutoUpdate);
    connect(m_controller, &PlannerReplayController::stateChanged, this, &PlannerReplayPanel::updateButtons);
    connect(m_controller, &PlannerReplayController::progressRangeChanged, ui->progress, &QProgressBar::setRange);
    connect(m_controller, &PlannerReplayController::progressValueChanged, ui->progress, &QProgressBar::setValue);
    connect(m_controller, &PlannerReplayController::statusChanged, ui->statusLabel, &QLabel::setText);
    connect(m_controller, &PlannerReplayController::resultChanged, this, &PlannerReplayPanel::showResult);
    connect(m_controller, &PlannerReplayController::replayFinished, this, &PlannerReplayPanel::replayFinished);
    m_controller->setHistory(nullptr);
}

PlannerReplayPanel::~PlannerReplayPanel() = default;

TimeRangeSelector *PlannerReplayPanel::rangeSelector() const
{
    return ui->rangeSelector;
}

void PlannerReplayPanel::setAutoUpdate(bool on)
{
    ui->autoUpdate->setChecked(on);
}

void PlannerReplayPanel::updateButtons()
{
    const bool running = m_controller->isRunning();
    ui->replayButton->setEnabled(!running && m_controller->hasHistory());
    ui->cancelButton->setEnabled(running);
}

QString PlannerReplayPanel::summaryText() const
{
    return ui->summaryLabel->text();
}

void PlannerReplayPanel::showResult()
{
    const gw::ReplayResult &result = *m_controller->result();
    const gw::ReplaySide &draft = result.draft;
    const gw::ReplaySide &live = result.live;
    const double difference = draft.totalCostUsd() - live.totalCostUsd();
    const quint64 unpriced = draft.openrouter.unpricedRequests + draft.vercel.unpricedRequests;
    const gw::ReplayChurn &churn = result.churn;
    QStringList lines;
    lines << tr("Draft: %1 requests, %2 tokens, %3% of tokens on Vercel, cost %4 USD.")
                 .arg(draft.openrouter.requests + draft.vercel.requests)
                 .arg(draft.openrouter.tokens() + draft.vercel.tokens())
                 .arg(QString::number(draft.vercelTokenPercent(), 'f', 2), usd(draft.totalCostUsd()));
    lines << ruleWindowLines(result);
    lines << tr("Live config (%1): %2% of tokens on Vercel, cost %3 USD. Difference: %4 USD.")
                 .arg(m_controller->liveSource(), QString::number(live.vercelTokenPercent(), 'f', 2),
                      usd(live.totalCostUsd()), (difference >= 0 ? QStringLiteral("+") : QString()) + usd(difference));
    lines << tr("Recorded: %1% of tokens were served by Vercel, cost %2 USD.")
                 .arg(QString::number(result.recorded.vercelTokenPercent(), 'f', 2),
                      usd(result.recorded.totalCostUsd()));
    lines << tr("Churn: %1 of %2 sticky keys change gateway (%3 to Vercel, %4 to OpenRouter), %5 of %6 requests "
                "affected.")
                 .arg(churn.keysChanged)
                 .arg(churn.keys)
                 .arg(churn.keysToVercel)
                 .arg(churn.keysToOpenRouter)
                 .arg(churn.requestsAffected)
                 .arg(churn.requests);
    if (unpriced > 0)
        lines << tr("%n request(s) on the draft have neither a recorded nor a catalog price: their cost is missing.",
                    nullptr, int(unpriced));
    ui->summaryLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace gw::app
