// Traffic log ingestion: the fixtures in tests/data/traffic parsed and aggregated, checked against
// totals computed independently here with QJsonDocument; every kind of bad line; appends and
// re-imports; chunking; gzip; cancel.

#include "config/config_io.h"
#include "traffic/ingest.h"
#include "traffic/line_parser.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <tuple>

using namespace gw;

namespace {

const QString kData = QStringLiteral(GW_SOURCE_DIR "/tests/data/traffic/");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    return f.readAll();
}

struct Totals {
    qint64 requests = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double reported = 0;
    double estimated = 0;
    double latencySum = 0;
    qint64 latencyCount = 0;
};

// "gateway|model|class" -> totals, from QJsonDocument, without any gwcore parsing.
QMap<QString, Totals> independentTotals(const QByteArray &content)
{
    QMap<QString, Totals> out;
    for (const QByteArray &line : content.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const int status = o.value(u"status"_qs).toInt();
        QString cls = o.value(u"error_type"_qs).toString();
        if (cls.isEmpty())
            cls = status == 400 ? u"bad_request"_qs : u"ok"_qs;
        Totals &t = out[o.value(u"gateway"_qs).toString() + u'|' + o.value(u"model"_qs).toString() + u'|' + cls];
        ++t.requests;
        t.promptTokens += o.value(u"prompt_tokens"_qs).toInteger();
        t.completionTokens += o.value(u"completion_tokens"_qs).toInteger();
        if (!o.value(u"cost_usd"_qs).isNull()) {
            if (o.value(u"cost_source"_qs).toString() == u"estimated")
                t.estimated += o.value(u"cost_usd"_qs).toDouble();
            else
                t.reported += o.value(u"cost_usd"_qs).toDouble();
        }
        if (!o.value(u"latency_ms"_qs).isNull()) {
            t.latencySum += o.value(u"latency_ms"_qs).toDouble();
            ++t.latencyCount;
        }
    }
    return out;
}

QMap<QString, Totals> aggregatedTotals(const QList<TrafficBucket> &buckets)
{
    QMap<QString, Totals> out;
    for (const TrafficBucket &b : buckets) {
        Totals &t = out[gatewayName(b.key.gateway) + u'|' + b.key.model + u'|' + b.key.statusClass];
        t.requests += qint64(b.values.requests);
        t.promptTokens += qint64(b.values.promptTokens);
        t.completionTokens += qint64(b.values.completionTokens);
        t.reported += b.values.costReportedUsd;
        t.estimated += b.values.costEstimatedUsd;
        t.latencySum += b.values.latencySumMs;
        t.latencyCount += qint64(b.values.latencyCount);
    }
    return out;
}

void compareTotals(const QMap<QString, Totals> &got, const QMap<QString, Totals> &want)
{
    QCOMPARE(got.keys(), want.keys());
    for (auto it = want.begin(); it != want.end(); ++it) {
        const Totals &g = got.value(it.key());
        QCOMPARE(g.requests, it->requests);
        QCOMPARE(g.promptTokens, it->promptTokens);
        QCOMPARE(g.completionTokens, it->completionTokens);
        QVERIFY2(std::abs(g.reported - it->reported) < 1e-9, qPrintable(it.key()));
        QVERIFY2(std::abs(g.estimated - it->estimated) < 1e-9, qPrintable(it.key()));
        QVERIFY2(std::abs(g.latencySum - it->latencySum) < 1e-6, qPrintable(it.key()));
        QCOMPARE(g.latencyCount, it->latencyCount);
    }
}

// Per-key usage recounted from QJsonDocument: "hourMs|gateway|model|user|task" -> sums. The rules
// are the contract's, written out again here: the hour is the UTC hour of `ts`; an error is an
// error_type other than none, or else an HTTP status >= 400; a cost counts unless it is null or
// its source is "none"; an id written as a JSON number is that number's text.
struct UsageTotals {
    quint64 requests = 0;
    quint64 errors = 0;
    quint64 fallbacks = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    quint64 cachedTokens = 0;
    quint64 reasoningTokens = 0;
    double costUsd = 0;
    quint64 costCount = 0;
};

QString idText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

