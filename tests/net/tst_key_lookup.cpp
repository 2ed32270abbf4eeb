#include <QElapsedTimer>
// Where gatewayctl finds keys: the environment first, else the keychain; a missing keychain is
// said, never waited on.

#include "key_lookup.h"

#include <QTest>

using namespace gw;

class TestKeyLookup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        qunsetenv("OPENROUTER_API_KEY");
        qunsetenv("AI_GATEWAY_API_KEY");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain daemon in this test
    }

    void environmentWins()
    {
        qputenv("OPENROUTER_API_KEY", "sk-or-v1-test-fake-env");
        const net::KeyLookup k = net::lookupApiKey(Gateway::OpenRouter);
        QCOMPARE(k.key, u"sk-or-v1-test-fake-env"_qs);
        QCOMPARE(k.source, u"environment"_qs);
        QVERIFY(k.problem.isEmpty());
        // The other gateway has its own variable.
        QVERIFY(net::lookupApiKey(Gateway::Vercel).key.isEmpty());
        qputenv("AI_GATEWAY_API_KEY", "vck_test_fake_env");
        QCOMPARE(net::lookupApiKey(Gateway::Vercel).key, u"vck_test_fake_env"_qs);
    }

    void noKeychainIsSaidAtOnce()
    {
        QElapsedTimer t;
        t.start();
        const net::KeyLookup k = net::lookupApiKey(Gateway::Vercel, 30000);
        QVERIFY(k.key.isEmpty());
        QVERIFY(k.source.isEmpty());
        QVERIFY2(!k.problem.isEmpty(), "the caller must be told why there is no key");
        QVERIFY(t.elapsed() < 5000); // never waits for a daemon that cannot exist
    }

    void accountsMatchTheApp()
    {
        QCOMPARE(net::keychainService(), u"gateway-console"_qs);
        QCOMPARE(net::keychainAccount(Gateway::OpenRouter), u"openrouter"_qs);
        QCOMPARE(net::keychainAccount(Gateway::Vercel), u"vercel"_qs);
    }
};

QTEST_GUILESS_MAIN(TestKeyLookup)
#include "tst_key_lookup.moc"
