#include "json/json_source.h"

#include "util/bom.h"
#include "json/json_lexer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <string>
#include <string_view>

namespace gw {
namespace {

// Deep enough for any config, shallow enough that hostile input cannot exhaust the stack.
constexpr int kMaxDepth = json::kMaxDepth;

// Strings and numbers are read by the one JSON lexer (json/json_lexer.h: its escape, surrogate
// and number policy); this parser adds the tree, the positions and the duplicate-key check.

class Parser {
public:
    Parser(QByteArrayView text, const QString &fileName, JsonSource &out) : m_text(text), m_file(fileName), m_out(out)
    {
    }

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

    // Moves to `p` (ahead in the text), counting lines and columns.
    void advanceTo(const char *p)
    {
        const qsizetype target = p - m_text.data();
        while (m_pos < target)
            advance();
    }

    const char *cursor() const { return m_text.data() + m_pos; }
    const char *textEnd() const { return m_text.data() + m_text.size(); }

    bool lexFailed(const json::LexFailure &lex)
    {
        advanceTo(lex.at);
        return fail(json::lexErrorText(lex.error));
    }

    bool parseNumber(QJsonValue &out)
    {
        json::LexFailure lex;
        const char *start = cursor();
        const char *end = json::scanNumber(start, textEnd(), lex);
        if (!end)
            return lexFailed(lex);
        double value = 0;
        const bool inRange = json::numberValue(std::string_view(start, size_t(end - start)), value);
        advanceTo(end);
        if (!inRange)
            return fail(json::lexErrorText(json::LexError::NumberOutOfRange));
        out = value;
        return true;
    }

    bool parseString(QString &out)
    {
        json::LexFailure lex;
        std::string_view text;
        const char *next = json::scanString(cursor() + 1, textEnd(), text, &m_scratch, lex);
        if (!next)
            return lexFailed(lex);
        advanceTo(next);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        out = decoder.decode(QByteArrayView(text.data(), qsizetype(text.size())));
        return !decoder.hasError() || fail(u"invalid UTF-8 in string"_qs);
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
    std::string m_scratch; // decoded strings with escapes
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
    utf8 = withoutUtf8Bom(utf8);
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
