#pragma once
// The history store's own value types: what a bench run was started with (enough to re-run it),
// the summaries the history list shows, a stored run read back, and one traffic event for the
// Monitor. The bench result itself is gw::BenchResult from gwcore's bench_types.h.

#include "bench/types.h"
#include "util/outcome.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gw::store {

using gw::Outcome; // core/util/outcome.h: the one value-or-reason type

enum class RunStatus { Running, Finished, Cancelled };
QString runStatusName(RunStatus status); // "running" | "finished" | "cancelled"
std::optional<RunStatus> parseRunStatus(QStringView name);

// Everything a bench run was started with. Stored as JSON (bench_runs.settings_json).
struct RunSettings {
    QStringList models;       // OpenRouter ids as the operator picked them
    QJsonObject vercelModels; // OpenRouter id -> Vercel id, from the mapping at run time
    PromptSuite suite;        // the suite's file name and every case, inline
    int repeat = 1;
    int concurrency = 1;
    QJsonObject reasoning; // batch-wide reasoning override; empty = per prompt
    QJsonObject provider;  // batch-wide provider preferences; empty = per prompt
    // No operator==: PromptCase has none; compare toJson() forms.
};
QJsonObject toJson(const RunSettings &settings);
// Reads what toJson wrote; `where` prefixes errors ("run 3 settings_json: models: not an array").
Outcome<RunSettings> runSettingsFromJson(const QJsonObject &json, const QString &where);

struct RunSummary {
    qint64 id = 0;
    QString label;
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // invalid while running
    RunStatus status = RunStatus::Running;
    int results = 0;   // every stored result, skipped ones included
    int succeeded = 0; // not skipped, no error
    int failed = 0;    // not skipped, with an error
    int skipped = 0;
};

struct StoredRun {
    RunSummary summary;
    RunSettings settings;
    QList<BenchResult> results; // ordered by case index, then gateway (OpenRouter first)
};

enum class TrafficSource { Test, Log };
QString trafficSourceName(TrafficSource source); // "test" | "log"
std::optional<TrafficSource> parseTrafficSource(QStringView name);

// One request as the Monitor sees it, from a bench result ("test") or a traffic log ("log").
struct TrafficEvent {
    QDateTime ts; // UTC, when the request started
    TrafficSource source = TrafficSource::Test;
    Gateway gateway = Gateway::OpenRouter;
    QString model;    // the id sent to the gateway
    QString provider; // the inference provider that served it
    ErrorClass errorClass = ErrorClass::None;
    int httpStatus = 0;
    qint64 ttftMs = -1;
    qint64 totalMs = -1;
    TokenUsage usage; // cacheWrite is not kept for traffic
    std::optional<double> costUsd;
    CostSource costSource = CostSource::None;
    QString generationId;
    std::optional<qint64> runId; // the bench run it came from

    bool operator==(const TrafficEvent &) const = default;
};

// Where the app keeps its history: AppDataLocation + "/history.sqlite".
QString defaultHistoryPath();

} // namespace gw::store
