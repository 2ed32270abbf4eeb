#include "models/provider_slugs_panel.h"

#include "models/provider_table_model.h"
#include "ui_providerslugspanel.h"

#include <QHeaderView>

namespace gw::app {

ProviderSlugsPanel::ProviderSlugsPanel(DraftDocument *document, QWidget *parent)
    : QGroupBox(parent), ui(std::make_unique<Ui::ProviderSlugsPanel>()), m_model(new ProviderTableModel(document, this))
{
    ui->setupUi(this);
    ui->providerView->setModel(m_model);
    ui->providerView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    ui->providerView->verticalHeader()->hide();
    const auto add = [this] {
        const QString problem = m_model->addProvider(ui->newSlugEdit->text());
        ui->messageLabel->setText(problem);
        if (problem.isEmpty())
            ui->newSlugEdit->clear();
    };
    connect(ui->addButton, &QPushButton::clicked, this, add);
    connect(ui->newSlugEdit, &QLineEdit::returnPressed, this, add);
    connect(ui->removeButton, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = ui->providerView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_model->removeProvider(rows.first().row());
    });
}

ProviderSlugsPanel::~ProviderSlugsPanel() = default;

} // namespace gw::app
