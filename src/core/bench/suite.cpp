#include "bench/suite.h"

#include "protocol/translate.h"
#include "json/json_source.h"

#include <QFile>
#include <QSet>

#include <cmath>

namespace gw {

namespace {

const QStringList kKnownMembers = {u"name"_qs, u"messages"_qs, u"reasoning"_qs, u"provider"_qs};
const QStringList kMessageRoles = {u"system"_qs, u"developer"_qs, u"user"_qs, u"assistant"_qs, u"tool"_qs};
// The largest reasoning budget a prompt may ask for: 2^31 - 1, the gateways' integer fields.
constexpr qint64 kMaxReasoningTokens = 2147483647;
const QStringList kEfforts = {u"none"_qs, u"minimal"_qs, u"low"_qs, u"medium"_qs, u"high"_qs, u"xhigh"_qs, u"max"_qs};

// Validates one suite line already parsed as JSON; appends problems located by `source`.
class LineChecker {
public:
    LineChecker(const JsonSource &source, const QString &fileName, int line, Diagnostics &problems)
        : m_source(source), m_file(fileName), m_line(line), m_problems(problems)
    {
    }

    std::optional<PromptCase> check()
    {
        if (!m_source.root.isObject()) {
            fail(QString(), u"expected an object, found "_qs + jsonTypeName(m_source.root));
            return std::nullopt;
        }
        const QJsonObject object = m_source.root.toObject();
        const qsizetype before = m_problems.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!kKnownMembers.contains(it.key()))
                fail(jsonPointerChild(QString(), it.key()),
                     u"unknown member (expected name, messages, reasoning, provider)"_qs, AtKey);
        }
        PromptCase prompt;
        prompt.line = m_line;
        const QJsonValue name = object.value(u"name");
        if (!name.isString() || name.toString().trimmed().isEmpty())
            fail(u"/name"_qs, u"must be a non-empty string"_qs);
        else
            prompt.name = name.toString();
        checkMessages(object.value(u"messages"), prompt);
        checkReasoning(object.value(u"reasoning"), prompt);
        const QJsonValue provider = object.value(u"provider");
        if (provider.isObject())
            prompt.provider = provider.toObject();
        else if (!provider.isUndefined() && !provider.isNull())
            fail(u"/provider"_qs, u"must be an object, found "_qs + jsonTypeName(provider));
        if (m_problems.size() != before)
            return std::nullopt;
        return prompt;
    }

    enum Anchor { AtValue, AtKey };
    void fail(const QString &path, const QString &message, Anchor anchor = AtValue)
    {
        const JsonPosition at = anchor == AtKey ? m_source.keyPositionOf(path) : m_source.positionOf(path);
        Diagnostic d;
        d.file = m_file;
        d.line = m_line;
        d.column = at.column > 0 ? at.column : 1;
        d.path = path;
        d.message = message;
        m_problems.append(d);
    }

private:
    void checkMessages(const QJsonValue &messages, PromptCase &prompt)
    {
        if (!messages.isArray() || messages.toArray().isEmpty()) {
            fail(u"/messages"_qs, u"must be a non-empty array"_qs);
            return;
        }
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = jsonPointerChild(u"/messages"_qs, i);
            if (!list.at(i).isObject()) {
                fail(path, u"expected an object, found "_qs + jsonTypeName(list.at(i)));
                continue;
            }
            const QJsonObject message = list.at(i).toObject();
            if (!kMessageRoles.contains(message.value(u"role").toString()))
                fail(path + u"/role"_qs, u"must be one of "_qs + kMessageRoles.join(u", "_qs));
            const QJsonValue content = message.value(u"content");
            if (!content.isString() && !content.isArray())
                fail(path + u"/content"_qs,
                     u"must be a string or an array of parts, found "_qs + jsonTypeName(content));
        }
        prompt.messages = list;
    }

    // "reasoning": "low" is shorthand for {"effort": "low"}.
    void checkReasoning(const QJsonValue &reasoning, PromptCase &prompt)
    {
        if (reasoning.isUndefined() || reasoning.isNull())
            return;
        QJsonObject object;
        if (reasoning.isString()) {
            object.insert(u"effort"_qs, reasoning.toString());
        } else if (reasoning.isObject()) {
            object = reasoning.toObject();
        } else {
            fail(u"/reasoning"_qs, u"must be an object or an effort string, found "_qs + jsonTypeName(reasoning));
            return;
        }
        const QJsonValue effort = object.value(u"effort");
        if (!effort.isUndefined() && !kEfforts.contains(effort.toString())) {
            const QString path = reasoning.isString() ? u"/reasoning"_qs : u"/reasoning/effort"_qs;
            fail(path, u"must be one of "_qs + kEfforts.join(u", "_qs));
            return;
        }
        // The lexer already refuses an integer beyond 2^53; a token budget must also be a whole
        // positive number a gateway takes (a string "NaN" or 1e30 used to pass through).
        const QJsonValue maxTokens = object.value(u"max_tokens");
        if (!maxTokens.isUndefined()) {
            const double d = maxTokens.toDouble(-1);
            if (!maxTokens.isDouble() || d < 1 || d > kMaxReasoningTokens || d != std::floor(d)) {
                const QString path = u"/reasoning/max_tokens"_qs;
                fail(path, u"must be a whole number from 1 to %1, found %2"_qs.arg(kMaxReasoningTokens)
                               .arg(maxTokens.isDouble() ? QString::number(d, 'g', 17) : jsonTypeName(maxTokens)));
                return;
            }
        }
        prompt.reasoning = object;
    }

    const JsonSource &m_source;
    QString m_file;
    int m_line;
    Diagnostics &m_problems;
};

