// The SSE parser must produce the same events whatever the chunking: every stream here is fed
// whole, split at every byte offset, and byte by byte.

#include "protocol/sse_parser.h"
#include "protocol_fixtures.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gw;

namespace {

struct Outcome {
    QList<SseEvent> events;
    qint64 comments = 0;
    bool sawDone = false;
    ErrorClass error = ErrorClass::None;
    QString errorCode;
};

QByteArray describe(const Outcome &o)
{
    QByteArray s = "comments=" + QByteArray::number(o.comments) + " done=" + QByteArray::number(o.sawDone)
                   + " error=" + errorClassName(o.error).toUtf8() + '/' + o.errorCode.toUtf8() + '\n';
    for (const SseEvent &e : o.events)
        s += "[" + e.event + "|" + e.id + "|" + e.data + "]\n";
    return s;
}

Outcome finishInto(SseParser &parser, QList<SseEvent> events)
{
    parser.finish();
    Outcome o;
    events += parser.takeEvents();
    o.events = events;
    o.comments = parser.commentCount();
    o.sawDone = parser.sawDone();
    o.error = parser.error().cls;
    o.errorCode = parser.error().code;
    return o;
}

Outcome parseSplit(const QByteArray &bytes, qsizetype at)
{
    SseParser parser;
    parser.feed(QByteArrayView(bytes).first(at));
    parser.feed(QByteArrayView(bytes).sliced(at));
    return finishInto(parser, {});
}

Outcome parseWhole(const QByteArray &bytes)
{
    return parseSplit(bytes, bytes.size());
}

Outcome parseBytewise(const QByteArray &bytes)
{
    SseParser parser;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        parser.feed(QByteArrayView(bytes).sliced(i, 1));
    return finishInto(parser, {});
}

QByteArray withLineEnds(QByteArray lf, const char *ending)
{
    return lf.replace("\n", ending);
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everySplitPoint_data();
    void everySplitPoint();
    void lineEndsAreEquivalent();
    void fields_data();
    void fields();
    void keepAliveComments();
    void truncation_data();
    void truncation();
    void doneWithoutFinalBlankLine();
    void requireDoneOff();
    void callbackDeliversInOrder();
    void feedAfterFinishIsIgnored();
    void randomBytesNeverCrash();
};

void TestSseParser::everySplitPoint_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("expectedEvents");
    const QByteArray reasoning = test::protocolFixture("openrouter-stream-reasoning.sse");
    // Counts: the fixture's JSON chunks plus [DONE] (reasoning: 3 reasoning, 2 text, finish, usage).
    QTest::newRow("openrouter reasoning, LF") << reasoning << 8;
    QTest::newRow("openrouter reasoning, CRLF") << withLineEnds(reasoning, "\r\n") << 8;
    QTest::newRow("openrouter reasoning, CR") << withLineEnds(reasoning, "\r") << 8;
    QTest::newRow("openrouter byok") << test::protocolFixture("openrouter-stream-byok.sse") << 6;
    QTest::newRow("openrouter mid-stream error") << test::protocolFixture("openrouter-stream-midstream-error.sse") << 3;
    QTest::newRow("vercel reasoning, CRLF")
        << withLineEnds(test::protocolFixture("vercel-stream-reasoning.sse"), "\r\n") << 8;
    QTest::newRow("fields, multi-line data, mixed line ends")
        << QByteArray(":hello\r\nevent: delta\nid: 7\rdata: {\"a\":\ndata:  1}\r\n\r\n"
                      "data\n\nretry: 10\nunknown: x\ndata: second\n\n: bye\ndata: [DONE]\r\n\r\n")
        << 4;
    QTest::newRow("truncated mid-event") << QByteArray("data: {\"x\":1}\n\ndata: {\"y\":") << 1;
}

