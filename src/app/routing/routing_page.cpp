#include "routing/routing_page.h"

#include "common/draft_document.h"
#include "common/page_context.h"
#include "routing/incident_dialog.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/rule_editor.h"
#include "routing/rules_table_model.h"
#include "routing/why_inspector.h"
#include "ui_routingpage.h"

#include <QHeaderView>
#include <QItemSelectionModel>

namespace gw::app {

RoutingPage::RoutingPage(std::shared_ptr<PageContext> context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::RoutingPage>())
    , m_context(std::move(context))
    , m_document(m_context->document())
    , m_rules(new RulesTableModel(m_document, this))
{
    DraftDocument *document = m_document;
    ui->setupUi(this);
    m_editor = new RuleEditor(document, this);
    m_why = new WhyInspector(this);
    m_preview = new PreviewPanel(this);
    ui->sideTabs->addTab(m_editor, tr("Selected rule"));
    ui->sideTabs->addTab(m_why, tr("Why?"));
    ui->previewLayout->addWidget(m_preview);
    ui->rulesView->setModel(m_rules);
    ui->rulesView->horizontalHeader()->setSectionResizeMode(RulesTableModel::Match, QHeaderView::Stretch);
    ui->rulesView->setDragDropOverwriteMode(false);
    ui->rulesView->setDropIndicatorShown(true);
    ui->rulesSplitter->setStretchFactor(0, 3);
    ui->rulesSplitter->setStretchFactor(1, 2);
    ui->mainSplitter->setStretchFactor(0, 1); // the preview's impact table gets as much room as the rules
    ui->mainSplitter->setStretchFactor(1, 1);

    connect(ui->paidSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { setShare(gw::ModelClass::Paid, v); });
    connect(ui->freeSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { setShare(gw::ModelClass::Free, v); });
    connect(ui->paidSlider, &QSlider::valueChanged, this,
            [this](int milli) { setShare(gw::ModelClass::Paid, gw::milliToShare(milli)); });
    connect(ui->freeSlider, &QSlider::valueChanged, this,
            [this](int milli) { setShare(gw::ModelClass::Free, gw::milliToShare(milli)); });
    connect(ui->openrouterCheck, &QCheckBox::toggled, this,
            [this](bool on) { setGateways(on, m_document->config().vercelEnabled); });
    connect(ui->vercelCheck, &QCheckBox::toggled, this,
            [this](bool on) { setGateways(m_document->config().openrouterEnabled, on); });
    connect(ui->allVercelButton, &QPushButton::clicked, this, [this] { setGateways(false, true); });
    connect(ui->allOpenRouterButton, &QPushButton::clicked, this, [this] { setGateways(true, false); });
    connect(ui->addButton, &QPushButton::clicked, this, &RoutingPage::addRule);
    connect(ui->duplicateButton, &QPushButton::clicked, this, &RoutingPage::duplicateRule);
    connect(ui->removeButton, &QPushButton::clicked, this, &RoutingPage::removeRule);
    connect(ui->upButton, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(ui->downButton, &QPushButton::clicked, this, [this] { moveRule(+1); });
    connect(ui->incidentButton, &QPushButton::clicked, this, &RoutingPage::openIncidentDialog);
    connect(ui->rulesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_inReset) // a reset clears the selection; keep editing the same row
                    m_editor->setRuleIndex(current.isValid() ? current.row() : -1);
            });
    connect(m_rules, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_inReset = true; });
    connect(m_rules, &QAbstractItemModel::modelReset, this, [this] {
        m_inReset = false;
        selectRow(m_editor->ruleIndex() < m_rules->rowCount() ? m_editor->ruleIndex() : -1);
    });
    connect(document, &DraftDocument::changed, this, &RoutingPage::syncFromDocument);
    connect(m_context.get(), &PageContext::historyChanged, this,
            [this] { m_preview->controller()->setHistory(m_context->history()); });
    syncFromDocument();
}

RoutingPage::~RoutingPage() = default;

