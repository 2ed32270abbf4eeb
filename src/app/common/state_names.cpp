#include "common/state_names.h"

#include "common/config_text.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace gw::app::states {

QString draft()
{
    return QCoreApplication::translate("States", "draft (autosaved)");
}

QString lastExport()
{
    return QCoreApplication::translate("States", "last export");
}

QString live()
{
    return QCoreApplication::translate("States", "live in production");
}

QString describeRecord(const gw::ExportRecord &record)
{
    return QCoreApplication::translate("States", "revision %1, %2, %3")
        .arg(record.revision)
        .arg(record.profile, clockTimeText(record.time));
}

} // namespace gw::app::states
