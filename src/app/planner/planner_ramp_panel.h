#pragma once
// Planner tab 3: the guarded ramp. The plan (scope, steps, gates) is edited in a form or
// loaded/saved as JSON (ramp_plan.h); "Evaluate" judges the current step on the recorded traffic
// buckets of the plan's window with gwcore's gates (ramp_gate.h) off the GUI thread, and shows
// "advance", "hold" or "roll back" with every gate's numbers. Advance / Roll back apply the
// step to the draft as one undoable edit.

#include "common/latest_job.h"
#include "planner/ramp_gate.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gw { namespace store { class HistoryStore; } }

namespace gwapp {

class DraftDocument;
class PlannerRampVerdictView;

class PlannerRampPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerRampPanel(DraftDocument *document, QWidget *parent = nullptr);

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);

    void setPlan(const gw::RampPlan &plan);
    // The form as a plan; none when a field is invalid (the reason is in planError()).
    std::optional<gw::RampPlan> plan() const;
    QString planError() const; // the form's or the last loaded file's problem, as shown

    bool loadPlanFile(const QString &path); // false: the error names the file, line and JSON path
    bool savePlanFile(const QString &path);

    void evaluate(); // evaluated() follows
    const std::optional<gw::RampEvaluation> &evaluation() const { return m_evaluation; }
    QString verdictText() const;
    QString detailText() const; // summary, volumes and every gate's line
    bool canAdvance() const;
    bool canRollBack() const;
    bool advance();  // the draft to the next step (undoable); false when not allowed
    bool rollBack(); // the draft to the previous step, 0% below the first

Q_SIGNALS:
    void evaluated(bool ok);

private:
    void refreshScopes();
    void updateCurrentShare();
    void showEvaluation();
    void showPlanError(const QString &error);
    void moveToStep(int step, const QString &what);
    void chooseLoadFile();
    void chooseSaveFile();

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    QComboBox *m_scope;
    QLineEdit *m_steps;
    QSpinBox *m_currentStep;
    QLabel *m_currentShare; // the current step as a share, next to its index
    QSpinBox *m_minRequests;
    QDoubleSpinBox *m_errorMargin;
    QDoubleSpinBox *m_confidence;
    QDoubleSpinBox *m_maxTtftWorse;
    QDoubleSpinBox *m_maxCostWorse;
    QSpinBox *m_windowMinutes;
    QLabel *m_planError;
    QPushButton *m_evaluate;
    PlannerRampVerdictView *m_verdict;
    QPushButton *m_advance;
    QPushButton *m_rollBack;
    std::optional<gw::RampEvaluation> m_evaluation;
    std::optional<gw::RampPlan> m_evaluatedPlan; // the plan the evaluation was made for
    LatestJob<gw::RampEvaluation> m_evaluating{this}; // a newer evaluation wins
};

} // namespace gwapp
