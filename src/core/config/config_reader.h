#pragma once
// Internal to config loading (config_load.cpp, config_sections.cpp): the reader that walks a parsed
// config document and fills a RoutingConfig.

#include "config/config_io.h"
#include "json/canonical_json.h"
#include "json/json_source.h"

#include <QJsonArray>

#include <cmath>
#include <optional>

namespace gw::config_detail {

inline QString showNumber(double v)
{
    return QString::fromLatin1(canonicalNumber(v));
}

// True when v is exactly the double nearest to some n/1000, i.e. what "2.675" parses to. Division
// is correctly rounded, so this accepts every three-decimal literal and nothing finer.
inline bool hasAtMostThreeDecimals(double v)
{
    return milliToShare(shareToMilli(v)) == v;
}

// Walks the parsed document and fills the config, collecting every problem rather than stopping
// at the first, so one run of `gatewayctl validate` shows the whole list.
class ConfigReader {
public:
    ConfigReader(const JsonSource &source, const QString &file, Diagnostics &out)
        : m_source(source), m_file(file), m_out(out)
    {
    }

    void read(RoutingConfig &cfg);

    void warning(const QString &pointer, const QString &message)
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out.append({Diagnostic::Severity::Warning, m_file, p.line, p.column, pointer, message});
    }

private:
    void error(const QString &pointer, const QString &message)
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out.append({Diagnostic::Severity::Error, m_file, p.line, p.column, pointer, message});
    }

    void checkKeys(const QJsonObject &object, const QString &pointer, std::initializer_list<QStringView> allowed)
    {
        QStringList allowedList;
        for (QStringView a : allowed)
            allowedList << a.toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (allowedList.contains(it.key()))
                continue;
            const QString child = jsonPointerChild(pointer, it.key());
            const JsonPosition p = m_source.keyPositionOf(child);
            m_out.append({Diagnostic::Severity::Error, m_file, p.line, p.column, child,
                          u"unknown member \"%1\" (allowed here: %2)"_qs.arg(it.key(), allowedList.join(u", "_qs))});
        }
    }

    // Each accessor returns nothing when the member is absent (the default stays) or wrong
    // (after reporting it).
    std::optional<QJsonValue> member(const QJsonObject &o, const QString & /*pointer*/, QStringView name)
    {
        const auto it = o.constFind(name.toString());
        if (it == o.constEnd())
            return std::nullopt;
        return *it;
    }

    bool expectType(const QJsonValue &v, QJsonValue::Type type, const QString &pointer, const QString &what)
    {
        if (v.type() == type)
            return true;
        error(pointer, u"expected %1, found %2"_qs.arg(what, jsonTypeName(v)));
        return false;
    }

    std::optional<QJsonObject> object(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::Object, pointer, u"an object"_qs))
            return std::nullopt;
        return v->toObject();
    }

    std::optional<bool> boolean(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        if (!v || !expectType(*v, QJsonValue::Bool, jsonPointerChild(parent, name), u"true or false"_qs))
            return std::nullopt;
        return v->toBool();
    }

    std::optional<QString> string(const QJsonObject &o, const QString &parent, QStringView name, bool allowEmpty)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::String, pointer, u"a string"_qs))
            return std::nullopt;
        if (!allowEmpty && v->toString().isEmpty()) {
            error(pointer, u"must not be empty"_qs);
            return std::nullopt;
        }
        return v->toString();
    }

    std::optional<double> number(const QJsonValue &v, const QString &pointer, double min, double max)
    {
        if (!expectType(v, QJsonValue::Double, pointer, u"a number"_qs))
            return std::nullopt;
        const double d = v.toDouble();
        if (d < min) {
            error(pointer, u"%1 is below %2"_qs.arg(showNumber(d), showNumber(min)));
            return std::nullopt;
        }
        if (d > max) {
            error(pointer, u"%1 is above %2"_qs.arg(showNumber(d), showNumber(max)));
            return std::nullopt;
        }
        return d;
    }

    std::optional<qint64> integer(const QJsonObject &o, const QString &parent, QStringView name, qint64 min, qint64 max)
    {
        const auto v = member(o, parent, name);
        if (!v)
            return std::nullopt;
        return integerValue(*v, jsonPointerChild(parent, name), min, max);
    }

    std::optional<qint64> integerValue(const QJsonValue &v, const QString &pointer, qint64 min, qint64 max)
    {
        const auto d = number(v, pointer, double(min), double(max));
        if (!d)
            return std::nullopt;
        if (std::floor(*d) != *d) {
            error(pointer, u"%1 is not a whole number"_qs.arg(showNumber(*d)));
            return std::nullopt;
        }
        return qint64(*d);
    }

    std::optional<double> share(const QJsonValue &v, const QString &pointer)
    {
        const auto d = number(v, pointer, 0, 100);
        if (d && !hasAtMostThreeDecimals(*d)) {
            error(pointer, u"%1 has more than 3 decimals (shares step by 0.001)"_qs.arg(showNumber(*d)));
            return std::nullopt;
        }
        return d;
    }

    std::optional<QDateTime> timestamp(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto s = string(o, parent, name, false);
        if (!s)
            return std::nullopt;
        auto when = parseRfc3339(*s); // not const: returned by move
        if (!when)
            error(jsonPointerChild(parent, name),
                  u"\"%1\" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z"_qs.arg(*s));
        return when;
    }

    // A non-empty array of non-empty, distinct strings.
    std::optional<QStringList> stringList(const QJsonObject &o, const QString &parent, QStringView name)
    {
        const auto v = member(o, parent, name);
        const QString pointer = jsonPointerChild(parent, name);
        if (!v || !expectType(*v, QJsonValue::Array, pointer, u"an array of strings"_qs))
            return std::nullopt;
        const QJsonArray array = v->toArray();
        if (array.isEmpty()) {
            error(pointer, u"must not be empty (leave the member out instead)"_qs);
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPointer = jsonPointerChild(pointer, i);
            if (!expectType(array.at(i), QJsonValue::String, itemPointer, u"a string"_qs)) {
                ok = false;
                continue;
            }
            const QString item = array.at(i).toString();
            if (item.isEmpty()) {
                error(itemPointer, u"must not be empty"_qs);
                ok = false;
            } else if (out.contains(item)) {
                error(itemPointer, u"\"%1\" is listed twice"_qs.arg(item));
                ok = false;
            }
            out << item;
        }
        return ok ? std::optional(out) : std::nullopt;
    }

    // The sections, in config_sections.cpp.
    void readGateways(const QJsonObject &root, RoutingConfig &cfg);
    void readDefaultShare(const QJsonObject &root, RoutingConfig &cfg);
    void readRules(const QJsonObject &root, RoutingConfig &cfg);
    bool readRule(const QJsonObject &o, const QString &pointer, Rule &rule);
    void readMatch(const QJsonObject &o, const QString &pointer, RuleMatch &match);
    void readAction(const QJsonObject &o, const QString &pointer, RuleAction &action);
    void readFailover(const QJsonObject &root, RoutingConfig &cfg);
    void readModels(const QJsonObject &root, RoutingConfig &cfg);
    void readProviders(const QJsonObject &root, RoutingConfig &cfg);

    const JsonSource &m_source;
    QString m_file;
    Diagnostics &m_out;
};

} // namespace gw::config_detail
