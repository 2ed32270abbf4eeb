#pragma once
// The decision function of the routing contract (docs/routing-contract.md, "The decision"),
// compiled from a config once so that each decision is two short hashes and a few comparisons.

#include "config/config.h"
#include "routing/bucket.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace gw {

// The request's OpenRouter provider preferences, as far as routing looks at them.
struct ProviderPreferences {
    QStringList order;
    QStringList only;
    QStringList ignore;
    bool isEmpty() const { return order.isEmpty() && only.isEmpty() && ignore.isEmpty(); }
};

struct RouteRequest {
    QString model; // OpenRouter id, as requested
    QString user;
    QString task;
    ProviderPreferences provider;
    QStringList features;
    std::optional<double> openrouterErrorRate; // over the failover window, 0..1
    std::optional<double> vercelErrorRate;
    QDateTime now; // invalid: the current time
};

enum class Reason { NotOnVercel, ProviderConstraint, Rule, DefaultPaid, DefaultFree, GatewayDisabled, FailoverBoost };

struct Decision {
    Gateway gateway = Gateway::OpenRouter;
    QString upstreamModel;
    Bucket bucket;
    int shareMilli = 0; // effective Vercel share in thousandths of a percent (pins: 0 or 100000)
    Reason reason = Reason::DefaultPaid;
    QString ruleId; // with Reason::Rule

    double share() const { return milliToShare(shareMilli); }
    QString reasonCode() const; // "rule:<id>", "default:paid", ...
};

// One line of the "why" explanation: which step of the decision order, and what it found.
struct DecisionStep {
    QString step; // e.g. "1 model mapping"
    QString detail;
};

QString reasonCode(Reason reason, const QString &ruleId = QString());

class Router {
public:
    explicit Router(const RoutingConfig &config);

    const RoutingConfig &config() const { return m_config; }

    // The sticky key of a request: its task id when non-empty (sticky_key "task_or_user"), else
    // its user id.
    QString stickyKey(const QString &user, const QString &task) const;
    Bucket bucketFor(const QString &key) const { return m_hasher.bucket(key); }
    Bucket bucketForUtf8(QByteArrayView key) const { return m_hasher.bucket(key); }

    Decision decide(const RouteRequest &request, QList<DecisionStep> *why = nullptr) const;

    // Fast path for simulations over many keys: resolve the model once, hash each key once, and
    // decide with no allocation. Only the model, the key and the clock vary.
    struct ModelHandle {
        int index = -1; // into m_models; -1: not in the table
        bool valid() const { return index >= 0; }
    };
    ModelHandle resolveModel(const QString &model) const;
    // Whether any rule matches on user ids, i.e. whether quickGateway() needs the user's text.
    bool matchesUsers() const { return m_matchesUsers; }
    Gateway quickGateway(ModelHandle model, Bucket bucket, qint64 nowMsecs, QStringView user = {}) const;

private:
    struct CompiledRule {
        int configIndex;
        qint64 expiresMsecs; // INT64_MAX: never
        std::optional<Gateway> gateway;
        int shareMilli;
        bool needsProviders, needsUsers, needsFeatures;
    };
    struct CompiledModel {
        QString id;
        QString vercelId;
        bool onVercel;
        ModelClass modelClass;
        std::optional<QStringList> vercelProviders; // from the table; none: unknown
        QList<int> candidateRules;                  // into m_rules: enabled, model glob and class already match
    };
    struct Outcome {
        Gateway gateway;
        int shareMilli;
        Reason reason;
        int ruleIndex; // config index, -1 if none
    };

    Outcome decideCore(const CompiledModel *model, const RouteRequest *request, QStringView user, Bucket bucket,
                       qint64 nowMsecs, QList<DecisionStep> *why) const;
    bool providerConstraintViolated(const CompiledModel &model, const ProviderPreferences &prefs,
                                    QString *explanation) const;
    bool ruleMatchesRequest(const CompiledRule &rule, const RouteRequest *request, QStringView user) const;
    CompiledModel compileModel(const QString &id) const;

    RoutingConfig m_config;
    BucketHasher m_hasher;
    QList<CompiledRule> m_rules;
    QList<CompiledModel> m_models;
    QHash<QString, int> m_modelIndex;
    CompiledModel m_unmapped; // shared plan for any model missing from the table
    bool m_matchesUsers = false;
};

} // namespace gw
