#include "planner/leaderboard_import_model.h"

#include "common/number_format.h"
#include "config/per_gateway.h"

#include <QFont>

#include <algorithm>

namespace gw::app {

LeaderboardImportModel::LeaderboardImportModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeaderboardImportModel::setRows(gw::Gateway gateway, const QList<gw::LeaderboardRow> &rows)
{
    beginResetModel();
    m_rows.removeIf([gateway](const Row &r) { return r.gateway == gateway; });
    for (const gw::LeaderboardRow &row : rows)
        m_rows.append(Row{gateway, row});
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        return gw::gatewayIndex(a.gateway) < gw::gatewayIndex(b.gateway);
    });
    endResetModel();
}

int LeaderboardImportModel::rowOf(gw::Gateway gateway, const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).gateway == gateway && m_rows.at(i).row.name == name)
            return i;
    return -1;
}

int LeaderboardImportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaderboardImportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardImportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const gw::LeaderboardRow &row = r.row;
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column == Rank || column == Tokens ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::FontRole && row.ours) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == ValueRole) {
        switch (column) {
        case Rank: return row.rank;
        case Tokens: return row.totalTokens ? QVariant(*row.totalTokens) : QVariant();
        case Ours: return row.ours;
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Gateway: return gw::gatewayDisplayName(r.gateway);
    case Rank: return formatCount(row.rank);
    case App: return row.name;
    case RankedBy: return row.rankedBy.isEmpty() ? tr("tokens") : row.rankedBy;
    case Tokens: return row.totalTokens ? formatDecimal(*row.totalTokens, 0) : QString();
    case Ours: return row.ours ? tr("us") : QString();
    default: return {};
    }
}

QVariant LeaderboardImportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Gateway: return tr("Gateway");
    case Rank: return tr("Rank");
    case App: return tr("App");
    case RankedBy: return tr("Ranked by");
    case Tokens: return tr("Tokens");
    case Ours: return tr("Ours");
    default: return {};
    }
}

} // namespace gw::app
