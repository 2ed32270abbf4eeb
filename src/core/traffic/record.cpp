#include "traffic/record.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

namespace gw {

namespace {

using Field = TrafficLineParser::Field;

struct FieldName {
    std::string_view name;
    Field field;
};

constexpr FieldName kFieldNames[] = {
    {"ts", Field::Ts}, {"gateway", Field::GatewayField}, {"model", Field::Model},
    {"upstream_model", Field::UpstreamModel}, {"provider", Field::Provider}, {"user", Field::User},
    {"task", Field::Task}, {"status", Field::Status}, {"error_type", Field::ErrorType},
    {"latency_ms", Field::LatencyMs}, {"ttft_ms", Field::TtftMs}, {"prompt_tokens", Field::PromptTokens},
    {"completion_tokens", Field::CompletionTokens}, {"cached_tokens", Field::CachedTokens},
    {"reasoning_tokens", Field::ReasoningTokens}, {"cost_usd", Field::CostUsd},
    {"cost_source", Field::CostSource}, {"fallback_from", Field::FallbackFrom}, {"free", Field::Free},
};

// By length first: every line names most fields, so this runs ~18 times per line; at most three
// names share a length, and a first-character check settles all but two of those.
Field fieldFor(std::string_view name)
{
    auto is = [&](std::string_view candidate, Field f) {
        return std::memcmp(candidate.data(), name.data(), candidate.size()) == 0 ? f : Field::Unknown;
    };
    switch (name.size()) {
    case 2: return is("ts", Field::Ts);
    case 4:
        switch (name[0]) {
        case 'u': return is("user", Field::User);
        case 't': return is("task", Field::Task);
        case 'f': return is("free", Field::Free);
        default: return Field::Unknown;
        }
    case 5: return is("model", Field::Model);
    case 6: return is("status", Field::Status);
    case 7: return name[0] == 'g' ? is("gateway", Field::GatewayField) : is("ttft_ms", Field::TtftMs);
    case 8: return name[0] == 'p' ? is("provider", Field::Provider) : is("cost_usd", Field::CostUsd);
    case 10: return name[0] == 'l' ? is("latency_ms", Field::LatencyMs) : is("error_type", Field::ErrorType);
    case 11: return is("cost_source", Field::CostSource);
    case 13:
        switch (name[0]) {
        case 'p': return is("prompt_tokens", Field::PromptTokens);
        case 'c': return is("cached_tokens", Field::CachedTokens);
        case 'f': return is("fallback_from", Field::FallbackFrom);
        default: return Field::Unknown;
        }
    case 14: return is("upstream_model", Field::UpstreamModel);
    case 16: return is("reasoning_tokens", Field::ReasoningTokens);
    case 17: return is("completion_tokens", Field::CompletionTokens);
    default: return Field::Unknown;
    }
}

// Plain decimals ("1234", "-5", "12.75"), the numbers a log is made of: valid for from_chars
// without calling it. Anything else (exponents, odd forms) goes through from_chars.
bool isPlainDecimal(std::string_view tok)
{
    size_t i = !tok.empty() && tok[0] == '-' ? 1 : 0;
    const size_t intStart = i;
    while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9')
        ++i;
    if (i == intStart || i - intStart > 15)
        return false;
    if (i == tok.size())
        return true;
    if (tok[i] != '.')
        return false;
    const size_t fracStart = ++i;
    while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9')
        ++i;
    return i == tok.size() && i > fracStart;
}

QString pathOf(Field f)
{
    for (const FieldName &n : kFieldNames)
        if (n.field == f)
            return u'/' + QString::fromLatin1(n.name.data(), qsizetype(n.name.size()));
    return QString();
}

QString quoted(std::string_view text)
{
    return u'"' + QString::fromUtf8(text.data(), qsizetype(text.size())).left(60) + u'"';
}

inline const char *skipWs(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        ++p;
    return p;
}

void appendUtf8(std::string &out, unsigned cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool hex4(const char *p, const char *end, unsigned &value)
{
    if (end - p < 4)
        return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= unsigned(c - '0');
        else if (c >= 'a' && c <= 'f') value |= unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= unsigned(c - 'A' + 10);
        else return false;
    }
    return true;
}

// Scans a JSON string starting after its opening quote. Without escapes the view points into the
// line; with escapes it is decoded into `scratch`. Returns the position after the closing quote.
const char *scanString(const char *p, const char *end, std::string_view &out, std::string *scratch)
{
    const char *start = p;
    while (p < end && *p != '"' && *p != '\\') {
        if (static_cast<unsigned char>(*p) < 0x20)
            return nullptr;
        ++p;
    }
    if (p >= end)
        return nullptr;
    if (*p == '"') {
        out = std::string_view(start, size_t(p - start));
        return p + 1;
    }
    std::string local;
    std::string &buf = scratch ? *scratch : local;
    buf.assign(start, size_t(p - start));
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            out = scratch ? std::string_view(buf) : std::string_view();
            return p + 1;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return nullptr;
        if (c != '\\') {
            buf += c;
            ++p;
            continue;
        }
        if (++p >= end)
            return nullptr;
        switch (*p) {
        case '"': buf += '"'; break;
        case '\\': buf += '\\'; break;
        case '/': buf += '/'; break;
        case 'b': buf += '\b'; break;
        case 'f': buf += '\f'; break;
        case 'n': buf += '\n'; break;
        case 'r': buf += '\r'; break;
        case 't': buf += '\t'; break;
        case 'u': {
            unsigned cp = 0;
            if (!hex4(p + 1, end, cp))
                return nullptr;
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 7 && p[1] == '\\' && p[2] == 'u') {
                unsigned low = 0;
                if (hex4(p + 3, end, low) && low >= 0xDC00 && low < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            appendUtf8(buf, cp);
            break;
        }
        default: return nullptr;
        }
        ++p;
    }
    return nullptr;
}

// Skips any JSON value (for unknown fields, which may be objects or arrays).
const char *skipValue(const char *p, const char *end, int depth = 0)
{
    if (p >= end || depth > 64)
        return nullptr;
    std::string_view ignored;
    switch (*p) {
    case '"': return scanString(p + 1, end, ignored, nullptr);
    case '{':
    case '[': {
        const char close = *p == '{' ? '}' : ']';
        p = skipWs(p + 1, end);
        if (p < end && *p == close)
            return p + 1;
        while (p < end) {
            if (close == '}') {
                if (*p != '"' || !(p = scanString(p + 1, end, ignored, nullptr)))
                    return nullptr;
                p = skipWs(p, end);
                if (p >= end || *p != ':')
                    return nullptr;
                p = skipWs(p + 1, end);
            }
            if (!(p = skipValue(p, end, depth + 1)))
                return nullptr;
            p = skipWs(p, end);
            if (p < end && *p == ',') {
                p = skipWs(p + 1, end);
                continue;
            }
            return p < end && *p == close ? p + 1 : nullptr;
        }
        return nullptr;
    }
    default: {
        const char *start = p;
        while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'
                           || (*p >= 'a' && *p <= 'z')))
            ++p;
        const std::string_view tok(start, size_t(p - start));
        if (tok == "true" || tok == "false" || tok == "null" || isPlainDecimal(tok))
            return p;
        double d = 0;
        const auto r = std::from_chars(tok.data(), tok.data() + tok.size(), d);
        return !tok.empty() && r.ec == std::errc() && r.ptr == tok.data() + tok.size() ? p : nullptr;
    }
    }
}