QMap<QString, UsageTotals> independentUsage(const QByteArray &content)
{
    QMap<QString, UsageTotals> out;
    for (const QByteArray &line : content.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const qint64 ms = QDateTime::fromString(o.value(u"ts"_qs).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        const QString key = QString::number(ms - ms % 3600000) + u'|' + o.value(u"gateway"_qs).toString() + u'|'
                            + o.value(u"model"_qs).toString() + u'|' + idText(o.value(u"user"_qs)) + u'|'
                            + idText(o.value(u"task"_qs));
        UsageTotals &t = out[key];
        ++t.requests;
        const QString errorType = o.value(u"error_type"_qs).toString();
        t.errors += (!errorType.isEmpty() && errorType != u"none") || o.value(u"status"_qs).toInt() >= 400;
        t.fallbacks += !o.value(u"fallback_from"_qs).toString().isEmpty();
        t.promptTokens += quint64(o.value(u"prompt_tokens"_qs).toInteger());
        t.completionTokens += quint64(o.value(u"completion_tokens"_qs).toInteger());
        t.cachedTokens += quint64(o.value(u"cached_tokens"_qs).toInteger());
        t.reasoningTokens += quint64(o.value(u"reasoning_tokens"_qs).toInteger());
        if (!o.value(u"cost_usd"_qs).isNull() && o.value(u"cost_source"_qs).toString() != u"none") {
            t.costUsd += o.value(u"cost_usd"_qs).toDouble();
            ++t.costCount;
        }
    }
    return out;
}

void compareUsage(const QList<TrafficKeyUsage> &got, const QMap<QString, UsageTotals> &want)
{
    QCOMPARE(got.size(), want.size());
    for (const TrafficKeyUsage &u : got) {
        const QString key = QString::number(u.key.hourStartMs) + u'|' + gatewayName(u.key.gateway) + u'|' + u.key.model
                            + u'|' + u.key.user + u'|' + u.key.task;
        QVERIFY2(want.contains(key), qPrintable(key));
        const UsageTotals &w = want[key];
        QCOMPARE(u.requests, w.requests);
        QCOMPARE(u.errors, w.errors);
        QCOMPARE(u.fallbacks, w.fallbacks);
        QCOMPARE(u.promptTokens, w.promptTokens);
        QCOMPARE(u.completionTokens, w.completionTokens);
        QCOMPARE(u.cachedTokens, w.cachedTokens);
        QCOMPARE(u.reasoningTokens, w.reasoningTokens);
        QVERIFY2(std::abs(u.costUsd - w.costUsd) < 1e-12, qPrintable(key));
        QCOMPARE(u.costCount, w.costCount);
    }
}

struct Ingested {
    TrafficIngestResult result;
    QList<TrafficBucket> buckets;
};

Ingested ingest(const QString &path, std::optional<TrafficFileState> previous = std::nullopt)
{
    TrafficAggregator agg;
    Ingested out;
    out.result = ingestTrafficFile(
        path, [&](const QString &, const QByteArray &) { return previous; }, agg);
    out.buckets = agg.minuteBuckets();
    return out;
}

QStringList badLineTexts(const TrafficIngestResult &r, const QString &file)
{
    QStringList out;
    for (const TrafficBadLine &b : r.badLines)
        out << b.toString(file);
    return out;
}

} // namespace

