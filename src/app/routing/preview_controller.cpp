#include "routing/preview_controller.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gwapp {

PreviewController::PreviewController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<gw::SimulationResult>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewController::launch);
}

PreviewController::~PreviewController()
{
    if (m_cancel)
        m_cancel->store(true); // the run stops within a few thousand decisions; its result is dropped
}

void PreviewController::setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source)
{
    m_baseline = baseline;
    m_baselineSource = source;
}

void PreviewController::request(const gw::RoutingConfig &config)
{
    m_pending = config;
    m_debounce.start();
}

void PreviewController::launch()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const QFuture<gw::SimulationResult> future = QtConcurrent::run(
        [config = m_pending, options = m_options, baseline = m_baseline, cancel = m_cancel] {
            return gw::simulate(config, options, baseline ? &*baseline : nullptr, cancel.get());
        });
    m_job.run(future, [this](const gw::SimulationResult &result) {
        if (result.cancelled)
            return;
        m_last = result;
        Q_EMIT resultReady(result);
    });
    Q_EMIT started();
}

} // namespace gwapp
