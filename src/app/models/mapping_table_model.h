#pragma once
// Mapping proposals (gw::proposeMappings) as a table: OpenRouter id, proposed Vercel id, method,
// confidence, what the config says, what changed since the previous catalog sync, price and
// capability parity of both sides, evidence. Changed and unmapped rows stand out.

#include "catalog/catalog_diff.h"
#include "catalog/model_mapping.h"
#include "catalog/model_parity.h"

#include <QAbstractTableModel>

namespace gw::app {

class MappingTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        OpenRouterId,
        VercelId,
        Method,
        Confidence,
        InConfig,
        SinceSync,
        PriceOpenRouter,
        PriceVercel,
        PriceDifference,
        Context,
        Capabilities,
        Parity,
        Evidence,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, StateRole, WeakerRole, ChangedRole };

    // What moved since the previous sync on each side of a row (the Vercel side: the id in force).
    struct SyncChange {
        gw::CatalogChanges openrouter = gw::CatalogUnchanged;
        gw::CatalogChanges vercel = gw::CatalogUnchanged;
        bool any() const { return openrouter != gw::CatalogUnchanged || vercel != gw::CatalogUnchanged; }
    };

    explicit MappingTableModel(QObject *parent = nullptr);

    // `parity` is aligned with `proposals` (same length), or empty when no catalog data is known.
    // `changes` likewise (empty: no previous sync to compare with).
    void setProposals(const QList<gw::MappingProposal> &proposals, const QList<gw::ModelParity> &parity = {},
                      const QList<SyncChange> &changes = {});
    const QList<gw::MappingProposal> &proposals() const { return m_rows; }
    const gw::MappingProposal &proposal(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateText(const gw::MappingProposal &p);
    static QString changeText(const SyncChange &change);

private:
    QVariant parityData(const gw::ModelParity &p, int column, int role) const;

    QList<gw::MappingProposal> m_rows;
    QList<gw::ModelParity> m_parity;
    QList<SyncChange> m_changes;
};

} // namespace gw::app