constexpr bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

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

enum class NumberCheck { Ok, NotANumber, Negative, NotInteger };

NumberCheck readNumber(std::string_view tok, double &value)
{
    // Whole numbers of up to 15 digits (statuses, tokens, most times) are exact in a double:
    // summed up digit by digit, the same value from_chars gives, without its general machinery.
    if (!tok.empty() && tok.size() <= 15 && tok[0] >= '0' && tok[0] <= '9') {
        qint64 n = 0;
        size_t i = 0;
        while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9')
            n = n * 10 + (tok[i++] - '0');
        if (i == tok.size()) {
            value = double(n);
            return NumberCheck::Ok;
        }
    }
    const auto r = std::from_chars(tok.data(), tok.data() + tok.size(), value);
    if (tok.empty() || r.ec != std::errc() || r.ptr != tok.data() + tok.size() || !std::isfinite(value))
        return NumberCheck::NotANumber;
    return value < 0 ? NumberCheck::Negative : NumberCheck::Ok;
}

// error_type names as bytes, so a line's error type is matched without building a QString.
std::optional<ErrorClass> errorClassFromLog(std::string_view text)
{
    static const auto names = [] {
        std::array<std::string, size_t(ErrorClass::Protocol) + 1> out;
        for (size_t c = 1; c < out.size(); ++c)
            out[c] = errorClassName(ErrorClass(c)).toStdString();
        return out;
    }();
    for (size_t c = 1; c < names.size(); ++c)
        if (names[c] == text)
            return ErrorClass(c);
    return std::nullopt;
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
        || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h)
        || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
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

