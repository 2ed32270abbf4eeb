#include "config/config_reader.h"

#include "routing/glob.h"

#include <QRegularExpression>
#include <QSet>

namespace gw::config_detail {

void ConfigReader::readGateways(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto gateways = object(root, QString(), u"gateways");
    if (!gateways)
        return;
    checkKeys(*gateways, u"/gateways"_qs, {u"openrouter", u"vercel"});
    for (Gateway g : {Gateway::OpenRouter, Gateway::Vercel}) {
        const QString name = gatewayName(g);
        const auto entry = object(*gateways, u"/gateways"_qs, name);
        if (!entry)
            continue;
        const QString pointer = u"/gateways/"_qs + name;
        checkKeys(*entry, pointer, {u"enabled"});
        if (const auto enabled = boolean(*entry, pointer, u"enabled"))
            (g == Gateway::Vercel ? cfg.vercelEnabled : cfg.openrouterEnabled) = *enabled;
    }
    if (!cfg.vercelEnabled && !cfg.openrouterEnabled)
        error(u"/gateways"_qs, u"both gateways are disabled: at least one must carry traffic"_qs);
}

void ConfigReader::readDefaultShare(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto shares = object(root, QString(), u"default_share");
    if (!shares)
        return;
    checkKeys(*shares, u"/default_share"_qs, {u"paid", u"free"});
    if (const auto v = member(*shares, QString(), u"paid"))
        if (const auto s = share(*v, u"/default_share/paid"_qs))
            cfg.defaultSharePaid = *s;
    if (const auto v = member(*shares, QString(), u"free"))
        if (const auto s = share(*v, u"/default_share/free"_qs))
            cfg.defaultShareFree = *s;
}

void ConfigReader::readRules(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto v = member(root, QString(), u"rules");
    if (!v || !expectType(*v, QJsonValue::Array, u"/rules"_qs, u"an array of rules"_qs))
        return;
    const QJsonArray rules = v->toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString pointer = jsonPointerChild(u"/rules"_qs, i);
        if (!expectType(rules.at(i), QJsonValue::Object, pointer, u"a rule object"_qs))
            continue;
        Rule rule;
        if (readRule(rules.at(i).toObject(), pointer, rule)) {
            if (ids.contains(rule.id))
                error(pointer + u"/id"_qs, u"rule id \"%1\" is used by an earlier rule"_qs.arg(rule.id));
            ids.insert(rule.id);
            cfg.rules.append(rule);
        }
    }
}

bool ConfigReader::readRule(const QJsonObject &o, const QString &pointer, Rule &rule)
{
    const qsizetype before = m_out.size();
    checkKeys(o, pointer, {u"id", u"enabled", u"expires_at", u"match", u"action", u"note"});
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9._:-]*\\z"_qs);
    if (!o.contains(u"id"))
        error(pointer, u"missing required member \"id\""_qs);
    else if (const auto id = string(o, pointer, u"id", false)) {
        if (!idPattern.match(*id).hasMatch())
            error(
                pointer + u"/id"_qs,
                u"\"%1\" is not a valid rule id (letters, digits, '.', '_', ':' and '-'; starting with a letter or digit)"_qs
                    .arg(*id));
        rule.id = *id;
    }
    if (const auto enabled = boolean(o, pointer, u"enabled"))
        rule.enabled = *enabled;
    rule.expiresAt = timestamp(o, pointer, u"expires_at");
    if (const auto note = string(o, pointer, u"note", true))
        rule.note = *note;
    if (!o.contains(u"match"))
        error(pointer, u"missing required member \"match\""_qs);
    else if (const auto match = object(o, pointer, u"match"))
        readMatch(*match, pointer + u"/match"_qs, rule.match);
    if (!o.contains(u"action"))
        error(pointer, u"missing required member \"action\""_qs);
    else if (const auto action = object(o, pointer, u"action"))
        readAction(*action, pointer + u"/action"_qs, rule.action);
    return !hasErrors(m_out.mid(before));
}

void ConfigReader::readMatch(const QJsonObject &o, const QString &pointer, RuleMatch &match)
{
    checkKeys(o, pointer, {u"models", u"providers", u"class", u"users", u"features"});
    if (o.isEmpty()) {
        error(pointer, u"empty match: name at least one of models, providers, class, users, features"_qs);
        return;
    }
    if (const auto models = stringList(o, pointer, u"models")) {
        match.models = *models;
        for (qsizetype i = 0; i < models->size(); ++i)
            if (const QString problem = globProblem(models->at(i)); !problem.isEmpty())
                error(pointer + u"/models/"_qs + QString::number(i), problem);
    }
    if (const auto providers = stringList(o, pointer, u"providers"))
        match.providers = *providers;
    if (const auto users = stringList(o, pointer, u"users"))
        match.users = *users;
    if (const auto features = stringList(o, pointer, u"features"))
        match.features = *features;
    if (const auto cls = string(o, pointer, u"class", false)) {
        match.modelClass = parseModelClass(*cls);
        if (!match.modelClass)
            error(pointer + u"/class"_qs, u"\"%1\" is not one of \"paid\", \"free\""_qs.arg(*cls));
    }
}

