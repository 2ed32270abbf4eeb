#include "routing/incident_dialog.h"

#include "common/config_text.h"
#include "export/exporter.h"
#include "ui_incidentdialog.h"

#include <QPushButton>
#include <QSet>

namespace gw::app {

IncidentDialog::IncidentDialog(const gw::RoutingConfig &config, QWidget *parent, const QDateTime &now)
    : QDialog(parent)
    , ui(std::make_unique<Ui::IncidentDialog>())
    , m_config(config)
    , m_now(now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc())
{
    ui->setupUi(this);
    ui->kindCombo->addItems({tr("a model"), tr("a provider")});
    ui->targetCombo->addItems({tr("Vercel"), tr("OpenRouter")});
    // The usual incident is on the gateway most traffic uses: propose the other one.
    ui->targetCombo->setCurrentIndex(config.defaultSharePaid >= 50 ? 1 : 0);
    fillSubjects();
    connect(ui->kindCombo, &QComboBox::currentIndexChanged, this, &IncidentDialog::fillSubjects);
    connect(ui->subjectCombo, &QComboBox::currentTextChanged, this, &IncidentDialog::update);
    connect(ui->targetCombo, &QComboBox::currentIndexChanged, this, &IncidentDialog::update);
    connect(ui->hoursSpin, &QSpinBox::valueChanged, this, &IncidentDialog::update);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

IncidentDialog::~IncidentDialog() = default;

QComboBox *IncidentDialog::subjectCombo() const
{
    return ui->subjectCombo;
}

void IncidentDialog::setSubject(const QString &model)
{
    if (model.isEmpty())
        return;
    ui->kindCombo->setCurrentIndex(0);
    ui->subjectCombo->setCurrentText(model);
}

bool IncidentDialog::setSubjectFromRule(const gw::Rule &rule)
{
    for (const QString &model : rule.match.models) {
        if (!model.contains(QLatin1Char('*'))) {
            setSubject(model);
            return true;
        }
    }
    if (rule.match.providers.isEmpty())
        return false;
    ui->kindCombo->setCurrentIndex(1);
    ui->subjectCombo->setCurrentText(rule.match.providers.first());
    return true;
}

QString IncidentDialog::untilText() const
{
    return ui->untilLabel->text();
}

void IncidentDialog::fillSubjects()
{
    const QSignalBlocker blocker(ui->subjectCombo);
    ui->subjectCombo->clear();
    if (ui->kindCombo->currentIndex() == 0) {
        ui->subjectCombo->addItems(m_config.models.keys());
    } else {
        QSet<QString> providers;
        for (const gw::Rule &rule : m_config.rules)
            for (const QString &p : rule.match.providers)
                providers.insert(p);
        for (auto it = m_config.providers.cbegin(); it != m_config.providers.cend(); ++it)
            providers.insert(it.key());
        QStringList sorted(providers.cbegin(), providers.cend());
        sorted.sort();
        ui->subjectCombo->addItems(sorted);
    }
    update();
}

gw::Rule IncidentDialog::rule() const
{
    const QString subject = ui->subjectCombo->currentText().trimmed();
    gw::Rule rule;
    rule.id = incidentRuleId(m_config, subject, m_now);
    if (ui->kindCombo->currentIndex() == 0)
        rule.match.models = {subject};
    else
        rule.match.providers = {subject};
    rule.action.gateway = ui->targetCombo->currentIndex() == 0 ? gw::Gateway::Vercel : gw::Gateway::OpenRouter;
    rule.expiresAt = m_now.addSecs(qint64(ui->hoursSpin->value()) * 3600);
    rule.note = ui->noteEdit->text().trimmed();
    if (rule.note.isEmpty())
        rule.note = tr("incident");
    return rule;
}

void IncidentDialog::update()
{
    const QString subject = ui->subjectCombo->currentText().trimmed();
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!subject.isEmpty());
    const QDateTime until = m_now.addSecs(qint64(ui->hoursSpin->value()) * 3600);
    ui->untilLabel->setText(tr("until %1").arg(clockTimeText(until)));
    m_productionLosses.clear();
    if (subject.isEmpty()) {
        ui->summaryLabel->setText(tr("Choose what to move."));
        ui->productionWarning->clear();
        return;
    }
    const gw::Rule r = rule();
    ui->summaryLabel->setText(tr("Creates rule %1 at the top: %2 → %3, until %4 (%5).")
                                  .arg(r.id, matchSummary(r.match), actionSummary(r.action),
                                       clockTimeText(*r.expiresAt), expiryText(r.expiresAt, m_now)));
    // The production router reads the kilo-gateway record: say now, not at export time, when
    // the pin cannot reach it as made.
    gw::RoutingConfig withPin = m_config;
    withPin.rules.prepend(r);
    gw::ExportOptions options;
    options.allowLossy = true;
    options.now = m_now;
    const gw::ExportResult kilo = gw::exportKiloGateway(withPin, options);
    for (qsizetype i = 0; i < kilo.losses.size(); ++i)
        if (kilo.lossRules.value(i) == r.id)
            m_productionLosses << kilo.losses.at(i);
    ui->productionWarning->setText(m_productionLosses.isEmpty()
                                       ? QString()
                                       : tr("The production profile (kilo-gateway export) cannot carry this pin as "
                                            "made: %1. It takes effect only where the native config is read.")
                                             .arg(m_productionLosses.join(QStringLiteral("; "))));
    ui->productionWarning->setVisible(!m_productionLosses.isEmpty());
}

} // namespace gw::app
