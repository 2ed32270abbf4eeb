#pragma once
// The batch summary as a table: per model and gateway, success rate, p50/p95 TTFT and latency,
// mean cost and tokens per second (gw::summarize); on each Vercel row, how it compares with the
// same model's OpenRouter row.

#include "bench/types.h"

#include <QAbstractTableModel>

namespace gw::app {

class BenchSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model,
        Gateway,
        Runs,
        SuccessRate,
        TtftP50,
        TtftP95,
        TotalP50,
        TotalP95,
        MeanCost,
        TokensPerSecond,
        VsOpenRouter,
        ColumnCount
    };
    // VsOpenRouter's SortRole: Vercel's p50 latency minus OpenRouter's, in ms (null: nothing to compare).
    // CostDifferenceRole: Vercel's mean cost against OpenRouter's, in percent (null: unknown).
    enum Role { SortRole = Qt::UserRole, CostDifferenceRole };

    explicit BenchSummaryModel(QObject *parent = nullptr);
    void setRows(const QList<gw::BenchSummaryRow> &rows);
    const QList<gw::BenchSummaryRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The same model's OpenRouter row for a Vercel row; null otherwise.
    const gw::BenchSummaryRow *openrouterRowFor(const gw::BenchSummaryRow &row) const;
    QVariant differenceData(const gw::BenchSummaryRow &row, int role) const;

    QList<gw::BenchSummaryRow> m_rows;
};

} // namespace gw::app
