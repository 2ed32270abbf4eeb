#pragma once
// A private PostgreSQL 15 cluster for the production-link tests: initdb as the postgres system
// user (PostgreSQL refuses to run as root) in a temp dir it owns, started on a free loopback port
// with its socket in that dir, one database with ../shared/data/production/schema.sql, stopped
// and deleted at the end. TCP connections need a password (scram-sha-256), so the tests connect
// the way production does; the fixture itself talks to the cluster through psql over the socket.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gwtest {

class PgCluster {
public:
    static constexpr const char *kBin = "/usr/lib/postgresql/15/bin";
    static QString password() { return QStringLiteral("pw-Zq8-secret-77x"); }
    static QString database() { return QStringLiteral("gwtest"); }

    ~PgCluster() { stop(); }

    // Empty on success, else what failed (with the tool's output).
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temp dir");
        if (::geteuid() != 0)
            return QStringLiteral("the PostgreSQL tests run as root (they start the cluster as the postgres user)");
        if (!QFile::exists(QStringLiteral("%1/initdb").arg(QLatin1StringView(kBin))))
            return QStringLiteral("postgresql-15 is not installed (scripts/install-deps.sh)");
        m_port = freePort();
        QFile pw(m_dir.filePath(QStringLiteral("pw")));
        if (!pw.open(QIODevice::WriteOnly) || pw.write(password().toUtf8()) < 0)
            return QStringLiteral("cannot write the password file");
        pw.close();
        if (QString e = runAsRoot(
                {QStringLiteral("chown"), QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_dir.path()});
            !e.isEmpty())
            return e;
        if (QString e =
                pg({QStringLiteral("initdb"), QStringLiteral("-D"), dataDir(), QStringLiteral("-U"),
                    QStringLiteral("postgres"), QStringLiteral("--auth-local=trust"),
                    QStringLiteral("--auth-host=scram-sha-256"),
                    QStringLiteral("--pwfile=") + m_dir.filePath(QStringLiteral("pw")), QStringLiteral("--no-sync"),
                    QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")});
            !e.isEmpty())
            return e;
        const QString opts =
            QStringLiteral("-k %1 -p %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off")
                .arg(m_dir.path())
                .arg(m_port);
        if (QString e = pg({QStringLiteral("pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-o"), opts,
                            QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                            QStringLiteral("start")});
            !e.isEmpty())
            return e;
        m_running = true;
        QString out;
        if (QString e = psql(QStringLiteral("CREATE DATABASE %1").arg(database()), &out, QStringLiteral("postgres"));
            !e.isEmpty())
            return e;
        QFile schema(QStringLiteral(GW_SOURCE_DIR "/../shared/data/production/schema.sql"));
        if (!schema.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read ../shared/data/production/schema.sql beside the checkout");
        return psql(QString::fromUtf8(schema.readAll()), &out);
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        pg({QStringLiteral("pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
            QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }

    int port() const { return m_port; }
    QString url(const QString &password = PgCluster::password()) const
    {
        return QStringLiteral("postgresql://postgres%1@127.0.0.1:%2/%3")
            .arg(password.isEmpty() ? QString() : QLatin1Char(':') + password)
            .arg(m_port)
            .arg(database());
    }
    QString serverLog() const
    {
        QFile f(m_dir.filePath(QStringLiteral("server.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // Runs SQL through psql on its own connection (unaligned, tuples only); empty on success.
    QString psql(const QString &sql, QString *out = nullptr, const QString &db = database()) const
    {
        QProcess p;
        p.setProgram(QStringLiteral("runuser"));
        p.setArguments({QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                        QStringLiteral("/usr/bin/psql"), QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"),
                        QString::number(m_port), QStringLiteral("-d"), db, QStringLiteral("-v"),
                        QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-X"), QStringLiteral("-q"),
                        QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-f"), QStringLiteral("-")});
        p.start();
        p.write(sql.toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(60000);
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("psql failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    // One value (the first line of psql's output); fails the test on an error.
    QString value(const QString &sql) const
    {
        QString out;
        const QString e = psql(sql, &out);
        if (!e.isEmpty())
            qWarning("%s", qPrintable(e));
        return out;
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof(addr);
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

    static QString runAsRoot(const QStringList &command)
    {
        QProcess p;
        p.start(command.first(), command.mid(1));
        p.waitForFinished(60000);
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return command.first() + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }

    QString pg(QStringList command) const
    {
        command.first() = QStringLiteral("%1/%2").arg(QLatin1StringView(kBin), command.first());
        return runAsRoot(QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                                     QStringLiteral("--")}
                         + command);
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/gw-pg-XXXXXX")};
    int m_port = 0;
    bool m_running = false;
};

} // namespace gwtest
