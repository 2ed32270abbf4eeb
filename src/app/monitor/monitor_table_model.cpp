#include "monitor/monitor_table_model.h"
#include "config/per_gateway.h"

#include "bench/stats.h"
#include "common/number_format.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace gw::app {

QString seriesDisplayName(const gw::SeriesId &id)
{
    const QString &m = id.measure;
    if (!id.gateway) {
        if (m == u"actual")
            return MonitorTableModel::tr("Actual Vercel share");
        if (m == u"target")
            return MonitorTableModel::tr("Target: config live then");
        if (m == u"target_draft")
            return MonitorTableModel::tr("Target: draft (not exported)");
        if (m == u"target_current")
            return MonitorTableModel::tr("Target: current draft");
        if (m == u"requests")
            return MonitorTableModel::tr("Requests");
        if (m == u"balance")
            return MonitorTableModel::tr("Balance");
        if (m == u"spent")
            return MonitorTableModel::tr("Spent");
        if (m == u"burn")
            return MonitorTableModel::tr("Burn per day");
        if (m == u"runway")
            return MonitorTableModel::tr("Runway (days)");
        return m;
    }
    const QString gw = gw::gatewayDisplayName(*id.gateway);
    const QString other =
        gw::gatewayDisplayName(*id.gateway == gw::Gateway::Vercel ? gw::Gateway::OpenRouter : gw::Gateway::Vercel);
    if (m == u"reported")
        return MonitorTableModel::tr("%1 reported").arg(gw);
    if (m == u"estimated")
        return MonitorTableModel::tr("%1 estimated").arg(gw);
    if (m == u"all_errors")
        return MonitorTableModel::tr("%1 all errors").arg(gw);
    if (m == u"requests")
        return MonitorTableModel::tr("%1 requests").arg(gw);
    if (m == u"ttft_p50")
        return MonitorTableModel::tr("%1 TTFT p50").arg(gw);
    if (m == u"ttft_p95")
        return MonitorTableModel::tr("%1 TTFT p95").arg(gw);
    if (m == u"latency_p50")
        return MonitorTableModel::tr("%1 latency p50").arg(gw);
    if (m == u"latency_p95")
        return MonitorTableModel::tr("%1 latency p95").arg(gw);
    if (m == u"actual")
        return MonitorTableModel::tr("%1 actual").arg(gw);
    if (m == u"other_gateway")
        return MonitorTableModel::tr("%1 traffic at %2 prices").arg(gw, other);
    return gw + QLatin1Char(' ') + m; // an error class name ("rate_limited"): the log's own term
}

MonitorTableModel::MonitorTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MonitorTableModel::setTable(const gw::SeriesTable &table, const QString &firstColumnHeader)
{
    beginResetModel();
    m_table = table;
    m_firstHeader = firstColumnHeader;
    m_names.clear();
    for (const gw::SeriesId &id : std::as_const(m_table.series))
        m_names.append(seriesDisplayName(id));
    endResetModel();
}

int MonitorTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rowCount());
}

int MonitorTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.series.size()) + 1;
}

QString MonitorTableModel::rowLabel(int row) const
{
    if (row < 0 || row >= m_table.rowCount())
        return QString();
    if (!m_table.isTimeTable())
        return m_table.categories.value(row);
    return QDateTime::fromMSecsSinceEpoch(m_table.times[row], Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
           + QStringLiteral(" UTC");
}

QString MonitorTableModel::formatValue(double value) const
{
    if (std::isnan(value))
        return QStringLiteral("–");
    const QString number = formatDecimal(value, m_decimals);
    return m_unit.isEmpty() ? number : number + QLatin1Char(' ') + m_unit;
}

QString MonitorTableModel::formatCell(int series, double value) const
{
    if (m_table.series.value(series).measure == u"requests" && !std::isnan(value))
        return formatCount(qint64(value)); // a count beside the rates, not a rate
    return formatValue(value);
}

QVariant MonitorTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_table.rowCount() || index.column() > m_table.series.size())
        return {};
    const int row = index.row();
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return rowLabel(row);
        if (role == RawValueRole)
            return m_table.isTimeTable() ? QVariant(m_table.times[row]) : QVariant(m_table.categories[row]);
        return {};
    }
    const double value = m_table.values[row].value(index.column() - 1, std::nan(""));
    if (role == Qt::DisplayRole)
        return formatCell(index.column() - 1, value);
    if (role == RawValueRole)
        return value;
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MonitorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return m_firstHeader;
    return m_names.value(section - 1);
}

int MonitorTableModel::rowNearest(double x) const
{
    const qsizetype rows = m_table.rowCount();
    if (rows == 0)
        return -1;
    if (!m_table.isTimeTable())
        return int(std::clamp<qsizetype>(qsizetype(std::lround(x)), 0, rows - 1));
    const auto after = std::lower_bound(m_table.times.cbegin(), m_table.times.cend(), x,
                                        [](qint64 t, double v) { return double(t) < v; });
    if (after == m_table.times.cbegin())
        return 0;
    if (after == m_table.times.cend())
        return int(rows - 1);
    const auto before = std::prev(after);
    return int((x - double(*before) <= double(*after) - x ? before : after) - m_table.times.cbegin());
}

QString MonitorTableModel::hoverText(int row) const
{
    if (row < 0 || row >= m_table.rowCount())
        return QString();
    QStringList lines{rowLabel(row)};
    for (int s = 0; s < m_table.series.size(); ++s)
        lines.append(m_names[s] + QStringLiteral(": ") + formatCell(s, m_table.values[row][s]));
    return lines.join(QLatin1Char('\n'));
}

QString MonitorTableModel::toCsv() const
{
    auto line = [](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(gw::csvField(f));
        return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QString csv = line(QStringList{m_firstHeader} + m_names);
    for (int row = 0; row < m_table.rowCount(); ++row) {
        QStringList fields;
        fields.append(m_table.isTimeTable()
                          ? QDateTime::fromMSecsSinceEpoch(m_table.times[row], Qt::UTC).toString(Qt::ISODate)
                          : m_table.categories[row]);
        for (const double v : m_table.values[row])
            fields.append(std::isnan(v) ? QString() : QString::number(v, 'g', 12));
        csv += line(fields);
    }
    return csv;
}

} // namespace gw::app
