#include "planner/leaderboard_constraint_model.h"

#include "common/number_format.h"

namespace gw::app {

QString shareConstraintDisplayName(gw::ShareConstraint::Kind kind)
{
    switch (kind) {
    case gw::ShareConstraint::Kind::OpenRouterTokens:
        return LeaderboardConstraintModel::tr("OpenRouter: enough tokens left");
    case gw::ShareConstraint::Kind::VercelTokens: return LeaderboardConstraintModel::tr("Vercel: tokens");
    case gw::ShareConstraint::Kind::VercelSpend: return LeaderboardConstraintModel::tr("Vercel: spend");
    case gw::ShareConstraint::Kind::FixedVercel:
        return LeaderboardConstraintModel::tr("On Vercel whatever the default share");
    case gw::ShareConstraint::Kind::EligibleMax: break;
    }
    return LeaderboardConstraintModel::tr("The most the default share can move");
}

LeaderboardConstraintModel::LeaderboardConstraintModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeaderboardConstraintModel::setPlan(const gw::LeaderboardPlan &plan)
{
    beginResetModel();
    m_rows.clear();
    for (const gw::ShareConstraint &c : plan.constraints) {
        const std::optional<gw::ShareConstraint::Kind> &binding = c.upper ? plan.bindingHigh : plan.bindingLow;
        m_rows.append(Row{c, binding == c.kind});
    }
    endResetModel();
}

void LeaderboardConstraintModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int LeaderboardConstraintModel::rowOf(gw::ShareConstraint::Kind kind) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).constraint.kind == kind)
            return row;
    return -1;
}

int LeaderboardConstraintModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaderboardConstraintModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardConstraintModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const gw::ShareConstraint &c = row.constraint;
    if (role == KindRole)
        return int(c.kind);
    if (role == Qt::TextAlignmentRole)
        return index.column() == SharePercent ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == ValueRole) {
        switch (index.column()) {
        case Direction: return c.upper;
        case SharePercent: return c.boundPercent;
        case Binding: return row.binding;
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Bound: return shareConstraintDisplayName(c.kind);
    case Direction: return c.upper ? tr("at most") : tr("at least");
    case SharePercent: return QString(formatDecimal(c.boundPercent, 3) + QLatin1Char('%'));
    case Binding: return row.binding ? (c.upper ? tr("sets the upper end") : tr("sets the lower end")) : QString();
    default: return {};
    }
}

QVariant LeaderboardConstraintModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Bound: return tr("Bound");
    case Direction: return tr("Vercel share");
    case SharePercent: return tr("Share of all tokens");
    case Binding: return tr("Binding");
    default: return {};
    }
}

} // namespace gw::app
