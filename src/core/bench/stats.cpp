#include "bench/stats.h"

#include <QCoreApplication>

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gw {

// The parity flags' sentences are read by people in the app and in `gatewayctl bench-prompts`:
// one wording, translated in the app under this context.
class ParityText {
    Q_DECLARE_TR_FUNCTIONS(gw::ParityText)
};

namespace {

bool hasReasoning(const BenchResult &r)
{
    return !r.response.reasoning.trimmed().isEmpty();
}

bool hasText(const BenchResult &r)
{
    return !r.response.text.trimmed().isEmpty();
}

bool costReported(const BenchResult &r)
{
    return r.response.costSource == CostSource::Reported || r.response.costSource == CostSource::Generation;
}

// Trims trailing zeros so costs print as "0.000123", never in exponent notation.
QString decimal(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

QString optionalDecimal(const std::optional<double> &value, int decimals)
{
    return value ? decimal(*value, decimals) : QString();
}

QString msField(double ms)
{
    return ms < 0 ? QString() : decimal(ms, 1);
}

QJsonValue jsonOptional(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(u',') + u"\r\n"_qs;
}

} // namespace

ParityFlags parityFlags(const BenchResult &openrouter, const BenchResult &vercel)
{
    if (openrouter.skipped || vercel.skipped)
        return ParityFlags(ParityFlag::None);
    ParityFlags flags = 0;
    const auto set = [&flags](ParityFlag f) { flags |= ParityFlags(f); };
    if (openrouter.ok() != vercel.ok())
        set(ParityFlag::ErrorOneSide);
    const bool bothOk = openrouter.ok() && vercel.ok();
    if (bothOk && hasReasoning(openrouter) != hasReasoning(vercel))
        set(ParityFlag::ReasoningMissing);
    if ((openrouter.ok() && !costReported(openrouter)) || (vercel.ok() && !costReported(vercel)))
        set(ParityFlag::CostNotReported);
    if (openrouter.ttftMs >= 0 && vercel.ttftMs >= 0) {
        const qint64 slow = std::max(openrouter.ttftMs, vercel.ttftMs);
        const qint64 fast = std::min(openrouter.ttftMs, vercel.ttftMs);
        if (double(slow) >= kSlowerTtftFactor * double(fast) && slow - fast >= kSlowerTtftMinMs)
            set(ParityFlag::SlowerTtft);
    }
    if ((openrouter.ok() && !hasText(openrouter)) || (vercel.ok() && !hasText(vercel)))
        set(ParityFlag::EmptyAnswer);
    if (bothOk && openrouter.response.finishReason != vercel.response.finishReason)
        set(ParityFlag::FinishReasonDiffers);
    return flags;
}

QHash<int, ParityFlags> parityByCase(const QList<BenchResult> &results)
{
    QHash<int, const BenchResult *> openrouter;
    QHash<int, const BenchResult *> vercel;
    for (const BenchResult &r : results)
        (r.gateway == Gateway::OpenRouter ? openrouter : vercel).insert(r.caseIndex, &r);
    QHash<int, ParityFlags> flags;
    for (auto it = openrouter.cbegin(); it != openrouter.cend(); ++it) {
        if (const BenchResult *other = vercel.value(it.key()))
            flags.insert(it.key(), parityFlags(*it.value(), *other));
    }
    return flags;
}

const QList<ParityFlag> &allParityFlags()
{
    static const QList<ParityFlag> flags = {ParityFlag::ReasoningMissing, ParityFlag::CostNotReported,
                                            ParityFlag::SlowerTtft,       ParityFlag::ErrorOneSide,
                                            ParityFlag::EmptyAnswer,      ParityFlag::FinishReasonDiffers};
    return flags;
}

QString parityFlagName(ParityFlag flag)
{
    switch (flag) {
    case ParityFlag::None: return u"none"_qs;
    case ParityFlag::ReasoningMissing: return u"reasoning_missing"_qs;
    case ParityFlag::CostNotReported: return u"cost_not_reported"_qs;
    case ParityFlag::SlowerTtft: return u"slower_ttft"_qs;
    case ParityFlag::ErrorOneSide: return u"error_one_side"_qs;
    case ParityFlag::EmptyAnswer: return u"empty_answer"_qs;
    case ParityFlag::FinishReasonDiffers: return u"finish_reason_differs"_qs;
    }
    return QString();
}

QString parityFlagDescription(ParityFlag flag)
{
    switch (flag) {
    case ParityFlag::None: return ParityText::tr("No difference worth attention.");
    case ParityFlag::ReasoningMissing: return ParityText::tr("Reasoning came back on one gateway only.");
    case ParityFlag::CostNotReported: return ParityText::tr("A gateway reported no cost; an estimate stands in.");
    case ParityFlag::SlowerTtft: return ParityText::tr("One gateway's time to first token is much slower.");
    case ParityFlag::ErrorOneSide: return ParityText::tr("One gateway failed, the other did not.");
    case ParityFlag::EmptyAnswer: return ParityText::tr("A gateway answered with no text.");
    case ParityFlag::FinishReasonDiffers: return ParityText::tr("The gateways ended for different reasons.");
    }
    return QString();
}

QStringList parityFlagNames(ParityFlags flags)
{
    QStringList names;
    for (ParityFlag f : allParityFlags()) {
        if (flags & ParityFlags(f))
            names << parityFlagName(f);
    }
    return names;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const auto lower = qsizetype(std::floor(rank));
    const auto upper = qsizetype(std::ceil(rank));
    const double fraction = rank - double(lower);
    return values.at(lower) + (values.at(upper) - values.at(lower)) * fraction;
}

std::optional<double> effectiveCostUsd(const BenchResult &result)
{
    if (result.billedCostUsd)
        return result.billedCostUsd;
    if (result.response.costUsd)
        return result.response.costUsd;
    return result.estimatedCostUsd;
}

std::optional<double> runTokensPerSecond(const BenchResult &r)
{
    const qint64 completion = r.response.usage.completion;
    if (!r.ok() || completion <= 0 || r.totalMs <= 0)
        return std::nullopt;
    const qint64 streamingMs = r.ttftMs >= 0 ? r.totalMs - r.ttftMs : 0;
    const qint64 windowMs = streamingMs >= kMinStreamWindowMs ? streamingMs : r.totalMs;
    return double(completion) / (double(windowMs) / 1000.0);
}

QList<BenchSummaryRow> summarize(const QList<BenchResult> &results)
{
    QStringList models;
    for (const BenchResult &r : results) {
        if (!models.contains(r.openrouterModel))
            models << r.openrouterModel;
    }
    QList<BenchSummaryRow> rows;
    for (const QString &model : models) {
        for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
            BenchSummaryRow row;
            row.openrouterModel = model;
            row.gateway = gateway;
            QList<double> ttft, total, costs, speeds;
            for (const BenchResult &r : results) {
                if (r.openrouterModel != model || r.gateway != gateway || r.skipped)
                    continue;
                ++row.runs;
                if (!r.ok())
                    continue;
                ++row.succeeded;
                if (r.ttftMs >= 0)
                    ttft << double(r.ttftMs);
                if (r.totalMs >= 0)
                    total << double(r.totalMs);
                if (const auto cost = effectiveCostUsd(r))
                    costs << *cost;
                if (const auto speed = runTokensPerSecond(r))
                    speeds << *speed;
            }
            if (row.runs == 0)
                continue;
            row.successRate = double(row.succeeded) / double(row.runs);
            row.ttftP50Ms = percentile(ttft, 50);
            row.ttftP95Ms = percentile(ttft, 95);
            row.totalP50Ms = percentile(total, 50);
            row.totalP95Ms = percentile(total, 95);
            if (!costs.isEmpty())
                row.meanCostUsd = std::accumulate(costs.begin(), costs.end(), 0.0) / double(costs.size());
            if (!speeds.isEmpty())
                row.tokensPerSecond = std::accumulate(speeds.begin(), speeds.end(), 0.0) / double(speeds.size());
            rows << row;
        }
    }
    return rows;
}

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!needsQuotes)
        return text;
    QString escaped = text;
    escaped.replace(u"\""_qs, u"\"\""_qs);
    return u'"' + escaped + u'"';
}

