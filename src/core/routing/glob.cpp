#include "routing/glob.h"

namespace gw {

bool globMatch(QStringView pattern, QStringView text)
{
    // Greedy match with one backtrack point (the last '*'): linear in practice, and never
    // exponential because a later '*' supersedes the earlier backtrack point.
    qsizetype p = 0, t = 0;
    qsizetype starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

QString globProblem(QStringView pattern)
{
    if (pattern.isEmpty())
        return u"bad glob: empty pattern"_qs;
    for (QChar c : pattern) {
        if (c.isSpace())
            return u"bad glob \"%1\": white space in a model id pattern"_qs.arg(pattern);
        if (c == u'?' || c == u'[' || c == u']' || c == u'{' || c == u'}')
            return u"bad glob \"%1\": '%2' is not supported (only '*' is special)"_qs.arg(pattern).arg(c);
    }
    return QString();
}

} // namespace gw
