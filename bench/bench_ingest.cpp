// Traffic log ingestion throughput: parse and aggregate a log into minute buckets and per-key
// usage (gwcore, the part that runs per byte; on one thread, on two, and on the default that
// picks by measurement), the SQLite write alone, then the whole path into a fresh SQLite
// history (gwstore). Memory: the peak RSS after the
// in-memory runs and after the SQLite import.
// Usage: bench_ingest LOG.jsonl [DB_DIR]
// Output, one figure per line:  BENCH <name> <value> <unit>

#include "database.h"
#include "traffic/ingest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// A /proc/self/status figure in MiB: "VmRSS:" now, "VmHWM:" the peak so far.
double statusMiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const qsizetype n = qsizetype(std::strlen(field));
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(n).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

double rssMiB()
{
    return statusMiB("VmRSS:");
}

struct Timed {
    double seconds = 1e30;
    qint64 events = 0;
    qsizetype buckets = 0;
    qsizetype usageRows = 0;
};

// Parse + aggregate only, best of three (the file is in the page cache after the first).
bool timeParseAggregate(const QString &log, int threads, Timed &out)
{
    gw::TrafficIngestOptions options;
    options.threads = threads;
    for (int run = 0; run < 3; ++run) {
        gw::TrafficAggregator agg;
        QElapsedTimer t;
        t.start();
        const gw::TrafficIngestResult r = gw::ingestTrafficFile(log, {}, agg, options);
        const double s = double(t.nsecsElapsed()) / 1e9;
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return false;
        }
        out.events = r.events;
        out.buckets = agg.bucketCount();
        out.usageRows = agg.keyUsageCount();
        out.seconds = std::min(out.seconds, s);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ingest LOG.jsonl [DB_DIR]\n");
        return 2;
    }
    const QString log = QString::fromLocal8Bit(argv[1]);
    const double mb = double(QFileInfo(log).size()) / 1e6;

    // 1) Parse + aggregate only: one thread, two, and the default (measured while reading).
    Timed one;
    Timed two;
    Timed chosen;
    if (!timeParseAggregate(log, 1, one) || !timeParseAggregate(log, 2, two) || !timeParseAggregate(log, 0, chosen))
        return 1;
    bench("ingest_parse_aggregate_seconds", one.seconds, "s");
    bench("ingest_parse_aggregate_throughput", mb / one.seconds, "MB/s");
    bench("ingest_parse_aggregate_events", double(one.events) / one.seconds / 1e6, "Mevents/s");
    bench("ingest_parse_aggregate_2threads_seconds", two.seconds, "s");
    bench("ingest_parse_aggregate_2threads_throughput", mb / two.seconds, "MB/s");
    bench("ingest_parse_aggregate_auto_seconds", chosen.seconds, "s");
    if (one.buckets != two.buckets || one.usageRows != two.usageRows || one.events != two.events)
        std::fprintf(stderr, "one and two threads differ\n");
    // The peak while parsing and aggregating a whole log (with two threads: both tables, merged).
    bench("ingest_peak_rss_mib", statusMiB("VmHWM:"), "MiB");
    bench("ingest_minute_buckets", double(one.buckets), "count");
    bench("ingest_key_usage_rows", double(one.usageRows), "count");
    {
        // What the SQLite import adds before any SQL: buckets out of the aggregator, roll-ups.
        gw::TrafficAggregator agg;
        gw::ingestTrafficFile(log, {}, agg);
        QElapsedTimer t;
        t.start();
        const QList<gw::TrafficBucket> minutes = agg.minuteBuckets();
        bench("ingest_export_minute_buckets_seconds", double(t.nsecsElapsed()) / 1e9, "s");
        t.restart();
        const QList<gw::TrafficBucket> hours = gw::rollUpTraffic(minutes, gw::TrafficResolution::Hour);
        gw::rollUpTraffic(hours, gw::TrafficResolution::Day);
        bench("ingest_roll_up_seconds", double(t.nsecsElapsed()) / 1e9, "s");
        t.restart();
        const QList<gw::TrafficKeyUsage> usage = agg.keyUsage();
        bench("ingest_export_key_usage_seconds", double(t.nsecsElapsed()) / 1e9, "s");
        // The SQLite write alone: the same buckets and usage into a fresh history file, one
        // transaction (what commitTrafficImport does after parsing), then closing it.
        QTemporaryDir commitDir(argc > 2 ? QString::fromLocal8Bit(argv[2]) + QStringLiteral("/bench-commit-XXXXXX")
                                         : QDir::tempPath() + QStringLiteral("/bench-commit-XXXXXX"));
        gw::store::Database db;
        if (const auto opened = db.open(commitDir.filePath(QStringLiteral("history.sqlite"))); !opened.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error));
            return 1;
        }
        gw::TrafficFileState state;
        state.path = log;
        state.fingerprint = QStringLiteral("bench");
        state.fingerprintBytes = 1;
        state.offset = 1;
        t.restart();
        const auto committed = db.commitTrafficImport(state, minutes, usage);
        db.close();
        bench("ingest_sqlite_write_seconds", double(t.nsecsElapsed()) / 1e9, "s");
        bench("ingest_sqlite_rows", double(minutes.size() + hours.size() + usage.size()), "count");
        if (!committed.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(committed.error));
            return 1;
        }
    }
    bench("ingest_rss_after_aggregate", rssMiB(), "MiB");
    bench("ingest_peak_rss_after_export_mib", statusMiB("VmHWM:"), "MiB");

    // 2) End to end into SQLite: parse, aggregate, roll up, merge into a fresh history file.
    QTemporaryDir dir(argc > 2 ? QString::fromLocal8Bit(argv[2]) + QStringLiteral("/bench-ingest-XXXXXX")
                               : QDir::tempPath() + QStringLiteral("/bench-ingest-XXXXXX"));
    gw::store::Database db;
    if (const auto opened = db.open(dir.filePath(QStringLiteral("history.sqlite"))); !opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const auto imported = db.importTrafficFile(log);
    const double s = double(t.nsecsElapsed()) / 1e9;
    if (!imported.ok() || !imported.value.ok()) {
        std::fprintf(stderr, "%s%s\n", qPrintable(imported.error), qPrintable(imported.value.error));
        return 1;
    }
    bench("ingest_to_sqlite_seconds", s, "s");
    bench("ingest_to_sqlite_throughput", mb / s, "MB/s");
    bench("ingest_to_sqlite_events", double(imported.value.events) / s / 1e6, "Mevents/s");
    bench("ingest_rss_after_sqlite", rssMiB(), "MiB");
    bench("ingest_peak_rss_after_sqlite_mib", statusMiB("VmHWM:"), "MiB");
    t.restart();
    const auto again = db.importTrafficFile(log);
    bench("ingest_reimport_unchanged_seconds", double(t.nsecsElapsed()) / 1e9, "s");
    if (again.value.events != 0)
        std::fprintf(stderr, "re-import added %lld events\n", static_cast<long long>(again.value.events));
    return 0;
}
