#include "result_row.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace gw::store {

namespace {

// bench_results columns after id and run_id, in bind and read order.
const QStringList &resultColumns()
{
    static const QStringList columns{u"case_index"_qs,         u"gateway"_qs,
                                     u"prompt_name"_qs,        u"openrouter_model"_qs,
                                     u"gateway_model"_qs,      u"repetition"_qs,
                                     u"started_at"_qs,         u"request_json"_qs,
                                     u"warnings_json"_qs,      u"text"_qs,
                                     u"reasoning"_qs,          u"reasoning_details_json"_qs,
                                     u"has_usage"_qs,          u"tokens_prompt"_qs,
                                     u"tokens_completion"_qs,  u"tokens_cached_read"_qs,
                                     u"tokens_cache_write"_qs, u"tokens_reasoning"_qs,
                                     u"provider"_qs,           u"generation_id"_qs,
                                     u"response_model"_qs,     u"cost_usd"_qs,
                                     u"cost_source"_qs,        u"finish_reason"_qs,
                                     u"chunk_count"_qs,        u"keep_alive_count"_qs,
                                     u"error_class"_qs,        u"error_code"_qs,
                                     u"error_message"_qs,      u"error_http_status"_qs,
                                     u"error_retry_after"_qs,  u"error_mid_stream"_qs,
                                     u"http_status"_qs,        u"ttft_ms"_qs,
                                     u"total_ms"_qs,           u"estimated_cost_usd"_qs,
                                     u"billed_cost_usd"_qs,    u"skipped"_qs,
                                     u"skip_reason"_qs};
    return columns;
}

const QStringList &trafficColumnList()
{
    static const QStringList columns{u"ts"_qs,
                                     u"source"_qs,
                                     u"gateway"_qs,
                                     u"model"_qs,
                                     u"provider"_qs,
                                     u"error_class"_qs,
                                     u"http_status"_qs,
                                     u"ttft_ms"_qs,
                                     u"total_ms"_qs,
                                     u"tokens_prompt"_qs,
                                     u"tokens_completion"_qs,
                                     u"tokens_cached"_qs,
                                     u"tokens_reasoning"_qs,
                                     u"cost_usd"_qs,
                                     u"cost_source"_qs,
                                     u"generation_id"_qs,
                                     u"run_id"_qs};
    return columns;
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_qs);
    return marks.join(u", "_qs);
}

// NOT NULL text columns: a null QString would bind as SQL NULL, an empty one as ''.
QString text(const QString &s)
{
    return s.isNull() ? u""_qs : s;
}

