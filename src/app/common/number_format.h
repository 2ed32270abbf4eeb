#pragma once
// The one place numbers are formatted for display in the app's tables and labels: thousands
// separators of the user's locale and a precision that fits the quantity, never exponent
// notation ("6,056,620", not "6.05662e+06"). Sort roles keep the raw numbers; only text comes here.

#include <QLocale>
#include <QString>

namespace gw::app {

// The user's locale with group separators on. The "C" locale (an unset LANG) would print none,
// so it reads as English (United States) instead.
QLocale displayLocale();

// Whole counts: requests, tokens, rows. 6056620 -> "6,056,620".
QString formatCount(qint64 value, const QLocale &locale = displayLocale());
// A fixed number of decimals with separators: formatDecimal(45000.04, 1) -> "45,000.0".
QString formatDecimal(double value, int decimals, const QLocale &locale = displayLocale());
// Milliseconds, whole: "1,250 ms". Negative means unknown: "–".
QString formatMs(double ms, const QLocale &locale = displayLocale());
// US dollars with precision by size: cents from $1 up ("$6,056,620.00"), four decimals from one
// cent ("$0.0123"), six below ("$0.000042"); exact zero "$0.00".
QString formatUsd(double usd, const QLocale &locale = displayLocale());
// A signed percentage with the given decimals: "+12%", "-3.5%", "0%".
QString formatSignedPercent(double percent, int decimals = 0, const QLocale &locale = displayLocale());

} // namespace gw::app
