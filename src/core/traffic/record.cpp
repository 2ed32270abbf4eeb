#include "traffic/record.h"

namespace gw {

namespace {

constexpr bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
constexpr qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(std::string_view s, size_t at, size_t n, int &value)
{
    if (at + n > s.size())
        return false;
    value = 0;
    for (size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

ErrorClass trafficErrorClass(int s)
{
    if (s < 400)
        return ErrorClass::None;
    switch (s) {
    case 401:
    case 403: return ErrorClass::Auth;
    case 402: return ErrorClass::InsufficientCredits;
    case 404: return ErrorClass::ModelNotFound;
    case 408: return ErrorClass::Timeout;
    case 429: return ErrorClass::RateLimited;
    case 502:
    case 503:
    case 524:
    case 529: return ErrorClass::ProviderUnavailable;
    default: return s < 500 ? ErrorClass::BadRequest : ErrorClass::Server;
    }
}

std::optional<qint64> parseTrafficTimestamp(std::string_view s)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-'
        || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) || s[13] != ':'
        || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && isLeap(y)) || h > 23 || mi > 59 || sec > 59)
        return std::nullopt;
    size_t i = 19;
    int ms = 0;
    if (s[i] == '.') {
        ++i;
        int n = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (n < 3)
                ms = ms * 10 + (s[i] - '0');
            ++n;
            ++i;
        }
        if (n == 0)
            return std::nullopt;
        for (int k = n; k < 3; ++k)
            ms *= 10;
    }
    int offsetMin = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int oh = 0, om = 0;
        if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, om) || oh > 23
            || om > 59)
            return std::nullopt;
        offsetMin = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size())
        return std::nullopt;
    const qint64 days = daysFromCivil(y, unsigned(mo), unsigned(d));
    return ((days * 24 + h) * 60 + mi - offsetMin) * 60000 + qint64(sec) * 1000 + ms;
}

} // namespace gw
