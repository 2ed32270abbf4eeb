#include "production/publish_history_model.h"

#include "production/live_record.h"

namespace gw::app {

void PublishHistoryModel::setHistory(const QList<gw::ExportRecord> &history)
{
    beginResetModel();
    m_publishes.clear();
    m_changes.clear();
    for (qsizetype i = history.size() - 1; i >= 0; --i) {
        const gw::ExportRecord &r = history.at(i);
        if (r.kind != QStringLiteral("publish"))
            continue;
        m_publishes.append(r);
        m_changes.append(gw::production::describeChangeLine(r.before, r.after));
    }
    endResetModel();
}

int PublishHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_publishes.size());
}

int PublishHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PublishHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::ExportRecord &r = m_publishes.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Published: return r.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Revision: return QString::number(r.revision);
        case By: return r.who;
        case Note: return r.note;
        case Change: return m_changes.at(index.row());
        default: break;
        }
    } else if (role == Qt::ToolTipRole && index.column() == Change) {
        return m_changes.at(index.row());
    } else if (role == Qt::TextAlignmentRole && index.column() == Revision) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant PublishHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Published: return tr("Published (UTC)");
    case Revision: return tr("Revision");
    case By: return tr("By");
    case Note: return tr("Note");
    case Change: return tr("Change");
    default: return {};
    }
}

} // namespace gw::app
