#pragma once
// Builds configs for tests from inline JSON through the real loader, so tests exercise the same
// path as files on disk.

#include "config/config_io.h"

#include <QTest>

namespace gw {
namespace test {

inline RoutingConfig configFrom(const QByteArray &json)
{
    const ConfigLoadResult r = loadConfig(json, u"test.json"_qs);
    if (!r.config)
        qFatal("test config does not load: %s", qPrintable(joinDiagnostics(r.diagnostics)));
    return *r.config;
}

inline QDateTime at(const char *rfc3339)
{
    return *parseRfc3339(QString::fromLatin1(rfc3339));
}

// The contract's example, in a form the tests share.
inline const QByteArray kContractExample =
    "{\n"
    "  \"schema_version\": 1, \"revision\": 17,\n"
    "  \"updated_at\": \"2026-11-23T20:00:00Z\", \"updated_by\": \"ops@example.com\", \"note\": \"raise Anthropic to "
    "5%\",\n"
    "  \"cohort\": \"vercel\", \"sticky_key\": \"task_or_user\",\n"
    "  \"gateways\": {\"openrouter\": {\"enabled\": true}, \"vercel\": {\"enabled\": true}},\n"
    "  \"default_share\": {\"paid\": 3.0, \"free\": 3.0},\n"
    "  \"rules\": [\n"
    "    {\"id\": \"grok-incident\", \"enabled\": true, \"expires_at\": \"2026-11-24T00:00:00Z\",\n"
    "     \"match\": {\"models\": [\"x-ai/grok-code-fast-1\"]}, \"action\": {\"gateway\": \"vercel\"}, \"note\": "
    "\"OpenRouter incident\"},\n"
    "    {\"id\": \"anthropic\", \"match\": {\"models\": [\"anthropic/*\"]}, \"action\": {\"vercel_share\": 5.0}},\n"
    "    {\"id\": \"no-kimi\", \"match\": {\"models\": [\"moonshotai/kimi-*\"]}, \"action\": {\"gateway\": "
    "\"openrouter\"}}\n"
    "  ],\n"
    "  \"failover\": {\"enabled\": true, \"window_minutes\": 10, \"error_rate_threshold\": 0.5, "
    "\"boosted_vercel_share\": 90.0,\n"
    "               \"retry_other_gateway\": {\"enabled\": true, \"on_status\": [429, 500, 502, 503, 504], "
    "\"before_first_token_only\": true}},\n"
    "  \"models\": {\n"
    "    \"x-ai/grok-code-fast-1\": {\"vercel\": \"xai/grok-code-fast-1\", \"vercel_providers\": [\"xai\"]},\n"
    "    \"anthropic/claude-sonnet-4.5\": {\"vercel\": \"anthropic/claude-sonnet-4.5\"},\n"
    "    \"moonshotai/kimi-k2\": {\"vercel\": \"moonshotai/kimi-k2\"},\n"
    "    \"moonshotai/kimi-k2:free\": {\"vercel\": null, \"free\": true}\n"
    "  },\n"
    "  \"providers\": {\"amazon-bedrock\": \"bedrock\", \"google-vertex\": \"vertex\", \"google-ai-studio\": "
    "\"google\",\n"
    "                \"together\": \"togetherai\", \"z-ai\": \"zai\"}\n"
    "}";

} // namespace test
} // namespace gw
