#include "routing/preview_controller.h"

#include "history_store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

PreviewController::PreviewController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<gw::SimulationResult>();
    qRegisterMetaType<gw::TrafficImpact>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewController::launch);
}

PreviewController::~PreviewController()
{
    if (m_cancel)
        m_cancel->store(true); // the run stops within a few thousand decisions; its result is dropped
    if (m_impactCancel)
        m_impactCancel->store(true);
}

void PreviewController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = std::move(history);
    m_usage.reset();
    if (!m_history) {
        m_usageLoad.markShown(m_usageLoad.start());
        launchImpact();
        return;
    }
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTimeUtc();
    m_usageLoad.run(m_history->trafficKeyUsage(now.addDays(-trafficDays), now),
                    [this](const gw::Outcome<QList<gw::TrafficKeyUsage>> &loaded) {
                        // A history that cannot be read leaves the synthetic figures alone.
                        if (loaded.ok() && !loaded.value.isEmpty())
                            m_usage = std::make_shared<const QList<gw::TrafficKeyUsage>>(loaded.value);
                        launchImpact();
                    });
}

void PreviewController::setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source)
{
    m_baseline = baseline;
    m_baselineSource = source;
}

void PreviewController::request(const gw::RoutingConfig &config)
{
    m_pending = config;
    m_hasRequest = true;
    m_debounce.start();
}

void PreviewController::launch()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const QFuture<gw::SimulationResult> future =
        QtConcurrent::run([config = m_pending, options = m_options, baseline = m_baseline, cancel = m_cancel] {
            return gw::simulate(config, options, baseline ? &*baseline : nullptr, cancel.get());
        });
    m_job.run(future, [this](const gw::SimulationResult &result) {
        if (result.cancelled)
            return;
        m_last = result;
        Q_EMIT resultReady(result);
    });
    launchImpact();
    Q_EMIT started();
}

void PreviewController::launchImpact()
{
    if (m_impactCancel)
        m_impactCancel->store(true);
    if (!m_usage || !m_baseline || !m_hasRequest) {
        m_impactJob.markShown(m_impactJob.start()); // settled: nothing to compute
        const bool had = m_impact.has_value();
        m_impact.reset();
        if (had)
            Q_EMIT impactReady(gw::TrafficImpact());
        return;
    }
    m_impactCancel = std::make_shared<std::atomic<bool>>(false);
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTimeUtc();
    m_impactJob.run(
        QtConcurrent::run([usage = m_usage, config = m_pending, baseline = *m_baseline, now, cancel = m_impactCancel] {
            return gw::trafficImpact(*usage, config, baseline, now, cancel.get());
        }),
        [this](const gw::TrafficImpact &impact) {
            if (impact.cancelled)
                return;
            m_impact = impact;
            Q_EMIT impactReady(impact);
        });
}

} // namespace gw::app
