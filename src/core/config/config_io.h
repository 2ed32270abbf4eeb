#pragma once
// Reading and writing config v1: validation that reports every problem with its JSON path and
// line:column, and the canonical form that every save and native export writes.

#include "config/config.h"
#include "util/diagnostic.h"
#include "util/outcome.h"

#include <QByteArray>
#include <QJsonObject>

namespace gw {

struct ConfigLoadResult {
    std::optional<RoutingConfig> config; // set when there are no errors (warnings allowed)
    Diagnostics diagnostics;             // errors and warnings, in document order
    bool hashMismatch = false;           // content_sha256 present but wrong: never trust silently
};

// The longest string a config may hold, in characters (docs/routing-contract.md, also the
// JSON Schema's maxLength): ids, cohort, globs, model and provider names, updated_by; notes.
constexpr qsizetype kConfigMaxStringChars = 256;
constexpr qsizetype kConfigMaxNoteChars = 4096;

ConfigLoadResult loadConfig(QByteArrayView bytes, const QString &fileName);
ConfigLoadResult loadConfigFile(const QString &path);

// Canonical JSON object of the config; content_sha256 excluded.
QJsonObject configToJson(const RoutingConfig &config);
// The canonical document with content_sha256 computed over it.
QByteArray canonicalConfigBytes(const RoutingConfig &config);
// SHA-256 (hex) of the canonical document without content_sha256.
QString configContentHash(const RoutingConfig &config);

// Writes atomically (QSaveFile): the file is either the old or the complete new one.
Outcome<bool> writeFileAtomically(const QString &path, const QByteArray &bytes);
Outcome<bool> saveConfigFile(const QString &path, const RoutingConfig &config);

// RFC 3339 timestamps: parse strictly (date, 'T', time, 'Z' or offset); format as UTC 'Z'.
std::optional<QDateTime> parseRfc3339(QStringView text);
QString formatRfc3339(const QDateTime &when);

} // namespace gw
