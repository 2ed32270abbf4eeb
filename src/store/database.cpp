#include "database.h"

#include "file_check.h"
#include "schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <sys/stat.h>

namespace gw::store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"gwstore-%1"_qs.arg(counter.fetchAndAddRelaxed(1));
}

// Long enough that a reader's checkpoint or a second process never fails a write outright.
constexpr int kBusyTimeoutMs = 5000;

QString busyTimeoutOption()
{
    return u"QSQLITE_BUSY_TIMEOUT=%1"_qs.arg(kBusyTimeoutMs);
}

// SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without an extended code.
bool isBusy(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    return (code & 0xff) == 5 || (code & 0xff) == 6;
}

// Size and modification time (nanoseconds) of the file and its write-ahead log: they change
// when a writer writes.
struct FileStamp {
    qint64 size = -1;
    qint64 modifiedNs = 0;
    qint64 logSize = -1;
    qint64 logModifiedNs = 0;
    bool operator==(const FileStamp &) const = default;
};

std::pair<qint64, qint64> sizeAndTime(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {-1, 0};
    return {qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

FileStamp stampOf(const QString &path)
{
    const auto [size, time] = sizeAndTime(path);
    const auto [logSize, logTime] = sizeAndTime(path + u"-wal"_qs);
    return {size, time, logSize, logTime};
}

// Checks of a file another process kept changing: a refusal after this many is reported.
constexpr int kCheckAttempts = 8;

} // namespace

Database::Database() : m_connectionName(nextConnectionName()) {}

Database::~Database()
{
    close();
}

int Database::currentVersion()
{
    return currentSchemaVersion();
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_tidyOnClose) {
        m_tidyOnClose = false;
        removeReadersLog();
    }
}

// A read-only connection to a WAL file creates its -wal and -shm but cannot remove them when it
// closes (that takes a checkpoint, a write). A connection that may write, opened and closed
// again, lets SQLite do it: the last connection to close removes both, and while any other
// process still has the file open SQLite leaves them alone. It writes nothing else (the log is
// empty: a reader added nothing to it). A file this process may not write keeps them.
void Database::removeReadersLog()
{
    const QString name = m_connectionName + u"-tidy"_qs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, name);
        db.setConnectOptions(busyTimeoutOption());
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"PRAGMA user_version"_qs); // opens the log, so that closing can remove it
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Database::refusal(const QString &reason) const
{
    return QDir::toNativeSeparators(m_path) + u": "_qs + reason + u"; not opened, not changed"_qs;
}

QString Database::failure(const QString &what, const QSqlQuery &query) const
{
    return QDir::toNativeSeparators(m_path) + u": "_qs + what + u": "_qs + query.lastError().text();
}

Outcome<bool> Database::open(const QString &path, Access access)
{
    using R = Outcome<bool>;
    close();
    m_path = path;
    m_readOnly = access == Access::ReadOnly;
    m_tidyOnClose = false;
    const int newest = currentSchemaVersion();
    FileCheck check;
    // The checks read the file without locking it. Another process creating, migrating or
    // checkpointing it at the same moment can make a healthy file look foreign or damaged for
    // that instant; a refusal stands only if the file did not change while it was checked.
    for (int attempt = 1;; ++attempt) {
        const FileStamp before = stampOf(path);
        R verified{true, {}};
        check = checkHistoryFile(path, newest);
        if (check.verdict == FileCheck::Refused)
            verified = R::failure(refusal(check.reason));
        else if (check.verdict == FileCheck::Sqlite && check.userVersion < 0)
            verified = R::failure(refusal(u"unknown schema version %1"_qs.arg(check.userVersion)));
        else if (check.verdict == FileCheck::Sqlite)
            verified = verifyReadOnly(newest);
        if (verified.ok())
            break;
        if (stampOf(path) == before || attempt == kCheckAttempts)
            return verified;
        QThread::msleep(20 * attempt);
    }
    if (m_readOnly && check.verdict != FileCheck::Sqlite)
        return R::failure(refusal(u"no history yet (open it for writing first)"_qs));
    if (!m_readOnly && check.verdict == FileCheck::Missing) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir))
            return R::failure(QDir::toNativeSeparators(path) + u": cannot create the folder "_qs + dir);
    }

    // A writer keeps the -wal file while it has the history open (docs/store.md).
    const bool noWriterBefore = !QFileInfo::exists(path + u"-wal"_qs);
    R opened = openConnection(access);
    if (!opened.ok())
        return opened;
    const Outcome<int> version = schemaVersion();
    if (!version.ok() || version.value > newest || version.value < 0) {
        // The write-ahead log held a newer schema than the header said (a writer that crashed
        // before a checkpoint): still nothing written by us.
        close();
        return R::failure(version.ok()
                              ? refusal(u"written by a newer Gateway Console (schema %1; this build reads up to %2)"_qs
                                            .arg(version.value)
                                            .arg(newest))
                              : version.error);
    }
    if (m_readOnly) {
        if (version.value != newest) {
            close();
            return R::failure(refusal(u"schema %1 is not migrated to %2 yet"_qs.arg(version.value).arg(newest)));
        }
        m_tidyOnClose = noWriterBefore;
        return R{true, {}};
    }
    R configured = configureForWriting();
    if (configured.ok())
        configured = migrate(version.value);
    if (!configured.ok())
        close();
    return configured;
}

