// Round axes: 1-2-5 steps, round UTC time ticks, and value ticks in the unit they read best in
// (ms -> s past 10 s, a ratio in %, dollars in thousands and millions), each checked against
// values worked out by hand. The words for the units are the app's (tr()), not gwcore's.
#include "monitor/nice_axis.h"

#include <QDateTime>
#include <QTest>

using namespace gw;

namespace {

QStringList labels(const QList<AxisTick> &ticks)
{
    QStringList out;
    for (const AxisTick &t : ticks)
        out.append(t.label);
    return out;
}

// The numbers written on a value axis.
QList<double> shown(const NiceAxis &axis)
{
    QList<double> out;
    for (const ValueTick &t : axis.ticks)
        out.append(t.shown);
    return out;
}

qint64 utcMs(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TstNiceAxis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepsAreOneTwoFive()
    {
        QCOMPARE(niceStep(10, 5), 2.0);
        QCOMPARE(niceStep(7.3, 5), 2.0);   // 1.46 -> 2
        QCOMPARE(niceStep(23, 5), 5.0);    // 4.6 -> 5
        QCOMPARE(niceStep(0.6, 5), 0.2);   // 0.12 -> 0.2
        QCOMPARE(niceStep(870, 5), 200.0); // 174 -> 200
        QCOMPARE(niceStep(51, 5), 20.0);   // 10.2 -> 20
        QCOMPARE(niceStep(0, 5), 1.0);
    }

    void valueAxesInTheirUnit()
    {
        const NiceAxis ms = niceValueAxis(870, AxisUnit::Milliseconds);
        QCOMPARE(ms.max, 1000.0);
        QCOMPARE(ms.unit, TickUnit::Milliseconds);
        QCOMPARE(ms.scale, TickScale::One);
        QCOMPARE(ms.decimals, 0);
        QCOMPARE(shown(ms), (QList<double>{0, 200, 400, 600, 800, 1000}));

        const NiceAxis seconds = niceValueAxis(23'400, AxisUnit::Milliseconds); // past 10 s: seconds
        QCOMPARE(seconds.unit, TickUnit::Seconds);
        QCOMPARE(shown(seconds), (QList<double>{0, 5, 10, 15, 20, 25}));
        QCOMPARE(seconds.ticks.last().value, 25'000.0); // values stay in the series' ms

        const NiceAxis rate = niceValueAxis(0.083, AxisUnit::Ratio); // 8.3 % -> ticks of 2 %
        QCOMPARE(rate.unit, TickUnit::Percent);
        QCOMPARE(shown(rate), (QList<double>{0, 2, 4, 6, 8, 10}));
        QCOMPARE(rate.max, 0.1);

        const NiceAxis usd = niceValueAxis(1'730'000, AxisUnit::Usd); // $0.0M .. $2.0M
        QCOMPARE(usd.unit, TickUnit::Usd);
        QCOMPARE(usd.scale, TickScale::Millions);
        QCOMPARE(usd.decimals, 1);
        QCOMPARE(shown(usd), (QList<double>{0, 0.5, 1, 1.5, 2}));
        QCOMPARE(usd.ticks.last().value, 2'000'000.0);
        const NiceAxis thousands = niceValueAxis(38'000, AxisUnit::Usd); // $0K .. $40K
        QCOMPARE(thousands.scale, TickScale::Thousands);
        QCOMPARE(thousands.decimals, 0);
        QCOMPARE(shown(thousands), (QList<double>{0, 10, 20, 30, 40}));
        const NiceAxis cents = niceValueAxis(0.043, AxisUnit::Usd); // $0.00 .. $0.05
        QCOMPARE(cents.scale, TickScale::One);
        QCOMPARE(cents.decimals, 2);
        QCOMPARE(shown(cents).size(), 6);
        QCOMPARE(cents.ticks.last().value, 0.05);
        // Up to 9,999 a count stays plain; no unit.
        const NiceAxis count = niceValueAxis(7'900, AxisUnit::Count);
        QCOMPARE(count.unit, TickUnit::None);
        QCOMPARE(count.scale, TickScale::One);
        QCOMPARE(shown(count).last(), 8'000.0);

        // Nothing drawn: a whole axis all the same, never a zero span.
        QCOMPARE(niceValueAxis(0, AxisUnit::Percent).max, 100.0);
        QCOMPARE(niceValueAxis(std::nan(""), AxisUnit::Count).max, 1.0);
    }

    void timeTicksAreRound()
    {
        // A day from 04:48: six-hour ticks at 06:00, 12:00, 18:00 and midnight (as its date).
        const QList<AxisTick> day = niceTimeTicks(utcMs(5, 4, 48), utcMs(6, 4, 48), 6);
        QCOMPARE(labels(day), (QStringList{u"06:00"_qs, u"12:00"_qs, u"18:00"_qs, u"03-06"_qs}));
        QCOMPARE(day.first().value, double(utcMs(5, 6, 0)));

        const QList<AxisTick> hour = niceTimeTicks(utcMs(5, 10, 7), utcMs(5, 11, 7), 6);
        QCOMPARE(labels(hour), (QStringList{u"10:15"_qs, u"10:30"_qs, u"10:45"_qs, u"11:00"_qs}));

        // Two days: twelve-hour steps, every label with its date (no "12:00" twice).
        const QList<AxisTick> twoDays = niceTimeTicks(utcMs(5, 0, 0), utcMs(7, 0, 0), 6);
        QCOMPARE(labels(twoDays), (QStringList{u"03-05 00:00"_qs, u"03-05 12:00"_qs, u"03-06 00:00"_qs,
                                               u"03-06 12:00"_qs, u"03-07 00:00"_qs}));

        const QList<AxisTick> month = niceTimeTicks(utcMs(1, 9, 0), utcMs(31, 9, 0), 6);
        for (const AxisTick &t : month)
            QVERIFY(qint64(t.value) % (24 * 3600 * 1000) == 0);
        QVERIFY(month.size() <= 6 && month.size() >= 3);
        QVERIFY(niceTimeTicks(5, 5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstNiceAxis)
#include "tst_nice_axis.moc"
