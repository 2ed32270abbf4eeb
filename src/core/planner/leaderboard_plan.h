#pragma once
// The leaderboard share planner: how much of our traffic to send through Vercel so that our app
// ranks first on both gateways' app leaderboards, everything else staying on OpenRouter.
//
// With V our daily tokens, S our daily spend and s the Vercel share of ALL our traffic (0..1):
//   OpenRouter (ranks by prompt + completion tokens):  (1 - s) * V >= (1 + m) * C_openrouter
//   Vercel by tokens:                                    s * V     >= (1 + m) * C_vercel_tokens
//   Vercel by spend:                                     s * S     >= (1 + m) * C_vercel_spend
// where m is the safety margin and C the strongest competitor's volume. Spend is assumed to
// split like tokens (a model mix that differs between the gateways is not modelled).
// Shares in this API are percentages (0..100), like the config's.
//
// What a default share can actually move is limited: models not on Vercel, provider constraints
// and pinned rules stay where they are, rule shares stay as they are. eligibleTraffic() measures
// that on recorded traffic, proposeDefaultShares() turns a target share of all traffic into
// the config's default share.

#include "config/config.h"
#include "traffic/key_usage.h"
#include "util/diagnostic.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

enum class LeaderboardMetric { Tokens, Spend, Both };    // what Vercel's leaderboard is planned for
QString leaderboardMetricName(LeaderboardMetric metric); // "tokens" | "spend" | "both"
std::optional<LeaderboardMetric> parseLeaderboardMetric(QStringView name);

// The part of all traffic (in percent of tokens) that ends on Vercel whatever the default share
// is (fixedVercelPercent), and the most a default share of 100% adds to it (eligiblePercent).
// Without recorded traffic: {0, 100}, i.e. every token could go either way.
struct ShareReach {
    double fixedVercelPercent = 0;
    double eligiblePercent = 100;
    double minPercent() const { return fixedVercelPercent; }
    double maxPercent() const { return fixedVercelPercent + eligiblePercent; }
};

struct LeaderboardInputs {
    double ourTokensPerDay = 0;            // prompt + completion, all gateways
    double ourSpendPerDayUsd = 0;          // needed when the metric involves spend
    double openrouterCompetitorTokens = 0; // strongest other app on OpenRouter, per day
    double vercelCompetitorTokens = 0;     // strongest other app on Vercel by tokens, per day
    double vercelCompetitorSpendUsd = 0;   // strongest other app on Vercel by spend, per day
    LeaderboardMetric metric = LeaderboardMetric::Tokens;
    double marginPercent = 0; // lead every competitor by at least this much
    ShareReach reach;         // what the config can move (eligibleTraffic)
};

// Empty when the inputs can be planned with; else one message per problem (e.g. a competitor
// volume of 0 for a constraint the metric uses: "first" against nobody is not a plan).
QStringList validateLeaderboardInputs(const LeaderboardInputs &inputs);

// One bound on the Vercel share.
struct ShareConstraint {
    enum class Kind {
        OpenRouterTokens, // upper bound: enough left on OpenRouter
        VercelTokens,     // lower bound
        VercelSpend,      // lower bound
        FixedVercel,      // lower bound: traffic that is on Vercel anyway
        EligibleMax,      // upper bound: the most the default share can move there
    };
    Kind kind = Kind::OpenRouterTokens;
    bool upper = false;      // true: share <= boundPercent; false: share >= boundPercent
    double boundPercent = 0; // may lie outside 0..100 (e.g. 130: Vercel cannot be won)
};
QString shareConstraintName(
    ShareConstraint::Kind kind); // "openrouter_tokens", "vercel_tokens", "vercel_spend", "fixed_vercel", "eligible_max"

// One point of the chart: each leaderboard's lead over its strongest competitor at a share, in
// percent of the competitor's volume (negative: we are behind). A metric not planned for is 0
// and its `has` flag false.
struct LeaderboardCurvePoint {
    double sharePercent = 0;
    double openrouterMarginPercent = 0;
    double vercelTokensMarginPercent = 0;
    double vercelSpendMarginPercent = 0;
    bool hasVercelTokens = false;
    bool hasVercelSpend = false;
};

struct LeaderboardPlan {
    bool feasible = false;
    // The feasible range with the margin, clamped to 0..100 and to the reach. When infeasible:
    // lowPercent is the largest lower bound, highPercent the smallest upper bound (low > high).
    double lowPercent = 0;
    double highPercent = 0;
    double minimalPercent = 0; // = lowPercent when feasible: the least Vercel traffic that wins both
    // The same range without the safety margin (m = 0).
    double lowWithoutMarginPercent = 0;
    double highWithoutMarginPercent = 0;
    bool feasibleWithoutMargin = false;
    QList<ShareConstraint> constraints;               // every bound that applies
    std::optional<ShareConstraint::Kind> bindingLow;  // the lower bound that sets lowPercent
    std::optional<ShareConstraint::Kind> bindingHigh; // the upper bound that sets highPercent
    double shortfallPoints = 0;                       // infeasible: lowPercent - highPercent; else 0
    QString explanation;                              // one sentence (translatable), e.g. "OpenRouter needs at least
                                                      // 62% of tokens but Vercel needs 45%: short by 7 points."
    QList<LeaderboardCurvePoint> curve;               // shares 0, 1, ..., 100
};

