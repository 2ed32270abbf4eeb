#pragma once
// Axes people read at a glance: round tick values in 1-2-5 steps, round UTC time ticks (00:00,
// 06:00, not 04:48) and labels in the unit the figure is best read in (ms up to 10 s, then s;
// a 0..1 rate in %; dollars with K and M). Pure: the chart view turns the ticks into axes, the
// tests check them value by value. The labels hold unit symbols only (ms, s, %, $, K, M), the
// same in every language.

#include <QList>
#include <QString>

namespace gw {

enum class AxisUnit {
    Count,        // 1.5K, 2M
    Milliseconds, // 250 ms; in seconds once the axis reaches 10 s
    Ratio,        // 0..1 shown as percent
    Percent,      // 0..100
    Usd,          // $0.05, $1.5K
};

struct AxisTick {
    double value = 0; // in the series' own unit (ms, ratio, USD)
    QString label;
    bool operator==(const AxisTick &) const = default;
};

struct NiceAxis {
    double max = 1;       // the axis' top, in the series' unit: the last tick
    double step = 1;      // between ticks, in the series' unit
    QList<AxisTick> ticks; // from 0 to max
};

// The 1-2-5 step (1, 2, 5, 10, 20, ...) that splits `span` into at most `maxTicks` intervals.
double niceStep(double span, int maxTicks);

// Ticks from 0 up to the first round value at or above `top` (the largest value drawn).
NiceAxis niceValueAxis(double top, AxisUnit unit, int maxTicks = 5);

// Time ticks in [fromMs, toMs] on round UTC steps (1, 5, 10, 15, 30 minutes; 1, 2, 3, 6, 12
// hours; 1, 2, 7, 14 days): at most `maxTicks` of them. Labels "HH:mm" within one day, midnight
// as "MM-dd"; past one day every label carries its date ("MM-dd HH:mm"), so no two are the same.
QList<AxisTick> niceTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks = 6);

} // namespace gw
