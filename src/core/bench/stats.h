#pragma once
// The test bench's numbers: parity flags between the two sides of a case, percentiles, the
// per-model summary, CSV (RFC 4180) and JSON forms. Pure functions over bench_types.h values.

#include "bench/types.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gw {

// Flags for one case. Both sides must have run (a skipped side gives no flags). Rules:
//   error_one_side        exactly one side failed;
//   reasoning_missing     both succeeded, reasoning text came back on exactly one side;
//   cost_not_reported     a succeeded side's cost is not "reported" by the gateway (estimated or none);
//   slower_ttft           both have a TTFT and the slower one is >= kSlowerTtftFactor x the faster
//                         AND >= kSlowerTtftMinMs more (both bounds inclusive);
//   empty_answer          a succeeded side has no text (whitespace only counts as none);
//   finish_reason_differs both succeeded with different finish reasons.
ParityFlags parityFlags(const BenchResult &openrouter, const BenchResult &vercel);

// Flags for every case of a batch that ran on both sides, by case index.
QHash<int, ParityFlags> parityByCase(const QList<BenchResult> &results);

const QList<ParityFlag> &allParityFlags();      // in bit order
QString parityFlagName(ParityFlag flag);        // stable snake_case ("slower_ttft"), for CSV/JSON
QString parityFlagDescription(ParityFlag flag); // one sentence for people (translated where a translator is installed)
QStringList parityFlagNames(ParityFlags flags); // in bit order

// Percentile by linear interpolation between closest ranks (the "R-7" method, as spreadsheet
// PERCENTILE.INC does): sort, rank r = p/100 x (n - 1), interpolate between floor(r) and
// ceil(r). p is clamped to 0..100; -1 for no values. p50 of {1,2,3,4} = 2.5, p95 of 1..20 = 19.05.
double percentile(QList<double> values, double p);

// The cost that counts for a result: billed (GET /generation), else the response's own
// (reported or estimated by the client), else the runner's catalog estimate.
std::optional<double> effectiveCostUsd(const BenchResult &result);

// One row per model and gateway that ran at least one case, models in first-appearance order,
// OpenRouter before Vercel. Percentiles and means over succeeded results; TTFT over those with
// a TTFT; tokens/s = mean over succeeded results with completion tokens and total > ttft of
// completion / ((total - ttft) / 1000).
// Output speed of one successful run: completion tokens over the streaming window (first token to
// the end) when that window is at least kMinStreamWindowMs, else over the whole request. A window
// of a few milliseconds (an answer sent in one burst, as the local simulator does) would give
// absurd figures such as 45,000 tokens/s. None without completion tokens or a duration.
inline constexpr qint64 kMinStreamWindowMs = 100;
std::optional<double> runTokensPerSecond(const BenchResult &r);
QList<BenchSummaryRow> summarize(const QList<BenchResult> &results);

// RFC 4180: CRLF line ends, a header line, fields with ',', '"', CR or LF quoted, quotes doubled.
QString csvField(const QString &text);
QString summaryCsv(const QList<BenchSummaryRow> &rows);
// Every result with its case's flags; the request body and keys are never written.
QString resultsCsv(const QList<BenchResult> &results);

QJsonObject toJson(const BenchSummaryRow &row);
QJsonObject toJson(const BenchResult &result, ParityFlags flags); // flags of its case

} // namespace gw
