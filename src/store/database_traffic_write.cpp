// Database: the bulk write of an import's traffic rows (minute buckets with their hour and day
// roll-ups, key usage) through SQLite's C API (sqlite_statement.h says why), inside the
// transaction commitTrafficImportIfCurrent opened.
#include "database.h"

#include "sqlite_statement.h"

#include <QDir>

#include <unordered_map>

namespace gw::store {

namespace {

constexpr auto kBucketKeyColumns = "resolution, start_ms, gateway, model, provider, status_class";
constexpr auto kBucketValueColumns =
    "requests, fallbacks, free_requests, cost_reported_usd, cost_reported_count, cost_estimated_usd,"
    " cost_estimated_count, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, latency_count,"
    " latency_sum_ms, latency_max_ms, latency_hist, ttft_count, ttft_sum_ms, ttft_max_ms, ttft_hist";

// The aggregator's names are shared QStrings (one per distinct model, provider, user, task):
// each is converted to UTF-8 once, not once per row. Keyed by the string's data, which the
// rows being written keep alive for the whole write.
class Utf8Names {
public:
    const QByteArray &operator()(const QString &s)
    {
        auto [it, added] = m_names.try_emplace(Key{s.constData(), s.size()});
        if (added)
            it->second = s.toUtf8();
        return it->second;
    }

private:
    struct Key {
        const QChar *data;
        qsizetype size;
        bool operator==(const Key &) const = default;
    };
    struct Hash {
        size_t operator()(const Key &k) const { return std::hash<const void *>()(k.data) ^ size_t(k.size); }
    };
    std::unordered_map<Key, QByteArray, Hash> m_names;
};

const QByteArray &utf8Gateway(Gateway g)
{
    static const QByteArray openrouter = gatewayName(Gateway::OpenRouter).toUtf8();
    static const QByteArray vercel = gatewayName(Gateway::Vercel).toUtf8();
    return g == Gateway::Vercel ? vercel : openrouter;
}

const QByteArray &utf8Resolution(TrafficResolution r)
{
    static const QByteArray minute = trafficResolutionName(TrafficResolution::Minute).toUtf8();
    static const QByteArray hour = trafficResolutionName(TrafficResolution::Hour).toUtf8();
    static const QByteArray day = trafficResolutionName(TrafficResolution::Day).toUtf8();
    return r == TrafficResolution::Day ? day : r == TrafficResolution::Hour ? hour : minute;
}

// Binds the key to parameters 1-6 (kBucketKeyColumns order).
void bindKey(SqliteStatement &q, const TrafficBucket &b, Utf8Names &utf8)
{
    q.bindText(1, utf8Resolution(b.resolution));
    q.bind(2, qint64(b.key.startMs));
    q.bindText(3, utf8Gateway(b.key.gateway));
    q.bindText(4, utf8(b.key.model));
    q.bindText(5, utf8(b.key.provider));
    q.bindText(6, utf8(b.key.statusClass));
}

// Binds the values to parameters 7-25 (kBucketValueColumns order); the blobs live in `blobs`
// until the statement ran.
void bindValues(SqliteStatement &q, const TrafficBucketValues &v, QByteArray (&blobs)[2])
{
    int i = 7;
    for (quint64 n : {v.requests, v.fallbacks, v.freeRequests})
        q.bind(i++, qint64(n));
    q.bind(i++, v.costReportedUsd);
    q.bind(i++, qint64(v.costReportedCount));
    q.bind(i++, v.costEstimatedUsd);
    q.bind(i++, qint64(v.costEstimatedCount));
    for (quint64 n : {v.promptTokens, v.completionTokens, v.cachedTokens, v.reasoningTokens})
        q.bind(i++, qint64(n));
    q.bind(i++, qint64(v.latencyCount));
    q.bind(i++, v.latencySumMs);
    q.bind(i++, v.latencyMaxMs);
    blobs[0] = v.latency.toBlob();
    q.bindBlob(i++, blobs[0].constData(), int(blobs[0].size()));
    q.bind(i++, qint64(v.ttftCount));
    q.bind(i++, v.ttftSumMs);
    q.bind(i++, v.ttftMaxMs);
    blobs[1] = v.ttft.toBlob();
    q.bindBlob(i++, blobs[1].constData(), int(blobs[1].size()));
}

// The stored values of a bucket, from a SELECT of kBucketValueColumns.
TrafficBucketValues readValues(const SqliteStatement &q)
{
    TrafficBucketValues v;
    auto u = [&](int i) { return quint64(q.int64(i)); };
    v.requests = u(0);
    v.fallbacks = u(1);
    v.freeRequests = u(2);
    v.costReportedUsd = q.real(3);
    v.costReportedCount = u(4);
    v.costEstimatedUsd = q.real(5);
    v.costEstimatedCount = u(6);
    v.promptTokens = u(7);
    v.completionTokens = u(8);
    v.cachedTokens = u(9);
    v.reasoningTokens = u(10);
    v.latencyCount = u(11);
    v.latencySumMs = q.real(12);
    v.latencyMaxMs = q.real(13);
    v.latency = LatencyHistogram::fromBlob(q.blob(14));
    v.ttftCount = u(15);
    v.ttftSumMs = q.real(16);
    v.ttftMaxMs = q.real(17);
    v.ttft = LatencyHistogram::fromBlob(q.blob(18));
    return v;
}

QByteArray sql(std::initializer_list<const char *> parts)
{
    QByteArray out;
    for (const char *p : parts)
        out += p;
    return out;
}

} // namespace

bool Database::writeTrafficRows(const QList<TrafficBucket> &minuteBuckets, const QList<TrafficKeyUsage> &keyUsage,
                                QString *error)
{
    sqlite3 *db = sqliteHandle(m_db);
    auto fail = [&](const QString &what, const SqliteStatement &q) {
        *error = QDir::toNativeSeparators(m_path) + u": "_qs + what + u": "_qs + q.error();
        return false;
    };
    const QByteArray values25 = "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                                " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)";
    const QByteArray columns = sql({"(", kBucketKeyColumns, ", ", kBucketValueColumns, ") "});
    // A bucket outside the stored time range cannot exist yet: a plain insert (one that did
    // would fail, not overwrite). One inside it is read, merged and replaced.
    SqliteStatement insert(db, sql({"INSERT INTO traffic_buckets ", columns.constData(), values25.constData()}));
    SqliteStatement replace(
        db, sql({"INSERT OR REPLACE INTO traffic_buckets ", columns.constData(), values25.constData()}));
    SqliteStatement select(db, sql({"SELECT ", kBucketValueColumns,
                                    " FROM traffic_buckets WHERE resolution = ?1"
                                    " AND start_ms = ?2 AND gateway = ?3 AND model = ?4 AND provider = ?5"
                                    " AND status_class = ?6"}));
    SqliteStatement range(db, "SELECT min(start_ms), max(start_ms) FROM traffic_buckets WHERE resolution = ?1");
    // Every usage figure is a sum: a row already stored for the key just grows by the new one.
    SqliteStatement usage(db,
                          "INSERT INTO traffic_key_usage (hour_start_ms, gateway, model, user, task, requests,"
                          " errors, fallbacks, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,"
                          " cost_usd, cost_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                          " ON CONFLICT (hour_start_ms, gateway, model, user, task) DO UPDATE SET"
                          " requests = requests + excluded.requests, errors = errors + excluded.errors,"
                          " fallbacks = fallbacks + excluded.fallbacks,"
                          " prompt_tokens = prompt_tokens + excluded.prompt_tokens,"
                          " completion_tokens = completion_tokens + excluded.completion_tokens,"
                          " cached_tokens = cached_tokens + excluded.cached_tokens,"
                          " reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens,"
                          " cost_usd = cost_usd + excluded.cost_usd, cost_count = cost_count + excluded.cost_count");
    for (const SqliteStatement *q : {&insert, &replace, &select, &range, &usage})
        if (!q->isValid())
            return fail(u"cannot prepare the traffic write"_qs, *q);