QString summaryCsv(const QList<BenchSummaryRow> &rows)
{
    QString csv = csvLine({u"model"_qs, u"gateway"_qs, u"runs"_qs, u"succeeded"_qs, u"success_rate"_qs,
                           u"ttft_p50_ms"_qs, u"ttft_p95_ms"_qs, u"total_p50_ms"_qs, u"total_p95_ms"_qs,
                           u"mean_cost_usd"_qs, u"tokens_per_second"_qs});
    for (const BenchSummaryRow &r : rows) {
        csv +=
            csvLine({r.openrouterModel, gatewayName(r.gateway), QString::number(r.runs), QString::number(r.succeeded),
                     decimal(r.successRate, 4), msField(r.ttftP50Ms), msField(r.ttftP95Ms), msField(r.totalP50Ms),
                     msField(r.totalP95Ms), optionalDecimal(r.meanCostUsd, 8), optionalDecimal(r.tokensPerSecond, 1)});
    }
    return csv;
}

QString resultsCsv(const QList<BenchResult> &results)
{
    const QHash<int, ParityFlags> flags = parityByCase(results);
    QString csv = csvLine({u"case"_qs,
                           u"prompt"_qs,
                           u"model"_qs,
                           u"gateway"_qs,
                           u"gateway_model"_qs,
                           u"repetition"_qs,
                           u"started_at"_qs,
                           u"status"_qs,
                           u"http_status"_qs,
                           u"error_class"_qs,
                           u"error_code"_qs,
                           u"error_message"_qs,
                           u"ttft_ms"_qs,
                           u"total_ms"_qs,
                           u"tokens_prompt"_qs,
                           u"tokens_completion"_qs,
                           u"tokens_cached"_qs,
                           u"tokens_reasoning"_qs,
                           u"cost_usd"_qs,
                           u"cost_source"_qs,
                           u"estimated_cost_usd"_qs,
                           u"billed_cost_usd"_qs,
                           u"provider"_qs,
                           u"generation_id"_qs,
                           u"finish_reason"_qs,
                           u"flags"_qs,
                           u"translation_warnings"_qs,
                           u"text"_qs,
                           u"reasoning"_qs});
    for (const BenchResult &r : results) {
        const NormalizedResponse &n = r.response;
        const QString status = r.skipped ? u"skipped: "_qs + r.skipReason : (r.ok() ? u"ok"_qs : u"error"_qs);
        csv += csvLine({QString::number(r.caseIndex),
                        r.promptName,
                        r.openrouterModel,
                        gatewayName(r.gateway),
                        r.gatewayModel,
                        QString::number(r.repetition),
                        r.startedAt.isValid() ? r.startedAt.toUTC().toString(Qt::ISODateWithMs) : QString(),
                        status,
                        r.httpStatus ? QString::number(r.httpStatus) : QString(),
                        n.error.isError() ? errorClassName(n.error.cls) : QString(),
                        n.error.code,
                        n.error.message,
                        r.ttftMs >= 0 ? QString::number(r.ttftMs) : QString(),
                        r.totalMs >= 0 ? QString::number(r.totalMs) : QString(),
                        QString::number(n.usage.prompt),
                        QString::number(n.usage.completion),
                        QString::number(n.usage.cachedRead),
                        QString::number(n.usage.reasoning),
                        optionalDecimal(n.costUsd, 8),
                        costSourceName(n.costSource),
                        optionalDecimal(r.estimatedCostUsd, 8),
                        optionalDecimal(r.billedCostUsd, 8),
                        n.finalProvider,
                        n.generationId,
                        n.finishReason,
                        parityFlagNames(flags.value(r.caseIndex)).join(u' '),
                        r.translationWarnings.join(u'\n'),
                        n.text,
                        n.reasoning});
    }
    return csv;
}

