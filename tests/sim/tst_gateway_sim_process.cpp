// The gateway-sim program: port line on stdout, serves /models, stops cleanly on SIGTERM.

#include "raw_http.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace gw::test;

class TestGatewaySimProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void help();
    void servesAndStopsOnSignal_data();
    void servesAndStopsOnSignal();
    void rejectsBadFaults();

private:
    static QString program() { return QStringLiteral(GW_BINARY_DIR "/src/sim/gateway-sim"); }
};

void TestGatewaySimProcess::help()
{
    QProcess p;
    p.start(program(), {u"--help"_qs});
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray text = p.readAllStandardOutput();
    QVERIFY(text.contains("/openrouter/api/v1"));
    QVERIFY(text.contains("/vercel/v1"));
    QVERIFY(text.contains("--port"));
}

void TestGatewaySimProcess::servesAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestGatewaySimProcess::servesAndStopsOnSignal()
{
    QFETCH(int, signal);
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program(), {u"--port"_qs, u"0"_qs, u"--seed"_qs, u"7"_qs});
    QVERIFY(p.waitForStarted(20'000));
    QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20'000);
    const QString line = QString::fromUtf8(p.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(u"^listening 127\\.0\\.0\\.1:(\\d+)$"_qs).match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    const int port = m.captured(1).toInt();
    QVERIFY(port > 0);

    QNetworkAccessManager nam;
    const RawResponse models = fetch(nam, "GET", QUrl(u"http://127.0.0.1:%1/openrouter/api/v1/models"_qs.arg(port)));
    QCOMPARE(models.status, 200);
    const QJsonObject list = QJsonDocument::fromJson(models.body).object();
    QCOMPARE(list.value(u"data").toArray().size(), 343); // the bundled 2026-02-27 snapshot
    QCOMPARE(list.value(u"total_count").toInt(), 343);

    QVERIFY(::kill(pid_t(p.processId()), signal) == 0);
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestGatewaySimProcess::rejectsBadFaults()
{
    QProcess p;
    p.start(program(), {u"--error-rate"_qs, u"418=1"_qs});
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("418"));
}

QTEST_GUILESS_MAIN(TestGatewaySimProcess)
#include "tst_gateway_sim_process.moc"
