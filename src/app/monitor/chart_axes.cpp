#include "monitor/chart_axes.h"

#include <QCategoryAxis>

namespace gwapp {

namespace {

QCategoryAxis *axisWithTicks(const QList<gw::AxisTick> &ticks, double min, double max)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(min);
    axis->setRange(min, max);
    for (const gw::AxisTick &tick : ticks)
        axis->append(tick.label, tick.value);
    return axis;
}

} // namespace

QCategoryAxis *makeValueAxis(const gw::NiceAxis &axis, const QString &title)
{
    QCategoryAxis *out = axisWithTicks(axis.ticks, 0, axis.max);
    out->setTitleText(title);
    return out;
}

QCategoryAxis *makeTimeAxis(qint64 fromMs, qint64 toMs)
{
    return axisWithTicks(gw::niceTimeTicks(fromMs, toMs), double(fromMs), double(toMs));
}

} // namespace gwapp
