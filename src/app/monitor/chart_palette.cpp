#include "monitor/chart_palette.h"

#include "protocol/gateway_error.h"

#include <array>

namespace gw::app {

namespace {

// `color` mixed with white: `amount` 0 keeps it, 1 is white.
QColor tint(const QColor &color, double amount)
{
    const auto mix = [amount](int c) { return int(c + (255 - c) * amount); };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

bool isDerived(const QString &measure)
{
    return measure == u"estimated" || measure == u"other_gateway" || measure.startsWith(u"latency_");
}

} // namespace

QColor gatewayColor(gw::Gateway gateway)
{
    // OpenRouter blue, Vercel near-black (its brand), far apart for colour-blind readers too.
    return gateway == gw::Gateway::Vercel ? QColor(0x33, 0x33, 0x33) : QColor(0x1f, 0x77, 0xb4);
}

QColor errorClassColor(const QString &statusClass)
{
    // In ErrorClass order (Auth first); none of them blue or near-black (the gateways' colours).
    static const std::array<QColor, 14> kColors = {
        QColor(0x8c, 0x56, 0x4b), QColor(0xd6, 0x27, 0x28), QColor(0xe3, 0x77, 0xc2), QColor(0xff, 0x7f, 0x0e),
        QColor(0xbc, 0xbd, 0x22), QColor(0x94, 0x67, 0xbd), QColor(0x2c, 0xa0, 0x2c), QColor(0x17, 0xbe, 0xcf),
        QColor(0xf7, 0xb6, 0xd2), QColor(0xff, 0xbb, 0x78), QColor(0x98, 0xdf, 0x8a), QColor(0xc5, 0xb0, 0xd5),
        QColor(0xc4, 0x9c, 0x94), QColor(0xdb, 0xdb, 0x8d)};
    for (int c = int(gw::ErrorClass::Auth); c <= int(gw::ErrorClass::Protocol); ++c)
        if (gw::errorClassName(gw::ErrorClass(c)) == statusClass)
            return kColors[size_t(c - int(gw::ErrorClass::Auth))];
    return QColor(0x99, 0x99, 0x99);
}

QColor seriesColor(const gw::SeriesId &id)
{
    if (!id.gateway) {
        if (id.measure == u"balance")
            return QColor(0x2c, 0xa0, 0x2c);
        if (id.measure == u"spent")
            return QColor(0xd6, 0x27, 0x28);
        if (id.measure == u"target_draft")
            return QColor(0xff, 0x7f, 0x0e);      // a warning colour: this target was never live
        return gatewayColor(gw::Gateway::Vercel); // the share charts show Vercel's share
    }
    if (id.measure == u"all_errors" || id.measure == u"requests" || id.measure == u"errors" || id.measure == u"actual"
        || id.measure == u"reported" || id.measure.startsWith(u"ttft_"))
        return gatewayColor(*id.gateway);
    if (isDerived(id.measure))
        return tint(gatewayColor(*id.gateway), 0.55);
    return errorClassColor(id.measure);
}

QPen seriesPen(const gw::SeriesId &id)
{
    QPen pen(seriesColor(id), 1.5);
    if (id.measure.endsWith(u"_p95") || id.measure.startsWith(u"target"))
        pen.setStyle(Qt::DashLine);
    else if (id.gateway == gw::Gateway::Vercel && errorClassColor(id.measure) != QColor(0x99, 0x99, 0x99))
        pen.setStyle(Qt::DotLine); // an error class on Vercel: the class' colour, Vercel's dots
    if (id.measure == u"all_errors" || id.measure == u"actual")
        pen.setWidthF(2.5);
    return pen;
}

} // namespace gw::app
