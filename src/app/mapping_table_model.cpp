#include "mapping_table_model.h"

namespace gwapp {

MappingTableModel::MappingTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MappingTableModel::setProposals(const QList<gw::MappingProposal> &proposals)
{
    beginResetModel();
    m_rows = proposals;
    endResetModel();
}

int MappingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MappingTableModel::stateText(const gw::MappingProposal &p)
{
    switch (p.configState) {
    case gw::ConfigMappingState::Confirmed: return tr("confirmed");
    case gw::ConfigMappingState::Overridden: return tr("config says %1").arg(p.configVercelId.value_or(QString()));
    case gw::ConfigMappingState::NotOnVercel: return tr("not on Vercel");
    case gw::ConfigMappingState::Unconfirmed: break;
    }
    return tr("not in config");
}

QVariant MappingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::MappingProposal &p = m_rows.at(index.row());
    if (role == StateRole)
        return int(p.configState);
    if (role == SortRole && index.column() == Confidence)
        return p.confidence;
    if (role == Qt::ToolTipRole && index.column() == Evidence)
        return p.evidence;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case OpenRouterId: return p.openrouterId;
    case VercelId: return p.vercelId.value_or(QStringLiteral("–"));
    case Method: return gw::mappingMethodName(p.method);
    case Confidence: return QString::number(p.confidence, 'f', 2);
    case InConfig: return stateText(p);
    case Evidence: return p.evidence;
    default: return {};
    }
}

QVariant MappingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case OpenRouterId: return tr("OpenRouter model");
    case VercelId: return tr("Proposed Vercel model");
    case Method: return tr("Method");
    case Confidence: return tr("Confidence");
    case InConfig: return tr("In the config");
    case Evidence: return tr("Evidence");
    default: return {};
    }
}

} // namespace gwapp
