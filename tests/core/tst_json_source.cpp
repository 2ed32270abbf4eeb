#include "json/json_source.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace gw;

class TestJsonSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void positionsOfValuesAndKeys()
    {
        const QByteArray text = "{\n  \"a\": 1,\n  \"list\": [true, {\"x/y\": \"s\"}],\n  \"ü\": null\n}\n";
        const JsonSource s = parseJsonSource(text, u"f.json"_qs);
        QVERIFY(s.ok());
        QCOMPARE(s.valuePositions.value(u"/a"_qs).line, 2);
        QCOMPARE(s.valuePositions.value(u"/a"_qs).column, 8);
        QCOMPARE(s.keyPositions.value(u"/a"_qs).column, 3);
        QCOMPARE(s.valuePositions.value(u"/list/1"_qs).line, 3);
        QCOMPARE(s.valuePositions.value(u"/list/1"_qs).column, 18);
        // '/' in a member name is escaped as ~1 in the pointer.
        QCOMPARE(s.valuePositions.value(u"/list/1/x~1y"_qs).column, 26);
        // Columns count characters: "ü" is two bytes but one column.
        QCOMPARE(s.valuePositions.value(u"/\u00fc"_qs).column, 8);
        QCOMPARE(s.root.toObject().value(u"list").toArray().at(1).toObject().value(u"x/y").toString(), u"s"_qs);
    }

    void positionOfFallsBackToAncestor()
    {
        const JsonSource s = parseJsonSource("{\"rules\": [ {\"id\": 1} ]}", u"f.json"_qs);
        const JsonPosition p = s.positionOf(u"/rules/0/match/models"_qs);
        QCOMPARE(p.line, 1);
        QCOMPARE(p.column, 13);
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("")
                               << u"f.json:1:1: JSON syntax error: expected a value, found end of input"_qs;
        QTest::newRow("trailing comma") << QByteArray(
            "{\"a\": 1,\n}") << u"f.json:2:1: JSON syntax error: expected a member name in double quotes, found '}'"_qs;
        QTest::newRow("missing colon") << QByteArray(
            "{\"a\" 1}") << u"f.json:1:6: JSON syntax error: expected ':' after the member name, found '1'"_qs;
        QTest::newRow("unterminated string")
            << QByteArray("[\"abc") << u"f.json:1:6: JSON syntax error: unterminated string"_qs;
        QTest::newRow("bad literal") << QByteArray("[tru]")
                                     << u"f.json:1:5: JSON syntax error: invalid literal, expected 'true'"_qs;
        QTest::newRow("leading zero") << QByteArray("[01]")
                                      << u"f.json:1:3: JSON syntax error: expected ',' or ']' in array, found '1'"_qs;
        QTest::newRow("bare fraction") << QByteArray(
            "[1.]") << u"f.json:1:4: JSON syntax error: invalid number: digits expected after '.'"_qs;
        QTest::newRow("trailing text") << QByteArray("{} x")
                                       << u"f.json:1:4: JSON syntax error: unexpected text after the JSON document"_qs;
        QTest::newRow("control char") << QByteArray("[\"a\tb\"]")
                                      << u"f.json:1:4: JSON syntax error: control character in string (escape it)"_qs;
        QTest::newRow("bad escape") << QByteArray("[\"\\x\"]")
                                    << u"f.json:1:4: JSON syntax error: invalid escape in string"_qs;
        QTest::newRow("lone surrogate") << QByteArray("[\"\\ud800\"]")
                                        << u"f.json:1:9: JSON syntax error: unpaired surrogate in \\u escape"_qs;
        QTest::newRow("invalid utf8") << QByteArray("[\"\xff\"]")
                                      << u"f.json:1:5: JSON syntax error: invalid UTF-8 in string"_qs;
        QTest::newRow("huge number") << QByteArray("[1e999]")
                                     << u"f.json:1:7: JSON syntax error: number out of range"_qs;
        QTest::newRow("too deep") << QByteArray(200, '[')
                                  << u"f.json:1:130: JSON syntax error: nesting deeper than 128 levels"_qs;
        // The one lexer's policy (json/json_lexer.h), the same as in traffic logs and SSE chunks.
        QTest::newRow("lone low surrogate")
            << QByteArray("[\"a\\udc00\"]") << u"f.json:1:10: JSON syntax error: unpaired surrogate in \\u escape"_qs;
        QTest::newRow("high then non-low") << QByteArray("[\"\\ud800\\u0041\"]")
                                           << u"f.json:1:9: JSON syntax error: unpaired surrogate in \\u escape"_qs;
        QTest::newRow("short \\u") << QByteArray("[\"\\u12x4\"]")
                                   << u"f.json:1:7: JSON syntax error: invalid \\u escape"_qs;
        QTest::newRow("integer beyond 2^53")
            << QByteArray("[18446744073709551617]")
            << u"f.json:1:22: JSON syntax error: integer out of range (beyond 2^53, not exact)"_qs;
        QTest::newRow("2^53 + 1")
            << QByteArray("[-9007199254740993]")
            << u"f.json:1:19: JSON syntax error: integer out of range (beyond 2^53, not exact)"_qs;
        QTest::newRow("underflow") << QByteArray("[1e-999]")
                                   << u"f.json:1:8: JSON syntax error: number out of range"_qs;
    }

    void syntaxErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const JsonSource s = parseJsonSource(text, u"f.json"_qs);
        QVERIFY(!s.ok());
        QVERIFY(s.root.isUndefined());
        QCOMPARE(s.problems.size(), 1);
        QCOMPARE(s.problems.first().toString(), message);
    }

    void duplicateKeysAreReported()
    {
        const JsonSource s = parseJsonSource("{\"a\": 1,\n \"a\": 2}", u"f.json"_qs);
        QCOMPARE(s.problems.size(), 1);
        QCOMPARE(s.problems.first().toString(), u"f.json:2:2: /a: duplicate member name \"a\""_qs);
    }

    void valuesDecode()
    {
        const JsonSource s = parseJsonSource(
            "{\"s\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\", \"n\": -12.5e1, \"z\": 0, \"b\": false}",
            u"f.json"_qs);
        QVERIFY(s.ok());
        const QJsonObject o = s.root.toObject();
        QCOMPARE(o.value(u"s").toString(), u"a\"b\\c/d\n\u00e9\U0001F600"_qs);
        QCOMPARE(o.value(u"n").toDouble(), -125.0);
        QCOMPARE(o.value(u"z").toDouble(), 0.0);
        QCOMPARE(o.value(u"b").toBool(true), false);
    }

    void byteOrderMarkIsTolerated() { QVERIFY(parseJsonSource("\xEF\xBB\xBF{}", u"f.json"_qs).ok()); }
};

QTEST_GUILESS_MAIN(TestJsonSource)
#include "tst_json_source.moc"
