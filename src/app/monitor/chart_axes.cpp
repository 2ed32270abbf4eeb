#include "monitor/chart_axes.h"

#include "common/number_format.h"

#include <QCategoryAxis>
#include <QCoreApplication>

namespace gw::app {

namespace {

struct ChartAxes {
    Q_DECLARE_TR_FUNCTIONS(ChartAxes)
};

QCategoryAxis *emptyAxis(double min, double max)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(min);
    axis->setRange(min, max);
    return axis;
}

} // namespace

QString valueTickLabel(const gw::NiceAxis &axis, const gw::ValueTick &tick)
{
    // The user's decimal point, no group separator: ticks stay under 10,000 (then K and M).
    QLocale locale = displayLocale();
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    QString number = formatDecimal(tick.shown, axis.decimals, locale);
    switch (axis.scale) {
    case gw::TickScale::One: break;
    case gw::TickScale::Thousands: number = ChartAxes::tr("%1K", "thousands on a chart axis").arg(number); break;
    case gw::TickScale::Millions: number = ChartAxes::tr("%1M", "millions on a chart axis").arg(number); break;
    }
    switch (axis.unit) {
    case gw::TickUnit::None: return number;
    case gw::TickUnit::Milliseconds: return ChartAxes::tr("%1 ms").arg(number);
    case gw::TickUnit::Seconds: return ChartAxes::tr("%1 s").arg(number);
    case gw::TickUnit::Percent: return ChartAxes::tr("%1 %").arg(number);
    case gw::TickUnit::Usd: return ChartAxes::tr("$%1").arg(number);
    }
    return number;
}

QCategoryAxis *makeValueAxis(const gw::NiceAxis &axis, const QString &title)
{
    QCategoryAxis *out = emptyAxis(0, axis.max);
    for (const gw::ValueTick &tick : axis.ticks)
        out->append(valueTickLabel(axis, tick), tick.value);
    out->setTitleText(title);
    return out;
}

QCategoryAxis *makeTimeAxis(qint64 fromMs, qint64 toMs)
{
    QCategoryAxis *out = emptyAxis(double(fromMs), double(toMs));
    for (const gw::AxisTick &tick : gw::niceTimeTicks(fromMs, toMs))
        out->append(tick.label, tick.value);
    return out;
}

} // namespace gw::app
