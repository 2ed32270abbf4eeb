#include "config/config_io.h"

#include "config/config_reader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace gw {

using config_detail::ConfigReader;

namespace config_detail {

void ConfigReader::read(RoutingConfig &cfg)
{
    if (!m_source.root.isObject()) {
        error(QString(), u"the config must be a JSON object, found "_qs + jsonTypeName(m_source.root));
        return;
    }
    const QJsonObject root = m_source.root.toObject();
    checkKeys(root, QString(),
              {u"schema_version", u"revision", u"updated_at", u"updated_by", u"note", u"cohort", u"sticky_key",
               u"gateways", u"default_share", u"rules", u"failover", u"models", u"providers", u"content_sha256"});

    if (!root.contains(u"schema_version")) {
        error(QString(), u"missing required member \"schema_version\""_qs);
    } else if (const auto v = integer(root, QString(), u"schema_version", 0, 1000000)) {
        if (*v != 1)
            error(u"/schema_version"_qs, u"unsupported schema version %1 (this build reads version 1)"_qs.arg(*v));
    }
    if (const auto v = integer(root, QString(), u"revision", 0, 9007199254740991LL))
        cfg.revision = *v;
    if (const auto v = timestamp(root, QString(), u"updated_at"))
        cfg.updatedAt = v;
    if (const auto v = string(root, QString(), u"updated_by", true))
        cfg.updatedBy = *v;
    if (const auto v = string(root, QString(), u"note", true))
        cfg.note = *v;
    if (const auto v = string(root, QString(), u"cohort", false))
        cfg.cohort = *v;
    if (const auto v = string(root, QString(), u"sticky_key", false)) {
        if (const auto k = parseStickyKey(*v))
            cfg.stickyKey = *k;
        else
            error(u"/sticky_key"_qs, u"\"%1\" is not one of \"task_or_user\", \"user\""_qs.arg(*v));
    }
    readGateways(root, cfg);
    readDefaultShare(root, cfg);
    readRules(root, cfg);
    readFailover(root, cfg);
    readModels(root, cfg);
    readProviders(root, cfg);
    if (const auto v = string(root, QString(), u"content_sha256", false)) {
        static const QRegularExpression hex(u"^[0-9a-f]{64}\\z"_qs);
        if (!hex.match(*v).hasMatch())
            error(u"/content_sha256"_qs, u"must be 64 lower-case hex digits"_qs);
        else
            cfg.contentSha256 = *v;
    }
}

} // namespace config_detail

namespace {

// Every string in a config is bounded (docs/routing-contract.md, "String limits"): a 50 MB
// cohort made `simulate` hash 50 MB per synthetic user. Checked over the whole document, so a
// string in a member the reader does not know is bounded too.
void checkStringLengths(const JsonSource &source, const QString &file, const QJsonValue &value, const QString &pointer,
                        bool isNote, Diagnostics &out)
{
    auto tooLong = [&](const QString &where, JsonPosition p, qsizetype length, qsizetype limit, const QString &what) {
        out.append({Diagnostic::Severity::Error, file, p.line, p.column, where,
                    u"%1 is %2 characters long (at most %3)"_qs.arg(what).arg(length).arg(limit)});
    };
    if (value.isString()) {
        const qsizetype limit = isNote ? kConfigMaxNoteChars : kConfigMaxStringChars;
        const qsizetype length = value.toString().size();
        if (length > limit)
            tooLong(pointer, source.positionOf(pointer), length, limit, isNote ? u"the note"_qs : u"the string"_qs);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkStringLengths(source, file, array.at(i), jsonPointerChild(pointer, i), false, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = jsonPointerChild(pointer, it.key());
            if (it.key().size() > kConfigMaxStringChars)
                tooLong(child, source.keyPositionOf(child), it.key().size(), kConfigMaxStringChars,
                        u"the member name"_qs);
            else
                checkStringLengths(source, file, it.value(), child, it.key() == u"note", out);
        }
    }
}

} // namespace

ConfigLoadResult loadConfig(QByteArrayView bytes, const QString &fileName)
{
    ConfigLoadResult result;
    const JsonSource source = parseJsonSource(bytes, fileName);
    result.diagnostics = source.problems;
    if (source.root.isUndefined())
        return result;
    RoutingConfig cfg;
    checkStringLengths(source, fileName, source.root, QString(), false, result.diagnostics);
    ConfigReader reader(source, fileName, result.diagnostics);
    if (!hasErrors(result.diagnostics))
        reader.read(cfg); // not over strings too long to read (a 50 MB id in every message)
    // The reader visits sections in a fixed order; report in the order of the text.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    if (hasErrors(result.diagnostics))
        return result;
    if (!cfg.contentSha256.isEmpty()) {
        const QString actual = configContentHash(cfg);
        if (actual != cfg.contentSha256) {
            result.hashMismatch = true;
            reader.warning(u"/content_sha256"_qs,
                           u"does not match the content (expected %1): the file was edited after export; "
                           "review it before trusting it"_qs.arg(actual));
        }
    }
    result.config = cfg;
    return result;
}

ConfigLoadResult loadConfigFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.diagnostics.append(
            {Diagnostic::Severity::Error, path, 0, 0, QString(), u"cannot read the file: "_qs + file.errorString()});
        return result;
    }
    return loadConfig(file.readAll(), path.isEmpty() ? name : path);
}

} // namespace gw