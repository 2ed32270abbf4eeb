#pragma once
// Planner tab 3: the guarded ramp. The plan (scope, steps, gates) is edited in a form or
// loaded/saved as JSON (ramp_plan.h); "Evaluate" judges the current step on the recorded traffic
// of the plan's window and shows "advance", "hold" or "roll back" with both gateways' volumes and
// every gate's numbers; Advance / Roll back apply the step to the draft as one undoable edit.
// The panel is the view of PlannerRampController (which does all of that); its form is
// ui/plannerramppanel.ui.

#include "planner/planner_ramp_controller.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class PlannerRampPanel;
}

namespace gw::app {

class PlannerRampPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerRampPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerRampPanel() override;

    PlannerRampController *controller() const { return m_controller; }
    void setHistory(std::shared_ptr<gw::store::HistoryStore> history) { m_controller->setHistory(std::move(history)); }

    void setPlan(const gw::RampPlan &plan); // fills the form
    // The form as a plan; none when a field is invalid. The controller always holds this one.
    std::optional<gw::RampPlan> plan() const;

private:
    void planEdited();
    void refreshScopes();
    void updateButtons();
    void showResult();
    void chooseLoadFile();
    void chooseSaveFile();

    std::unique_ptr<Ui::PlannerRampPanel> ui;
    DraftDocument *m_document;
    PlannerRampController *m_controller;
    bool m_filling = false; // setPlan() is filling the form: one planEdited() at its end
};

} // namespace gw::app
