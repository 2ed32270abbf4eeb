#pragma once
// Runs the real gatewayctl binary (GATEWAYCTL_PATH, set by tests/cli/CMakeLists.txt) and keeps
// what it said: the CLI tests check exit codes, stdout and stderr of the shipped program.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace gwtest {

struct Run {
    int exitCode = -1; // -1 when it crashed
    QString out;
    QString err;
};

inline Run gatewayctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(GATEWAYCTL_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("gatewayctl did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace gwtest
