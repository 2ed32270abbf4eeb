#include "planner/leaderboard_plan.h"
#include "planner/draft_projection.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

// Messages the user reads in the Planner. A class with this context (rather than a helper taking
// a char pointer) is what lupdate can see, so the app's translation covers them.
struct LeaderboardPlanText {
    Q_DECLARE_TR_FUNCTIONS(gw::LeaderboardPlan)
};

QString percentText(double percent)
{
    return QString::number(percent, 'f', 1);
}

bool usesTokens(LeaderboardMetric m)
{
    return m != LeaderboardMetric::Spend;
}
bool usesSpend(LeaderboardMetric m)
{
    return m != LeaderboardMetric::Tokens;
}

// Every bound on the share (percent) at safety margin `marginFraction`.
QList<ShareConstraint> boundsAt(const LeaderboardInputs &in, double marginFraction)
{
    using Kind = ShareConstraint::Kind;
    const double lead = 1.0 + marginFraction;
    QList<ShareConstraint> out;
    out.append(
        {Kind::OpenRouterTokens, true, 100.0 * (1.0 - lead * in.openrouterCompetitorTokens / in.ourTokensPerDay)});
    if (usesTokens(in.metric))
        out.append({Kind::VercelTokens, false, 100.0 * lead * in.vercelCompetitorTokens / in.ourTokensPerDay});
    if (usesSpend(in.metric))
        out.append({Kind::VercelSpend, false, 100.0 * lead * in.vercelCompetitorSpendUsd / in.ourSpendPerDayUsd});
    if (in.reach.minPercent() > 0)
        out.append({Kind::FixedVercel, false, in.reach.minPercent()});
    if (in.reach.maxPercent() < 100)
        out.append({Kind::EligibleMax, true, in.reach.maxPercent()});
    return out;
}

struct Range {
    double low = 0;
    double high = 100;
    std::optional<ShareConstraint::Kind> bindingLow;  // none: the 0% floor
    std::optional<ShareConstraint::Kind> bindingHigh; // none: the 100% ceiling
};

Range rangeOf(const QList<ShareConstraint> &bounds)
{
    Range r;
    for (const ShareConstraint &c : bounds) {
        if (c.upper && c.boundPercent < r.high) {
            r.high = c.boundPercent;
            r.bindingHigh = c.kind;
        } else if (!c.upper && c.boundPercent > r.low) {
            r.low = c.boundPercent;
            r.bindingLow = c.kind;
        }
    }
    return r;
}

// A hair of tolerance so that a range that closes exactly (low == high up to rounding) counts as
// feasible: 1e-9 points is far below the config's 0.001 resolution.
constexpr double kEpsilonPoints = 1e-9;

QString upperText(const std::optional<ShareConstraint::Kind> &kind, double high)
{
    if (!kind)
        return LeaderboardPlanText::tr("Vercel can get at most 100% of tokens");
    if (*kind == ShareConstraint::Kind::EligibleMax)
        return LeaderboardPlanText::tr("the config can move at most %1% of tokens to Vercel").arg(percentText(high));
    if (high < 0)
        return LeaderboardPlanText::tr("OpenRouter needs %1% of our tokens, more than we have")
            .arg(percentText(100 - high));
    return LeaderboardPlanText::tr("OpenRouter needs at least %1% of tokens").arg(percentText(100 - high));
}

QString lowerText(const std::optional<ShareConstraint::Kind> &kind, double low)
{
    if (!kind)
        return LeaderboardPlanText::tr("Vercel needs at least 0%");
    switch (*kind) {
    case ShareConstraint::Kind::VercelSpend:
        return LeaderboardPlanText::tr("Vercel needs %1% of our spend").arg(percentText(low));
    case ShareConstraint::Kind::FixedVercel:
        return LeaderboardPlanText::tr("%1% of tokens go to Vercel whatever the default share").arg(percentText(low));
    default: return LeaderboardPlanText::tr("Vercel needs %1% of tokens").arg(percentText(low));
    }
}

double marginPercent(double ours, double competitor)
{
    return 100.0 * (ours - competitor) / competitor;
}

} // namespace

QString leaderboardMetricName(LeaderboardMetric metric)
{
    switch (metric) {
    case LeaderboardMetric::Tokens: return QStringLiteral("tokens");
    case LeaderboardMetric::Spend: return QStringLiteral("spend");
    case LeaderboardMetric::Both: return QStringLiteral("both");
    }
    return {};
}

std::optional<LeaderboardMetric> parseLeaderboardMetric(QStringView name)
{
    for (LeaderboardMetric m : {LeaderboardMetric::Tokens, LeaderboardMetric::Spend, LeaderboardMetric::Both})
        if (name == leaderboardMetricName(m))
            return m;
    return std::nullopt;
}

