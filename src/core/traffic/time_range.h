#pragma once
// The time ranges recorded traffic is read over, one rule for the Monitor, the Planner and the
// CLI: a preset ends now, like every dashboard's, so "Last 7 days" means the same week on every
// page (a range can then hold no traffic at all: the pages say so and name the newest traffic).
// "All" spans the recorded traffic; a custom range is taken as typed.
//
// Also the two rules the app and gatewayctl both compute over such a range: the volume per day
// and the bucket resolution of a ramp window.

#include "traffic/buckets.h"
#include "traffic/key_usage.h"

#include <QList>
#include <QtGlobal>

#include <optional>

namespace gw {

enum class RangePreset { LastHour, LastDay, LastWeek, Last30Days, All, Custom };

// [fromMs, toMs), UTC milliseconds. An unset end is open (All: as far as the traffic goes).
struct TimeRange {
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;

    bool isOpen() const { return !fromMs || !toMs; }
    bool contains(qint64 ms) const { return (!fromMs || ms >= *fromMs) && (!toMs || ms < *toMs); }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// The span a preset covers; 0 for All and Custom.
qint64 presetSpanMs(RangePreset preset);

// The range a preset stands for at `nowMs`: [now - span, now); All is open at both ends;
// Custom is [customFromMs, customToMs), at least a minute long.
TimeRange resolveRange(RangePreset preset, qint64 nowMs, qint64 customFromMs = 0, qint64 customToMs = 0);

// Where a preset opens instead when all recorded traffic ended before it starts (a sample
// workspace, a log imported days later): the same span, ending at the end of the hour the
// newest traffic falls in, so a first look shows traffic rather than an empty dashboard.
// Nothing for All and Custom, without traffic (`newestTrafficEndMs` 0), or when the preset's
// own range reaches the traffic.
std::optional<TimeRange> recordedTrafficRange(RangePreset preset, qint64 nowMs, qint64 newestTrafficEndMs);

// Recorded volume per day over a range: the totals divided by the days of the range asked for,
// not by the hours that happen to hold traffic. A day without traffic is a day of zero volume
// (the competitors' figures are per calendar day too), and one busy hour is not a busy day. An
// open end is closed by the traffic itself (the first hour, the end of the last hour).
struct DailyVolume {
    double tokensPerDay = 0;
    double spendPerDayUsd = 0;
    double days = 0; // 0: no traffic, or an empty range
};
DailyVolume dailyVolume(const QList<TrafficKeyUsage> &usage, const TimeRange &range);

// The buckets a ramp window of `windowMinutes` is read from: minutes up to 3 days (the
// evaluation's granularity), hours beyond (a month of minutes is 43,200 rows per key).
TrafficResolution rampWindowResolution(int windowMinutes);

} // namespace gw
