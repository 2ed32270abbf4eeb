// Catalog changes between two syncs: hand-made catalogs for each kind of change, and the real
// July 2025 -> February 2026 snapshots checked against an independent count of their ids.

#include "catalog/catalog_diff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace gw;

namespace {

CatalogModel model(const QString &id, double in = 0.000001, qint64 context = 100000)
{
    CatalogModel m;
    m.id = id;
    m.pricePromptPerToken = in;
    m.priceCompletionPerToken = in * 4;
    m.hasPricing = true;
    m.contextLength = context;
    return m;
}

Catalog catalog(const QList<CatalogModel> &models)
{
    Catalog c;
    for (const CatalogModel &m : models) {
        c.index.insert(m.id, int(c.models.size()));
        c.models.append(m);
    }
    return c;
}

QSet<QString> idsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> ids;
    const QJsonArray data = QJsonDocument::fromJson(file.readAll()).object().value(u"data"_qs).toArray();
    for (const QJsonValue &item : data)
        ids.insert(item.toObject().value(u"id"_qs).toString());
    return ids;
}

const QString kCatalogs = QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/");

} // namespace

class TestCatalogDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachKindOfChange()
    {
        CatalogModel reasoningLater = model(u"c/reasoner"_qs);
        const Catalog before = catalog({model(u"a/same"_qs), model(u"a/cheaper"_qs, 0.000002), model(u"a/longer"_qs),
                                        model(u"b/gone"_qs), reasoningLater});
        reasoningLater.reasoning = true;
        const Catalog after = catalog({model(u"a/same"_qs), model(u"a/cheaper"_qs, 0.000001),
                                       model(u"a/longer"_qs, 0.000001, 200000), model(u"b/new"_qs), reasoningLater});
        const CatalogDiff diff = diffCatalogs(before, after);
        QCOMPARE(diff.changesOf(u"a/same"_qs), CatalogChanges(CatalogUnchanged));
        QVERIFY(!diff.changes.contains(u"a/same"_qs));
        QCOMPARE(diff.changesOf(u"a/cheaper"_qs), CatalogChanges(CatalogPriceChanged));
        QCOMPARE(diff.changesOf(u"a/longer"_qs), CatalogChanges(CatalogContextChanged));
        QCOMPARE(diff.changesOf(u"b/gone"_qs), CatalogChanges(CatalogRemoved));
        QCOMPARE(diff.changesOf(u"b/new"_qs), CatalogChanges(CatalogAdded));
        QCOMPARE(diff.changesOf(u"c/reasoner"_qs), CatalogChanges(CatalogCapabilityChanged));
        QCOMPARE(diff.added, 1);
        QCOMPARE(diff.removed, 1);
        QCOMPARE(diff.priceChanged, 1);
        QCOMPARE(diff.contextChanged, 1);
        QCOMPARE(diff.capabilityChanged, 1);
        QCOMPARE(catalogChangeKeywords(CatalogPriceChanged | CatalogContextChanged),
                 (QStringList{u"price"_qs, u"context"_qs}));
    }

    void sameCatalogHasNoChanges()
    {
        const CatalogParseResult parsed =
            parseCatalogFile(Gateway::Vercel, kCatalogs + u"vercel-models-2026-02-22.json"_qs);
        QVERIFY(parsed.ok());
        QVERIFY(diffCatalogs(parsed.catalog, parsed.catalog).isEmpty());
    }

    void realSnapshotsAddedAndRemoved_data()
    {
        QTest::addColumn<Gateway>("gateway");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("openrouter") << Gateway::OpenRouter << u"openrouter-models-2025-07-25.json"_qs
                                    << u"openrouter-models-2026-02-27.json"_qs;
        QTest::newRow("vercel") << Gateway::Vercel << u"vercel-models-2025-07-25.json"_qs
                                << u"vercel-models-2026-02-22.json"_qs;
    }

    void realSnapshotsAddedAndRemoved()
    {
        QFETCH(Gateway, gateway);
        QFETCH(QString, before);
        QFETCH(QString, after);
        const CatalogParseResult old = parseCatalogFile(gateway, kCatalogs + before);
        const CatalogParseResult now = parseCatalogFile(gateway, kCatalogs + after);
        QVERIFY(old.ok() && now.ok());
        const CatalogDiff diff = diffCatalogs(old.catalog, now.catalog);
        // Independent count over the raw ids, restricted to what the parser kept (language models).
        QSet<QString> oldIds;
        for (const CatalogModel &m : old.catalog.models)
            oldIds.insert(m.id);
        QSet<QString> newIds;
        for (const CatalogModel &m : now.catalog.models)
            newIds.insert(m.id);
        QVERIFY(idsOf(kCatalogs + after).contains(newIds)); // the parser invents no ids
        QCOMPARE(diff.added, int((newIds - oldIds).size()));
        QCOMPARE(diff.removed, int((oldIds - newIds).size()));
        QVERIFY(diff.added > 0);
        QVERIFY(diff.removed > 0);
        QVERIFY(diff.priceChanged > 0); // seven months of price moves
        for (const QString &id : newIds - oldIds)
            QCOMPARE(diff.changesOf(id), CatalogChanges(CatalogAdded));
    }
};

QTEST_GUILESS_MAIN(TestCatalogDiff)
#include "tst_catalog_diff.moc"