bool TrafficLineParser::setCsvHeader(std::string_view line, QString *error)
{
    m_columns.clear();
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0)
        line.remove_prefix(3);
    bool seen[FieldCount] = {};
    size_t start = 0;
    while (start <= line.size()) {
        size_t comma = line.find(',', start);
        if (comma == std::string_view::npos)
            comma = line.size();
        std::string_view name = line.substr(start, comma - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        const Field f = fieldFor(name);
        m_columns.push_back(f);
        if (f != Field::Unknown)
            seen[f] = true;
        start = comma + 1;
    }
    for (Field f : {Field::Ts, Field::GatewayField, Field::Model, Field::Status}) {
        if (!seen[f]) {
            if (error)
                *error = u"the CSV header has no column \"%1\""_qs.arg(pathOf(f).mid(1));
            m_columns.clear();
            return false;
        }
    }
    return true;
}

bool TrafficLineParser::parse(std::string_view line, TrafficRecord &record, TrafficLineError &error)
{
    for (Value &v : m_values)
        v.kind = Kind::Missing;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const bool parsed = m_format == TrafficFormat::Jsonl ? parseJson(line, error) : parseCsv(line, error);
    return parsed && build(record, error);
}

bool TrafficLineParser::parseJson(std::string_view line, TrafficLineError &error)
{
    const char *p = line.data();
    const char *const end = p + line.size();
    auto fail = [&](const char *at, const QString &what) {
        error.path.clear();
        error.message = u"bad JSON at column %1: %2"_qs.arg(qint64(at - line.data()) + 1).arg(what);
        return false;
    };
    p = skipWs(p, end);
    if (p >= end || *p != '{')
        return fail(p, u"expected an object"_qs);
    p = skipWs(p + 1, end);
    if (p < end && *p == '}') {
        ++p;
    } else {
        while (true) {
            if (p >= end || *p != '"')
                return fail(p, u"expected a field name"_qs);
            std::string_view key;
            const char *next = scanString(p + 1, end, key, &m_keyScratch);
            if (!next)
                return fail(p, u"unterminated or invalid string"_qs);
            const Field f = fieldFor(key);
            p = skipWs(next, end);
            if (p >= end || *p != ':')
                return fail(p, u"expected ':'"_qs);
            p = skipWs(p + 1, end);
            if (p >= end)
                return fail(p, u"expected a value"_qs);
            if (f == Field::Unknown) {
                if (!(next = skipValue(p, end)))
                    return fail(p, u"invalid value"_qs);
                p = next;
            } else {
                Value &v = m_values[f];
                const char c = *p;
                if (c == '"') {
                    if (!(next = scanString(p + 1, end, v.text, &m_scratch[f])))
                        return fail(p, u"unterminated or invalid string"_qs);
                    v.kind = Kind::String;
                    p = next;
                } else if (c == '{' || c == '[') {
                    if (!(next = skipValue(p, end)))
                        return fail(p, u"invalid value"_qs);
                    v.kind = Kind::Composite; // a type error for every known field
                    p = next;
                } else {
                    if (!(next = skipValue(p, end)))
                        return fail(p, u"invalid value"_qs);
                    const std::string_view tok(p, size_t(next - p));
                    if (tok == "null") {
                        v.kind = Kind::Null;
                    } else if (tok == "true" || tok == "false") {
                        v.kind = Kind::Bool;
                        v.boolean = tok == "true";
                    } else {
                        v.kind = Kind::Number;
                        v.text = tok;
                    }
                    p = next;
                }
            }
            p = skipWs(p, end);
            if (p < end && *p == ',') {
                p = skipWs(p + 1, end);
                continue;
            }
            if (p < end && *p == '}') {
                ++p;
                break;
            }
            return fail(p, u"expected ',' or '}'"_qs);
        }
    }
    p = skipWs(p, end);
    if (p != end)
        return fail(p, u"text after the object"_qs);
    return true;
}

