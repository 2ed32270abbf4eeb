#include "planner/planner_ramp_panel.h"

#include "common/draft_document.h"
#include "common/when_ready.h"
#include "planner/planner_ramp_verdict.h"
#include "traffic/time_range.h"

#include "history_store.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace gwapp {

namespace {

QString num(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

PlannerRampPanel::PlannerRampPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scope(new QComboBox(this))
    , m_steps(new QLineEdit(this))
    , m_currentStep(new QSpinBox(this))
    , m_currentShare(new QLabel(this))
    , m_minRequests(new QSpinBox(this))
    , m_errorMargin(new QDoubleSpinBox(this))
    , m_confidence(new QDoubleSpinBox(this))
    , m_maxTtftWorse(new QDoubleSpinBox(this))
    , m_maxCostWorse(new QDoubleSpinBox(this))
    , m_windowMinutes(new QSpinBox(this))
    , m_planError(new QLabel(this))
    , m_evaluate(new QPushButton(tr("Evaluate"), this))
    , m_verdict(new PlannerRampVerdictView(this))
    , m_advance(new QPushButton(tr("Advance"), this))
    , m_rollBack(new QPushButton(tr("Roll back"), this))
{
    m_scope->setEditable(true);
    m_steps->setPlaceholderText(tr("e.g. 2, 5, 10"));
    m_currentStep->setSpecialValueText(tr("rolled back (0%)"));
    m_minRequests->setRange(1, 1'000'000'000);
    m_errorMargin->setRange(0, 100);
    m_errorMargin->setSuffix(tr(" points"));
    m_confidence->setRange(0.5, 0.9999);
    m_confidence->setDecimals(4);
    m_confidence->setSingleStep(0.01);
    m_maxTtftWorse->setRange(0, 10000);
    m_maxTtftWorse->setSuffix(QStringLiteral(" %"));
    m_maxCostWorse->setRange(0, 10000);
    m_maxCostWorse->setSuffix(QStringLiteral(" %"));
    m_windowMinutes->setRange(1, 366 * 1440);
    m_windowMinutes->setSuffix(tr(" min"));
    m_planError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_planError->setWordWrap(true);
    m_planError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *load = new QPushButton(tr("Load plan…"), this);
    auto *save = new QPushButton(tr("Save plan…"), this);
    auto *planBox = new QGroupBox(tr("Ramp plan"), this);
    auto *form = new QFormLayout(planBox);
    form->addRow(tr("Scope (default or model):"), m_scope);
    form->addRow(tr("Steps (% Vercel):"), m_steps);
    auto *stepRow = new QHBoxLayout;
    stepRow->addWidget(m_currentStep, 1);
    stepRow->addWidget(m_currentShare);
    form->addRow(tr("Current step (0 = first):"), stepRow);
    form->addRow(tr("Minimum requests per gateway:"), m_minRequests);
    form->addRow(tr("Error rate margin:"), m_errorMargin);
    form->addRow(tr("Confidence:"), m_confidence);
    form->addRow(tr("TTFT p95 at most worse by:"), m_maxTtftWorse);
    form->addRow(tr("Cost per Mtok at most worse by:"), m_maxCostWorse);
    form->addRow(tr("Window (ending now):"), m_windowMinutes);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(load);
    fileButtons->addWidget(save);
    form->addRow(fileButtons);
    form->addRow(m_planError);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_evaluate);
    actions->addStretch(1);
    actions->addWidget(m_advance);
    actions->addWidget(m_rollBack);
    auto *verdictBox = new QGroupBox(tr("Current step"), this);
    auto *verdictLayout = new QVBoxLayout(verdictBox);
    verdictLayout->addLayout(actions);
    verdictLayout->addWidget(m_verdict, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(planBox);
    layout->addWidget(verdictBox, 1);

    connect(m_steps, &QLineEdit::textChanged, this, [this] {
        if (const std::optional<gw::RampPlan> p = plan())
            m_currentStep->setMaximum(int(p->stepsPercent.size()) - 1);
        updateCurrentShare();
    });
    connect(m_currentStep, &QSpinBox::valueChanged, this, &PlannerRampPanel::updateCurrentShare);
    connect(m_document, &DraftDocument::changed, this, &PlannerRampPanel::refreshScopes);
    connect(m_evaluate, &QPushButton::clicked, this, &PlannerRampPanel::evaluate);
    connect(m_advance, &QPushButton::clicked, this, &PlannerRampPanel::advance);
    connect(m_rollBack, &QPushButton::clicked, this, &PlannerRampPanel::rollBack);
    connect(load, &QPushButton::clicked, this, &PlannerRampPanel::chooseLoadFile);
    connect(save, &QPushButton::clicked, this, &PlannerRampPanel::chooseSaveFile);
    refreshScopes();
    setPlan(gw::RampPlan{});
    setHistory(nullptr);
    showEvaluation();
}

void PlannerRampPanel::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = history;
    m_evaluate->setEnabled(history != nullptr);
}

void PlannerRampPanel::refreshScopes()
{
    const QString current = m_scope->currentText();
    QStringList scopes{QStringLiteral("default")};
    scopes.append(m_document->config().models.keys());
    m_scope->clear();
    m_scope->addItems(scopes);
    m_scope->setEditText(current.isEmpty() ? scopes.first() : current);
}

void PlannerRampPanel::setPlan(const gw::RampPlan &plan)
{
    m_scope->setEditText(plan.scope);
    QStringList steps;
    for (const double step : plan.stepsPercent)
        steps.append(QString::number(step));
    m_steps->setText(steps.join(QStringLiteral(", ")));
    m_currentStep->setRange(-1, std::max(0, int(plan.stepsPercent.size()) - 1));
    m_currentStep->setValue(plan.currentStep);
    m_minRequests->setValue(int(std::min<quint64>(plan.minRequestsPerGateway, 1'000'000'000)));
    m_errorMargin->setValue(plan.errorMarginPoints);
    m_confidence->setValue(plan.confidence);
    m_maxTtftWorse->setValue(plan.maxTtftP95WorsePercent);
    m_maxCostWorse->setValue(plan.maxCostPerMtokWorsePercent);
    m_windowMinutes->setValue(plan.windowMinutes);
    m_planError->clear();
}

std::optional<gw::RampPlan> PlannerRampPanel::plan() const
{
    gw::RampPlan p;
    p.scope = m_scope->currentText().trimmed();
    p.stepsPercent.clear();
    for (const QString &part : m_steps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double step = part.trimmed().remove(QLatin1Char('%')).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        p.stepsPercent.append(step);
    }
    p.currentStep = m_currentStep->value();
    p.minRequestsPerGateway = quint64(m_minRequests->value());
    p.errorMarginPoints = m_errorMargin->value();
    p.confidence = m_confidence->value();
    p.maxTtftP95WorsePercent = m_maxTtftWorse->value();
    p.maxCostPerMtokWorsePercent = m_maxCostWorse->value();
    p.windowMinutes = m_windowMinutes->value();
    // The plan file's own validation (ranges, increasing steps, a step index that exists), so the
    // form and a file accept exactly the same plans.
    const gw::RampPlanLoadResult checked = gw::loadRampPlan(gw::rampPlanBytes(p), tr("ramp plan form"));
    return checked.plan;
}

void PlannerRampPanel::updateCurrentShare()
{
    const std::optional<gw::RampPlan> p = plan();
    m_currentShare->setText(p ? tr("= %1% on Vercel").arg(num(p->currentSharePercent(), 3)) : tr("(plan not valid)"));
}

QString PlannerRampPanel::planError() const
{
    return m_planError->text();
}

void PlannerRampPanel::showPlanError(const QString &error)
{
    m_planError->setText(error);
}

bool PlannerRampPanel::loadPlanFile(const QString &path)
{
    // A plan file is a few hundred bytes: reading it here stays far below a frame.
    const gw::RampPlanLoadResult loaded = gw::loadRampPlanFile(path);
    if (!loaded.plan) {
        showPlanError(tr("Could not load %1:\n%2").arg(QDir::toNativeSeparators(path), gw::joinDiagnostics(loaded.diagnostics)));
        return false;
    }
    setPlan(*loaded.plan);
    return true;
}

bool PlannerRampPanel::savePlanFile(const QString &path)
{
    const std::optional<gw::RampPlan> p = plan();
    if (!p) {
        showPlanError(tr("The plan is not valid: check the steps and the current step."));
        return false;
    }
    if (const gw::Outcome<bool> saved = gw::saveRampPlanFile(path, *p); !saved.ok()) {
        showPlanError(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), saved.error));
        return false;
    }
    m_planError->clear();
    return true;
}

void PlannerRampPanel::chooseLoadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load ramp plan"), QString(), tr("Ramp plans (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadPlanFile(path);
}

void PlannerRampPanel::chooseSaveFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save ramp plan"), QStringLiteral("ramp-plan.json"), tr("Ramp plans (*.json)"));
    if (!path.isEmpty())
        savePlanFile(path);
}

void PlannerRampPanel::evaluate()
{
    const std::optional<gw::RampPlan> p = plan();
    if (!p) {
        showPlanError(tr("The plan is not valid: the steps must be increasing numbers in (0, 100] and the current step one of them."));
        Q_EMIT evaluated(false);
        return;
    }
    if (!m_history)
        return;
    m_planError->clear();
    const LatestJob<gw::RampEvaluation>::Ticket ticket = m_evaluating.start();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const QDateTime from = to.addSecs(-qint64(p->windowMinutes) * 60);
    const gw::TrafficResolution resolution = gw::rampWindowResolution(p->windowMinutes);
    m_evaluate->setEnabled(false);
    m_verdict->setMessage(tr("Reading the window's traffic…"));
    whenReady(this, m_history->trafficBuckets(resolution, from, to),
              [this, ticket, evaluatedPlan = *p, nowMs](const gw::store::Outcome<QList<gw::TrafficBucket>> &read) {
        if (!read.ok()) {
            m_evaluate->setEnabled(m_history != nullptr);
            m_verdict->setMessage(tr("Could not read the recorded traffic: %1").arg(read.error));
            Q_EMIT evaluated(false);
            return;
        }
        const QList<gw::TrafficBucket> buckets = read.value;
        whenReady(this, QtConcurrent::run([evaluatedPlan, buckets, nowMs] { return gw::evaluateRamp(evaluatedPlan, buckets, nowMs); }),
                  [this, ticket, evaluatedPlan](const gw::RampEvaluation &evaluation) {
            m_evaluate->setEnabled(m_history != nullptr);
            if (!m_evaluating.isLatest(ticket))
                return;
            m_evaluating.markShown(ticket);
            m_evaluation = evaluation;
            m_evaluatedPlan = evaluatedPlan;
            showEvaluation();
            Q_EMIT evaluated(true);
        });
    });
}

void PlannerRampPanel::showEvaluation()
{
    m_advance->setEnabled(canAdvance());
    m_rollBack->setEnabled(canRollBack());
    m_verdict->showEvaluation(m_evaluation);
}

QString PlannerRampPanel::verdictText() const
{
    return m_verdict->verdictText();
}

QString PlannerRampPanel::detailText() const
{
    return m_verdict->detailText();
}

bool PlannerRampPanel::canAdvance() const
{
    return m_evaluation && m_evaluation->verdict == gw::RampVerdict::Advance && !m_evaluation->complete
        && m_evaluatedPlan && plan() == m_evaluatedPlan;
}

bool PlannerRampPanel::canRollBack() const
{
    // Stepping down is always safe, so it is offered after any evaluation, not only on a failed gate.
    return m_evaluation && m_evaluatedPlan && plan() == m_evaluatedPlan && m_evaluatedPlan->currentStep >= 0;
}

bool PlannerRampPanel::advance()
{
    if (!canAdvance())
        return false;
    moveToStep(m_evaluation->proposedStep, tr("Ramp %1: advance to %2%"));
    return true;
}

bool PlannerRampPanel::rollBack()
{
    if (!canRollBack())
        return false;
    moveToStep(m_evaluatedPlan->currentStep - 1, tr("Ramp %1: roll back to %2%"));
    return true;
}

void PlannerRampPanel::moveToStep(int step, const QString &what)
{
    const gw::RampPlan current = *m_evaluatedPlan;
    const gw::RampPlan moved = gw::withCurrentStep(current, step);
    m_document->apply(gw::withRampStep(m_document->config(), current, step),
                      what.arg(current.scope, num(moved.currentSharePercent(), 3)));
    setPlan(moved);
    m_evaluation.reset();
    m_evaluatedPlan.reset();
    showEvaluation();
    m_verdict->setMessage(tr("The draft now sends %1% of %2 to Vercel. Export it as usual, then evaluate again once the step has collected data.")
                           .arg(num(moved.currentSharePercent(), 3), moved.scope));
}

} // namespace gwapp