QString compactJson(const QJsonDocument &doc)
{
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

template <typename T>
QVariant optionalValue(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

CostSource parseCostSource(const QString &name)
{
    for (const CostSource s : {CostSource::Reported, CostSource::Estimated, CostSource::Generation}) {
        if (name == costSourceName(s))
            return s;
    }
    return CostSource::None;
}

} // namespace

QVariant msSinceEpoch(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime utcFromMs(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QString resultInsertSql()
{
    return u"INSERT INTO bench_results (run_id, "_qs + resultColumns().join(u", "_qs) + u") VALUES (?, "_qs
           + placeholders(resultColumns().size()) + u")"_qs;
}

QString resultSelectSql()
{
    return u"SELECT "_qs + resultColumns().join(u", "_qs)
           + u" FROM bench_results WHERE run_id = ? ORDER BY case_index, gateway"_qs;
}

void bindResult(QSqlQuery &q, qint64 runId, const BenchResult &r)
{
    const NormalizedResponse &n = r.response;
    const GatewayError &e = n.error;
    q.addBindValue(runId);
    q.addBindValue(r.caseIndex);
    q.addBindValue(gatewayName(r.gateway));
    q.addBindValue(text(r.promptName));
    q.addBindValue(text(r.openrouterModel));
    q.addBindValue(text(r.gatewayModel));
    q.addBindValue(r.repetition);
    q.addBindValue(msSinceEpoch(r.startedAt));
    q.addBindValue(compactJson(QJsonDocument(r.request)));
    q.addBindValue(compactJson(QJsonDocument(QJsonArray::fromStringList(r.translationWarnings))));
    q.addBindValue(text(n.text));
    q.addBindValue(text(n.reasoning));
    q.addBindValue(compactJson(QJsonDocument(n.reasoningDetails)));
    q.addBindValue(int(n.hasUsage));
    q.addBindValue(n.usage.prompt);
    q.addBindValue(n.usage.completion);
    q.addBindValue(n.usage.cachedRead);
    q.addBindValue(n.usage.cacheWrite);
    q.addBindValue(n.usage.reasoning);
    q.addBindValue(text(n.finalProvider));
    q.addBindValue(text(n.generationId));
    q.addBindValue(text(n.model));
    q.addBindValue(optionalValue(n.costUsd));
    q.addBindValue(costSourceName(n.costSource));
    q.addBindValue(text(n.finishReason));
    q.addBindValue(n.chunkCount);
    q.addBindValue(n.keepAliveCount);
    q.addBindValue(errorClassName(e.cls));
    q.addBindValue(text(e.code));
    q.addBindValue(text(e.message));
    q.addBindValue(e.httpStatus);
    q.addBindValue(optionalValue(e.retryAfterSeconds));
    q.addBindValue(int(e.midStream));
    q.addBindValue(r.httpStatus);
    q.addBindValue(r.ttftMs);
    q.addBindValue(r.totalMs);
    q.addBindValue(optionalValue(r.estimatedCostUsd));
    q.addBindValue(optionalValue(r.billedCostUsd));
    q.addBindValue(int(r.skipped));
    q.addBindValue(text(r.skipReason));
}

BenchResult readResult(const QSqlQuery &q)
{
    BenchResult r;
    NormalizedResponse &n = r.response;
    GatewayError &e = n.error;
    int c = 0;
    r.caseIndex = q.value(c++).toInt();
    r.gateway = parseGateway(q.value(c++).toString()).value_or(Gateway::OpenRouter);
    r.promptName = q.value(c++).toString();
    r.openrouterModel = q.value(c++).toString();
    r.gatewayModel = q.value(c++).toString();
    r.repetition = q.value(c++).toInt();
    r.startedAt = utcFromMs(q.value(c++));
    r.request = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).object();
    for (const QJsonValue &w : QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).array())
        r.translationWarnings << w.toString();
    n.text = q.value(c++).toString();
    n.reasoning = q.value(c++).toString();
    n.reasoningDetails = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).array();
    n.hasUsage = q.value(c++).toInt() != 0;
    n.usage.prompt = q.value(c++).toLongLong();
    n.usage.completion = q.value(c++).toLongLong();
    n.usage.cachedRead = q.value(c++).toLongLong();
    n.usage.cacheWrite = q.value(c++).toLongLong();
    n.usage.reasoning = q.value(c++).toLongLong();
    n.finalProvider = q.value(c++).toString();
    n.generationId = q.value(c++).toString();
    n.model = q.value(c++).toString();
    n.costUsd = optionalDouble(q.value(c++));
    n.costSource = parseCostSource(q.value(c++).toString());
    n.finishReason = q.value(c++).toString();
    n.chunkCount = q.value(c++).toLongLong();
    n.keepAliveCount = q.value(c++).toLongLong();
    e.cls = parseErrorClass(q.value(c++).toString()).value_or(ErrorClass::None);
    e.code = q.value(c++).toString();
    e.message = q.value(c++).toString();
    e.httpStatus = q.value(c++).toInt();
    const QVariant retryAfter = q.value(c++);
    e.retryAfterSeconds = retryAfter.isNull() ? std::nullopt : std::optional<int>(retryAfter.toInt());
    e.midStream = q.value(c++).toInt() != 0;
    r.httpStatus = q.value(c++).toInt();
    r.ttftMs = q.value(c++).toLongLong();
    r.totalMs = q.value(c++).toLongLong();
    r.estimatedCostUsd = optionalDouble(q.value(c++));
    r.billedCostUsd = optionalDouble(q.value(c++));
    r.skipped = q.value(c++).toInt() != 0;
    r.skipReason = q.value(c++).toString();
    return r;
}