void ConfigReader::readAction(const QJsonObject &o, const QString &pointer, RuleAction &action)
{
    checkKeys(o, pointer, {u"gateway", u"vercel_share"});
    const bool hasGateway = o.contains(u"gateway");
    const bool hasShare = o.contains(u"vercel_share");
    if (hasGateway == hasShare) {
        error(pointer, u"an action has exactly one of \"gateway\" and \"vercel_share\""_qs);
        return;
    }
    if (hasGateway) {
        if (const auto g = string(o, pointer, u"gateway", false)) {
            action.gateway = parseGateway(*g);
            if (!action.gateway)
                error(pointer + u"/gateway"_qs, u"\"%1\" is not one of \"openrouter\", \"vercel\""_qs.arg(*g));
        }
    } else {
        action.vercelShare = share(o.value(u"vercel_share"), pointer + u"/vercel_share"_qs);
    }
}

void ConfigReader::readFailover(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto o = object(root, QString(), u"failover");
    if (!o)
        return;
    const QString p = u"/failover"_qs;
    Failover &f = cfg.failover;
    checkKeys(
        *o, p,
        {u"enabled", u"window_minutes", u"error_rate_threshold", u"boosted_vercel_share", u"retry_other_gateway"});
    if (const auto v = boolean(*o, p, u"enabled"))
        f.enabled = *v;
    if (const auto v = integer(*o, p, u"window_minutes", 1, 1440))
        f.windowMinutes = int(*v);
    if (const auto v = member(*o, p, u"error_rate_threshold"))
        if (const auto d = number(*v, p + u"/error_rate_threshold"_qs, 0, 1))
            f.errorRateThreshold = *d;
    if (const auto v = member(*o, p, u"boosted_vercel_share"))
        if (const auto s = share(*v, p + u"/boosted_vercel_share"_qs))
            f.boostedVercelShare = *s;
    const auto retry = object(*o, p, u"retry_other_gateway");
    if (!retry)
        return;
    const QString rp = p + u"/retry_other_gateway"_qs;
    checkKeys(*retry, rp, {u"enabled", u"on_status", u"before_first_token_only"});
    if (const auto v = boolean(*retry, rp, u"enabled"))
        f.retryOtherGateway.enabled = *v;
    if (const auto v = boolean(*retry, rp, u"before_first_token_only"))
        f.retryOtherGateway.beforeFirstTokenOnly = *v;
    if (const auto v = member(*retry, rp, u"on_status")) {
        if (!expectType(*v, QJsonValue::Array, rp + u"/on_status"_qs, u"an array of HTTP status codes"_qs))
            return;
        QList<int> codes;
        const QJsonArray array = v->toArray();
        if (array.isEmpty())
            error(rp + u"/on_status"_qs, u"must not be empty (disable the retry instead)"_qs);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPointer = jsonPointerChild(rp + u"/on_status"_qs, i);
            if (const auto code = integerValue(array.at(i), itemPointer, 400, 599)) {
                if (codes.contains(int(*code)))
                    error(itemPointer, u"%1 is listed twice"_qs.arg(*code));
                codes << int(*code);
            }
        }
        f.retryOtherGateway.onStatus = codes;
    }
}

void ConfigReader::readModels(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto models = object(root, QString(), u"models");
    if (!models)
        return;
    for (auto it = models->begin(); it != models->end(); ++it) {
        const QString pointer = jsonPointerChild(u"/models"_qs, it.key());
        if (it.key().isEmpty()) {
            error(pointer, u"a model id must not be empty"_qs);
            continue;
        }
        if (!expectType(it.value(), QJsonValue::Object, pointer, u"a model mapping object"_qs))
            continue;
        const QJsonObject o = it.value().toObject();
        checkKeys(o, pointer, {u"vercel", u"vercel_providers", u"free"});
        ModelEntry entry;
        if (const auto v = member(o, pointer, u"vercel"); v && !v->isNull()) {
            if (const auto id = string(o, pointer, u"vercel", false))
                entry.vercel = *id;
        }
        if (o.contains(u"vercel_providers"))
            entry.vercelProviders = stringList(o, pointer, u"vercel_providers");
        if (const auto v = boolean(o, pointer, u"free"))
            entry.free = *v;
        if (entry.vercelProviders && !entry.vercel)
            warning(pointer + u"/vercel_providers"_qs, u"has no effect: the model is not on Vercel"_qs);
        cfg.models.insert(it.key(), entry);
    }
}

void ConfigReader::readProviders(const QJsonObject &root, RoutingConfig &cfg)
{
    const auto providers = object(root, QString(), u"providers");
    if (!providers)
        return;
    for (auto it = providers->begin(); it != providers->end(); ++it) {
        const QString pointer = jsonPointerChild(u"/providers"_qs, it.key());
        if (it.key().isEmpty()) {
            error(pointer, u"a provider slug must not be empty"_qs);
            continue;
        }
        if (it.value().isNull()) {
            cfg.providers.insert(it.key(), std::nullopt);
            continue;
        }
        if (!expectType(it.value(), QJsonValue::String, pointer, u"a Vercel provider slug or null"_qs))
            continue;
        if (it.value().toString().isEmpty()) {
            error(pointer, u"must not be empty (use null for a provider Vercel does not have)"_qs);
            continue;
        }
        cfg.providers.insert(it.key(), it.value().toString());
    }
}
} // namespace gw::config_detail
