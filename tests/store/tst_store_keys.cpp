// API keys never reach the history file: results whose requests were built the way the runner
// builds them, next to client settings carrying (fake) keys, are stored; then the database file
// and its write-ahead log are searched byte by byte for the keys.

#include "client_settings.h"
#include "protocol/translate.h"
#include "store_fixture.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gw;
using namespace gw::store;
using namespace gw::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestStoreKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysNeverInTheDatabase();
};

void TestStoreKeys::keysNeverInTheDatabase()
{
    QStandardPaths::setTestModeEnabled(true);
    net::ClientSettings openrouter;
    openrouter.apiKey = u"sk-or-v1-FAKE-store-test-key-0001"_qs;
    net::ClientSettings vercel;
    vercel.apiKey = u"vck_FAKE-store-test-key-0001"_qs;

    const QString marker = u"marker-7f3a-in-every-prompt"_qs;
    const QJsonObject openrouterRequest{
        {u"model"_qs, u"anthropic/claude-sonnet-4"_qs},
        {u"stream"_qs, true},
        {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, marker}}}},
        {u"reasoning"_qs, QJsonObject{{u"effort"_qs, u"low"_qs}}},
        {u"provider"_qs, QJsonObject{{u"sort"_qs, u"latency"_qs}, {u"max_price"_qs, QJsonObject{{u"prompt"_qs, 1}}}}},
        {u"usage"_qs, QJsonObject{{u"include"_qs, true}}},
    };
    const TranslationResult translated = translateToVercel(openrouterRequest, RoutingConfig{});
    QVERIFY(!translated.request.isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    Database db;
    QVERIFY(db.open(path).ok());
    const qint64 run = db.createRun(u"keys"_qs, sampleSettings()).value;
    QList<BenchResult> results;
    for (int i = 0; i < 200; ++i) {
        BenchResult r = sampleResult(i, i % 2 ? Gateway::Vercel : Gateway::OpenRouter);
        r.skipped = false;
        r.request = i % 2 ? translated.request : openrouterRequest;
        r.translationWarnings = i % 2 ? translated.warnings : QStringList();
        results << r;
    }
    QVERIFY(db.addResults(run, results).ok());

    const auto scan = [&](const char *when) {
        const QByteArray bytes = fileBytes(path) + fileBytes(path + u"-wal"_qs);
        QVERIFY2(bytes.contains(marker.toUtf8()), when); // the search can find what was stored
        for (const QString &key : {openrouter.apiKey, vercel.apiKey}) {
            QVERIFY2(!bytes.contains(key.toUtf8()), when);
            QVERIFY2(!bytes.contains(key.mid(key.size() - 12).toUtf8()), when);
        }
    };
    scan("while open");
    db.close();
    scan("after close");
}

QTEST_GUILESS_MAIN(TestStoreKeys)
#include "tst_store_keys.moc"
