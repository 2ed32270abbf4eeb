#include "models/models_page.h"

#include "common/gateway_connections.h"
#include "common/number_format.h"
#include "common/page_context.h"
#include "models/catalog_sync.h"
#include "models/provider_slugs_panel.h"

#include "common/draft_document.h"
#include "models/mapping_table_model.h"
#include "ui_modelspage.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

namespace {
// Text filter on the OpenRouter id, plus the chips: Confirmed and Proposed select by the config's
// state (either one, both: all), Weaker on Vercel and Changed since sync narrow further.
class MappingFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool confirmedOnly = false;
    bool proposedOnly = false;
    bool weakerOnly = false;
    bool changedOnly = false;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, MappingTableModel::OpenRouterId, parent);
        const bool inConfig =
            index.data(MappingTableModel::StateRole).toInt() != int(gw::ConfigMappingState::Unconfirmed);
        if (confirmedOnly != proposedOnly && inConfig != confirmedOnly)
            return false;
        if (weakerOnly && !index.data(MappingTableModel::WeakerRole).toBool())
            return false;
        if (changedOnly && !index.data(MappingTableModel::ChangedRole).toBool())
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

QString changeSummary(const QString &gateway, const gw::CatalogDiff &diff)
{
    return ModelsPage::tr("%1 %2 new, %3 removed, %4 with new prices")
        .arg(gateway)
        .arg(diff.added)
        .arg(diff.removed)
        .arg(diff.priceChanged);
}
} // namespace

ModelsPage::ModelsPage(std::shared_ptr<PageContext> context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ModelsPage>())
    , m_context(std::move(context))
    , m_document(m_context->document())
    , m_model(new MappingTableModel(this))
    , m_proxy(new MappingFilter(this))
    , m_connections(m_context->connections())
{
    DraftDocument *document = m_document;
    ui->setupUi(this);
    // The provider slug table belongs with the model mapping: both say what Vercel calls things.
    // Mappings get the room; the slugs keep a smaller pane the user can drag open.
    m_providers = new ProviderSlugsPanel(document, this);
    ui->modelsSplitter->addWidget(m_providers);
    ui->modelsSplitter->setStretchFactor(0, 4);
    ui->modelsSplitter->setStretchFactor(1, 1);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MappingTableModel::SortRole);
    m_proxy->setFilterKeyColumn(MappingTableModel::OpenRouterId);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    ui->mappingView->setModel(m_proxy);
    ui->mappingView->horizontalHeader()->setSectionResizeMode(MappingTableModel::Evidence, QHeaderView::Stretch);
    ui->mappingView->sortByColumn(MappingTableModel::OpenRouterId, Qt::AscendingOrder);
    // The id is the row header (frozen while scrolling horizontally), not a column that scrolls away.
    ui->mappingView->setColumnHidden(MappingTableModel::OpenRouterId, true);
    ui->mappingView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    ui->mappingView->horizontalHeader()->setResizeContentsPrecision(100); // sizing to 343 rows stalls the GUI
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &ModelsPage::reload);
    connect(document, &DraftDocument::changed, this, [this] {
        m_load.cancel(); // a load still running compares an older draft: its answer is dropped
        m_debounce.start();
    });
    connect(ui->filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    const auto chip = [this](QAbstractButton *button, bool MappingFilter::*flag) {
        connect(button, &QAbstractButton::toggled, this, [this, flag](bool on) {
            auto *filter = static_cast<MappingFilter *>(m_proxy);
            filter->*flag = on;
            filter->refilter();
        });
    };
    chip(ui->confirmedChip, &MappingFilter::confirmedOnly);
    chip(ui->proposedChip, &MappingFilter::proposedOnly);
    chip(ui->weakerChip, &MappingFilter::weakerOnly);
    chip(ui->changedChip, &MappingFilter::changedOnly);
    connect(ui->undoConfirmButton, &QPushButton::clicked, this, &ModelsPage::undoLastMapping);
    // Undone or built upon elsewhere (Ctrl+Z, another page): the confirmation no longer describes the draft.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        if (index != m_undoIndex)
            ui->confirmBar->setVisible(false);
    });
    m_sync = new CatalogSync(this);
    connect(ui->syncButton, &QPushButton::clicked, this, &ModelsPage::syncCatalogs);
    connect(m_sync, &CatalogSync::progress, this, [this](int done, int total) {
        ui->syncProgress->setMaximum(total);
        ui->syncProgress->setValue(done);
    });
    connect(m_sync, &CatalogSync::finished, this, [this](const QStringList &written, const QStringList &errors) {
        ui->syncProgress->setVisible(false);
        ui->syncButton->setEnabled(true);
        QStringList lines;
        if (!written.isEmpty())
            lines << tr("Synced: %1.").arg(written.join(QStringLiteral(", ")));
        lines << errors;
        m_syncMessage = lines.join(QLatin1Char(' '));
        if (!written.isEmpty())
            reload();
        else
            ui->statusLabel->setText(m_syncMessage);
    });
    connect(ui->confirmButton, &QPushButton::clicked, this, &ModelsPage::confirmSelected);
    connect(ui->notOnVercelButton, &QPushButton::clicked, this, &ModelsPage::markSelectedNotOnVercel);
    ui->statusLabel->setText(tr("No workspace."));
    connect(m_context.get(), &PageContext::workspaceChanged, this, &ModelsPage::onWorkspaceChanged);
    if (m_context->workspace().isValid())
        onWorkspaceChanged();
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::onWorkspaceChanged()
{
    m_dir = m_context->workspace().dir();
    reload();
}

