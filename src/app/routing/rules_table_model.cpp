#include "routing/rules_table_model.h"

#include "common/config_text.h"
#include "common/draft_document.h"
#include "config/config_io.h"

#include <QFont>
#include <QGuiApplication>
#include <QMimeData>
#include <QPalette>

namespace gw::app {

static const QString kRowMime = QStringLiteral("application/x-gateway-console-rule-row");

RulesTableModel::RulesTableModel(DraftDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &DraftDocument::changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
    m_tick.setInterval(30 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &RulesTableModel::refreshCountdown);
    m_tick.start();
}

int RulesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->config().rules.size());
}

int RulesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RulesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::Rule &rule = m_document->config().rules.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == Enabled)
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    // A rule that no longer matches anything (switched off, or past its expiry) stays in the
    // table for review, but greyed and italic, so it does not read as routing traffic.
    const bool expired = rule.expiresAt && *rule.expiresAt <= now();
    const bool inactive = !rule.enabled || expired;
    if (role == Qt::ForegroundRole && inactive)
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::FontRole && inactive) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        if (!rule.enabled)
            return tr("Disabled: this rule matches no request.");
        if (expired)
            return tr("Expired at %1: this rule matches no request.").arg(gw::formatRfc3339(*rule.expiresAt));
        if (index.column() == Expiry && rule.expiresAt)
            return gw::formatRfc3339(*rule.expiresAt);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id: return rule.id;
    case Match: return matchSummary(rule.match);
    case Action: return actionSummary(rule.action);
    case Expiry: return expiryText(rule.expiresAt, now());
    case Note: return rule.note;
    default: return {};
    }
}

QVariant RulesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Enabled: return tr("On");
    case Id: return tr("Rule");
    case Match: return tr("Match");
    case Action: return tr("Action");
    case Expiry: return tr("Expiry");
    case Note: return tr("Note");
    default: return {};
    }
}

Qt::ItemFlags RulesTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() == Enabled)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool RulesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    gw::RoutingConfig config = m_document->config();
    gw::Rule &rule = config.rules[index.row()];
    rule.enabled = value.toInt() == Qt::Checked;
    m_document->apply(config, rule.enabled ? tr("Enable rule %1").arg(rule.id) : tr("Disable rule %1").arg(rule.id));
    return true;
}

bool RulesTableModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                               const QModelIndex &destinationParent, int destinationChild)
{
    const int rows = rowCount();
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 || sourceRow + count > rows
        || destinationChild < 0 || destinationChild > rows
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    gw::RoutingConfig config = m_document->config();
    const QList<gw::Rule> moving = config.rules.mid(sourceRow, count);
    config.rules.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        config.rules.insert(insertAt + i, moving.at(i));
    m_document->apply(config, tr("Move rule %1").arg(moving.first().id));
    return true;
}

QStringList RulesTableModel::mimeTypes() const
{
    return {kRowMime};
}

QMimeData *RulesTableModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(kRowMime, QByteArray::number(indexes.first().row()));
    return mime;
}

bool RulesTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return data && action == Qt::MoveAction && data->hasFormat(kRowMime);
}

bool RulesTableModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int source = data->data(kRowMime).toInt();
    int target = row;
    if (target < 0)
        target = parent.isValid() ? parent.row() : rowCount();
    if (target == source || target == source + 1)
        return false;
    moveRows(QModelIndex(), source, 1, QModelIndex(), target);
    return false; // the move is done; the view must not remove the source row itself
}

void RulesTableModel::refreshCountdown()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Expiry), index(rowCount() - 1, Expiry), {Qt::DisplayRole});
}

} // namespace gw::app
