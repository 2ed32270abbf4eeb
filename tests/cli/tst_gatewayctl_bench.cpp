// gatewayctl bench-prompts end to end: the real gatewayctl binary against real gateway-sim
// processes (one clean, one whose Vercel side answers 429), keys only through the environment.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// The simulator's obviously fake default keys (GatewaySimulator::defaultKey).
const QString kOpenRouterKey = u"sk-or-v1-sim-local"_qs;
const QString kVercelKey = u"vck_sim_local"_qs;

const QByteArray kSuite =
    "# two prompts\n"
    "{\"name\": \"hello, world\", \"messages\": [{\"role\": \"user\", \"content\": \"Say hello\"}]}\n"
    "{\"name\": \"think\", \"messages\": [{\"role\": \"user\", \"content\": \"Is 91 prime?\"}], \"reasoning\": "
    "\"low\"}\n";

QList<QStringList> csvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u"\r\n"_qs, Qt::SkipEmptyParts))
        rows << line.split(u',');
    return rows;
}

} // namespace

class TestGatewayctlBench : public QObject {
    Q_OBJECT
    QProcess m_sim;    // clean
    QProcess m_faulty; // Vercel answers every chat with 429
    int m_port = 0;
    int m_faultyPort = 0;
    QTemporaryDir m_dir;

