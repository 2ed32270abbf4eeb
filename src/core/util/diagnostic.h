#pragma once
// One problem found in an input file, located by JSON path and by line and column, printed as
// "routing.json:14:22: /rules/2/action/vercel_share: 130 is above 100".

#include <QList>
#include <QString>

namespace gw {

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based, in characters
    QString path;   // JSON pointer, e.g. "/rules/2/action"; empty for the whole document
    QString message;

    bool isError() const { return severity == Severity::Error; }
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
QString joinDiagnostics(const Diagnostics &diagnostics); // one per line

} // namespace gw
