#pragma once
// Decimation of a time series to the plot's pixel width: no chart ever holds more points than
// the plot is wide, however long the range.
//
// Two rules, by what a series means:
// - Levels (rates, percentiles, shares): min/max per pixel pair. The x range is cut into
//   maxPoints/2 columns; each column keeps its minimum and its maximum point, in time order, so
//   a one-minute spike survives at any zoom while the series has at most maxPoints points.
//   (LTTB looks smoother but may drop a spike's peak, which is what an operator is looking for.)
// - Amounts that are stacked (cost): sums per interval. An interval is a whole multiple of the
//   bucket resolution, chosen so the interval count fits the pixel width; each series gets the
//   same dense interval starts (zeros included) so stacked areas add up point by point, and the
//   sum of a series over the range does not change with the zoom.

#include <QList>
#include <QPointF>

namespace gw {

// Points sorted by x; NaN y values are skipped. At most maxPoints points (maxPoints >= 2).
QList<QPointF> decimateMinMax(const QList<QPointF> &points, double fromX, double toX, int maxPoints);

// The sum interval for `span` over at most `maxColumns` columns: a whole multiple of `unit`
// (the bucket length), at least one unit.
qint64 sumIntervalFor(qint64 span, int maxColumns, qint64 unit);

// One point per interval [originX + i*interval, +interval) for i in 0..count-1 (x = interval
// start), y = the sum of the points inside (NaN skipped, 0 when none).
QList<QPointF> sumPerInterval(const QList<QPointF> &points, qint64 originX, qint64 interval, int count);

} // namespace gw
