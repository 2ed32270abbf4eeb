#include "monitor/error_volume.h"

#include <cmath>

namespace gw {

QList<QPointF> ratesWithMinimumVolume(const QList<QPointF> &errorSums, const QList<QPointF> &requestSums,
                                      double minRequests)
{
    QList<QPointF> out;
    out.reserve(requestSums.size());
    for (qsizetype i = 0; i < requestSums.size(); ++i) {
        const double requests = requestSums[i].y();
        const double errors = i < errorSums.size() ? errorSums[i].y() : 0.0;
        out.append(
            QPointF(requestSums[i].x(), requests >= minRequests && requests > 0 ? errors / requests : std::nan("")));
    }
    return out;
}

} // namespace gw
