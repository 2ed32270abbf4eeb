#pragma once
// The Models page: mapping proposals from the workspace's catalog snapshots (computed off the GUI
// thread), filtered, and confirmed into the draft's model table as undoable edits.

#include "catalog/catalog_diff.h"
#include "catalog/model_mapping.h"
#include "catalog/model_parity.h"
#include "common/latest_job.h"
#include "models/mapping_table_model.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class ModelsPage;
}
class QSortFilterProxyModel;

namespace gw::app {

class CatalogSync;
class DraftDocument;
class GatewayConnections;
class PageContext;
class ProviderSlugsPanel;

struct MappingLoad {
    QList<gw::MappingProposal> proposals;
    QList<gw::ModelParity> parity;                // aligned with proposals
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
    // "Sync catalogs" fetches through the context's connections (null: the button says why) into
    // its workspace.
    explicit ModelsPage(std::shared_ptr<PageContext> context, QWidget *parent = nullptr);
    ~ModelsPage() override;
    CatalogSync *catalogSync() const { return m_sync; }
    MappingTableModel *mappingModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    ProviderSlugsPanel *providerSlugs() const { return m_providers; }
    void selectModel(const QString &openrouterId);
    QString statusText() const;
    // "Confirmed a -> b" after Confirm or Not on Vercel, shown with an Undo button; empty when hidden.
    QString confirmationText() const;

    static MappingLoad load(const QString &workspaceDir, const gw::RoutingConfig &config);

public Q_SLOTS:
    void confirmSelected();
    void markSelectedNotOnVercel();
    void syncCatalogs();
    // Undoes the last Confirm / Not on Vercel if it is still the document's latest edit.
    void undoLastMapping();

Q_SIGNALS:
    void proposalsReady();

private:
    void onWorkspaceChanged();
    void reload();
    void setMapping(const std::optional<QString> &vercelId, const QString &text);
    QList<int> selectedRows() const;

    std::unique_ptr<Ui::ModelsPage> ui;
    std::shared_ptr<PageContext> m_context;
    DraftDocument *m_document;
    MappingTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ProviderSlugsPanel *m_providers = nullptr;
    GatewayConnections *m_connections;
    CatalogSync *m_sync;
    QString m_syncMessage;
    QString m_dir;
    int m_undoIndex = -1; // the undo stack's index right after our last mapping edit
    QTimer m_debounce;
    LatestJob<MappingLoad> m_load{this}; // a newer draft is being compared: older answers are dropped
};

} // namespace gw::app
