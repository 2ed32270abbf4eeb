#include "planner/planner_leaderboard_panel.h"

#include "common/time_range_selector.h"
#include "planner/planner_margin_chart.h"
#include "ui_plannerleaderboardpanel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableView>

namespace gw::app {

namespace {

void showValue(QDoubleSpinBox *box, double value)
{
    if (box->value() == value)
        return; // typing into the box comes back here: leave the editor alone
    const QSignalBlocker quiet(box);
    box->setValue(value);
}

void showData(QComboBox *box, int data)
{
    const QSignalBlocker quiet(box);
    box->setCurrentIndex(box->findData(data));
}

} // namespace

PlannerLeaderboardPanel::PlannerLeaderboardPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PlannerLeaderboardPanel>())
    , m_controller(new PlannerLeaderboardController(document, this))
{
    ui->setupUi(this);
    ui->metric->addItem(tr("Tokens"), int(gw::LeaderboardMetric::Tokens));
    ui->metric->addItem(tr("Spend"), int(gw::LeaderboardMetric::Spend));
    ui->metric->addItem(tr("Tokens and spend"), int(gw::LeaderboardMetric::Both));
    ui->scope->addItem(tr("Paid and free default shares"), int(gw::DefaultShareScope::Both));
    ui->scope->addItem(tr("Paid default share only"), int(gw::DefaultShareScope::PaidOnly));
    ui->scope->addItem(tr("Free default share only"), int(gw::DefaultShareScope::FreeOnly));
    ui->importTable->setModel(m_controller->importModel());
    ui->constraintTable->setModel(m_controller->constraintModel());
    // Headers are never cut: every column fits its contents, the last takes the rest.
    for (QTableView *view : {ui->importTable, ui->constraintTable}) {
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
    }
    ui->trafficLabel->setText(m_controller->trafficStatus());

    m_controller->setRangeSource([this] { return ui->rangeSelector->range(); });
    for (QDoubleSpinBox *box : {ui->ourTokens, ui->ourSpend, ui->openrouterCompetitor, ui->vercelCompetitorTokens,
                                ui->vercelCompetitorSpend, ui->margin})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlannerLeaderboardPanel::pushInputs);
    connect(ui->metric, &QComboBox::currentIndexChanged, this, &PlannerLeaderboardPanel::pushInputs);
    connect(ui->scope, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setScope(gw::DefaultShareScope(ui->scope->currentData().toInt())); });
    connect(ui->fromRecorded, &QCheckBox::toggled, m_controller, &PlannerLeaderboardController::setUseRecordedVolume);
    connect(ui->loadTrafficButton, &QPushButton::clicked, m_controller,
            &PlannerLeaderboardController::loadRecordedTraffic);
    connect(ui->rangeSelector, &TimeRangeSelector::rangeChanged, m_controller,
            &PlannerLeaderboardController::rangeChanged);
    connect(ui->importOpenRouterButton, &QPushButton::clicked, this,
            [this] { chooseImportFile(gw::Gateway::OpenRouter); });
    connect(ui->importVercelButton, &QPushButton::clicked, this, [this] { chooseImportFile(gw::Gateway::Vercel); });
    connect(ui->applyToDraftButton, &QPushButton::clicked, m_controller, &PlannerLeaderboardController::applyToDraft);

    connect(m_controller, &PlannerLeaderboardController::inputsChanged, this, &PlannerLeaderboardPanel::showInputs);
    connect(m_controller, &PlannerLeaderboardController::stateChanged, this, &PlannerLeaderboardPanel::updateButtons);
    connect(m_controller, &PlannerLeaderboardController::trafficStatusChanged, ui->trafficLabel, &QLabel::setText);
    connect(m_controller, &PlannerLeaderboardController::importStatusChanged, this,
            &PlannerLeaderboardPanel::showImportStatus);
    connect(m_controller, &PlannerLeaderboardController::planUpdated, this, &PlannerLeaderboardPanel::showPlan);
    connect(m_controller, &PlannerLeaderboardController::applicableChanged, ui->applyToDraftButton,
            &QPushButton::setEnabled);
    pushInputs(); // the form's defaults (a 10% margin) are the controller's first inputs
    updateButtons();
    ui->applyToDraftButton->setEnabled(false);
}

