#pragma once
// The guarded ramp's verdict as the page shows it: "Advance" / "Hold" / "Roll back" big and
// coloured, gwcore's one-sentence summary, both gateways' volumes in the window (and how many
// more requests are needed), and one table row per gate with the numbers it was judged on.

#include "planner/ramp_gate.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace gwapp {

class PlannerRampVerdictView : public QWidget {
    Q_OBJECT
public:
    explicit PlannerRampVerdictView(QWidget *parent = nullptr);

    void showEvaluation(const std::optional<gw::RampEvaluation> &evaluation); // none: cleared
    void setMessage(const QString &text); // a line in place of the summary (reading, errors, ...)

    QString verdictText() const;
    QString detailText() const; // summary, volumes and every gate's row

private:
    QLabel *m_verdict;
    QLabel *m_summary;
    QLabel *m_volumes;
    QTableWidget *m_gates;
};

} // namespace gwapp
