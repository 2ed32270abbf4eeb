#pragma once
// The Models page: mapping proposals from the workspace's catalog snapshots (computed off the GUI
// thread), filtered, and confirmed into the draft's model table as undoable edits.

#include "model_mapping.h"
#include "model_parity.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui { class ModelsPage; }
class QSortFilterProxyModel;

namespace gwapp {

class DraftDocument;
class MappingTableModel;
class ProviderSlugsPanel;

struct MappingLoad {
    QList<gw::MappingProposal> proposals;
    QList<gw::ModelParity> parity; // aligned with proposals
    QString source; // catalog file names
    QString error;
};

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(DraftDocument *document, QWidget *parent = nullptr);
    ~ModelsPage() override;

    void setWorkspaceDir(const QString &dir);
    MappingTableModel *mappingModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    ProviderSlugsPanel *providerSlugs() const { return m_providers; }
    void selectModel(const QString &openrouterId);
    QString statusText() const;

    static MappingLoad load(const QString &workspaceDir, const gw::RoutingConfig &config);

public Q_SLOTS:
    void confirmSelected();
    void markSelectedNotOnVercel();

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
    QString m_dir;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace gwapp
