// gatewayctl chat and balance end to end: the real gateway-sim binary on a free loopback port,
// the real gatewayctl binary against it, keys only through the environment.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

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
// A wrong key that must never be echoed back.
const QString kWrongKey = u"sk-or-v1-test-wrong-0123456789abcdef"_qs;

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class TestGatewayctlNet : public QObject {
    Q_OBJECT
    QProcess m_sim;
    int m_port = 0;

    QString baseUrl(const QString &gateway) const
    {
        return u"http://127.0.0.1:%1/%2"_qs.arg(m_port).arg(gateway == u"openrouter" ? u"openrouter/api/v1"_qs
                                                                                     : u"vercel/v1"_qs);
    }

    // `keys`: environment variables to set; both key variables are removed first.
    static Run gatewayctl(const QStringList &args, const QList<std::pair<QString, QString>> &keys)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"OPENROUTER_API_KEY"_qs);
        env.remove(u"AI_GATEWAY_API_KEY"_qs);
        for (const auto &[name, value] : keys)
            env.insert(name, value);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GATEWAYCTL_PATH), args);
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished(10'000);
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    static QList<std::pair<QString, QString>> simKeys()
    {
        return {{u"OPENROUTER_API_KEY"_qs, kOpenRouterKey}, {u"AI_GATEWAY_API_KEY"_qs, kVercelKey}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim.setProcessChannelMode(QProcess::SeparateChannels);
        m_sim.start(QStringLiteral(GATEWAY_SIM_PATH), {u"--port"_qs, u"0"_qs, u"--seed"_qs, u"3"_qs});
        QVERIFY2(m_sim.waitForStarted(30'000), qPrintable(m_sim.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_sim.canReadLine(), 30'000);
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        const QRegularExpressionMatch m = QRegularExpression(u"^listening 127\\.0\\.0\\.1:(\\d+)$"_qs).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        m_port = m.captured(1).toInt();
        QVERIFY(m_port > 0);
    }

    void chat_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("idPattern");
        QTest::addColumn<QString>("provider");
        const QString orId = u"^gen-\\d+-sim\\d{6}$"_qs;
        const QString vId = u"^gen_sim[0-9a-f]{16}$"_qs;
        QTest::newRow("openrouter") << u"openrouter"_qs << false << orId << u"Anthropic"_qs;
        QTest::newRow("openrouter --stream") << u"openrouter"_qs << true << orId << u"Anthropic"_qs;
        QTest::newRow("vercel") << u"vercel"_qs << false << vId << u"anthropic"_qs;
        QTest::newRow("vercel --stream") << u"vercel"_qs << true << vId << u"anthropic"_qs;
    }

    void chat()
    {
        QFETCH(QString, gateway);
        QFETCH(bool, stream);
        QFETCH(QString, idPattern);
        QFETCH(QString, provider);
        QStringList args{u"chat"_qs,
                         u"--gateway"_qs,
                         gateway,
                         u"--base-url"_qs,
                         baseUrl(gateway),
                         u"--model"_qs,
                         u"anthropic/claude-sonnet-4.5"_qs,
                         u"--prompt"_qs,
                         u"What is two plus two?"_qs,
                         u"--reasoning-effort"_qs,
                         u"low"_qs,
                         u"--timeout"_qs,
                         u"120"_qs};
        if (stream)
            args << u"--stream"_qs;
        const Run r = gatewayctl(args, simKeys());
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject o = parseObject(r.out);
        QVERIFY2(!o.isEmpty(), qPrintable(r.out));

        QCOMPARE(o.value(u"gateway").toString(), gateway);
        QCOMPARE(o.value(u"http_status").toInt(), 200);
        QVERIFY(o.value(u"error").isNull());
        const QString text = o.value(u"text").toString();
        QVERIFY(!text.trimmed().isEmpty());
        QVERIFY2(text.contains(u"What is two plus two?"_qs), qPrintable(text)); // the simulator echoes the prompt
        QVERIFY(!o.value(u"reasoning").toString().isEmpty());                   // --reasoning-effort was sent
        QCOMPARE(o.value(u"finish_reason").toString(), u"stop"_qs);

        const QJsonObject usage = o.value(u"usage").toObject();
        const double prompt = usage.value(u"prompt_tokens").toDouble();
        const double completion = usage.value(u"completion_tokens").toDouble();
        const double reasoning = usage.value(u"reasoning_tokens").toDouble();
        QVERIFY(prompt > 0);
        QVERIFY(reasoning > 0);
        QVERIFY(completion > reasoning);

        // Claude Sonnet 4.5: $3 / $15 per million tokens on both gateways, reported by the gateway.
        QCOMPARE(o.value(u"cost_source").toString(), u"reported"_qs);
        const double cost = o.value(u"cost_usd").toDouble(-1);
        QVERIFY2(qAbs(cost - (prompt * 3e-6 + completion * 15e-6)) < 1e-9, qPrintable(QString::number(cost)));

        const QString id = o.value(u"generation_id").toString();
        QVERIFY2(QRegularExpression(idPattern).match(id).hasMatch(), qPrintable(id));
        QCOMPARE(o.value(u"final_provider").toString(), provider);

        if (stream) {
            QVERIFY(o.value(u"ttft_ms").toInteger(-1) >= 0);
            QVERIFY(o.value(u"chunks").toInteger() > 1);
            QVERIFY2(r.err.contains(text.left(20)), qPrintable(r.err)); // the text streamed to stderr
        } else {
            QCOMPARE(o.value(u"ttft_ms").toInteger(), -1);
            QVERIFY(r.err.trimmed().isEmpty());
        }
        QVERIFY(o.value(u"latency_ms").toInteger(-1) >= 0);
    }

    void balance_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::newRow("openrouter") << u"openrouter"_qs;
        QTest::newRow("vercel") << u"vercel"_qs;
    }

    void balance()
    {
        QFETCH(QString, gateway);
        const Run r =
            gatewayctl({u"balance"_qs, u"--gateway"_qs, gateway, u"--base-url"_qs, baseUrl(gateway)}, simKeys());
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o.keys(), QStringList{gateway});
        const QJsonObject b = o.value(gateway).toObject();
        QVERIFY2(!b.contains(u"error"), qPrintable(r.out));
        // The simulator starts every gateway at $100; the chats above spent a little of it.
        const double remaining = b.value(u"remaining_usd").toDouble(-1);
        const double used = b.value(u"used_usd").toDouble(-1);
        QVERIFY(used >= 0);
        QVERIFY(remaining > 0);
        QVERIFY2(qAbs(remaining + used - 100.0) < 1e-5, qPrintable(r.out));
        QCOMPARE(b.value(u"free_tier").toBool(true), false);
        if (gateway == u"openrouter") {
            QCOMPARE(b.value(u"limit_usd").toDouble(), 100.0);
            QVERIFY(b.value(u"used_today_usd").isDouble());
        } else {
            QVERIFY(b.value(u"limit_usd").isNull());
        }
    }

    void wrongKey_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("gateway");
        QTest::newRow("chat openrouter") << QStringList{u"chat"_qs, u"--model"_qs, u"anthropic/claude-sonnet-4.5"_qs,
                                                        u"--prompt"_qs, u"hi"_qs}
                                         << u"openrouter"_qs;
        QTest::newRow("chat vercel --stream")
            << QStringList{u"chat"_qs,     u"--model"_qs, u"anthropic/claude-sonnet-4.5"_qs,
                           u"--prompt"_qs, u"hi"_qs,      u"--stream"_qs}
            << u"vercel"_qs;
        QTest::newRow("balance openrouter") << QStringList{u"balance"_qs} << u"openrouter"_qs;
        QTest::newRow("balance vercel") << QStringList{u"balance"_qs} << u"vercel"_qs;
    }

    void wrongKey()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, gateway);
        const QString variable = gateway == u"openrouter" ? u"OPENROUTER_API_KEY"_qs : u"AI_GATEWAY_API_KEY"_qs;
        const Run r = gatewayctl(command + QStringList{u"--gateway"_qs, gateway, u"--base-url"_qs, baseUrl(gateway)},
                                 {{variable, kWrongKey}});
        QVERIFY2(r.exitCode == 1, qPrintable(r.all()));
        QVERIFY(!r.all().contains(kWrongKey));
        QVERIFY(!r.all().contains(kWrongKey.right(12)));
        const QJsonObject o = parseObject(r.out);
        const QJsonObject error = command.first() == u"chat" ? o.value(u"error").toObject()
                                                             : o.value(gateway).toObject().value(u"error").toObject();
        QCOMPARE(error.value(u"class").toString(), u"auth"_qs);
        QCOMPARE(error.value(u"http_status").toInt(), 401);
        QVERIFY(!error.value(u"message").toString().isEmpty());
    }

    void plainHttpOffMachineRefused_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("chat") << QStringList{u"chat"_qs, u"--model"_qs, u"anthropic/claude-sonnet-4.5"_qs,
                                             u"--prompt"_qs, u"hi"_qs};
        QTest::newRow("balance") << QStringList{u"balance"_qs};
    }

    void plainHttpOffMachineRefused()
    {
        QFETCH(QStringList, command);
        // 192.0.2.1 is TEST-NET-1: nothing answers there. A refusal comes at once; had the request
        // been sent, it would end in a connect timeout or network error instead.
        const Run r = gatewayctl(
            command
                + QStringList{u"--gateway"_qs, u"openrouter"_qs, u"--base-url"_qs, u"http://192.0.2.1:8080/api/v1"_qs},
            {{u"OPENROUTER_API_KEY"_qs, kWrongKey}});
        QVERIFY2(r.exitCode == 1, qPrintable(r.all()));
        QVERIFY(!r.all().contains(kWrongKey));
        const QJsonObject o = parseObject(r.out);
        const QJsonObject error = command.first() == u"chat"
                                      ? o.value(u"error").toObject()
                                      : o.value(u"openrouter").toObject().value(u"error").toObject();
        QCOMPARE(error.value(u"code").toString(), u"insecure_url"_qs);
        QCOMPARE(error.value(u"http_status").toInt(), 0);
        const QString message = error.value(u"message").toString();
        QVERIFY2(message.contains(u"plain http"_qs) && message.contains(u"192.0.2.1"_qs), qPrintable(message));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("withKeys");
        QTest::addColumn<QString>("inError");
        QTest::newRow("chat without --model")
            << QStringList{u"chat"_qs, u"--gateway"_qs, u"openrouter"_qs, u"--prompt"_qs, u"hi"_qs} << true
            << u"--model and --prompt are required"_qs;
        QTest::newRow("chat bad gateway")
            << QStringList{u"chat"_qs, u"--gateway"_qs, u"azure"_qs, u"--model"_qs, u"a/b"_qs, u"--prompt"_qs, u"hi"_qs}
            << true << u"--gateway must be openrouter or vercel"_qs;
        QTest::newRow("chat without key") << QStringList{u"chat"_qs, u"--gateway"_qs, u"vercel"_qs, u"--model"_qs,
                                                         u"a/b"_qs,  u"--prompt"_qs,  u"hi"_qs}
                                          << false << u"set AI_GATEWAY_API_KEY"_qs;
        QTest::newRow("chat unknown option")
            << QStringList{u"chat"_qs, u"--gateway"_qs, u"openrouter"_qs, u"--temperature"_qs, u"1"_qs} << true
            << u"Unknown option"_qs;
        QTest::newRow("balance --base-url without --gateway")
            << QStringList{u"balance"_qs, u"--base-url"_qs, u"http://127.0.0.1:1/x"_qs} << true
            << u"--base-url needs --gateway"_qs;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, withKeys);
        QFETCH(QString, inError);
        const Run r = gatewayctl(args, withKeys ? simKeys() : QList<std::pair<QString, QString>>{});
        QVERIFY2(r.exitCode == 2, qPrintable(r.all()));
        QVERIFY2(r.err.contains(inError), qPrintable(r.err));
        QVERIFY(r.out.trimmed().isEmpty());
        QVERIFY(!r.all().contains(kOpenRouterKey) && !r.all().contains(kVercelKey));
    }

    void cleanupTestCase()
    {
        if (m_sim.state() == QProcess::NotRunning)
            return;
        m_sim.terminate(); // SIGTERM
        QVERIFY(m_sim.waitForFinished(30'000));
        QCOMPARE(m_sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_sim.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayctlNet)
#include "tst_gatewayctl_net.moc"
