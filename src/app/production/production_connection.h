#pragma once
// The app's production database connection: the settings (production_settings.h), the
// passwords from the keychain (else PGPASSWORD), and whether the writer answers. Checked with
// ProductionLink::ping() off the GUI thread; a check answering for older settings is ignored.
// Pages borrow links from here: every ProductionLink call opens its own connection, so a link
// is a value the pages copy into their worker threads.

#include "common/latest_job.h"
#include "production/production_settings.h"

#include "production_link.h"

#include <QObject>

namespace gw::app {

class KeyStore;

class ProductionConnection : public QObject {
    Q_OBJECT
public:
    enum class State { NotConfigured, Checking, Connected, Unreachable, Failed };

    // `keys` is borrowed and may be null (PGPASSWORD only).
    explicit ProductionConnection(KeyStore *keys, QObject *parent = nullptr);

    void setKeyStore(KeyStore *keys); // takes effect at the next reload()
    void setOptions(const gw::store::ProductionLinkOptions &options) { m_options = options; }
    // Reads the settings and the passwords, then checks the writer. Asynchronous.
    void reload();
    void check();

    bool isConfigured() const { return m_settings.isConfigured(); }
    bool passwordsKnown() const { return m_writerKnown && m_readerKnown; }
    gw::store::ProductionLink link(ProductionRole role) const;
    const ProductionSettings &settings() const { return m_settings; }

    State state() const { return m_state; }
    QString stateText() const;   // "Production: connected"
    QString toolTipText() const; // both roles' describe() (never the password) and the last message

Q_SIGNALS:
    void linkChanged(); // new settings or passwords: re-read what depends on the database
    void stateChanged();

private:
    void onKeyRead(const QString &account, const QString &secret, const QString &error);
    void passwordKnown(ProductionRole role, const QString &password);

    KeyStore *m_keys = nullptr;
    ProductionSettings m_settings;
    QString m_writerPassword, m_readerPassword;
    bool m_writerKnown = false, m_readerKnown = false;
    gw::store::ProductionLinkOptions m_options;
    State m_state = State::NotConfigured;
    QString m_detail;
    LatestJob<gw::store::ProductionError> m_ping{this}; // changed settings or a newer check drop an older answer
};

} // namespace gw::app
