#pragma once
// One PostgreSQL connection (Qt's QPSQL driver) for one call, owned by the thread that makes the
// call: QSqlDatabase connections belong to the thread that opened them, so every ProductionLink
// call opens its own session and closes it at the end. Every statement runs under
// `SET statement_timeout`; errors are mapped in one place (kind + message) and never carry the
// password.

#include "production/pg_url.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

namespace gw::store {

enum class ProductionStatus {
    Ok,
    InvalidInput, // the caller's input (note, draft, URL) cannot be written
    Connection,   // cannot connect, or the connection was lost
    Timeout,      // a statement ran into statement_timeout
    Query,        // the database refused a statement (permissions, missing table, ...)
    BadRecord,    // ai_gateway_config is missing row 1 or holds what the schema does not allow
    Refused,      // compare-and-set: the record is not what it was expected to be; nothing written
    Cancelled,
};
QString productionStatusName(ProductionStatus status); // "ok", "connection", "timeout", ...

struct ProductionError {
    ProductionStatus status = ProductionStatus::Ok;
    QString message; // names the database (without the password) and what failed
    bool ok() const { return status == ProductionStatus::Ok; }
    static ProductionError make(ProductionStatus status, QString message) { return {status, std::move(message)}; }
};

struct ProductionLinkOptions {
    int statementTimeoutMs = 15000; // every statement; a publish's row lock wait included
    int connectTimeoutS = 5;
};

class PgSession {
public:
    PgSession(production::PgConnectionSpec spec, ProductionLinkOptions options);
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    ProductionError open(); // connects and sets the statement timeout
    QSqlDatabase &db() { return m_db; }
    // Runs `sql` directly, or the prepared statement, and maps a failure.
    ProductionError exec(QSqlQuery &query, const QString &sql, const QString &what) const;
    ProductionError exec(QSqlQuery &query, const QString &what) const;
    ProductionError fromSqlError(const QSqlError &error, const QString &what) const;
    const production::PgConnectionSpec &spec() const { return m_spec; }

private:
    production::PgConnectionSpec m_spec;
    ProductionLinkOptions m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace gw::store