QString trafficColumns()
{
    return trafficColumnList().join(u", "_qs);
}

QString trafficInsertSql()
{
    return u"INSERT INTO traffic_events ("_qs + trafficColumns() + u", result_id) VALUES ("_qs
           + placeholders(trafficColumnList().size() + 1) + u")"_qs;
}

void bindTraffic(QSqlQuery &q, const TrafficEvent &t, std::optional<qint64> resultId)
{
    q.addBindValue(msSinceEpoch(t.ts));
    q.addBindValue(trafficSourceName(t.source));
    q.addBindValue(gatewayName(t.gateway));
    q.addBindValue(text(t.model));
    q.addBindValue(text(t.provider));
    q.addBindValue(errorClassName(t.errorClass));
    q.addBindValue(t.httpStatus);
    q.addBindValue(t.ttftMs);
    q.addBindValue(t.totalMs);
    q.addBindValue(t.usage.prompt);
    q.addBindValue(t.usage.completion);
    q.addBindValue(t.usage.cachedRead);
    q.addBindValue(t.usage.reasoning);
    q.addBindValue(optionalValue(t.costUsd));
    q.addBindValue(costSourceName(t.costSource));
    q.addBindValue(text(t.generationId));
    q.addBindValue(optionalValue(t.runId));
    q.addBindValue(optionalValue(resultId));
}

TrafficEvent readTraffic(const QSqlQuery &q)
{
    TrafficEvent t;
    int c = 0;
    t.ts = utcFromMs(q.value(c++));
    t.source = parseTrafficSource(q.value(c++).toString()).value_or(TrafficSource::Test);
    t.gateway = parseGateway(q.value(c++).toString()).value_or(Gateway::OpenRouter);
    t.model = q.value(c++).toString();
    t.provider = q.value(c++).toString();
    t.errorClass = parseErrorClass(q.value(c++).toString()).value_or(ErrorClass::None);
    t.httpStatus = q.value(c++).toInt();
    t.ttftMs = q.value(c++).toLongLong();
    t.totalMs = q.value(c++).toLongLong();
    t.usage.prompt = q.value(c++).toLongLong();
    t.usage.completion = q.value(c++).toLongLong();
    t.usage.cachedRead = q.value(c++).toLongLong();
    t.usage.reasoning = q.value(c++).toLongLong();
    t.costUsd = optionalDouble(q.value(c++));
    t.costSource = parseCostSource(q.value(c++).toString());
    t.generationId = q.value(c++).toString();
    const QVariant runId = q.value(c++);
    t.runId = runId.isNull() ? std::nullopt : std::optional<qint64>(runId.toLongLong());
    return t;
}

TrafficEvent trafficEventFor(qint64 runId, const BenchResult &r)
{
    TrafficEvent t;
    // A result without a start time (never expected from the runner) still counts as traffic.
    t.ts = r.startedAt.isValid() ? r.startedAt : QDateTime::currentDateTimeUtc();
    t.source = TrafficSource::Test;
    t.gateway = r.gateway;
    t.model = r.gatewayModel;
    t.provider = r.response.finalProvider;
    t.errorClass = r.response.error.cls;
    t.httpStatus = r.httpStatus;
    t.ttftMs = r.ttftMs;
    t.totalMs = r.totalMs;
    t.usage = r.response.usage;
    t.usage.cacheWrite = 0;
    if (r.billedCostUsd) {
        t.costUsd = r.billedCostUsd;
        t.costSource = CostSource::Generation;
    } else if (r.response.costUsd) {
        t.costUsd = r.response.costUsd;
        t.costSource = r.response.costSource;
    } else if (r.estimatedCostUsd) {
        t.costUsd = r.estimatedCostUsd;
        t.costSource = CostSource::Estimated;
    }
    t.generationId = r.response.generationId;
    t.runId = runId;
    return t;
}

} // namespace gw::store
