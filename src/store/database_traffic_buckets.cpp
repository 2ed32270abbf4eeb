// Database: traffic logs ingested into buckets, and the files they came from.
#include "database.h"
#include "traffic_bucket_row.h"

#include "result_row.h"

#include <QDir>
#include <QSqlQuery>

namespace gw::store {

namespace {

constexpr auto kFileColumns = "id, path, fingerprint, fingerprint_bytes, offset_bytes, lines, bad_lines";

TrafficFileState readFile(const QSqlQuery &q)
{
    TrafficFileState s;
    s.id = q.value(0).toLongLong();
    s.path = q.value(1).toString();
    s.fingerprint = q.value(2).toString();
    s.fingerprintBytes = q.value(3).toLongLong();
    s.offset = q.value(4).toLongLong();
    s.lines = q.value(5).toLongLong();
    s.badLines = q.value(6).toLongLong();
    return s;
}

} // namespace

Outcome<std::optional<TrafficFileState>> Database::findTrafficFile(const QString &path, const QByteArray &head)
{
    using R = Outcome<std::optional<TrafficFileState>>;
    // The same path with the same first bytes (a file that grew), else the same full-length
    // fingerprint under another name (a rotated or copied file), else a short file whose old
    // path no longer holds it (rotated). Two short files that merely start alike under
    // different names, both still in place, stay different files.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT "_qs + QLatin1StringView(kFileColumns)
        + u" FROM traffic_files WHERE path = ? AND fingerprint_bytes <= ? ORDER BY last_ingested_at DESC, id DESC"_qs);
    q.addBindValue(path);
    q.addBindValue(qint64(head.size()));
    if (!q.exec())
        return R::failure(failure(u"cannot read traffic files"_qs, q));
    while (q.next()) {
        const TrafficFileState s = readFile(q);
        if (trafficFingerprint(head, qsizetype(s.fingerprintBytes)) == s.fingerprint)
            return R{s, {}};
    }
    if (head.size() < kTrafficFingerprintBytes) {
        // A short file renamed by log rotation: the same first bytes as a file whose old path
        // is gone now (or holds something else). The last few hundred files are enough.
        QSqlQuery moved(m_db);
        moved.setForwardOnly(true);
        moved.prepare(u"SELECT "_qs + QLatin1StringView(kFileColumns)
                      + u" FROM traffic_files WHERE path <> ? AND fingerprint_bytes <= ?"
                        " ORDER BY last_ingested_at DESC, id DESC LIMIT 500"_qs);
        moved.addBindValue(path);
        moved.addBindValue(qint64(head.size()));
        if (!moved.exec())
            return R::failure(failure(u"cannot read traffic files"_qs, moved));
        while (moved.next()) {
            const TrafficFileState s = readFile(moved);
            if (trafficFingerprint(head, qsizetype(s.fingerprintBytes)) != s.fingerprint)
                continue;
            const Outcome<QByteArray> there = readTrafficContent(s.path, qsizetype(s.fingerprintBytes));
            if (!there.ok() || trafficFingerprint(there.value, qsizetype(s.fingerprintBytes)) != s.fingerprint)
                return R{s, {}};
        }
        return R{};
    }
    QSqlQuery full(m_db);
    full.setForwardOnly(true);
    full.prepare(
        u"SELECT "_qs + QLatin1StringView(kFileColumns)
        + u" FROM traffic_files WHERE fingerprint_bytes = ? AND fingerprint = ? ORDER BY offset_bytes DESC"_qs);
    full.addBindValue(qint64(kTrafficFingerprintBytes));
    full.addBindValue(trafficFingerprint(head, kTrafficFingerprintBytes));
    if (!full.exec())
        return R::failure(failure(u"cannot read traffic files"_qs, full));
    if (full.next())
        return R{readFile(full), {}};
    return R{};
}

Outcome<TrafficFileState> Database::commitTrafficImport(const TrafficFileState &state,
                                                        const QList<TrafficBucket> &minuteBuckets,
                                                        const QList<TrafficKeyUsage> &keyUsage)
{
    using R = Outcome<TrafficFileState>;
    const auto committed = commitTrafficImportIfCurrent({}, state, minuteBuckets, keyUsage);
    if (!committed.ok())
        return R::failure(committed.error);
    return R{committed.value.value_or(state), {}};
}

