// Chart annotations from a hand-made history and rules: exports and publishes at their times,
// incident pins at the minute in their id and at their expiry, drift and other ranges left out;
// the share target's hours before the first export moved to a "draft (not exported)" series; and
// the error chart's minimum-volume rule.
#include "monitor/annotations.h"
#include "monitor/error_volume.h"
#include "monitor/target_source.h"

#include <QTest>

#include <cmath>

using namespace gw;

namespace {

const QDateTime kT0(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);

ExportRecord record(const QString &kind, int hour, qint64 revision)
{
    ExportRecord r;
    r.kind = kind;
    r.time = kT0.addSecs(hour * 3600);
    r.profile = u"native"_qs;
    r.revision = revision;
    return r;
}

Rule pin(const QString &id, std::optional<QDateTime> expires)
{
    Rule r;
    r.id = id;
    r.expiresAt = expires;
    return r;
}

} // namespace

class TstMonitorAnnotations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pinStartFromTheId()
    {
        QCOMPARE(*incidentPinStartMs(u"incident-anthropic-claude-3.5-202603011230"_qs),
                 kT0.addSecs(12 * 3600 + 1800).toMSecsSinceEpoch());
        QCOMPARE(*incidentPinStartMs(u"incident-x-202603010100-2"_qs),
                 kT0.addSecs(3600).toMSecsSinceEpoch());         // a second pin that minute
        QVERIFY(!incidentPinStartMs(u"rule-202603010100"_qs));   // not an incident pin
        QVERIFY(!incidentPinStartMs(u"incident-x-20260301"_qs)); // no minute
    }

    void annotationsInTheRangeByTime()
    {
        const QList<ExportRecord> history = {record(u"export"_qs, 5, 1), record(u"publish"_qs, 2, 1),
                                             record(u"drift"_qs, 3, 0), record(u"export"_qs, 40, 2)};
        const QList<Rule> rules = {
            pin(u"incident-a-202603010400"_qs, kT0.addSecs(6 * 3600)), pin(u"plain"_qs, kT0.addSecs(3600)),
            pin(u"incident-a-202603010400"_qs, kT0.addSecs(6 * 3600)), // the same pin in another config
            pin(u"incident-b-202603010700"_qs, kT0.addSecs(30 * 3600))};
        const QList<ChartAnnotation> a =
            chartAnnotations(history, rules, kT0.toMSecsSinceEpoch(), kT0.addSecs(24 * 3600).toMSecsSinceEpoch());
        const auto at = [](int hour) { return kT0.addSecs(hour * 3600).toMSecsSinceEpoch(); };
        using K = ChartAnnotation::Kind;
        const QList<ChartAnnotation> expected = {
            {K::Publish, at(2), u"native r1"_qs},
            {K::PinStart, at(4), u"incident-a-202603010400"_qs},
            {K::Export, at(5), u"native r1"_qs},
            {K::PinExpiry, at(6), u"incident-a-202603010400"_qs},
            {K::PinStart, at(7), u"incident-b-202603010700"_qs}, // its expiry (hour 30) is past the range
        };
        QCOMPARE(a, expected);
    }

    void draftTargetSplitOff()
    {
        SeriesTable share;
        share.series = {{std::nullopt, u"actual"_qs}, {std::nullopt, u"target"_qs}};
        const qint64 h0 = kT0.toMSecsSinceEpoch();
        for (int h = 0; h < 4; ++h) {
            share.times.append(h0 + h * 3'600'000);
            share.values.append({10.0 * h, 20.0 * h});
        }
        SeriesTable split = share;
        QCOMPARE(splitDraftTarget(split, h0 + 2 * 3'600'000), 2); // exported at 02:00
        QCOMPARE(split.series.size(), 3);
        QCOMPARE(split.series[2], (SeriesId{std::nullopt, u"target_draft"_qs}));
        for (int h = 0; h < 4; ++h) {
            QCOMPARE(split.values[h][0], 10.0 * h);
            QCOMPARE(h < 2 ? split.values[h][2] : split.values[h][1], 20.0 * h);
            QVERIFY(std::isnan(h < 2 ? split.values[h][1] : split.values[h][2]));
        }
        SeriesTable none = share;
        QCOMPARE(splitDraftTarget(none, std::nullopt), 4); // never exported: all draft
        QVERIFY(std::isnan(none.values[3][1]));
        SeriesTable live = share;
        QCOMPARE(splitDraftTarget(live, h0 - 1), 0); // exported before the range: unchanged
        QCOMPARE(live.series.size(), 2);
    }

    void errorRateNeedsAMinimumVolume()
    {
        const QList<QPointF> errors = {{0, 1}, {10, 5}, {20, 0}, {30, 19}};
        const QList<QPointF> requests = {{0, 1}, {10, 50}, {20, 0}, {30, 19}};
        const QList<QPointF> rates = ratesWithMinimumVolume(errors, requests, 20);
        QCOMPARE(rates.size(), 4);
        QVERIFY(std::isnan(rates[0].y())); // one failed request of one: not 100 %
        QCOMPARE(rates[1], QPointF(10, 0.1));
        QVERIFY(std::isnan(rates[2].y()));
        QVERIFY(std::isnan(rates[3].y())); // 19 of 19, under the minimum of 20
        QCOMPARE(ratesWithMinimumVolume({{0, 1}}, {{0, 1}}, 1).first().y(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TstMonitorAnnotations)
#include "tst_monitor_annotations.moc"
