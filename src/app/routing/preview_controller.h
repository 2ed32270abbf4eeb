#pragma once
// The live preview: simulate() over synthetic keys on a copy of the draft, off the GUI thread.
// Debounced; the latest request wins and older runs are told to stop through their own flag
// (nobody waits for them: a run owns copies of what it reads).
// With a history store holding recorded traffic, each request also decides the last days of
// that traffic with the draft and the last export (trafficImpact): the requests and users that
// would move, beside the synthetic keys.

#include "common/latest_job.h"
#include "config/config.h"
#include "routing/simulation.h"
#include "traffic/traffic_impact.h"

#include "store_types.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class PreviewController : public QObject {
    Q_OBJECT
public:
    explicit PreviewController(QObject *parent = nullptr);
    ~PreviewController() override;

    void setUsers(int users) { m_options.users = users; }
    void setNow(const QDateTime &now) { m_options.now = now; }
    void setDebounce(int msecs) { m_debounce.setInterval(msecs); }
    void setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source);
    QString baselineSource() const { return m_baselineSource; }

    // Schedules a run on `config` (debounced).
    void request(const gw::RoutingConfig &config);
    bool isRunning() const { return !m_job.isSettled(); }
    const std::optional<gw::SimulationResult> &lastResult() const { return m_last; }

    // Recorded traffic of the `trafficDays` days before now (the preview's clock) is read from
    // `history` once per call; null: no real-traffic figures.
    void setHistory(std::shared_ptr<gw::store::HistoryStore> history);
    static constexpr int trafficDays = 7;
    qsizetype trafficRows() const { return m_usage ? m_usage->size() : 0; }
    bool isImpactRunning() const { return !m_usageLoad.isSettled() || !m_impactJob.isSettled(); }
    // Empty while there is no recorded traffic or nothing to compare with.
    const std::optional<gw::TrafficImpact> &lastImpact() const { return m_impact; }

Q_SIGNALS:
    void started();
    void resultReady(const gw::SimulationResult &result);
    void impactReady(const gw::TrafficImpact &impact); // also when it became empty (no traffic)

private:
    void launch();
    void launchImpact();

    QTimer m_debounce;
    gw::RoutingConfig m_pending;
    gw::SimulationOptions m_options;
    std::optional<gw::RoutingConfig> m_baseline;
    QString m_baselineSource;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    LatestJob<gw::SimulationResult> m_job{this};
    std::optional<gw::SimulationResult> m_last;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    std::shared_ptr<const QList<gw::TrafficKeyUsage>> m_usage;
    LatestJob<gw::Outcome<QList<gw::TrafficKeyUsage>>> m_usageLoad{this};
    std::shared_ptr<std::atomic<bool>> m_impactCancel;
    LatestJob<gw::TrafficImpact> m_impactJob{this};
    std::optional<gw::TrafficImpact> m_impact;
    bool m_hasRequest = false;
};

} // namespace gw::app
