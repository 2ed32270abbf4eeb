#include "routing/why_inspector.h"
#include "common/number_format.h"
#include "config/per_gateway.h"

#include "common/config_text.h"
#include "ui_whyinspector.h"

namespace gw::app {

WhyInspector::WhyInspector(QWidget *parent) : QWidget(parent), ui(std::make_unique<Ui::WhyInspector>())
{
    ui->setupUi(this);
    ui->userEdit->setText(QStringLiteral("alice"));
    ui->orErrorSpin->setSpecialValueText(tr("unknown"));
    ui->vercelErrorSpin->setSpecialValueText(tr("unknown"));
    for (QLineEdit *edit : {ui->userEdit, ui->taskEdit, ui->providersEdit})
        connect(edit, &QLineEdit::textChanged, this, &WhyInspector::recompute);
    connect(ui->modelCombo, &QComboBox::currentTextChanged, this, &WhyInspector::recompute);
    for (QDoubleSpinBox *spin : {ui->orErrorSpin, ui->vercelErrorSpin})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &WhyInspector::recompute);
}

WhyInspector::~WhyInspector() = default;

void WhyInspector::setConfig(const gw::RoutingConfig &config)
{
    m_config = config;
    const QString current = ui->modelCombo->currentText();
    const QStringList models = config.models.keys();
    if (models != [this] {
            QStringList items;
            for (int i = 0; i < ui->modelCombo->count(); ++i)
                items << ui->modelCombo->itemText(i);
            return items;
        }()) {
        const QSignalBlocker blocker(ui->modelCombo);
        ui->modelCombo->clear();
        ui->modelCombo->addItems(models);
        ui->modelCombo->setCurrentText(current.isEmpty() && !models.isEmpty() ? models.first() : current);
    }
    recompute();
}

gw::RouteRequest WhyInspector::currentRequest() const
{
    gw::RouteRequest request;
    request.model = ui->modelCombo->currentText().trimmed();
    request.user = ui->userEdit->text().trimmed();
    request.task = ui->taskEdit->text().trimmed();
    request.provider.order = splitList(ui->providersEdit->text());
    if (ui->orErrorSpin->value() >= 0)
        request.openrouterErrorRate = ui->orErrorSpin->value();
    if (ui->vercelErrorSpin->value() >= 0)
        request.vercelErrorRate = ui->vercelErrorSpin->value();
    request.now = m_now;
    return request;
}

QString WhyInspector::decisionText() const
{
    return ui->decisionLabel->text();
}

QStringList WhyInspector::stepTexts() const
{
    QStringList out;
    for (int i = 0; i < ui->stepsTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = ui->stepsTree->topLevelItem(i);
        out << item->text(0) + QStringLiteral(": ") + item->text(1);
    }
    return out;
}

void WhyInspector::recompute()
{
    const gw::RouteRequest request = currentRequest();
    ui->stepsTree->clear();
    if (request.model.isEmpty()) {
        ui->decisionLabel->setText(tr("Choose a model to see where its requests go."));
        return;
    }
    const gw::Router router(m_config);
    QList<gw::DecisionStep> steps;
    const gw::Decision decision = router.decide(request, &steps);
    ui->decisionLabel->setText(tr("<b>%1</b> as <code>%2</code> (bucket %3, Vercel share %4 %), reason <code>%5</code>")
                                   .arg(gw::gatewayDisplayName(decision.gateway),
                                        decision.upstreamModel.toHtmlEscaped(),
                                        formatDecimal(decision.bucket.value(), 3), formatShare(decision.share()),
                                        decision.reasonCode().toHtmlEscaped()));
    for (const gw::DecisionStep &step : std::as_const(steps))
        new QTreeWidgetItem(ui->stepsTree, {step.step, step.detail});
    ui->stepsTree->resizeColumnToContents(0);
}

} // namespace gw::app