// Plans with already validated inputs (validateLeaderboardInputs empty).
LeaderboardPlan planLeaderboard(const LeaderboardInputs &inputs);

// --- From a share of all traffic to the config's default shares ------------------------------

// Which default share a proposal changes; the other one keeps the draft's value.
enum class DefaultShareScope { Both, PaidOnly, FreeOnly };

// Recorded traffic as the draft would route it, in tokens (prompt + completion).
struct EligibleTraffic {
    struct Step {
        int bucketMilli = 0; // the key's bucket; goes to Vercel when bucket < share
        ModelClass modelClass = ModelClass::Paid;
        double tokens = 0;
    };
    double totalTokens = 0;
    double fixedVercelTokens = 0;  // decided Vercel by anything but a default share
    double eligiblePaidTokens = 0; // decided by default:paid (either gateway)
    double eligibleFreeTokens = 0; // decided by default:free
    int draftPaidMilli = 0;        // the draft's default shares
    int draftFreeMilli = 0;
    QList<Step> steps; // every default-decided row, sorted by bucket
    quint64 rows = 0;

    // What a proposal in `scope` can reach: the class not in scope counts at its draft share.
    ShareReach reach(DefaultShareScope scope = DefaultShareScope::Both) const;
    // The Vercel token share (percent of total) with these default shares, exactly.
    double vercelPercentAt(int paidMilli, int freeMilli) const;
};

// Decides every row with the draft (no failover boost), its rules counting only while in force
// with the traffic replayed as if it began when the draft goes live (draft_projection.h;
// `draftLiveFromMs` none: the current time).
EligibleTraffic eligibleTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft,
                                std::optional<qint64> draftLiveFromMs = std::nullopt);

struct DefaultShareProposal {
    bool reachable = false; // the target is within reach(scope)
    double targetPercent = 0;
    double defaultSharePaidPercent = 0; // the smallest share in 0.001 steps that reaches the
    double defaultShareFreePercent = 0; // target (100 when it is out of reach)
    double achievedPercent = 0;         // the Vercel token share those shares give on the traffic
};

// The smallest default share p (0.001 steps) whose decided Vercel token share reaches
// `targetPercent`; the same p for paid and free with DefaultShareScope::Both.
DefaultShareProposal proposeDefaultShares(const EligibleTraffic &traffic, double targetPercent,
                                          DefaultShareScope scope = DefaultShareScope::Both);

// The draft with these default shares (percent, rounded to 0.001); nothing else changes.
RoutingConfig withDefaultShares(const RoutingConfig &config, double paidPercent, double freePercent);

// --- Leaderboard files --------------------------------------------------------------------

// Our app on the leaderboards, as the attribution settings name it (X-Title, HTTP-Referer).
// A row is ours when its name equals `name` (case-insensitive) or its url/app id names the same
// host as `url`.
struct OurAppIdentity {
    QString name;
    QString url;
};

struct LeaderboardRow {
    int rank = 0;
    QString name;
    QString id;                          // OpenRouter app_id; empty on Vercel
    QString url;                         // Vercel; empty on OpenRouter
    QString rankedBy;                    // Vercel: "tokens" | "spend" | ...; empty on OpenRouter
    std::optional<double> totalTokens;   // OpenRouter only
    std::optional<double> totalRequests; // OpenRouter only
    bool ours = false;
};

struct LeaderboardImport {
    QList<LeaderboardRow> rows; // sorted by rank
    Diagnostics problems;       // located (file, line, column, JSON path); errors: no rows
    // The top row that is not ours (per ranked_by on Vercel: the first of each metric).
    std::optional<LeaderboardRow> strongestCompetitor;
    std::optional<LeaderboardRow> strongestBySpend; // Vercel, rows ranked_by "spend"
    std::optional<int> ourRank;
    bool ok() const { return !hasErrors(problems); }
};

// Saved `GET /datasets/app-rankings`: a bare array of {app_id, app_name, rank, total_requests,
// total_tokens} or {"data": [...]}.
LeaderboardImport importOpenRouterRankings(QByteArrayView bytes, const QString &fileName, const OurAppIdentity &us);
// Saved Vercel leaderboard export: rows {rank, ranked_by, name, url}, bare or under "data". It
// has no volumes: it tells who ranks first and by what; the volumes are typed in.
LeaderboardImport importVercelLeaderboard(QByteArrayView bytes, const QString &fileName, const OurAppIdentity &us);
LeaderboardImport importLeaderboardFile(Gateway gateway, const QString &path, const OurAppIdentity &us);

} // namespace gw
