#include "production/live_record.h"

#include "config/config_io.h"
#include "export/exporter.h"
#include "json/json_source.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace gw::production {

namespace {

const QString kPaid = u"vercel_routing_percentage"_qs;
const QString kFree = u"vercel_routing_percentage_free"_qs;
const QString kOptOut = u"vercel_routing_opt_out_models"_qs;
const QString kPerplexity = u"perplexity_routing_percentage"_qs;
const QString kFriendli = u"friendli_routing_percentage"_qs;
const QString kUpdatedAt = u"updated_at"_qs;
const QString kUpdatedBy = u"updated_by"_qs;
const QString kUpdatedByEmail = u"updated_by_email"_qs;
const QString kNote = u"note"_qs;
const QString kNative = u"gateway_console"_qs;
constexpr qsizetype kMaxNoteLength = 500;

// A percentage member: absent or null gives `fallback`.
bool readPercent(const QJsonObject &o, const QString &key, double fallback, double &out, QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        out = fallback;
        return true;
    }
    if (!v.isDouble()) {
        error = u"config/%1: expected a number 0..100, found %2"_qs.arg(key, jsonTypeName(v));
        return false;
    }
    if (v.toDouble() < 0 || v.toDouble() > 100) {
        error = u"config/%1: %2 is outside 0..100"_qs.arg(key).arg(v.toDouble());
        return false;
    }
    out = v.toDouble();
    return true;
}

QString readText(const QJsonObject &o, const QString &key)
{
    return o.value(key).isString() ? o.value(key).toString() : QString();
}

QString percentText(const QJsonValue &v, double fallback)
{
    if (v.isDouble())
        return QString::number(v.toDouble()) + u'%';
    return u"default %1%"_qs.arg(fallback);
}

QStringList stringList(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &e : v.toArray())
        list << e.toString();
    return list;
}

QString modelList(const QStringList &models)
{
    constexpr qsizetype kShown = 5;
    QString s = models.mid(0, kShown).join(u", "_qs);
    if (models.size() > kShown)
        s += u", ..."_qs;
    return s;
}

} // namespace

LiveParseResult parseLiveRecord(const QJsonObject &config)
{
    LiveParseResult r;
    LiveRecord rec;
    rec.config = config;
    if (!readPercent(config, kPaid, 50, rec.paidPercent, r.error)
        || !readPercent(config, kFree, 50, rec.freePercent, r.error))
        return r;
    for (const QString &partner : {kPerplexity, kFriendli}) {
        if (!config.contains(partner))
            continue;
        double value = 0;
        if (!readPercent(config, partner, 0, value, r.error))
            return r;
        (partner == kPerplexity ? rec.perplexityPercent : rec.friendliPercent) = value;
    }
    const QJsonValue optOut = config.value(kOptOut);
    if (!optOut.isUndefined() && !optOut.isNull()) {
        if (!optOut.isArray()) {
            r.error = u"config/%1: expected an array of model ids, found %2"_qs.arg(kOptOut, jsonTypeName(optOut));
            return r;
        }
        const QJsonArray models = optOut.toArray();
        for (qsizetype i = 0; i < models.size(); ++i) {
            if (!models.at(i).isString() || models.at(i).toString().trimmed().isEmpty()) {
                r.error = u"config/%1/%2: expected a non-empty model id, found %3"_qs.arg(kOptOut).arg(i).arg(
                    jsonTypeName(models.at(i)));
                return r;
            }
            rec.optOutModels << models.at(i).toString();
        }
    }
    rec.updatedAt = readText(config, kUpdatedAt);
    rec.updatedBy = readText(config, kUpdatedBy);
    rec.updatedByEmail = readText(config, kUpdatedByEmail);
    rec.note = readText(config, kNote);
    rec.hasNativeConfig = config.value(kNative).isObject();
    r.record = rec;
    return r;
}

QStringList ownedMembers()
{
    return {kPaid, kFree, kOptOut, kUpdatedAt, kUpdatedBy, kUpdatedByEmail, kNote, kNative};
}

OwnedMembers ownedMembersFromDraft(const RoutingConfig &draft, bool allowLossy, const QDateTime &now)
{
    OwnedMembers r;
    // The publish stamp replaces the draft's own note and author: their length is not a loss here.
    RoutingConfig stamped = draft;
    stamped.note.clear();
    stamped.updatedBy.clear();
    ExportOptions options;
    options.allowLossy = allowLossy;
    options.now = now;
    const ExportResult kilo = exportKiloGateway(stamped, options);
    r.losses = kilo.losses;
    r.notes = kilo.notes;
    if (!kilo.ok) {
        r.error = kilo.error;
        return r;
    }
    const QJsonObject record = QJsonDocument::fromJson(kilo.bytes).object();
    for (const QString &key : {kPaid, kFree, kOptOut})
        r.members.insert(key, record.value(key));
    r.members.insert(kNative, QJsonDocument::fromJson(canonicalConfigBytes(draft)).object());
    r.ok = true;
    return r;
}

QJsonObject ownedMembersOf(const QJsonObject &config)
{
    QJsonObject owned;
    for (const QString &key : {kPaid, kFree, kOptOut, kNative})
        if (config.contains(key))
            owned.insert(key, config.value(key));
    return owned;
}

