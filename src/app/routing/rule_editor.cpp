#include "routing/rule_editor.h"

#include "common/config_text.h"
#include "common/draft_document.h"
#include "routing/glob.h"
#include "ui_ruleeditor.h"

#include <QRegularExpression>

namespace gw::app {

enum ActionChoice { PinOpenRouter, PinVercel, Share };

RuleEditor::RuleEditor(DraftDocument *document, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::RuleEditor>()), m_document(document)
{
    ui->setupUi(this);
    ui->classCombo->addItems({tr("any"), tr("paid"), tr("free")});
    ui->actionCombo->addItems({tr("Pin to OpenRouter"), tr("Pin to Vercel"), tr("Vercel share")});
    ui->expiresEdit->setTimeSpec(Qt::UTC);
    for (QLineEdit *edit :
         {ui->idEdit, ui->modelsEdit, ui->providersEdit, ui->usersEdit, ui->featuresEdit, ui->noteEdit})
        connect(edit, &QLineEdit::textChanged, this, &RuleEditor::revalidate);
    connect(ui->classCombo, &QComboBox::currentIndexChanged, this, &RuleEditor::revalidate);
    connect(ui->actionCombo, &QComboBox::currentIndexChanged, this, &RuleEditor::revalidate);
    connect(ui->shareSpin, &QDoubleSpinBox::valueChanged, this, &RuleEditor::revalidate);
    connect(ui->expiresCheck, &QCheckBox::toggled, this, &RuleEditor::revalidate);
    connect(ui->expiresEdit, &QDateTimeEdit::dateTimeChanged, this, &RuleEditor::revalidate);
    connect(ui->applyButton, &QPushButton::clicked, this, &RuleEditor::apply);
    connect(ui->revertButton, &QPushButton::clicked, this, &RuleEditor::load);
    connect(document, &DraftDocument::changed, this, &RuleEditor::load);
    load();
}

RuleEditor::~RuleEditor() = default;

void RuleEditor::setRuleIndex(int row)
{
    m_row = row;
    load();
}

void RuleEditor::load()
{
    const QList<gw::Rule> &rules = m_document->config().rules;
    if (m_row >= rules.size())
        m_row = -1;
    setEnabled(m_row >= 0);
    const gw::Rule rule = m_row >= 0 ? rules.at(m_row) : gw::Rule();
    const QString comma = QStringLiteral(", ");
    ui->idEdit->setText(rule.id);
    ui->modelsEdit->setText(rule.match.models.join(comma));
    ui->providersEdit->setText(rule.match.providers.join(comma));
    ui->classCombo->setCurrentIndex(!rule.match.modelClass                           ? 0
                                    : *rule.match.modelClass == gw::ModelClass::Paid ? 1
                                                                                     : 2);
    ui->usersEdit->setText(rule.match.users.join(comma));
    ui->featuresEdit->setText(rule.match.features.join(comma));
    ui->actionCombo->setCurrentIndex(rule.action.vercelShare                      ? Share
                                     : rule.action.gateway == gw::Gateway::Vercel ? PinVercel
                                                                                  : PinOpenRouter);
    ui->shareSpin->setValue(rule.action.vercelShare.value_or(0));
    ui->expiresCheck->setChecked(rule.expiresAt.has_value());
    ui->expiresEdit->setDateTime(rule.expiresAt.value_or(QDateTime::currentDateTimeUtc().addSecs(4 * 3600)));
    ui->noteEdit->setText(rule.note);
    revalidate();
}

gw::Rule RuleEditor::ruleFromFields() const
{
    gw::Rule rule;
    if (m_row >= 0 && m_row < m_document->config().rules.size())
        rule = m_document->config().rules.at(m_row);
    rule.id = ui->idEdit->text().trimmed();
    rule.match.models = splitList(ui->modelsEdit->text());
    rule.match.providers = splitList(ui->providersEdit->text());
    const int cls = ui->classCombo->currentIndex();
    rule.match.modelClass = cls == 1   ? std::optional(gw::ModelClass::Paid)
                            : cls == 2 ? std::optional(gw::ModelClass::Free)
                                       : std::nullopt;
    rule.match.users = splitList(ui->usersEdit->text());
    rule.match.features = splitList(ui->featuresEdit->text());
    rule.action = {};
    switch (ui->actionCombo->currentIndex()) {
    case PinVercel: rule.action.gateway = gw::Gateway::Vercel; break;
    case Share: rule.action.vercelShare = ui->shareSpin->value(); break;
    default: rule.action.gateway = gw::Gateway::OpenRouter; break;
    }
    const std::optional<QDateTime> original = rule.expiresAt;
    rule.expiresAt = ui->expiresCheck->isChecked() ? std::optional(ui->expiresEdit->dateTime().toUTC()) : std::nullopt;
    // The editor shows minutes: an untouched expiry keeps its seconds instead of counting as an edit.
    auto minute = [](const QDateTime &t) { return t.toSecsSinceEpoch() / 60; };
    if (original && rule.expiresAt && minute(*original) == minute(*rule.expiresAt))
        rule.expiresAt = original;
    rule.note = ui->noteEdit->text();
    return rule;
}

QStringList RuleEditor::validate(const gw::Rule &rule, const gw::RoutingConfig &config, int row)
{
    QStringList problems;
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]*$"));
    if (!idPattern.match(rule.id).hasMatch())
        problems << tr("The id must start with a letter or digit and use only letters, digits, '.', '_', ':' and '-'.");
    for (int i = 0; i < config.rules.size(); ++i)
        if (i != row && config.rules.at(i).id == rule.id)
            problems << tr("Another rule already has the id %1.").arg(rule.id);
    for (const QString &pattern : rule.match.models)
        if (const QString problem = gw::globProblem(pattern); !problem.isEmpty())
            problems << tr("Model pattern \"%1\": %2").arg(pattern, problem);
    if (rule.match.isEmpty())
        problems << tr("The match is empty: name at least models, providers, a class, users or features.");
    for (const QStringList *list : {&rule.match.models, &rule.match.providers, &rule.match.users, &rule.match.features})
        if (QSet<QString>(list->cbegin(), list->cend()).size() != list->size())
            problems << tr("A list names the same entry twice.");
    if (rule.action.vercelShare) {
        const double v = *rule.action.vercelShare;
        if (v < 0 || v > 100)
            problems << tr("The share must be between 0 and 100 %.");
    }
    return problems;
}

void RuleEditor::revalidate()
{
    ui->shareSpin->setEnabled(ui->actionCombo->currentIndex() == Share);
    ui->expiresEdit->setEnabled(ui->expiresCheck->isChecked());
    m_problems = m_row >= 0 ? validate(ruleFromFields(), m_document->config(), m_row) : QStringList();
    ui->problemsLabel->setText(m_problems.join(QLatin1Char('\n')));
    const bool changed = m_row >= 0 && ruleFromFields() != m_document->config().rules.at(m_row);
    ui->applyButton->setEnabled(m_row >= 0 && m_problems.isEmpty() && changed);
    ui->revertButton->setEnabled(changed);
}

bool RuleEditor::apply()
{
    revalidate();
    if (m_row < 0 || !m_problems.isEmpty())
        return false;
    gw::RoutingConfig config = m_document->config();
    const gw::Rule rule = ruleFromFields();
    config.rules[m_row] = rule;
    m_document->apply(config, tr("Edit rule %1").arg(rule.id));
    return true;
}

} // namespace gw::app
