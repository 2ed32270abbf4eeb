#include "monitor/target_source.h"

#include <cmath>

namespace gw {

int splitDraftTarget(SeriesTable &share, std::optional<qint64> firstLiveMs)
{
    const qsizetype target = share.series.indexOf(SeriesId{std::nullopt, QStringLiteral("target")});
    if (target < 0)
        return 0;
    int moved = 0;
    for (int row = 0; row < share.rowCount(); ++row)
        if (!firstLiveMs || share.times.value(row) < *firstLiveMs)
            ++moved;
    if (moved == 0)
        return 0;
    share.series.insert(target + 1, SeriesId{std::nullopt, QStringLiteral("target_draft")});
    for (int row = 0; row < share.rowCount(); ++row) {
        QList<double> &values = share.values[row];
        const bool draft = !firstLiveMs || share.times.value(row) < *firstLiveMs;
        values.insert(target + 1, draft ? values[target] : std::nan(""));
        if (draft)
            values[target] = std::nan("");
    }
    return moved;
}

} // namespace gw
