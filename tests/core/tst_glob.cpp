#include "routing/glob.h"

#include <QTest>

using namespace gw;

class TestGlob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"openai/gpt-5"_qs << u"openai/gpt-5"_qs << true;
        QTest::newRow("exact is not prefix") << u"openai/gpt-5"_qs << u"openai/gpt-5-mini"_qs << false;
        QTest::newRow("prefix star") << u"anthropic/*"_qs << u"anthropic/claude-sonnet-4.5"_qs << true;
        QTest::newRow("star matches empty") << u"anthropic/*"_qs << u"anthropic/"_qs << true;
        QTest::newRow("star crosses slash") << u"*/grok-*"_qs << u"x-ai/grok-code-fast-1"_qs << true;
        QTest::newRow("star alone") << u"*"_qs << u"anything/at:all"_qs << true;
        QTest::newRow("star alone empty text") << u"*"_qs << QString() << true;
        QTest::newRow("suffix") << u"*:free"_qs << u"moonshotai/kimi-k2:free"_qs << true;
        QTest::newRow("suffix mismatch") << u"*:free"_qs << u"moonshotai/kimi-k2"_qs << false;
        QTest::newRow("middle") << u"moonshotai/kimi-*"_qs << u"moonshotai/kimi-k2-0905"_qs << true;
        QTest::newRow("two stars backtrack") << u"a*b*c"_qs << u"aXbYbZc"_qs << true;
        QTest::newRow("two stars no end") << u"a*b*c"_qs << u"aXbYbZ"_qs << false;
        QTest::newRow("double star same as one") << u"a**c"_qs << u"abbbc"_qs << true;
        QTest::newRow("case sensitive") << u"OpenAI/*"_qs << u"openai/gpt-5"_qs << false;
        QTest::newRow("dot is literal") << u"openai/gpt-4.1"_qs << u"openai/gpt-4x1"_qs << false;
        QTest::newRow("question mark literal") << u"a?"_qs << u"ab"_qs << false;
        QTest::newRow("trailing text after star") << u"*-mini"_qs << u"gpt-5-mini-high"_qs << false;
        QTest::newRow("pathological") << u"*a*a*a*a*a*b"_qs << QString(200, u'a') << false;
    }

    void match()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(globMatch(pattern, text), matches);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("problem");
        QTest::newRow("valid") << u"anthropic/*"_qs << QString();
        QTest::newRow("empty") << QString() << u"bad glob: empty pattern"_qs;
        QTest::newRow("space") << u"open ai/*"_qs << u"bad glob \"open ai/*\": white space in a model id pattern"_qs;
        QTest::newRow("question") << u"gpt-?"_qs
                                  << u"bad glob \"gpt-?\": '?' is not supported (only '*' is special)"_qs;
        QTest::newRow("class") << u"gpt-[45]"_qs
                               << u"bad glob \"gpt-[45]\": '[' is not supported (only '*' is special)"_qs;
        QTest::newRow("brace") << u"{a,b}"_qs << u"bad glob \"{a,b}\": '{' is not supported (only '*' is special)"_qs;
    }

    void problems()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, problem);
        QCOMPARE(globProblem(pattern), problem);
    }
};

QTEST_GUILESS_MAIN(TestGlob)
#include "tst_glob.moc"