int RoutingPage::selectedRow() const
{
    const QModelIndex current = ui->rulesView->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RoutingPage::selectRow(int row)
{
    if (row < 0 || row >= m_rules->rowCount()) {
        ui->rulesView->clearSelection();
        m_editor->setRuleIndex(-1);
        return;
    }
    ui->rulesView->selectionModel()->setCurrentIndex(m_rules->index(row, RulesTableModel::Id),
                                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_editor->setRuleIndex(row);
}

void RoutingPage::addSideTab(QWidget *panel, const QString &title)
{
    ui->sideTabs->addTab(panel, title);
}

void RoutingPage::syncFromDocument()
{
    const gw::RoutingConfig &config = m_document->config();
    const QSignalBlocker b1(ui->paidSpin), b2(ui->freeSpin), b3(ui->paidSlider), b4(ui->freeSlider),
        b5(ui->openrouterCheck), b6(ui->vercelCheck);
    if (gw::shareToMilli(ui->paidSpin->value()) != gw::shareToMilli(config.defaultSharePaid))
        ui->paidSpin->setValue(config.defaultSharePaid);
    if (gw::shareToMilli(ui->freeSpin->value()) != gw::shareToMilli(config.defaultShareFree))
        ui->freeSpin->setValue(config.defaultShareFree);
    ui->paidSlider->setValue(gw::shareToMilli(config.defaultSharePaid));
    ui->freeSlider->setValue(gw::shareToMilli(config.defaultShareFree));
    ui->openrouterCheck->setChecked(config.openrouterEnabled);
    ui->vercelCheck->setChecked(config.vercelEnabled);
    ui->allVercelButton->setEnabled(config.openrouterEnabled);
    ui->allOpenRouterButton->setEnabled(config.vercelEnabled);
    m_why->setConfig(config);
    m_preview->request(config);
}

void RoutingPage::setShare(gw::ModelClass cls, double percent)
{
    gw::RoutingConfig config = m_document->config();
    const bool paid = cls == gw::ModelClass::Paid;
    (paid ? config.defaultSharePaid : config.defaultShareFree) = gw::milliToShare(gw::shareToMilli(percent));
    m_document->apply(config, paid ? tr("Set default paid share") : tr("Set default free share"),
                      paid ? QStringLiteral("share-paid") : QStringLiteral("share-free"));
    syncFromDocument(); // keeps slider and spin box together even when nothing changed
}

void RoutingPage::setGateways(bool openrouter, bool vercel)
{
    if (!openrouter && !vercel) {
        ui->gatewayMessage->setText(tr("At least one gateway must stay enabled."));
        syncFromDocument();
        return;
    }
    ui->gatewayMessage->clear();
    gw::RoutingConfig config = m_document->config();
    config.openrouterEnabled = openrouter;
    config.vercelEnabled = vercel;
    m_document->apply(config, !openrouter ? tr("All traffic to Vercel")
                              : !vercel   ? tr("All traffic to OpenRouter")
                                          : tr("Both gateways enabled"));
}

void RoutingPage::addRule()
{
    gw::RoutingConfig config = m_document->config();
    gw::Rule rule;
    int n = 1;
    auto taken = [&](const QString &id) {
        return std::any_of(config.rules.cbegin(), config.rules.cend(), [&](const gw::Rule &r) { return r.id == id; });
    };
    do
        rule.id = QStringLiteral("rule-%1").arg(n++);
    while (taken(rule.id));
    rule.match.models = {QStringLiteral("vendor/model-*")};
    rule.action.gateway = gw::Gateway::OpenRouter;
    const int row = std::max(0, selectedRow() + 1);
    config.rules.insert(row, rule);
    m_document->apply(config, tr("Add rule %1").arg(rule.id));
    selectRow(row);
}

void RoutingPage::duplicateRule()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    gw::RoutingConfig config = m_document->config();
    gw::Rule copy = config.rules.at(row);
    const QString base = copy.id + QStringLiteral("-copy");
    copy.id = base;
    for (int n = 2;
         std::any_of(config.rules.cbegin(), config.rules.cend(), [&](const gw::Rule &r) { return r.id == copy.id; });
         ++n)
        copy.id = base + QString::number(n);
    config.rules.insert(row + 1, copy);
    m_document->apply(config, tr("Duplicate rule %1").arg(config.rules.at(row).id));
    selectRow(row + 1);
}

void RoutingPage::removeRule()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    gw::RoutingConfig config = m_document->config();
    const QString id = config.rules.takeAt(row).id;
    m_document->apply(config, tr("Remove rule %1").arg(id));
    selectRow(std::min(row, int(config.rules.size()) - 1));
}

void RoutingPage::moveRule(int delta)
{
    const int row = selectedRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_rules->rowCount())
        return;
    m_rules->moveRows(QModelIndex(), row, 1, QModelIndex(), delta > 0 ? target + 1 : target);
    selectRow(target);
}

void RoutingPage::openIncidentDialog()
{
    IncidentDialog dialog(m_document->config(), this);
    const int row = selectedRow();
    if (row < 0 || row >= m_document->config().rules.size()
        || !dialog.setSubjectFromRule(m_document->config().rules.at(row)))
        dialog.setSubject(m_why->currentRequest().model);
    if (dialog.exec() != QDialog::Accepted)
        return;
    gw::RoutingConfig config = m_document->config();
    const gw::Rule rule = dialog.rule();
    config.rules.prepend(rule);
    m_document->apply(config, tr("Incident rule %1").arg(rule.id));
    selectRow(0);
}

} // namespace gw::app