void TestSseParser::everySplitPoint()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, expectedEvents);
    const Outcome whole = parseWhole(stream);
    QCOMPARE(whole.events.size(), expectedEvents);
    const QByteArray reference = describe(whole);
    for (qsizetype at = 0; at <= stream.size(); ++at) {
        const QByteArray split = describe(parseSplit(stream, at));
        if (split != reference)
            QFAIL(qPrintable(u"split at byte %1 differs:\n%2\nwhole:\n%3"_qs.arg(at).arg(
                QString::fromUtf8(split), QString::fromUtf8(reference))));
    }
    QCOMPARE(describe(parseBytewise(stream)), reference);
}

void TestSseParser::lineEndsAreEquivalent()
{
    const QByteArray lf = test::protocolFixture("openrouter-stream-reasoning.sse");
    const QByteArray reference = describe(parseWhole(lf));
    QCOMPARE(describe(parseWhole(withLineEnds(lf, "\r\n"))), reference);
    QCOMPARE(describe(parseWhole(withLineEnds(lf, "\r"))), reference);
    // The chunk data survives intact: the last JSON event is the usage chunk.
    const Outcome o = parseWhole(lf);
    QVERIFY(o.events.at(6).data.startsWith("{\"id\":\"gen-1740000000-AbCdEfGhIjKlMnOp\""));
    QVERIFY(o.events.at(6).data.contains("\"choices\":[],\"usage\""));
    QVERIFY(o.events.at(7).isDone());
}

void TestSseParser::fields_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArray>("expected"); // describe() of the events only

    QTest::newRow("multi-line data joined with LF")
        << QByteArray("data: a\ndata: b\ndata:c\n\n") << QByteArray("[||a\nb\nc]\n");
    QTest::newRow("only one leading space is removed") << QByteArray("data:  two\n\n") << QByteArray("[|| two]\n");
    QTest::newRow("field without colon is an empty data line") << QByteArray("data\n\n") << QByteArray("[||]\n");
    QTest::newRow("empty data then text") << QByteArray("data:\ndata: x\n\n") << QByteArray("[||\nx]\n");
    QTest::newRow("event type applies to one event")
        << QByteArray("event: error\ndata: 1\n\ndata: 2\n\n") << QByteArray("[error||1]\n[||2]\n");
    QTest::newRow("event without data is not dispatched, type does not leak")
        << QByteArray("event: ping\n\ndata: 2\n\n") << QByteArray("[||2]\n");
    QTest::newRow("id persists across events")
        << QByteArray("id: 41\ndata: a\n\ndata: b\n\nid\ndata: c\n\n") << QByteArray("[|41|a]\n[|41|b]\n[||c]\n");
    QTest::newRow("id with NUL is ignored")
        << QByteArray("id: 5\ndata: a\n\nid: 6\0x\ndata: b\n\n", sizeof("id: 5\ndata: a\n\nid: 6\0x\ndata: b\n\n") - 1)
        << QByteArray("[|5|a]\n[|5|b]\n");
    QTest::newRow("blank lines between events are harmless")
        << QByteArray("\n\n\ndata: a\n\n\n\ndata: b\n\n") << QByteArray("[||a]\n[||b]\n");
    QTest::newRow("colon inside value") << QByteArray("data: {\"k\":\"v:w\"}\n\n")
                                        << QByteArray("[||{\"k\":\"v:w\"}]\n");
    QTest::newRow("retry and unknown fields ignored")
        << QByteArray("retry: 3000\nfoo: bar\ndata: z\n\n") << QByteArray("[||z]\n");
}

void TestSseParser::fields()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, expected);
    for (qsizetype at = 0; at <= stream.size(); ++at) {
        SseParser parser;
        parser.setRequireDone(false);
        parser.feed(QByteArrayView(stream).first(at));
        parser.feed(QByteArrayView(stream).sliced(at));
        parser.finish();
        QByteArray got;
        for (const SseEvent &e : parser.takeEvents())
            got += "[" + e.event + "|" + e.id + "|" + e.data + "]\n";
        QCOMPARE(got, expected);
        QCOMPARE(parser.error().cls, ErrorClass::None);
    }
}

