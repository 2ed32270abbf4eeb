#include "planner/ramp_volume_model.h"

#include "common/number_format.h"
#include "config/per_gateway.h"

namespace gw::app {

RampVolumeModel::RampVolumeModel(QObject *parent) : QAbstractTableModel(parent) {}

void RampVolumeModel::setEvaluation(const gw::RampEvaluation &evaluation)
{
    beginResetModel();
    m_rows = {Row{gw::Gateway::Vercel, evaluation.vercel, evaluation.moreRequestsVercel},
              Row{gw::Gateway::OpenRouter, evaluation.openrouter, evaluation.moreRequestsOpenRouter}};
    endResetModel();
}

void RampVolumeModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int RampVolumeModel::rowOf(gw::Gateway gateway) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).gateway == gateway)
            return row;
    return -1;
}

int RampVolumeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RampVolumeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RampVolumeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column == Gateway ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == ValueRole) {
        switch (column) {
        case Requests: return qulonglong(row.stats.requests);
        case Errors: return qulonglong(row.stats.errors);
        case ErrorRate: return row.stats.errorRate();
        case MoreNeeded: return qulonglong(row.moreNeeded);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Gateway: return gw::gatewayDisplayName(row.gateway);
    case Requests: return formatCount(qint64(row.stats.requests));
    case Errors: return formatCount(qint64(row.stats.errors));
    case ErrorRate: return QString(formatDecimal(100 * row.stats.errorRate(), 2) + QLatin1Char('%'));
    case MoreNeeded: return row.moreNeeded ? formatCount(qint64(row.moreNeeded)) : QString();
    default: return {};
    }
}

QVariant RampVolumeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Gateway: return tr("Gateway");
    case Requests: return tr("Requests");
    case Errors: return tr("Errors");
    case ErrorRate: return tr("Error rate");
    case MoreNeeded: return tr("More needed before judging");
    default: return {};
    }
}

} // namespace gw::app
