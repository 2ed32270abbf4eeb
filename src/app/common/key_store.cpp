#include "common/key_store.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace gw::app {

static const QString kService = QStringLiteral("gateway-console");

QString KeyStore::environmentVariable(const QString &account)
{
    return account == QStringLiteral("vercel") ? QStringLiteral("AI_GATEWAY_API_KEY")
                                               : QStringLiteral("OPENROUTER_API_KEY");
}

QString KeyStore::environmentKey(const QString &account)
{
    return qEnvironmentVariable(environmentVariable(account).toLatin1().constData());
}

KeychainKeyStore::KeychainKeyStore(QObject *parent) : KeyStore(parent) {}

bool KeychainKeyStore::isAvailable() const
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

QString KeychainKeyStore::unavailableReason() const
{
    return isAvailable() ? QString() : tr("No keychain service is reachable (no D-Bus session).");
}

void KeychainKeyStore::read(const QString &account)
{
    if (!isAvailable()) {
        QTimer::singleShot(0, this, [this, account] { Q_EMIT readFinished(account, QString(), unavailableReason()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account] {
        const bool missing = job->error() == QKeychain::EntryNotFound;
        Q_EMIT readFinished(account, job->error() ? QString() : job->textData(),
                            job->error() && !missing ? job->errorString() : QString());
    });
    job->start();
}

void KeychainKeyStore::write(const QString &account, const QString &secret)
{
    if (!isAvailable()) {
        QTimer::singleShot(0, this, [this, account] { Q_EMIT writeFinished(account, unavailableReason()); });
        return;
    }
    QKeychain::Job *job = nullptr;
    if (secret.isEmpty()) {
        auto *del = new QKeychain::DeletePasswordJob(kService, this);
        del->setKey(account);
        job = del;
    } else {
        auto *w = new QKeychain::WritePasswordJob(kService, this);
        w->setKey(account);
        w->setTextData(secret);
        job = w;
    }
    connect(job, &QKeychain::Job::finished, this, [this, job, account] {
        Q_EMIT writeFinished(account,
                             job->error() && job->error() != QKeychain::EntryNotFound ? job->errorString() : QString());
    });
    job->start();
}

UnavailableKeyStore::UnavailableKeyStore(const QString &reason, QObject *parent) : KeyStore(parent), m_reason(reason) {}

void UnavailableKeyStore::read(const QString &account)
{
    QTimer::singleShot(0, this, [this, account] { Q_EMIT readFinished(account, QString(), m_reason); });
}

void UnavailableKeyStore::write(const QString &account, const QString &)
{
    QTimer::singleShot(0, this, [this, account] { Q_EMIT writeFinished(account, m_reason); });
}

} // namespace gw::app
