#include "testbench/bench_summary_model.h"
#include "config/per_gateway.h"

#include <QLocale>

namespace gwapp {

namespace {
QString ms(double value) { return value < 0 ? QStringLiteral("–") : QString::number(value, 'f', 0) + QStringLiteral(" ms"); }
} // namespace

BenchSummaryModel::BenchSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

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

QVariant BenchSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const gw::BenchSummaryRow &r = m_rows.at(index.row());
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Model: return r.openrouterModel;
    case Gateway: return gw::gatewayDisplayName(r.gateway);
    case Runs: return r.runs;
    case SuccessRate: return sort ? QVariant(r.successRate) : QVariant(QString::number(100.0 * r.successRate, 'f', 0) + QLatin1Char('%'));
    case TtftP50: return sort ? QVariant(r.ttftP50Ms) : QVariant(ms(r.ttftP50Ms));
    case TtftP95: return sort ? QVariant(r.ttftP95Ms) : QVariant(ms(r.ttftP95Ms));
    case TotalP50: return sort ? QVariant(r.totalP50Ms) : QVariant(ms(r.totalP50Ms));
    case TotalP95: return sort ? QVariant(r.totalP95Ms) : QVariant(ms(r.totalP95Ms));
    case MeanCost:
        if (sort)
            return r.meanCostUsd.value_or(-1);
        return r.meanCostUsd ? QStringLiteral("$%1").arg(*r.meanCostUsd, 0, 'f', 6) : QStringLiteral("–");
    case TokensPerSecond:
        if (sort)
            return r.tokensPerSecond.value_or(-1);
        return r.tokensPerSecond ? QLocale().toString(*r.tokensPerSecond, 'f', 1) : QStringLiteral("–");
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
    default: return {};
    }
}

} // namespace gwapp
