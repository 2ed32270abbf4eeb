#include "json/json_source.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <charconv>

namespace gw {
namespace {

// Deep enough for any config, shallow enough that hostile input cannot exhaust the stack.
constexpr int kMaxDepth = 128;

class Parser {
public:
    Parser(QByteArrayView text, const QString &fileName, JsonSource &out)
        : m_text(text), m_file(fileName), m_out(out) {}

    void run()
    {
        skipWhitespace();
        QJsonValue root;
        if (!parseValue(QString(), 0, root))
            return;
        skipWhitespace();
        if (m_pos < m_text.size()) {
            fail(u"unexpected text after the JSON document"_qs);
            return;
        }
        m_out.root = root;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    JsonPosition here() const { return {m_line, m_column}; }

    void advance()
    {
        const auto c = static_cast<unsigned char>(m_text[m_pos++]);
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++m_column;
        }
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            advance();
        }
    }

    bool fail(const QString &message)
    {
        if (!m_failed) {
            m_failed = true;
            m_out.problems.append({Diagnostic::Severity::Error, m_file, m_line, m_column, QString(),
                                   u"JSON syntax error: "_qs + message});
        }
        return false;
    }

    QString describeHere() const
    {
        if (atEnd())
            return u"end of input"_qs;
        const auto c = static_cast<unsigned char>(peek());
        if (c >= 0x20 && c < 0x7F)
            return u"'"_qs + QChar(char16_t(c)) + u"'"_qs;
        return u"byte 0x"_qs + QString::number(c, 16);
    }

    bool parseValue(const QString &pointer, int depth, QJsonValue &out)
    {
        if (depth > kMaxDepth)
            return fail(u"nesting deeper than %1 levels"_qs.arg(kMaxDepth));
        m_out.valuePositions.insert(pointer, here());
        switch (peek()) {
        case '{': return parseObject(pointer, depth, out);
        case '[': return parseArray(pointer, depth, out);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out = s;
            return true;
        }
        case 't': return parseLiteral("true", QJsonValue(true), out);
        case 'f': return parseLiteral("false", QJsonValue(false), out);
        case 'n': return parseLiteral("null", QJsonValue(QJsonValue::Null), out);
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return parseNumber(out);
            return fail(u"expected a value, found "_qs + describeHere());
        }
    }

    bool parseLiteral(const char *word, const QJsonValue &value, QJsonValue &out)
    {
        for (const char *p = word; *p; ++p) {
            if (peek() != *p)
                return fail(u"invalid literal, expected '"_qs + QLatin1StringView(word) + u"'"_qs);
            advance();
        }
        out = value;
        return true;
    }