// A connection that cannot write, lock or create a -wal/-shm file ("immutable"), just to look:
// a damaged file or one from a newer build is refused before anything opens it for writing.
Outcome<bool> Database::verifyReadOnly(int expectedMaxVersion)
{
    using R = Outcome<bool>;
    const QString name = m_connectionName + u"-verify"_qs;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, name);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_qs);
        // A -wal left by a writer that did not close holds committed transactions the main file
        // may only partly have (a kill mid-checkpoint): check through the log, read-only, or a
        // recoverable history would look damaged. Without a log, "immutable" takes no locks.
        const bool hasLog = QFileInfo(m_path + u"-wal"_qs).size() > 0;
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                           + (hasLog ? u"?mode=ro"_qs : u"?immutable=1"_qs));
        if (!db.open()) {
            error = refusal(u"cannot be read by SQLite (%1)"_qs.arg(db.lastError().text()));
        } else {
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA user_version"_qs) || !q.next()) {
                error = refusal(u"not a readable SQLite database (%1)"_qs.arg(q.lastError().text()));
            } else if (const int v = q.value(0).toInt(); v > expectedMaxVersion) {
                error =
                    refusal(u"written by a newer Gateway Console (schema %1; this build reads up to %2)"_qs.arg(v).arg(
                        expectedMaxVersion));
            } else if (v == 0
                       && (!q.exec(u"SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 3"_qs)
                           || q.next())) {
                // Version 0 with tables: another program's database; migrating would add ours to it.
                error = refusal(u"an SQLite database of another program (it has a table or index \"%1\")"_qs.arg(
                    q.value(0).toString()));
            } else if (!q.exec(u"PRAGMA quick_check"_qs)) {
                error = refusal(u"damaged (%1)"_qs.arg(q.lastError().text()));
            } else {
                QStringList findings;
                while (q.next())
                    findings << q.value(0).toString().simplified();
                if (findings != QStringList{u"ok"_qs})
                    error = refusal(u"damaged (SQLite quick_check: %1)"_qs.arg(findings.mid(0, 3).join(u"; "_qs)));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return R::failure(error);
    return R{true, {}};
}

Outcome<bool> Database::openConnection(Access access)
{
    using R = Outcome<bool>;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connectionName);
    if (!m_db.isValid()) {
        close();
        return R::failure(QDir::toNativeSeparators(m_path) + u": the Qt SQLite driver (QSQLITE) is not available"_qs);
    }
    QString options = busyTimeoutOption();
    if (access == Access::ReadOnly)
        options += u";QSQLITE_OPEN_READONLY"_qs;
    m_db.setConnectOptions(options);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return R::failure(QDir::toNativeSeparators(m_path) + u": cannot open: "_qs + why);
    }
    return R{true, {}};
}

