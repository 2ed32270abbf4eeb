#pragma once
// The one JSON serialisation every export uses, so that two exports of the same config are
// byte-identical and diffs in review show only real changes:
//  - object members sorted by name (Unicode code point order), 2-space indent, "\n" line ends,
//    a trailing newline, empty containers as {} and [];
//  - numbers: integral values below 2^53 without a fraction ("3", not "3.0"), others as the
//    shortest decimal that reads back to the same double ("2.5", "0.001", "0.0008"); the
//    exponent form only below 1e-6 or from 1e21 on;
//  - strings: UTF-8, escaping only '"', '\\' and control characters.

#include <QByteArray>
#include <QJsonValue>

namespace gw {

QByteArray canonicalJson(const QJsonValue &value);
QByteArray canonicalNumber(double value);

// Lower-case hex SHA-256 of the given bytes.
QString sha256Hex(QByteArrayView bytes);

} // namespace gw
