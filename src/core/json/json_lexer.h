#pragma once
// The one JSON byte lexer (RFC 8259): strings with escape decoding, number tokens, literals,
// whitespace and skipping whole values. The traffic-log line parser, json_source's positioned
// parser and the SSE chunk scanner all read JSON through it, so they share one policy:
//
// - Strings: bytes between the quotes pass through unchanged (UTF-8 validity is checked by the
//   callers that turn text into QString: json_source and the chunk scanner); a control
//   character (< 0x20) is an error; the eight short escapes are decoded; `\uXXXX` is decoded to
//   UTF-8, a high surrogate followed by `\u` + low surrogate is combined into one code point, and
//   any other surrogate (a lone high or low one) is an error located just after its escape. Nothing
//   ill-formed is ever written into the decoded text.
// - Numbers: the RFC grammar exactly (no leading zeros, '+', bare '.', NaN or Infinity).
//   An integer token (no fraction, no exponent) must be exact as a double: beyond 2^53 in
//   magnitude it is an error (LexError::IntegerOutOfRange), never silently rounded; a number
//   beyond a double's range (1e400, 1e-400) is an error too (LexError::NumberOutOfRange).
// - Nesting: at most kMaxDepth levels, so hostile input cannot exhaust the stack.
//
// The hot parts are inline: the log parser calls them ~20 times per line, a million lines a second.

#include <QString>

#include <string>
#include <string_view>

namespace gw::json {

constexpr int kMaxDepth = 128;
// 2^53: the largest integer a double holds exactly, and every larger one is refused.
constexpr double kMaxExactInteger = 9007199254740992.0;

enum class LexError : unsigned char {
    None,
    Unterminated,      // end of input inside a string
    UnexpectedEnd,     // end of input inside an array or object
    ControlCharacter,  // raw byte < 0x20 inside a string
    BadEscape,         // backslash followed by something other than the nine escapes
    BadUnicodeEscape,  // \u not followed by four hex digits
    LoneSurrogate,     // \uD800-\uDFFF not forming a high+low pair
    BadNumber,         // not the RFC number grammar
    BadFraction,       // no digit after '.'
    BadExponent,       // no digit in the exponent
    IntegerOutOfRange, // an integer token beyond 2^53 in magnitude
    NumberOutOfRange,  // beyond a double's range (1e400, and 1e-400 which would silently be 0)
    BadLiteral,        // not true/false/null
    Unexpected,        // a byte that starts no value / is not ',' ':' etc.
    TooDeep,           // nesting beyond kMaxDepth
};

// What went wrong and where (a pointer into the input, for a column or line:col): the offending
// byte, or for a lone surrogate the end of its escape, for a bad \u escape the first non-hex
// digit, for an out-of-range number the end of its token.
struct LexFailure {
    LexError error = LexError::None;
    const char *at = nullptr;
    void set(LexError e, const char *where)
    {
        error = e;
        at = where;
    }
};

// "unterminated string", "lone surrogate in \\u escape", ... (no position: callers add theirs).
QString lexErrorText(LexError error);

inline bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline const char *skipWhitespace(const char *p, const char *end)
{
    while (p < end && isJsonWhitespace(*p))
        ++p;
    return p;
}

// Appends code point `cp` (not a surrogate, <= 0x10FFFF) as UTF-8.
void appendUtf8(std::string &out, char32_t cp);

// The escape-handling rest of scanString (out of line: escapes are rare in logs and chunks).
const char *scanEscapedString(const char *start, const char *p, const char *end, std::string_view &out,
                              std::string *scratch, LexFailure &fail);

// A string starting just after its opening quote. Returns the position after the closing quote,
// or nullptr with `fail` set. Without escapes `out` views the input; with escapes the decoded text
// goes into `scratch` and `out` views it (scratch == nullptr: only validated, `out` left empty).
inline const char *scanString(const char *p, const char *end, std::string_view &out, std::string *scratch,
                              LexFailure &fail)
{
    const char *const start = p;
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            out = std::string_view(start, size_t(p - start));
            return p + 1;
        }
        if (c == '\\')
            return scanEscapedString(start, p, end, out, scratch, fail);
        if (c < 0x20) {
            fail.set(LexError::ControlCharacter, p);
            return nullptr;
        }
        ++p;
    }
    fail.set(LexError::Unterminated, p);
    return nullptr;
}

// Whether a well-formed number token converts to a finite double without underflow.
bool numberInRange(const char *begin, const char *end);

// A number token at p (RFC grammar). Returns its end, or nullptr with `fail` set. `isInteger`
// says whether it had neither fraction nor exponent. Integers beyond 2^53 are refused here.
inline const char *scanNumber(const char *p, const char *end, LexFailure &fail, bool *isInteger = nullptr)
{
    const char *const start = p;
    if (p < end && *p == '-')
        ++p;
    const char *const intStart = p;
    if (p < end && *p == '0') {
        ++p;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
    } else {
        fail.set(LexError::BadNumber, p);
        return nullptr;
    }
    const size_t intDigits = size_t(p - intStart);
    bool integer = true;
    if (p < end && *p == '.') {
        integer = false;
        const char *const frac = ++p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        if (p == frac) {
            fail.set(LexError::BadFraction, p);
            return nullptr;
        }
    }
    bool exponent = false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        integer = false;
        exponent = true;
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        const char *const exp = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        if (p == exp) {
            fail.set(LexError::BadExponent, p);
            return nullptr;
        }
    }
    // 2^53 has 16 digits: shorter integers are always exact, longer ones never in range.
    if (integer && intDigits >= 16) {
        bool beyond = intDigits > 16;
        if (!beyond) {
            constexpr std::string_view kLimit = "9007199254740992";
            beyond = std::string_view(intStart, 16) > kLimit;
        }
        if (beyond) {
            fail.set(LexError::IntegerOutOfRange, p);
            return nullptr;
        }
    }
    // Only an exponent or a very long mantissa can leave a double's range.
    if (!integer && (exponent || p - start > 300) && !numberInRange(start, p)) {
        fail.set(LexError::NumberOutOfRange, p);
        return nullptr;
    }
    if (isInteger)
        *isInteger = integer;
    return p;
}

// `true`, `false` or `null` at p: returns the end, or nullptr with `fail` set.
const char *scanLiteral(const char *p, const char *end, LexFailure &fail);

// Any value at p (which must not be whitespace): its end, or nullptr with `fail` set.
const char *skipValue(const char *p, const char *end, LexFailure &fail, int depth = 0);

// The value of a number token scanNumber accepted (exact for integers up to 2^53); false when it
// is beyond a double's range (1e400, 1e-400), which callers report as out of range.
bool numberValue(std::string_view token, double &value);

} // namespace gw::json
