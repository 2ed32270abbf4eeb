#pragma once
// The live preview: simulate() over synthetic keys on a copy of the draft, off the GUI thread.
// Debounced; the latest request wins and older runs are told to stop through their own flag
// (nobody waits for them: a run owns copies of what it reads).

#include "common/latest_job.h"
#include "config/config.h"
#include "routing/simulation.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace gwapp {

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

Q_SIGNALS:
    void started();
    void resultReady(const gw::SimulationResult &result);

private:
    void launch();

    QTimer m_debounce;
    gw::RoutingConfig m_pending;
    gw::SimulationOptions m_options;
    std::optional<gw::RoutingConfig> m_baseline;
    QString m_baselineSource;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    LatestJob<gw::SimulationResult> m_job{this};
    std::optional<gw::SimulationResult> m_last;
};

} // namespace gwapp
