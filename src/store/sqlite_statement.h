#pragma once
// The one place gwstore talks to SQLite's C API instead of Qt Sql: bulk writes of traffic rows.
// Through QSqlQuery every row costs a QVariant per column, a UTF-16 copy of every string and a
// blob copy of every histogram; a million-event import writes ~620,000 rows, and that overhead
// was most of its time (docs/store.md, Benchmark). The connection is Qt's own (QSqlDriver::handle
// on the QSQLITE driver, which links the same system libsqlite3), so these statements run in the
// transaction the Database opened with Qt Sql.

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace gw::store {

// The sqlite3 connection behind a QSQLITE connection; nullptr for another driver or a closed one.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const QByteArray &sql); // prepared once, reused for every row
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const; // SQLite's message for the last failure

    // Parameters count from 1 as in SQL; text and blobs are copied by SQLite only if it keeps
    // them past the step (SQLITE_STATIC: the caller's buffer lives until the next bind).
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindText(int index, const QByteArray &utf8);
    void bindBlob(int index, const char *data, int size);

    bool execute(); // one step of a statement that returns no row, then reset; false on error
    bool next();    // one step of a query: true with a row, false at the end or on error
    bool failed() const { return m_failed; }
    void reset(); // ready for the next bindings (bindings are kept until rebound)

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

} // namespace gw::store
