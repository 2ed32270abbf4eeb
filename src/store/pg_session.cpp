#include "pg_session.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace gw::store {

QString productionStatusName(ProductionStatus status)
{
    switch (status) {
    case ProductionStatus::Ok: return u"ok"_qs;
    case ProductionStatus::InvalidInput: return u"invalid_input"_qs;
    case ProductionStatus::Connection: return u"connection"_qs;
    case ProductionStatus::Timeout: return u"timeout"_qs;
    case ProductionStatus::Query: return u"query"_qs;
    case ProductionStatus::BadRecord: return u"bad_record"_qs;
    case ProductionStatus::Refused: return u"refused"_qs;
    case ProductionStatus::Cancelled: return u"cancelled"_qs;
    }
    return {};
}

PgSession::PgSession(production::PgConnectionSpec spec, ProductionLinkOptions options)
    : m_spec(std::move(spec)), m_options(options)
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"gw-production-%1"_qs.arg(counter.fetchAndAddRelaxed(1));
}

PgSession::~PgSession()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

ProductionError PgSession::open()
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_qs))
        return ProductionError::make(ProductionStatus::Connection,
                                     u"Qt's PostgreSQL driver (QPSQL, package libqt6sql6-psql) is not installed"_qs);
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_qs, m_connectionName);
    m_db.setHostName(m_spec.host);
    m_db.setPort(m_spec.port);
    m_db.setDatabaseName(m_spec.database);
    m_db.setUserName(m_spec.user);
    m_db.setPassword(m_spec.password);
    QString options = u"connect_timeout=%1;application_name=gateway-console"_qs.arg(m_options.connectTimeoutS);
    if (!m_spec.sslMode.isEmpty())
        options += u";sslmode="_qs + m_spec.sslMode;
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return fromSqlError(m_db.lastError(), u"cannot connect"_qs);
    QSqlQuery q(m_db);
    // A whole number of milliseconds; SET takes no bind values.
    if (auto e = exec(q, u"SET statement_timeout = %1"_qs.arg(m_options.statementTimeoutMs),
                      u"cannot set the statement timeout"_qs);
        !e.ok())
        return e;
    // date_trunc('hour', timestamptz) follows the session's time zone: UTC, as our buckets are.
    if (auto e = exec(q, u"SET TIME ZONE 'UTC'"_qs, u"cannot set the time zone"_qs); !e.ok())
        return e;
    return {};
}

ProductionError PgSession::exec(QSqlQuery &query, const QString &sql, const QString &what) const
{
    return query.exec(sql) ? ProductionError{} : fromSqlError(query.lastError(), what);
}

ProductionError PgSession::exec(QSqlQuery &query, const QString &what) const
{
    return query.exec() ? ProductionError{} : fromSqlError(query.lastError(), what);
}

ProductionError PgSession::fromSqlError(const QSqlError &error, const QString &what) const
{
    // SQLSTATE classes: 57014 query_canceled (statement_timeout), 57P0x admin shutdown or
    // terminated, 08xxx connection exceptions.
    const QString state = error.nativeErrorCode();
    ProductionStatus status = ProductionStatus::Query;
    if (state == u"57014")
        status = ProductionStatus::Timeout;
    else if (state.startsWith(u"08") || state.startsWith(u"57P") || error.type() == QSqlError::ConnectionError
             || !m_db.isOpen())
        status = ProductionStatus::Connection;
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    if (status == ProductionStatus::Timeout)
        detail = u"the statement ran longer than %1 ms (statement_timeout)"_qs.arg(m_options.statementTimeoutMs);
    else if (status == ProductionStatus::Connection && detail.isEmpty())
        detail = u"the connection was lost"_qs;
    const QString message = u"%1: %2: %3"_qs.arg(m_spec.describe(), what, detail);
    return ProductionError::make(status, production::redactSecret(message, m_spec.password));
}

} // namespace gw::store
