#include "shell/settings_dialog.h"

#include "client_settings.h"
#include "common/key_store.h"
#include "production/production_settings.h"
#include "ui_settingsdialog.h"

#include <QPushButton>
#include <QSettings>

namespace gw::app {

static const QString kOpenRouter = QStringLiteral("openrouter");
static const QString kVercel = QStringLiteral("vercel");

SettingsDialog::SettingsDialog(KeyStore *store, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::SettingsDialog>()), m_store(store)
{
    ui->setupUi(this);
    const QSettings s;
    ui->openrouterUrlEdit->setText(
        s.value(QStringLiteral("gateways/openrouter/baseUrl"), QStringLiteral("https://openrouter.ai/api/v1"))
            .toString());
    ui->vercelUrlEdit->setText(
        s.value(QStringLiteral("gateways/vercel/baseUrl"), QStringLiteral("https://ai-gateway.vercel.sh/v1"))
            .toString());
    ui->openrouterLocalCheck->setChecked(s.value(QStringLiteral("gateways/openrouter/local"), false).toBool());
    ui->vercelLocalCheck->setChecked(s.value(QStringLiteral("gateways/vercel/local"), false).toBool());
    ui->refererEdit->setText(s.value(QStringLiteral("attribution/referer")).toString());
    ui->titleEdit->setText(s.value(QStringLiteral("attribution/title"), QStringLiteral("Gateway Console")).toString());
    ui->orTitleEdit->setText(s.value(QStringLiteral("attribution/openrouterTitle")).toString());
    ui->orCategoriesEdit->setText(s.value(QStringLiteral("attribution/openrouterCategories")).toString());
    ui->languageCombo->addItem(tr("System language"), QString());
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    ui->languageCombo->setCurrentIndex(
        std::max(0, ui->languageCombo->findData(s.value(QStringLiteral("ui/language")).toString())));
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
    loadProduction();
    connect(m_store, &KeyStore::readFinished, this, &SettingsDialog::onKeyRead);
    for (const QString &account :
         {kOpenRouter, kVercel, productionAccount(ProductionRole::Writer), productionAccount(ProductionRole::Reader)}) {
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

QString SettingsDialog::keychainMessage() const
{
    return ui->keychainLabel->text();
}

QString SettingsDialog::keyStateText(const QString &account) const
{
    return (account == kVercel ? ui->vercelKeyState : ui->openrouterKeyState)->text();
}

void SettingsDialog::onKeyRead(const QString &account, const QString &secret, const QString &error)
{
    for (ProductionRole role : {ProductionRole::Writer, ProductionRole::Reader}) {
        if (account != productionAccount(role))
            continue;
        QLabel *state = role == ProductionRole::Writer ? ui->writerPasswordState : ui->readerPasswordState;
        // A password is shown as set or not, never in part: a short one would be half shown.
        state->setText(!secret.isEmpty()                            ? tr("password stored in the keychain")
                       : !qEnvironmentVariableIsEmpty("PGPASSWORD") ? tr("password from PGPASSWORD")
                                                                    : tr("no password"));
        return;
    }
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
    saveProduction();
}

void SettingsDialog::loadProduction()
{
    static const QStringList modes{QString(),
                                   QStringLiteral("disable"),
                                   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),
                                   QStringLiteral("require"),
                                   QStringLiteral("verify-ca"),
                                   QStringLiteral("verify-full")};
    const ProductionSettings settings = ProductionSettings::load();
    for (ProductionRole role : {ProductionRole::Writer, ProductionRole::Reader}) {
        const ProductionFields f = productionFields(role);
        const gw::production::PgConnectionSpec &spec =
            role == ProductionRole::Writer ? settings.writer : settings.reader;
        for (const QString &mode : modes)
            f.ssl->addItem(mode.isEmpty() ? tr("default (prefer)") : mode, mode);
        f.host->setText(spec.host);
        f.port->setValue(spec.port);
        f.database->setText(spec.database);
        f.user->setText(spec.user);
        f.ssl->setCurrentIndex(std::max(0, f.ssl->findData(spec.sslMode)));
        f.password->setPlaceholderText(m_store->isAvailable() ? tr("new password; empty keeps the current one")
                                                              : tr("keychain unavailable: PGPASSWORD applies"));
        f.password->setEnabled(m_store->isAvailable());
    }
    ui->readerSameCheck->setChecked(settings.readerSameAsWriter);
    const auto enableReader = [this](bool same) {
        const ProductionFields f = productionFields(ProductionRole::Reader);
        for (QWidget *w : std::initializer_list<QWidget *>{f.host, f.port, f.database, f.user, f.ssl, f.password})
            w->setEnabled(!same && (w != f.password || m_store->isAvailable()));
    };
    connect(ui->readerSameCheck, &QCheckBox::toggled, this, enableReader);
    enableReader(settings.readerSameAsWriter);
}

void SettingsDialog::saveProduction()
{
    ProductionSettings settings;
    for (ProductionRole role : {ProductionRole::Writer, ProductionRole::Reader}) {
        const ProductionFields f = productionFields(role);
        gw::production::PgConnectionSpec &spec = role == ProductionRole::Writer ? settings.writer : settings.reader;
        spec.host = f.host->text().trimmed();
        spec.port = f.port->value();
        spec.database = f.database->text().trimmed();
        spec.user = f.user->text().trimmed();
        spec.sslMode = f.ssl->currentData().toString();
        if (const QString password = f.password->text(); m_store->isAvailable() && !password.isEmpty())
            m_store->write(productionAccount(role), password); // the keychain only
        f.password->clear();
    }
    settings.readerSameAsWriter = ui->readerSameCheck->isChecked();
    settings.save();
}

SettingsDialog::ProductionFields SettingsDialog::productionFields(ProductionRole role) const
{
    if (role == ProductionRole::Writer)
        return {ui->writerHostEdit, ui->writerPortSpin, ui->writerDatabaseEdit,
                ui->writerUserEdit, ui->writerSslCombo, ui->writerPasswordEdit};
    return {ui->readerHostEdit, ui->readerPortSpin, ui->readerDatabaseEdit,
            ui->readerUserEdit, ui->readerSslCombo, ui->readerPasswordEdit};
}

QString SettingsDialog::passwordStateText(ProductionRole role) const
{
    return (role == ProductionRole::Writer ? ui->writerPasswordState : ui->readerPasswordState)->text();
}

} // namespace gw::app
