#include "config/config_io.h"

#include "json/canonical_json.h"
#include "routing/glob.h"
#include "json/json_source.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace gw {
namespace {

QString showNumber(double v) { return QString::fromLatin1(canonicalNumber(v)); }

// True when v is exactly the double nearest to some n/1000, i.e. what "2.675" parses to. Division
// is correctly rounded, so this accepts every three-decimal literal and nothing finer.
bool hasAtMostThreeDecimals(double v)
{
    return milliToShare(shareToMilli(v)) == v;
}

// Walks the parsed document and fills the config, collecting every problem rather than stopping
// at the first, so one run of `gatewayctl validate` shows the whole list.
class ConfigReader {
public:
    ConfigReader(const JsonSource &source, const QString &file, Diagnostics &out)
        : m_source(source), m_file(file), m_out(out) {}

    void read(RoutingConfig &cfg)
    {
        if (!m_source.root.isObject()) {
            error(QString(), u"the config must be a JSON object, found "_qs + jsonTypeName(m_source.root));
            return;
        }
        const QJsonObject root = m_source.root.toObject();
        checkKeys(root, QString(),
                  {u"schema_version", u"revision", u"updated_at", u"updated_by", u"note", u"cohort",
                   u"sticky_key", u"gateways", u"default_share", u"rules", u"failover", u"models",
                   u"providers", u"content_sha256"});

        if (!root.contains(u"schema_version")) {
            error(QString(), u"missing required member \"schema_version\""_qs);
        } else if (const auto v = integer(root, QString(), u"schema_version", 0, 1000000)) {
            if (*v != 1)
                error(u"/schema_version"_qs, u"unsupported schema version %1 (this build reads version 1)"_qs.arg(*v));
        }
        if (const auto v = integer(root, QString(), u"revision", 0, 9007199254740991LL))
            cfg.revision = *v;
        if (const auto v = timestamp(root, QString(), u"updated_at"))
            cfg.updatedAt = v;
        if (const auto v = string(root, QString(), u"updated_by", true))
            cfg.updatedBy = *v;
        if (const auto v = string(root, QString(), u"note", true))
            cfg.note = *v;
        if (const auto v = string(root, QString(), u"cohort", false))
            cfg.cohort = *v;
        if (const auto v = string(root, QString(), u"sticky_key", false)) {
            if (const auto k = parseStickyKey(*v))
                cfg.stickyKey = *k;
            else
                error(u"/sticky_key"_qs, u"\"%1\" is not one of \"task_or_user\", \"user\""_qs.arg(*v));
        }
        readGateways(root, cfg);
        readDefaultShare(root, cfg);
        readRules(root, cfg);
        readFailover(root, cfg);
        readModels(root, cfg);
        readProviders(root, cfg);
        if (const auto v = string(root, QString(), u"content_sha256", false)) {
            static const QRegularExpression hex(u"^[0-9a-f]{64}\\z"_qs);
            if (!hex.match(*v).hasMatch())
                error(u"/content_sha256"_qs, u"must be 64 lower-case hex digits"_qs);
            else
                cfg.contentSha256 = *v;
        }
    }