    static bool startSim(QProcess &sim, const QStringList &extra, int &port)
    {
        sim.setProcessChannelMode(QProcess::SeparateChannels);
        sim.start(QStringLiteral(GATEWAY_SIM_PATH), QStringList{u"--port"_qs, u"0"_qs, u"--seed"_qs, u"5"_qs} + extra);
        if (!sim.waitForStarted(30'000))
            return false;
        QElapsedTimer clock;
        clock.start();
        while (!sim.canReadLine() && clock.elapsed() < 30'000)
            sim.waitForReadyRead(1'000);
        const QString line = QString::fromUtf8(sim.readLine()).trimmed();
        const QRegularExpressionMatch m = QRegularExpression(u"^listening 127\\.0\\.0\\.1:(\\d+)$"_qs).match(line);
        port = m.hasMatch() ? m.captured(1).toInt() : 0;
        return port > 0;
    }

    static void stopSim(QProcess &sim)
    {
        if (sim.state() == QProcess::NotRunning)
            return;
        sim.terminate();
        if (!sim.waitForFinished(30'000))
            sim.kill();
    }

    QStringList urls(int port) const
    {
        return {u"--openrouter-url"_qs, u"http://127.0.0.1:%1/openrouter/api/v1"_qs.arg(port), u"--vercel-url"_qs,
                u"http://127.0.0.1:%1/vercel/v1"_qs.arg(port)};
    }

    QString suitePath() const { return m_dir.filePath(u"suite.jsonl"_qs); }
    static QString configPath()
    {
        return QStringLiteral(GW_SOURCE_DIR) + u"/resources/sample-workspace/routing.json"_qs;
    }

    static Run gatewayctl(const QStringList &args, bool withVercelKey = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"OPENROUTER_API_KEY"_qs);
        env.remove(u"AI_GATEWAY_API_KEY"_qs);
        env.insert(u"OPENROUTER_API_KEY"_qs, kOpenRouterKey);
        if (withVercelKey)
            env.insert(u"AI_GATEWAY_API_KEY"_qs, kVercelKey);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GATEWAYCTL_PATH), QStringList{u"bench-prompts"_qs} + args);
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished(10'000);
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile suite(suitePath());
        QVERIFY(suite.open(QIODevice::WriteOnly));
        suite.write(kSuite);
        suite.close();
        QVERIFY(startSim(m_sim, {}, m_port));
        QVERIFY(
            startSim(m_faulty, {u"--faults"_qs, u"{\"vercel\": {\"error_rates\": {\"429\": 1}}}"_qs}, m_faultyPort));
    }

    void bothGatewaysWithCsv()
    {
        const QString summaryCsv = m_dir.filePath(u"summary.csv"_qs);
        const QString resultsCsv = m_dir.filePath(u"results.csv"_qs);
        const Run r = gatewayctl(
            QStringList{suitePath(), u"--models"_qs, u"openai/gpt-4o-mini,anthropic/claude-sonnet-4.5"_qs,
                        u"--repeat"_qs, u"2"_qs, u"--concurrency"_qs, u"3"_qs, u"--config"_qs, configPath(),
                        u"--csv"_qs, summaryCsv, u"--results-csv"_qs, resultsCsv, u"--reconcile"_qs, u"--estimate"_qs}
            + urls(m_port));
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QCOMPARE(r.out.count(QRegularExpression(u"^case \\d+: "_qs, QRegularExpression::MultilineOption)), 8);
        QVERIFY2(r.out.contains(u"case 0: hello, world on openai/gpt-4o-mini #1 | openrouter ok ttft "_qs),
                 qPrintable(r.out));
        // Per side: "cost $X reported, estimated $Y, billed $Z".
        QCOMPARE(
            r.out.count(QRegularExpression(u"cost \\$[0-9.]+ reported, estimated \\$[0-9.]+, billed \\$[0-9.]+"_qs)),
            16);
        // The simulator bills what it reports, so reported and billed totals agree.
        const QRegularExpressionMatch costs =
            QRegularExpression(
                u"\\ncosts: reported (\\$[0-9.]+) \\(16 results\\), billed (\\$[0-9.]+) \\(16\\), estimated \\$[0-9.]+ \\(16\\)\\n"_qs)
                .match(r.out);
        QVERIFY2(costs.hasMatch(), qPrintable(r.out.right(400)));
        QCOMPARE(costs.captured(1), costs.captured(2));
        QCOMPARE(r.out.count(u"| flags: none"_qs), 8);
        QVERIFY(r.out.contains(QRegularExpression(u"\\nanthropic/claude-sonnet-4\\.5 +vercel +4 +100 "_qs)));

        const QList<QStringList> rows = csvRows(summaryCsv);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0).mid(0, 5),
                 (QStringList{u"model"_qs, u"gateway"_qs, u"runs"_qs, u"succeeded"_qs, u"success_rate"_qs}));
        QCOMPARE(rows.at(1).mid(0, 5),
                 (QStringList{u"openai/gpt-4o-mini"_qs, u"openrouter"_qs, u"4"_qs, u"4"_qs, u"1"_qs}));
        QCOMPARE(rows.at(4).mid(0, 2), (QStringList{u"anthropic/claude-sonnet-4.5"_qs, u"vercel"_qs}));
        QFile results(resultsCsv);
        QVERIFY(results.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(results.readAll());
        QVERIFY(text.contains(u"\"hello, world\""_qs)); // quoted: it has a comma
        QVERIFY(!text.contains(kOpenRouterKey) && !text.contains(kVercelKey));
        QVERIFY(!r.all().contains(kOpenRouterKey) && !r.all().contains(kVercelKey));
    }

    void oneSideFailingExitsOne()
    {
        const Run r =
            gatewayctl(QStringList{suitePath(), u"--models"_qs, u"openai/gpt-4o-mini"_qs, u"--config"_qs, configPath()}
                       + urls(m_faultyPort));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.count(u"vercel error rate_limited"_qs), 2);
        QCOMPARE(r.out.count(u"flags: error_one_side"_qs), 2);
        QVERIFY(r.out.contains(QRegularExpression(u"\\nopenai/gpt-4o-mini +vercel +2 +0 "_qs)));
    }

    void withoutConfigOpenRouterOnly()
    {
        const Run r =
            gatewayctl(QStringList{suitePath(), u"--models"_qs, u"openai/gpt-4o-mini"_qs, u"--json"_qs} + urls(m_port));
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.err.contains(u"no --config"_qs));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(u"summary"_qs).toArray().size(), 1);
        const QJsonArray results = doc.value(u"results"_qs).toArray();
        QCOMPARE(results.size(), 4);
        int skipped = 0;
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            if (o.value(u"gateway"_qs).toString() == u"vercel") {
                QVERIFY(o.value(u"skipped"_qs).toBool());
                ++skipped;
            } else {
                QVERIFY(o.value(u"ok"_qs).toBool());
                QVERIFY(!o.value(u"response"_qs).toObject().value(u"text"_qs).toString().isEmpty());
            }
        }
        QCOMPARE(skipped, 2);
    }

    void noVercelKeyOpenRouterOnly()
    {
        const Run r =
            gatewayctl(QStringList{suitePath(), u"--models"_qs, u"openai/gpt-4o-mini"_qs, u"--config"_qs, configPath()}
                           + urls(m_port),
                       false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY(r.err.contains(u"no Vercel key"_qs));
        QCOMPARE(r.out.count(u"vercel skipped (no vercel client"_qs), 2);
    }

    void badInput()
    {
        const Run noModels = gatewayctl(QStringList{suitePath()} + urls(m_port));
        QCOMPARE(noModels.exitCode, 2);
        QVERIFY(noModels.err.contains(u"--models"_qs));
        const Run badRepeat = gatewayctl(QStringList{suitePath(), u"--models"_qs, u"a/b"_qs, u"--repeat"_qs, u"0"_qs});
        QCOMPARE(badRepeat.exitCode, 2);

        const QString broken = m_dir.filePath(u"broken.jsonl"_qs);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\": \"ok\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n{\"name\": \"x\", "
                   "\"messages\": {}}\n");
        file.close();
        const Run badSuite = gatewayctl(QStringList{broken, u"--models"_qs, u"openai/gpt-4o-mini"_qs} + urls(m_port));
        QCOMPARE(badSuite.exitCode, 1);
        QVERIFY2(badSuite.err.contains(u"broken.jsonl:2:27: /messages: must be a non-empty array"_qs),
                 qPrintable(badSuite.err));
        QVERIFY(!badSuite.out.contains(u"case "_qs));
    }

    void cleanupTestCase()
    {
        stopSim(m_sim);
        stopSim(m_faulty);
    }
};

QTEST_GUILESS_MAIN(TestGatewayctlBench)
#include "tst_gatewayctl_bench.moc"
