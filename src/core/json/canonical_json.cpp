#include "json/canonical_json.h"

#include "util/sha256.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace gw {
namespace {

void appendString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void appendIndent(QByteArray &out, int depth)
{
    out.append(QByteArray(2 * depth, ' '));
}

void appendValue(QByteArray &out, const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: out += canonicalNumber(value.toDouble()); break;
    case QJsonValue::String: appendString(out, value.toString()); break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            appendIndent(out, depth + 1);
            appendValue(out, array.at(i), depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        appendIndent(out, depth);
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            break;
        }
        // QJsonObject orders keys by UTF-16 code units; canonical order is by code point, which
        // differs only for characters beyond the BMP, so sort explicitly.
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUcs4() < b.toUcs4(); });
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            appendIndent(out, depth + 1);
            appendString(out, keys.at(i));
            out += ": ";
            appendValue(out, object.value(keys.at(i)), depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        appendIndent(out, depth);
        out += '}';
        break;
    }
    }
}

} // namespace

QByteArray canonicalNumber(double value)
{
    if (!std::isfinite(value))
        return "null"; // JSON has no NaN or infinity; validation never lets one through
    if (value == 0)
        return "0"; // also folds -0
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(value));
    // Plain decimals between 1e-6 and 1e21, as ECMAScript (and so JSON.stringify) writes them;
    // the exponent form only outside that range. Either way the shortest digits that read back.
    char buffer[64];
    const double magnitude = std::fabs(value);
    const auto format =
        magnitude >= 1e-6 && magnitude < 1e21 ? std::chars_format::fixed : std::chars_format::scientific;
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value, format);
    Q_ASSERT(ec == std::errc());
    return QByteArray(buffer, end - buffer);
}

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    appendValue(out, value, 0);
    out += '\n';
    return out;
}

QString sha256Hex(QByteArrayView bytes)
{
    const Sha256Digest digest = sha256(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest.data()), 32).toHex());
}

} // namespace gw