    bool parseNumber(QJsonValue &out)
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            advance();
        if (peek() == '0') {
            advance();
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9')
                advance();
        } else {
            return fail(u"invalid number"_qs);
        }
        if (peek() == '.') {
            advance();
            if (!(peek() >= '0' && peek() <= '9'))
                return fail(u"invalid number: digits expected after '.'"_qs);
            while (peek() >= '0' && peek() <= '9')
                advance();
        }
        if (peek() == 'e' || peek() == 'E') {
            advance();
            if (peek() == '+' || peek() == '-')
                advance();
            if (!(peek() >= '0' && peek() <= '9'))
                return fail(u"invalid number: digits expected in the exponent"_qs);
            while (peek() >= '0' && peek() <= '9')
                advance();
        }
        double value = 0;
        const char *first = m_text.data() + start;
        const auto [ptr, ec] = std::from_chars(first, m_text.data() + m_pos, value);
        if (ec == std::errc::result_out_of_range)
            return fail(u"number out of range"_qs);
        if (ec != std::errc() || ptr != m_text.data() + m_pos)
            return fail(u"invalid number"_qs);
        out = value;
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char16_t &unit)
    {
        unit = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hexDigit(peek());
            if (d < 0)
                return fail(u"invalid \\u escape"_qs);
            unit = char16_t(unit * 16 + d);
            advance();
        }
        return true;
    }

    bool parseString(QString &out)
    {
        advance(); // opening quote
        QByteArray raw; // UTF-8 bytes between escapes, decoded (and checked) at the end
        QString decoded;
        auto flushRaw = [&]() -> bool {
            if (raw.isEmpty())
                return true;
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            decoded += decoder.decode(raw);
            raw.clear();
            return !decoder.hasError() || fail(u"invalid UTF-8 in string"_qs);
        };
        while (true) {
            if (atEnd())
                return fail(u"unterminated string"_qs);
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                advance();
                break;
            }
            if (c < 0x20)
                return fail(u"control character in string (escape it)"_qs);
            if (c != '\\') {
                raw.append(char(c));
                advance();
                continue;
            }
            advance();
            if (!flushRaw())
                return false;
            const char e = peek();
            switch (e) {
            case '"': decoded += u'"'; break;
            case '\\': decoded += u'\\'; break;
            case '/': decoded += u'/'; break;
            case 'b': decoded += u'\b'; break;
            case 'f': decoded += u'\f'; break;
            case 'n': decoded += u'\n'; break;
            case 'r': decoded += u'\r'; break;
            case 't': decoded += u'\t'; break;
            case 'u': {
                advance();
                char16_t unit;
                if (!parseHex4(unit))
                    return false;
                if (QChar::isHighSurrogate(unit)) {
                    char16_t low = 0;
                    if (peek() != '\\')
                        return fail(u"unpaired surrogate in \\u escape"_qs);
                    advance();
                    if (peek() != 'u')
                        return fail(u"unpaired surrogate in \\u escape"_qs);
                    advance();
                    if (!parseHex4(low) || !QChar::isLowSurrogate(low))
                        return fail(u"unpaired surrogate in \\u escape"_qs);
                    decoded += QChar(unit);
                    decoded += QChar(low);
                } else if (QChar::isLowSurrogate(unit)) {
                    return fail(u"unpaired surrogate in \\u escape"_qs);
                } else {
                    decoded += QChar(unit);
                }
                continue; // parseHex4 already advanced
            }
            default:
                return fail(u"invalid escape in string"_qs);
            }
            advance();
        }
        if (!flushRaw())
            return false;
        out = decoded;
        return true;
    }

    bool parseObject(const QString &pointer, int depth, QJsonValue &out)
    {
        advance(); // {
        QJsonObject object;
        QSet<QString> seen;
        skipWhitespace();
        if (peek() == '}') {
            advance();
            out = object;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"')
                return fail(u"expected a member name in double quotes, found "_qs + describeHere());
            const JsonPosition keyPos = here();
            QString name;
            if (!parseString(name))
                return false;
            const QString child = jsonPointerChild(pointer, name);
            if (seen.contains(name)) {
                m_out.problems.append({Diagnostic::Severity::Error, m_file, keyPos.line, keyPos.column, child,
                                       u"duplicate member name \"%1\""_qs.arg(name)});
            }
            seen.insert(name);
            m_out.keyPositions.insert(child, keyPos);
            skipWhitespace();
            if (peek() != ':')
                return fail(u"expected ':' after the member name, found "_qs + describeHere());
            advance();
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(child, depth + 1, value))
                return false;
            object.insert(name, value);
            skipWhitespace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                break;
            }
            return fail(u"expected ',' or '}' in object, found "_qs + describeHere());
        }
        out = object;
        return true;
    }

    bool parseArray(const QString &pointer, int depth, QJsonValue &out)
    {
        advance(); // [
        QJsonArray array;
        skipWhitespace();
        if (peek() == ']') {
            advance();
            out = array;
            return true;
        }
        while (true) {
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(jsonPointerChild(pointer, array.size()), depth + 1, value))
                return false;
            array.append(value);
            skipWhitespace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                break;
            }
            return fail(u"expected ',' or ']' in array, found "_qs + describeHere());
        }
        out = array;
        return true;
    }

    QByteArrayView m_text;
    QString m_file;
    JsonSource &m_out;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    bool m_failed = false;
};

QString parentPointer(const QString &pointer)
{
    const qsizetype slash = pointer.lastIndexOf(u'/');
    return slash <= 0 ? QString() : pointer.left(slash);
}

} // namespace

JsonPosition JsonSource::positionOf(const QString &pointer) const
{
    QString p = pointer;
    while (true) {
        if (const auto it = valuePositions.constFind(p); it != valuePositions.cend())
            return *it;
        if (const auto it = keyPositions.constFind(p); it != keyPositions.cend())
            return *it;
        if (p.isEmpty())
            return {};
        p = parentPointer(p);
    }
}

JsonPosition JsonSource::keyPositionOf(const QString &pointer) const
{
    if (const auto it = keyPositions.constFind(pointer); it != keyPositions.cend())
        return *it;
    return positionOf(pointer);
}

JsonSource parseJsonSource(QByteArrayView utf8, const QString &fileName)
{
    JsonSource out;
    // A UTF-8 byte order mark is tolerated (editors on some systems write one).
    if (utf8.startsWith("\xEF\xBB\xBF"))
        utf8 = utf8.sliced(3);
    Parser(utf8, fileName, out).run();
    return out;
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_qs;
    case QJsonValue::Bool: return u"a boolean"_qs;
    case QJsonValue::Double: return u"a number"_qs;
    case QJsonValue::String: return u"a string"_qs;
    case QJsonValue::Array: return u"an array"_qs;
    case QJsonValue::Object: return u"an object"_qs;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_qs;
}

QString jsonPointerToken(QStringView name)
{
    QString token = name.toString();
    token.replace(u'~', u"~0"_qs);
    token.replace(u'/', u"~1"_qs);
    return token;
}

QString jsonPointerChild(const QString &parent, QStringView name)
{
    return parent + u'/' + jsonPointerToken(name);
}

QString jsonPointerChild(const QString &parent, qsizetype index)
{
    return parent + u'/' + QString::number(index);
}

} // namespace gw