bool TrafficLineParser::parseCsv(std::string_view line, TrafficLineError &error)
{
    m_cells.clear();
    std::string *scratch = m_scratch.data();
    size_t i = 0;
    while (true) {
        if (i < line.size() && line[i] == '"') {
            // Quoted cell: "" is a quote. Decoded into a scratch buffer when it has one.
            std::string &buf = scratch[m_cells.size() % FieldCount];
            buf.clear();
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        buf += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                buf += line[i++];
            }
            if (!closed || (i < line.size() && line[i] != ',')) {
                error.path.clear();
                error.message = u"bad CSV: unterminated quoted cell %1"_qs.arg(m_cells.size() + 1);
                return false;
            }
            m_cells.push_back(std::string_view(buf));
        } else {
            size_t comma = line.find(',', i);
            if (comma == std::string_view::npos)
                comma = line.size();
            m_cells.push_back(line.substr(i, comma - i));
            i = comma;
        }
        if (i >= line.size())
            break;
        ++i; // the comma
        if (i == line.size()) {
            m_cells.push_back(std::string_view());
            break;
        }
    }
    if (m_cells.size() != m_columns.size()) {
        error.path.clear();
        error.message = u"%1 columns, the header has %2"_qs.arg(m_cells.size()).arg(m_columns.size());
        return false;
    }
    for (size_t c = 0; c < m_cells.size(); ++c) {
        const int f = m_columns[c];
        if (f == Field::Unknown)
            continue;
        Value &v = m_values[f];
        const std::string_view cell = m_cells[c];
        if (cell.empty() || cell == "null") {
            v.kind = Kind::Null;
        } else if (f == Field::Free) {
            v.kind = Kind::Bool;
            v.boolean = cell == "true" || cell == "1";
            if (!v.boolean && cell != "false" && cell != "0") {
                v.kind = Kind::String;
                v.text = cell;
            }
        } else if (f == Field::Status || (f >= Field::LatencyMs && f <= Field::CostUsd)) {
            v.kind = Kind::Number;
            v.text = cell;
        } else {
            v.kind = Kind::String;
            v.text = cell;
        }
    }
    return true;
}

