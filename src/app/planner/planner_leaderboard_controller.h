#pragma once
// The leaderboard tab's data: the planner's inputs (typed, imported from saved rankings files,
// or our volume from recorded traffic), the plan gwcore computes from them (leaderboard_plan.h)
// and the default shares that reach it. Every change of an input or of the draft recomputes on a
// pool thread after a short pause; the newest computation wins (LatestJob) and nothing waits on
// the GUI thread. The results land in the controller (plan, proposal, the sentences the page
// shows) and its table models; "Apply to draft" is one undoable edit. The panel never computes.

#include "common/latest_job.h"
#include "planner/leaderboard_constraint_model.h"
#include "planner/leaderboard_import_model.h"
#include "planner/leaderboard_plan.h"
#include "traffic/time_range.h"
#include "util/outcome.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class DraftDocument;

class PlannerLeaderboardController : public QObject {
    Q_OBJECT
public:
    using RangeSource = std::function<gw::TimeRange()>;

    explicit PlannerLeaderboardController(DraftDocument *document, QObject *parent = nullptr);

    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);
    bool hasHistory() const { return m_history != nullptr; }
    // Asked whenever recorded traffic is read (the range selector's presets end "now").
    void setRangeSource(RangeSource source) { m_rangeSource = std::move(source); }

    // The typed inputs (reach ignored). While the volume comes from recorded traffic, our
    // tokens and spend are the recorded ones whatever is passed here.
    void setInputs(const gw::LeaderboardInputs &inputs);
    gw::LeaderboardInputs inputs() const { return m_inputs; } // as planned with, reach not included
    void setScope(gw::DefaultShareScope scope);
    gw::DefaultShareScope scope() const { return m_scope; }
    void setUseRecordedVolume(bool on); // reads the recorded traffic first when none is loaded
    bool useRecordedVolume() const { return m_useRecorded; }

    // Reads the recorded traffic in the range: our daily volume and the eligible fraction.
    // recordedTrafficLoaded() follows.
    void loadRecordedTraffic();
    bool isLoadingTraffic() const { return !m_loading.isSettled(); }
    void rangeChanged(); // the figures loaded are those of the previous range: say so
    QString trafficStatus() const { return m_trafficStatus; }
    double recordedTokensPerDay() const { return m_recordedTokensPerDay; }
    double recordedSpendPerDay() const { return m_recordedSpendPerDay; }
    std::optional<gw::ShareReach> recordedReach() const; // none before traffic is loaded

    // Imports a saved OpenRouter app-rankings file or a Vercel leaderboard export (a few
    // kilobytes, read on the calling thread). False: importStatus() names the file, line, path.
    bool importLeaderboard(gw::Gateway gateway, const QString &path);
    QString importStatus() const { return m_importStatus; }
    bool importFailed() const { return m_importFailed; }
    LeaderboardImportModel *importModel() const { return m_imports; }

    // The last computed state.
    QStringList problems() const { return m_problems; } // invalid inputs
    const std::optional<gw::LeaderboardPlan> &plan() const { return m_plan; }
    const std::optional<gw::DefaultShareProposal> &proposal() const { return m_proposal; }
    LeaderboardConstraintModel *constraintModel() const { return m_constraints; }
    QString headline() const { return m_headline; }         // the minimal share, or that none works
    QString rangeText() const { return m_rangeText; }       // the feasible range, or what to enter
    QString defaultsText() const { return m_defaultsText; } // the proposed default shares, the reach
    QString problemText() const { return m_problemText; }   // invalid input or why no share works
    QString resultText() const;                             // headline, range and defaults, one a line
    // True once the results are those of the current inputs and draft (nothing pending).
    bool isUpToDate() const { return !m_debounce.isActive() && m_computation.isSettled(); }
    bool canApply() const;
    bool applyToDraft(); // false when there is nothing to apply

Q_SIGNALS:
    void stateChanged();  // history or loading changed (the buttons follow)
    void inputsChanged(); // inputs, scope or "from recorded traffic" changed
    void trafficStatusChanged(const QString &status);
    void importStatusChanged();
    void planUpdated(); // a computation's results are in
    void applicableChanged(bool canApply);
    void recordedTrafficLoaded(bool ok);

private:
    struct Computed;
    void scheduleRecompute();
    void recompute();
    void show(const Computed &computed);
    void describePlan();
    void takeRecordedVolume();
    void setTrafficStatus(const QString &status);

    DraftDocument *m_document;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    RangeSource m_rangeSource;
    LeaderboardConstraintModel *m_constraints;
    LeaderboardImportModel *m_imports;
    QTimer m_debounce;
    gw::LeaderboardInputs m_inputs;
    gw::DefaultShareScope m_scope = gw::DefaultShareScope::Both;
    bool m_useRecorded = false;

    std::shared_ptr<const QList<gw::TrafficKeyUsage>> m_usage; // the loaded recorded traffic
    double m_recordedTokensPerDay = 0;
    double m_recordedSpendPerDay = 0;
    QString m_trafficStatus;
    LatestJob<gw::Outcome<QList<gw::TrafficKeyUsage>>> m_loading{this};
    QString m_importStatus;
    bool m_importFailed = false;

    LatestJob<Computed> m_computation{this}; // results of older computations are dropped
    QStringList m_problems;
    std::optional<gw::LeaderboardPlan> m_plan;
    std::optional<gw::DefaultShareProposal> m_proposal;
    std::optional<gw::ShareReach> m_reach;
    QString m_headline;
    QString m_rangeText;
    QString m_defaultsText;
    QString m_problemText;
};

} // namespace gw::app
