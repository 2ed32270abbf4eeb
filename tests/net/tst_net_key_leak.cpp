// The API key must never show up in a log line, a qDebug or an error message: capture every
// message while clients succeed and fail in all the ways they can, then search for the key.

#include "sim_fixture.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace gw;
using namespace gw::test;

namespace {

QMutex g_mutex;
QStringList g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_mutex);
    g_messages.append(message);
}

const QString kOpenRouterKey = u"sk-or-v1-FAKE-leakcheck-0123456789abcdef-SECRET9f3e"_qs;
const QString kVercelKey = u"vck_FAKE_leakcheck_0123456789abcdef_SECRET77aa"_qs;

} // namespace

class TestNetKeyLeak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void maskKeepsOnlyPrefixAndTail();
    void keyNeverInLogsOrErrors();
};

void TestNetKeyLeak::maskKeepsOnlyPrefixAndTail()
{
    QCOMPARE(net::maskKey(kOpenRouterKey), u"sk-or-v1-…9f3e"_qs);
    QCOMPARE(net::maskKey(kVercelKey), u"vck_…77aa"_qs);
    QCOMPARE(net::maskKey(u"short"_qs), u"…"_qs);
    QCOMPARE(net::redactKey(u"x " + kVercelKey + u" y", kVercelKey), u"x vck_…77aa y"_qs);
}

void TestNetKeyLeak::keyNeverInLogsOrErrors()
{
    sim::GatewaySimulator::Options options;
    options.openrouterKey = kOpenRouterKey;
    options.vercelKey = kVercelKey;
    sim::GatewaySimulator sim(options);
    QVERIFY(sim.start());

    QLoggingCategory::setFilterRules(u"gw.net.debug=true\nqt.network.*=true"_qs);
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    QStringList errors;
    const auto record = [&errors](net::GatewayReply *reply) {
        QVERIFY(waitFinished(reply));
        errors << reply->error().message << reply->error().code;
    };
    for (const Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        net::ClientSettings settings = simSettings(sim, gateway);
        settings.apiKey = gateway == Gateway::OpenRouter ? kOpenRouterKey : kVercelKey;
        auto good = net::makeGatewayClient(gateway, settings);
        record(good->chat(chatRequest(u"openai/gpt-4o"_qs, true)));
        record(good->balance());
        (gateway == Gateway::OpenRouter ? sim.faults().openrouter : sim.faults().vercel)
            .errorRates.insert(u"500"_qs, 1.0);
        record(good->chat(chatRequest(u"openai/gpt-4o"_qs, false)));

        // The other gateway's key: a 401 whose error must not echo what was sent.
        net::ClientSettings wrong = settings;
        wrong.apiKey = gateway == Gateway::OpenRouter ? kVercelKey : kOpenRouterKey;
        auto bad = net::makeGatewayClient(gateway, wrong);
        record(bad->balance());

        net::ClientSettings insecure = settings;
        insecure.baseUrl = QUrl(u"http://gateway.example.invalid/v1"_qs);
        record(net::makeGatewayClient(gateway, insecure)->balance());
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    const QString everything = g_messages.join(u'\n') + u'\n' + errors.join(u'\n');
    QVERIFY2(!g_messages.isEmpty(), "debug logging was on: requests must have been logged");
    QVERIFY(everything.contains(u"sk-or-v1-…9f3e"_qs)); // the masked form is what gets logged
    for (const QString &key : {kOpenRouterKey, kVercelKey}) {
        QVERIFY2(!everything.contains(key), qPrintable(u"key leaked: "_qs + net::maskKey(key)));
        QVERIFY(!everything.contains(key.mid(12, 20))); // not even a fragment
    }
}

QTEST_GUILESS_MAIN(TestNetKeyLeak)
#include "tst_net_key_leak.moc"
