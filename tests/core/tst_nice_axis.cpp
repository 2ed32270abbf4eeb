// Round axes: 1-2-5 steps, round UTC time ticks, and unit-aware labels (ms -> s past 10 s, a
// ratio in %, dollars with K and M), each checked against values worked out by hand.
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

QList<double> values(const QList<AxisTick> &ticks)
{
    QList<double> out;
    for (const AxisTick &t : ticks)
        out.append(t.value);
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
        QCOMPARE(niceStep(7.3, 5), 2.0);  // 1.46 -> 2
        QCOMPARE(niceStep(23, 5), 5.0);   // 4.6 -> 5
        QCOMPARE(niceStep(0.6, 5), 0.2);  // 0.12 -> 0.2
        QCOMPARE(niceStep(870, 5), 200.0); // 174 -> 200
        QCOMPARE(niceStep(51, 5), 20.0);  // 10.2 -> 20
        QCOMPARE(niceStep(0, 5), 1.0);
    }

    void valueAxesInTheirUnit()
    {
        const NiceAxis ms = niceValueAxis(870, AxisUnit::Milliseconds);
        QCOMPARE(ms.max, 1000.0);
        QCOMPARE(labels(ms.ticks), (QStringList{u"0 ms"_qs, u"200 ms"_qs, u"400 ms"_qs, u"600 ms"_qs, u"800 ms"_qs, u"1000 ms"_qs}));

        const NiceAxis seconds = niceValueAxis(23'400, AxisUnit::Milliseconds); // past 10 s: seconds
        QCOMPARE(labels(seconds.ticks), (QStringList{u"0 s"_qs, u"5 s"_qs, u"10 s"_qs, u"15 s"_qs, u"20 s"_qs, u"25 s"_qs}));
        QCOMPARE(values(seconds.ticks).last(), 25'000.0); // values stay in the series' ms

        const NiceAxis rate = niceValueAxis(0.083, AxisUnit::Ratio); // 8.3 % -> ticks of 2 %
        QCOMPARE(labels(rate.ticks), (QStringList{u"0 %"_qs, u"2 %"_qs, u"4 %"_qs, u"6 %"_qs, u"8 %"_qs, u"10 %"_qs}));
        QCOMPARE(rate.max, 0.1);

        const NiceAxis usd = niceValueAxis(1'730'000, AxisUnit::Usd);
        QCOMPARE(labels(usd.ticks), (QStringList{u"$0.0M"_qs, u"$0.5M"_qs, u"$1.0M"_qs, u"$1.5M"_qs, u"$2.0M"_qs}));
        QCOMPARE(labels(niceValueAxis(38'000, AxisUnit::Usd).ticks),
                 (QStringList{u"$0K"_qs, u"$10K"_qs, u"$20K"_qs, u"$30K"_qs, u"$40K"_qs}));
        QCOMPARE(labels(niceValueAxis(0.043, AxisUnit::Usd).ticks),
                 (QStringList{u"$0.00"_qs, u"$0.01"_qs, u"$0.02"_qs, u"$0.03"_qs, u"$0.04"_qs, u"$0.05"_qs}));

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
        QCOMPARE(labels(twoDays), (QStringList{u"03-05 00:00"_qs, u"03-05 12:00"_qs, u"03-06 00:00"_qs, u"03-06 12:00"_qs,
                                               u"03-07 00:00"_qs}));

        const QList<AxisTick> month = niceTimeTicks(utcMs(1, 9, 0), utcMs(31, 9, 0), 6);
        for (const AxisTick &t : month)
            QVERIFY(qint64(t.value) % (24 * 3600 * 1000) == 0);
        QVERIFY(month.size() <= 6 && month.size() >= 3);
        QVERIFY(niceTimeTicks(5, 5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstNiceAxis)
#include "tst_nice_axis.moc"
