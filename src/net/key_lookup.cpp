#include "key_lookup.h"

#include "client_settings.h"

#include <QEventLoop>
#include <QTimer>

#ifdef GW_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace gw::net {

QString keychainService()
{
    return u"gateway-console"_qs;
}

QString keychainAccount(Gateway gateway)
{
    return gatewayName(gateway);
}

KeyLookup lookupApiKey(Gateway gateway, int keychainTimeoutMs)
{
    KeyLookup result;
    result.key = qEnvironmentVariable(keyEnvironmentVariable(gateway).toLatin1().constData());
    if (!result.key.isEmpty()) {
        result.source = u"environment"_qs;
        return result;
    }
#ifdef GW_HAVE_KEYCHAIN
    // Without a session bus there is no keychain daemon to ask; asking would only time out.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        result.problem = u"no keychain service is reachable (no D-Bus session)"_qs;
        return result;
    }
    QKeychain::ReadPasswordJob job(keychainService());
    job.setAutoDelete(false);
    job.setKey(keychainAccount(gateway));
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(keychainTimeoutMs);
    job.start();
    loop.exec();
    if (timeout.isActive() && job.error() == QKeychain::NoError) {
        result.key = job.textData();
        result.source = result.key.isEmpty() ? QString() : u"keychain"_qs;
    } else if (!timeout.isActive()) {
        result.problem = u"the keychain did not answer within %1 ms"_qs.arg(keychainTimeoutMs);
    } else if (job.error() != QKeychain::EntryNotFound) {
        result.problem = u"the keychain refused: %1"_qs.arg(job.errorString());
    }
#else
    result.problem = u"this build has no keychain support"_qs;
#endif
    return result;
}

} // namespace gw::net
