// The kilo-gateway profile: the admin record the production router core reads today. It holds
// two default percentages and a list of models that never go to Vercel; everything else in a
// config either maps onto those exactly or is listed as lost.

#include "export/exporter.h"

#include "config/config_io.h"
#include "routing/glob.h"
#include "json/canonical_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace gw {
namespace {

constexpr qsizetype kMaxNoteLength = 500;

// A rule the record can express: "these exact models never go to Vercel", forever.
bool isOptOutRule(const Rule &rule)
{
    const bool toOpenRouter = (rule.action.gateway && *rule.action.gateway == Gateway::OpenRouter)
                              || (rule.action.vercelShare && shareToMilli(*rule.action.vercelShare) == 0);
    const RuleMatch &m = rule.match;
    return toOpenRouter && !m.models.isEmpty() && m.providers.isEmpty() && !m.modelClass && m.users.isEmpty()
           && m.features.isEmpty();
}

QString describeRule(const Rule &rule)
{
    QStringList parts;
    if (!rule.match.models.isEmpty())
        parts << u"models %1"_qs.arg(rule.match.models.join(u", "_qs));
    if (!rule.match.providers.isEmpty())
        parts << u"providers %1"_qs.arg(rule.match.providers.join(u", "_qs));
    if (rule.match.modelClass)
        parts << u"class %1"_qs.arg(modelClassName(*rule.match.modelClass));
    if (!rule.match.users.isEmpty())
        parts << u"%1 user(s)"_qs.arg(rule.match.users.size());
    if (!rule.match.features.isEmpty())
        parts << u"features %1"_qs.arg(rule.match.features.join(u", "_qs));
    const QString action = rule.action.gateway ? u"pin %1"_qs.arg(gatewayName(*rule.action.gateway))
                                               : u"share %1%"_qs.arg(*rule.action.vercelShare);
    return u"rule \"%1\" (%2 -> %3)"_qs.arg(rule.id, parts.join(u"; "_qs), action);
}

} // namespace

ExportResult exportKiloGateway(const RoutingConfig &c, const ExportOptions &options)
{
    ExportResult r;
    const auto lose = [&r](const QString &what, const QString &ruleId = QString()) {
        r.losses << what;
        r.lossRules << ruleId;
    };
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    QSet<QString> optOut;
    double paid = c.defaultSharePaid;
    double free = c.defaultShareFree;

    if (!c.vercelEnabled) {
        // Everything goes to OpenRouter: zero percentages say exactly that, whatever the rules say.
        paid = free = 0;
        r.notes << u"Vercel is disabled: both percentages are exported as 0 and the rules have no effect"_qs;
    } else {
        if (!c.openrouterEnabled)
            lose(u"the OpenRouter switch is off (all traffic to Vercel): the record has no such switch"_qs);
        if (c.cohort != u"vercel")
            lose(u"cohort \"%1\": the router core always buckets with cohort \"vercel\", so everyone would move"_qs.arg(
                c.cohort));
        if (c.stickyKey != StickyKey::TaskOrUser)
            lose(u"sticky_key \"user\": the router core keys on the task id when there is one"_qs);
        if (c.failover.enabled)
            lose(u"failover boost to %1% above %2 error rate"_qs.arg(c.failover.boostedVercelShare)
                     .arg(c.failover.errorRateThreshold));
        if (c.failover.retryOtherGateway.enabled)
            lose(u"retry on the other gateway"_qs);

        for (const Rule &rule : c.rules) {
            if (!rule.enabled)
                continue;
            if (rule.expiresAt && now >= *rule.expiresAt) {
                r.notes << u"rule \"%1\" expired at %2 and is left out"_qs.arg(rule.id, formatRfc3339(*rule.expiresAt));
                continue;
            }
            if (!isOptOutRule(rule)) {
                lose(describeRule(rule) + u": only OpenRouter pins of exact models can be expressed"_qs, rule.id);
                continue;
            }
            if (rule.expiresAt)
                lose(u"rule \"%1\" expires at %2: the opt-out list has no expiry, it would stay forever"_qs.arg(
                         rule.id, formatRfc3339(*rule.expiresAt)),
                     rule.id);
            for (const QString &pattern : rule.match.models) {
                if (!pattern.contains(u'*')) {
                    optOut.insert(pattern);
                    continue;
                }
                QStringList expanded;
                for (auto it = c.models.cbegin(); it != c.models.cend(); ++it)
                    if (globMatch(pattern, it.key()))
                        expanded << it.key();
                lose(
                    u"rule \"%1\": glob \"%2\" is written as the %3 model(s) it matches today; models added later will not match"_qs
                        .arg(rule.id, pattern)
                        .arg(expanded.size()),
                    rule.id);
                for (const QString &id : expanded)
                    optOut.insert(id);
            }
        }
        int renamed = 0;
        for (auto it = c.models.cbegin(); it != c.models.cend(); ++it) {
            if (!it->vercel)
                optOut.insert(it.key());
            else if (*it->vercel != it.key())
                ++renamed;
        }
        if (renamed)
            r.notes
                << u"%1 model id mapping(s) to a different Vercel id are not carried: the router core translates ids with its own table"_qs
                       .arg(renamed);
        // The record classes a model as free by its ":free" suffix alone.
        if (!qFuzzyCompare(1 + c.defaultSharePaid, 1 + c.defaultShareFree)) {
            for (auto it = c.models.cbegin(); it != c.models.cend(); ++it)
                if (it->free && !it.key().endsWith(u":free"))
                    lose(
                        u"model \"%1\" is free by its entry, not by a \":free\" suffix: the record would give it the paid share"_qs
                            .arg(it.key()));
        }
        r.notes
            << u"models missing from the model table stay on OpenRouter here; the router core must know them as not on Vercel (its own catalog)"_qs;
        if (!c.providers.isEmpty())
            r.notes << u"the provider slug table is not carried: the router core applies its own provider handling"_qs;
    }

    // The limit counts characters (code points), and a cut never splits a surrogate pair.
    QString note = c.note;
    const QList<uint> codePoints = note.toUcs4();
    if (codePoints.size() > kMaxNoteLength) {
        lose(u"the note is %1 characters; the record keeps %2"_qs.arg(codePoints.size()).arg(kMaxNoteLength));
        note = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), kMaxNoteLength);
    }

    if (!r.losses.isEmpty() && !options.allowLossy) {
        r.error =
            u"the kilo-gateway profile cannot express %1 part(s) of this config; export with --allow-lossy to drop them"_qs
                .arg(r.losses.size());
        return r;
    }

    QStringList sortedOptOut(optOut.cbegin(), optOut.cend());
    sortedOptOut.sort();
    QJsonObject o;
    o.insert(u"vercel_routing_percentage"_qs, paid);
    o.insert(u"vercel_routing_percentage_free"_qs, free);
    o.insert(u"vercel_routing_opt_out_models"_qs, QJsonArray::fromStringList(sortedOptOut));
    o.insert(u"updated_at"_qs, c.updatedAt ? QJsonValue(formatRfc3339(*c.updatedAt)) : QJsonValue(QJsonValue::Null));
    o.insert(u"updated_by"_qs, c.updatedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.updatedBy));
    static const QRegularExpression email(u"^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+\\z"_qs);
    o.insert(u"updated_by_email"_qs,
             email.match(c.updatedBy).hasMatch() ? QJsonValue(c.updatedBy) : QJsonValue(QJsonValue::Null));
    o.insert(u"note"_qs, note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(note));
    r.ok = true;
    r.bytes = canonicalJson(o);
    return r;
}

} // namespace gw
