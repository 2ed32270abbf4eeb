#include "routing/router.h"

#include "routing/glob.h"

#include <QSet>

#include <limits>

namespace gw {

QString reasonCode(Reason reason, const QString &ruleId)
{
    switch (reason) {
    case Reason::NotOnVercel: return u"not_on_vercel"_qs;
    case Reason::ProviderConstraint: return u"provider_constraint"_qs;
    case Reason::Rule: return u"rule:"_qs + ruleId;
    case Reason::DefaultPaid: return u"default:paid"_qs;
    case Reason::DefaultFree: return u"default:free"_qs;
    case Reason::GatewayDisabled: return u"gateway_disabled"_qs;
    case Reason::FailoverBoost: return u"failover_boost"_qs;
    }
    return QString();
}

QString Decision::reasonCode() const
{
    return gw::reasonCode(reason, ruleId);
}

Router::Router(const RoutingConfig &config) : m_config(config), m_hasher(config.cohort)
{
    for (int i = 0; i < m_config.rules.size(); ++i) {
        const Rule &rule = m_config.rules.at(i);
        if (!rule.enabled)
            continue; // a disabled rule never matches; leaving it out keeps the hot loop short
        CompiledRule compiled;
        compiled.configIndex = i;
        compiled.expiresMsecs =
            rule.expiresAt ? rule.expiresAt->toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        compiled.gateway = rule.action.gateway;
        compiled.shareMilli = rule.action.vercelShare ? shareToMilli(*rule.action.vercelShare) : 0;
        compiled.needsProviders = !rule.match.providers.isEmpty();
        compiled.needsUsers = !rule.match.users.isEmpty();
        m_matchesUsers = m_matchesUsers || compiled.needsUsers;
        compiled.needsFeatures = !rule.match.features.isEmpty();
        m_rules.append(compiled);
    }
    for (auto it = m_config.models.cbegin(); it != m_config.models.cend(); ++it) {
        m_modelIndex.insert(it.key(), int(m_models.size()));
        m_models.append(compileModel(it.key()));
    }
    m_unmapped = CompiledModel{QString(), QString(), false, ModelClass::Paid, std::nullopt, {}};
}

Router::CompiledModel Router::compileModel(const QString &id) const
{
    const ModelEntry &entry = m_config.models.value(id);
    CompiledModel model{id,
                        entry.vercel.value_or(QString()),
                        entry.vercel.has_value(),
                        modelClassOf(m_config, id),
                        entry.vercelProviders,
                        {}};
    for (int r = 0; r < m_rules.size(); ++r) {
        const RuleMatch &match = m_config.rules.at(m_rules.at(r).configIndex).match;
        if (match.modelClass && *match.modelClass != model.modelClass)
            continue;
        if (!match.models.isEmpty()
            && std::none_of(match.models.cbegin(), match.models.cend(),
                            [&](const QString &glob) { return globMatch(glob, id); }))
            continue;
        model.candidateRules.append(r);
    }
    return model;
}

QString Router::stickyKey(const QString &user, const QString &task) const
{
    if (m_config.stickyKey == StickyKey::TaskOrUser && !task.isEmpty())
        return task;
    return user;
}

Router::ModelHandle Router::resolveModel(const QString &model) const
{
    return ModelHandle{m_modelIndex.value(model, -1)};
}

bool Router::providerConstraintViolated(const CompiledModel &model, const ProviderPreferences &prefs,
                                        QString *explanation) const
{
    const std::optional<QStringList> &known = model.vercelProviders;
    auto explain = [&](const QString &text) {
        if (explanation)
            *explanation = text;
        return true;
    };
    QStringList mappedOnly;
    for (const QStringList *list : {&prefs.order, &prefs.only}) {
        for (const QString &slug : *list) {
            const auto mapped = vercelProviderSlug(m_config, slug);
            if (!mapped)
                return explain(u"provider \"%1\" has no Vercel equivalent"_qs.arg(slug));
            if (list == &prefs.only)
                mappedOnly << *mapped;
        }
    }
    if (!mappedOnly.isEmpty() && known
        && std::none_of(mappedOnly.cbegin(), mappedOnly.cend(), [&](const QString &s) { return known->contains(s); }))
        return explain(u"only [%1] but Vercel serves this model through [%2]"_qs.arg(mappedOnly.join(u", "_qs),
                                                                                     known->join(u", "_qs)));
    if (!prefs.ignore.isEmpty()) {
        if (!known)
            return explain(u"an ignore list needs the model's Vercel providers, which are unknown"_qs);
        QSet<QString> remaining(known->cbegin(), known->cend());
        for (const QString &slug : prefs.ignore)
            if (const auto mapped = vercelProviderSlug(m_config, slug))
                remaining.remove(*mapped);
        if (!mappedOnly.isEmpty()) {
            const QSet<QString> onlySet(mappedOnly.cbegin(), mappedOnly.cend());
            remaining.intersect(onlySet);
        }
        if (remaining.isEmpty())
            return explain(u"the ignore list leaves no Vercel provider for this model"_qs);
    }
    return false;
}

bool Router::ruleMatchesRequest(const CompiledRule &rule, const RouteRequest *request, QStringView user) const
{
    const RuleMatch &match = m_config.rules.at(rule.configIndex).match;
    if (rule.needsUsers && !match.users.contains(user))
        return false;
    if (rule.needsProviders) {
        if (!request)
            return false;
        const auto named = [&](const QString &slug) {
            return request->provider.order.contains(slug) || request->provider.only.contains(slug);
        };
        if (std::none_of(match.providers.cbegin(), match.providers.cend(), named))
            return false;
    }
    if (rule.needsFeatures) {
        if (!request)
            return false;
        if (std::none_of(match.features.cbegin(), match.features.cend(),
                         [&](const QString &f) { return request->features.contains(f); }))
            return false;
    }
    return true;
}

// Records a step of the explanation. A macro so that the detail string is only built when an
// explanation was asked for: the simulation's hot path must not format strings.
#define GW_NOTE(step, detail)                                                                                          \
    do {                                                                                                               \
        if (why)                                                                                                       \
            why->append({QString::fromUtf16(step), (detail)});                                                         \
    } while (false)

Router::Outcome Router::decideCore(const CompiledModel *model, const RouteRequest *request, QStringView user,
                                   Bucket bucket, qint64 nowMsecs, QList<DecisionStep> *why) const
{
    // 1. A model Vercel does not carry stays on OpenRouter, whatever else is configured.
    if (!model->onVercel) {
        GW_NOTE(u"1 model mapping", u"no Vercel id in the model table: OpenRouter"_qs);
        return {Gateway::OpenRouter, 0, Reason::NotOnVercel, -1};
    }
    GW_NOTE(u"1 model mapping", u"on Vercel as %1"_qs.arg(model->vercelId));

    // 2. Provider preferences that Vercel cannot honour.
    if (request && !request->provider.isEmpty()) {
        QString explanation;
        if (providerConstraintViolated(*model, request->provider, why ? &explanation : nullptr)) {
            GW_NOTE(u"2 provider preferences", explanation + u": OpenRouter"_qs);
            return {Gateway::OpenRouter, 0, Reason::ProviderConstraint, -1};
        }
        GW_NOTE(u"2 provider preferences", u"Vercel can honour them"_qs);
    } else {
        GW_NOTE(u"2 provider preferences", u"none"_qs);
    }

    // 3. First enabled, unexpired, matching rule; 4. otherwise the default share by class.
    std::optional<Gateway> pinned;
    int shareMilli = 0;
    Reason reason = model->modelClass == ModelClass::Free ? Reason::DefaultFree : Reason::DefaultPaid;
    int ruleIndex = -1;
    for (int r : model->candidateRules) {
        const CompiledRule &rule = m_rules.at(r);
        if (nowMsecs >= rule.expiresMsecs) {
            GW_NOTE(u"3 rules", u"\"%1\" matches but expired"_qs.arg(m_config.rules.at(rule.configIndex).id));
            continue;
        }
        if (!ruleMatchesRequest(rule, request, user))
            continue;
        ruleIndex = rule.configIndex;
        reason = Reason::Rule;
        pinned = rule.gateway;
        shareMilli = rule.shareMilli;
        break;
    }
    if (ruleIndex >= 0) {
        const QString &id = m_config.rules.at(ruleIndex).id;
        GW_NOTE(u"3 rules", pinned ? u"\"%1\" pins %2"_qs.arg(id, gatewayName(*pinned))
                                   : u"\"%1\" sets the share to %2%"_qs.arg(id).arg(milliToShare(shareMilli)));
    } else {
        shareMilli =
            shareToMilli(model->modelClass == ModelClass::Free ? m_config.defaultShareFree : m_config.defaultSharePaid);
        GW_NOTE(u"3 rules", u"none matches"_qs);
        GW_NOTE(u"4 default share",
                u"%1 model: %2%"_qs.arg(modelClassName(model->modelClass)).arg(milliToShare(shareMilli)));
    }

    // 5. The emergency switches: a disabled gateway sends what it can to the other one.
    for (Gateway off : {Gateway::Vercel, Gateway::OpenRouter}) {
        if (m_config.gatewayEnabled(off))
            continue;
        const Gateway other = off == Gateway::Vercel ? Gateway::OpenRouter : Gateway::Vercel;
        if (pinned && *pinned == other)
            break; // the rule already sends it to the gateway that is on
        GW_NOTE(u"5 gateway switches", u"%1 is disabled: %2"_qs.arg(gatewayName(off), gatewayName(other)));
        return {other, other == Gateway::Vercel ? kShareMaxMilli : 0, Reason::GatewayDisabled, -1};
    }

    if (pinned) {
        const int pinnedShare = *pinned == Gateway::Vercel ? kShareMaxMilli : 0;
        return {*pinned, pinnedShare, reason, ruleIndex};
    }

    // 6. Failover boost: OpenRouter is failing and Vercel is not. It only ever raises a share.
    const Failover &f = m_config.failover;
    if (f.enabled && request && request->openrouterErrorRate && request->vercelErrorRate
        && *request->openrouterErrorRate > f.errorRateThreshold && *request->vercelErrorRate <= f.errorRateThreshold) {
        const int boosted = shareToMilli(f.boostedVercelShare);
        if (boosted > shareMilli) {
            GW_NOTE(u"6 failover",
                    u"OpenRouter error rate %1 is above %2: share raised to %3%"_qs.arg(*request->openrouterErrorRate)
                        .arg(f.errorRateThreshold)
                        .arg(milliToShare(boosted)));
            shareMilli = boosted;
            reason = Reason::FailoverBoost;
            ruleIndex = -1;
        }
    }

    // 7. The bucket decides.
    const Gateway g = bucket.milli() < shareMilli ? Gateway::Vercel : Gateway::OpenRouter;
    GW_NOTE(u"7 bucket", u"bucket %1 %2 share %3%: %4"_qs
                             .arg(QString::number(bucket.value(), 'f', 3), g == Gateway::Vercel ? u"<"_qs : u">="_qs)
                             .arg(milliToShare(shareMilli))
                             .arg(gatewayName(g)));
    return {g, shareMilli, reason, ruleIndex};
}

#undef GW_NOTE

Decision Router::decide(const RouteRequest &request, QList<DecisionStep> *why) const
{
    const int index = m_modelIndex.value(request.model, -1);
    const CompiledModel *model = index >= 0 ? &m_models.at(index) : &m_unmapped;
    const QString key = stickyKey(request.user, request.task);
    const Bucket bucket = m_hasher.bucket(key);
    const qint64 now = request.now.isValid() ? request.now.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    if (why)
        why->append({u"0 key"_qs, u"sticky key \"%1\" in cohort \"%2\": bucket %3"_qs.arg(
                                      key, m_config.cohort, QString::number(bucket.value(), 'f', 3))});
    const Outcome o = decideCore(model, &request, request.user, bucket, now, why);

    Decision d;
    d.gateway = o.gateway;
    d.upstreamModel = o.gateway == Gateway::Vercel ? model->vercelId : request.model;
    d.bucket = bucket;
    d.shareMilli = o.shareMilli;
    d.reason = o.reason;
    if (o.ruleIndex >= 0 && o.reason == Reason::Rule)
        d.ruleId = m_config.rules.at(o.ruleIndex).id;
    return d;
}

Gateway Router::quickGateway(ModelHandle model, Bucket bucket, qint64 nowMsecs, QStringView user) const
{
    const CompiledModel *m = model.valid() ? &m_models.at(model.index) : &m_unmapped;
    return decideCore(m, nullptr, user, bucket, nowMsecs, nullptr).gateway;
}

} // namespace gw
