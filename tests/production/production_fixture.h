#pragma once
// Configs and records the production tests share.

#include "config/config_io.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gwtest {

// A config the kilo-gateway record expresses without loss: paid/free shares, one model that is
// not on Vercel (opt-out) and one explicit OpenRouter pin.
inline QByteArray losslessConfigJson(double paid, qint64 revision = 5)
{
    return QStringLiteral(R"({"schema_version": 1, "revision": %2, "cohort": "vercel", "sticky_key": "task_or_user",
  "gateways": {"openrouter": {"enabled": true}, "vercel": {"enabled": true}},
  "default_share": {"paid": %1, "free": 2},
  "rules": [{"id": "no-kimi", "match": {"models": ["moonshotai/kimi-k2"]}, "action": {"gateway": "openrouter"}}],
  "failover": {"enabled": false, "window_minutes": 10, "error_rate_threshold": 0.5, "boosted_vercel_share": 90.0,
               "retry_other_gateway": {"enabled": false, "on_status": [429], "before_first_token_only": true}},
  "models": {"anthropic/claude-sonnet-4.5": {"vercel": "anthropic/claude-sonnet-4.5"},
             "moonshotai/kimi-k2": {"vercel": "moonshotai/kimi-k2"},
             "qwen/qwen3-coder:free": {"vercel": null, "free": true}},
  "providers": {}})")
        .arg(paid)
        .arg(revision)
        .toUtf8();
}

inline gw::RoutingConfig losslessConfig(double paid, qint64 revision = 5)
{
    const gw::ConfigLoadResult r = gw::loadConfig(losslessConfigJson(paid, revision), QStringLiteral("test.json"));
    if (!r.config)
        qFatal("test config does not load: %s", qPrintable(gw::joinDiagnostics(r.diagnostics)));
    return *r.config;
}

inline QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace gwtest
