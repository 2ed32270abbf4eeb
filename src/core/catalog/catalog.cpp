#include "catalog/catalog.h"

#include "json/json_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace gw {

namespace {

// Collects problems about one document, located by JSON pointer and by line:column.
class ProblemLog {
public:
    ProblemLog(const JsonSource &source, const QString &file, Diagnostics &out)
        : m_source(source), m_file(file), m_out(out)
    {
    }

    void error(const QString &pointer, const QString &message) { add(Diagnostic::Severity::Error, pointer, message); }
    void warning(const QString &pointer, const QString &message)
    {
        add(Diagnostic::Severity::Warning, pointer, message);
    }

private:
    void add(Diagnostic::Severity severity, const QString &pointer, const QString &message)
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out.append({severity, m_file, p.line, p.column, pointer, message});
    }
    const JsonSource &m_source;
    const QString &m_file;
    Diagnostics &m_out;
};

// Reads an optional field: absent or null is "unknown" (no problem), a wrong type is a warning.
class ItemReader {
public:
    ItemReader(const QJsonObject &item, const QString &pointer, ProblemLog &log)
        : m_item(item), m_pointer(pointer), m_log(log)
    {
    }

    QJsonValue at(QStringView path) const
    {
        QJsonValue v = m_item;
        for (QStringView part : path.split(u'/'))
            v = v.toObject().value(part);
        return v;
    }

    qint64 count(QStringView path) const
    {
        const QJsonValue v = at(path);
        if (v.isUndefined() || v.isNull())
            return 0;
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 9.0e15) {
            warn(path, u"expected a non-negative number, found %1; treated as unknown"_qs.arg(jsonTypeName(v)));
            return 0;
        }
        return qint64(v.toDouble());
    }

    // USD per token. Absent/null: not listed. Negative ("-1": varies by route): unknown.
    std::optional<double> price(QStringView path) const
    {
        const QJsonValue v = at(path);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const auto p = parsePrice(v);
        if (!p)
            warn(path, u"price is not a decimal number (%1); treated as unknown"_qs.arg(
                           v.isString() ? v.toString() : jsonTypeName(v)));
        else if (*p < 0)
            return std::nullopt;
        return p;
    }

    QStringList strings(QStringView path) const
    {
        const QJsonValue v = at(path);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            warn(path, u"expected an array of strings, found %1; ignored"_qs.arg(jsonTypeName(v)));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).isString())
                out << a.at(i).toString();
            else
                warn(path, u"element %1 is %2, not a string; ignored"_qs.arg(i).arg(jsonTypeName(a.at(i))));
        }
        return out;
    }

    QString string(QStringView path) const
    {
        const QJsonValue v = at(path);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            warn(path, u"expected a string, found %1; ignored"_qs.arg(jsonTypeName(v)));
        return v.toString();
    }

private:
    void warn(QStringView path, const QString &message) const
    {
        m_log.warning(m_pointer + u'/' + path.toString(), message);
    }
    const QJsonObject &m_item;
    const QString &m_pointer;
    ProblemLog &m_log;
};

void readOpenRouterModel(const ItemReader &r, CatalogModel &m)
{
    m.contextLength = r.count(u"context_length");
    if (m.contextLength == 0)
        m.contextLength = r.count(u"top_provider/context_length");
    m.maxOutputTokens = r.count(u"top_provider/max_completion_tokens");
    const auto prompt = r.price(u"pricing/prompt");
    const auto completion = r.price(u"pricing/completion");
    m.hasPricing = prompt && completion;
    m.pricePromptPerToken = prompt.value_or(0);
    m.priceCompletionPerToken = completion.value_or(0);
    m.priceCacheRead = r.price(u"pricing/input_cache_read").value_or(0);
    m.priceCacheWrite = r.price(u"pricing/input_cache_write").value_or(0);
    m.tags = r.strings(u"supported_parameters");
    m.reasoning = m.tags.contains(u"reasoning"_qs);
    m.tools = m.tags.contains(u"tools"_qs);
    m.ownedBy = m.id.section(u'/', 0, 0);
}

void readVercelModel(const ItemReader &r, CatalogModel &m)
{
    m.contextLength = r.count(u"context_window");
    m.maxOutputTokens = r.count(u"max_tokens");
    const auto input = r.price(u"pricing/input");
    const auto output = r.price(u"pricing/output");
    m.hasPricing = input && output;
    m.pricePromptPerToken = input.value_or(0);
    m.priceCompletionPerToken = output.value_or(0);
    m.priceCacheRead = r.price(u"pricing/input_cache_read").value_or(0);
    m.priceCacheWrite = r.price(u"pricing/input_cache_write").value_or(0);
    m.tags = r.strings(u"tags");
    m.reasoning = m.tags.contains(u"reasoning"_qs);
    m.tools = m.tags.contains(u"tool-use"_qs);
    m.ownedBy = r.string(u"owned_by");
    if (m.ownedBy.isEmpty())
        m.ownedBy = m.id.section(u'/', 0, 0);
}

