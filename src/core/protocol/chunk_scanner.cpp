#include "protocol/chunk_scanner.h"

#include <QByteArray>

namespace gw::detail {

namespace {

constexpr int kMaxDepth = 64;

class Scanner
{
public:
    explicit Scanner(QByteArrayView s) : m_p(s.data()), m_end(s.data() + s.size()) {}

    bool atEnd() { ws(); return m_p == m_end; }

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

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

    // A member name without escapes (a key with escapes sends the chunk to the general path).
    bool key(QByteArrayView &name)
    {
        if (!eat('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"') {
            if (*m_p == '\\' || static_cast<unsigned char>(*m_p) < 0x20)
                return false;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        name = QByteArrayView(start, m_p - start);
        ++m_p;
        return eat(':');
    }

    // A string value, decoded into `out` (UTF-8 validity of the whole chunk is checked up front).
    bool string(QString *out)
    {
        if (!eat('"'))
            return false;
        const char *run = m_p;
        m_scratch.resize(0);
        while (m_p < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (out) {
                    if (m_scratch.isEmpty()) {
                        *out = QString::fromUtf8(run, m_p - run);
                    } else {
                        m_scratch.append(run, m_p - run);
                        *out = QString::fromUtf8(m_scratch);
                    }
                }
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c != '\\') {
                ++m_p;
                continue;
            }
            if (out)
                m_scratch.append(run, m_p - run);
            if (++m_p == m_end || !escape(out != nullptr))
                return false;
            run = m_p;
        }
        return false;
    }

    bool value(int depth = 0)
    {
        ws();
        if (m_p == m_end || depth > kMaxDepth)
            return false;
        switch (*m_p) {
        case '"': return string(nullptr);
        case '{': return container('}', depth, true);
        case '[': return container(']', depth, false);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
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
    bool container(char close, int depth, bool isObject)
    {
        ++m_p;
        if (eat(close))
            return true;
        do {
            if (isObject) {
                if (!peek('"') || !string(nullptr) || !eat(':'))
                    return false;
            }
            if (!value(depth + 1))
                return false;
        } while (eat(','));
        return eat(close);
    }

    bool literal(const char *word)
    {
        const QByteArrayView w(word);
        if (m_end - m_p < w.size() || QByteArrayView(m_p, w.size()) != w)
            return false;
        m_p += w.size();
        return true;
    }

    // Plain integers and decimals only: exponents and long mantissas go the general path, where
    // QJsonDocument decides about range and precision.
    bool number()
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || *m_p < '0' || *m_p > '9')
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            const char *digits = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == digits)
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E'))
            return false;
        return m_p - start <= 17;
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char32_t &v)
    {
        if (m_end - m_p < 4)
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(m_p[i]);
            if (h < 0)
                return false;
            v = (v << 4) | char32_t(h);
        }
        m_p += 4;
        return true;
    }

    // m_p is just after the backslash.
    bool escape(bool decode)
    {
        const char c = *m_p++;
        char simple = 0;
        switch (c) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'u': break;
        default: return false;
        }
        if (simple) {
            if (decode)
                m_scratch.append(simple);
            return true;
        }
        char32_t cp = 0;
        if (!hex4(cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return false; // NUL and lone low surrogates: let QJsonDocument decide
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            m_p += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (decode) {
            const QString s = QString::fromUcs4(&cp, 1);
            m_scratch.append(s.toUtf8());
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
    QByteArray m_scratch;
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
