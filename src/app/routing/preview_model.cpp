#include "routing/preview_model.h"

#include <QLocale>

namespace gwapp {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PreviewModel::setResult(const gw::SimulationResult &result)
{
    beginResetModel();
    m_rows = result.perModel;
    m_hasBaseline = result.hasBaseline;
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::ModelShare &row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Model)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole) { // raw numbers for sorting and tests
        switch (index.column()) {
        case VercelShare: return row.vercel;
        case OpenRouterShare: return row.openrouter;
        case Changed: return row.changed;
        default: return row.model;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const double total = double(row.vercel + row.openrouter);
    const QLocale locale;
    switch (index.column()) {
    case Model: return row.model;
    case VercelShare: return QString(locale.toString(row.vercelPercent(), 'f', 3) + QStringLiteral(" %"));
    case OpenRouterShare:
        return QString(locale.toString(total > 0 ? 100.0 * row.openrouter / total : 0.0, 'f', 3) + QStringLiteral(" %"));
    case Changed: return m_hasBaseline ? locale.toString(row.changed) : QStringLiteral("–");
    default: return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Model: return tr("Model");
    case VercelShare: return tr("Vercel");
    case OpenRouterShare: return tr("OpenRouter");
    case Changed: return tr("Keys changing gateway");
    default: return {};
    }
}

} // namespace gwapp
