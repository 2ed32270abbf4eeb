#include "traffic/line_parser.h"

#include "traffic/line_fields.h"
#include "util/bom.h"
#include "json/json_lexer.h"

#include <cstring>

namespace gw {

using namespace traffic_line;

bool TrafficLineParser::setCsvHeader(std::string_view line, QString *error)
{
    m_columns.clear();
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    line = withoutUtf8Bom(line); // when the caller did not strip it (the ingestor does)
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

// One object per line, read through the JSON lexer (json/json_lexer.h: its string, number and
// surrogate policy). A known field named twice makes the line bad, like a duplicate key in a
// config: "last wins" would silently pick one of two answers. Unknown members are skipped.
bool TrafficLineParser::parseJson(std::string_view line, TrafficLineError &error)
{
    const char *p = line.data();
    const char *const end = p + line.size();
    auto fail = [&](const char *at, const QString &what) {
        error.path.clear();
        error.message = u"bad JSON at column %1: %2"_qs.arg(qint64(at - line.data()) + 1).arg(what);
        return false;
    };
    json::LexFailure lex;
    auto lexFail = [&]() { return fail(lex.at, json::lexErrorText(lex.error)); };
    quint32 seen = 0;
    static_assert(FieldCount <= 32, "the seen mask holds one bit per field");
    p = json::skipWhitespace(p, end);
    if (p >= end || *p != '{')
        return fail(p, u"expected an object"_qs);
    p = json::skipWhitespace(p + 1, end);
    if (p < end && *p == '}') {
        ++p;
    } else {
        while (true) {
            if (p >= end || *p != '"')
                return fail(p, u"expected a field name"_qs);
            std::string_view key;
            const char *const keyAt = p;
            const char *next = json::scanString(p + 1, end, key, &m_keyScratch, lex);
            if (!next)
                return lexFail();
            const Field f = fieldFor(key);
            p = json::skipWhitespace(next, end);
            if (p >= end || *p != ':')
                return fail(p, u"expected ':'"_qs);
            p = json::skipWhitespace(p + 1, end);
            if (p >= end)
                return fail(p, u"expected a value"_qs);
            if (f == Field::Unknown) {
                if (!(next = json::skipValue(p, end, lex)))
                    return lexFail();
                p = next;
            } else {
                if (seen & (1u << f)) {
                    error.path = pathOf(f);
                    error.message = u"duplicate key at column %1"_qs.arg(qint64(keyAt - line.data()) + 1);
                    return false;
                }
                seen |= 1u << f;
                Value &v = m_values[f];
                const char c = *p;
                if (c == '"') {
                    if (!(next = json::scanString(p + 1, end, v.text, &m_scratch[f], lex)))
                        return lexFail();
                    v.kind = Kind::String;
                } else if (c == '{' || c == '[') {
                    if (!(next = json::skipValue(p, end, lex)))
                        return lexFail();
                    v.kind = Kind::Composite; // a type error for every known field
                } else if (c == 't' || c == 'f' || c == 'n') {
                    if (!(next = json::scanLiteral(p, end, lex)))
                        return lexFail();
                    v.kind = c == 'n' ? Kind::Null : Kind::Bool;
                    v.boolean = c == 't';
                } else {
                    if (!(next = json::scanNumber(p, end, lex)))
                        return lexFail();
                    v.kind = Kind::Number;
                    v.text = std::string_view(p, size_t(next - p));
                }
                p = next;
            }
            p = json::skipWhitespace(p, end);
            if (p < end && *p == ',') {
                p = json::skipWhitespace(p + 1, end);
                continue;
            }
            if (p < end && *p == '}') {
                ++p;
                break;
            }
            return fail(p, u"expected ',' or '}'"_qs);
        }
    }
    p = json::skipWhitespace(p, end);
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

} // namespace gw