QString validateStamp(const PublishStamp &stamp)
{
    if (stamp.by.trimmed().isEmpty())
        return u"who publishes is required (updated_by)"_qs;
    if (stamp.note.trimmed().isEmpty())
        return u"a note is required"_qs;
    if (stamp.note.toUcs4().size() > kMaxNoteLength)
        return u"the note is %1 characters; the record keeps at most %2"_qs.arg(stamp.note.toUcs4().size())
            .arg(kMaxNoteLength);
    return {};
}

QJsonObject applyPublish(const QJsonObject &live, const QJsonObject &owned, const PublishStamp &stamp)
{
    QJsonObject next = live;
    for (const QString &key : {kPaid, kFree, kOptOut, kNative})
        next.remove(key);
    for (auto it = owned.begin(); it != owned.end(); ++it)
        next.insert(it.key(), it.value());
    static const QRegularExpression email(u"^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+\\z"_qs);
    next.insert(kUpdatedAt, formatRfc3339(stamp.now.toUTC()));
    next.insert(kUpdatedBy, stamp.by);
    next.insert(kUpdatedByEmail,
                email.match(stamp.by).hasMatch() ? QJsonValue(stamp.by) : QJsonValue(QJsonValue::Null));
    next.insert(kNote, stamp.note);
    return next;
}

QStringList describeChange(const QJsonObject &from, const QJsonObject &to)
{
    QStringList changes;
    const auto percent = [&](const QString &key, const QString &label, double fallback) {
        const QJsonValue a = from.value(key), b = to.value(key);
        if (a != b)
            changes << u"%1 %2 -> %3"_qs.arg(label, percentText(a, fallback), percentText(b, fallback));
    };
    percent(kPaid, u"paid"_qs, 50);
    percent(kFree, u"free"_qs, 50);
    const QStringList before = stringList(from.value(kOptOut)), after = stringList(to.value(kOptOut));
    const QSet<QString> beforeSet(before.cbegin(), before.cend()), afterSet(after.cbegin(), after.cend());
    QStringList added, removed;
    for (const QString &m : after)
        if (!beforeSet.contains(m))
            added << m;
    for (const QString &m : before)
        if (!afterSet.contains(m))
            removed << m;
    if (!added.isEmpty())
        changes << u"opt-out +%1 model%2 (%3)"_qs.arg(added.size())
                       .arg(added.size() == 1 ? u""_qs : u"s"_qs, modelList(added));
    if (!removed.isEmpty())
        changes << u"opt-out -%1 model%2 (%3)"_qs.arg(removed.size())
                       .arg(removed.size() == 1 ? u""_qs : u"s"_qs, modelList(removed));
    if (from.value(kOptOut).type() != to.value(kOptOut).type() && added.isEmpty() && removed.isEmpty())
        changes << u"opt-out %1 -> %2"_qs.arg(jsonTypeName(from.value(kOptOut)), jsonTypeName(to.value(kOptOut)));
    percent(kPerplexity, u"perplexity"_qs, 0);
    percent(kFriendli, u"friendli"_qs, 0);
    for (const QString &key : {kUpdatedAt, kUpdatedBy, kUpdatedByEmail, kNote}) {
        const QJsonValue a = from.value(key), b = to.value(key);
        if (a != b)
            changes << u"%1 \"%2\" -> \"%3\""_qs.arg(key, a.toString(), b.toString());
    }
    if (from.value(kNative) != to.value(kNative)) {
        const QJsonValue a = from.value(kNative), b = to.value(kNative);
        if (!a.isObject())
            changes << u"native config added (revision %1)"_qs.arg(b[u"revision"].toInteger());
        else if (!b.isObject())
            changes << u"native config removed"_qs;
        else
            changes << u"native config revision %1 -> %2"_qs.arg(a[u"revision"].toInteger())
                           .arg(b[u"revision"].toInteger());
    }
    QStringList keys = from.keys() + to.keys();
    keys.removeDuplicates();
    keys.sort();
    const QStringList known{kPaid,      kFree,      kOptOut,         kPerplexity, kFriendli,
                            kUpdatedAt, kUpdatedBy, kUpdatedByEmail, kNote,       kNative};
    for (const QString &key : keys) {
        if (known.contains(key) || from.value(key) == to.value(key))
            continue;
        changes << (!from.contains(key) ? u"member \"%1\" added"_qs
                    : !to.contains(key) ? u"member \"%1\" removed"_qs
                                        : u"member \"%1\" changed"_qs)
                       .arg(key);
    }
    return changes;
}

QString describeChangeLine(const QJsonObject &from, const QJsonObject &to)
{
    const QStringList changes = describeChange(from, to);
    return changes.isEmpty() ? u"no change"_qs : changes.join(u", "_qs);
}

QStringList threeWayDifference(const QJsonObject &base, const QJsonObject &live, const QJsonObject &draft)
{
    return {u"live vs base: "_qs + describeChangeLine(base, live),
            u"draft vs base: "_qs + describeChangeLine(base, draft),
            u"draft vs live: "_qs + describeChangeLine(live, draft)};
}

QDateTime liveBy(const QDateTime &publishedAt)
{
    return publishedAt.toUTC().addSecs(60);
}

} // namespace gw::production
