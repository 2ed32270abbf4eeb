#include "planner/replay_table_model.h"

#include "config/per_gateway.h"

#include <QMap>

namespace gw::app {

QString costBasisDisplayName(gw::CostBasis basis)
{
    switch (basis) {
    case gw::CostBasis::Recorded: return ReplayTableModel::tr("recorded");
    case gw::CostBasis::Catalog: return ReplayTableModel::tr("catalog");
    case gw::CostBasis::Mixed: return ReplayTableModel::tr("recorded and catalog");
    case gw::CostBasis::Unknown: break;
    }
    return ReplayTableModel::tr("no price");
}

ReplayTableModel::ReplayTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReplayTableModel::setResult(const gw::ReplayResult &result)
{
    QMap<std::pair<QString, int>, Row> rows; // by model, then gateway
    for (const gw::ReplayGroup &g : result.draft.groups) {
        Row &row = rows[{g.model, int(g.gateway)}];
        row.draft = g;
        row.hasDraft = true;
    }
    for (const gw::ReplayGroup &g : result.live.groups) {
        Row &row = rows[{g.model, int(g.gateway)}];
        row.live = g;
        row.hasLive = true;
    }
    beginResetModel();
    m_rows.clear();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        it->model = it.key().first;
        it->gateway = gw::Gateway(it.key().second);
        m_rows.append(*it);
    }
    endResetModel();
}

void ReplayTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ReplayTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReplayTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplayTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column == Model || column == Gateway || column == CostBasis
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const gw::ReplayGroup &draft = row.draft;
    const gw::ReplayGroup &live = row.live;
    switch (column) {
    case Model: return row.model;
    case Gateway: return gw::gatewayDisplayName(row.gateway);
    // Doubles like the table before (and its sort): counts stay exact far beyond any traffic.
    case DraftRequests: return double(draft.requests);
    case DraftTokens: return double(draft.tokens());
    case DraftCost: return draft.costUsd;
    case DraftShare: return draft.sharePercent;
    case LiveRequests: return double(live.requests);
    case LiveTokens: return double(live.tokens());
    case LiveCost: return live.costUsd;
    case LiveShare: return live.sharePercent;
    case CostBasis:
        return costBasisDisplayName(row.hasDraft && draft.requests ? draft.costBasis
                                    : row.hasLive                  ? live.costBasis
                                                                   : gw::CostBasis::Unknown);
    default: return {};
    }
}

QVariant ReplayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model: return tr("Model");
    case Gateway: return tr("Gateway");
    case DraftRequests: return tr("Draft requests");
    case DraftTokens: return tr("Draft tokens");
    case DraftCost: return tr("Draft cost (USD)");
    case DraftShare: return tr("Draft share (%)");
    case LiveRequests: return tr("Live requests");
    case LiveTokens: return tr("Live tokens");
    case LiveCost: return tr("Live cost (USD)");
    case LiveShare: return tr("Live share (%)");
    case CostBasis: return tr("Cost basis");
    default: return {};
    }
}

int ReplayTableModel::rowOf(const QString &model, gw::Gateway gateway) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).model == model && m_rows.at(i).gateway == gateway)
            return i;
    return -1;
}

} // namespace gw::app
