#pragma once
// The test bench's run history: the list of stored runs (RunHistoryModel) read from the history
// store, and one stored run loaded back with the cases as they ran.

#include "bench/types.h"
#include "store_types.h"

#include <QObject>

#include <memory>

namespace gw::store {
class HistoryStore;
}

namespace gw::app {

class RunHistoryModel;

class RunHistoryController : public QObject {
    Q_OBJECT
public:
    explicit RunHistoryController(QObject *parent = nullptr);

    void setStore(std::shared_ptr<gw::store::HistoryStore> store); // null: no history; refreshes
    RunHistoryModel *model() const { return m_model; }

    void refresh();
    void open(qint64 runId); // loaded() follows

    // The cases a stored run ran, rebuilt from its results (the mapping may have changed since).
    static QList<gw::BenchCase> casesOf(const gw::store::StoredRun &run);

Q_SIGNALS:
    void changed();
    void loaded(const gw::store::StoredRun &run);
    void error(const QString &message);

private:
    std::shared_ptr<gw::store::HistoryStore> m_store;
    RunHistoryModel *m_model;
};

} // namespace gw::app
