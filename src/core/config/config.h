#pragma once
// Config v1: the routing configuration the app edits and the production router reads.
// Field meanings and defaults are stated in docs/routing-contract.md; this is their value form.

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace gw {

enum class Gateway { OpenRouter, Vercel };
enum class StickyKey { TaskOrUser, User };
enum class ModelClass { Paid, Free };

QString gatewayName(Gateway g); // "openrouter" | "vercel"
std::optional<Gateway> parseGateway(QStringView name);
QString stickyKeyName(StickyKey k); // "task_or_user" | "user"
std::optional<StickyKey> parseStickyKey(QStringView name);
QString modelClassName(ModelClass c); // "paid" | "free"
std::optional<ModelClass> parseModelClass(QStringView name);

// Shares are percentages with at most three decimals; inside the router they are integers in
// thousandths of a percent (0..100000) so that "bucket < share" is exact.
constexpr int kShareScale = 1000;
constexpr int kShareMaxMilli = 100 * kShareScale;
int shareToMilli(double percent);
double milliToShare(int milli);

struct RuleMatch {
    QStringList models;    // globs over OpenRouter model ids, '*' matches any run of characters
    QStringList providers; // OpenRouter provider slugs named in the request's order/only
    std::optional<ModelClass> modelClass;
    QStringList users;    // exact user ids
    QStringList features; // client feature names
    bool isEmpty() const
    {
        return models.isEmpty() && providers.isEmpty() && !modelClass && users.isEmpty() && features.isEmpty();
    }
    bool operator==(const RuleMatch &) const = default;
};

struct RuleAction {
    std::optional<Gateway> gateway; // exactly one of gateway and vercelShare is set
    std::optional<double> vercelShare;
    bool operator==(const RuleAction &) const = default;
};

struct Rule {
    QString id;
    bool enabled = true;
    std::optional<QDateTime> expiresAt; // UTC; the rule stops applying at this instant
    RuleMatch match;
    RuleAction action;
    QString note;
    bool operator==(const Rule &) const = default;
};

struct ModelEntry {
    std::optional<QString> vercel;              // Vercel model id; none: not on Vercel
    std::optional<QStringList> vercelProviders; // Vercel slugs serving it; none: unknown
    bool free = false;
    bool operator==(const ModelEntry &) const = default;
};

struct RetryOtherGateway {
    bool enabled = false;
    QList<int> onStatus = {429, 500, 502, 503, 504};
    bool beforeFirstTokenOnly = true;
    bool operator==(const RetryOtherGateway &) const = default;
};

struct Failover {
    bool enabled = false;
    int windowMinutes = 10;
    double errorRateThreshold = 0.5; // fraction 0..1
    double boostedVercelShare = 90.0;
    RetryOtherGateway retryOtherGateway;
    bool operator==(const Failover &) const = default;
};

struct RoutingConfig {
    int schemaVersion = 1;
    qint64 revision = 0;
    std::optional<QDateTime> updatedAt;
    QString updatedBy;
    QString note;
    QString cohort = QStringLiteral("vercel");
    StickyKey stickyKey = StickyKey::TaskOrUser;
    bool openrouterEnabled = true;
    bool vercelEnabled = true;
    double defaultSharePaid = 0.0;
    double defaultShareFree = 0.0;
    QList<Rule> rules;
    Failover failover;
    QMap<QString, ModelEntry> models;                // OpenRouter id -> mapping
    QMap<QString, std::optional<QString>> providers; // OpenRouter slug -> Vercel slug; none: not on Vercel
    QString contentSha256;                           // as read; recomputed on every save

    bool gatewayEnabled(Gateway g) const { return g == Gateway::Vercel ? vercelEnabled : openrouterEnabled; }
    bool operator==(const RoutingConfig &) const = default;
};

// Class of a model id under this config: free when the id ends in ":free" or its entry says so.
ModelClass modelClassOf(const RoutingConfig &config, QStringView modelId);

// Vercel slug for an OpenRouter provider slug: the table's entry, or the same slug when the table
// does not list it (most slugs are the same on both gateways). Empty when the table says "none".
std::optional<QString> vercelProviderSlug(const RoutingConfig &config, const QString &openrouterSlug);

} // namespace gw