QString ModelsPage::statusText() const
{
    return ui->statusLabel->text();
}

MappingLoad ModelsPage::load(const QString &dir, const gw::RoutingConfig &config)
{
    MappingLoad out;
    const QStringList orSnapshots = gw::Workspace(dir).catalogSnapshots(gw::Gateway::OpenRouter);
    const QStringList vercelSnapshots = gw::Workspace(dir).catalogSnapshots(gw::Gateway::Vercel);
    if (orSnapshots.isEmpty() || vercelSnapshots.isEmpty()) {
        out.error = tr("The workspace has no catalog snapshots (catalogs/openrouter-models-*.json, "
                       "catalogs/vercel-models-*.json).");
        return out;
    }
    const QString &orPath = orSnapshots.last();
    const QString &vercelPath = vercelSnapshots.last();
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
                             || p.configState == gw::ConfigMappingState::Overridden
                             || p.configState == gw::ConfigMappingState::NotOnVercel;
        const std::optional<QString> vercelId = decided ? p.configVercelId : p.vercelId;
        out.parity.append(gw::compareParity(*openrouter.catalog.find(p.openrouterId),
                                            vercelId ? vercel.catalog.find(*vercelId) : nullptr));
    }
    // Changed since the last sync: the newest snapshot of each gateway against the one before.
    QStringList previous;
    if (orSnapshots.size() > 1) {
        const gw::CatalogParseResult before =
            gw::parseCatalogFile(gw::Gateway::OpenRouter, orSnapshots.at(orSnapshots.size() - 2));
        if (before.ok()) {
            out.openrouterDiff = gw::diffCatalogs(before.catalog, openrouter.catalog);
            previous << QDir(dir).relativeFilePath(orSnapshots.at(orSnapshots.size() - 2));
        }
    }
    if (vercelSnapshots.size() > 1) {
        const gw::CatalogParseResult before =
            gw::parseCatalogFile(gw::Gateway::Vercel, vercelSnapshots.at(vercelSnapshots.size() - 2));
        if (before.ok()) {
            out.vercelDiff = gw::diffCatalogs(before.catalog, vercel.catalog);
            previous << QDir(dir).relativeFilePath(vercelSnapshots.at(vercelSnapshots.size() - 2));
        }
    }
    out.previousSource = previous.join(QStringLiteral(", "));
    if (!previous.isEmpty()) {
        out.changes.reserve(out.proposals.size());
        for (qsizetype i = 0; i < out.proposals.size(); ++i) {
            const gw::MappingProposal &p = out.proposals.at(i);
            const bool decided = p.configState != gw::ConfigMappingState::Unconfirmed;
            const std::optional<QString> vercelId = decided ? p.configVercelId : p.vercelId;
            out.changes.append({out.openrouterDiff.changesOf(p.openrouterId),
                                vercelId ? out.vercelDiff.changesOf(*vercelId) : gw::CatalogUnchanged});
        }
    }
    out.source = QDir(dir).relativeFilePath(orPath) + QStringLiteral(", ") + QDir(dir).relativeFilePath(vercelPath);
    return out;
}