QString shareConstraintName(ShareConstraint::Kind kind)
{
    switch (kind) {
    case ShareConstraint::Kind::OpenRouterTokens: return QStringLiteral("openrouter_tokens");
    case ShareConstraint::Kind::VercelTokens: return QStringLiteral("vercel_tokens");
    case ShareConstraint::Kind::VercelSpend: return QStringLiteral("vercel_spend");
    case ShareConstraint::Kind::FixedVercel: return QStringLiteral("fixed_vercel");
    case ShareConstraint::Kind::EligibleMax: return QStringLiteral("eligible_max");
    }
    return {};
}

QStringList validateLeaderboardInputs(const LeaderboardInputs &in)
{
    QStringList problems;
    const auto positive = [&](double value, const char *what) {
        if (!(value > 0) || !std::isfinite(value))
            problems.append(LeaderboardPlanText::tr("%1 must be a positive number").arg(LeaderboardPlanText::tr(what)));
    };
    positive(in.ourTokensPerDay, QT_TRANSLATE_NOOP("gw::LeaderboardPlan", "our tokens per day"));
    positive(in.openrouterCompetitorTokens,
             QT_TRANSLATE_NOOP("gw::LeaderboardPlan", "the OpenRouter competitor's tokens"));
    if (usesTokens(in.metric))
        positive(in.vercelCompetitorTokens, QT_TRANSLATE_NOOP("gw::LeaderboardPlan", "the Vercel competitor's tokens"));
    if (usesSpend(in.metric)) {
        positive(in.ourSpendPerDayUsd, QT_TRANSLATE_NOOP("gw::LeaderboardPlan", "our spend per day"));
        positive(in.vercelCompetitorSpendUsd,
                 QT_TRANSLATE_NOOP("gw::LeaderboardPlan", "the Vercel competitor's spend"));
    }
    if (!(in.marginPercent >= 0) || !std::isfinite(in.marginPercent))
        problems.append(LeaderboardPlanText::tr("the safety margin must be 0 or more"));
    if (!(in.reach.fixedVercelPercent >= 0) || !(in.reach.eligiblePercent >= 0)
        || in.reach.maxPercent() > 100 + kEpsilonPoints)
        problems.append(LeaderboardPlanText::tr("the reachable share must lie within 0..100%"));
    return problems;
}

LeaderboardPlan planLeaderboard(const LeaderboardInputs &in)
{
    LeaderboardPlan plan;
    plan.constraints = boundsAt(in, in.marginPercent / 100.0);
    const Range r = rangeOf(plan.constraints);
    plan.lowPercent = r.low;
    plan.highPercent = r.high;
    plan.bindingLow = r.bindingLow;
    plan.bindingHigh = r.bindingHigh;
    plan.feasible = r.low <= r.high + kEpsilonPoints;
    if (plan.feasible) {
        plan.highPercent = std::max(r.high, r.low);
        plan.minimalPercent = r.low;
    } else {
        plan.shortfallPoints = r.low - r.high;
    }

    const Range raw = rangeOf(boundsAt(in, 0.0));
    plan.lowWithoutMarginPercent = raw.low;
    plan.highWithoutMarginPercent = raw.high;
    plan.feasibleWithoutMargin = raw.low <= raw.high + kEpsilonPoints;

    if (plan.feasible) {
        plan.explanation =
            LeaderboardPlanText::tr("A Vercel share from %1% to %2% of all tokens keeps us first on both leaderboards "
                                    "with a %3% margin; the least is %1%.")
                .arg(percentText(plan.lowPercent), percentText(plan.highPercent), percentText(in.marginPercent));
    } else {
        plan.explanation = LeaderboardPlanText::tr("%1 but %2: short by %3 points.")
                               .arg(upperText(r.bindingHigh, r.high), lowerText(r.bindingLow, r.low),
                                    percentText(plan.shortfallPoints));
    }

    plan.curve.reserve(101);
    for (int share = 0; share <= 100; ++share) {
        const double s = share / 100.0;
        LeaderboardCurvePoint p;
        p.sharePercent = share;
        p.openrouterMarginPercent = marginPercent((1 - s) * in.ourTokensPerDay, in.openrouterCompetitorTokens);
        p.hasVercelTokens = usesTokens(in.metric);
        p.hasVercelSpend = usesSpend(in.metric);
        if (p.hasVercelTokens)
            p.vercelTokensMarginPercent = marginPercent(s * in.ourTokensPerDay, in.vercelCompetitorTokens);
        if (p.hasVercelSpend)
            p.vercelSpendMarginPercent = marginPercent(s * in.ourSpendPerDayUsd, in.vercelCompetitorSpendUsd);
        plan.curve.append(p);
    }
    return plan;
}

// --- Default shares ----------------------------------------------------------------------

ShareReach EligibleTraffic::reach(DefaultShareScope scope) const
{
    if (totalTokens <= 0)
        return {};
    double fixed = fixedVercelTokens;
    double eligible = 0;
    for (const Step &s : steps) {
        const bool inScope = scope == DefaultShareScope::Both
                             || (s.modelClass == ModelClass::Paid) == (scope == DefaultShareScope::PaidOnly);
        if (inScope)
            eligible += s.tokens;
        else if (s.bucketMilli < (s.modelClass == ModelClass::Paid ? draftPaidMilli : draftFreeMilli))
            fixed += s.tokens;
    }
    return {100.0 * fixed / totalTokens, 100.0 * eligible / totalTokens};
}

