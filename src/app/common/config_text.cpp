#include "common/config_text.h"

#include <QCoreApplication>
#include <QSet>

namespace gw::app {

QString formatShare(double percent)
{
    QString s = QString::number(percent, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

static QString onOff(bool on)
{
    return on ? QCoreApplication::translate("ConfigText", "on") : QCoreApplication::translate("ConfigText", "off");
}

static QString ruleWords(const gw::Rule &rule)
{
    return matchSummary(rule.match) + QStringLiteral(" → ") + actionSummary(rule.action);
}

QStringList describeConfigChanges(const gw::RoutingConfig &before, const gw::RoutingConfig &after)
{
    QStringList out;
    auto share = [&](const char *what, double x, double y) {
        if (gw::shareToMilli(x) != gw::shareToMilli(y))
            out << QCoreApplication::translate("ConfigText", what).arg(formatShare(x), formatShare(y));
    };
    share(QT_TRANSLATE_NOOP("ConfigText", "default paid share %1 → %2"), before.defaultSharePaid,
          after.defaultSharePaid);
    share(QT_TRANSLATE_NOOP("ConfigText", "default free share %1 → %2"), before.defaultShareFree,
          after.defaultShareFree);
    if (before.openrouterEnabled != after.openrouterEnabled)
        out << QCoreApplication::translate("ConfigText", "OpenRouter %1 → %2")
                   .arg(onOff(before.openrouterEnabled), onOff(after.openrouterEnabled));
    if (before.vercelEnabled != after.vercelEnabled)
        out << QCoreApplication::translate("ConfigText", "Vercel %1 → %2")
                   .arg(onOff(before.vercelEnabled), onOff(after.vercelEnabled));
    if (before.cohort != after.cohort)
        out << QCoreApplication::translate("ConfigText", "cohort %1 → %2").arg(before.cohort, after.cohort);
    if (before.stickyKey != after.stickyKey)
        out << QCoreApplication::translate("ConfigText", "sticky key %1 → %2")
                   .arg(gw::stickyKeyName(before.stickyKey), gw::stickyKeyName(after.stickyKey));
    if (before.failover != after.failover)
        out << QCoreApplication::translate("ConfigText", "failover settings changed");

    QStringList beforeIds, afterIds;
    for (const gw::Rule &r : before.rules)
        beforeIds << r.id;
    for (const gw::Rule &r : after.rules)
        afterIds << r.id;
    for (const gw::Rule &r : after.rules) {
        const int i = beforeIds.indexOf(r.id);
        if (i < 0) {
            out << (r.enabled ? QCoreApplication::translate("ConfigText", "rule %1 added (%2)")
                              : QCoreApplication::translate("ConfigText", "rule %1 added, disabled (%2)"))
                       .arg(r.id, ruleWords(r));
            continue;
        }
        const gw::Rule &old = before.rules.at(i);
        if (old.enabled != r.enabled)
            out << (r.enabled ? QCoreApplication::translate("ConfigText", "rule %1 enabled")
                              : QCoreApplication::translate("ConfigText", "rule %1 disabled"))
                       .arg(r.id);
        if (old.match != r.match)
            out << QCoreApplication::translate("ConfigText", "rule %1 match %2 → %3")
                       .arg(r.id, matchSummary(old.match), matchSummary(r.match));
        if (old.action != r.action)
            out << QCoreApplication::translate("ConfigText", "rule %1 action %2 → %3")
                       .arg(r.id, actionSummary(old.action), actionSummary(r.action));
        if (old.expiresAt != r.expiresAt)
            out << QCoreApplication::translate("ConfigText", "rule %1 expiry changed").arg(r.id);
        if (old.note != r.note)
            out << QCoreApplication::translate("ConfigText", "rule %1 note changed").arg(r.id);
    }
    for (const gw::Rule &r : before.rules) {
        if (!afterIds.contains(r.id))
            out << QCoreApplication::translate("ConfigText", "rule %1 removed").arg(r.id);
    }
    QStringList commonBefore, commonAfter;
    for (const QString &id : beforeIds)
        if (afterIds.contains(id))
            commonBefore << id;
    for (const QString &id : afterIds)
        if (beforeIds.contains(id))
            commonAfter << id;
    if (commonBefore != commonAfter)
        out << QCoreApplication::translate("ConfigText", "rule order changed: %1")
                   .arg(commonAfter.join(QStringLiteral(", ")));

    for (auto it = after.models.cbegin(); it != after.models.cend(); ++it) {
        if (!before.models.contains(it.key()))
            out << QCoreApplication::translate("ConfigText", "model %1 added").arg(it.key());
        else if (before.models.value(it.key()) != it.value())
            out << QCoreApplication::translate("ConfigText", "model %1 mapping changed").arg(it.key());
    }
    for (auto it = before.models.cbegin(); it != before.models.cend(); ++it)
        if (!after.models.contains(it.key()))
            out << QCoreApplication::translate("ConfigText", "model %1 removed").arg(it.key());
    if (before.providers != after.providers)
        out << QCoreApplication::translate("ConfigText", "provider table changed");
    return out;
}

QStringList lineDiff(const QString &before, const QString &after)
{
    const QStringList x = before.split(QLatin1Char('\n'));
    const QStringList y = after.split(QLatin1Char('\n'));
    // Common prefix and suffix first: configs differ in a few places, keeping the LCS table small.
    qsizetype p = 0;
    while (p < x.size() && p < y.size() && x.at(p) == y.at(p))
        ++p;
    qsizetype s = 0;
    while (s < x.size() - p && s < y.size() - p && x.at(x.size() - 1 - s) == y.at(y.size() - 1 - s))
        ++s;
    const qsizetype n = x.size() - p - s, m = y.size() - p - s;
    QStringList out;
    for (qsizetype i = 0; i < p; ++i)
        out << QStringLiteral("  ") + x.at(i);
    if (n * m > 4'000'000) { // too different for a table: show as replaced
        for (qsizetype i = 0; i < n; ++i)
            out << QStringLiteral("- ") + x.at(p + i);
        for (qsizetype j = 0; j < m; ++j)
            out << QStringLiteral("+ ") + y.at(p + j);
    } else {
        QList<int> lcs((n + 1) * (m + 1), 0);
        auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[i * (m + 1) + j]; };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = x.at(p + i) == y.at(p + j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.at(p + i) == y.at(p + j)) {
                out << QStringLiteral("  ") + x.at(p + i);
                ++i, ++j;
            } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
                out << QStringLiteral("+ ") + y.at(p + j++);
            } else {
                out << QStringLiteral("- ") + x.at(p + i++);
            }
        }
    }
    for (qsizetype i = x.size() - s; i < x.size(); ++i)
        out << QStringLiteral("  ") + x.at(i);
    return out;
}

