#pragma once
// Where the production PostgreSQL database is: a libpq-style URL
// postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=...] and, when the URL has no password,
// PGPASSWORD. The password is kept for connecting only: describe() and every error message
// leave it out, so it never reaches a log, the history or an export.

#include "util/outcome.h"

#include <QString>

#include <optional>

namespace gw::production {

struct PgConnectionSpec {
    QString user;
    QString password; // never printed
    QString host;
    int port = 5432;
    QString database;
    QString sslMode; // empty: libpq's default ("prefer")

    // "postgresql://user@host:5432/db?sslmode=require": the URL without the password.
    QString describe() const;
    // The watermark key of a usage source: host:port/db (who pulls does not matter).
    QString sourceId() const;
    bool operator==(const PgConnectionSpec &) const = default;
};

// The error names the part that is wrong; never quotes the password.
using PgUrlResult = Outcome<PgConnectionSpec>;

// `fallbackPassword` (PGPASSWORD) applies when the URL carries none.
PgUrlResult parsePgUrl(const QString &url, const QString &fallbackPassword = {});

// Replaces every occurrence of `secret` in `text` (a driver message may echo a connection
// string) with "***". Empty secrets change nothing.
QString redactSecret(QString text, const QString &secret);

} // namespace gw::production
