#pragma once
// The states a routing config goes through, named once so that the title, the status bar and
// every page use the same words: the draft being edited (autosaved while unsaved), the last
// export (the file the next export is compared with) and what is live in production (the
// record the production router reads). Say "last export", never "baseline" or "saved config".

#include <QString>

namespace gw {
struct ExportRecord;
}

namespace gw::app::states {

QString draft();      // "draft (autosaved)"
QString lastExport(); // "last export"
QString live();       // "live in production"

// "revision 43, native, 2026-11-23 13:00 CET": one export or publish as the status bar names it.
QString describeRecord(const gw::ExportRecord &record);

} // namespace gw::app::states