    Utf8Names utf8;
    QByteArray blobs[2];
    const QList<TrafficBucket> hours = rollUpTraffic(minuteBuckets, TrafficResolution::Hour);
    const QList<TrafficBucket> days = rollUpTraffic(hours, TrafficResolution::Day);
    for (const QList<TrafficBucket> *level : {&minuteBuckets, &hours, &days}) {
        if (level->isEmpty())
            continue;
        range.bindText(1, utf8Resolution(level->constFirst().resolution));
        const bool hasRow = range.next();
        if (range.failed() || !hasRow)
            return fail(u"cannot read traffic buckets"_qs, range);
        const bool anyStored = !range.isNull(0);
        const qint64 storedFrom = range.int64(0);
        const qint64 storedTo = range.int64(1);
        range.reset();
        for (const TrafficBucket &incoming : *level) {
            if (!anyStored || incoming.key.startMs < storedFrom || incoming.key.startMs > storedTo) {
                bindKey(insert, incoming, utf8);
                bindValues(insert, incoming.values, blobs);
                if (!insert.execute())
                    return fail(u"cannot write traffic buckets"_qs, insert);
                continue;
            }
            bindKey(select, incoming, utf8);
            const bool stored = select.next();
            if (select.failed())
                return fail(u"cannot read traffic buckets"_qs, select);
            TrafficBucketValues merged = incoming.values;
            if (stored)
                merged.merge(readValues(select));
            select.reset();
            bindKey(replace, incoming, utf8);
            bindValues(replace, merged, blobs);
            if (!replace.execute())
                return fail(u"cannot write traffic buckets"_qs, replace);
        }
    }
    for (const TrafficKeyUsage &u : keyUsage) {
        usage.bind(1, qint64(u.key.hourStartMs));
        usage.bindText(2, utf8Gateway(u.key.gateway));
        // NOT NULL columns: an absent user or task is the empty string (a null QString converts
        // to an empty, non-null QByteArray here), never NULL.
        usage.bindText(3, utf8(u.key.model));
        usage.bindText(4, utf8(u.key.user));
        usage.bindText(5, utf8(u.key.task));
        int i = 6;
        for (quint64 n :
             {u.requests, u.errors, u.fallbacks, u.promptTokens, u.completionTokens, u.cachedTokens, u.reasoningTokens})
            usage.bind(i++, qint64(n));
        usage.bind(i++, u.costUsd);
        usage.bind(i++, qint64(u.costCount));
        if (!usage.execute())
            return fail(u"cannot write traffic key usage"_qs, usage);
    }
    return true;
}

} // namespace gw::store
