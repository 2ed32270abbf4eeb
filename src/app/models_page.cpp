#include "models_page.h"

#include "provider_slugs_panel.h"

#include "draft_document.h"
#include "mapping_table_model.h"
#include "ui_modelspage.h"

#include <QDir>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QtConcurrent/QtConcurrentRun>

namespace gwapp {

namespace {
// Text filter on the OpenRouter id, and optionally only models the config has no entry for.
class MappingFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool unconfirmedOnly = false;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, MappingTableModel::OpenRouterId, parent);
        if (unconfirmedOnly && index.data(MappingTableModel::StateRole).toInt() != int(gw::ConfigMappingState::Unconfirmed))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

QString newestCatalog(const QString &dir, const QString &prefix)
{
    const QStringList files = QDir(dir + QStringLiteral("/catalogs")).entryList({prefix + QStringLiteral("-models-*.json")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : dir + QStringLiteral("/catalogs/") + files.last();
}
} // namespace

ModelsPage::ModelsPage(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ModelsPage>())
    , m_document(document)
    , m_model(new MappingTableModel(this))
    , m_proxy(new MappingFilter(this))
{
    ui->setupUi(this);
    // The provider slug table belongs with the model mapping: both say what Vercel calls things.
    m_providers = new ProviderSlugsPanel(document, this);
    layout()->addWidget(m_providers);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MappingTableModel::SortRole);
    m_proxy->setFilterKeyColumn(MappingTableModel::OpenRouterId);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    ui->mappingView->setModel(m_proxy);
    ui->mappingView->horizontalHeader()->setSectionResizeMode(MappingTableModel::Evidence, QHeaderView::Stretch);
    ui->mappingView->sortByColumn(MappingTableModel::OpenRouterId, Qt::AscendingOrder);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &ModelsPage::reload);
    connect(document, &DraftDocument::changed, &m_debounce, qOverload<>(&QTimer::start));
    connect(ui->filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->unconfirmedCheck, &QCheckBox::toggled, this, [this](bool on) {
        auto *filter = static_cast<MappingFilter *>(m_proxy);
        filter->unconfirmedOnly = on;
        filter->refilter();
    });
    connect(ui->confirmButton, &QPushButton::clicked, this, &ModelsPage::confirmSelected);
    connect(ui->notOnVercelButton, &QPushButton::clicked, this, &ModelsPage::markSelectedNotOnVercel);
    ui->statusLabel->setText(tr("No workspace."));
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::setWorkspaceDir(const QString &dir)
{
    m_dir = dir;
    reload();
}

QString ModelsPage::statusText() const { return ui->statusLabel->text(); }

MappingLoad ModelsPage::load(const QString &dir, const gw::RoutingConfig &config)
{
    MappingLoad out;
    const QString orPath = newestCatalog(dir, QStringLiteral("openrouter"));
    const QString vercelPath = newestCatalog(dir, QStringLiteral("vercel"));
    if (orPath.isEmpty() || vercelPath.isEmpty()) {
        out.error = tr("The workspace has no catalog snapshots (catalogs/openrouter-models-*.json, catalogs/vercel-models-*.json).");
        return out;
    }
    const gw::CatalogParseResult openrouter = gw::parseCatalogFile(gw::Gateway::OpenRouter, orPath);
    const gw::CatalogParseResult vercel = gw::parseCatalogFile(gw::Gateway::Vercel, vercelPath);
    if (!openrouter.ok() || !vercel.ok()) {
        out.error = gw::joinDiagnostics(openrouter.problems + vercel.problems);
        return out;
    }
    out.proposals = gw::proposeMappings(openrouter.catalog, vercel.catalog, &config);
    // Parity of what will route: the config's Vercel id where it has one, else the proposal.
    out.parity.reserve(out.proposals.size());
    for (const gw::MappingProposal &p : std::as_const(out.proposals)) {
        const bool decided = p.configState == gw::ConfigMappingState::Confirmed
            || p.configState == gw::ConfigMappingState::Overridden || p.configState == gw::ConfigMappingState::NotOnVercel;
        const std::optional<QString> vercelId = decided ? p.configVercelId : p.vercelId;
        out.parity.append(gw::compareParity(*openrouter.catalog.find(p.openrouterId),
                                            vercelId ? vercel.catalog.find(*vercelId) : nullptr));
    }
    out.source = QDir(dir).relativeFilePath(orPath) + QStringLiteral(", ") + QDir(dir).relativeFilePath(vercelPath);
    return out;
}

void ModelsPage::reload()
{
    if (m_dir.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<MappingLoad>(this);
    connect(watcher, &QFutureWatcher<MappingLoad>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer draft is being compared
        const MappingLoad result = watcher->result();
        if (!result.error.isEmpty()) {
            ui->statusLabel->setText(result.error);
            return;
        }
        qsizetype inConfig = 0;
        for (const gw::MappingProposal &p : result.proposals)
            inConfig += p.configState != gw::ConfigMappingState::Unconfirmed;
        ui->statusLabel->setText(tr("%1 OpenRouter models from %2; %3 in the config's model table.")
                                     .arg(result.proposals.size()).arg(result.source).arg(inConfig));
        const bool first = m_model->rowCount() == 0;
        m_model->setProposals(result.proposals, result.parity);
        if (first)
            for (int column : {MappingTableModel::OpenRouterId, MappingTableModel::VercelId, MappingTableModel::Method,
                               MappingTableModel::PriceOpenRouter, MappingTableModel::PriceVercel,
                               MappingTableModel::PriceDifference, MappingTableModel::Context, MappingTableModel::Parity})
                ui->mappingView->resizeColumnToContents(column);
        Q_EMIT proposalsReady();
    });
    watcher->setFuture(QtConcurrent::run([dir = m_dir, config = m_document->config()] { return load(dir, config); }));
}

QList<int> ModelsPage::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = ui->mappingView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << m_proxy->mapToSource(index).row();
    return rows;
}

void ModelsPage::selectModel(const QString &openrouterId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, MappingTableModel::OpenRouterId);
        if (index.data().toString() == openrouterId) {
            ui->mappingView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            ui->mappingView->scrollTo(index);
            return;
        }
    }
}

void ModelsPage::setMapping(const std::optional<QString> &vercelId, const QString &text)
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    gw::RoutingConfig config = m_document->config();
    QStringList ids;
    for (int row : rows) {
        const gw::MappingProposal &p = m_model->proposal(row);
        gw::ModelEntry entry = config.models.value(p.openrouterId);
        if (!config.models.contains(p.openrouterId))
            entry.free = p.openrouterId.endsWith(QStringLiteral(":free"));
        entry.vercel = vercelId ? p.vercelId : std::nullopt;
        if (!entry.vercel)
            entry.vercelProviders.reset(); // providers of a model that is not on Vercel only warn
        config.models.insert(p.openrouterId, entry);
        ids << p.openrouterId;
    }
    m_document->apply(config, text.arg(ids.join(QStringLiteral(", "))));
}

void ModelsPage::confirmSelected()
{
    setMapping(QString(), tr("Confirm mapping of %1"));
}

void ModelsPage::markSelectedNotOnVercel()
{
    setMapping(std::nullopt, tr("Mark %1 as not on Vercel"));
}

} // namespace gwapp
