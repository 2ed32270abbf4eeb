#pragma once
// Axes people read at a glance: round tick values in 1-2-5 steps, round UTC time ticks (00:00,
// 06:00, not 04:48) and ticks in the unit the figure is best read in (ms up to 10 s, then s;
// a 0..1 rate in %; dollars in thousands and millions). Pure: the chart view turns the ticks into
// axes, the tests check them value by value. Value ticks are numbers with a unit kind and a
// scale, no text: the app words them ("250 ms", "$1.5M") in the user's language.

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

// The unit a value tick's number is shown in, and the multiple it is counted in.
enum class TickUnit { None, Milliseconds, Seconds, Percent, Usd };
enum class TickScale { One, Thousands, Millions };

struct AxisTick { // a time tick: its label is a date and time, the same in every language
    double value = 0;
    QString label;
    bool operator==(const AxisTick &) const = default;
};

struct ValueTick {
    double value = 0; // in the series' own unit (ms, ratio, USD): where the tick sits
    double shown = 0; // the number written, in the axis' unit and scale (0.5 for $0.5M)
    bool operator==(const ValueTick &) const = default;
};

struct NiceAxis {
    double max = 1;  // the axis' top, in the series' unit: the last tick
    double step = 1; // between ticks, in the series' unit
    TickUnit unit = TickUnit::None;
    TickScale scale = TickScale::One;
    int decimals = 0;       // digits after the point that show every tick exactly
    QList<ValueTick> ticks; // from 0 to max
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
