#include "config/config_io.h"

#include "util/stale_save_files.h"
#include "json/canonical_json.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace gw {
namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QJsonObject ruleToJson(const Rule &rule)
{
    QJsonObject match;
    if (!rule.match.models.isEmpty())
        match.insert(u"models"_qs, toArray(rule.match.models));
    if (!rule.match.providers.isEmpty())
        match.insert(u"providers"_qs, toArray(rule.match.providers));
    if (rule.match.modelClass)
        match.insert(u"class"_qs, modelClassName(*rule.match.modelClass));
    if (!rule.match.users.isEmpty())
        match.insert(u"users"_qs, toArray(rule.match.users));
    if (!rule.match.features.isEmpty())
        match.insert(u"features"_qs, toArray(rule.match.features));

    QJsonObject action;
    if (rule.action.gateway)
        action.insert(u"gateway"_qs, gatewayName(*rule.action.gateway));
    else if (rule.action.vercelShare)
        action.insert(u"vercel_share"_qs, *rule.action.vercelShare);

    QJsonObject o{{u"id"_qs, rule.id}, {u"enabled"_qs, rule.enabled}, {u"match"_qs, match}, {u"action"_qs, action}};
    if (rule.expiresAt)
        o.insert(u"expires_at"_qs, formatRfc3339(*rule.expiresAt));
    if (!rule.note.isEmpty())
        o.insert(u"note"_qs, rule.note);
    return o;
}

} // namespace

// Canonical form: every member that has a default is written with its value; optional members
// without a value (updated_at, notes, expiry, vercel_providers) are left out.
QJsonObject configToJson(const RoutingConfig &c)
{
    QJsonObject o;
    o.insert(u"schema_version"_qs, c.schemaVersion);
    o.insert(u"revision"_qs, double(c.revision));
    if (c.updatedAt)
        o.insert(u"updated_at"_qs, formatRfc3339(*c.updatedAt));
    if (!c.updatedBy.isEmpty())
        o.insert(u"updated_by"_qs, c.updatedBy);
    if (!c.note.isEmpty())
        o.insert(u"note"_qs, c.note);
    o.insert(u"cohort"_qs, c.cohort);
    o.insert(u"sticky_key"_qs, stickyKeyName(c.stickyKey));
    o.insert(u"gateways"_qs, QJsonObject{{u"openrouter"_qs, QJsonObject{{u"enabled"_qs, c.openrouterEnabled}}},
                                         {u"vercel"_qs, QJsonObject{{u"enabled"_qs, c.vercelEnabled}}}});
    o.insert(u"default_share"_qs, QJsonObject{{u"paid"_qs, c.defaultSharePaid}, {u"free"_qs, c.defaultShareFree}});

    QJsonArray rules;
    for (const Rule &rule : c.rules)
        rules.append(ruleToJson(rule));
    o.insert(u"rules"_qs, rules);

    QJsonArray onStatus;
    for (int code : c.failover.retryOtherGateway.onStatus)
        onStatus.append(code);
    o.insert(
        u"failover"_qs,
        QJsonObject{{u"enabled"_qs, c.failover.enabled},
                    {u"window_minutes"_qs, c.failover.windowMinutes},
                    {u"error_rate_threshold"_qs, c.failover.errorRateThreshold},
                    {u"boosted_vercel_share"_qs, c.failover.boostedVercelShare},
                    {u"retry_other_gateway"_qs,
                     QJsonObject{{u"enabled"_qs, c.failover.retryOtherGateway.enabled},
                                 {u"on_status"_qs, onStatus},
                                 {u"before_first_token_only"_qs, c.failover.retryOtherGateway.beforeFirstTokenOnly}}}});

    QJsonObject models;
    for (auto it = c.models.cbegin(); it != c.models.cend(); ++it) {
        QJsonObject entry{{u"vercel"_qs, it->vercel ? QJsonValue(*it->vercel) : QJsonValue(QJsonValue::Null)},
                          {u"free"_qs, it->free}};
        if (it->vercelProviders)
            entry.insert(u"vercel_providers"_qs, toArray(*it->vercelProviders));
        models.insert(it.key(), entry);
    }
    o.insert(u"models"_qs, models);

    QJsonObject providers;
    for (auto it = c.providers.cbegin(); it != c.providers.cend(); ++it)
        providers.insert(it.key(), *it ? QJsonValue(**it) : QJsonValue(QJsonValue::Null));
    o.insert(u"providers"_qs, providers);
    return o;
}

QString configContentHash(const RoutingConfig &config)
{
    return sha256Hex(canonicalJson(configToJson(config)));
}

QByteArray canonicalConfigBytes(const RoutingConfig &config)
{
    QJsonObject o = configToJson(config);
    o.insert(u"content_sha256"_qs, sha256Hex(canonicalJson(o)));
    return canonicalJson(o);
}

Outcome<bool> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    removeStaleSaveFiles(path); // what a killed earlier write to this path left (util/stale_save_files.h)
    QSaveFile file(path);
    // Unbuffered: a short write (disk full, EFBIG) must show in write()'s count. Buffered, Qt
    // 6.4 flushes on commit(), takes the short write for success and renames a truncated file
    // over the old one.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Outcome<bool>::failure(u"%1: cannot write: %2"_qs.arg(path, file.errorString()));
    if (const qint64 written = file.write(bytes); written != bytes.size()) // a short write sets no error string
        return Outcome<bool>::failure(u"%1: cannot write: only %2 of %3 bytes written (no space left?)"_qs.arg(path)
                                          .arg(std::max<qint64>(written, 0))
                                          .arg(bytes.size()));
    if (!file.commit())
        return Outcome<bool>::failure(u"%1: cannot write: %2"_qs.arg(path, file.errorString()));
    return Outcome<bool>::success(true);
}

Outcome<bool> saveConfigFile(const QString &path, const RoutingConfig &config)
{
    return writeFileAtomically(path, canonicalConfigBytes(config));
}

std::optional<QDateTime> parseRfc3339(QStringView text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})\\z"_qs);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int hour = m.captured(4).toInt(), minute = m.captured(5).toInt(), second = m.captured(6).toInt();
    int millis = 0;
    if (const QString frac = m.captured(7); !frac.isEmpty())
        millis = QString(frac.mid(1) + u"00"_qs).left(3).toInt(); // sub-millisecond digits are dropped
    const QTime time(hour, minute, second, millis);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    if (const QString zone = m.captured(8); zone != u"Z") {
        const int sign = zone.startsWith(u'-') ? -1 : 1;
        const int oh = zone.mid(1, 2).toInt(), om = zone.mid(4, 2).toInt();
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = sign * (oh * 3600 + om * 60);
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
}

QString formatRfc3339(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return utc.time().msec() ? utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_qs) : utc.toString(u"yyyy-MM-ddTHH:mm:ssZ"_qs);
}

} // namespace gw