QString matchSummary(const gw::RuleMatch &m)
{
    QStringList parts;
    const QString comma = QStringLiteral(", ");
    if (!m.models.isEmpty())
        parts << QCoreApplication::translate("ConfigText", "models %1").arg(m.models.join(comma));
    if (!m.providers.isEmpty())
        parts << QCoreApplication::translate("ConfigText", "providers %1").arg(m.providers.join(comma));
    if (m.modelClass)
        parts << QCoreApplication::translate("ConfigText", "class %1").arg(gw::modelClassName(*m.modelClass));
    if (!m.users.isEmpty())
        parts << QCoreApplication::translate("ConfigText", "%n user(s)", nullptr, int(m.users.size()));
    if (!m.features.isEmpty())
        parts << QCoreApplication::translate("ConfigText", "features %1").arg(m.features.join(comma));
    return parts.isEmpty() ? QCoreApplication::translate("ConfigText", "(nothing)") : parts.join(QStringLiteral("; "));
}

QString actionSummary(const gw::RuleAction &a)
{
    if (a.gateway)
        return *a.gateway == gw::Gateway::Vercel ? QCoreApplication::translate("ConfigText", "pin Vercel")
                                                 : QCoreApplication::translate("ConfigText", "pin OpenRouter");
    if (a.vercelShare)
        return QCoreApplication::translate("ConfigText", "Vercel share %1 %").arg(formatShare(*a.vercelShare));
    return QCoreApplication::translate("ConfigText", "(no action)");
}

QString expiryText(const std::optional<QDateTime> &expiresAt, const QDateTime &now)
{
    if (!expiresAt)
        return QCoreApplication::translate("ConfigText", "never");
    const qint64 secs = now.secsTo(*expiresAt);
    if (secs <= 0)
        return QCoreApplication::translate("ConfigText", "expired");
    const qint64 minutes = (secs + 59) / 60;
    const qint64 days = minutes / (24 * 60), hours = (minutes / 60) % 24, mins = minutes % 60;
    if (days > 0)
        return QCoreApplication::translate("ConfigText", "expires in %1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QCoreApplication::translate("ConfigText", "expires in %1 h %2 min").arg(hours).arg(mins);
    return QCoreApplication::translate("ConfigText", "expires in %1 min").arg(mins);
}

QString clockTimeText(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + local.timeZoneAbbreviation();
}

QString incidentRuleId(const gw::RoutingConfig &config, const QString &subject, const QDateTime &now)
{
    QString slug;
    for (const QChar c : subject.toLower()) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.');
        if (ok)
            slug += c;
        else if (!slug.endsWith(QLatin1Char('-')))
            slug += QLatin1Char('-');
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    const QString base =
        QStringLiteral("incident-") + slug + QLatin1Char('-') + now.toUTC().toString(QStringLiteral("yyyyMMddHHmm"));
    QSet<QString> taken;
    for (const gw::Rule &r : config.rules)
        taken.insert(r.id);
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

} // namespace gw::app
