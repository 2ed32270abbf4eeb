#include "file_check.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace gw::store {

namespace {

// Offsets in the 100-byte SQLite database header (sqlite.org/fileformat.html, section 1.3).
constexpr int kHeaderSize = 100;
constexpr int kPageSizeOffset = 16; // 2 bytes; 1 means 65536
constexpr int kChangeCounterOffset = 24;
constexpr int kPageCountOffset = 28; // valid only when the change counter matches offset 92
constexpr int kUserVersionOffset = 60;
constexpr int kVersionValidForOffset = 92;

quint32 be32(const QByteArray &header, int offset)
{
    return qFromBigEndian<quint32>(header.constData() + offset);
}

} // namespace

FileCheck checkHistoryFile(const QString &path, int newestKnownVersion)
{
    FileCheck check;
    const QFileInfo info(path);
    if (!info.exists())
        return check;
    if (!info.isFile()) {
        check.verdict = FileCheck::Refused;
        check.reason = u"not a regular file"_qs;
        return check;
    }
    if (info.size() == 0) {
        check.verdict = FileCheck::Empty;
        return check;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        check.verdict = FileCheck::Refused;
        check.reason = u"cannot be read (%1)"_qs.arg(file.errorString());
        return check;
    }
    const QByteArray header = file.read(kHeaderSize);
    check.verdict = FileCheck::Refused;
    const QByteArrayView magic("SQLite format 3\0", 16);
    if (header.size() < kHeaderSize && header.startsWith(magic)) {
        check.reason = u"truncated (%1 bytes, shorter than an SQLite header)"_qs.arg(header.size());
        return check;
    }
    if (header.size() < kHeaderSize || !header.startsWith(magic)) {
        check.reason = u"not an SQLite database (no SQLite header)"_qs;
        return check;
    }
    const quint16 rawPageSize = qFromBigEndian<quint16>(header.constData() + kPageSizeOffset);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        check.reason = u"corrupt SQLite header (page size %1)"_qs.arg(pageSize);
        return check;
    }
    if (info.size() % pageSize != 0) {
        check.reason =
            u"truncated or damaged (%1 bytes is not a whole number of %2-byte pages)"_qs.arg(info.size()).arg(pageSize);
        return check;
    }
    // With a write-ahead log left by a writer that did not close (a crash, a kill mid-checkpoint),
    // the main file alone may be shorter than its header says: the log holds the rest and SQLite
    // replays it on open. Only without a log is a short file truncated.
    const bool hasLog = QFileInfo(path + u"-wal"_qs).size() > 0;
    if (!hasLog && be32(header, kChangeCounterOffset) == be32(header, kVersionValidForOffset)) {
        const qint64 expected = pageSize * be32(header, kPageCountOffset);
        if (info.size() < expected) {
            check.reason = u"truncated (%1 bytes; its header says %2)"_qs.arg(info.size()).arg(expected);
            return check;
        }
    }
    check.userVersion = int(be32(header, kUserVersionOffset));
    if (check.userVersion > newestKnownVersion) {
        check.reason =
            u"written by a newer Gateway Console (schema %1; this build reads up to %2)"_qs.arg(check.userVersion)
                .arg(newestKnownVersion);
        return check;
    }
    check.verdict = FileCheck::Sqlite;
    return check;
}

} // namespace gw::store
