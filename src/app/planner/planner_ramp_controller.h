#pragma once
// The guarded ramp tab's data: the plan the form holds, plan files, and the evaluation of the
// current step. evaluate() reads the recorded traffic buckets of the plan's window through the
// HistoryStore and judges them with gwcore's gates (ramp_gate.h) on a pool thread; the newest
// evaluation wins (LatestJob), nothing waits on the GUI thread. The verdict, the volumes and the
// gates land in the controller and its two table models; Advance / Roll back apply the step to
// the draft as one undoable edit. The panel shows what it says; it never computes.

#include "common/latest_job.h"
#include "planner/ramp_gate.h"
#include "planner/ramp_gate_table_model.h"
#include "planner/ramp_volume_model.h"

#include <QObject>

#include <memory>
#include <optional>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class DraftDocument;

class PlannerRampController : public QObject {
    Q_OBJECT
public:
    explicit PlannerRampController(DraftDocument *document, QObject *parent = nullptr);

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);
    bool hasHistory() const { return m_history != nullptr; }

    // The plan as the form holds it; none while a field is invalid.
    void setPlan(const std::optional<gw::RampPlan> &plan);
    const std::optional<gw::RampPlan> &plan() const { return m_plan; }
    QString planError() const { return m_planError; } // the last file's or evaluation's problem

    // A plan file is a few hundred bytes: read and written on the calling thread. On success
    // planLoaded() carries the plan to the form; false: planError() names the file, line, path.
    bool loadPlanFile(const QString &path);
    bool savePlanFile(const QString &path);

    void evaluate(); // evaluated() follows
    bool isEvaluating() const { return !m_evaluating.isSettled(); }
    const std::optional<gw::RampEvaluation> &evaluation() const { return m_evaluation; }
    QString verdictText() const;                  // "Advance", "Hold", "Roll back"; empty without an evaluation
    QString message() const { return m_message; } // the verdict's summary, or what is going on
    QString windowText() const;                   // the evaluated window, UTC; empty without an evaluation
    RampGateTableModel *gateModel() const { return m_gates; }
    RampVolumeModel *volumeModel() const { return m_volumes; }

    bool canAdvance() const;
    bool canRollBack() const;
    bool advance();  // the draft to the next step (undoable); false when not allowed
    bool rollBack(); // the draft to the previous step, 0% below the first

Q_SIGNALS:
    void stateChanged(); // history, evaluating, or what Advance / Roll back may do
    void planErrorChanged(const QString &error);
    void planLoaded(const gw::RampPlan &plan); // from a file or a step move: the form shows it
    void resultChanged();                      // verdict, message, window or the models changed
    void evaluated(bool ok);

private:
    void setPlanError(const QString &error);
    void setMessage(const QString &message);
    void showEvaluation(const std::optional<gw::RampEvaluation> &evaluation, const std::optional<gw::RampPlan> &plan);
    void moveToStep(int step, const QString &what);

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    RampGateTableModel *m_gates;
    RampVolumeModel *m_volumes;
    std::optional<gw::RampPlan> m_plan;
    QString m_planError;
    QString m_message;
    std::optional<gw::RampEvaluation> m_evaluation;
    std::optional<gw::RampPlan> m_evaluatedPlan;      // the plan the evaluation was made for
    LatestJob<gw::RampEvaluation> m_evaluating{this}; // a newer evaluation wins
};

} // namespace gw::app