    void warning(const QString &pointer, const QString &message)
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out.append({Diagnostic::Severity::Warning, m_file, p.line, p.column, pointer, message});
    }

private:
    void error(const QString &pointer, const QString &message)
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out.append({Diagnostic::Severity::Error, m_file, p.line, p.column, pointer, message});
    }

    void checkKeys(const QJsonObject &object, const QString &pointer, std::initializer_list<QStringView> allowed)
    {
        QStringList allowedList;
        for (QStringView a : allowed)
            allowedList << a.toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (allowedList.contains(it.key()))
                continue;
            const QString child = jsonPointerChild(pointer, it.key());
            const JsonPosition p = m_source.keyPositionOf(child);
            m_out.append({Diagnostic::Severity::Error, m_file, p.line, p.column, child,
                          u"unknown member \"%1\" (allowed here: %2)"_qs.arg(it.key(), allowedList.join(u", "_qs))});
        }
    }

    // Each accessor returns nothing when the member is absent (the default stays) or wrong
    // (after reporting it).
    std::optional<QJsonValue> member(const QJsonObject &o, const QString & /*pointer*/, QStringView name)
    {
        const auto it = o.constFind(name.toString());
        if (it == o.constEnd())
            return std::nullopt;
        return *it;
    }

    bool expectType(const QJsonValue &v, QJsonValue::Type type, const QString &pointer, const QString &what)
    {
        if (v.type() == type)
            return true;
        error(pointer, u"expected %1, found %2"_qs.arg(what, jsonTypeName(v)));
        return false;
    }

    std::optional<QJsonObject> object(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::Object, pointer, u"an object"_qs))
            return std::nullopt;
        return v->toObject();
    }

    std::optional<bool> boolean(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        if (!v || !expectType(*v, QJsonValue::Bool, jsonPointerChild(parent, name), u"true or false"_qs))
            return std::nullopt;
        return v->toBool();
    }

    std::optional<QString> string(const QJsonObject &o, const QString &parent, QStringView name, bool allowEmpty)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::String, pointer, u"a string"_qs))
            return std::nullopt;
        if (!allowEmpty && v->toString().isEmpty()) {
            error(pointer, u"must not be empty"_qs);
            return std::nullopt;
        }
        return v->toString();
    }

    std::optional<double> number(const QJsonValue &v, const QString &pointer, double min, double max)
    {
        if (!expectType(v, QJsonValue::Double, pointer, u"a number"_qs))
            return std::nullopt;
        const double d = v.toDouble();
        if (d < min) {
            error(pointer, u"%1 is below %2"_qs.arg(showNumber(d), showNumber(min)));
            return std::nullopt;
        }
        if (d > max) {
            error(pointer, u"%1 is above %2"_qs.arg(showNumber(d), showNumber(max)));
            return std::nullopt;
        }
        return d;
    }

    std::optional<qint64> integer(const QJsonObject &o, const QString &parent, QStringView name, qint64 min, qint64 max)
    {
        const auto v = member(o, parent, name);
        if (!v)
            return std::nullopt;
        return integerValue(*v, jsonPointerChild(parent, name), min, max);
    }

    std::optional<qint64> integerValue(const QJsonValue &v, const QString &pointer, qint64 min, qint64 max)
    {
        const auto d = number(v, pointer, double(min), double(max));
        if (!d)
            return std::nullopt;
        if (std::floor(*d) != *d) {
            error(pointer, u"%1 is not a whole number"_qs.arg(showNumber(*d)));
            return std::nullopt;
        }
        return qint64(*d);
    }

    std::optional<double> share(const QJsonValue &v, const QString &pointer)
    {
        const auto d = number(v, pointer, 0, 100);
        if (d && !hasAtMostThreeDecimals(*d)) {
            error(pointer, u"%1 has more than 3 decimals (shares step by 0.001)"_qs.arg(showNumber(*d)));
            return std::nullopt;
        }
        return d;
    }

    std::optional<QDateTime> timestamp(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto s = string(o, parent, name, false);
        if (!s)
            return std::nullopt;
        auto when = parseRfc3339(*s); // not const: returned by move
        if (!when)
            error(jsonPointerChild(parent, name),
                  u"\"%1\" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z"_qs.arg(*s));
        return when;
    }

    // A non-empty array of non-empty, distinct strings.
    std::optional<QStringList> stringList(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::Array, pointer, u"an array of strings"_qs))
            return std::nullopt;
        const QJsonArray array = v->toArray();
        if (array.isEmpty()) {
            error(pointer, u"must not be empty (leave the member out instead)"_qs);
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPointer = jsonPointerChild(pointer, i);
            if (!expectType(array.at(i), QJsonValue::String, itemPointer, u"a string"_qs)) {
                ok = false;
                continue;
            }
            const QString item = array.at(i).toString();
            if (item.isEmpty()) {
                error(itemPointer, u"must not be empty"_qs);
                ok = false;
            } else if (out.contains(item)) {
                error(itemPointer, u"\"%1\" is listed twice"_qs.arg(item));
                ok = false;
            }
            out << item;
        }
        return ok ? std::optional(out) : std::nullopt;
    }

    void readGateways(const QJsonObject &root, RoutingConfig &cfg)
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

    void readDefaultShare(const QJsonObject &root, RoutingConfig &cfg)
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

    void readRules(const QJsonObject &root, RoutingConfig &cfg)
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

    bool readRule(const QJsonObject &o, const QString &pointer, Rule &rule)
    {
        const qsizetype before = m_out.size();
        checkKeys(o, pointer, {u"id", u"enabled", u"expires_at", u"match", u"action", u"note"});
        static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9._:-]*\\z"_qs);
        if (!o.contains(u"id"))
            error(pointer, u"missing required member \"id\""_qs);
        else if (const auto id = string(o, pointer, u"id", false)) {
            if (!idPattern.match(*id).hasMatch())
                error(pointer + u"/id"_qs,
                      u"\"%1\" is not a valid rule id (letters, digits, '.', '_', ':' and '-'; starting with a letter or digit)"_qs.arg(*id));
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

    void readMatch(const QJsonObject &o, const QString &pointer, RuleMatch &match)
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

    void readAction(const QJsonObject &o, const QString &pointer, RuleAction &action)
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

    void readFailover(const QJsonObject &root, RoutingConfig &cfg)
    {
        const auto o = object(root, QString(), u"failover");
        if (!o)
            return;
        const QString p = u"/failover"_qs;
        Failover &f = cfg.failover;
        checkKeys(*o, p, {u"enabled", u"window_minutes", u"error_rate_threshold", u"boosted_vercel_share",
                          u"retry_other_gateway"});
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

    void readModels(const QJsonObject &root, RoutingConfig &cfg)
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

    void readProviders(const QJsonObject &root, RoutingConfig &cfg)
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

    const JsonSource &m_source;
    QString m_file;
    Diagnostics &m_out;
};

} // namespace

ConfigLoadResult loadConfig(QByteArrayView bytes, const QString &fileName)
{
    ConfigLoadResult result;
    const JsonSource source = parseJsonSource(bytes, fileName);
    result.diagnostics = source.problems;
    if (source.root.isUndefined())
        return result;
    RoutingConfig cfg;
    ConfigReader reader(source, fileName, result.diagnostics);
    reader.read(cfg);
    // The reader visits sections in a fixed order; report in the order of the text.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    if (hasErrors(result.diagnostics))
        return result;
    if (!cfg.contentSha256.isEmpty()) {
        const QString actual = configContentHash(cfg);
        if (actual != cfg.contentSha256) {
            result.hashMismatch = true;
            reader.warning(u"/content_sha256"_qs,
                           u"does not match the content (expected %1): the file was edited after export; "
                           "review it before trusting it"_qs.arg(actual));
        }
    }
    result.config = cfg;
    return result;
}

ConfigLoadResult loadConfigFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0, QString(),
                                   u"cannot read the file: "_qs + file.errorString()});
        return result;
    }
    return loadConfig(file.readAll(), path.isEmpty() ? name : path);
}

} // namespace gw
