// gatewayctl ingest and report end to end: the real binary on the traffic fixtures, a real
// history file, totals checked against an independent QJsonDocument pass over the same log.

#include "gatewayctl_run.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using gwtest::gatewayctl;
using gwtest::Run;

const QString kData = QStringLiteral(GW_SOURCE_DIR "/tests/data/traffic/");

struct Expected {
    qint64 requests = 0;
    qint64 errors = 0;
    double cost = 0;
    qint64 prompt = 0;
};

QMap<QString, Expected> perGateway(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    QMap<QString, Expected> out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        Expected &e = out[o.value(u"gateway"_qs).toString()];
        ++e.requests;
        const bool failed = !o.value(u"error_type"_qs).isNull() || o.value(u"status"_qs).toInt() >= 400;
        e.errors += failed ? 1 : 0;
        e.cost += o.value(u"cost_usd"_qs).toDouble();
        e.prompt += o.value(u"prompt_tokens"_qs).toInteger();
    }
    return out;
}

} // namespace

class TestGatewayctlIngest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void ingestReportsCountsAndBadLines()
    {
        const QString db = m_dir.filePath(u"all.sqlite"_qs);
        const QString bad = kData + u"bad.jsonl"_qs;
        const Run r = gatewayctl({u"ingest"_qs, bad, kData + u"good.jsonl.gz"_qs, u"--db"_qs, db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(bad + u": 4 new events, 8 bad lines, an incomplete last line (40 bytes) left for later"_qs),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(u"good.jsonl.gz: 40 new events, 0 bad lines"_qs), qPrintable(r.out));
        QVERIFY2(r.err.contains(bad + u":5: /latency_ms: expected a number"_qs), qPrintable(r.err));
        QVERIFY(r.err.contains(bad + u":8: /gateway: unknown gateway \"azure\" (openrouter or vercel)"_qs));

        const Run again = gatewayctl({u"ingest"_qs, bad, u"--db"_qs, db});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u": 0 new events, 0 bad lines (already ingested up to line 13)"_qs),
                 qPrintable(again.out));
        QVERIFY(again.err.isEmpty());

        const Run report = gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"gateway"_qs, u"--json"_qs});
        QCOMPARE(report.exitCode, 0);
        qint64 requests = 0;
        for (const QJsonValue &g : QJsonDocument::fromJson(report.out.toUtf8()).object().value(u"groups"_qs).toArray())
            requests += g.toObject().value(u"requests"_qs).toInteger();
        QCOMPARE(requests, 44);
    }

    void reportMatchesIndependentTotals()
    {
        const QString db = m_dir.filePath(u"good.sqlite"_qs);
        QCOMPARE(gatewayctl({u"ingest"_qs, kData + u"good.jsonl"_qs, u"--db"_qs, db}).exitCode, 0);
        const Run r = gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"gateway"_qs, u"--json"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(u"by"_qs).toString(), u"gateway"_qs);
        const QMap<QString, Expected> want = perGateway(kData + u"good.jsonl"_qs);
        const QJsonArray groups = doc.value(u"groups"_qs).toArray();
        QCOMPARE(groups.size(), want.size());
        for (const QJsonValue &v : groups) {
            const QJsonObject g = v.toObject();
            const Expected e = want.value(g.value(u"group"_qs).toString());
            QCOMPARE(g.value(u"requests"_qs).toInteger(), e.requests);
            QCOMPARE(g.value(u"errors"_qs).toInteger(), e.errors);
            QCOMPARE(g.value(u"prompt_tokens"_qs).toInteger(), e.prompt);
            QVERIFY(std::abs(g.value(u"cost_usd"_qs).toDouble() - e.cost) < 1e-9);
            QVERIFY(std::abs(g.value(u"error_rate"_qs).toDouble() - double(e.errors) / double(e.requests)) < 1e-9);
            QVERIFY(g.value(u"latency_p50_ms"_qs).toDouble() > 100);
            QVERIFY(g.value(u"latency_p95_ms"_qs).toDouble() >= g.value(u"latency_p50_ms"_qs).toDouble());
        }

        // A window: only the first ten minutes.
        const Run window = gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"model"_qs, u"--csv"_qs, u"--from"_qs,
                                       u"2025-01-15T10:00:00Z"_qs, u"--to"_qs, u"2025-01-15T10:10:00Z"_qs});
        QCOMPARE(window.exitCode, 0);
        const QStringList lines = window.out.split(u"\r\n"_qs, Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(u"group,requests,errors,error_rate,cost_usd"_qs));
        qint64 inWindow = 0;
        for (qsizetype i = 1; i < lines.size(); ++i)
            inWindow += lines[i].split(u',').at(1).toLongLong();
        QCOMPARE(inWindow, 70); // seven events per minute in the fixture
    }

    // --follow on a folder: a new file, appended lines (a partial one completed later) and a
    // rotation (rename + new file) are each picked up once.
    void followFolder()
    {
        QTemporaryDir logs;
        const QString db = m_dir.filePath(u"follow.sqlite"_qs);
        QFile fixture(kData + u"good.jsonl"_qs);
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = fixture.readAll().split('\n');
        auto chunk = [&](int from, int to) {
            QByteArray out;
            for (int i = from; i < to; ++i)
                out += lines[i] + '\n';
            return out;
        };
        auto append = [&](const QString &name, const QByteArray &bytes) {
            QFile f(logs.filePath(name));
            QVERIFY(f.open(QIODevice::Append));
            QCOMPARE(f.write(bytes), bytes.size());
        };
        QProcess p;
        p.start(QStringLiteral(GATEWAYCTL_PATH), {u"ingest"_qs, logs.path(), u"--db"_qs, db, u"--follow"_qs,
                                                  u"--interval"_qs, u"50"_qs, u"--stop-after"_qs, u"20000"_qs});
        QVERIFY(p.waitForStarted());
        QString seen;
        auto waitFor = [&](const QString &text) {
            QElapsedTimer t;
            t.start();
            while (!seen.contains(text) && t.elapsed() < 15000) {
                p.waitForReadyRead(100);
                seen += QString::fromUtf8(p.readAllStandardOutput());
            }
            return seen.contains(text);
        };
        append(u"traffic.jsonl"_qs, chunk(0, 10) + lines[10].left(30));
        QVERIFY2(waitFor(u"traffic.jsonl: 10 new events, 0 bad lines, an incomplete last line (30 bytes)"_qs),
                 qPrintable(seen));
        append(u"traffic.jsonl"_qs, lines[10].mid(30) + '\n' + chunk(11, 20));
        QVERIFY2(waitFor(u"traffic.jsonl: 10 new events, 0 bad lines (already ingested up to line 10)"_qs),
                 qPrintable(seen));
        QVERIFY(QFile::rename(logs.filePath(u"traffic.jsonl"_qs), logs.filePath(u"traffic.jsonl.1"_qs)));
        append(u"traffic.jsonl"_qs, chunk(20, 25));
        QVERIFY2(waitFor(u"traffic.jsonl: 5 new events"_qs), qPrintable(seen));
        p.kill();
        p.waitForFinished();
        QVERIFY2(!seen.contains(u"traffic.jsonl.1: "_qs), qPrintable(seen)); // the rotated file added nothing

        const Run r = gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"gateway"_qs, u"--json"_qs});
        qint64 requests = 0;
        for (const QJsonValue &g : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"groups"_qs).toArray())
            requests += g.toObject().value(u"requests"_qs).toInteger();
        QCOMPARE(requests, 25);
    }

    void usageAndInputErrors()
    {
        const QString db = m_dir.filePath(u"errors.sqlite"_qs);
        QCOMPARE(gatewayctl({u"ingest"_qs, kData + u"good.jsonl"_qs}).exitCode, 2);
        QCOMPARE(gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"color"_qs}).exitCode, 2);
        QCOMPARE(gatewayctl({u"report"_qs, u"--db"_qs, db, u"--by"_qs, u"model"_qs, u"--from"_qs, u"soon"_qs}).exitCode,
                 2);
        const Run missing = gatewayctl({u"ingest"_qs, m_dir.filePath(u"nope.jsonl"_qs), u"--db"_qs, db});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"nope.jsonl"_qs), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestGatewayctlIngest)
#include "tst_gatewayctl_ingest.moc"
