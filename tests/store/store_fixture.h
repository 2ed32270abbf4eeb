#pragma once
// Shared by the store tests: bench results with every field set (so a round trip proves every
// column), field-by-field comparison, a file's bytes and mtime for "not changed" checks, and raw
// SQL on a connection of the test's own.

#include "database.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace gw::test {

// Runs statements on a plain connection of the test's own (for setting up odd files).
inline bool rawExec(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"raw"_qs);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements)
            ok = ok && q.exec(s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_qs);
    return ok;
}

// Case `index` on `gateway`; every third one failed mid-stream, every seventh skipped.
inline BenchResult sampleResult(int index, Gateway gateway)
{
    BenchResult r;
    r.caseIndex = index;
    r.gateway = gateway;
    r.promptName = u"prompt-%1"_qs.arg(index % 5);
    r.openrouterModel = u"anthropic/claude-sonnet-4"_qs;
    r.gatewayModel = gateway == Gateway::Vercel ? u"anthropic/claude-sonnet-4"_qs : r.openrouterModel;
    r.repetition = index % 3;
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL + index * 1000LL + 7, Qt::UTC);
    r.request = QJsonObject{
        {u"model"_qs, r.gatewayModel},
        {u"stream"_qs, true},
        {u"messages"_qs,
         QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"Hallo, Welt ✓ %1"_qs.arg(index)}}}}};
    if (gateway == Gateway::Vercel)
        r.translationWarnings = {u"/provider/max_price: no Vercel equivalent, dropped"_qs, u"/transforms: dropped"_qs};
    if (index % 7 == 6) {
        r.skipped = true;
        r.skipReason = u"not on Vercel"_qs;
        return r;
    }
    NormalizedResponse &n = r.response;
    n.text = u"answer %1 with 'quotes', \"double\" and\nnewlines"_qs.arg(index);
    n.reasoning = u"thinking about %1"_qs.arg(index);
    n.reasoningDetails =
        QJsonArray{QJsonObject{{u"type"_qs, u"reasoning.text"_qs}, {u"index"_qs, 0}, {u"text"_qs, n.reasoning}}};
    n.usage = TokenUsage{100 + index, 50 + index, 10, 3, 20};
    n.hasUsage = true;
    n.finalProvider = gateway == Gateway::Vercel ? u"bedrock"_qs : u"Anthropic"_qs;
    n.generationId = u"gen-%1-%2"_qs.arg(index).arg(gatewayName(gateway));
    n.costUsd = 0.000123 * (index + 1);
    n.costSource = CostSource::Reported;
    n.finishReason = u"stop"_qs;
    n.model = r.gatewayModel;
    n.chunkCount = 12 + index;
    n.keepAliveCount = index % 2;
    r.httpStatus = 200;
    r.ttftMs = 300 + index;
    r.totalMs = 1200 + index;
    r.estimatedCostUsd = 0.0001 * (index + 1);
    if (index % 3 == 2) {
        n.text.clear();
        n.finishReason.clear();
        n.costUsd.reset();
        n.costSource = CostSource::None;
        n.error.cls = ErrorClass::RateLimited;
        n.error.httpStatus = 429;
        n.error.code = u"rate_limit_exceeded"_qs;
        n.error.message = u"Rate limit exceeded: try again in 3s"_qs;
        n.error.retryAfterSeconds = 3;
        n.error.midStream = true;
    }
    return r;
}

inline void compareResult(const BenchResult &got, const BenchResult &want)
{
    QCOMPARE(got.caseIndex, want.caseIndex);
    QCOMPARE(got.gateway, want.gateway);
    QCOMPARE(got.promptName, want.promptName);
    QCOMPARE(got.openrouterModel, want.openrouterModel);
    QCOMPARE(got.gatewayModel, want.gatewayModel);
    QCOMPARE(got.repetition, want.repetition);
    QCOMPARE(got.startedAt, want.startedAt);
    QCOMPARE(got.startedAt.toMSecsSinceEpoch(), want.startedAt.toMSecsSinceEpoch());
    QCOMPARE(got.request, want.request);
    QCOMPARE(got.translationWarnings, want.translationWarnings);
    const NormalizedResponse &g = got.response;
    const NormalizedResponse &w = want.response;
    QCOMPARE(g.text, w.text);
    QCOMPARE(g.reasoning, w.reasoning);
    QCOMPARE(g.reasoningDetails, w.reasoningDetails);
    QVERIFY(g.usage == w.usage);
    QCOMPARE(g.hasUsage, w.hasUsage);
    QCOMPARE(g.finalProvider, w.finalProvider);
    QCOMPARE(g.generationId, w.generationId);
    QCOMPARE(g.costUsd, w.costUsd);
    QCOMPARE(g.costSource, w.costSource);
    QCOMPARE(g.finishReason, w.finishReason);
    QVERIFY(g.error == w.error);
    QCOMPARE(g.model, w.model);
    QCOMPARE(g.chunkCount, w.chunkCount);
    QCOMPARE(g.keepAliveCount, w.keepAliveCount);
    QCOMPARE(got.httpStatus, want.httpStatus);
    QCOMPARE(got.ttftMs, want.ttftMs);
    QCOMPARE(got.totalMs, want.totalMs);
    QCOMPARE(got.estimatedCostUsd, want.estimatedCostUsd);
    QCOMPARE(got.billedCostUsd, want.billedCostUsd);
    QCOMPARE(got.skipped, want.skipped);
    QCOMPARE(got.skipReason, want.skipReason);
}

inline store::RunSettings sampleSettings()
{
    store::RunSettings s;
    s.models = {u"anthropic/claude-sonnet-4"_qs, u"moonshotai/kimi-k2"_qs};
    s.vercelModels = QJsonObject{{u"anthropic/claude-sonnet-4"_qs, u"anthropic/claude-sonnet-4"_qs}};
    s.suite.fileName = u"smoke.jsonl"_qs;
    PromptCase a;
    a.name = u"hello"_qs;
    a.messages = QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"Say hello"_qs}}};
    a.line = 1;
    PromptCase b;
    b.name = u"think"_qs;
    b.messages = QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, u"Why is the sky blue?"_qs}}};
    b.reasoning = QJsonObject{{u"effort"_qs, u"low"_qs}};
    b.provider = QJsonObject{{u"sort"_qs, u"latency"_qs}};
    b.line = 2;
    s.suite.cases = {a, b};
    s.repeat = 3;
    s.concurrency = 4;
    s.provider = QJsonObject{{u"allow_fallbacks"_qs, false}};
    return s;
}

// Results for cases [first, first + count) on both gateways.
inline QList<BenchResult> sampleBatch(int first, int count)
{
    QList<BenchResult> batch;
    batch.reserve(2 * count);
    for (int i = first; i < first + count; ++i)
        batch << sampleResult(i, Gateway::OpenRouter) << sampleResult(i, Gateway::Vercel);
    return batch;
}

struct FileSnapshot {
    QByteArray bytes;
    QDateTime modified;
    bool operator==(const FileSnapshot &) const = default;
};

inline FileSnapshot snapshot(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return {f.readAll(), QFileInfo(path).fileTime(QFileDevice::FileModificationTime)};
}

} // namespace gw::test
