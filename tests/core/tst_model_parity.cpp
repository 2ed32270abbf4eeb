// Parity between the two sides of a mapping: prices per million, differences, weaker flags; and
// on the real catalog pair, what the flags say about the sample workspace's confirmed mappings.

#include "catalog/model_parity.h"

#include <QTest>

using namespace gw;

namespace {

CatalogModel model(double in, double out, qint64 context, bool reasoning, bool tools)
{
    CatalogModel m;
    m.id = u"a/m"_qs;
    m.pricePromptPerToken = in;
    m.priceCompletionPerToken = out;
    m.hasPricing = true;
    m.contextLength = context;
    m.reasoning = reasoning;
    m.tools = tools;
    return m;
}

} // namespace

class TestModelParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void samePriceAndCapability()
    {
        const CatalogModel o = model(0.000003, 0.000015, 200000, true, true);
        const ModelParity p = compareParity(o, &o);
        QVERIFY(p.hasVercel);
        QCOMPARE(*p.openrouterInPerM, 3.0);
        QCOMPARE(*p.vercelOutPerM, 15.0);
        QCOMPARE(*p.inDiffPercent, 0.0);
        QVERIFY(p.weaker.isEmpty());
    }

    void weakerVercelSide()
    {
        const CatalogModel o = model(0.000002, 0.000008, 256000, true, true);
        const CatalogModel v = model(0.0000025, 0.000008, 128000, false, false);
        const ModelParity p = compareParity(o, &v);
        QCOMPARE(*p.inDiffPercent, 25.0);
        QCOMPARE(*p.outDiffPercent, 0.0);
        QCOMPARE(p.weaker, (QStringList{u"smaller context (128k < 256k)"_qs, u"no reasoning"_qs, u"no tool use"_qs}));
    }

    // 256,000 against 262,144 is the same window written two ways, not a weaker model; a context
    // below 95 % of OpenRouter's is weaker, named in one unit style (rounded thousands).
    void contextWeaknessIsGraded_data()
    {
        QTest::addColumn<qint64>("openrouterContext");
        QTest::addColumn<qint64>("vercelContext");
        QTest::addColumn<QStringList>("weaker");
        QTest::newRow("256k written two ways") << qint64(262144) << qint64(256000) << QStringList();
        QTest::newRow("just above 95 %") << qint64(200000) << qint64(190001) << QStringList();
        QTest::newRow("below 95 %") << qint64(262144) << qint64(200000)
                                    << QStringList{u"smaller context (200k < 262k)"_qs};
        QTest::newRow("small sizes exact")
            << qint64(8192) << qint64(4096) << QStringList{u"smaller context (4096 < 8192)"_qs};
    }

    void contextWeaknessIsGraded()
    {
        QFETCH(qint64, openrouterContext);
        QFETCH(qint64, vercelContext);
        QFETCH(QStringList, weaker);
        const CatalogModel o = model(0.000002, 0.000008, openrouterContext, true, true);
        const CatalogModel v = model(0.000002, 0.000008, vercelContext, true, true);
        QCOMPARE(compareParity(o, &v).weaker, weaker);
    }

    void unknownsAreNoEvidence()
    {
        CatalogModel o = model(0, 0, 0, false, false);
        o.hasPricing = false;
        const CatalogModel v = model(0.000001, 0.000002, 100000, true, true);
        const ModelParity p = compareParity(o, &v);
        QVERIFY(!p.openrouterInPerM);
        QVERIFY(!p.inDiffPercent); // no base to compare with
        QVERIFY(p.weaker.isEmpty());
        // A free OpenRouter model has price 0: no percentage either.
        const ModelParity free = compareParity(model(0, 0, 1000, false, false), &v);
        QCOMPARE(*free.openrouterInPerM, 0.0);
        QVERIFY(!free.inDiffPercent);
    }

    void noVercelSide()
    {
        const ModelParity p = compareParity(model(0.000001, 0.000002, 1000, true, true), nullptr);
        QVERIFY(!p.hasVercel);
        QVERIFY(!p.vercelInPerM);
        QVERIFY(p.weaker.isEmpty());
    }

    void realCatalogPair()
    {
        const QString dir = QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/");
        const Catalog o = parseCatalogFile(Gateway::OpenRouter, dir + u"openrouter-models-2026-02-27.json"_qs).catalog;
        const Catalog v = parseCatalogFile(Gateway::Vercel, dir + u"vercel-models-2026-02-22.json"_qs).catalog;
        const CatalogModel *orSonnet = o.find(u"anthropic/claude-sonnet-4.5"_qs);
        const CatalogModel *vSonnet = v.find(u"anthropic/claude-sonnet-4.5"_qs);
        QVERIFY(orSonnet && vSonnet);
        const ModelParity p = compareParity(*orSonnet, vSonnet);
        QCOMPARE(*p.openrouterInPerM, 3.0);
        QCOMPARE(*p.vercelInPerM, 3.0);
        QCOMPARE(*p.openrouterOutPerM, 15.0);
        QCOMPARE(*p.vercelOutPerM, 15.0);
    }
};

QTEST_GUILESS_MAIN(TestModelParity)
#include "tst_model_parity.moc"
