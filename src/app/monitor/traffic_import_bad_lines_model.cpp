#include "monitor/traffic_import_bad_lines_model.h"

#include <QDir>
#include <QFileInfo>

namespace gw::app {

TrafficBadLinesModel::TrafficBadLinesModel(QObject *parent, int maxRows)
    : QAbstractTableModel(parent), m_maxRows(maxRows)
{
}

void TrafficBadLinesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hidden = 0;
    endResetModel();
}

void TrafficBadLinesModel::add(const QString &file, const QList<gw::TrafficBadLine> &listed, qint64 total)
{
    const qsizetype room = std::max<qsizetype>(0, m_maxRows - m_rows.size());
    const qsizetype shown = std::min(room, listed.size());
    m_hidden += std::max<qint64>(0, total - shown);
    if (shown == 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + shown - 1));
    for (qsizetype i = 0; i < shown; ++i)
        m_rows.append(Row{file, listed.at(i)});
    endInsertRows();
}

int TrafficBadLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficBadLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficBadLinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return row.bad.toString(QDir::toNativeSeparators(row.file));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FileColumn: return QFileInfo(row.file).fileName();
    case LineColumn: return row.bad.line;
    case PathColumn: return row.bad.path;
    case ReasonColumn: return row.bad.message;
    default: return {};
    }
}

QVariant TrafficBadLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn: return tr("File");
    case LineColumn: return tr("Line");
    case PathColumn: return tr("JSON path");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace gw::app