// The list of items: {"data": [...]} as both gateways answer, or a bare array (trimmed copies).
std::optional<QJsonArray> itemsOf(const JsonSource &source, QString &pointer)
{
    if (source.root.isArray()) {
        pointer = QString();
        return source.root.toArray();
    }
    const QJsonValue data = source.root.toObject().value(u"data");
    pointer = u"/data"_qs;
    if (data.isArray())
        return data.toArray();
    return std::nullopt;
}

// Severity of the parser's own problems: a duplicate key does not make the catalog unusable.
void adoptParserProblems(const JsonSource &source, Diagnostics &out)
{
    for (Diagnostic d : source.problems) {
        if (!source.root.isUndefined())
            d.severity = Diagnostic::Severity::Warning;
        out.append(d);
    }
}

} // namespace

const CatalogModel *Catalog::find(const QString &id) const
{
    const auto it = index.constFind(id);
    return it == index.cend() ? nullptr : &models.at(*it);
}

std::optional<double> parsePrice(const QJsonValue &value)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble()) ? std::optional<double>(value.toDouble()) : std::nullopt;
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const double d = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

CatalogParseResult parseCatalog(Gateway gateway, QByteArrayView bytes, const QString &fileName)
{
    CatalogParseResult result;
    result.catalog.gateway = gateway;
    const JsonSource source = parseJsonSource(bytes, fileName);
    adoptParserProblems(source, result.problems);
    if (source.root.isUndefined())
        return result;
    ProblemLog log(source, fileName, result.problems);
    QString listPointer;
    const auto items = itemsOf(source, listPointer);
    if (!items) {
        log.error(QString(), u"not a model list: expected {\"data\": [...]} or an array"_qs);
        return result;
    }

    for (qsizetype i = 0; i < items->size(); ++i) {
        const QString pointer = jsonPointerChild(listPointer, i);
        const QJsonValue value = items->at(i);
        if (!value.isObject()) {
            log.error(pointer, u"model entry is %1, not an object; skipped"_qs.arg(jsonTypeName(value)));
            continue;
        }
        const QJsonObject item = value.toObject();
        const QJsonValue id = item.value(u"id");
        if (!id.isString() || id.toString().isEmpty()) {
            log.error(pointer + u"/id"_qs, u"model without a usable id (%1); skipped"_qs.arg(jsonTypeName(id)));
            continue;
        }
        CatalogModel m;
        m.id = id.toString();
        ItemReader reader(item, pointer, log);
        if (gateway == Gateway::Vercel) {
            // The 2025 catalog predates `type`: every model in it was a language model.
            const QString type = reader.string(u"type");
            if (!type.isEmpty() && type != u"language") {
                ++result.catalog.skippedNonLanguage;
                continue;
            }
            readVercelModel(reader, m);
        } else {
            readOpenRouterModel(reader, m);
        }
        m.name = reader.string(u"name");
        if (m.name.isEmpty())
            m.name = m.id;
        if (result.catalog.index.contains(m.id)) {
            log.warning(pointer + u"/id"_qs, u"duplicate model id \"%1\"; the first entry is kept"_qs.arg(m.id));
            continue;
        }
        result.catalog.index.insert(m.id, int(result.catalog.models.size()));
        result.catalog.models.append(m);
    }
    return result;
}

CatalogParseResult parseCatalogFile(Gateway gateway, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CatalogParseResult result;
        result.catalog.gateway = gateway;
        result.problems.append(
            {Diagnostic::Severity::Error, path, 0, 0, QString(), u"cannot read: "_qs + file.errorString()});
        return result;
    }
    return parseCatalog(gateway, file.readAll(), path);
}

std::optional<double> estimateCostUsd(const CatalogModel &model, const TokenUsage &usage)
{
    if (!model.hasPricing)
        return std::nullopt;
    // prompt counts every input token; the cached and cache-written ones are priced separately.
    const qint64 uncached = std::max<qint64>(0, usage.prompt - usage.cachedRead - usage.cacheWrite);
    const double readPrice = model.priceCacheRead > 0 ? model.priceCacheRead : model.pricePromptPerToken;
    const double writePrice = model.priceCacheWrite > 0 ? model.priceCacheWrite : model.pricePromptPerToken;
    const double cost = double(uncached) * model.pricePromptPerToken + double(usage.cachedRead) * readPrice
                        + double(usage.cacheWrite) * writePrice
                        + double(usage.completion) * model.priceCompletionPerToken;
    // An absurd price ("1e308" per token, found by fuzzing) overflows: unknown, not infinite.
    return std::isfinite(cost) ? std::optional<double>(cost) : std::nullopt;
}

} // namespace gw
