#pragma once
// A test bench batch as a table: one row per case (model, prompt, repetition), each gateway's
// outcome side by side (status, TTFT, latency, tokens, cost and its source) and the case's
// parity flags. Results arrive one by one while the batch runs; billed costs arrive after it.

#include "bench/types.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace gw::app {

class BenchResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Case,
        Model,
        Prompt,
        Repetition,
        OpenRouterStatus,
        OpenRouterTtft,
        OpenRouterTotal,
        OpenRouterTokens,
        OpenRouterCost,
        VercelStatus,
        VercelTtft,
        VercelTotal,
        VercelTokens,
        VercelCost,
        Flags,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, FlagsRole };

    explicit BenchResultsModel(QObject *parent = nullptr);

    // A new batch: every case gets its row at once, outcomes follow.
    void reset(const QList<gw::BenchCase> &cases, const gw::PromptSuite &suite);
    void setResult(const gw::BenchResult &result);
    void setFlags(int caseIndex, gw::ParityFlags flags);
    void setBilledCost(int caseIndex, gw::Gateway gateway, double usd);
    void setRunning(int caseIndex, gw::Gateway gateway);

    const gw::BenchResult *result(int row, gw::Gateway gateway) const;
    const gw::BenchCase &benchCase(int row) const { return m_rows.at(row).benchCase; }
    int rowOfCase(int caseIndex) const { return m_rowOfCase.value(caseIndex, -1); }
    QList<gw::BenchResult> results() const; // every result, by case then gateway

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const gw::BenchResult &result);
    static QString costText(const gw::BenchResult &result);

private:
    struct Row {
        gw::BenchCase benchCase;
        QString prompt;
        std::optional<gw::BenchResult> side[2];
        bool running[2] = {false, false};
        gw::ParityFlags flags = 0;
    };
    QVariant sideData(const Row &row, gw::Gateway gateway, int column, int role) const;
    void rowChanged(int row);

    QList<Row> m_rows;
    QHash<int, int> m_rowOfCase;
};

} // namespace gw::app
