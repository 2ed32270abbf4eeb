#pragma once
// Records the running test bench batch in the history store (which also feeds the Monitor as
// traffic of source "test"): the run is created first, results reach the store in batches (one
// transaction each, every half second), billed costs as they are looked up, and the status at
// the end. Writes issued before the run's id is known wait for it; an id arriving for an older
// run is ignored. Without a store nothing is kept and nothing is buffered.

#include "common/latest_job.h"
#include "store_types.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace gw::store {
class HistoryStore;
}

namespace gw::app {

class BenchRunRecorder : public QObject {
    Q_OBJECT
public:
    explicit BenchRunRecorder(QObject *parent = nullptr);

    void setStore(std::shared_ptr<gw::store::HistoryStore> store) { m_store = std::move(store); }
    const std::shared_ptr<gw::store::HistoryStore> &store() const { return m_store; }

    // A new run: what is still buffered or waiting for the previous run's id is dropped.
    void begin(const QString &label, const gw::store::RunSettings &settings);
    void add(const gw::BenchResult &result); // written with the next batch
    void setBilledCost(int caseIndex, gw::Gateway gateway, double usd);
    void finish(gw::store::RunStatus status); // writes what is buffered, then the status
    qint64 runId() const { return m_runId; }

Q_SIGNALS:
    void runsChanged(); // a run was created or finished
    void error(const QString &message);

private:
    void flush();
    void whenRunId(std::function<void(qint64)> write);

    std::shared_ptr<gw::store::HistoryStore> m_store;
    QList<gw::BenchResult> m_unsaved;
    QList<std::function<void(qint64)>> m_waitingForRunId;
    QTimer m_flush;
    qint64 m_runId = 0;
    LatestJob<gw::store::Outcome<qint64>> m_runCreation{this}; // answers for an older run are ignored
};

} // namespace gw::app
