#include "planner/planner_ramp_controller.h"

#include "common/draft_document.h"
#include "common/number_format.h"
#include "common/when_ready.h"
#include "traffic/time_range.h"

#include "history_store.h"

#include <QDateTime>
#include <QDir>
#include <QtConcurrent>

namespace gw::app {

namespace {

QString sharePercent(double value)
{
    return formatDecimal(value, 3);
}

} // namespace

PlannerRampController::PlannerRampController(DraftDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_gates(new RampGateTableModel(this))
    , m_volumes(new RampVolumeModel(this))
    , m_message(tr("Evaluate the current step on the recorded traffic of the plan's window."))
{
}

void PlannerRampController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = std::move(history);
    Q_EMIT stateChanged();
}

void PlannerRampController::setPlan(const std::optional<gw::RampPlan> &plan)
{
    if (m_plan == plan)
        return;
    m_plan = plan;
    Q_EMIT stateChanged(); // Advance / Roll back only for the plan that was evaluated
}

void PlannerRampController::setPlanError(const QString &error)
{
    m_planError = error;
    Q_EMIT planErrorChanged(error);
}

void PlannerRampController::setMessage(const QString &message)
{
    m_message = message;
    Q_EMIT resultChanged();
}

bool PlannerRampController::loadPlanFile(const QString &path)
{
    const gw::RampPlanLoadResult loaded = gw::loadRampPlanFile(path);
    if (!loaded.plan) {
        setPlanError(
            tr("Could not load %1:\n%2").arg(QDir::toNativeSeparators(path), gw::joinDiagnostics(loaded.diagnostics)));
        return false;
    }
    setPlanError(QString());
    setPlan(*loaded.plan);
    Q_EMIT planLoaded(*loaded.plan);
    return true;
}

bool PlannerRampController::savePlanFile(const QString &path)
{
    if (!m_plan) {
        setPlanError(tr("The plan is not valid: check the steps and the current step."));
        return false;
    }
    if (const gw::Outcome<bool> saved = gw::saveRampPlanFile(path, *m_plan); !saved.ok()) {
        setPlanError(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), saved.error));
        return false;
    }
    setPlanError(QString());
    return true;
}

void PlannerRampController::evaluate()
{
    if (!m_plan) {
        setPlanError(tr("The plan is not valid: the steps must be increasing numbers in (0, 100] and the current step "
                        "one of them."));
        Q_EMIT evaluated(false);
        return;
    }
    if (!m_history)
        return;
    setPlanError(QString());
    const gw::RampPlan plan = *m_plan;
    const LatestJob<gw::RampEvaluation>::Ticket ticket = m_evaluating.start();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const QDateTime from = to.addSecs(-qint64(plan.windowMinutes) * 60);
    setMessage(tr("Reading the window's traffic…"));
    Q_EMIT stateChanged();
    whenReady(this, m_history->trafficBuckets(gw::rampWindowResolution(plan.windowMinutes), from, to),
              [this, ticket, plan, nowMs](const gw::store::Outcome<QList<gw::TrafficBucket>> &read) {
                  if (!m_evaluating.isLatest(ticket))
                      return;
                  if (!read.ok()) {
                      m_evaluating.markShown(ticket);
                      setMessage(tr("Could not read the recorded traffic: %1").arg(read.error));
                      Q_EMIT stateChanged();
                      Q_EMIT evaluated(false);
                      return;
                  }
                  const QList<gw::TrafficBucket> buckets = read.value;
                  // Judging the buckets is quick, but a long window holds many: off the GUI thread.
                  whenReady(this, QtConcurrent::run([plan, buckets, nowMs] {
                                return gw::evaluateRamp(plan, buckets, nowMs);
                            }),
                            [this, ticket, plan](const gw::RampEvaluation &evaluation) {
                                if (!m_evaluating.isLatest(ticket))
                                    return;
                                m_evaluating.markShown(ticket);
                                showEvaluation(evaluation, plan);
                                Q_EMIT evaluated(true);
                            });
              });
}

void PlannerRampController::showEvaluation(const std::optional<gw::RampEvaluation> &evaluation,
                                           const std::optional<gw::RampPlan> &plan)
{
    m_evaluation = evaluation;
    m_evaluatedPlan = plan;
    if (evaluation) {
        m_gates->setGates(evaluation->gates);
        m_volumes->setEvaluation(*evaluation);
        m_message = evaluation->summary;
    } else {
        m_gates->clear();
        m_volumes->clear();
    }
    Q_EMIT resultChanged();
    Q_EMIT stateChanged();
}

QString PlannerRampController::verdictText() const
{
    if (!m_evaluation)
        return {};
    switch (m_evaluation->verdict) {
    case gw::RampVerdict::Advance: return m_evaluation->complete ? tr("Advance: the ramp is complete") : tr("Advance");
    case gw::RampVerdict::Hold: return tr("Hold");
    case gw::RampVerdict::RollBack: break;
    }
    return tr("Roll back");
}

QString PlannerRampController::windowText() const
{
    if (!m_evaluation)
        return {};
    const auto at = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    return tr("Window %1 – %2 UTC.").arg(at(m_evaluation->windowFromMs), at(m_evaluation->windowToMs));
}

bool PlannerRampController::canAdvance() const
{
    return m_evaluation && m_evaluation->verdict == gw::RampVerdict::Advance && !m_evaluation->complete
           && m_evaluatedPlan && m_plan == m_evaluatedPlan;
}

bool PlannerRampController::canRollBack() const
{
    // Stepping down is always safe, so it is offered after any evaluation, not only on a failed gate.
    return m_evaluation && m_evaluatedPlan && m_plan == m_evaluatedPlan && m_evaluatedPlan->currentStep >= 0;
}

bool PlannerRampController::advance()
{
    if (!canAdvance())
        return false;
    moveToStep(m_evaluation->proposedStep, tr("Ramp %1: advance to %2%"));
    return true;
}

bool PlannerRampController::rollBack()
{
    if (!canRollBack())
        return false;
    moveToStep(m_evaluatedPlan->currentStep - 1, tr("Ramp %1: roll back to %2%"));
    return true;
}

void PlannerRampController::moveToStep(int step, const QString &what)
{
    const gw::RampPlan current = *m_evaluatedPlan;
    const gw::RampPlan moved = gw::withCurrentStep(current, step);
    m_document->apply(gw::withRampStep(m_document->config(), current, step),
                      what.arg(current.scope, sharePercent(moved.currentSharePercent())));
    m_evaluating.markShown(m_evaluating.start()); // an evaluation still running judged the step before
    setPlan(moved);
    Q_EMIT planLoaded(moved);
    showEvaluation(std::nullopt, std::nullopt);
    setMessage(tr("The draft now sends %1% of %2 to Vercel. Export it as usual, then evaluate again once the step has "
                  "collected data.")
                   .arg(sharePercent(moved.currentSharePercent()), moved.scope));
}

} // namespace gw::app