bool TrafficLineParser::build(TrafficRecord &r, TrafficLineError &error)
{
    auto fail = [&](Field f, const QString &message) {
        error.path = pathOf(f);
        error.message = message;
        return false;
    };
    auto requireString = [&](Field f, bool required, std::string_view &out) {
        const Value &v = m_values[f];
        if (v.kind == Kind::Missing || v.kind == Kind::Null) {
            out = std::string_view();
            return !required || fail(f, v.kind == Kind::Missing ? u"missing"_qs : u"expected a string, got null"_qs);
        }
        if (v.kind != Kind::String)
            return fail(f, u"expected a string"_qs);
        out = v.text;
        return true;
    };
    // Numbers: missing/null is "unknown" (-1 for times, 0 for tokens); negatives and non-numbers refused.
    auto number = [&](Field f, double &out, bool integer) {
        const Value &v = m_values[f];
        if (v.kind == Kind::Missing || v.kind == Kind::Null)
            return true;
        if (v.kind != Kind::Number)
            return fail(f, u"expected a number"_qs);
        switch (readNumber(v.text, out)) {
        case NumberCheck::NotANumber: return fail(f, u"expected a number, got %1"_qs.arg(quoted(v.text)));
        case NumberCheck::Negative: return fail(f, u"%1 is negative"_qs.arg(QString::fromLatin1(v.text.data(), qsizetype(v.text.size()))));
        case NumberCheck::NotInteger: break;
        case NumberCheck::Ok: break;
        }
        if (integer && out != std::floor(out))
            return fail(f, u"expected an integer"_qs);
        return true;
    };

    std::string_view text;
    if (!requireString(Field::Ts, true, text))
        return false;
    const auto ts = parseTrafficTimestamp(text);
    if (!ts)
        return fail(Field::Ts, u"%1 is not an RFC 3339 time"_qs.arg(quoted(text)));
    r.tsMs = *ts;

    if (!requireString(Field::GatewayField, true, text))
        return false;
    if (text == "openrouter")
        r.gateway = Gateway::OpenRouter;
    else if (text == "vercel")
        r.gateway = Gateway::Vercel;
    else
        return fail(Field::GatewayField, u"unknown gateway %1 (openrouter or vercel)"_qs.arg(quoted(text)));

    if (!requireString(Field::Model, true, r.model))
        return false;
    if (r.model.empty())
        return fail(Field::Model, u"empty"_qs);
    if (!requireString(Field::Provider, false, r.provider))
        return false;
    // User and task ids are opaque: a producer that writes them as JSON numbers still names
    // the same sticky key, so a number's token is taken as the id.
    for (const auto &[field, out] : {std::pair{Field::User, &r.user}, std::pair{Field::Task, &r.task}}) {
        if (m_values[field].kind == Kind::Number)
            *out = m_values[field].text;
        else if (!requireString(field, false, *out))
            return false;
    }

    if (m_values[Field::Status].kind == Kind::Missing || m_values[Field::Status].kind == Kind::Null)
        return fail(Field::Status, u"missing"_qs);
    double d = 0;
    if (!number(Field::Status, d, true))
        return false;
    if (d > 599)
        return fail(Field::Status, u"%1 is not an HTTP status"_qs.arg(d));
    r.status = int(d);

    if (!requireString(Field::ErrorType, false, text))
        return false;
    if (text.empty() || text == "none") {
        r.errorClass = trafficErrorClass(r.status);
    } else {
        const auto cls = errorClassFromLog(text);
        if (!cls)
            return fail(Field::ErrorType, u"unknown error type %1"_qs.arg(quoted(text)));
        r.errorClass = *cls;
    }

    r.latencyMs = r.ttftMs = -1;
    if (!number(Field::LatencyMs, r.latencyMs, false) || !number(Field::TtftMs, r.ttftMs, false))
        return false;
    qint64 *tokens[] = {&r.promptTokens, &r.completionTokens, &r.cachedTokens, &r.reasoningTokens};
    for (int i = 0; i < 4; ++i) {
        double t = 0;
        if (!number(Field(Field::PromptTokens + i), t, true))
            return false;
        // A token count past 2^53 is no count (and past 2^63 it cannot even be converted).
        if (t > 9007199254740992.0)
            return fail(Field(Field::PromptTokens + i), u"%1 is too large for a token count"_qs.arg(t));
        *tokens[i] = qint64(t);
    }

    double cost = -1;
    if (!number(Field::CostUsd, cost, false))
        return false;
    if (!requireString(Field::CostSource, false, text))
        return false;
    r.costUsd = cost < 0 ? 0 : cost;
    if (cost < 0) {
        r.costKind = TrafficCostKind::None;
    } else if (text == "estimated") {
        r.costKind = TrafficCostKind::Estimated;
    } else if (text.empty() || text == "reported" || text == "generation") {
        r.costKind = TrafficCostKind::Reported;
    } else if (text == "none") {
        r.costKind = TrafficCostKind::None;
        r.costUsd = 0;
    } else {
        return fail(Field::CostSource, u"unknown cost source %1"_qs.arg(quoted(text)));
    }

    if (!requireString(Field::FallbackFrom, false, text))
        return false;
    if (!text.empty() && text != "openrouter" && text != "vercel")
        return fail(Field::FallbackFrom, u"unknown gateway %1 (openrouter, vercel or null)"_qs.arg(quoted(text)));
    r.fallback = !text.empty();

    const Value &fv = m_values[Field::Free];
    if (fv.kind != Kind::Missing && fv.kind != Kind::Null && fv.kind != Kind::Bool)
        return fail(Field::Free, u"expected true or false"_qs);
    r.free = fv.kind == Kind::Bool && fv.boolean;
    return true;
}

} // namespace gw
