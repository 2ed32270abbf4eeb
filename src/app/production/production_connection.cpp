#include "production/production_connection.h"

#include "common/key_store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

ProductionConnection::ProductionConnection(KeyStore *keys, QObject *parent) : QObject(parent)
{
    setKeyStore(keys);
}

void ProductionConnection::setKeyStore(KeyStore *keys)
{
    if (m_keys)
        disconnect(m_keys, nullptr, this, nullptr);
    m_keys = keys;
    if (m_keys) {
        connect(m_keys, &KeyStore::readFinished, this, &ProductionConnection::onKeyRead);
        // A password saved in the settings reaches the link once the keychain has it.
        connect(m_keys, &KeyStore::writeFinished, this, [this](const QString &account) {
            if (account == productionAccount(ProductionRole::Writer)
                || account == productionAccount(ProductionRole::Reader))
                reload();
        });
    }
}

void ProductionConnection::reload()
{
    m_ping.cancel();
    m_settings = ProductionSettings::load();
    m_writerKnown = m_readerKnown = false;
    m_writerPassword.clear();
    m_readerPassword.clear();
    m_detail.clear();
    m_state = m_settings.isConfigured() ? State::Checking : State::NotConfigured;
    Q_EMIT stateChanged();
    if (!m_settings.isConfigured()) {
        Q_EMIT linkChanged();
        return;
    }
    for (ProductionRole role : {ProductionRole::Writer, ProductionRole::Reader}) {
        if (m_keys && m_keys->isAvailable())
            m_keys->read(productionAccount(role)); // answers in onKeyRead
        else
            passwordKnown(role, QString());
    }
}

void ProductionConnection::onKeyRead(const QString &account, const QString &secret, const QString &)
{
    for (ProductionRole role : {ProductionRole::Writer, ProductionRole::Reader})
        if (account == productionAccount(role) && !(role == ProductionRole::Writer ? m_writerKnown : m_readerKnown))
            passwordKnown(role, secret);
}

void ProductionConnection::passwordKnown(ProductionRole role, const QString &password)
{
    const QString effective = password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : password;
    (role == ProductionRole::Writer ? m_writerPassword : m_readerPassword) = effective;
    (role == ProductionRole::Writer ? m_writerKnown : m_readerKnown) = true;
    if (!passwordsKnown())
        return;
    Q_EMIT linkChanged();
    check();
}

gw::store::ProductionLink ProductionConnection::link(ProductionRole role) const
{
    gw::production::PgConnectionSpec spec = m_settings.spec(role);
    const bool ownReader = role == ProductionRole::Reader && !m_settings.readerSameAsWriter;
    spec.password = ownReader ? m_readerPassword : m_writerPassword;
    return gw::store::ProductionLink(spec, m_options);
}

void ProductionConnection::check()
{
    if (!m_settings.isConfigured() || !passwordsKnown())
        return;
    m_state = State::Checking;
    Q_EMIT stateChanged();
    const gw::store::ProductionLink writer = link(ProductionRole::Writer);
    m_ping.run(QtConcurrent::run([writer] { return writer.ping(); }), [this](const gw::store::ProductionError &error) {
        m_detail = error.message;
        m_state = error.ok() ? State::Connected
                  : error.status == gw::store::ProductionStatus::Connection
                          || error.status == gw::store::ProductionStatus::Timeout
                      ? State::Unreachable
                      : State::Failed;
        Q_EMIT stateChanged();
    });
}

QString ProductionConnection::stateText() const
{
    QString state;
    switch (m_state) {
    case State::NotConfigured: state = tr("not set up"); break;
    case State::Checking: state = tr("checking…"); break;
    case State::Connected: state = tr("connected"); break;
    case State::Unreachable: state = tr("unreachable"); break;
    case State::Failed: state = tr("error"); break;
    }
    return tr("Production: %1").arg(state);
}

QString ProductionConnection::toolTipText() const
{
    if (!m_settings.isConfigured())
        return tr("No production database in the settings (Settings > Production database).");
    QStringList lines{tr("Writer: %1").arg(m_settings.spec(ProductionRole::Writer).describe()),
                      m_settings.readerSameAsWriter
                          ? tr("Reader: same as the writer")
                          : tr("Reader: %1").arg(m_settings.spec(ProductionRole::Reader).describe())};
    if (!m_detail.isEmpty()) // the library leaves the password out; redact once more all the same
        lines << gw::production::redactSecret(gw::production::redactSecret(m_detail, m_writerPassword),
                                              m_readerPassword);
    return lines.join(QLatin1Char('\n'));
}

} // namespace gw::app
