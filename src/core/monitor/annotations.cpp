#include "monitor/annotations.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace gw {

std::optional<qint64> incidentPinStartMs(const QString &ruleId)
{
    if (!ruleId.startsWith(u"incident-"))
        return std::nullopt;
    // incident-<slug>-<yyyyMMddHHmm>[-<n>]: the last part of twelve digits.
    const QStringList parts = ruleId.split(QLatin1Char('-'));
    for (qsizetype i = parts.size() - 1; i >= 0; --i) { // the last such part wins
        const QString &part = parts.at(i);
        if (part.size() != 12)
            continue;
        const QDate date = QDate::fromString(part.left(8), QStringLiteral("yyyyMMdd"));
        const QTime time = QTime::fromString(part.mid(8), QStringLiteral("HHmm"));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    }
    return std::nullopt;
}

QList<ChartAnnotation> chartAnnotations(const QList<ExportRecord> &history, const QList<Rule> &rules, qint64 fromMs,
                                        qint64 toMs)
{
    QList<ChartAnnotation> out;
    const auto add = [&](ChartAnnotation::Kind kind, qint64 at, const QString &detail) {
        if (at >= fromMs && at <= toMs)
            out.append({kind, at, detail});
    };
    for (const ExportRecord &r : history) {
        if (!r.time.isValid() || (r.kind != u"export" && r.kind != u"publish"))
            continue;
        const QString detail = r.profile + QStringLiteral(" r") + QString::number(r.revision);
        add(r.kind == u"publish" ? ChartAnnotation::Kind::Publish : ChartAnnotation::Kind::Export,
            r.time.toMSecsSinceEpoch(), detail);
    }
    QSet<QString> seen;
    for (const Rule &rule : rules) {
        const std::optional<qint64> start = incidentPinStartMs(rule.id);
        if (!start || seen.contains(rule.id))
            continue;
        seen.insert(rule.id);
        add(ChartAnnotation::Kind::PinStart, *start, rule.id);
        if (rule.expiresAt && rule.expiresAt->isValid())
            add(ChartAnnotation::Kind::PinExpiry, rule.expiresAt->toMSecsSinceEpoch(), rule.id);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ChartAnnotation &a, const ChartAnnotation &b) { return a.atMs < b.atMs; });
    return out;
}

} // namespace gw
