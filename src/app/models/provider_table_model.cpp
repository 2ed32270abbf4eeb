#include "models/provider_table_model.h"

#include "common/draft_document.h"

namespace gw::app {

ProviderTableModel::ProviderTableModel(DraftDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &DraftDocument::changed, this, &ProviderTableModel::refresh);
    m_slugs = document->config().providers.keys();
}

void ProviderTableModel::refresh()
{
    const QStringList slugs = m_document->config().providers.keys();
    if (slugs == m_slugs) {
        if (!m_slugs.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_slugs.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_slugs = slugs;
    endResetModel();
}

int ProviderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_slugs.size());
}

int ProviderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &slug = m_slugs.at(index.row());
    const std::optional<QString> vercel = m_document->config().providers.value(slug);
    if (index.column() == OpenRouterSlug)
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(slug) : QVariant();
    if (role == Qt::EditRole)
        return vercel.value_or(QString());
    if (role == Qt::DisplayRole)
        return vercel ? *vercel : tr("none on Vercel");
    if (role == Qt::ToolTipRole)
        return tr("Leave empty when Vercel has no such provider: requests naming it stay on OpenRouter.");
    return {};
}

Qt::ItemFlags ProviderTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ProviderTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString slug = m_slugs.at(index.row());
    const QString text = value.toString().trimmed();
    gw::RoutingConfig after = m_document->config();
    if (index.column() == OpenRouterSlug) {
        if (text.isEmpty() || text == slug || after.providers.contains(text))
            return false; // an empty or duplicate slug would lose an entry
        after.providers.insert(text, after.providers.take(slug));
        m_document->apply(after, tr("Rename provider %1 to %2").arg(slug, text));
    } else {
        const std::optional<QString> vercel = text.isEmpty() ? std::nullopt : std::optional<QString>(text);
        if (after.providers.value(slug) == vercel)
            return false;
        after.providers.insert(slug, vercel);
        m_document->apply(after, tr("Map provider %1").arg(slug));
    }
    return true;
}

QVariant ProviderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    return section == OpenRouterSlug ? tr("OpenRouter slug") : tr("Vercel slug");
}

QString ProviderTableModel::addProvider(const QString &openrouterSlug)
{
    const QString slug = openrouterSlug.trimmed();
    if (slug.isEmpty())
        return tr("Type the OpenRouter provider slug first.");
    gw::RoutingConfig after = m_document->config();
    if (after.providers.contains(slug))
        return tr("%1 is already in the table.").arg(slug);
    // Same slug on both gateways until edited: the default for an unlisted slug, made explicit.
    after.providers.insert(slug, slug);
    m_document->apply(after, tr("Add provider %1").arg(slug));
    return QString();
}

void ProviderTableModel::removeProvider(int row)
{
    if (row < 0 || row >= m_slugs.size())
        return;
    gw::RoutingConfig after = m_document->config();
    after.providers.remove(m_slugs.at(row));
    m_document->apply(after, tr("Remove provider %1").arg(m_slugs.at(row)));
}

} // namespace gw::app
