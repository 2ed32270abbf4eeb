// Pulling production usage: aggregated in PostgreSQL (what pull-usage does) against the naive way
// (every raw row streamed into our own aggregator), over one day and over seven days of a usage
// table that bench_pull_usage.sh generates. Usage: bench_pull_usage URL FIRST_DAY(RFC 3339)
// Output: BENCH <name> <value> <unit>
#include "config/config_io.h"
#include "usage_pull.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace gw;

namespace {

void bench(const QByteArray &name, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", name.constData(), value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_pull_usage URL FIRST_DAY\n");
        return 2;
    }
    const auto spec = production::parsePgUrl(QString::fromLocal8Bit(argv[1]), qEnvironmentVariable("PGPASSWORD"));
    const auto start = parseRfc3339(QString::fromLocal8Bit(argv[2]));
    if (!spec.ok() || !start) {
        std::fprintf(stderr, "bad URL or day\n");
        return 2;
    }
    store::ProductionLinkOptions link;
    link.statementTimeoutMs = 600000;
    for (int days : {1, 7}) {
        const qint64 from = start->toMSecsSinceEpoch(), to = from + qint64(days) * 86400000;
        const QByteArray suffix = QByteArray::number(days) + "d";
        QElapsedTimer t;
        t.start();
        const store::AggregatedUsage agg = store::readProductionUsage(spec.value, from, to, {}, link);
        const double aggSeconds = double(t.nsecsElapsed()) / 1e9;
        if (!agg.error.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(agg.error.message));
            return 1;
        }
        quint64 requests = 0;
        for (const TrafficBucket &b : agg.minuteBuckets)
            requests += b.values.requests;
        bench(QByteArray("pull_usage_requests_") + suffix, double(requests), "requests");
        bench(QByteArray("pull_usage_aggregated_seconds_") + suffix, aggSeconds, "s");
        bench(QByteArray("pull_usage_aggregated_rows_") + suffix, double(agg.rowsTransferred), "rows");

        // The whole pull, writing into a fresh history database.
        QTemporaryDir dir;
        store::Database history;
        if (!history.open(dir.filePath(QStringLiteral("h.sqlite"))).ok())
            return 1;
        store::UsagePullOptions options;
        options.from = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC);
        options.to = QDateTime::fromMSecsSinceEpoch(to, Qt::UTC);
        t.restart();
        const store::UsagePullResult pulled = store::pullProductionUsage(spec.value, history, options, link);
        if (!pulled.error.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(pulled.error.message));
            return 1;
        }
        bench(QByteArray("pull_usage_with_write_seconds_") + suffix, double(t.nsecsElapsed()) / 1e9, "s");

        t.restart();
        const store::NaiveUsagePull naive = store::pullProductionUsageNaive(spec.value, from, to, link);
        const double naiveSeconds = double(t.nsecsElapsed()) / 1e9;
        if (!naive.error.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(naive.error.message));
            return 1;
        }
        bench(QByteArray("pull_usage_naive_seconds_") + suffix, naiveSeconds, "s");
        bench(QByteArray("pull_usage_naive_rows_") + suffix, double(naive.rowsTransferred), "rows");
        bench(QByteArray("pull_usage_speedup_") + suffix, naiveSeconds / aggSeconds, "x");
        bench(QByteArray("pull_usage_rows_ratio_") + suffix,
              double(naive.rowsTransferred) / double(std::max<qint64>(1, agg.rowsTransferred)), "x");
    }
    return 0;
}