PlannerLeaderboardPanel::~PlannerLeaderboardPanel() = default;

TimeRangeSelector *PlannerLeaderboardPanel::rangeSelector() const
{
    return ui->rangeSelector;
}

int PlannerLeaderboardPanel::chartSeriesCount() const
{
    return ui->chart->seriesCount();
}

gw::LeaderboardInputs PlannerLeaderboardPanel::widgetInputs() const
{
    gw::LeaderboardInputs in;
    in.ourTokensPerDay = ui->ourTokens->value();
    in.ourSpendPerDayUsd = ui->ourSpend->value();
    in.openrouterCompetitorTokens = ui->openrouterCompetitor->value();
    in.vercelCompetitorTokens = ui->vercelCompetitorTokens->value();
    in.vercelCompetitorSpendUsd = ui->vercelCompetitorSpend->value();
    in.metric = gw::LeaderboardMetric(ui->metric->currentData().toInt());
    in.marginPercent = ui->margin->value();
    return in;
}

void PlannerLeaderboardPanel::pushInputs()
{
    m_controller->setInputs(widgetInputs());
}

void PlannerLeaderboardPanel::showInputs()
{
    const gw::LeaderboardInputs in = m_controller->inputs();
    showValue(ui->ourTokens, in.ourTokensPerDay);
    showValue(ui->ourSpend, in.ourSpendPerDayUsd);
    showValue(ui->openrouterCompetitor, in.openrouterCompetitorTokens);
    showValue(ui->vercelCompetitorTokens, in.vercelCompetitorTokens);
    showValue(ui->vercelCompetitorSpend, in.vercelCompetitorSpendUsd);
    showValue(ui->margin, in.marginPercent);
    showData(ui->metric, int(in.metric));
    showData(ui->scope, int(m_controller->scope()));
    const bool recorded = m_controller->useRecordedVolume();
    {
        const QSignalBlocker quiet(ui->fromRecorded);
        ui->fromRecorded->setChecked(recorded);
    }
    ui->ourTokens->setReadOnly(recorded);
    ui->ourSpend->setReadOnly(recorded);
}

void PlannerLeaderboardPanel::updateButtons()
{
    const bool history = m_controller->hasHistory();
    ui->loadTrafficButton->setEnabled(history && !m_controller->isLoadingTraffic());
    ui->fromRecorded->setEnabled(history);
}

void PlannerLeaderboardPanel::showImportStatus()
{
    ui->importLabel->setStyleSheet(m_controller->importFailed() ? QStringLiteral("color: #c62828;") : QString());
    ui->importLabel->setText(m_controller->importStatus());
}

void PlannerLeaderboardPanel::showPlan()
{
    ui->headlineLabel->setText(m_controller->headline());
    ui->rangeLabel->setText(m_controller->rangeText());
    ui->defaultsLabel->setText(m_controller->defaultsText());
    ui->problemLabel->setText(m_controller->problemText());
    const std::optional<gw::DefaultShareProposal> &proposal = m_controller->proposal();
    ui->chart->showPlan(m_controller->plan(),
                        proposal ? std::optional<double>(proposal->achievedPercent) : std::nullopt);
}

void PlannerLeaderboardPanel::chooseImportFile(gw::Gateway gateway)
{
    const QString title = gateway == gw::Gateway::OpenRouter ? tr("Import OpenRouter app rankings")
                                                             : tr("Import Vercel leaderboard export");
    const QString path = QFileDialog::getOpenFileName(this, title, QString(), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_controller->importLeaderboard(gateway, path);
}

} // namespace gw::app
