#include "testbench/run_history_controller.h"

#include "common/when_ready.h"
#include "testbench/run_history_model.h"

#include "history_store.h"

#include <QSet>

namespace gw::app {

RunHistoryController::RunHistoryController(QObject *parent) : QObject(parent), m_model(new RunHistoryModel(this)) {}

void RunHistoryController::setStore(std::shared_ptr<gw::store::HistoryStore> store)
{
    m_store = std::move(store);
    refresh();
}

void RunHistoryController::refresh()
{
    if (!m_store)
        return;
    whenReady(this, m_store->listRuns(), [this](const gw::store::Outcome<QList<gw::store::RunSummary>> &runs) {
        if (!runs.ok()) {
            Q_EMIT error(runs.error);
            return;
        }
        m_model->setRuns(runs.value);
        Q_EMIT changed();
    });
}

void RunHistoryController::open(qint64 runId)
{
    if (!m_store)
        return;
    whenReady(this, m_store->loadRun(runId), [this](const gw::store::Outcome<gw::store::StoredRun> &run) {
        if (!run.ok()) {
            Q_EMIT error(run.error);
            return;
        }
        Q_EMIT loaded(run.value);
    });
}

QList<gw::BenchCase> RunHistoryController::casesOf(const gw::store::StoredRun &run)
{
    QList<gw::BenchCase> cases;
    QSet<int> seen;
    for (const gw::BenchResult &r : run.results) {
        if (seen.contains(r.caseIndex))
            continue;
        gw::BenchCase c;
        c.index = r.caseIndex;
        c.openrouterModel = r.openrouterModel;
        c.repetition = r.repetition;
        for (qsizetype p = 0; p < run.settings.suite.cases.size(); ++p)
            if (run.settings.suite.cases.at(p).name == r.promptName)
                c.promptIndex = int(p);
        seen.insert(r.caseIndex);
        cases.append(c);
    }
    return cases;
}

} // namespace gw::app