double EligibleTraffic::vercelPercentAt(int paidMilli, int freeMilli) const
{
    if (totalTokens <= 0)
        return 0;
    double vercel = fixedVercelTokens;
    for (const Step &s : steps)
        if (s.bucketMilli < (s.modelClass == ModelClass::Paid ? paidMilli : freeMilli))
            vercel += s.tokens;
    return 100.0 * vercel / totalTokens;
}

EligibleTraffic eligibleTraffic(const QList<TrafficKeyUsage> &usage, const RoutingConfig &draft,
                                std::optional<qint64> draftLiveFromMs)
{
    const DraftProjection projection =
        DraftProjection::over(usage, draftLiveFromMs.value_or(QDateTime::currentMSecsSinceEpoch()));
    EligibleTraffic t;
    t.draftPaidMilli = shareToMilli(draft.defaultSharePaid);
    t.draftFreeMilli = shareToMilli(draft.defaultShareFree);
    const Router router(draft);
    for (const TrafficKeyUsage &row : usage) {
        const double tokens = double(row.promptTokens + row.completionTokens);
        ++t.rows;
        t.totalTokens += tokens;
        const Decision d = decideDraftForUsage(router, row.key, projection);
        if (d.reason == Reason::DefaultPaid || d.reason == Reason::DefaultFree) {
            const ModelClass cls = d.reason == Reason::DefaultFree ? ModelClass::Free : ModelClass::Paid;
            (cls == ModelClass::Free ? t.eligibleFreeTokens : t.eligiblePaidTokens) += tokens;
            t.steps.append({d.bucket.milli(), cls, tokens});
        } else if (d.gateway == Gateway::Vercel) {
            t.fixedVercelTokens += tokens;
        }
    }
    std::stable_sort(
        t.steps.begin(), t.steps.end(),
        [](const EligibleTraffic::Step &a, const EligibleTraffic::Step &b) { return a.bucketMilli < b.bucketMilli; });
    return t;
}

DefaultShareProposal proposeDefaultShares(const EligibleTraffic &traffic, double targetPercent, DefaultShareScope scope)
{
    DefaultShareProposal out;
    out.targetPercent = targetPercent;
    const bool movePaid = scope != DefaultShareScope::FreeOnly;
    const bool moveFree = scope != DefaultShareScope::PaidOnly;
    const auto result = [&](int milli) {
        const int paid = movePaid ? milli : traffic.draftPaidMilli;
        const int free = moveFree ? milli : traffic.draftFreeMilli;
        out.defaultSharePaidPercent = milliToShare(paid);
        out.defaultShareFreePercent = milliToShare(free);
        out.achievedPercent = traffic.vercelPercentAt(paid, free);
        return out;
    };
    if (traffic.totalTokens <= 0) {
        // Nothing recorded: every token counts as movable, so the share is the target itself.
        out.reachable = targetPercent >= 0 && targetPercent <= 100;
        const int milli = shareToMilli(std::clamp(targetPercent, 0.0, 100.0));
        result(milli);
        out.achievedPercent = milliToShare(milli);
        return out;
    }

    // The Vercel tokens are a step function of p: a key moves when its bucket drops below p, so
    // walking the keys by bucket visits every step; p = bucket + 0.001 is the least share that
    // includes a key. Keys of one bucket move together.
    const double needed = targetPercent / 100.0 * traffic.totalTokens;
    const double tolerance = 1e-9 * std::max(1.0, traffic.totalTokens);
    const ShareReach base = traffic.reach(scope);
    double vercel = base.fixedVercelPercent / 100.0 * traffic.totalTokens;
    if (vercel + tolerance >= needed) {
        out.reachable = true;
        return result(0);
    }
    const auto &steps = traffic.steps;
    for (qsizetype i = 0; i < steps.size();) {
        const int bucket = steps.at(i).bucketMilli;
        for (; i < steps.size() && steps.at(i).bucketMilli == bucket; ++i) {
            const bool inScope = steps.at(i).modelClass == ModelClass::Paid ? movePaid : moveFree;
            if (inScope)
                vercel += steps.at(i).tokens;
        }
        if (vercel + tolerance >= needed) {
            out.reachable = true;
            return result(bucket + 1);
        }
    }
    out.reachable = false;
    return result(kShareMaxMilli);
}

RoutingConfig withDefaultShares(const RoutingConfig &config, double paidPercent, double freePercent)
{
    RoutingConfig edited = config;
    edited.defaultSharePaid = milliToShare(shareToMilli(paidPercent));
    edited.defaultShareFree = milliToShare(shareToMilli(freePercent));
    return edited;
}

} // namespace gw
