#pragma once
// Where API keys live: the system keychain through QtKeychain. Asynchronous; a store that is not
// available (no keychain daemon, e.g. offscreen tests) reports so instead of blocking.
// Keys never go into QSettings, logs or files.

#include <QObject>

namespace gw::app {

class KeyStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual bool isAvailable() const = 0;
    virtual QString unavailableReason() const { return QString(); }
    virtual void read(const QString &account) = 0;
    virtual void write(const QString &account, const QString &secret) = 0;

    // The key in force: the stored one, else the environment variable.
    static QString environmentKey(const QString &account);
    static QString environmentVariable(const QString &account); // OPENROUTER_API_KEY, AI_GATEWAY_API_KEY

Q_SIGNALS:
    void readFinished(const QString &account, const QString &secret, const QString &error);
    void writeFinished(const QString &account, const QString &error);
};

// QtKeychain, service "gateway-console". Unavailable without a D-Bus session (no daemon to ask).
class KeychainKeyStore : public KeyStore {
    Q_OBJECT
public:
    explicit KeychainKeyStore(QObject *parent = nullptr);
    bool isAvailable() const override;
    QString unavailableReason() const override;
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;
};

// A store that has nothing: used when no keychain can exist.
class UnavailableKeyStore : public KeyStore {
    Q_OBJECT
public:
    explicit UnavailableKeyStore(const QString &reason, QObject *parent = nullptr);
    bool isAvailable() const override { return false; }
    QString unavailableReason() const override { return m_reason; }
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;

private:
    QString m_reason;
};

} // namespace gw::app
