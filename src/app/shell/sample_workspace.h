#pragma once
// The sample workspace embedded in the app (sample_workspace.qrc): real catalogs, confirmed
// mappings, rules, a prompt suite and a week of traffic, so a first start works with no key.

#include <QString>

namespace gw::app {

// Copies the embedded sample workspace into `dir` (created); existing files are kept.
bool installSampleWorkspace(const QString &dir, QString *error);

} // namespace gw::app
