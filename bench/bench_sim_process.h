#pragma once
// Shared by the benchmarks that measure a client against gateway-sim: the simulator as its own
// process on a free loopback port (so its CPU is not the client's), and both processes' CPU time.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <ctime>
#include <unistd.h>

namespace gwbench {

// CPU time of this process (all threads, QNetworkAccessManager's included), in ms. Unlike wall
// time it does not grow when other programs compete for the cores.
inline double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of another process (utime + stime from /proc), in ms; -1 if unreadable.
inline double childCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong()); // utime, stime
    return ticks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

class SimProcess {
public:
    // `args` come after "--port 0" (seed, latencies); false when it did not say where it listens.
    bool start(const QString &program, const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + args);
        if (!m_process.waitForStarted(30'000))
            return false;
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < 30'000)
            m_process.waitForReadyRead(1000);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening 127\\.0\\.0\\.1:(\\d+)$"))
                                              .match(QString::fromUtf8(m_process.readLine()).trimmed());
        m_port = m.hasMatch() ? m.captured(1).toUShort() : 0;
        return m_port != 0;
    }
    ~SimProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10'000))
                m_process.kill();
        }
    }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace gwbench
