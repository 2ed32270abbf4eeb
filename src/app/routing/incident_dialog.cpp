#include "routing/incident_dialog.h"

#include "common/config_text.h"
#include "ui_incidentdialog.h"

#include <QPushButton>
#include <QSet>

namespace gwapp {

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

QComboBox *IncidentDialog::subjectCombo() const { return ui->subjectCombo; }

void IncidentDialog::setSubject(const QString &model)
{
    if (model.isEmpty())
        return;
    ui->kindCombo->setCurrentIndex(0);
    ui->subjectCombo->setCurrentText(model);
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
    if (subject.isEmpty()) {
        ui->summaryLabel->setText(tr("Choose what to move."));
        return;
    }
    const gw::Rule r = rule();
    ui->summaryLabel->setText(tr("Creates rule %1 at the top: %2 → %3, %4.")
                                  .arg(r.id, matchSummary(r.match), actionSummary(r.action),
                                       expiryText(r.expiresAt, m_now)));
}

} // namespace gwapp
