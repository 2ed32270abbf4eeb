#pragma once
// How a gateway client talks to its gateway: where, with which key, how long it waits and how
// much it accepts. The same attribution goes to both gateways so both leaderboards see one app.

#include "config/config.h" // gw::Gateway

#include <QString>
#include <QStringList>
#include <QUrl>

namespace gw::net {

struct Attribution {
    QString referer;        // HTTP-Referer: the app's URL, its identity on both leaderboards
    QString title;          // X-Title and X-OpenRouter-Title
    QStringList categories; // X-OpenRouter-Categories (at most 2 used)
};

// Milliseconds; 0 disables one. Timeouts are measured from sending the request, except `idleMs`
// which is the longest silence between two pieces of the body once the first one arrived.
struct Timeouts {
    int connectMs = 10'000;    // until the request is on the wire
    int firstByteMs = 120'000; // until the first body byte (SSE keep-alive comments count)
    int idleMs = 60'000;       // between body pieces
    int totalMs = 600'000;     // the whole exchange
};

struct ClientSettings {
    QUrl baseUrl;   // e.g. https://openrouter.ai/api/v1; empty = the gateway's default
    QString apiKey; // never logged; see maskKey()
    Attribution attribution;
    Timeouts timeouts;
    qint64 maxResponseBytes = 32LL * 1024 * 1024; // a /models list is ~0.5 MB
};

QUrl defaultBaseUrl(Gateway gateway);
// The environment variable a gateway's key usually lives in (OPENROUTER_API_KEY, AI_GATEWAY_API_KEY).
QString keyEnvironmentVariable(Gateway gateway);

// "sk-or-v1-…abcd": the recognisable prefix and the last four characters, nothing else.
QString maskKey(const QString &key);
// Replaces every occurrence of `key` in `text` by its mask (for error strings from lower layers).
QString redactKey(QString text, const QString &key);
// Plain http may carry a key only to this machine: 127.0.0.0/8, ::1 or "localhost".
bool isLoopbackHost(const QUrl &url);

} // namespace gw::net
