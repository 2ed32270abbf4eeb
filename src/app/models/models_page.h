#pragma once
// The Models page: mapping proposals from the workspace's catalog snapshots (computed off the GUI
// thread), filtered, and confirmed into the draft's model table as undoable edits.

#include "catalog/catalog_diff.h"
#include "models/mapping_table_model.h"
#include "catalog/model_mapping.h"
#include "catalog/model_parity.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui { class ModelsPage; }
class QSortFilterProxyModel;

namespace gwapp {

class CatalogSync;
class DraftDocument;
class GatewayConnections;
class ProviderSlugsPanel;

struct MappingLoad {
    QList<gw::MappingProposal> proposals;
    QList<gw::ModelParity> parity; // aligned with proposals
    QList<MappingTableModel::SyncChange> changes; // aligned with proposals; empty: nothing to compare
    gw::CatalogDiff openrouterDiff;
    gw::CatalogDiff vercelDiff;
    QString source;         // catalog file names
    QString previousSource; // the snapshots compared against; empty on the first sync
    QString error;
};

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(DraftDocument *document, QWidget *parent = nullptr);
    ~ModelsPage() override;

    void setWorkspaceDir(const QString &dir);
    // Where "Sync catalogs" fetches from; borrowed, may be null (the button then says why).
    void setConnections(GatewayConnections *connections) { m_connections = connections; }
    CatalogSync *catalogSync() const { return m_sync; }
    MappingTableModel *mappingModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    ProviderSlugsPanel *providerSlugs() const { return m_providers; }
    void selectModel(const QString &openrouterId);
    QString statusText() const;

    static MappingLoad load(const QString &workspaceDir, const gw::RoutingConfig &config);

public Q_SLOTS:
    void confirmSelected();
    void markSelectedNotOnVercel();
    void syncCatalogs();

Q_SIGNALS:
    void proposalsReady();

private:
    void reload();
    void setMapping(const std::optional<QString> &vercelId, const QString &text);
    QList<int> selectedRows() const;

    std::unique_ptr<Ui::ModelsPage> ui;
    DraftDocument *m_document;
    MappingTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ProviderSlugsPanel *m_providers = nullptr;
    GatewayConnections *m_connections = nullptr;
    CatalogSync *m_sync;
    QString m_syncMessage;
    QString m_dir;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace gwapp