class TestTrafficIngest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("utc") << u"2025-01-15T10:00:13.037Z"_qs;
        QTest::newRow("no-fraction") << u"2025-01-15T10:00:13Z"_qs;
        QTest::newRow("offset") << u"2024-02-29T23:59:59.5+02:30"_qs;
        QTest::newRow("negative-offset") << u"1999-12-31T20:00:00-05:00"_qs;
        QTest::newRow("bad-month") << u"2025-13-01T00:00:00Z"_qs;
        QTest::newRow("bad-day") << u"2025-02-29T00:00:00Z"_qs;
        QTest::newRow("no-zone") << u"2025-01-15T10:00:13"_qs;
        QTest::newRow("garbage") << u"yesterday"_qs;
    }
    void timestamps()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();
        const auto mine = parseTrafficTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())));
        const auto theirs = parseRfc3339(text);
        QCOMPARE(mine.has_value(), theirs.has_value());
        if (mine)
            QCOMPARE(*mine, theirs->toMSecsSinceEpoch());
    }

    void goodJsonlMatchesIndependentTotals()
    {
        const Ingested in = ingest(kData + u"good.jsonl"_qs);
        QVERIFY2(in.result.ok(), qPrintable(in.result.error));
        QCOMPARE(in.result.events, 120);
        QCOMPARE(in.result.badLineCount, 0);
        QCOMPARE(in.result.heldBackBytes, 0);
        const QByteArray content = readAll(kData + u"good.jsonl"_qs);
        QCOMPARE(in.result.state.offset, content.size());
        compareTotals(aggregatedTotals(in.buckets), independentTotals(content));
        // Every minute bucket starts on a minute; the hour roll-up keeps every total.
        for (const TrafficBucket &b : in.buckets)
            QCOMPARE(b.key.startMs % 60000, 0);
        const QList<TrafficBucket> hours = rollUpTraffic(in.buckets, TrafficResolution::Hour);
        QVERIFY(hours.size() < in.buckets.size());
        compareTotals(aggregatedTotals(hours), independentTotals(content));
        const QList<TrafficBucket> days = rollUpTraffic(hours, TrafficResolution::Day);
        QCOMPARE(days.first().key.startMs, parseRfc3339(u"2025-01-15T00:00:00Z"_qs)->toMSecsSinceEpoch());
    }

    // usage.jsonl: users and tasks repeated, null, missing and numeric; times on both sides of
    // hour boundaries and with an offset; errors by status and by error_type; fallbacks; costs
    // reported, estimated, null and "none".
    void keyUsageMatchesIndependentRecount_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("usage") << u"usage.jsonl"_qs;
        QTest::newRow("good") << u"good.jsonl"_qs;
    }
    void keyUsageMatchesIndependentRecount()
    {
        QFETCH(QString, file);
        const QByteArray content = readAll(kData + file);
        TrafficAggregator agg;
        TrafficStreamIngestor ingestor(TrafficFormat::Jsonl, agg);
        QCOMPARE(ingestor.feed(content.constData(), content.size()), content.size());
        QCOMPARE(ingestor.badLineCount(), 0);
        const QList<TrafficKeyUsage> usage = agg.keyUsage();
        QCOMPARE(agg.keyUsageCount(), usage.size());
        compareUsage(usage, independentUsage(content));
        for (qsizetype i = 1; i < usage.size(); ++i) {
            const TrafficKeyUsageKey &a = usage[i - 1].key;
            const TrafficKeyUsageKey &b = usage[i].key;
            QVERIFY(std::tie(a.hourStartMs, a.gateway, a.model, a.user, a.task)
                    < std::tie(b.hourStartMs, b.gateway, b.model, b.user, b.task));
        }
    }

    // Hand-counted on usage.jsonl: the per-user request counts (36 lines, users cycle through
    // alice, bob, carol, none, 42; "none" is a null or missing user).
    void keyUsagePerUserHandCounted()
    {
        const QByteArray content = readAll(kData + u"usage.jsonl"_qs);
        TrafficAggregator agg;
        TrafficStreamIngestor(TrafficFormat::Jsonl, agg).feed(content.constData(), content.size());
        QMap<QString, quint64> perUser;
        QSet<qint64> hours;
        for (const TrafficKeyUsage &u : agg.keyUsage()) {
            perUser[u.key.user] += u.requests;
            hours.insert(u.key.hourStartMs);
        }
        const QMap<QString, quint64> want{
            {u"u-alice"_qs, 8}, {u"u-bob"_qs, 7}, {u"u-carol"_qs, 7}, {QString(), 7}, {u"42"_qs, 7}};
        QCOMPARE(perUser, want);
        // 09:xx, 10:xx (including 12:30+02:00) and 11:xx.
        QCOMPARE(hours.size(), 3);
    }

    void badJsonlListsEveryBadLine()
    {
        const Ingested in = ingest(kData + u"bad.jsonl"_qs);
        QVERIFY2(in.result.ok(), qPrintable(in.result.error));
        const QStringList expected = {
            u"bad.jsonl:3: bad JSON at column 410: unterminated or invalid string"_qs,
            u"bad.jsonl:4: /model: missing"_qs,
            u"bad.jsonl:5: /latency_ms: expected a number"_qs,
            u"bad.jsonl:7: /ts: \"2025-13-45T99:00:00Z\" is not an RFC 3339 time"_qs,
            u"bad.jsonl:8: /gateway: unknown gateway \"azure\" (openrouter or vercel)"_qs,
            u"bad.jsonl:10: /prompt_tokens: -5 is negative"_qs,
            u"bad.jsonl:12: bad JSON at column 1: expected an object"_qs,
            u"bad.jsonl:13: /status: expected a number"_qs,
        };
        const QStringList got = badLineTexts(in.result, u"bad.jsonl"_qs);
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            if (i == 0) // the column depends on the fixture's line length; the rest is exact
                QVERIFY2(got[0].startsWith(u"bad.jsonl:3: bad JSON at column "_qs), qPrintable(got[0]));
            else
                QCOMPARE(got[i], expected[i]);
        }
        QCOMPARE(in.result.badLineCount, 8);
        QCOMPARE(in.result.events, 4);         // lines 1, 2, 6, 11
        QCOMPARE(in.result.lines, 13);         // the blank line counts as a line, not as an event
        QCOMPARE(in.result.heldBackBytes, 40); // the truncated last line: neither event nor error
        QCOMPARE(in.result.state.offset, readAll(kData + u"bad.jsonl"_qs).size() - 40);
    }

    void csvWithExtraColumnAndQuotes()
    {
        const Ingested in = ingest(kData + u"good.csv"_qs);
        QVERIFY2(in.result.ok(), qPrintable(in.result.error));
        QCOMPARE(in.result.badLineCount, 0);
        QCOMPARE(in.result.events, 80);
        // Independent sum: the only quoted cell is the notes column, "synthetic, fake".
        const QList<QByteArray> lines = readAll(kData + u"good.csv"_qs).split('\n');
        const QList<QByteArray> header = lines.first().split(',');
        const qsizetype promptColumn = header.indexOf("prompt_tokens");
        qint64 prompt = 0;
        for (qsizetype i = 1; i < lines.size(); ++i)
            if (!lines[i].isEmpty())
                prompt +=
                    QByteArray(lines[i]).replace("\"synthetic, fake\"", "x").split(',').at(promptColumn).toLongLong();
        qint64 aggregated = 0;
        for (const TrafficBucket &b : in.buckets)
            aggregated += qint64(b.values.promptTokens);
        QVERIFY(prompt > 0);
        QCOMPARE(aggregated, prompt);
    }

    void badCsv()
    {
        const Ingested in = ingest(kData + u"bad.csv"_qs);
        QVERIFY2(in.result.ok(), qPrintable(in.result.error));
        const QStringList got = badLineTexts(in.result, u"bad.csv"_qs);
        QCOMPARE(got, QStringList({u"bad.csv:4: 16 columns, the header has 19"_qs,
                                   u"bad.csv:6: /cost_usd: -0.5 is negative"_qs}));
        QCOMPARE(in.result.events, 4);
    }

    void gzipIsReadLikePlain()
    {
        const Ingested in = ingest(kData + u"good.jsonl.gz"_qs);
        QVERIFY2(in.result.ok(), qPrintable(in.result.error));
        QCOMPARE(in.result.events, 40);
        QCOMPARE(in.result.badLineCount, 0);
        // The same content written plain aggregates to the same buckets.
        const Outcome<QByteArray> content = readTrafficContent(kData + u"good.jsonl.gz"_qs);
        QVERIFY2(content.ok(), qPrintable(content.error));
        QCOMPARE(content.value.count('\n'), 40);
        compareTotals(aggregatedTotals(in.buckets), independentTotals(content.value));
    }

    void chunkingDoesNotChangeTheResult()
    {
        const QByteArray content = readAll(kData + u"good.jsonl"_qs);
        TrafficAggregator whole;
        TrafficStreamIngestor(TrafficFormat::Jsonl, whole).feed(content.constData(), content.size());
        TrafficAggregator pieces;
        TrafficStreamIngestor ingestor(TrafficFormat::Jsonl, pieces);
        QByteArray pending;
        for (qsizetype at = 0, step = 1; at < content.size(); at += step, step = step * 7 % 997 + 1) {
            pending += content.mid(at, step);
            pending.remove(0, ingestor.feed(pending.constData(), pending.size()));
        }
        QVERIFY(pending.isEmpty());
        QCOMPARE(pieces.events(), whole.events());
        compareUsage(pieces.keyUsage(), independentUsage(content));
        const QList<TrafficBucket> a = whole.minuteBuckets();
        const QList<TrafficBucket> b = pieces.minuteBuckets();
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QVERIFY(a[i].key == b[i].key);
            QCOMPARE(a[i].values.requests, b[i].values.requests);
            QVERIFY(a[i].values.latency == b[i].values.latency);
        }
    }

    void appendedFileIngestsOnlyNewLines()
    {
        const QString path = m_dir.filePath(u"append.jsonl"_qs);
        QByteArray content = readAll(kData + u"bad.jsonl"_qs);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const Ingested first = ingest(path);
        QCOMPARE(first.result.events, 4);
        QVERIFY(!first.result.known);

        const Ingested again = ingest(path, first.result.state);
        QVERIFY(again.result.ok());
        QCOMPARE(again.result.events, 0);
        QCOMPARE(again.result.badLineCount, 0);
        QCOMPARE(again.result.state.offset, first.result.state.offset);

        // Complete the truncated line, add one good and one bad line: line numbers go on.
        const QByteArray good = readAll(kData + u"good.jsonl"_qs).split('\n').at(3);
        const QByteArray tail = content.mid(content.lastIndexOf('\n') + 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray completedTail = QJsonDocument::fromJson(good).toJson(QJsonDocument::Compact);
        // The held-back bytes are replaced by a whole valid line with the same start.
        content.chop(tail.size());
        content += completedTail + "\n" + good + "\n{\"ts\": 1}\n";
        f.write(content);
        f.close();
        const Ingested third = ingest(path, first.result.state);
        QVERIFY2(third.result.ok(), qPrintable(third.result.error));
        QCOMPARE(third.result.events, 2);
        QCOMPARE(badLineTexts(third.result, u"append.jsonl"_qs),
                 QStringList({u"append.jsonl:16: /ts: expected a string"_qs}));
        QCOMPARE(third.result.state.lines, 16);
        QCOMPARE(third.result.state.offset, content.size());
    }

    void shorterFileIsRefused()
    {
        const QString path = m_dir.filePath(u"short.jsonl"_qs);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(readAll(kData + u"good.jsonl"_qs).left(1000));
        f.close();
        TrafficFileState state;
        state.id = 1;
        state.offset = 5000;
        const Ingested in = ingest(path, state);
        QVERIFY(!in.result.ok());
        QVERIFY2(in.result.error.contains(u"shorter than the 5000 already ingested"_qs), qPrintable(in.result.error));
    }

    void cancelStops()
    {
        std::atomic<bool> cancel{true};
        TrafficAggregator agg;
        TrafficIngestOptions options;
        options.cancel = &cancel;
        const TrafficIngestResult r = ingestTrafficFile(kData + u"good.jsonl"_qs, {}, agg, options);
        QVERIFY(r.cancelled);
        QVERIFY(!r.ok());
    }

    // Parsing on two threads gives what one thread gives: events, buckets, key usage, every bad
    // line with its number and reason in order (the listed ones capped across pieces), the
    // offset and the held-back partial line. Small chunks make many split points. "auto" (0)
    // mixes chunks parsed on one thread with chunks parsed on several, as it measures.
    void parallelIngestMatchesSerial_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("badPerRound");
        QTest::addColumn<int>("threads");
        const QByteArray good = readAll(kData + u"good.jsonl"_qs);
        QByteArray bad = readAll(kData + u"bad.jsonl"_qs);
        if (!bad.endsWith('\n'))
            bad += '\n'; // its last line is unfinished on purpose; here it must not join the next
        const QByteArray usage = readAll(kData + u"usage.jsonl"_qs);
        QByteArray jsonl;
        int rounds = 0;
        for (; jsonl.size() < 3'000'000; ++rounds)
            jsonl += good + bad + usage;
        jsonl += "{\"ts\": \"2025-01-15T10:00:00Z\", \"gateway\"";
        QTest::newRow("jsonl") << u"parallel.jsonl"_qs << jsonl << qint64(rounds) << 2;
        QTest::newRow("jsonl auto") << u"parallel.jsonl"_qs << jsonl << qint64(rounds) << 0;
        // CSV: the header once, then good rows and rows with a column too few (bad.csv's).
        const QByteArray goodCsv = readAll(kData + u"good.csv"_qs);
        const qsizetype headerEnd = goodCsv.indexOf('\n') + 1;
        QByteArray csv = goodCsv.left(headerEnd);
        const QByteArray badRows = readAll(kData + u"bad.csv"_qs).mid(readAll(kData + u"bad.csv"_qs).indexOf('\n') + 1);
        rounds = 0;
        for (; csv.size() < 2'000'000; ++rounds)
            csv += goodCsv.mid(headerEnd) + badRows;
        QTest::newRow("csv") << u"parallel.csv"_qs << csv << qint64(rounds) << 2;
        QTest::newRow("csv auto") << u"parallel.csv"_qs << csv << qint64(rounds) << 0;
    }
    void parallelIngestMatchesSerial()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(qint64, badPerRound);
        QFETCH(int, threads);
        const QString path = m_dir.filePath(name);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
        f.close();
        TrafficIngestOptions options;
        options.chunkBytes = 700 * 1024;
        options.maxListedBadLines = 150;
        options.threads = 1;
        TrafficAggregator serialAgg;
        const TrafficIngestResult serial = ingestTrafficFile(path, {}, serialAgg, options);
        options.threads = threads;
        TrafficAggregator parallelAgg;
        const TrafficIngestResult parallel = ingestTrafficFile(path, {}, parallelAgg, options);
        QVERIFY2(serial.ok() && parallel.ok(), qPrintable(serial.error + parallel.error));
        QCOMPARE(parallel.events, serial.events);
        QCOMPARE(parallel.lines, serial.lines);
        QCOMPARE(parallel.lines, qint64(content.count('\n')));
        QCOMPARE(parallel.badLineCount, serial.badLineCount);
        QVERIFY(serial.badLineCount > 150);
        QCOMPARE(parallel.badLines.size(), 150);
        QCOMPARE(badLineTexts(parallel, name), badLineTexts(serial, name));
        // Independently: every listed bad line is a line of the bad rows, not of the good ones.
        const QList<QByteArray> lines = content.split('\n');
        QSet<QByteArray> goodLines;
        for (const QString &fixture : {u"good.jsonl"_qs, u"usage.jsonl"_qs, u"good.csv"_qs})
            for (const QByteArray &line : readAll(kData + fixture).split('\n'))
                goodLines.insert(line);
        for (const TrafficBadLine &b : parallel.badLines)
            QVERIFY2(!goodLines.contains(lines[b.line - 1]), qPrintable(b.toString(name)));
        QCOMPARE(parallel.state.offset, serial.state.offset);
        QCOMPARE(parallel.state.offset, content.lastIndexOf('\n') + 1);
        QCOMPARE(parallel.heldBackBytes, serial.heldBackBytes);
        QCOMPARE(parallelAgg.events(), serialAgg.events());
        const QList<TrafficBucket> a = serialAgg.minuteBuckets();
        const QList<TrafficBucket> b = parallelAgg.minuteBuckets();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QVERIFY(a[i].key == b[i].key);
            QCOMPARE(b[i].values.requests, a[i].values.requests);
            QCOMPARE(b[i].values.promptTokens, a[i].values.promptTokens);
            QCOMPARE(b[i].values.latencyMaxMs, a[i].values.latencyMaxMs);
            QVERIFY(std::abs(b[i].values.costReportedUsd - a[i].values.costReportedUsd) < 1e-9);
            QVERIFY(a[i].values.latency == b[i].values.latency);
            QVERIFY(a[i].values.ttft == b[i].values.ttft);
        }
        const QList<TrafficKeyUsage> serialUsage = serialAgg.keyUsage();
        const QList<TrafficKeyUsage> parallelUsage = parallelAgg.keyUsage();
        QCOMPARE(parallelUsage.size(), serialUsage.size());
        for (qsizetype i = 0; i < serialUsage.size(); ++i) {
            QVERIFY(parallelUsage[i].key == serialUsage[i].key);
            QCOMPARE(parallelUsage[i].requests, serialUsage[i].requests);
            QCOMPARE(parallelUsage[i].errors, serialUsage[i].errors);
            QCOMPARE(parallelUsage[i].completionTokens, serialUsage[i].completionTokens);
            QCOMPARE(parallelUsage[i].costCount, serialUsage[i].costCount);
        }
        if (name.endsWith(u".jsonl"_qs)) {
            // bad.jsonl's bad lines once per round.
            TrafficAggregator badOnly;
            TrafficStreamIngestor badIngestor(TrafficFormat::Jsonl, badOnly);
            const QByteArray badFixture =
                readAll(kData + u"bad.jsonl"_qs) + (readAll(kData + u"bad.jsonl"_qs).endsWith('\n') ? "" : "\n");
            badIngestor.feed(badFixture.constData(), badFixture.size());
            QCOMPARE(parallel.badLineCount, badPerRound * badIngestor.badLineCount());
        } else {
            QCOMPARE(parallel.badLineCount, badPerRound * (readAll(kData + u"bad.csv"_qs).count('\n') - 1));
        }
    }

    // Mutated lines (bytes flipped, cut, duplicated) never crash the scanner, and every line is
    // either an event or a bad line with a message.
    void mutatedLinesAreEventsOrErrors()
    {
        const QList<QByteArray> lines = readAll(kData + u"good.jsonl"_qs).split('\n');
        const QByteArray csvHeader = readAll(kData + u"good.csv"_qs).split('\n').first();
        quint32 seed = 12345;
        auto next = [&] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        for (const TrafficFormat format : {TrafficFormat::Jsonl, TrafficFormat::Csv}) {
            TrafficLineParser parser(format);
            if (format == TrafficFormat::Csv)
                QVERIFY(
                    parser.setCsvHeader(std::string_view(csvHeader.constData(), size_t(csvHeader.size())), nullptr));
            for (int i = 0; i < 20000; ++i) {
                QByteArray line = lines[qsizetype(next() % 100)];
                const int edits = 1 + int(next() % 4);
                for (int e = 0; e < edits && !line.isEmpty(); ++e) {
                    const qsizetype at = qsizetype(next() % quint32(line.size()));
                    switch (next() % 4) {
                    case 0: line[at] = char(next() & 0xFF); break;
                    case 1: line.truncate(at); break;
                    case 2: line.insert(at, line.mid(at, qsizetype(next() % 12))); break;
                    default: line.insert(at, "\\u12"); break;
                    }
                }
                TrafficRecord record;
                TrafficLineError error;
                if (!parser.parse(std::string_view(line.constData(), size_t(line.size())), record, error))
                    QVERIFY2(!error.message.isEmpty(), line.constData());
                else
                    QVERIFY(!record.model.empty());
            }
        }
    }

    // Issue 18: an unterminated 512 MB line took 1.55 GB. A line past the limit is one bad line,
    // skipped as it streams past: the read buffer stays near the chunk size and the limit.
    void tooLongLineIsOneBadLineAndNotBuffered()
    {
        const QList<QByteArray> lines = readAll(kData + u"good.jsonl"_qs).split('\n');
        const qsizetype limit = kTrafficMaxLineBytes;
        QCOMPARE(limit, qsizetype(1) << 20); // the documented default (docs/traffic-import.md)
        const QByteArray huge = "{\"model\": \"" + QByteArray(6 * limit, 'x') + "\"}";
        const QByteArray unterminated = "{\"model\": \"" + QByteArray(3 * limit, 'y');
        const QByteArray content = lines[1] + '\n' + huge + '\n' + lines[2] + '\n' + unterminated;
        const QString path = m_dir.filePath(u"long.jsonl"_qs);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        TrafficAggregator agg;
        TrafficIngestOptions options;
        options.chunkBytes = 64 * 1024;
        const TrafficIngestResult r = ingestTrafficFile(path, {}, agg, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.events, 2);
        QCOMPARE(badLineTexts(r, u"long.jsonl"_qs), QStringList({u"long.jsonl:2: line longer than 1048576 bytes"_qs}));
        QCOMPARE(r.lines, 3);
        // The unterminated last line is held back like any incomplete line, but not kept in memory.
        QCOMPARE(r.heldBackBytes, unterminated.size());
        QCOMPARE(r.state.offset, content.size() - unterminated.size());
        QVERIFY2(r.maxBufferBytes <= 2 * limit + options.chunkBytes, qPrintable(QString::number(r.maxBufferBytes)));

        // Once its newline arrives it is one bad line (counted once), and the next line counts.
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n" + lines[3] + '\n');
        f.close();
        TrafficAggregator more;
        const TrafficIngestResult again = ingestTrafficFile(
            path, [&](const QString &, const QByteArray &) { return std::optional<TrafficFileState>(r.state); }, more,
            options);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.events, 1);
        QCOMPARE(badLineTexts(again, u"long.jsonl"_qs),
                 QStringList({u"long.jsonl:4: line longer than 1048576 bytes"_qs}));
        QCOMPARE(again.heldBackBytes, 0);
        QVERIFY(again.maxBufferBytes <= 2 * limit + options.chunkBytes);
    }

    // Issue 18: a JSONL log starting with a UTF-8 BOM lost its first line; CSV kept it.
    void byteOrderMarkIsSkipped_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("name");
        QTest::newRow("jsonl") << u"good.jsonl"_qs << u"bom.jsonl"_qs;
        QTest::newRow("jsonl, no extension") << u"good.jsonl"_qs << u"bom.log"_qs;
        QTest::newRow("csv") << u"good.csv"_qs << u"bom.csv"_qs;
    }

    void byteOrderMarkIsSkipped()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, name);
        const Ingested plain = ingest(kData + fixture);
        const QString path = m_dir.filePath(name);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF" + readAll(kData + fixture));
        f.close();
        const Ingested bom = ingest(path);
        QVERIFY2(bom.result.ok(), qPrintable(bom.result.error));
        QCOMPARE(badLineTexts(bom.result, name), badLineTexts(plain.result, name));
        QCOMPARE(bom.result.events, plain.result.events);
        QCOMPARE(bom.result.state.offset, plain.result.state.offset + 3);
        // A BOM is only a BOM at the start: fed in one piece or byte by byte, the same events.
        TrafficAggregator agg;
        TrafficStreamIngestor ingestor(detectTrafficFormat(path, readAll(path)), agg);
        const QByteArray bytes = readAll(path);
        qsizetype used = 0;
        for (qsizetype end = 1; end <= bytes.size(); ++end)
            used += ingestor.feed(bytes.constData() + used, end - used);
        QCOMPARE(ingestor.events(), plain.result.events);
    }

    // Issue 18: one rule for numbers and keys in a log line (docs/traffic-import.md): numbers
    // at most 2^53 and integers exact, a known field named twice is a bad line, and a lone
    // surrogate in a \u escape is refused (the one JSON lexer's policy).
    void numbersKeysAndEscapesFollowTheLexerRule_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QString>("error");
        QTest::newRow("latency 1.8e19") << QByteArray(R"("latency_ms": 1.8e19)")
                                        << u"/latency_ms: 1.8e19 is out of range (at most 2^53)"_qs;
        QTest::newRow("tokens 2^64+1") << QByteArray(R"("prompt_tokens": 18446744073709551617)")
                                       << u"bad JSON at column %1: integer out of range (beyond 2^53, not exact)"_qs;
        QTest::newRow("tokens 2^53+1") << QByteArray(R"("prompt_tokens": 9007199254740993)")
                                       << u"bad JSON at column %1: integer out of range (beyond 2^53, not exact)"_qs;
        QTest::newRow("status twice") << QByteArray(R"("status": 500)") << u"/status: duplicate key at column %1"_qs;
        QTest::newRow("lone high surrogate")
            << QByteArray(R"("user": "a\ud800b")") << u"bad JSON at column %1: unpaired surrogate in \\u escape"_qs;
        QTest::newRow("lone low surrogate")
            << QByteArray(R"("task": "\udc00")") << u"bad JSON at column %1: unpaired surrogate in \\u escape"_qs;
        QTest::newRow("huge exponent") << QByteArray(R"("cost_usd": 1e999)")
                                       << u"bad JSON at column %1: number out of range"_qs;
    }

    void numbersKeysAndEscapesFollowTheLexerRule()
    {
        QFETCH(QByteArray, member);
        QFETCH(QString, error);
        QByteArray line = readAll(kData + u"good.jsonl"_qs).split('\n').at(1);
        const QString key = QString::fromLatin1(member.mid(1, member.indexOf('"', 1) - 1));
        if (!QTest::currentDataTag() || QByteArray(QTest::currentDataTag()) != "status twice") {
            QJsonObject object = QJsonDocument::fromJson(line).object(); // the member appended alone
            object.remove(key);
            line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        }
        TrafficLineParser parser(TrafficFormat::Jsonl);
        TrafficRecord record;
        TrafficLineError e;
        QVERIFY(parser.parse(std::string_view(line.constData(), size_t(line.size())), record, e));
        // Appended last: a duplicate follows the original, where "last wins" used to accept it.
        line.chop(1);
        const qsizetype at = line.size() + 2;
        line += ", " + member + "}";
        QVERIFY(!parser.parse(std::string_view(line.constData(), size_t(line.size())), record, e));
        const qsizetype valueAt = at + member.indexOf(':') + 2;
        QString want = error;
        if (want.contains(u"%1"_qs)) {
            // the key's column for a duplicate; else where the lexer stopped (checked as a range)
            if (want.startsWith(u"/status"_qs)) {
                want = want.arg(at + 1);
            } else {
                const QString got = (e.path.isEmpty() ? QString() : e.path + u": "_qs) + e.message;
                const QString prefix = want.left(want.indexOf(u"%1"_qs));
                QVERIFY2(got.startsWith(prefix) && got.endsWith(want.mid(want.indexOf(u"%1"_qs) + 2)), qPrintable(got));
                const qsizetype column = got.mid(prefix.size()).section(u':', 0, 0).toLongLong();
                QVERIFY2(column >= valueAt && column <= line.size(), qPrintable(got));
                return;
            }
        }
        QCOMPARE((e.path.isEmpty() ? QString() : e.path + u": "_qs) + e.message, want);
    }

    // The same lexer rule holds in CSV cells: numbers are the JSON grammar, at most 2^53.
    void csvNumbersFollowTheLexerRule()
    {
        const QList<QByteArray> csv = readAll(kData + u"good.csv"_qs).split('\n');
        const QByteArray &header = csv.first();
        const qsizetype column = header.split(',').indexOf("latency_ms");
        QVERIFY(column >= 0);
        TrafficLineParser parser(TrafficFormat::Csv);
        QVERIFY(parser.setCsvHeader(std::string_view(header.constData(), size_t(header.size())), nullptr));
        for (const auto &[cell, message] :
             {std::pair{QByteArray("1.8e19"), u"/latency_ms: 1.8e19 is out of range (at most 2^53)"_qs},
              std::pair{QByteArray("18446744073709551617"),
                        u"/latency_ms: 18446744073709551617 is out of range (at most 2^53)"_qs},
              std::pair{QByteArray("NaN"), u"/latency_ms: expected a number, got \"NaN\""_qs}}) {
            // The only quoted cell is the notes column: without it, splitting at commas is exact.
            QList<QByteArray> cells = QByteArray(csv.at(1)).replace("\"synthetic, fake\"", "x").split(',');
            QCOMPARE(cells.size(), header.split(',').size());
            cells[column] = cell;
            const QByteArray line = cells.join(',');
            TrafficRecord record;
            TrafficLineError e;
            QVERIFY(!parser.parse(std::string_view(line.constData(), size_t(line.size())), record, e));
            QCOMPARE(e.path + u": "_qs + e.message, message);
        }
    }

    void progressReachesTheEnd()
    {
        TrafficAggregator agg;
        TrafficIngestOptions options;
        options.chunkBytes = 4096;
        qint64 calls = 0, lastDone = 0, lastTotal = -1;
        options.progress = [&](qint64 done, qint64 total) {
            ++calls;
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        };
        const TrafficIngestResult r = ingestTrafficFile(kData + u"good.jsonl"_qs, {}, agg, options);
        QVERIFY(r.ok());
        QVERIFY(calls > 10); // 55 KiB in 4 KiB chunks
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(lastTotal, QFileInfo(kData + u"good.jsonl"_qs).size());
    }

    void histogramQuantilesWithinABin()
    {
        LatencyHistogram h;
        QList<double> values;
        for (int i = 1; i <= 1000; ++i) {
            values << i * 3.7;
            h.add(i * 3.7);
        }
        QCOMPARE(h.count(), 1000u);
        for (double q : {0.5, 0.95}) {
            const double exact = values[int(q * 1000) - 1];
            const double got = h.quantile(q);
            QVERIFY2(got > exact / 1.2 && got < exact * 1.2,
                     qPrintable(u"q=%1 got %2 exact %3"_qs.arg(q).arg(got).arg(exact)));
        }
        QVERIFY(LatencyHistogram::fromBlob(h.toBlob()) == h);
        LatencyHistogram twice = h;
        twice.merge(h);
        QCOMPARE(twice.count(), 2000u);
        QCOMPARE(twice.quantile(0.5), h.quantile(0.5));
    }
};

QTEST_GUILESS_MAIN(TestTrafficIngest)
#include "tst_traffic_ingest.moc"
