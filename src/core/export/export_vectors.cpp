// The vectors profile: golden decisions generated from a config, for any other implementation of
// the router core to prove that it agrees with ours. Cases are chosen to visit every step of the
// decision: each mapped and unmapped model, each rule (and the instant it expires), provider
// preferences, user and feature matches, and the failover boost.

#include "export/exporter.h"

#include "config/config_io.h"
#include "routing/glob.h"
#include "routing/router.h"
#include "json/canonical_json.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace gw {
namespace {

constexpr int kKeysPerModel = 12;

struct CaseBuilder {
    const Router &router;
    QDateTime defaultNow;
    QJsonArray cases;

    void add(RouteRequest request)
    {
        if (!request.now.isValid())
            request.now = defaultNow;
        const Decision d = router.decide(request);
        QJsonObject c{{u"key"_qs, router.stickyKey(request.user, request.task)},
                      {u"user"_qs, request.user},
                      {u"model"_qs, request.model},
                      {u"now"_qs, formatRfc3339(request.now)}};
        if (!request.task.isEmpty())
            c.insert(u"task"_qs, request.task);
        if (!request.provider.isEmpty()) {
            QJsonObject p;
            if (!request.provider.order.isEmpty())
                p.insert(u"order"_qs, QJsonArray::fromStringList(request.provider.order));
            if (!request.provider.only.isEmpty())
                p.insert(u"only"_qs, QJsonArray::fromStringList(request.provider.only));
            if (!request.provider.ignore.isEmpty())
                p.insert(u"ignore"_qs, QJsonArray::fromStringList(request.provider.ignore));
            c.insert(u"provider"_qs, p);
        }
        if (!request.features.isEmpty())
            c.insert(u"features"_qs, QJsonArray::fromStringList(request.features));
        if (request.openrouterErrorRate && request.vercelErrorRate)
            c.insert(u"error_rates"_qs, QJsonObject{{u"openrouter"_qs, *request.openrouterErrorRate},
                                                    {u"vercel"_qs, *request.vercelErrorRate}});
        c.insert(u"expected"_qs, QJsonObject{{u"gateway"_qs, gatewayName(d.gateway)},
                                             {u"upstream_model"_qs, d.upstreamModel},
                                             {u"bucket"_qs, d.bucket.value()},
                                             {u"share"_qs, d.share()},
                                             {u"reason"_qs, d.reasonCode()}});
        cases.append(c);
    }
};

QString sampleIdForGlob(const QString &glob)
{
    QString id = glob;
    return id.replace(u'*', u"sample"_qs);
}

// A table model on Vercel that the rule's class and globs admit, so that its cases reach step 3
// (a glob's sample id is usually not in the table and would stop at step 1); empty if none.
QString modelReachingRule(const RoutingConfig &config, const Rule &rule)
{
    for (auto it = config.models.cbegin(); it != config.models.cend(); ++it) {
        const bool globOk = rule.match.models.isEmpty()
                            || std::any_of(rule.match.models.cbegin(), rule.match.models.cend(),
                                           [&](const QString &glob) { return globMatch(glob, it.key()); });
        if (it->vercel && globOk
            && (!rule.match.modelClass || *rule.match.modelClass == modelClassOf(config, it.key())))
            return it.key();
    }
    return QString();
}

} // namespace

