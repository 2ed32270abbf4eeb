#pragma once
// Settings: base URL per gateway (or the local simulator), API keys in the system keychain
// (shown masked; env vars as fallback), the production database (passwords in the keychain),
// OpenRouter attribution headers, language.

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace gw::app {

class KeyStore;
enum class ProductionRole;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `store` is borrowed; the dialog works (and says so) when it is unavailable.
    SettingsDialog(KeyStore *store, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QString keychainMessage() const;
    QString keyStateText(const QString &account) const;

    QString passwordStateText(ProductionRole role) const; // "password stored in the keychain"

    void save();

private:
    struct ProductionFields {
        QLineEdit *host;
        QSpinBox *port;
        QLineEdit *database;
        QLineEdit *user;
        QComboBox *ssl;
        QLineEdit *password;
    };
    void onKeyRead(const QString &account, const QString &secret, const QString &error);
    // The "Production database" section: fields in QSettings, passwords in the keychain only.
    void loadProduction();
    void saveProduction();
    ProductionFields productionFields(ProductionRole role) const;

    std::unique_ptr<Ui::SettingsDialog> ui;
    KeyStore *m_store;
};

} // namespace gw::app