void TestSseParser::keepAliveComments()
{
    const Outcome o = parseWhole(test::protocolFixture("openrouter-stream-reasoning.sse"));
    QCOMPARE(o.comments, 3); // three ": OPENROUTER PROCESSING" lines in the fixture
    QCOMPARE(o.error, ErrorClass::None);
    QVERIFY(o.sawDone);
    // Comments never become events, even with odd content.
    const Outcome only = parseWhole(": a\n:\n:: b\r\n\ndata: [DONE]\n\n");
    QCOMPARE(only.comments, 3);
    QCOMPARE(only.events.size(), 1);
}

void TestSseParser::truncation_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("events");
    const QByteArray full = test::protocolFixture("openrouter-stream-reasoning.sse");
    const qsizetype done = full.indexOf("data: [DONE]");
    QTest::newRow("empty stream") << QByteArray() << 0;
    QTest::newRow("only keep-alives") << QByteArray(": OPENROUTER PROCESSING\n\n") << 0;
    QTest::newRow("complete events, no [DONE]") << full.first(done) << 7;
    QTest::newRow("cut inside a data line") << full.first(done - 40) << 6;
    QTest::newRow("cut after a data line, before the blank line") << full.first(done - 1) << 6;
}

void TestSseParser::truncation()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, events);
    const Outcome o = parseWhole(stream);
    QCOMPARE(o.events.size(), events);
    QCOMPARE(o.error, ErrorClass::Protocol);
    QCOMPARE(o.errorCode, u"truncated_stream"_qs);
    QVERIFY(!o.sawDone);
}

void TestSseParser::doneWithoutFinalBlankLine()
{
    for (const QByteArray &tail :
         {QByteArray("data: [DONE]"), QByteArray("data: [DONE]\n"), QByteArray("data: [DONE]\r\n")}) {
        const Outcome o = parseWhole("data: {}\n\n" + tail);
        QCOMPARE(o.error, ErrorClass::None);
        QVERIFY(o.sawDone);
        QCOMPARE(o.events.size(), 2);
    }
}

void TestSseParser::requireDoneOff()
{
    SseParser parser;
    parser.setRequireDone(false);
    parser.feed("data: 1\n\n");
    parser.finish();
    QCOMPARE(parser.error().cls, ErrorClass::None);
    QCOMPARE(parser.takeEvents().size(), 1);
    // A half event is still a truncation.
    SseParser half;
    half.setRequireDone(false);
    half.feed("data: 1\n");
    half.finish();
    QCOMPARE(half.error().cls, ErrorClass::Protocol);
}

void TestSseParser::callbackDeliversInOrder()
{
    QList<QByteArray> seen;
    SseParser parser([&seen](const SseEvent &e) { seen << e.data; });
    parser.feed("data: one\n\ndata: tw");
    QCOMPARE(seen, QList<QByteArray>{"one"});
    parser.feed("o\n\ndata: [DONE]\n\n");
    parser.finish();
    QCOMPARE(seen, (QList<QByteArray>{"one", "two", "[DONE]"}));
    QVERIFY(parser.takeEvents().isEmpty()); // the handler got them, nothing queued
    QCOMPARE(parser.eventCount(), 3);
    QCOMPARE(parser.bytesFed(), 36);
}

void TestSseParser::feedAfterFinishIsIgnored()
{
    SseParser parser;
    parser.feed("data: [DONE]\n\n");
    parser.finish();
    parser.feed("data: late\n\n");
    parser.finish();
    QCOMPARE(parser.takeEvents().size(), 1);
    QCOMPARE(parser.error().cls, ErrorClass::None);
}

void TestSseParser::randomBytesNeverCrash()
{
    // Hostile input: random bytes biased towards the grammar's special characters.
    QRandomGenerator rng(20260227);
    const char alphabet[] = "data: event:id\r\n\n\n:[DONE]{}\0\xff";
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes(int(rng.bounded(400)), Qt::Uninitialized);
        for (char &c : bytes)
            c = alphabet[rng.bounded(int(sizeof(alphabet) - 1))];
        const QByteArray reference = describe(parseWhole(bytes));
        const qsizetype at = rng.bounded(int(bytes.size() + 1));
        QCOMPARE(describe(parseSplit(bytes, at)), reference);
    }
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sse_parser.moc"
