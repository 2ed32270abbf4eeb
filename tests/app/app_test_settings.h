#pragma once
// Every app test runs on its own settings and data: QStandardPaths in test mode, an INI settings
// file in a temporary folder, and its own application name, so nothing of the user's is touched
// and no test sees another's settings.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace gwtest {

inline void isolateAppSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    static QTemporaryDir settingsDir; // lives until the test process ends
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("GatewayConsoleTest"));
    QCoreApplication::setApplicationName(applicationName);
}

} // namespace gwtest