bool skippedLine(QByteArrayView line)
{
    const QByteArrayView trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith('#');
}

} // namespace

PromptSuiteParse parsePromptSuite(QByteArrayView bytes, const QString &fileName)
{
    PromptSuiteParse result;
    result.suite.fileName = fileName;
    QSet<QString> names;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QByteArrayView line = bytes.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        ++lineNumber;
        start = end + 1;
        if (skippedLine(line))
            continue;
        const JsonSource source = parseJsonSource(line, fileName);
        if (!source.ok()) {
            for (Diagnostic d : source.problems) {
                d.line = lineNumber; // the parser saw a one-line document
                result.problems.append(d);
            }
            continue;
        }
        LineChecker checker(source, fileName, lineNumber, result.problems);
        std::optional<PromptCase> prompt = checker.check();
        if (!prompt)
            continue;
        if (names.contains(prompt->name)) {
            checker.fail(u"/name"_qs,
                         u"\"%1\" is already used by another prompt; names must be unique"_qs.arg(prompt->name));
            continue;
        }
        names.insert(prompt->name);
        result.suite.cases.append(*prompt);
    }
    if (result.suite.cases.isEmpty() && !hasErrors(result.problems)) {
        Diagnostic d;
        d.file = fileName;
        d.message = u"no prompts (every line is blank or a # comment)"_qs;
        result.problems.append(d);
    }
    return result;
}

PromptSuiteParse parsePromptSuiteFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PromptSuiteParse result;
        result.suite.fileName = path;
        Diagnostic d;
        d.file = path;
        d.message = u"cannot read: "_qs + file.errorString();
        result.problems.append(d);
        return result;
    }
    return parsePromptSuite(file.readAll(), path);
}

PromptSuite singlePromptSuite(const QString &name, const QString &userMessage)
{
    PromptCase prompt;
    prompt.name = name;
    prompt.messages = QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, userMessage}}};
    return PromptSuite{QString(), {prompt}};
}

PromptSuite withDefaults(PromptSuite suite, const QJsonObject &reasoning, const QJsonObject &provider)
{
    for (PromptCase &prompt : suite.cases) {
        if (prompt.reasoning.isEmpty())
            prompt.reasoning = reasoning;
        if (prompt.provider.isEmpty())
            prompt.provider = provider;
    }
    return suite;
}

QList<BenchCase> expandBatch(const QStringList &openrouterModels, const PromptSuite &suite, int repeat,
                             const RoutingConfig &config)
{
    repeat = std::max(repeat, 1);
    QList<BenchCase> cases;
    cases.reserve(openrouterModels.size() * suite.cases.size() * repeat);
    for (const QString &model : openrouterModels) {
        std::optional<QString> vercel;
        const auto entry = config.models.constFind(model);
        if (entry != config.models.cend() && entry->vercel && !entry->vercel->isEmpty())
            vercel = entry->vercel;
        for (int prompt = 0; prompt < suite.cases.size(); ++prompt) {
            for (int rep = 0; rep < repeat; ++rep) {
                BenchCase c;
                c.index = int(cases.size());
                c.openrouterModel = model;
                c.vercelModel = vercel;
                c.promptIndex = prompt;
                c.repetition = rep;
                cases.append(c);
            }
        }
    }
    return cases;
}

BenchRequest requestFor(const BenchCase &benchCase, Gateway gateway, const PromptSuite &suite,
                        const RoutingConfig &config, bool streaming)
{
    BenchRequest out;
    if (benchCase.promptIndex < 0 || benchCase.promptIndex >= suite.cases.size()) {
        out.runnable = false;
        return out;
    }
    const PromptCase &prompt = suite.cases.at(benchCase.promptIndex);
    QJsonObject body{{u"model"_qs, benchCase.openrouterModel}, {u"messages"_qs, prompt.messages}};
    if (streaming)
        body.insert(u"stream"_qs, true);
    if (!prompt.reasoning.isEmpty())
        body.insert(u"reasoning"_qs, prompt.reasoning);
    if (!prompt.provider.isEmpty())
        body.insert(u"provider"_qs, prompt.provider);
    if (gateway == Gateway::OpenRouter) {
        out.body = body;
        return out;
    }
    if (!benchCase.vercelModel) {
        out.runnable = false;
        return out;
    }
    TranslationResult translated = translateToVercel(body, config);
    // The case's mapping is authoritative even when the config passed here lacks the entry.
    translated.request.insert(u"model"_qs, *benchCase.vercelModel);
    translated.warnings.removeIf([](const QString &w) { return w.startsWith(u"/model:"); });
    out.body = translated.request;
    out.warnings = translated.warnings;
    return out;
}

} // namespace gw
