#pragma once
// Looks at a history file's bytes before SQLite touches it. Opening a file with SQLite (and
// switching it to WAL) can write to it, so a file that is not ours to change (random bytes, a
// truncated copy, a newer schema) must be recognised from its header alone and left as it is.

#include <QString>

namespace gw::store {

struct FileCheck {
    enum Verdict {
        Missing, // no file: a new history is created
        Empty,   // zero bytes: SQLite treats it as an empty database; migrated like a new one
        Sqlite,  // an SQLite header that is consistent with the file's size
        Refused, // not ours to open; `reason` says why
    };
    Verdict verdict = Missing;
    int userVersion = 0; // the header's user_version (our schema version) when Sqlite
    QString reason;      // without the file name, e.g. "not an SQLite database"
};

FileCheck checkHistoryFile(const QString &path, int newestKnownVersion);

} // namespace gw::store
