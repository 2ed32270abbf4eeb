#include "monitor/headline_table_model.h"

#include "common/number_format.h"
#include "monitor/chart_palette.h"

#include <QDateTime>

namespace gw::app {

namespace {

gw::Gateway gatewayOfRow(int row)
{
    return gw::kGateways[size_t(row)];
}

QString period(const gw::Period &p)
{
    const auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    return HeadlineTableModel::tr("%1 – %2 UTC").arg(time(p.fromMs), time(p.toMs));
}

} // namespace

HeadlineTableModel::HeadlineTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void HeadlineTableModel::setHeadline(const gw::MonitorHeadline &headline)
{
    beginResetModel();
    m_headline = headline;
    endResetModel();
}

std::optional<double> HeadlineTableModel::value(gw::Gateway gateway, Column column, bool previous) const
{
    const gw::HeadlineFigures &f = (previous ? m_headline.previousFigures : m_headline.figures)[gateway];
    const gw::ShareTotals &share = previous ? m_headline.previousShare : m_headline.share;
    switch (column) {
    case Requests: return double(f.requests);
    case ErrorRate: return f.errorRate();
    case Cost: return f.costUsd;
    case TtftP95: return f.ttftP95Ms();
    case ShareActual: return share.actualPercent(gateway);
    case ShareTarget: return share.targetPercent(gateway);
    case GatewayColumn:
    case ColumnCount: break;
    }
    return std::nullopt;
}

bool HeadlineTableModel::changesInPoints(Column column)
{
    return column == ErrorRate || column == ShareActual || column == ShareTarget;
}

std::optional<double> HeadlineTableModel::change(gw::Gateway gateway, Column column) const
{
    const std::optional<double> now = value(gateway, column);
    const std::optional<double> before = value(gateway, column, true);
    return changesInPoints(column) ? gw::pointChange(now, before) : gw::relativeChange(now, before);
}

int HeadlineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(gw::kGateways.size());
}

int HeadlineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HeadlineTableModel::formatValue(Column column, double value) const
{
    switch (column) {
    case Requests: return formatCount(qint64(value));
    case ErrorRate: return tr("%1 %").arg(formatDecimal(100 * value, 2));
    case Cost: return formatUsd(value);
    case TtftP95:
        return value >= 10000 ? tr("%1 s").arg(formatDecimal(value / 1000, 1))
                              : tr("%1 ms").arg(formatDecimal(value, 0));
    case ShareActual:
    case ShareTarget: return tr("%1 %").arg(formatDecimal(value, 1));
    case GatewayColumn:
    case ColumnCount: break;
    }
    return QString();
}

QString HeadlineTableModel::formatChange(Column column, double change) const
{
    const QString sign = change > 0 ? QStringLiteral("+") : QString();
    if (column == ErrorRate)
        return tr("%1%2 pts").arg(sign, formatDecimal(100 * change, 2));
    if (changesInPoints(column))
        return tr("%1%2 pts").arg(sign, formatDecimal(change, 1));
    return tr("%1%2 %").arg(sign, formatDecimal(100 * change, 0));
}

QVariant HeadlineTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const gw::Gateway gateway = gatewayOfRow(index.row());
    const auto column = Column(index.column());
    if (column == GatewayColumn) {
        if (role == Qt::DisplayRole)
            return gw::gatewayDisplayName(gateway);
        if (role == Qt::DecorationRole)
            return gatewayColor(gateway);
        return {};
    }
    const std::optional<double> now = value(gateway, column);
    const std::optional<double> before = value(gateway, column, true);
    const std::optional<double> delta = change(gateway, column);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = now ? formatValue(column, *now) : QStringLiteral("–");
        if (delta)
            text += QStringLiteral("  (") + formatChange(column, *delta) + QLatin1Char(')');
        return text;
    }
    case Qt::ToolTipRole:
        return tr("Previous period %1: %2")
            .arg(period(m_headline.previous), before ? formatValue(column, *before) : tr("no traffic"));
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole: return now ? QVariant(*now) : QVariant();
    case PreviousRole: return before ? QVariant(*before) : QVariant();
    case ChangeRole: return delta ? QVariant(*delta) : QVariant();
    default: return {};
    }
}

QVariant HeadlineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (Column(section)) {
    case GatewayColumn: return tr("Gateway");
    case Requests: return tr("Requests");
    case ErrorRate: return tr("Error rate");
    case Cost: return tr("Cost");
    case TtftP95: return tr("TTFT p95");
    case ShareActual: return tr("Share (actual)");
    case ShareTarget: return tr("Share (target)");
    case ColumnCount: break;
    }
    return {};
}

} // namespace gw::app
