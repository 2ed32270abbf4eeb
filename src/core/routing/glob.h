#pragma once
// Model-id globs in rule matches: '*' matches any run of characters (including '/' and none at
// all); every other character matches itself, case-sensitively. Characters that look like other
// glob syntax ('?', '[', ']', '{', '}') are rejected so nobody expects them to work.

#include <QString>

namespace gw {

bool globMatch(QStringView pattern, QStringView text);

// Empty when the pattern is valid, else the reason it is not.
QString globProblem(QStringView pattern);

} // namespace gw