QJsonObject toJson(const BenchSummaryRow &row)
{
    return QJsonObject{
        {u"model"_qs, row.openrouterModel},
        {u"gateway"_qs, gatewayName(row.gateway)},
        {u"runs"_qs, row.runs},
        {u"succeeded"_qs, row.succeeded},
        {u"success_rate"_qs, row.successRate},
        {u"ttft_p50_ms"_qs, row.ttftP50Ms},
        {u"ttft_p95_ms"_qs, row.ttftP95Ms},
        {u"total_p50_ms"_qs, row.totalP50Ms},
        {u"total_p95_ms"_qs, row.totalP95Ms},
        {u"mean_cost_usd"_qs, jsonOptional(row.meanCostUsd)},
        {u"tokens_per_second"_qs, row.tokensPerSecond ? QJsonValue(*row.tokensPerSecond) : QJsonValue()}};
}

QJsonObject toJson(const BenchResult &result, ParityFlags flags)
{
    QJsonObject json{{u"case"_qs, result.caseIndex},
                     {u"prompt"_qs, result.promptName},
                     {u"model"_qs, result.openrouterModel},
                     {u"gateway"_qs, gatewayName(result.gateway)},
                     {u"gateway_model"_qs, result.gatewayModel},
                     {u"repetition"_qs, result.repetition},
                     {u"skipped"_qs, result.skipped},
                     {u"ok"_qs, result.ok()},
                     {u"http_status"_qs, result.httpStatus},
                     {u"ttft_ms"_qs, result.ttftMs},
                     {u"total_ms"_qs, result.totalMs},
                     {u"estimated_cost_usd"_qs, jsonOptional(result.estimatedCostUsd)},
                     {u"billed_cost_usd"_qs, jsonOptional(result.billedCostUsd)},
                     {u"flags"_qs, QJsonArray::fromStringList(parityFlagNames(flags))},
                     {u"translation_warnings"_qs, QJsonArray::fromStringList(result.translationWarnings)},
                     {u"request"_qs, result.request}};
    if (result.startedAt.isValid())
        json.insert(u"started_at"_qs, result.startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (result.skipped)
        json.insert(u"skip_reason"_qs, result.skipReason);
    else
        json.insert(u"response"_qs, gw::toJson(result.response));
    return json;
}

} // namespace gw
