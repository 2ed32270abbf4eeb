#pragma once
// Planner tab 1: how much traffic to send through Vercel to rank first on both gateways' app
// leaderboards. Inputs are typed in or imported (saved rankings files) and our volume can come
// from recorded traffic; the arithmetic is gwcore's (leaderboard_plan.h), run off the GUI thread
// whenever an input or the draft changes. "Apply to draft" is one undoable edit.

#include "common/latest_job.h"
#include "planner/leaderboard_plan.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace gw { namespace store { class HistoryStore; } }

namespace gwapp {

class DraftDocument;
class PlannerMarginChart;
class TimeRangeSelector;

class PlannerLeaderboardPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlannerLeaderboardPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~PlannerLeaderboardPanel() override;

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);

    // Fills the input widgets (volumes, metric, margin; not the reach) as if typed, and switches
    // "from recorded traffic" off.
    void setTypedInputs(const gw::LeaderboardInputs &inputs);
    void setScope(gw::DefaultShareScope scope);
    gw::LeaderboardInputs inputs() const; // as the widgets hold them (reach not included)
    // Reads the recorded traffic in the range: our daily volume (when "from recorded traffic" is
    // on) and the eligible fraction. recordedTrafficLoaded() follows.
    void loadRecordedTraffic();
    void setUseRecordedVolume(bool on);
    TimeRangeSelector *rangeSelector() const { return m_range; }
    // Imports a saved OpenRouter app-rankings file or a Vercel leaderboard export. False: the
    // error (file, line, JSON path) is shown under the inputs.
    bool importLeaderboard(gw::Gateway gateway, const QString &path);

    // The last computed state, for the page and the tests.
    QStringList problems() const { return m_problems; }       // invalid inputs
    const std::optional<gw::LeaderboardPlan> &plan() const { return m_plan; }
    const std::optional<gw::DefaultShareProposal> &proposal() const { return m_proposal; }
    std::optional<gw::ShareReach> recordedReach() const;        // none before traffic is loaded
    double recordedTokensPerDay() const { return m_recordedTokensPerDay; }
    double recordedSpendPerDay() const { return m_recordedSpendPerDay; }
    QString resultText() const;   // every output line, as shown
    QString problemText() const;  // the red line: invalid input or why no share works
    QString importText() const;
    bool canApply() const;
    // True once the outputs show the current inputs and draft (no computation pending).
    bool isUpToDate() const { return !m_debounce.isActive() && m_computation.isSettled(); }
    bool applyToDraft();          // false when there is nothing to apply
    int chartSeriesCount() const;

Q_SIGNALS:
    void planUpdated();
    void recordedTrafficLoaded(bool ok);

private:
    struct Computed;
    void scheduleRecompute();
    void recompute();
    void show(const Computed &computed);
    void chooseImportFile(gw::Gateway gateway);

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    TimeRangeSelector *m_range;
    QCheckBox *m_fromRecorded;
    QPushButton *m_loadTraffic;
    QLabel *m_trafficLabel;
    QDoubleSpinBox *m_ourTokens;
    QDoubleSpinBox *m_ourSpend;
    QDoubleSpinBox *m_openrouterCompetitor;
    QDoubleSpinBox *m_vercelCompetitorTokens;
    QDoubleSpinBox *m_vercelCompetitorSpend;
    QComboBox *m_metric;
    QDoubleSpinBox *m_margin;
    QComboBox *m_scope;
    QLabel *m_importLabel;
    QLabel *m_rangeLabel;
    QLabel *m_minimalLabel;
    QLabel *m_defaultLabel;
    QLabel *m_problemLabel;
    PlannerMarginChart *m_chart;
    QPushButton *m_apply;
    QTimer m_debounce;

    std::shared_ptr<const QList<gw::TrafficKeyUsage>> m_usage; // the loaded recorded traffic
    double m_recordedTokensPerDay = 0;
    double m_recordedSpendPerDay = 0;
    LatestJob<Computed> m_computation{this}; // results of older computations are dropped
    QStringList m_problems;
    std::optional<gw::LeaderboardPlan> m_plan;
    std::optional<gw::DefaultShareProposal> m_proposal;
    std::optional<gw::ShareReach> m_reach;
};

} // namespace gwapp
