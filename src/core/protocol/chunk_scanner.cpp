#include "protocol/chunk_scanner.h"

#include "json/json_lexer.h"

#include <string>

namespace gw::detail {

namespace {

// Reads through the one JSON lexer (json/json_lexer.h). Whatever the lexer refuses (a lone
// surrogate, an integer beyond 2^53, ...) makes the scanner return false, so the chunk takes the
// general path like every other chunk the scanner does not fully understand; that path refuses it
// under the same policy (json/json_document.h).
class Scanner {
public:
    explicit Scanner(QByteArrayView s) : m_p(s.data()), m_end(s.data() + s.size()) {}

    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    void ws() { m_p = json::skipWhitespace(m_p, m_end); }

    bool eat(char c)
    {
        ws();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool peek(char c)
    {
        ws();
        return m_p < m_end && *m_p == c;
    }

    const char *position() const { return m_p; }

    // A member name (decoded when it has escapes) and its colon.
    bool key(QByteArrayView &name)
    {
        if (!eat('"'))
            return false;
        std::string_view text;
        if (!(m_p = json::scanString(m_p, m_end, text, &m_keyScratch, m_fail)))
            return false;
        name = QByteArrayView(text.data(), qsizetype(text.size()));
        return eat(':');
    }

    // A string value, decoded into `out` (UTF-8 validity of the whole chunk is checked up front).
    bool string(QString *out)
    {
        if (!eat('"'))
            return false;
        std::string_view text;
        if (!(m_p = json::scanString(m_p, m_end, text, out ? &m_scratch : nullptr, m_fail)))
            return false;
        if (out)
            *out = QString::fromUtf8(text.data(), qsizetype(text.size()));
        return true;
    }

    // Any value, skipped.
    bool value()
    {
        ws();
        return m_p < m_end && (m_p = json::skipValue(m_p, m_end, m_fail)) != nullptr;
    }

    // The exact token "0" (an index); anything else is the general path's business.
    bool zero()
    {
        ws();
        if (m_p == m_end || *m_p != '0')
            return false;
        ++m_p;
        return m_p == m_end || !(*m_p == '.' || *m_p == 'e' || *m_p == 'E' || (*m_p >= '0' && *m_p <= '9'));
    }

private:
    const char *m_p;
    const char *m_end;
    std::string m_scratch;
    std::string m_keyScratch;
    json::LexFailure m_fail;
};

// Members whose presence (with a non-null value) needs the general path.
bool needsGeneralPath(QByteArrayView name)
{
    return name == "usage" || name == "error" || name == "provider_metadata" || name == "providerMetadata";
}

// `seen` guards against duplicate members, whose meaning QJsonDocument defines, not us.
bool firstTime(unsigned &seen, unsigned bit)
{
    if (seen & bit)
        return false;
    seen |= bit;
    return true;
}

bool stringOrSkip(Scanner &s, QString &out, bool &has, bool decode)
{
    if (decode && s.peek('"')) {
        has = true;
        return s.string(&out);
    }
    return s.value();
}

bool scanDelta(Scanner &s, ScannedChunk &out)
{
    if (!s.eat('{'))
        return false;
    if (s.eat('}'))
        return true;
    unsigned seen = 0;
    do {
        QByteArrayView name;
        if (!s.key(name))
            return false;
        bool ok = false;
        if (name == "content") {
            ok = firstTime(seen, 1) && stringOrSkip(s, out.content, out.hasContent, true);
        } else if (name == "reasoning") {
            ok = firstTime(seen, 2) && stringOrSkip(s, out.reasoning, out.hasReasoning, true);
        } else if (name == "reasoning_content") {
            ok = firstTime(seen, 4) && stringOrSkip(s, out.reasoningContent, out.hasReasoningContent, true);
        } else if (name == "reasoning_details") {
            if (!firstTime(seen, 8))
                return false;
            const bool isArray = s.peek('[');
            const char *start = s.position();
            ok = s.value();
            if (ok && isArray)
                out.reasoningDetails = QByteArrayView(start, s.position() - start);
        } else if (needsGeneralPath(name)) {
            ok = s.peek('n') && s.value(); // null means absent; anything else is not ours
        } else {
            ok = s.value();
        }
        if (!ok)
            return false;
    } while (s.eat(','));
    return s.eat('}');
}

bool scanChoice(Scanner &s, ScannedChunk &out)
{
    if (!s.eat('{'))
        return false;
    if (s.eat('}'))
        return true;
    unsigned seen = 0;
    do {
        QByteArrayView name;
        if (!s.key(name))
            return false;
        bool ok = false;
        if (name == "index") {
            ok = firstTime(seen, 1) && s.zero();
        } else if (name == "delta") {
            ok = firstTime(seen, 2) && (s.peek('{') ? scanDelta(s, out) : s.value());
        } else if (name == "finish_reason") {
            ok = firstTime(seen, 4) && stringOrSkip(s, out.finishReason, out.hasFinishReason, true);
        } else if (needsGeneralPath(name)) {
            ok = s.peek('n') && s.value();
        } else {
            ok = s.value();
        }
        if (!ok)
            return false;
    } while (s.eat(','));
    return s.eat('}');
}

bool scanChoices(Scanner &s, ScannedChunk &out)
{
    if (!s.eat('['))
        return false;
    if (s.eat(']'))
        return true;
    // Exactly one object choice: several choices or odd elements are the general path's.
    return s.peek('{') && scanChoice(s, out) && s.eat(']');
}

} // namespace

bool scanChunk(QByteArrayView json, bool wantId, bool wantModel, ScannedChunk &out)
{
    out = ScannedChunk();
    if (!json.isValidUtf8())
        return false;
    Scanner s(json);
    if (!s.eat('{'))
        return false;
    if (!s.eat('}')) {
        unsigned seen = 0;
        do {
            QByteArrayView name;
            if (!s.key(name))
                return false;
            bool ok = false;
            if (name == "id") {
                ok = firstTime(seen, 1) && stringOrSkip(s, out.id, out.hasId, wantId);
            } else if (name == "model") {
                ok = firstTime(seen, 2) && stringOrSkip(s, out.model, out.hasModel, wantModel);
            } else if (name == "provider") {
                ok = firstTime(seen, 4) && stringOrSkip(s, out.provider, out.hasProvider, true);
            } else if (name == "choices") {
                ok = firstTime(seen, 8) && (s.peek('[') ? scanChoices(s, out) : s.value());
            } else if (needsGeneralPath(name)) {
                ok = firstTime(seen, 16) && s.peek('n') && s.value();
            } else {
                ok = s.value();
            }
            if (!ok)
                return false;
        } while (s.eat(','));
        if (!s.eat('}'))
            return false;
    }
    return s.atEnd();
}

} // namespace gw::detail
