#pragma once
// The what-if replay's table: one row per model x gateway that the draft or the live config sends
// traffic to, the draft's figures next to the live ones, and where the cost comes from. Numbers
// are held as numbers (DisplayRole), so a sort proxy orders them by value.

#include "planner/replay.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class ReplayTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model,
        Gateway,
        DraftRequests,
        DraftTokens,
        DraftCost,
        DraftShare,
        LiveRequests,
        LiveTokens,
        LiveCost,
        LiveShare,
        CostBasis,
        ColumnCount
    };

    explicit ReplayTableModel(QObject *parent = nullptr);

    void setResult(const gw::ReplayResult &result); // replaces every row
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row of (model, gateway); -1 when neither side sends that model there.
    int rowOf(const QString &model, gw::Gateway gateway) const;

private:
    struct Row {
        QString model;
        gw::Gateway gateway = gw::Gateway::OpenRouter;
        gw::ReplayGroup draft; // zero when the draft sends nothing there
        gw::ReplayGroup live;
        bool hasDraft = false;
        bool hasLive = false;
    };
    QList<Row> m_rows; // by model, then gateway
};

QString costBasisDisplayName(gw::CostBasis basis);

} // namespace gw::app
