#pragma once
// A strict JSON parser (RFC 8259) that remembers where every value and member key stands in the
// text, so validation can name the line and column of a bad value. It also reports duplicate
// member names, which QJsonDocument silently collapses.

#include "util/diagnostic.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonValue>

namespace gw {

struct JsonPosition {
    int line = 0;
    int column = 0;
};

struct JsonSource {
    QJsonValue root{QJsonValue::Undefined};      // stays undefined after a syntax error
    QHash<QString, JsonPosition> valuePositions; // JSON pointer -> where the value starts
    QHash<QString, JsonPosition> keyPositions;   // JSON pointer of a member -> where its name starts
    Diagnostics problems;                        // syntax error (root is then undefined), duplicate keys
    bool ok() const { return !hasErrors(problems); }

    // The best position for a diagnostic about `pointer`: the value, else its key, else the
    // nearest ancestor that has one.
    JsonPosition positionOf(const QString &pointer) const;
    JsonPosition keyPositionOf(const QString &pointer) const;
};

JsonSource parseJsonSource(QByteArrayView utf8, const QString &fileName);

// "a string", "an object", ... for messages like "expected a number, found a string";
// "nothing" for an absent value.
QString jsonTypeName(const QJsonValue &value);

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
QString jsonPointerToken(QStringView name);
QString jsonPointerChild(const QString &parent, QStringView name);
QString jsonPointerChild(const QString &parent, qsizetype index);

} // namespace gw