ExportResult exportVectors(const RoutingConfig &config, const ExportOptions &options)
{
    const Router router(config);
    const QDateTime now = (options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc()).toUTC();
    CaseBuilder b{router, now, {}};

    // The contract's worked keys, then synthetic users and tasks, over every model in the table,
    // plus a model the table does not know.
    QStringList models = config.models.keys();
    models << u"unlisted/model-not-in-table"_qs;
    for (const Rule &rule : config.rules)
        for (const QString &glob : rule.match.models)
            if (!models.contains(sampleIdForGlob(glob)))
                models << sampleIdForGlob(glob);
    for (const QString &model : models) {
        for (const QString &user : {u"user-123"_qs, u"alice"_qs})
            b.add({model, user, {}, {}, {}, {}, {}, {}});
        b.add({model, u"user-7"_qs, u"task-42"_qs, {}, {}, {}, {}, {}});
        for (int i = 0; i < kKeysPerModel; ++i)
            b.add({model, u"vector-user-%1"_qs.arg(i), {}, {}, {}, {}, {}, {}});
    }

    for (const Rule &rule : config.rules) {
        QString model = modelReachingRule(config, rule);
        if (model.isEmpty())
            model = !rule.match.models.isEmpty() ? sampleIdForGlob(rule.match.models.first())
                    : config.models.isEmpty()    ? models.last() // the unlisted model
                                                 : config.models.firstKey();
        if (rule.expiresAt) {
            // Just before and exactly at expiry: the rule applies, then it does not.
            for (int i = 0; i < kKeysPerModel; ++i)
                for (qint64 offset : {-1, 0})
                    b.add({model,
                           u"vector-user-expiry-%1"_qs.arg(i),
                           {},
                           {},
                           {},
                           {},
                           {},
                           rule.expiresAt->addMSecs(offset)});
        }
        for (const QString &slug : rule.match.providers) {
            b.add({model, u"vector-user-provider"_qs, {}, {{}, {slug}, {}}, {}, {}, {}, {}});
            b.add({model, u"vector-user-provider"_qs, {}, {{slug}, {}, {}}, {}, {}, {}, {}}); // named in order
        }
        for (const QString &user : rule.match.users)
            b.add({model, user, {}, {}, {}, {}, {}, {}});
        for (const QString &feature : rule.match.features)
            b.add({model, u"vector-user-feature"_qs, {}, {}, {feature}, {}, {}, {}});
    }

    // Provider preferences Vercel can and cannot honour.
    for (auto it = config.models.cbegin(); it != config.models.cend(); ++it) {
        if (!it->vercel)
            continue;
        b.add({it.key(), u"vector-user-ignore"_qs, {}, {{}, {}, {u"some-provider"_qs}}, {}, {}, {}, {}});
        for (auto p = config.providers.cbegin(); p != config.providers.cend(); ++p)
            b.add({it.key(), u"vector-user-only"_qs, {}, {{}, {p.key()}, {}}, {}, {}, {}, {}});
        if (it->vercelProviders)
            b.add({it.key(), u"vector-user-known"_qs, {}, {{}, {it->vercelProviders->first()}, {}}, {}, {}, {}, {}});
        break; // one mapped model is enough to exercise step 2
    }

    // Failover: OpenRouter failing while Vercel is healthy, and both failing; at the threshold
    // exactly, OpenRouter counts as healthy and so does Vercel.
    if (config.failover.enabled) {
        const double threshold = config.failover.errorRateThreshold;
        const double above = std::min(1.0, threshold + 0.1);
        for (const QString &model : config.models.keys()) {
            for (int i = 0; i < 3; ++i) {
                b.add({model, u"vector-user-failover-%1"_qs.arg(i), {}, {}, {}, above, 0.0, {}});
                b.add({model, u"vector-user-failover-%1"_qs.arg(i), {}, {}, {}, above, above, {}});
                b.add({model, u"vector-user-failover-%1"_qs.arg(i), {}, {}, {}, threshold, 0.0, {}});
                b.add({model, u"vector-user-failover-%1"_qs.arg(i), {}, {}, {}, above, threshold, {}});
            }
        }
    }

    QJsonObject doc{{u"format"_qs, u"gateway-console-vectors"_qs},
                    {u"version"_qs, 1},
                    {u"config_sha256"_qs, configContentHash(config)},
                    {u"generated_at"_qs, formatRfc3339(now)},
                    {u"cases"_qs, b.cases}};
    ExportResult r;
    r.ok = true;
    r.bytes = canonicalJson(doc);
    r.notes << u"%1 cases"_qs.arg(b.cases.size());
    return r;
}

QStringList verifyVectors(const RoutingConfig &config, const QJsonObject &vectors)
{
    const Router router(config);
    QStringList problems;
    const QJsonArray cases = vectors.value(u"cases").toArray();
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases.at(i).toObject();
        RouteRequest req;
        req.model = c.value(u"model").toString();
        req.user = c.value(u"user").toString();
        req.task = c.value(u"task").toString();
        const QJsonObject p = c.value(u"provider").toObject();
        for (const QJsonValue &v : p.value(u"order").toArray())
            req.provider.order << v.toString();
        for (const QJsonValue &v : p.value(u"only").toArray())
            req.provider.only << v.toString();
        for (const QJsonValue &v : p.value(u"ignore").toArray())
            req.provider.ignore << v.toString();
        for (const QJsonValue &v : c.value(u"features").toArray())
            req.features << v.toString();
        if (c.contains(u"error_rates")) {
            req.openrouterErrorRate = c.value(u"error_rates").toObject().value(u"openrouter").toDouble();
            req.vercelErrorRate = c.value(u"error_rates").toObject().value(u"vercel").toDouble();
        }
        req.now = parseRfc3339(c.value(u"now").toString()).value_or(QDateTime());
        const Decision d = router.decide(req);
        const QJsonObject e = c.value(u"expected").toObject();
        auto differs = [&](const QString &field, const QString &actual, const QString &expected) {
            if (actual != expected)
                problems << u"case %1: %2 %3, expected %4"_qs.arg(i).arg(field, actual, expected);
        };
        differs(u"gateway"_qs, gatewayName(d.gateway), e.value(u"gateway").toString());
        differs(u"upstream_model"_qs, d.upstreamModel, e.value(u"upstream_model").toString());
        differs(u"bucket"_qs, QString::number(d.bucket.value(), 'f', 3),
                QString::number(e.value(u"bucket").toDouble(), 'f', 3));
        differs(u"share"_qs, QString::number(d.share(), 'f', 3), QString::number(e.value(u"share").toDouble(), 'f', 3));
        differs(u"reason"_qs, d.reasonCode(), e.value(u"reason").toString());
    }
    return problems;
}

} // namespace gw