Outcome<bool> Database::configureForWriting()
{
    using R = Outcome<bool>;
    QSqlQuery q(m_db);
    // Switching a new file to WAL takes an exclusive lock, and SQLite answers "database is
    // locked" at once instead of calling the busy handler when another process is switching or
    // migrating the same new file; so wait here, within the same budget as the busy timeout.
    QElapsedTimer waited;
    waited.start();
    for (int attempt = 1;; ++attempt) {
        if (q.exec(u"PRAGMA journal_mode=WAL"_qs) && q.next())
            break;
        if (!isBusy(q.lastError()) || waited.elapsed() >= kBusyTimeoutMs)
            return R::failure(failure(u"cannot switch to WAL mode"_qs, q));
        q.finish();
        QThread::msleep(qMin(5 * attempt, 50));
    }
    if (const QString mode = q.value(0).toString(); mode != u"wal")
        return R::failure(QDir::toNativeSeparators(m_path) + u": WAL mode refused (journal mode stays \""_qs + mode
                          + u"\")"_qs);
    // NORMAL is safe with WAL: a power cut may lose the last transactions, never corrupt.
    if (!q.exec(u"PRAGMA synchronous=NORMAL"_qs))
        return R::failure(failure(u"cannot set synchronous=NORMAL"_qs, q));
    if (!q.exec(u"PRAGMA foreign_keys=ON"_qs) || !q.exec(u"PRAGMA foreign_keys"_qs) || !q.next()
        || q.value(0).toInt() != 1)
        return R::failure(failure(u"cannot turn foreign keys on"_qs, q));
    return R{true, {}};
}

Outcome<bool> Database::migrate(int fromVersion)
{
    using R = Outcome<bool>;
    for (const Migration &m : migrations()) {
        if (m.toVersion <= fromVersion)
            continue;
        QString error;
        const bool done = inTransaction(
            [&] {
                QSqlQuery q(m_db);
                // Another process may have migrated the file since `fromVersion` was read: the
                // version read under the write lock decides (two processes creating a new history
                // at once would otherwise both create its tables).
                if (!q.exec(u"PRAGMA user_version"_qs) || !q.next()) {
                    error = failure(u"cannot read the schema version"_qs, q);
                    return false;
                }
                if (q.value(0).toInt() >= m.toVersion)
                    return true;
                q.finish();
                for (const QString &statement : m.statements) {
                    if (!q.exec(statement)) {
                        error = failure(u"migration to schema %1 failed"_qs.arg(m.toVersion), q);
                        return false;
                    }
                }
                if (!q.exec(u"PRAGMA user_version = %1"_qs.arg(m.toVersion))) {
                    error = failure(u"cannot record schema %1"_qs.arg(m.toVersion), q);
                    return false;
                }
                return true;
            },
            &error);
        if (!done)
            return R::failure(error);
    }
    return R{true, {}};
}

// BEGIN IMMEDIATE takes the write lock up front, so a busy database waits out the busy timeout;
// a deferred BEGIN that reads first fails at once when it later needs to write.
bool Database::inTransaction(const std::function<bool()> &work, QString *error)
{
    QSqlQuery control(m_db);
    if (!control.exec(u"BEGIN IMMEDIATE"_qs)) {
        *error = failure(u"cannot begin a write"_qs, control);
        return false;
    }
    if (!work()) {
        control.exec(u"ROLLBACK"_qs);
        return false;
    }
    if (!control.exec(u"COMMIT"_qs)) {
        *error = failure(u"cannot commit"_qs, control);
        control.exec(u"ROLLBACK"_qs);
        return false;
    }
    return true;
}

Outcome<int> Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA user_version"_qs) || !q.next())
        return Outcome<int>::failure(failure(u"cannot read the schema version"_qs, q));
    return Outcome<int>{q.value(0).toInt(), {}};
}

Outcome<QString> Database::journalMode()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA journal_mode"_qs) || !q.next())
        return Outcome<QString>::failure(failure(u"cannot read the journal mode"_qs, q));
    return Outcome<QString>{q.value(0).toString(), {}};
}

Outcome<QString> Database::integrityCheck()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA integrity_check"_qs))
        return Outcome<QString>::failure(failure(u"integrity_check failed to run"_qs, q));
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    return Outcome<QString>{findings.join(u'\n'), {}};
}

} // namespace gw::store
