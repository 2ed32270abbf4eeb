// The one range rule (presets end now), the per-day volume over the range asked for and the ramp
// window's bucket resolution: what the Monitor, the Planner and gatewayctl all compute.

#include "traffic/time_range.h"

#include <QTest>

using namespace gw;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
const qint64 kNow = QDateTime(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();

TrafficKeyUsage usageAt(qint64 hourStartMs, quint64 tokens, double costUsd)
{
    TrafficKeyUsage u;
    u.key.hourStartMs = hourStartMs;
    u.promptTokens = tokens;
    u.completionTokens = 0;
    u.costUsd = costUsd;
    return u;
}

} // namespace

class TstTimeRange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsEndNow()
    {
        QCOMPARE(resolveRange(RangePreset::LastHour, kNow), (TimeRange{kNow - kHour, kNow}));
        QCOMPARE(resolveRange(RangePreset::LastDay, kNow), (TimeRange{kNow - kDay, kNow}));
        QCOMPARE(resolveRange(RangePreset::LastWeek, kNow), (TimeRange{kNow - 7 * kDay, kNow}));
        QCOMPARE(resolveRange(RangePreset::Last30Days, kNow), (TimeRange{kNow - 30 * kDay, kNow}));
        QVERIFY(resolveRange(RangePreset::LastWeek, kNow).contains(kNow - 1));
        QVERIFY(!resolveRange(RangePreset::LastWeek, kNow).contains(kNow));
    }

    // Traffic that ended days ago: the preset's span, up to the end of the newest traffic's hour.
    void emptyPresetOpensOnTheRecordedTraffic()
    {
        const qint64 ended = kNow - 10 * kDay + 17 * kMinute; // 2026-11-24 09:47
        const std::optional<TimeRange> day = recordedTrafficRange(RangePreset::LastDay, kNow, ended);
        QVERIFY(day);
        const qint64 hourEnd = kNow - 10 * kDay + 30 * kMinute; // 10:00
        QCOMPARE(*day, (TimeRange{hourEnd - kDay, hourEnd}));
        QVERIFY(day->contains(ended - 1));
        QCOMPARE(recordedTrafficRange(RangePreset::LastWeek, kNow, ended), (TimeRange{hourEnd - 7 * kDay, hourEnd}));
        // A whole hour already: that hour's end, not the next.
        QCOMPARE(recordedTrafficRange(RangePreset::LastHour, kNow, hourEnd), (TimeRange{hourEnd - kHour, hourEnd}));
        // The preset reaches the traffic, or no preset, or no traffic: as asked.
        QVERIFY(!recordedTrafficRange(RangePreset::Last30Days, kNow, ended));
        QVERIFY(!recordedTrafficRange(RangePreset::LastDay, kNow, kNow - kDay + kMinute));
        QVERIFY(!recordedTrafficRange(RangePreset::All, kNow, ended));
        QVERIFY(!recordedTrafficRange(RangePreset::Custom, kNow, ended));
        QVERIFY(!recordedTrafficRange(RangePreset::LastDay, kNow, 0));
    }

    void allIsOpenAndCustomIsAsTyped()
    {
        const TimeRange all = resolveRange(RangePreset::All, kNow);
        QVERIFY(all.isOpen());
        QVERIFY(all.contains(0) && all.contains(kNow * 2));
        QCOMPARE(resolveRange(RangePreset::Custom, kNow, 1000, 5 * kDay), (TimeRange{1000, 5 * kDay}));
        // A reversed or empty custom range still spans a minute.
        QCOMPARE(resolveRange(RangePreset::Custom, kNow, 10 * kMinute, 0), (TimeRange{10 * kMinute, 11 * kMinute}));
    }

    void perDayDividesByTheRangeAskedFor()
    {
        // One hour with 2,400 tokens in a one-day range: 2,400 per day (not 24 times that).
        const qint64 day = kNow - kNow % kDay;
        const QList<TrafficKeyUsage> oneHour{usageAt(day + 5 * kHour, 2400, 1.5)};
        const DailyVolume v = dailyVolume(oneHour, TimeRange{day, day + kDay});
        QCOMPARE(v.days, 1.0);
        QCOMPARE(v.tokensPerDay, 2400.0);
        QCOMPARE(v.spendPerDayUsd, 1.5);
        // The same hour over a week: a seventh.
        QCOMPARE(dailyVolume(oneHour, TimeRange{day - 6 * kDay, day + kDay}).tokensPerDay, 2400.0 / 7);
    }

    void anOpenEndIsClosedByTheTraffic()
    {
        // Hours 0 .. 47: two days, whether the range is open or not.
        QList<TrafficKeyUsage> usage;
        for (int h = 0; h < 48; ++h)
            usage << usageAt(h * kHour, 100, 0.01);
        const DailyVolume open = dailyVolume(usage, TimeRange{});
        QCOMPARE(open.days, 2.0);
        QCOMPARE(open.tokensPerDay, 2400.0);
        QCOMPARE(dailyVolume(usage, TimeRange{0, std::nullopt}).days, 2.0);
        QCOMPARE(dailyVolume(usage, TimeRange{std::nullopt, 4 * kDay}).days, 4.0);
        QCOMPARE(dailyVolume({}, TimeRange{0, kDay}).days, 0.0);
        QCOMPARE(dailyVolume({}, TimeRange{0, kDay}).tokensPerDay, 0.0);
    }

    void rampWindowsPastThreeDaysReadHours()
    {
        QCOMPARE(rampWindowResolution(60), TrafficResolution::Minute);
        QCOMPARE(rampWindowResolution(3 * 1440), TrafficResolution::Minute);
        QCOMPARE(rampWindowResolution(3 * 1440 + 1), TrafficResolution::Hour);
        QCOMPARE(rampWindowResolution(30 * 1440), TrafficResolution::Hour);
    }
};

QTEST_APPLESS_MAIN(TstTimeRange)
#include "tst_time_range.moc"
