#include "shell/settings_dialog.h"

#include "client_settings.h"
#include "common/key_store.h"
#include "ui_settingsdialog.h"

#include <QPushButton>
#include <QSettings>

namespace gwapp {

static const QString kOpenRouter = QStringLiteral("openrouter");
static const QString kVercel = QStringLiteral("vercel");

SettingsDialog::SettingsDialog(KeyStore *store, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_store(store)
{
    ui->setupUi(this);
    const QSettings s;
    ui->openrouterUrlEdit->setText(s.value(QStringLiteral("gateways/openrouter/baseUrl"), QStringLiteral("https://openrouter.ai/api/v1")).toString());
    ui->vercelUrlEdit->setText(s.value(QStringLiteral("gateways/vercel/baseUrl"), QStringLiteral("https://ai-gateway.vercel.sh/v1")).toString());
    ui->openrouterLocalCheck->setChecked(s.value(QStringLiteral("gateways/openrouter/local"), false).toBool());
    ui->vercelLocalCheck->setChecked(s.value(QStringLiteral("gateways/vercel/local"), false).toBool());
    ui->refererEdit->setText(s.value(QStringLiteral("attribution/referer")).toString());
    ui->titleEdit->setText(s.value(QStringLiteral("attribution/title"), QStringLiteral("Gateway Console")).toString());
    ui->orTitleEdit->setText(s.value(QStringLiteral("attribution/openrouterTitle")).toString());
    ui->orCategoriesEdit->setText(s.value(QStringLiteral("attribution/openrouterCategories")).toString());
    ui->languageCombo->addItem(tr("System language"), QString());
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    ui->languageCombo->setCurrentIndex(std::max(0, ui->languageCombo->findData(s.value(QStringLiteral("ui/language")).toString())));
    ui->restartLabel->setText(tr("A new language takes effect at the next start."));
    for (QLineEdit *key : {ui->openrouterKeyEdit, ui->vercelKeyEdit})
        key->setPlaceholderText(tr("new key; empty keeps the current one"));
    connect(ui->openrouterLocalCheck, &QCheckBox::toggled, ui->openrouterUrlEdit, &QWidget::setDisabled);
    connect(ui->vercelLocalCheck, &QCheckBox::toggled, ui->vercelUrlEdit, &QWidget::setDisabled);
    ui->openrouterUrlEdit->setDisabled(ui->openrouterLocalCheck->isChecked());
    ui->vercelUrlEdit->setDisabled(ui->vercelLocalCheck->isChecked());

    if (!m_store->isAvailable()) {
        ui->keychainLabel->setText(tr("Keychain unavailable: %1 Keys cannot be stored; the app uses the "
                                      "environment variables OPENROUTER_API_KEY and AI_GATEWAY_API_KEY.")
                                       .arg(m_store->unavailableReason()));
        ui->openrouterKeyEdit->setEnabled(false);
        ui->vercelKeyEdit->setEnabled(false);
    } else {
        ui->keychainLabel->setText(tr("Keys are kept in the system keychain."));
    }
    connect(m_store, &KeyStore::readFinished, this, &SettingsDialog::onKeyRead);
    for (const QString &account : {kOpenRouter, kVercel}) {
        onKeyRead(account, QString(), QString()); // environment state until the keychain answers
        m_store->read(account);
    }
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::keychainMessage() const { return ui->keychainLabel->text(); }

QString SettingsDialog::keyStateText(const QString &account) const
{
    return (account == kVercel ? ui->vercelKeyState : ui->openrouterKeyState)->text();
}

void SettingsDialog::onKeyRead(const QString &account, const QString &secret, const QString &error)
{
    QLabel *state = account == kVercel ? ui->vercelKeyState : ui->openrouterKeyState;
    const QString env = KeyStore::environmentKey(account);
    if (!secret.isEmpty())
        state->setText(tr("stored: %1").arg(gw::net::maskKey(secret)));
    else if (!env.isEmpty())
        state->setText(tr("from %1: %2").arg(KeyStore::environmentVariable(account), gw::net::maskKey(env)));
    else
        state->setText(tr("not set"));
    if (!error.isEmpty() && m_store->isAvailable())
        ui->keychainLabel->setText(tr("Keychain error: %1").arg(error));
}

void SettingsDialog::save()
{
    QSettings s;
    s.setValue(QStringLiteral("gateways/openrouter/baseUrl"), ui->openrouterUrlEdit->text().trimmed());
    s.setValue(QStringLiteral("gateways/vercel/baseUrl"), ui->vercelUrlEdit->text().trimmed());
    s.setValue(QStringLiteral("gateways/openrouter/local"), ui->openrouterLocalCheck->isChecked());
    s.setValue(QStringLiteral("gateways/vercel/local"), ui->vercelLocalCheck->isChecked());
    s.setValue(QStringLiteral("attribution/referer"), ui->refererEdit->text().trimmed());
    s.setValue(QStringLiteral("attribution/title"), ui->titleEdit->text().trimmed());
    s.setValue(QStringLiteral("attribution/openrouterTitle"), ui->orTitleEdit->text().trimmed());
    s.setValue(QStringLiteral("attribution/openrouterCategories"), ui->orCategoriesEdit->text().trimmed());
    s.setValue(QStringLiteral("ui/language"), ui->languageCombo->currentData().toString());
    if (m_store->isAvailable()) {
        if (const QString key = ui->openrouterKeyEdit->text().trimmed(); !key.isEmpty())
            m_store->write(kOpenRouter, key);
        if (const QString key = ui->vercelKeyEdit->text().trimmed(); !key.isEmpty())
            m_store->write(kVercel, key);
    }
    ui->openrouterKeyEdit->clear();
    ui->vercelKeyEdit->clear();
}

} // namespace gwapp
