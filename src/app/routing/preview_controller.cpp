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
        m_cancel->store(true);
    for (auto *watcher : std::as_const(m_watchers))
        watcher->waitForFinished(); // cancelled runs stop within a few thousand decisions
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
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<gw::SimulationResult>(this);
    m_watchers.append(watcher);
    connect(watcher, &QFutureWatcher<gw::SimulationResult>::finished, this, [this, watcher, generation] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by a newer request
        m_running = false;
        const gw::SimulationResult result = watcher->result();
        if (result.cancelled)
            return;
        m_last = result;
        Q_EMIT resultReady(result);
    });
    m_running = true;
    Q_EMIT started();
    watcher->setFuture(QtConcurrent::run(
        [config = m_pending, options = m_options, baseline = m_baseline, cancel = m_cancel] {
            return gw::simulate(config, options, baseline ? &*baseline : nullptr, cancel.get());
        }));
}

} // namespace gwapp
