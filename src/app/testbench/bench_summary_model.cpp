#include "testbench/bench_summary_model.h"
#include "common/number_format.h"
#include "config/per_gateway.h"

namespace gw::app {

namespace {
QString ms(double value)
{
    return formatMs(value);
}
} // namespace

BenchSummaryModel::BenchSummaryModel(QObject *parent) : QAbstractTableModel(parent) {}

void BenchSummaryModel::setRows(const QList<gw::BenchSummaryRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int BenchSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenchSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const gw::BenchSummaryRow *BenchSummaryModel::openrouterRowFor(const gw::BenchSummaryRow &row) const
{
    if (row.gateway != gw::Gateway::Vercel)
        return nullptr;
    for (const gw::BenchSummaryRow &other : m_rows)
        if (other.gateway == gw::Gateway::OpenRouter && other.openrouterModel == row.openrouterModel)
            return &other;
    return nullptr;
}

QVariant BenchSummaryModel::differenceData(const gw::BenchSummaryRow &r, int role) const
{
    const gw::BenchSummaryRow *openrouter = openrouterRowFor(r);
    if (!openrouter)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("–")) : QVariant();
    const bool haveLatency = r.totalP50Ms >= 0 && openrouter->totalP50Ms >= 0;
    const double latency = r.totalP50Ms - openrouter->totalP50Ms;
    std::optional<double> cost;
    if (r.meanCostUsd && openrouter->meanCostUsd && *openrouter->meanCostUsd > 0)
        cost = 100.0 * (*r.meanCostUsd - *openrouter->meanCostUsd) / *openrouter->meanCostUsd;
    if (role == SortRole)
        return haveLatency ? QVariant(latency) : QVariant();
    if (role == CostDifferenceRole)
        return cost ? QVariant(*cost) : QVariant();
    if (role == Qt::ToolTipRole)
        return tr("Vercel against OpenRouter for this model: p50 latency difference and mean cost difference");
    if (role != Qt::DisplayRole)
        return {};
    QStringList parts;
    if (haveLatency)
        parts
            << tr("latency %1 ms").arg((latency >= 0.5 ? QStringLiteral("+") : QString()) + formatDecimal(latency, 0));
    if (cost)
        parts << tr("cost %1").arg(formatSignedPercent(*cost));
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(", "));
}

QVariant BenchSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::BenchSummaryRow &r = m_rows.at(index.row());
    if (index.column() == VsOpenRouter)
        return differenceData(r, role);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Model: return r.openrouterModel;
    case Gateway: return gw::gatewayDisplayName(r.gateway);
    case Runs: return r.runs;
    case SuccessRate:
        return sort ? QVariant(r.successRate) : QVariant(formatDecimal(100.0 * r.successRate, 0) + QLatin1Char('%'));
    case TtftP50: return sort ? QVariant(r.ttftP50Ms) : QVariant(ms(r.ttftP50Ms));
    case TtftP95: return sort ? QVariant(r.ttftP95Ms) : QVariant(ms(r.ttftP95Ms));
    case TotalP50: return sort ? QVariant(r.totalP50Ms) : QVariant(ms(r.totalP50Ms));
    case TotalP95: return sort ? QVariant(r.totalP95Ms) : QVariant(ms(r.totalP95Ms));
    case MeanCost:
        if (sort)
            return r.meanCostUsd.value_or(-1);
        return r.meanCostUsd ? formatUsd(*r.meanCostUsd) : QStringLiteral("–");
    case TokensPerSecond:
        if (sort)
            return r.tokensPerSecond.value_or(-1);
        return r.tokensPerSecond ? formatDecimal(*r.tokensPerSecond, 1) : QStringLiteral("–");
    default: return {};
    }
}

QVariant BenchSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Model: return tr("Model");
    case Gateway: return tr("Gateway");
    case Runs: return tr("Runs");
    case SuccessRate: return tr("Success");
    case TtftP50: return tr("TTFT p50");
    case TtftP95: return tr("TTFT p95");
    case TotalP50: return tr("Latency p50");
    case TotalP95: return tr("Latency p95");
    case MeanCost: return tr("Mean cost");
    case TokensPerSecond: return tr("Tokens/s");
    case VsOpenRouter: return tr("Vercel vs OpenRouter");
    default: return {};
    }
}

} // namespace gw::app
