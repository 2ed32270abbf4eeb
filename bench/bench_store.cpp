// History store throughput on a real SQLite file in a temporary directory: 100,000 bench results
// written in batches of 500 (20 runs of 5,000, as a busy week of test batches), then the queries
// the app runs over them. Output, one figure per line:  BENCH <name> <value> <unit>
// Query times are the median of 5 runs.

#include "database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace gw;
using namespace gw::store;

namespace {

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// A result the size of a short real one: a one-message request, a paragraph of answer.
BenchResult makeResult(int caseIndex, Gateway gateway)
{
    BenchResult r;
    r.caseIndex = caseIndex;
    r.gateway = gateway;
    r.promptName = u"prompt-%1"_qs.arg(caseIndex % 12);
    r.openrouterModel = u"anthropic/claude-sonnet-4"_qs;
    r.gatewayModel = r.openrouterModel;
    r.repetition = caseIndex % 3;
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL + caseIndex * 250LL, Qt::UTC);
    r.request = QJsonObject{
        {u"model"_qs, r.gatewayModel},
        {u"stream"_qs, true},
        {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs},
                                                {u"content"_qs, u"Explain prompt caching in two sentences."_qs}}}}};
    NormalizedResponse &n = r.response;
    n.text = u"Prompt caching keeps the processed prefix of a prompt so a later request with the same "
             "prefix skips that work. It lowers latency and the price of the cached input tokens."_qs;
    n.usage = TokenUsage{120, 48, 64, 0, 0};
    n.hasUsage = true;
    n.finalProvider = u"Anthropic"_qs;
    n.generationId = u"gen-%1"_qs.arg(caseIndex);
    n.costUsd = 0.00042;
    n.costSource = CostSource::Reported;
    n.finishReason = u"stop"_qs;
    n.model = r.gatewayModel;
    n.chunkCount = 14;
    r.httpStatus = 200;
    r.ttftMs = 350;
    r.totalMs = 1400;
    r.estimatedCostUsd = 0.0004;
    if (caseIndex % 20 == 19) {
        n.error.cls = ErrorClass::RateLimited;
        n.error.httpStatus = 429;
        n.error.code = u"rate_limit_exceeded"_qs;
    }
    return r;
}

double medianMs(int repetitions, const std::function<void()> &query)
{
    QList<double> times;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer t;
        t.start();
        query();
        times << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    constexpr int kRuns = 20, kResultsPerRun = 5000, kBatch = 500;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    Database db;
    if (const Outcome<bool> opened = db.open(path); !opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 1;
    }
    QList<QList<BenchResult>> batches; // built before timing: only the store is measured
    for (int first = 0; first < kResultsPerRun / 2; first += kBatch / 2) {
        QList<BenchResult> batch;
        for (int i = first; i < first + kBatch / 2; ++i)
            batch << makeResult(i, Gateway::OpenRouter) << makeResult(i, Gateway::Vercel);
        batches << batch;
    }
    std::printf("# %d runs x %d results, batches of %d, SQLite file in a temporary directory\n", kRuns, kResultsPerRun,
                kBatch);

    QList<qint64> runIds;
    QElapsedTimer total;
    total.start();
    for (int run = 0; run < kRuns; ++run) {
        const qint64 id = db.createRun(u"run %1"_qs.arg(run), RunSettings{}).value;
        runIds << id;
        for (const QList<BenchResult> &batch : batches) {
            if (const Outcome<int> added = db.addResults(id, batch); !added.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(added.error));
                return 1;
            }
        }
        db.finishRun(id, RunStatus::Finished);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    const int results = kRuns * kResultsPerRun;
    report("store_insert_results", results / seconds, "results/s");
    report("store_insert_batch_of_500", seconds * 1000.0 / (double(results) / kBatch), "ms");
    report("store_file_size", double(QFileInfo(path).size() + QFileInfo(path + u"-wal"_qs).size()) / 1e6, "MB");

    int listed = 0;
    report("store_list_runs_20_runs_100k_results", medianMs(5, [&] { listed = int(db.listRuns().value.size()); }),
           "ms");
    qsizetype loaded = 0;
    report("store_load_run_5000_results", medianMs(5, [&] { loaded = db.loadRun(runIds.at(7)).value.results.size(); }),
           "ms");
    qsizetype all = 0;
    report("store_traffic_events_all", medianMs(5, [&] { all = db.trafficEvents({}, {}).value.size(); }), "ms");
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL + 60'000, Qt::UTC);
    qsizetype window = 0;
    report("store_traffic_events_1min_window",
           medianMs(5, [&] { window = db.trafficEvents(from, from.addSecs(60), TrafficSource::Test).value.size(); }),
           "ms");
    report("store_traffic_events_all_count", double(all), "events");
    report("store_traffic_events_window_count", double(window), "events");
    if (listed != kRuns || loaded != kResultsPerRun) {
        std::fprintf(stderr, "unexpected: %d runs listed, %lld results loaded\n", listed, qlonglong(loaded));
        return 1;
    }
    return 0;
}
