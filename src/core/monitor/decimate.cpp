#include "monitor/decimate.h"

#include <algorithm>
#include <cmath>

namespace gw {

QList<QPointF> decimateMinMax(const QList<QPointF> &points, double fromX, double toX, int maxPoints)
{
    QList<QPointF> out;
    maxPoints = std::max(maxPoints, 2);
    qsizetype valid = 0;
    for (const QPointF &p : points)
        valid += std::isnan(p.y()) ? 0 : 1;
    if (valid <= maxPoints) {
        out.reserve(valid);
        for (const QPointF &p : points)
            if (!std::isnan(p.y()))
                out.append(p);
        return out;
    }
    const int columns = maxPoints / 2;
    const double width = toX > fromX ? (toX - fromX) / columns : 1.0;
    out.reserve(qsizetype(columns) * 2);
    int column = -1;
    const QPointF *lowest = nullptr;
    const QPointF *highest = nullptr;
    auto flush = [&] {
        if (!lowest)
            return;
        // In time order, so the line goes through the extremes the way the data did.
        if (lowest == highest) {
            out.append(*lowest);
        } else if (lowest->x() <= highest->x()) {
            out.append(*lowest);
            out.append(*highest);
        } else {
            out.append(*highest);
            out.append(*lowest);
        }
        lowest = highest = nullptr;
    };
    for (const QPointF &p : points) {
        if (std::isnan(p.y()))
            continue;
        const int c = std::clamp(int((p.x() - fromX) / width), 0, columns - 1);
        if (c != column) {
            flush();
            column = c;
        }
        if (!lowest || p.y() < lowest->y())
            lowest = &p;
        if (!highest || p.y() > highest->y())
            highest = &p;
    }
    flush();
    return out;
}

qint64 sumIntervalFor(qint64 span, int maxColumns, qint64 unit)
{
    unit = std::max<qint64>(unit, 1);
    maxColumns = std::max(maxColumns, 1);
    const qint64 units = (std::max<qint64>(span, 1) + unit - 1) / unit; // buckets in the span
    const qint64 perColumn = (units + maxColumns - 1) / maxColumns;     // buckets per column
    return std::max<qint64>(perColumn, 1) * unit;
}

QList<QPointF> sumPerInterval(const QList<QPointF> &points, qint64 originX, qint64 interval, int count)
{
    QList<QPointF> out;
    if (count <= 0 || interval <= 0)
        return out;
    QList<double> sums(count, 0.0);
    for (const QPointF &p : points) {
        if (std::isnan(p.y()))
            continue;
        const double offset = p.x() - double(originX);
        if (offset < 0)
            continue;
        const auto index = qint64(offset / double(interval));
        if (index < count)
            sums[index] += p.y();
    }
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(QPointF(double(originX + i * interval), sums[i]));
    return out;
}

} // namespace gw