Outcome<std::optional<TrafficFileState>>
Database::commitTrafficImportIfCurrent(const TrafficCommitCheck &stillCurrent, const TrafficFileState &state,
                                       const QList<TrafficBucket> &minuteBuckets,
                                       const QList<TrafficKeyUsage> &keyUsage)
{
    using R = Outcome<std::optional<TrafficFileState>>;
    TrafficFileState saved = state;
    QString error;
    bool stale = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool done = inTransaction(
        [&] {
            if (stillCurrent) {
                const Outcome<bool> current = stillCurrent();
                if (!current.ok()) {
                    error = current.error;
                    return false;
                }
                if (!current.value) {
                    stale = true;
                    return false;
                }
            }
            if (!writeTrafficRows(minuteBuckets, keyUsage, &error))
                return false;
            if (saved.offset <= 0 || saved.fingerprintBytes <= 0)
                return true; // nothing of the file was read yet: nothing to recognise it by
            QSqlQuery file(m_db);
            if (saved.id > 0) {
                file.prepare(
                    u"UPDATE traffic_files SET path = ?, fingerprint = ?, fingerprint_bytes = ?, offset_bytes = ?,"
                    " lines = ?, bad_lines = ?, last_ingested_at = ? WHERE id = ?"_qs);
            } else {
                file.prepare(u"INSERT INTO traffic_files (path, fingerprint, fingerprint_bytes, offset_bytes, lines,"
                             " bad_lines, last_ingested_at, first_ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_qs);
            }
            for (const QVariant &v : QVariantList{saved.path, saved.fingerprint, saved.fingerprintBytes, saved.offset,
                                                  saved.lines, saved.badLines, now})
                file.addBindValue(v);
            file.addBindValue(saved.id > 0 ? saved.id : now);
            if (!file.exec()) {
                error = failure(u"cannot record the traffic file"_qs, file);
                return false;
            }
            if (saved.id <= 0)
                saved.id = file.lastInsertId().toLongLong();
            return true;
        },
        &error);
    if (stale)
        return R{};
    if (!done)
        return R::failure(error);
    return R{saved, {}};
}

namespace {

// The same stored progress: nothing committed for this file since it was looked up.
bool sameProgress(const std::optional<TrafficFileState> &a, const std::optional<TrafficFileState> &b)
{
    if (!a || !b)
        return !a && !b;
    return a->id == b->id && a->offset == b->offset && a->lines == b->lines;
}

// Rounds of "another importer committed this file first" before giving up; each round re-reads
// only what that importer did not count (usually nothing), and each needs another process's
// commit of the same file to happen in between, so a handful of importers never get near it.
constexpr int kMaxImportRounds = 64;

} // namespace

Outcome<TrafficIngestResult> Database::importTrafficFile(const QString &path, const TrafficIngestOptions &options)
{
    using R = Outcome<TrafficIngestResult>;
    // Read the stored state, aggregate what is new outside any lock, then commit only if the
    // stored state is still the one the aggregation started from (re-read inside the write
    // transaction). Another process that imported the same file meanwhile makes this round
    // stale: it is dropped and the file read again from the new offset, so every line is
    // counted once however many importers run at once.
    for (int round = 0; round < kMaxImportRounds; ++round) {
        QString lookupError;
        QString canonical;
        QByteArray head;
        std::optional<TrafficFileState> previous;
        TrafficAggregator aggregator;
        TrafficIngestResult result = ingestTrafficFile(
            path,
            [&](const QString &canonicalPath, const QByteArray &contentHead) -> std::optional<TrafficFileState> {
                canonical = canonicalPath;
                head = contentHead;
                const auto found = findTrafficFile(canonical, head);
                lookupError = found.error;
                previous = found.value;
                return found.value;
            },
            aggregator, options);
        if (!lookupError.isEmpty())
            return R::failure(lookupError);
        if (!result.ok())
            return R{result, {}};
        const QList<TrafficBucket> minutes = aggregator.minuteBuckets();
        const QList<TrafficKeyUsage> usage = aggregator.keyUsage();
        aggregator.clear(); // its tables are as big as the exported lists: not both through the commit
        const auto stillCurrent = [&]() -> Outcome<bool> {
            const auto now = findTrafficFile(canonical, head);
            if (!now.ok())
                return Outcome<bool>::failure(now.error);
            return Outcome<bool>{sameProgress(previous, now.value), {}};
        };
        const auto committed = commitTrafficImportIfCurrent(stillCurrent, result.state, minutes, usage);
        if (!committed.ok())
            return R::failure(committed.error);
        if (!committed.value)
            continue; // another importer was first: read again from where it stopped
        result.state = *committed.value;
        return R{result, {}};
    }
    return R::failure(
        QDir::toNativeSeparators(m_path) + u": "_qs + path
        + u": imported by other processes %1 times while this import read it; not imported"_qs.arg(kMaxImportRounds));
}

Outcome<QList<TrafficFileState>> Database::trafficFiles()
{
    using R = Outcome<QList<TrafficFileState>>;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_qs + QLatin1StringView(kFileColumns) + u" FROM traffic_files ORDER BY id"_qs))
        return R::failure(failure(u"cannot read traffic files"_qs, q));
    R r;
    while (q.next())
        r.value << readFile(q);
    return r;
}

Outcome<QList<TrafficBucket>> Database::trafficBuckets(TrafficResolution resolution, const QDateTime &from,
                                                       const QDateTime &to)
{
    using R = Outcome<QList<TrafficBucket>>;
    QString sql =
        u"SELECT "_qs + QLatin1StringView(kTrafficBucketColumns) + u" FROM traffic_buckets WHERE resolution = ?"_qs;
    if (from.isValid())
        sql += u" AND start_ms >= ?"_qs;
    if (to.isValid())
        sql += u" AND start_ms < ?"_qs;
    sql += u" ORDER BY start_ms, gateway, model, provider, status_class"_qs;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(trafficResolutionName(resolution));
    if (from.isValid())
        q.addBindValue(from.toMSecsSinceEpoch());
    if (to.isValid())
        q.addBindValue(to.toMSecsSinceEpoch());
    if (!q.exec())
        return R::failure(failure(u"cannot read traffic buckets"_qs, q));
    R r;
    while (q.next())
        r.value << readBucket(q);
    return r;
}

} // namespace gw::store
