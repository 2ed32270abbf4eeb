#pragma once
// Where the share chart's target comes from, said in the table itself: with "config live then",
// hours before the first export have no live config, and their target is the draft, which was
// never exported. Those hours move to a series of their own ("target_draft") so the chart and the
// CSV never pass the draft off as a config that was live.

#include "monitor/series.h"

#include <optional>

namespace gw {

// Moves the "target" values of rows before `firstLiveMs` (every row when none) to a new
// "target_draft" series placed after "target" (NaN in "target" there). Returns the rows moved;
// with none moved the table is left as it was.
int splitDraftTarget(SeriesTable &share, std::optional<qint64> firstLiveMs);

} // namespace gw
