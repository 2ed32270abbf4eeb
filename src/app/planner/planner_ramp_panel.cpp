#include "planner/planner_ramp_panel.h"

#include "common/draft_document.h"
#include "common/number_format.h"
#include "ui_plannerramppanel.h"

#include <QFileDialog>
#include <QHeaderView>

#include <algorithm>

namespace gw::app {

namespace {

QString verdictStyle(const std::optional<gw::RampEvaluation> &evaluation)
{
    QString base = QStringLiteral("font-size: 20pt; font-weight: bold;");
    if (!evaluation)
        return base;
    switch (evaluation->verdict) {
    case gw::RampVerdict::Advance: return base + QStringLiteral(" color: #2e7d32;");
    case gw::RampVerdict::Hold: return base + QStringLiteral(" color: #ef6c00;");
    case gw::RampVerdict::RollBack: break;
    }
    return base + QStringLiteral(" color: #c62828;");
}

} // namespace

PlannerRampPanel::PlannerRampPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PlannerRampPanel>())
    , m_document(document)
    , m_controller(new PlannerRampController(document, this))
{
    ui->setupUi(this);
    ui->volumesTable->setModel(m_controller->volumeModel());
    ui->gatesTable->setModel(m_controller->gateModel());
    ui->volumesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    connect(ui->scope, &QComboBox::currentTextChanged, this, &PlannerRampPanel::planEdited);
    connect(ui->steps, &QLineEdit::textChanged, this, [this] {
        if (const std::optional<gw::RampPlan> p = plan())
            ui->currentStep->setMaximum(int(p->stepsPercent.size()) - 1);
        planEdited();
    });
    for (QSpinBox *box : {ui->currentStep, ui->minRequests, ui->windowMinutes})
        connect(box, &QSpinBox::valueChanged, this, &PlannerRampPanel::planEdited);
    for (QDoubleSpinBox *box : {ui->errorMargin, ui->confidence, ui->maxTtftWorse, ui->maxCostWorse})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlannerRampPanel::planEdited);
    connect(m_document, &DraftDocument::changed, this, &PlannerRampPanel::refreshScopes);
    connect(ui->evaluateButton, &QPushButton::clicked, m_controller, &PlannerRampController::evaluate);
    connect(ui->advanceButton, &QPushButton::clicked, m_controller, &PlannerRampController::advance);
    connect(ui->rollBackButton, &QPushButton::clicked, m_controller, &PlannerRampController::rollBack);
    connect(ui->loadButton, &QPushButton::clicked, this, &PlannerRampPanel::chooseLoadFile);
    connect(ui->saveButton, &QPushButton::clicked, this, &PlannerRampPanel::chooseSaveFile);
    connect(m_controller, &PlannerRampController::planLoaded, this, &PlannerRampPanel::setPlan);
    connect(m_controller, &PlannerRampController::planErrorChanged, ui->planError, &QLabel::setText);
    connect(m_controller, &PlannerRampController::stateChanged, this, &PlannerRampPanel::updateButtons);
    connect(m_controller, &PlannerRampController::resultChanged, this, &PlannerRampPanel::showResult);
    refreshScopes();
    setPlan(gw::RampPlan{});
    showResult();
    updateButtons();
}

PlannerRampPanel::~PlannerRampPanel() = default;

void PlannerRampPanel::refreshScopes()
{
    const QString current = ui->scope->currentText();
    QStringList scopes{QStringLiteral("default")};
    scopes.append(m_document->config().models.keys());
    m_filling = true; // clearing the list passes through an empty scope
    ui->scope->clear();
    ui->scope->addItems(scopes);
    ui->scope->setEditText(current.isEmpty() ? scopes.first() : current);
    m_filling = false;
    planEdited();
}

void PlannerRampPanel::setPlan(const gw::RampPlan &plan)
{
    m_filling = true;
    ui->scope->setEditText(plan.scope);
    QStringList steps;
    for (const double step : plan.stepsPercent)
        steps.append(QString::number(step)); // the form's own syntax, read back by plan()
    ui->steps->setText(steps.join(QStringLiteral(", ")));
    ui->currentStep->setRange(-1, std::max(0, int(plan.stepsPercent.size()) - 1));
    ui->currentStep->setValue(plan.currentStep);
    ui->minRequests->setValue(int(std::min<quint64>(plan.minRequestsPerGateway, 1'000'000'000)));
    ui->errorMargin->setValue(plan.errorMarginPoints);
    ui->confidence->setValue(plan.confidence);
    ui->maxTtftWorse->setValue(plan.maxTtftP95WorsePercent);
    ui->maxCostWorse->setValue(plan.maxCostPerMtokWorsePercent);
    ui->windowMinutes->setValue(plan.windowMinutes);
    m_filling = false;
    planEdited();
}

std::optional<gw::RampPlan> PlannerRampPanel::plan() const
{
    gw::RampPlan p;
    p.scope = ui->scope->currentText().trimmed();
    p.stepsPercent.clear();
    for (const QString &part : ui->steps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double step = part.trimmed().remove(QLatin1Char('%')).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        p.stepsPercent.append(step);
    }
    p.currentStep = ui->currentStep->value();
    p.minRequestsPerGateway = quint64(ui->minRequests->value());
    p.errorMarginPoints = ui->errorMargin->value();
    p.confidence = ui->confidence->value();
    p.maxTtftP95WorsePercent = ui->maxTtftWorse->value();
    p.maxCostPerMtokWorsePercent = ui->maxCostWorse->value();
    p.windowMinutes = ui->windowMinutes->value();
    // The plan file's own validation (ranges, increasing steps, a step index that exists), so the
    // form and a file accept exactly the same plans.
    return gw::loadRampPlan(gw::rampPlanBytes(p), tr("ramp plan form")).plan;
}

void PlannerRampPanel::planEdited()
{
    if (m_filling)
        return;
    const std::optional<gw::RampPlan> p = plan();
    ui->currentShare->setText(p ? tr("= %1% on Vercel").arg(formatDecimal(p->currentSharePercent(), 3))
                                : tr("(plan not valid)"));
    m_controller->setPlan(p);
}

void PlannerRampPanel::updateButtons()
{
    ui->evaluateButton->setEnabled(m_controller->hasHistory() && !m_controller->isEvaluating());
    ui->advanceButton->setEnabled(m_controller->canAdvance());
    ui->rollBackButton->setEnabled(m_controller->canRollBack());
}

void PlannerRampPanel::showResult()
{
    ui->verdictLabel->setText(m_controller->verdictText());
    ui->verdictLabel->setStyleSheet(verdictStyle(m_controller->evaluation()));
    ui->messageLabel->setText(m_controller->message());
    ui->windowLabel->setText(m_controller->windowText());
    ui->volumesTable->setVisible(m_controller->evaluation().has_value());
}

void PlannerRampPanel::chooseLoadFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load ramp plan"), QString(), tr("Ramp plans (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_controller->loadPlanFile(path);
}

void PlannerRampPanel::chooseSaveFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save ramp plan"), QStringLiteral("ramp-plan.json"),
                                                      tr("Ramp plans (*.json)"));
    if (!path.isEmpty())
        m_controller->savePlanFile(path);
}

} // namespace gw::app
