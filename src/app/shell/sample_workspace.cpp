#include "shell/sample_workspace.h"

#include "config/config_io.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

// The resource is compiled into the gwapp static library: a program linking it must ask for it.
static void initSampleResource()
{
    Q_INIT_RESOURCE(sample_workspace);
}

namespace gw::app {

bool installSampleWorkspace(const QString &dir, QString *error)
{
    initSampleResource();
    const QString root = QStringLiteral(":/sample-workspace");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    bool any = false;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = dir + source.mid(root.size());
        any = true;
        if (QFileInfo::exists(target))
            continue;
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(source, in.errorString());
            return false;
        }
        if (const gw::Outcome<bool> written = gw::writeFileAtomically(target, in.readAll()); !written.ok()) {
            if (error)
                *error = written.error;
            return false;
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    QDir().mkpath(dir + QStringLiteral("/exports"));
    if (!any && error)
        *error = QStringLiteral("the sample workspace is not embedded");
    return any;
}

} // namespace gw::app