void ModelsPage::reload()
{
    if (m_dir.isEmpty())
        return;
    const QFuture<MappingLoad> future =
        QtConcurrent::run([dir = m_dir, config = m_document->config()] { return load(dir, config); });
    m_load.run(future, [this](const MappingLoad &result) {
        if (!result.error.isEmpty()) {
            ui->statusLabel->setText(result.error);
            return;
        }
        qsizetype inConfig = 0;
        for (const gw::MappingProposal &p : result.proposals)
            inConfig += p.configState != gw::ConfigMappingState::Unconfirmed;
        QString status = tr("%1 OpenRouter models from %2; %3 in the config's model table.")
                             .arg(formatCount(result.proposals.size()), result.source, formatCount(inConfig));
        if (!result.previousSource.isEmpty())
            status +=
                QLatin1Char(' ')
                + tr("Since the previous sync (%1): %2; %3.")
                      .arg(result.previousSource, changeSummary(QStringLiteral("OpenRouter"), result.openrouterDiff),
                           changeSummary(QStringLiteral("Vercel"), result.vercelDiff));
        if (!m_syncMessage.isEmpty())
            status = m_syncMessage + QLatin1Char(' ') + status;
        m_syncMessage.clear();
        ui->statusLabel->setText(status);
        const bool first = m_model->rowCount() == 0;
        m_model->setProposals(result.proposals, result.parity, result.changes);
        if (first)
            for (int column :
                 {MappingTableModel::OpenRouterId, MappingTableModel::VercelId, MappingTableModel::Method,
                  MappingTableModel::SinceSync, MappingTableModel::PriceOpenRouter, MappingTableModel::PriceVercel,
                  MappingTableModel::PriceDifference, MappingTableModel::Context, MappingTableModel::Parity})
                ui->mappingView->resizeColumnToContents(column);
        Q_EMIT proposalsReady();
    });
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
            ui->mappingView->selectionModel()->select(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            ui->mappingView->scrollTo(m_proxy->index(row, MappingTableModel::VercelId));
            return;
        }
    }
}

void ModelsPage::setMapping(const std::optional<QString> &vercelId, const QString &text)
{
    ui->confirmBar->setVisible(false);
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    gw::RoutingConfig config = m_document->config();
    QStringList ids, lines;
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
        lines << (vercelId ? tr("%1 -> %2").arg(p.openrouterId, p.vercelId.value_or(QStringLiteral("–")))
                           : tr("%1 not on Vercel").arg(p.openrouterId));
    }
    const QString confirmation = vercelId ? tr("Confirmed %1.").arg(lines.join(QStringLiteral(", ")))
                                          : tr("Marked %1.").arg(lines.join(QStringLiteral(", ")));
    m_document->apply(config, text.arg(ids.join(QStringLiteral(", "))));
    m_undoIndex = m_document->undoStack()->index();
    ui->confirmLabel->setText(confirmation);
    ui->confirmBar->setVisible(true);
}

void ModelsPage::undoLastMapping()
{
    QUndoStack *stack = m_document->undoStack();
    // Only our own edit is undone: anything done since (on any page) would be undone instead.
    if (stack->index() == m_undoIndex && stack->canUndo())
        stack->undo();
    ui->confirmBar->setVisible(false);
}

QString ModelsPage::confirmationText() const
{
    return ui->confirmBar->isVisibleTo(this) ? ui->confirmLabel->text() : QString();
}

void ModelsPage::syncCatalogs()
{
    if (m_dir.isEmpty() || m_sync->isRunning())
        return;
    if (!m_connections) {
        ui->statusLabel->setText(tr("No gateway connections: open the settings."));
        return;
    }
    ui->syncButton->setEnabled(false);
    ui->syncProgress->setVisible(true);
    m_sync->start(m_connections->client(gw::Gateway::OpenRouter), m_connections->client(gw::Gateway::Vercel), m_dir);
}

void ModelsPage::confirmSelected()
{
    setMapping(QString(), tr("Confirm mapping of %1"));
}

void ModelsPage::markSelectedNotOnVercel()
{
    setMapping(std::nullopt, tr("Mark %1 as not on Vercel"));
}

} // namespace gw::app
