#pragma once
// The batch summary as a table: per model and gateway, success rate, p50/p95 TTFT and latency,
// mean cost and tokens per second (gw::summarize).

#include "bench/types.h"

#include <QAbstractTableModel>

namespace gwapp {

class BenchSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, Gateway, Runs, SuccessRate, TtftP50, TtftP95, TotalP50, TotalP95, MeanCost, TokensPerSecond, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit BenchSummaryModel(QObject *parent = nullptr);
    void setRows(const QList<gw::BenchSummaryRow> &rows);
    const QList<gw::BenchSummaryRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<gw::BenchSummaryRow> m_rows;
};

} // namespace gwapp
