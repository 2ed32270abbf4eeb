#pragma once
// Settings: base URL per gateway (or the local simulator), API keys in the system keychain
// (shown masked; env vars as fallback), OpenRouter attribution headers, language.

#include <QDialog>

#include <memory>

namespace Ui { class SettingsDialog; }

namespace gwapp {

class KeyStore;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `store` is borrowed; the dialog works (and says so) when it is unavailable.
    SettingsDialog(KeyStore *store, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QString keychainMessage() const;
    QString keyStateText(const QString &account) const;

    void save();

private:
    void onKeyRead(const QString &account, const QString &secret, const QString &error);

    std::unique_ptr<Ui::SettingsDialog> ui;
    KeyStore *m_store;
};

} // namespace gwapp
