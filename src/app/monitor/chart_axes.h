#pragma once
// The Monitor's axes from gwcore's round ticks (monitor/nice_axis.h): category axes whose labels
// sit on the tick values, so a chart shows "06:00" and "$1.5K" rather than Qt's evenly split
// "04:48" and "1538.46". gwcore gives value ticks as numbers with a unit kind; the words and
// symbols ("ms", "s", "%", "$", "K", "M") are put on here, through tr().

#include "monitor/nice_axis.h"

class QCategoryAxis;

namespace gw::app {

// One value tick as written on its axis: "250 ms", "8 %", "$1.5M".
QString valueTickLabel(const gw::NiceAxis &axis, const gw::ValueTick &tick);

QCategoryAxis *makeValueAxis(const gw::NiceAxis &axis, const QString &title);
QCategoryAxis *makeTimeAxis(qint64 fromMs, qint64 toMs);

} // namespace gw::app
