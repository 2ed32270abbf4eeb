#include "planner/ramp_gate_table_model.h"

#include "common/number_format.h"

#include <QColor>

namespace gw::app {

namespace {

QString gateDisplayName(gw::RampGateResult::Gate gate)
{
    switch (gate) {
    case gw::RampGateResult::Gate::ErrorRate: return RampGateTableModel::tr("Error rate");
    case gw::RampGateResult::Gate::TtftP95: return RampGateTableModel::tr("TTFT p95");
    case gw::RampGateResult::Gate::CostPerMtok: break;
    }
    return RampGateTableModel::tr("Cost per Mtok");
}

// Below this a p-value reads as "< 0.0001" (no exponent notation on the page).
constexpr double kSmallestShownPValue = 0.0001;

} // namespace

RampGateTableModel::RampGateTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RampGateTableModel::setGates(const QList<gw::RampGateResult> &gates)
{
    beginResetModel();
    m_gates = gates;
    endResetModel();
}

void RampGateTableModel::clear()
{
    setGates({});
}

int RampGateTableModel::rowOf(gw::RampGateResult::Gate gate) const
{
    for (int row = 0; row < m_gates.size(); ++row)
        if (m_gates.at(row).gate == gate)
            return row;
    return -1;
}

int RampGateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_gates.size());
}

int RampGateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The number behind a cell; none where the page shows nothing (a gate not evaluated shows no
// TTFT or cost values, the z-test only exists for the error rate).
QVariant RampGateTableModel::value(const gw::RampGateResult &g, int column) const
{
    const bool errorRate = g.gate == gw::RampGateResult::Gate::ErrorRate;
    const bool valuesShown = g.evaluated || errorRate;
    const bool testShown = errorRate && g.evaluated && g.test.valid;
    switch (column) {
    case Vercel: return valuesShown ? QVariant(g.vercelValue) : QVariant();
    case OpenRouter: return valuesShown ? QVariant(g.openrouterValue) : QVariant();
    case Allowed: return valuesShown ? QVariant(g.limit) : QVariant();
    case Z: return testShown ? QVariant(g.test.z) : QVariant();
    case PValue: return testShown ? QVariant(g.test.pValue) : QVariant();
    default: return {};
    }
}

QString RampGateTableModel::text(const gw::RampGateResult &g, int column) const
{
    if (column == Gate)
        return gateDisplayName(g.gate);
    if (column == Outcome)
        return !g.evaluated ? tr("not evaluated") : g.passed ? tr("passed") : tr("FAILED");
    const QVariant raw = value(g, column);
    if (!raw.isValid())
        return {};
    const double v = raw.toDouble();
    if (column == Z)
        return formatDecimal(v, 3);
    if (column == PValue)
        return v < kSmallestShownPValue ? tr("< %1").arg(formatDecimal(kSmallestShownPValue, 4)) : formatDecimal(v, 4);
    switch (g.gate) {
    case gw::RampGateResult::Gate::ErrorRate:
        return column == Allowed ? tr("p ≥ %1").arg(formatDecimal(v, 4)) : formatDecimal(100 * v, 2) + QLatin1Char('%');
    case gw::RampGateResult::Gate::TtftP95: return column == Allowed ? tr("≤ %1").arg(formatMs(v)) : formatMs(v);
    case gw::RampGateResult::Gate::CostPerMtok: break;
    }
    return column == Allowed ? tr("≤ %1 USD").arg(formatDecimal(v, 4)) : tr("%1 USD").arg(formatDecimal(v, 4));
}

QVariant RampGateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::RampGateResult &g = m_gates.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(g, index.column());
    case ValueRole: return value(g, index.column());
    case Qt::ToolTipRole: return g.detail;
    case Qt::ForegroundRole: return g.evaluated && !g.passed ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Gate || index.column() == Outcome ? QVariant()
                                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant RampGateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Gate: return tr("Gate");
    case Vercel: return tr("Vercel");
    case OpenRouter: return tr("OpenRouter");
    case Allowed: return tr("Allowed");
    case Z: return tr("z");
    case PValue: return tr("p-value");
    case Outcome: return tr("Result");
    default: return {};
    }
}

} // namespace gw::app
