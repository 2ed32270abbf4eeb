#pragma once
// The history schema as an ordered list of migrations. PRAGMA user_version holds how many have
// run; migration i (1-based) takes a file from version i-1 to i inside one transaction. A new
// version appends a step here and never edits an old one.

#include <QStringList>

namespace gw::store {

struct Migration {
    int toVersion;
    QStringList statements;
};

const QList<Migration> &migrations();
int currentSchemaVersion(); // the last migration's toVersion

} // namespace gw::store
