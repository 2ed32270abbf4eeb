#include "traffic/time_range.h"

#include <algorithm>
#include <limits>

namespace gw {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr int kMinuteBucketsUpToMinutes = 3 * 1440;

} // namespace

qint64 presetSpanMs(RangePreset preset)
{
    switch (preset) {
    case RangePreset::LastHour: return kHourMs;
    case RangePreset::LastDay: return kDayMs;
    case RangePreset::LastWeek: return 7 * kDayMs;
    case RangePreset::Last30Days: return 30 * kDayMs;
    case RangePreset::All:
    case RangePreset::Custom: break;
    }
    return 0;
}

TimeRange resolveRange(RangePreset preset, qint64 nowMs, qint64 customFromMs, qint64 customToMs)
{
    switch (preset) {
    case RangePreset::All: return {};
    case RangePreset::Custom: return {customFromMs, std::max(customToMs, customFromMs + kMinuteMs)};
    default: return {nowMs - presetSpanMs(preset), nowMs};
    }
}

std::optional<TimeRange> recordedTrafficRange(RangePreset preset, qint64 nowMs, qint64 newestTrafficEndMs)
{
    const qint64 span = presetSpanMs(preset);
    if (span == 0 || newestTrafficEndMs <= 0 || newestTrafficEndMs > nowMs - span)
        return std::nullopt;
    const qint64 end = (newestTrafficEndMs + kHourMs - 1) / kHourMs * kHourMs; // a whole hour: "to 18:00"
    return TimeRange{end - span, end};
}

DailyVolume dailyVolume(const QList<TrafficKeyUsage> &usage, const TimeRange &range)
{
    DailyVolume v;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    double tokens = 0;
    double spend = 0;
    for (const TrafficKeyUsage &row : usage) {
        tokens += double(row.promptTokens + row.completionTokens);
        spend += row.costUsd;
        first = std::min(first, row.key.hourStartMs);
        last = std::max(last, row.key.hourStartMs);
    }
    if (usage.isEmpty())
        return v;
    const qint64 start = range.fromMs.value_or(first);
    const qint64 end = range.toMs.value_or(last + kHourMs);
    v.days = end <= start ? 0 : double(end - start) / double(kDayMs);
    if (v.days > 0) {
        v.tokensPerDay = tokens / v.days;
        v.spendPerDayUsd = spend / v.days;
    }
    return v;
}

TrafficResolution rampWindowResolution(int windowMinutes)
{
    return windowMinutes <= kMinuteBucketsUpToMinutes ? TrafficResolution::Minute : TrafficResolution::Hour;
}

} // namespace gw
