#include "monitor/nice_axis.h"

#include <QDateTime>

#include <array>
#include <cmath>

namespace gw {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

// Digits after the point that show every multiple of `step` exactly (1-2-5 steps: a power of 10 apart).
int decimalsFor(double step)
{
    return std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
}

// Thousands or millions from 10,000 up (up to 9,999 the plain number reads better than "9.5K").
TickScale scaleFor(double max)
{
    return max >= 1e6 ? TickScale::Millions : max >= 1e4 ? TickScale::Thousands : TickScale::One;
}

double scaleFactor(TickScale scale)
{
    return scale == TickScale::Millions ? 1e6 : scale == TickScale::Thousands ? 1e3 : 1;
}

} // namespace

double niceStep(double span, int maxTicks)
{
    if (!(span > 0) || maxTicks < 1)
        return 1;
    const double raw = span / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normal = raw / magnitude;
    const double factor = normal <= 1 + 1e-9 ? 1 : normal <= 2 + 1e-9 ? 2 : normal <= 5 + 1e-9 ? 5 : 10;
    return factor * magnitude;
}

NiceAxis niceValueAxis(double top, AxisUnit unit, int maxTicks)
{
    // The ticks are round in the unit shown: percent for a ratio, seconds past 10 s. (Scaled by
    // multiplying or dividing by 100 or 1000, exact numbers: 10 % gives a ratio of exactly 0.1.)
    const bool seconds = unit == AxisUnit::Milliseconds && top >= 10'000;
    const auto toShown = [&](double v) { return unit == AxisUnit::Ratio ? v * 100 : seconds ? v / 1000 : v; };
    const auto fromShown = [&](double v) { return unit == AxisUnit::Ratio ? v / 100 : seconds ? v * 1000 : v; };
    double shownTop = std::isfinite(top) && top > 0 ? toShown(top) : 0;
    if (shownTop <= 0)
        shownTop = unit == AxisUnit::Ratio || unit == AxisUnit::Percent ? 100 : 1;
    const double step = niceStep(shownTop, maxTicks);
    const int intervals = std::max(1, int(std::ceil(shownTop / step - 1e-9)));
    const double shownMax = intervals * step;

    NiceAxis axis;
    axis.step = fromShown(step);
    axis.max = fromShown(shownMax);
    switch (unit) {
    case AxisUnit::Count: axis.unit = TickUnit::None; break;
    case AxisUnit::Milliseconds: axis.unit = seconds ? TickUnit::Seconds : TickUnit::Milliseconds; break;
    case AxisUnit::Ratio:
    case AxisUnit::Percent: axis.unit = TickUnit::Percent; break;
    case AxisUnit::Usd: axis.unit = TickUnit::Usd; break;
    }
    if (unit == AxisUnit::Count || unit == AxisUnit::Usd)
        axis.scale = scaleFor(shownMax);
    const double factor = scaleFactor(axis.scale);
    axis.decimals = decimalsFor(step / factor);
    for (int i = 0; i <= intervals; ++i) {
        const double shown = i * step;
        axis.ticks.append({fromShown(shown), shown / factor});
    }
    return axis;
}

QList<AxisTick> niceTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks)
{
    static constexpr std::array<qint64, 16> kSteps = {kMinuteMs,      5 * kMinuteMs, 10 * kMinuteMs, 15 * kMinuteMs,
                                                      30 * kMinuteMs, kHourMs,       2 * kHourMs,    3 * kHourMs,
                                                      6 * kHourMs,    12 * kHourMs,  kDayMs,         2 * kDayMs,
                                                      7 * kDayMs,     14 * kDayMs,   30 * kDayMs,    90 * kDayMs};
    QList<AxisTick> ticks;
    if (toMs <= fromMs || maxTicks < 1)
        return ticks;
    qint64 step = kSteps.back();
    for (const qint64 candidate : kSteps) {
        if ((toMs - fromMs) / candidate + 1 <= maxTicks) {
            step = candidate;
            break;
        }
    }
    const bool manyDays = toMs - fromMs > kDayMs;
    const qint64 first = fromMs >= 0 ? (fromMs + step - 1) / step * step : fromMs / step * step;
    for (qint64 t = first; t <= toMs; t += step) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        const bool midnight = t % kDayMs == 0;
        QString format = QStringLiteral("HH:mm");
        if (step >= kDayMs || (midnight && !manyDays))
            format = QStringLiteral("MM-dd");
        else if (manyDays)
            format = QStringLiteral("MM-dd HH:mm");
        ticks.append({double(t), time.toString(format)});
    }
    return ticks;
}

} // namespace gw
