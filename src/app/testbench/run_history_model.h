#pragma once
// The test bench's history: one row per stored run, newest first (gwstore's listRuns()).

#include "store_types.h"

#include <QAbstractTableModel>

namespace gw::app {

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Started, Label, Status, Succeeded, Failed, Skipped, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole };

    explicit RunHistoryModel(QObject *parent = nullptr);
    void setRuns(const QList<gw::store::RunSummary> &runs);
    const gw::store::RunSummary &run(int row) const { return m_runs.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<gw::store::RunSummary> m_runs;
};

} // namespace gw::app
