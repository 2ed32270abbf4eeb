#include "util/diagnostic.h"

#include <algorithm>

namespace gw {

QString Diagnostic::toString() const
{
    QString out = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0)
        out += u':' + QString::number(line) + u':' + QString::number(column);
    out += u": "_qs;
    if (severity == Severity::Warning)
        out += u"warning: "_qs;
    if (!path.isEmpty())
        out += path + u": "_qs;
    return out + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

QString joinDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    lines.reserve(diagnostics.size());
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace gw
