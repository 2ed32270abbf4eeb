#include "testbench/run_history_model.h"

#include <QLocale>

namespace gw::app {

RunHistoryModel::RunHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunHistoryModel::setRuns(const QList<gw::store::RunSummary> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::store::RunSummary &run = m_runs.at(index.row());
    if (role == RunIdRole)
        return run.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Started: return QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Label: return run.label;
    case Status:
        switch (run.status) {
        case gw::store::RunStatus::Running: return tr("running");
        case gw::store::RunStatus::Finished: return tr("finished");
        case gw::store::RunStatus::Cancelled: return tr("cancelled");
        }
        return {};
    case Succeeded: return run.succeeded;
    case Failed: return run.failed;
    case Skipped: return run.skipped;
    default: return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Started: return tr("Started");
    case Label: return tr("Run");
    case Status: return tr("Status");
    case Succeeded: return tr("OK");
    case Failed: return tr("Failed");
    case Skipped: return tr("Skipped");
    default: return {};
    }
}

} // namespace gw::app
