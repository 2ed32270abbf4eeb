#pragma once
// The config's provider slug table (OpenRouter slug -> Vercel slug, or none on Vercel) as an
// editable table. Every edit is one undoable change of the draft; the table follows the draft.

#include <QAbstractTableModel>
#include <QStringList>

namespace gw::app {

class DraftDocument;

class ProviderTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OpenRouterSlug, VercelSlug, ColumnCount };

    explicit ProviderTableModel(DraftDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Empty when the edit was applied, else why not (shown to the user).
    QString addProvider(const QString &openrouterSlug);
    void removeProvider(int row);
    QString slugAt(int row) const { return m_slugs.value(row); }

private:
    void refresh();

    DraftDocument *m_document;
    QStringList m_slugs; // sorted, as the config's map
};

} // namespace gw::app
