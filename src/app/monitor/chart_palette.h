#pragma once
// One colour per gateway, everywhere in the Monitor (headline, every chart, every legend), fixed
// by the gateway itself and never by a series' position: a filter that hides one gateway must not
// repaint the other one. A series' colour and line style follow from its id alone: the gateway's
// colour, a light tint for what is derived (estimated cost, other-gateway prices, end-to-end
// latency), dashes for p95 and for targets, and one fixed colour per error class.

#include "monitor/series.h"

#include <QColor>
#include <QPen>

namespace gw::app {

QColor gatewayColor(gw::Gateway gateway);
// The same colour for an error class ("rate_limited") in every chart; grey for one not known.
QColor errorClassColor(const QString &statusClass);
QColor seriesColor(const gw::SeriesId &id);
QPen seriesPen(const gw::SeriesId &id);

} // namespace gw::app
