#pragma once
// The test bench's value types: a prompt suite, the cases a batch expands to, one case's result
// on one gateway, the parity flags between the two sides, and the per-model summary. Shared by
// the runner (gwnet), the history store (gwstore), gatewayctl bench-prompts and the app's page.

#include "config/config.h"
#include "protocol/normalized.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

// One line of a suite file: {"name", "messages", "reasoning"?, "provider"?}.
struct PromptCase {
    QString name;
    QJsonArray messages;
    QJsonObject reasoning; // OpenRouter's "reasoning" object ({"effort": "low"}); empty = none
    QJsonObject provider;  // OpenRouter's provider preferences; empty = none
    int line = 0;          // 1-based line in the suite file (0 for a prompt typed in the app)
};

struct PromptSuite {
    QString fileName;
    QList<PromptCase> cases;
};

// What a batch runs: every model x prompt x repetition, each on both gateways when the model is
// mapped to Vercel, otherwise on OpenRouter only (vercelModel empty, said so in the results).
struct BenchCase {
    int index = 0;                      // position in the batch, 0-based; results refer to it
    QString openrouterModel;            // the model as the operator picked it (OpenRouter id)
    std::optional<QString> vercelModel; // from the workspace mapping; none: not on Vercel
    int promptIndex = 0;                // into PromptSuite::cases
    int repetition = 0;                 // 0-based
};

// One case on one gateway.
struct BenchResult {
    int caseIndex = 0;
    Gateway gateway = Gateway::OpenRouter;
    QString promptName;
    QString openrouterModel;
    QString gatewayModel; // the id sent to this gateway
    int repetition = 0;
    QDateTime startedAt;             // UTC
    QJsonObject request;             // the body sent to this gateway (never headers, never a key)
    QStringList translationWarnings; // what the Vercel request lost in translation
    NormalizedResponse response;     // error.cls None on success
    int httpStatus = 0;
    qint64 ttftMs = -1; // -1 when no text or reasoning arrived
    qint64 totalMs = -1;
    std::optional<double> estimatedCostUsd; // from the catalog price table
    std::optional<double> billedCostUsd;    // from GET /generation, filled in after the run
    bool skipped = false;                   // not run: the model is not on this gateway
    QString skipReason;

    bool ok() const { return !skipped && !response.error.isError(); }
};

// Differences between the two sides of one case worth an operator's attention.
enum class ParityFlag : quint32 {
    None = 0,
    ReasoningMissing = 1u << 0,    // reasoning came back on one side only
    CostNotReported = 1u << 1,     // a side reported no cost (an estimate stands in)
    SlowerTtft = 1u << 2,          // one side's TTFT is much slower (see kSlowerTtftFactor)
    ErrorOneSide = 1u << 3,        // one side failed, the other did not
    EmptyAnswer = 1u << 4,         // a side succeeded with no text
    FinishReasonDiffers = 1u << 5, // both succeeded with different finish reasons
};
using ParityFlags = quint32;
inline constexpr double kSlowerTtftFactor = 2.0; // and at least kSlowerTtftMinMs apart
inline constexpr qint64 kSlowerTtftMinMs = 250;

// Per model and gateway over a batch.
struct BenchSummaryRow {
    QString openrouterModel;
    Gateway gateway = Gateway::OpenRouter;
    int runs = 0; // cases run on this gateway (skipped ones excluded)
    int succeeded = 0;
    double successRate = 0; // 0..1
    double ttftP50Ms = -1, ttftP95Ms = -1;
    double totalP50Ms = -1, totalP95Ms = -1;
    std::optional<double> meanCostUsd;     // over succeeded cases with any known cost
    std::optional<double> tokensPerSecond; // mean of runTokensPerSecond over the runs that have one
};

} // namespace gw
