#include "testbench/bench_results_model.h"
#include "common/number_format.h"
#include "config/per_gateway.h"

#include "bench/stats.h"

#include <QColor>

namespace gw::app {

namespace {

QString msText(qint64 ms)
{
    return formatMs(double(ms));
}
} // namespace

BenchResultsModel::BenchResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void BenchResultsModel::reset(const QList<gw::BenchCase> &cases, const gw::PromptSuite &suite)
{
    beginResetModel();
    m_rows.clear();
    m_rowOfCase.clear();
    m_rows.reserve(cases.size());
    for (const gw::BenchCase &c : cases) {
        Row row;
        row.benchCase = c;
        row.prompt = c.promptIndex < suite.cases.size() ? suite.cases.at(c.promptIndex).name : QString();
        m_rowOfCase.insert(c.index, int(m_rows.size()));
        m_rows.append(row);
    }
    endResetModel();
}

void BenchResultsModel::rowChanged(int row)
{
    // Only the outcome columns change. Leaving the case columns out matters: a proxy sorted on
    // one of them would otherwise re-sort the whole table on every result.
    Q_EMIT dataChanged(index(row, OpenRouterStatus), index(row, ColumnCount - 1));
}

void BenchResultsModel::setRunning(int caseIndex, gw::Gateway gateway)
{
    const int row = rowOfCase(caseIndex);
    if (row < 0)
        return;
    m_rows[row].running[gw::gatewayIndex(gateway)] = true;
    rowChanged(row);
}

void BenchResultsModel::setResult(const gw::BenchResult &result)
{
    const int row = rowOfCase(result.caseIndex);
    if (row < 0)
        return;
    m_rows[row].side[gw::gatewayIndex(result.gateway)] = result;
    m_rows[row].running[gw::gatewayIndex(result.gateway)] = false;
    rowChanged(row);
}

void BenchResultsModel::setFlags(int caseIndex, gw::ParityFlags flags)
{
    const int row = rowOfCase(caseIndex);
    if (row < 0)
        return;
    m_rows[row].flags = flags;
    rowChanged(row);
}

void BenchResultsModel::setBilledCost(int caseIndex, gw::Gateway gateway, double usd)
{
    const int row = rowOfCase(caseIndex);
    if (row < 0 || !m_rows[row].side[gw::gatewayIndex(gateway)])
        return;
    m_rows[row].side[gw::gatewayIndex(gateway)]->billedCostUsd = usd;
    rowChanged(row);
}

const gw::BenchResult *BenchResultsModel::result(int row, gw::Gateway gateway) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    const std::optional<gw::BenchResult> &side = m_rows.at(row).side[gw::gatewayIndex(gateway)];
    return side ? &*side : nullptr;
}

QList<gw::BenchResult> BenchResultsModel::results() const
{
    QList<gw::BenchResult> out;
    for (const Row &row : m_rows)
        for (const std::optional<gw::BenchResult> &side : row.side)
            if (side)
                out.append(*side);
    return out;
}

int BenchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BenchResultsModel::statusText(const gw::BenchResult &result)
{
    if (result.skipped)
        return tr("skipped: %1").arg(result.skipReason);
    if (result.response.error.isError()) {
        const gw::GatewayError &e = result.response.error;
        return e.httpStatus ? tr("%1 (HTTP %2)").arg(gw::errorClassName(e.cls)).arg(e.httpStatus)
                            : gw::errorClassName(e.cls);
    }
    return tr("ok");
}

QString BenchResultsModel::costText(const gw::BenchResult &result)
{
    if (result.billedCostUsd)
        return formatUsd(*result.billedCostUsd) + QLatin1Char(' ') + tr("billed");
    if (result.response.costUsd)
        return formatUsd(*result.response.costUsd) + QLatin1Char(' ') + gw::costSourceName(result.response.costSource);
    if (result.estimatedCostUsd)
        return formatUsd(*result.estimatedCostUsd) + QLatin1Char(' ') + tr("estimated");
    return QStringLiteral("–");
}

QVariant BenchResultsModel::sideData(const Row &row, gw::Gateway gateway, int column, int role) const
{
    const int side = gw::gatewayIndex(gateway);
    const std::optional<gw::BenchResult> &r = row.side[side];
    const int first = gateway == gw::Gateway::Vercel ? VercelStatus : OpenRouterStatus;
    const int which = column - first; // 0 status, 1 ttft, 2 total, 3 tokens, 4 cost
    if (!r) {
        if (role == Qt::DisplayRole && which == 0)
            return row.running[side] ? tr("running…") : tr("waiting");
        return role == SortRole ? QVariant(-1) : QVariant();
    }
    if (role == Qt::ForegroundRole && which == 0)
        return r->skipped ? QColor(Qt::gray) : r->response.error.isError() ? QColor(Qt::darkRed) : QVariant();
    if (role == Qt::ToolTipRole && which == 0 && r->response.error.isError())
        return r->response.error.message;
    if (role == SortRole) {
        switch (which) {
        case 0: return r->ok() ? 0 : r->skipped ? 2 : 1;
        case 1: return r->ttftMs;
        case 2: return r->totalMs;
        case 3: return r->response.usage.completion;
        case 4: return gw::effectiveCostUsd(*r).value_or(-1);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (which) {
    case 0: return statusText(*r);
    case 1: return msText(r->ttftMs);
    case 2: return msText(r->totalMs);
    case 3:
        return r->skipped ? QStringLiteral("–")
                          : QStringLiteral("%1 → %2").arg(formatCount(r->response.usage.prompt),
                                                          formatCount(r->response.usage.completion));
    case 4: return costText(*r);
    default: return {};
    }
}

QVariant BenchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == FlagsRole)
        return row.flags;
    const int column = index.column();
    if (column >= OpenRouterStatus && column <= OpenRouterCost)
        return sideData(row, gw::Gateway::OpenRouter, column, role);
    if (column >= VercelStatus && column <= VercelCost)
        return sideData(row, gw::Gateway::Vercel, column, role);
    if (role == Qt::ForegroundRole && column == Flags && row.flags)
        return QColor(Qt::darkRed);
    if (role == Qt::ToolTipRole && column == Flags) {
        QStringList lines;
        for (gw::ParityFlag flag : gw::allParityFlags())
            if (row.flags & quint32(flag))
                lines << gw::parityFlagDescription(flag);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case Case: return role == SortRole ? QVariant(row.benchCase.index) : QVariant(row.benchCase.index + 1);
    case Model: return row.benchCase.openrouterModel;
    case Prompt: return row.prompt;
    case Repetition: return row.benchCase.repetition + 1;
    case Flags:
        return role == SortRole ? QVariant(row.flags)
                                : QVariant(gw::parityFlagNames(row.flags).join(QStringLiteral(", ")));
    default: return {};
    }
}

QVariant BenchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Case: return tr("#");
    case Model: return tr("Model");
    case Prompt: return tr("Prompt");
    case Repetition: return tr("Rep.");
    case OpenRouterStatus: return tr("OpenRouter");
    case OpenRouterTtft: return tr("TTFT");
    case OpenRouterTotal: return tr("Total");
    case OpenRouterTokens: return tr("Tokens in → out");
    case OpenRouterCost: return tr("Cost");
    case VercelStatus: return tr("Vercel");
    case VercelTtft: return tr("TTFT");
    case VercelTotal: return tr("Total");
    case VercelTokens: return tr("Tokens in → out");
    case VercelCost: return tr("Cost");
    case Flags: return tr("Parity flags");
    default: return {};
    }
}

} // namespace gw::app
