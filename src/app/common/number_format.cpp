#include "common/number_format.h"

#include <cmath>

namespace gw::app {

QLocale displayLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

QString formatCount(qint64 value, const QLocale &locale)
{
    return locale.toString(value);
}

QString formatDecimal(double value, int decimals, const QLocale &locale)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    // -0.0 after rounding reads as a sign on nothing.
    const double scale = std::pow(10.0, decimals);
    if (std::round(value * scale) == 0)
        value = 0;
    return locale.toString(value, 'f', decimals);
}

QString formatMs(double ms, const QLocale &locale)
{
    if (ms < 0 || !std::isfinite(ms))
        return QStringLiteral("–");
    return formatDecimal(ms, 0, locale) + QStringLiteral(" ms");
}

QString formatUsd(double usd, const QLocale &locale)
{
    if (!std::isfinite(usd))
        return QStringLiteral("–");
    const double size = std::abs(usd);
    const int decimals = size == 0 || size >= 1 ? 2 : size >= 0.01 ? 4 : 6;
    const QString digits = formatDecimal(size, decimals, locale);
    const bool negative = usd < 0 && digits != formatDecimal(0, decimals, locale);
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + digits;
}

QString formatSignedPercent(double percent, int decimals, const QLocale &locale)
{
    if (!std::isfinite(percent))
        return formatDecimal(percent, decimals, locale);
    const QString digits = formatDecimal(percent, decimals, locale);
    const bool positive = percent > 0 && digits != formatDecimal(0, decimals, locale);
    return (positive ? QStringLiteral("+") : QString()) + digits + QLatin1Char('%');
}

} // namespace gw::app
