#include "json/json_lexer.h"

#include <charconv>
#include <cstring>

namespace gw::json {

namespace {

// Four hex digits at p; on failure `bad` is the first byte that is not one (or `end`).
bool hex4(const char *p, const char *end, char32_t &value, const char **bad = nullptr)
{
    value = 0;
    for (int i = 0; i < 4; ++i) {
        if (p + i >= end) {
            if (bad)
                *bad = end;
            return false;
        }
        const char c = p[i];
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= char32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= char32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= char32_t(c - 'A' + 10);
        else {
            if (bad)
                *bad = p + i;
            return false;
        }
    }
    return true;
}

bool isHighSurrogate(char32_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLowSurrogate(char32_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

} // namespace

QString lexErrorText(LexError error)
{
    switch (error) {
    case LexError::None: break;
    case LexError::Unterminated: return u"unterminated string"_qs;
    case LexError::UnexpectedEnd: return u"unexpected end of input"_qs;
    case LexError::ControlCharacter: return u"control character in string (escape it)"_qs;
    case LexError::BadEscape: return u"invalid escape in string"_qs;
    case LexError::BadUnicodeEscape: return u"invalid \\u escape"_qs;
    case LexError::LoneSurrogate: return u"unpaired surrogate in \\u escape"_qs;
    case LexError::BadNumber: return u"invalid number"_qs;
    case LexError::BadFraction: return u"invalid number: digits expected after '.'"_qs;
    case LexError::BadExponent: return u"invalid number: digits expected in the exponent"_qs;
    case LexError::IntegerOutOfRange: return u"integer out of range (beyond 2^53, not exact)"_qs;
    case LexError::NumberOutOfRange: return u"number out of range"_qs;
    case LexError::BadLiteral: return u"invalid literal (true, false or null expected)"_qs;
    case LexError::Unexpected: return u"unexpected character"_qs;
    case LexError::TooDeep: return u"nesting deeper than %1 levels"_qs.arg(kMaxDepth);
    }
    return QString();
}

void appendUtf8(std::string &out, char32_t cp)
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

const char *scanEscapedString(const char *start, const char *p, const char *end, std::string_view &out,
                              std::string *scratch, LexFailure &fail)
{
    std::string ignored; // validation only: decoded anyway (cheap; escapes are rare), then dropped
    std::string &buf = scratch ? *scratch : ignored;
    buf.assign(start, size_t(p - start));
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            out = scratch ? std::string_view(buf) : std::string_view();
            return p + 1;
        }
        if (c < 0x20) {
            fail.set(LexError::ControlCharacter, p);
            return nullptr;
        }
        if (c != '\\') {
            const char *run = p;
            while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
                ++p;
            buf.append(run, size_t(p - run));
            continue;
        }
        if (++p >= end) {
            fail.set(LexError::Unterminated, p);
            return nullptr;
        }
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
            char32_t cp = 0;
            const char *bad = nullptr;
            if (!hex4(p + 1, end, cp, &bad)) {
                fail.set(LexError::BadUnicodeEscape, bad);
                return nullptr;
            }
            p += 4; // on the last hex digit
            if (isLowSurrogate(cp)) {
                fail.set(LexError::LoneSurrogate, p + 1);
                return nullptr;
            }
            if (isHighSurrogate(cp)) {
                char32_t low = 0;
                if (end - p < 7 || p[1] != '\\' || p[2] != 'u' || !hex4(p + 3, end, low) || !isLowSurrogate(low)) {
                    fail.set(LexError::LoneSurrogate, p + 1);
                    return nullptr;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            appendUtf8(buf, cp);
            break;
        }
        default: fail.set(LexError::BadEscape, p); return nullptr;
        }
        ++p;
    }
    fail.set(LexError::Unterminated, p);
    return nullptr;
}

bool numberInRange(const char *begin, const char *end)
{
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end;
}

const char *scanLiteral(const char *p, const char *end, LexFailure &fail)
{
    for (std::string_view word : {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
        if (p < end && *p == word[0]) {
            size_t i = 0;
            while (i < word.size() && p + i < end && p[i] == word[i])
                ++i;
            if (i == word.size())
                return p + i;
            p += i; // the first byte that differs
            break;
        }
    }
    fail.set(LexError::BadLiteral, p);
    return nullptr;
}

const char *skipValue(const char *p, const char *end, LexFailure &fail, int depth)
{
    if (p >= end) {
        fail.set(LexError::UnexpectedEnd, p);
        return nullptr;
    }
    if (depth > kMaxDepth) {
        fail.set(LexError::TooDeep, p);
        return nullptr;
    }
    std::string_view ignored;
    switch (*p) {
    case '"': return scanString(p + 1, end, ignored, nullptr, fail);
    case '{':
    case '[': {
        const char close = *p == '{' ? '}' : ']';
        p = skipWhitespace(p + 1, end);
        if (p < end && *p == close)
            return p + 1;
        while (p < end) {
            if (close == '}') {
                if (*p != '"') {
                    fail.set(LexError::Unexpected, p);
                    return nullptr;
                }
                if (!(p = scanString(p + 1, end, ignored, nullptr, fail)))
                    return nullptr;
                p = skipWhitespace(p, end);
                if (p >= end || *p != ':') {
                    fail.set(p >= end ? LexError::UnexpectedEnd : LexError::Unexpected, p);
                    return nullptr;
                }
                p = skipWhitespace(p + 1, end);
            }
            if (!(p = skipValue(p, end, fail, depth + 1)))
                return nullptr;
            p = skipWhitespace(p, end);
            if (p < end && *p == ',') {
                p = skipWhitespace(p + 1, end);
                continue;
            }
            if (p < end && *p == close)
                return p + 1;
            break;
        }
        fail.set(p >= end ? LexError::UnexpectedEnd : LexError::Unexpected, p);
        return nullptr;
    }
    case 't':
    case 'f':
    case 'n': return scanLiteral(p, end, fail);
    default:
        if (*p == '-' || (*p >= '0' && *p <= '9'))
            return scanNumber(p, end, fail);
        fail.set(LexError::Unexpected, p);
        return nullptr;
    }
}

bool numberValue(std::string_view token, double &value)
{
    // Whole numbers of up to 15 digits (statuses, token counts, most times) summed digit by digit:
    // the value from_chars gives, without its general machinery.
    if (!token.empty() && token.size() <= 15 && token[0] >= '0' && token[0] <= '9') {
        qint64 n = 0;
        size_t i = 0;
        while (i < token.size() && token[i] >= '0' && token[i] <= '9')
            n = n * 10 + (token[i++] - '0');
        if (i == token.size()) {
            value = double(n);
            return true;
        }
    }
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    return ec == std::errc() && ptr == token.data() + token.size();
}

} // namespace gw::json
