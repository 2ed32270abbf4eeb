#pragma once
// Where a headless caller (gatewayctl) finds a gateway's API key: the environment variable first
// (explicit for this run), else the system keychain entry the app stores (service
// "gateway-console", account "openrouter" or "vercel"). The key itself is never logged.

#include "config/config.h"

#include <QString>

namespace gw::net {

struct KeyLookup {
    QString key;     // empty when none was found
    QString source;  // "environment", "keychain" or empty
    QString problem; // why the keychain could not be asked, when it could not
};

QString keychainService();
QString keychainAccount(Gateway gateway);

// Blocks for at most `keychainTimeoutMs` on the keychain (a CLI may wait; the app must not).
KeyLookup lookupApiKey(Gateway gateway, int keychainTimeoutMs = 5000);

} // namespace gw::net
