#include "traffic/report.h"

#include "bench/stats.h"

#include <QMap>

#include <algorithm>

namespace gw {

std::optional<TrafficGroupBy> parseTrafficGroupBy(QStringView name)
{
    if (name == u"gateway")
        return TrafficGroupBy::Gateway;
    if (name == u"model")
        return TrafficGroupBy::Model;
    if (name == u"provider")
        return TrafficGroupBy::Provider;
    return std::nullopt;
}

QList<TrafficReportRow> trafficReport(const QList<TrafficBucket> &buckets, TrafficGroupBy by)
{
    QMap<QString, TrafficReportRow> groups;
    for (const TrafficBucket &b : buckets) {
        const QString name = by == TrafficGroupBy::Gateway ? gatewayName(b.key.gateway)
                             : by == TrafficGroupBy::Model ? b.key.model
                                                           : b.key.provider;
        TrafficReportRow &row = groups[name];
        row.group = name;
        row.totals.merge(b.values);
        if (b.key.statusClass != u"ok")
            row.errors += b.values.requests;
    }
    QList<TrafficReportRow> rows = groups.values();
    std::stable_sort(rows.begin(), rows.end(), [](const TrafficReportRow &a, const TrafficReportRow &b) {
        return a.totals.requests > b.totals.requests;
    });
    return rows;
}

namespace {

struct Column {
    const char16_t *name;
    double (*value)(const TrafficReportRow &);
    int decimals;
};

const Column kColumns[] = {
    {u"requests", [](const TrafficReportRow &r) { return double(r.totals.requests); }, 0},
    {u"errors", [](const TrafficReportRow &r) { return double(r.errors); }, 0},
    {u"error_rate", [](const TrafficReportRow &r) { return r.errorRate(); }, 4},
    {u"cost_usd", [](const TrafficReportRow &r) { return r.costUsd(); }, 6},
    {u"cost_reported_usd", [](const TrafficReportRow &r) { return r.totals.costReportedUsd; }, 6},
    {u"cost_estimated_usd", [](const TrafficReportRow &r) { return r.totals.costEstimatedUsd; }, 6},
    {u"prompt_tokens", [](const TrafficReportRow &r) { return double(r.totals.promptTokens); }, 0},
    {u"completion_tokens", [](const TrafficReportRow &r) { return double(r.totals.completionTokens); }, 0},
    {u"cached_tokens", [](const TrafficReportRow &r) { return double(r.totals.cachedTokens); }, 0},
    {u"reasoning_tokens", [](const TrafficReportRow &r) { return double(r.totals.reasoningTokens); }, 0},
    {u"latency_p50_ms", [](const TrafficReportRow &r) { return r.totals.latency.quantile(0.5); }, 0},
    {u"latency_p95_ms", [](const TrafficReportRow &r) { return r.totals.latency.quantile(0.95); }, 0},
    {u"ttft_p50_ms", [](const TrafficReportRow &r) { return r.totals.ttft.quantile(0.5); }, 0},
    {u"ttft_p95_ms", [](const TrafficReportRow &r) { return r.totals.ttft.quantile(0.95); }, 0},
};

QString format(const Column &c, const TrafficReportRow &r)
{
    return QString::number(c.value(r), 'f', c.decimals);
}

} // namespace

QJsonObject toJson(const TrafficReportRow &row)
{
    QJsonObject o{{u"group"_qs, row.group}};
    for (const Column &c : kColumns)
        o.insert(QString::fromUtf16(c.name), c.value(row));
    return o;
}

QString trafficReportCsv(const QList<TrafficReportRow> &rows)
{
    QString out = u"group"_qs;
    for (const Column &c : kColumns)
        out += u',' + QString::fromUtf16(c.name);
    out += u"\r\n"_qs;
    for (const TrafficReportRow &r : rows) {
        out += csvField(r.group);
        for (const Column &c : kColumns)
            out += u',' + format(c, r);
        out += u"\r\n"_qs;
    }
    return out;
}

QString trafficReportTable(const QList<TrafficReportRow> &rows, const QString &groupTitle)
{
    int width = int(groupTitle.size());
    for (const TrafficReportRow &r : rows)
        width = std::max(width, int(r.group.size()));
    // The table shows the columns an operator scans; --csv and --json carry every one.
    const int shown[] = {0, 2, 3, 6, 7, 10, 11, 12, 13};
    QString out = groupTitle.leftJustified(width);
    for (int i : shown)
        out += u"  "_qs + QString::fromUtf16(kColumns[i].name);
    out += u'\n';
    for (const TrafficReportRow &r : rows) {
        out += r.group.leftJustified(width);
        for (int i : shown) {
            const QString title = QString::fromUtf16(kColumns[i].name);
            out += u"  "_qs + format(kColumns[i], r).rightJustified(title.size());
        }
        out += u'\n';
    }
    return out;
}

} // namespace gw
