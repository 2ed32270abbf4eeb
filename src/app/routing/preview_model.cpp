#include "routing/preview_model.h"

#include "common/number_format.h"

namespace gw::app {

PreviewModel::PreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void PreviewModel::setResult(const gw::SimulationResult &result)
{
    beginResetModel();
    m_rows = result.perModel;
    m_hasBaseline = result.hasBaseline;
    endResetModel();
}

void PreviewModel::setTrafficImpact(const gw::TrafficImpact &impact)
{
    // Only the two traffic columns change: a dataChanged keeps the view's sort and selection.
    m_impact.clear();
    for (const gw::ModelTrafficImpact &model : impact.perModel)
        m_impact.insert(model.model, model);
    m_hasImpact = impact.rows > 0;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RequestsMoving), index(int(m_rows.size()) - 1, UsersMoving));
    Q_EMIT headerDataChanged(Qt::Horizontal, RequestsMoving, UsersMoving);
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
    const auto impact = m_impact.constFind(row.model);
    const bool hasImpact = m_hasImpact && impact != m_impact.cend();
    if (role == Qt::UserRole) { // raw numbers for sorting and tests
        switch (index.column()) {
        case VercelShare: return row.vercel;
        case OpenRouterShare: return row.openrouter;
        case Changed: return row.changed;
        case RequestsMoving: return hasImpact ? QVariant(qint64(impact->requestsMoved)) : QVariant(qint64(-1));
        case UsersMoving: return hasImpact ? QVariant(qint64(impact->usersMoved)) : QVariant(qint64(-1));
        default: return row.model;
        }
    }
    if (role == Qt::ToolTipRole && hasImpact && (index.column() == RequestsMoving || index.column() == UsersMoving)) {
        return tr("%1 of %2 recorded requests (%3 to Vercel, %4 to OpenRouter); %5 of %6 users")
            .arg(formatCount(qint64(impact->requestsMoved)), formatCount(qint64(impact->requests)),
                 formatCount(qint64(impact->toVercel)), formatCount(qint64(impact->toOpenRouter)),
                 formatCount(qint64(impact->usersMoved)), formatCount(qint64(impact->users)));
    }
    if (role != Qt::DisplayRole)
        return {};
    const double total = double(row.vercel + row.openrouter);
    switch (index.column()) {
    case Model: return row.model;
    case VercelShare: return tr("%1 %").arg(formatDecimal(row.vercelPercent(), 3));
    case OpenRouterShare: return tr("%1 %").arg(formatDecimal(total > 0 ? 100.0 * row.openrouter / total : 0.0, 3));
    case Changed: return m_hasBaseline ? formatCount(qint64(row.changed)) : QStringLiteral("–");
    case RequestsMoving: return hasImpact ? formatCount(qint64(impact->requestsMoved)) : QStringLiteral("–");
    case UsersMoving: return hasImpact ? formatCount(qint64(impact->usersMoved)) : QStringLiteral("–");
    default: return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Changed: return tr("Synthetic sticky keys that land on the other gateway than with the last export");
        case RequestsMoving:
        case UsersMoving:
            return m_hasImpact
                       ? tr("Recorded requests of the last days, decided by the draft and by the last export")
                       : tr("No recorded traffic in the history: import a traffic log to see real requests here");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model: return tr("Model");
    case VercelShare: return tr("Vercel");
    case OpenRouterShare: return tr("OpenRouter");
    case Changed: return tr("Keys changing gateway");
    case RequestsMoving: return tr("Requests moving");
    case UsersMoving: return tr("Users moving");
    default: return {};
    }
}

} // namespace gw::app
