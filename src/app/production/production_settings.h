#pragma once
// Where the production PostgreSQL database is, as the Settings dialog keeps it: host, port,
// database, user and SSL mode in QSettings ("production/writer/…", "production/reader/…"), the
// passwords in the keychain under their own accounts (never in QSettings, never logged). Two
// roles: the writer publishes the routing record; the reader (a read replica in real life) reads
// usage. The reader is "same as the writer" unless set.

#include "production/pg_url.h"

#include <QString>

namespace gw::app {

enum class ProductionRole { Writer, Reader };

struct ProductionSettings {
    gw::production::PgConnectionSpec writer; // password left empty: it is in the keychain
    gw::production::PgConnectionSpec reader;
    bool readerSameAsWriter = true;

    bool isConfigured() const { return !writer.host.isEmpty() && !writer.database.isEmpty() && !writer.user.isEmpty(); }
    // The spec a role connects with (the reader falls back to the writer), without password.
    gw::production::PgConnectionSpec spec(ProductionRole role) const
    {
        return role == ProductionRole::Reader && !readerSameAsWriter ? reader : writer;
    }

    static ProductionSettings load();
    void save() const; // never writes a password
};

// The keychain account of a role's password ("production-writer", "production-reader"); the same
// service as the API keys. PGPASSWORD applies when the keychain has none.
QString productionAccount(ProductionRole role);

} // namespace gw::app
