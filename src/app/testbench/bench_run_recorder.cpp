#include "testbench/bench_run_recorder.h"

#include "history_store.h"

namespace gw::app {

BenchRunRecorder::BenchRunRecorder(QObject *parent) : QObject(parent)
{
    m_flush.setInterval(500);
    connect(&m_flush, &QTimer::timeout, this, &BenchRunRecorder::flush);
}

void BenchRunRecorder::begin(const QString &label, const gw::store::RunSettings &settings)
{
    m_unsaved.clear();
    m_waitingForRunId.clear();
    m_runId = 0;
    m_runCreation.cancel(); // a run id still on its way belongs to the previous run
    if (!m_store)
        return;
    m_runCreation.run(m_store->createRun(label, settings), [this](const gw::store::Outcome<qint64> &created) {
        if (!created.ok()) {
            Q_EMIT error(created.error);
            return;
        }
        m_runId = created.value;
        const QList<std::function<void(qint64)>> waiting = std::exchange(m_waitingForRunId, {});
        for (const auto &write : waiting)
            write(m_runId);
        Q_EMIT runsChanged();
    });
    m_flush.start();
}

void BenchRunRecorder::add(const gw::BenchResult &result)
{
    if (m_store)
        m_unsaved.append(result);
}

void BenchRunRecorder::setBilledCost(int caseIndex, gw::Gateway gateway, double usd)
{
    if (m_store)
        whenRunId(
            [this, caseIndex, gateway, usd](qint64 runId) { m_store->setBilledCost(runId, caseIndex, gateway, usd); });
}

void BenchRunRecorder::finish(gw::store::RunStatus status)
{
    m_flush.stop();
    if (!m_store)
        return;
    flush();
    whenRunId([this, status](qint64 runId) {
        whenReady(this, m_store->finishRun(runId, status), [this](const gw::store::Outcome<bool> &done) {
            if (!done.ok())
                Q_EMIT error(done.error);
            Q_EMIT runsChanged();
        });
    });
}

void BenchRunRecorder::whenRunId(std::function<void(qint64)> write)
{
    if (m_runId)
        write(m_runId);
    else
        m_waitingForRunId.append(std::move(write));
}

void BenchRunRecorder::flush()
{
    if (!m_store || m_unsaved.isEmpty())
        return;
    whenRunId([this, batch = std::exchange(m_unsaved, {})](qint64 runId) {
        whenReady(this, m_store->addResults(runId, batch), [this](const gw::store::Outcome<int> &added) {
            if (!added.ok())
                Q_EMIT error(added.error);
        });
    });
}

} // namespace gw::app
