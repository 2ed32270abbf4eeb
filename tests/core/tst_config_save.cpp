// The canonical form: byte-identical round trips, stable numbers, content_sha256, atomic writes.

#include "config/config_io.h"
#include "test_configs.h"
#include "json/canonical_json.h"
#include "json/json_source.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gw;

class TestConfigSave : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void canonicalNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integral") << 3.0 << QByteArray("3");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("negative zero") << -0.0 << QByteArray("0");
        QTest::newRow("half") << 2.5 << QByteArray("2.5");
        QTest::newRow("thousandth") << 0.001 << QByteArray("0.001");
        QTest::newRow("share") << 4.125 << QByteArray("4.125");
        QTest::newRow("binary-unfriendly") << 0.1 << QByteArray("0.1");
        QTest::newRow("large integral") << 1e15 << QByteArray("1000000000000000");
        QTest::newRow("negative") << -12.75 << QByteArray("-12.75");
        QTest::newRow("small fraction") << 0.0008 << QByteArray("0.0008");
        QTest::newRow("price per token") << 0.0000015 << QByteArray("0.0000015");
        QTest::newRow("tiny") << 1.5e-7 << QByteArray("1.5e-07");
        QTest::newRow("huge") << 1e22 << QByteArray("1e+22");
    }

    void canonicalNumbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(canonicalNumber(value), text);
    }

    void canonicalJsonLayout()
    {
        const QJsonObject o{{u"b"_qs, 1},
                            {u"a"_qs, QJsonArray{u"x\"y"_qs, QJsonValue::Null}},
                            {u"c"_qs, QJsonObject()},
                            {u"d"_qs, QJsonArray()},
                            {u"e"_qs, u"tab\there \u00e9"_qs}};
        QCOMPARE(canonicalJson(o),
                 QByteArray("{\n  \"a\": [\n    \"x\\\"y\",\n    null\n  ],\n  \"b\": 1,\n  \"c\": {},\n"
                            "  \"d\": [],\n  \"e\": \"tab\\there \xc3\xa9\"\n}\n"));
    }

    // Load a canonical file and save it again: the bytes must not change.
    void roundTripIsByteIdentical_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("minimal") << QByteArray("{\"schema_version\": 1}");
        QTest::newRow("contract example") << test::kContractExample;
        QTest::newRow("odd shares and unicode")
            << QByteArray("{\"schema_version\": 1, \"note\": \"Grüße \\\"quoted\\\"\\n\", \"default_share\": "
                          "{\"paid\": 0.001, \"free\": 99.999},\n"
                          "                \"rules\": [{\"id\": \"u\", \"enabled\": false, \"match\": {\"users\": "
                          "[\"ユーザー\"], \"features\": [\"agent\"], \"class\": \"paid\",\n"
                          "                \"providers\": [\"together\"]}, \"action\": {\"vercel_share\": 12.345}}],\n"
                          "                \"providers\": {\"gone\": null}, \"models\": {\"m/x:free\": {\"vercel\": "
                          "\"m/x\", \"vercel_providers\": [\"a\", \"b\"], \"free\": true}}}");
    }

    void roundTripIsByteIdentical()
    {
        QFETCH(QByteArray, source);
        const QByteArray first = canonicalConfigBytes(test::configFrom(source));
        const ConfigLoadResult reloaded = loadConfig(first, u"canonical.json"_qs);
        QVERIFY2(reloaded.diagnostics.isEmpty(), qPrintable(joinDiagnostics(reloaded.diagnostics)));
        QCOMPARE(canonicalConfigBytes(*reloaded.config), first);
        RoutingConfig reloadedConfig = *reloaded.config;
        QCOMPARE(reloadedConfig.contentSha256, configContentHash(reloadedConfig));
        reloadedConfig.contentSha256.clear();               // the source had none
        QCOMPARE(reloadedConfig, test::configFrom(source)); // nothing lost on the way
        QVERIFY(first.endsWith("}\n"));
    }

    void contentHashCoversEverythingButItself()
    {
        RoutingConfig c = test::configFrom(test::kContractExample);
        const QByteArray bytes = canonicalConfigBytes(c);
        const QJsonObject doc = parseJsonSource(bytes, QString()).root.toObject();
        QJsonObject withoutHash = doc;
        withoutHash.remove(u"content_sha256"_qs);
        QCOMPARE(doc.value(u"content_sha256").toString(), sha256Hex(canonicalJson(withoutHash)));
        QCOMPARE(configContentHash(c), doc.value(u"content_sha256").toString());
        c.defaultSharePaid = 3.001;
        QVERIFY(configContentHash(c) != doc.value(u"content_sha256").toString());
    }

    void editedFileWarnsLoudly()
    {
        QByteArray bytes = canonicalConfigBytes(test::configFrom(test::kContractExample));
        bytes.replace("\"paid\": 3", "\"paid\": 4");
        const ConfigLoadResult r = loadConfig(bytes, u"edited.json"_qs);
        QVERIFY(r.config); // loaded, but never silently trusted
        QVERIFY(r.hashMismatch);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().severity, Diagnostic::Severity::Warning);
        QVERIFY(r.diagnostics.first().toString().contains(u"edited.json:"_qs));
        QVERIFY(r.diagnostics.first().toString().contains(u"warning: /content_sha256: does not match the content"_qs));
    }

    void savesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"routing.json"_qs);
        QString error;
        const RoutingConfig c = test::configFrom(test::kContractExample);
        QVERIFY2((error = saveConfigFile(path, c).error).isEmpty(), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), canonicalConfigBytes(c));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"routing.json"_qs}); // no temp left behind
    }

    // A path whose parent is a regular file cannot be written, even by root.
    // Issue 18: temp files "out.json.XXXXXX" of killed exports piled up. The next write to the same
    // path removes the stale ones of QSaveFile's pattern, and nothing else.
    void staleSaveFileTempsAreRemoved()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"out.json"_qs);
        const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-120);
        auto make = [&](const QString &name, bool stale) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("partial");
            QVERIFY(f.flush()); // before the time: a later flush would set it to now
            if (stale)
                QVERIFY(f.setFileTime(old, QFileDevice::FileModificationTime));
        };
        make(u"out.json.AbCdEf"_qs, true);   // ours, stale: removed
        make(u"out.json.zzzzzz"_qs, true);   // ours, stale: removed
        make(u"out.json.GhIjKl"_qs, false);  // ours, fresh (a live writer): kept
        make(u"out.json.Ab1dEf"_qs, true);   // a digit: not QSaveFile's
        make(u"out.json.bak"_qs, true);      // not six letters
        make(u"out.json.AbCdEfG"_qs, true);  // seven letters
        make(u"other.json.AbCdEf"_qs, true); // another target's
        QString error;
        QVERIFY2((error = writeFileAtomically(target, "{}\n").error).isEmpty(), qPrintable(error));
        QStringList left = QDir(dir.path()).entryList(QDir::Files);
        left.sort();
        QCOMPARE(left, QStringList({u"other.json.AbCdEf"_qs, u"out.json"_qs, u"out.json.Ab1dEf"_qs,
                                    u"out.json.AbCdEfG"_qs, u"out.json.GhIjKl"_qs, u"out.json.bak"_qs}));
    }

    void unwritablePathIsAnErrorAndLeavesNothing()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY((error = writeFileAtomically(dir.filePath(u"not-a-dir"_qs), "old\n").error).isEmpty());
        const QString path = dir.filePath(u"not-a-dir/routing.json"_qs);
        QVERIFY(!(error = writeFileAtomically(path, "new\n").error).isEmpty());
        QVERIFY2(error.startsWith(path + u": cannot write"_qs), qPrintable(error));
        QFile f(dir.filePath(u"not-a-dir"_qs));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestConfigSave)
#include "tst_config_save.moc"
