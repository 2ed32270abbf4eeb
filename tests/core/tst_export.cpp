// Export profiles: native is the canonical document; kilo-gateway maps exactly or refuses with a
// list of what would be lost; vectors reproduce under the same config and catch a changed one.

#include "export/exporter.h"
#include "test_configs.h"
#include "json/json_source.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace gw;

namespace {

const QDateTime kNow = test::at("2026-11-23T20:00:00Z");

QJsonObject parse(const QByteArray &bytes)
{
    const JsonSource s = parseJsonSource(bytes, QString());
    if (!s.ok())
        qFatal("export is not JSON: %s", qPrintable(joinDiagnostics(s.problems)));
    return s.root.toObject();
}

// A config the kilo-gateway record expresses exactly.
const QByteArray kExpressible =
    "{\n"
    "  \"schema_version\": 1, \"updated_at\": \"2026-11-23T20:00:00Z\", \"updated_by\": \"ops@example.com\", \"note\": "
    "\"ramp\",\n"
    "  \"default_share\": {\"paid\": 3.5, \"free\": 1.25},\n"
    "  \"rules\": [\n"
    "    {\"id\": \"no-kimi\", \"match\": {\"models\": [\"moonshotai/kimi-k2\"]}, \"action\": {\"gateway\": "
    "\"openrouter\"}},\n"
    "    {\"id\": \"zero\", \"match\": {\"models\": [\"openai/gpt-5\"]}, \"action\": {\"vercel_share\": 0}},\n"
    "    {\"id\": \"old\", \"expires_at\": \"2026-11-01T00:00:00Z\", \"match\": {\"class\": \"free\"}, \"action\": "
    "{\"gateway\": \"vercel\"}},\n"
    "    {\"id\": \"disabled\", \"enabled\": false, \"match\": {\"class\": \"free\"}, \"action\": {\"gateway\": "
    "\"vercel\"}}\n"
    "  ],\n"
    "  \"models\": {\"moonshotai/kimi-k2\": {\"vercel\": \"moonshotai/kimi-k2\"}, \"openai/gpt-5\": {\"vercel\": "
    "\"openai/gpt-5\"},\n"
    "             \"mistralai/codestral-2508\": {\"vercel\": null}}\n"
    "}";

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nativeIsCanonical()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        const ExportResult r = exportConfig(c, ExportProfile::Native, {false, kNow});
        QVERIFY(r.ok);
        QCOMPARE(r.bytes, canonicalConfigBytes(c));
    }

    void kiloExpressedExactly()
    {
        const ExportResult r = exportKiloGateway(test::configFrom(kExpressible), {false, kNow});
        QVERIFY2(r.ok, qPrintable(r.error + r.losses.join(u'\n')));
        QVERIFY(r.losses.isEmpty());
        const QJsonObject o = parse(r.bytes);
        QCOMPARE(o.value(u"vercel_routing_percentage").toDouble(), 3.5);
        QCOMPARE(o.value(u"vercel_routing_percentage_free").toDouble(), 1.25);
        QCOMPARE(o.value(u"vercel_routing_opt_out_models").toArray(),
                 (QJsonArray{u"mistralai/codestral-2508"_qs, u"moonshotai/kimi-k2"_qs, u"openai/gpt-5"_qs}));
        QCOMPARE(o.value(u"updated_by_email").toString(), u"ops@example.com"_qs);
        QCOMPARE(o.value(u"note").toString(), u"ramp"_qs);
        QCOMPARE(o.keys().size(), 7);
        QVERIFY(r.notes.join(u'\n').contains(u"rule \"old\" expired"_qs));
    }

    // The contract example has shares, a Vercel pin with expiry, globs and failover: refused,
    // with each loss named, unless lossy export is asked for.
    void kiloRefusesLossyAndListsLosses()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        const ExportResult refused = exportKiloGateway(c, {false, kNow});
        QVERIFY(!refused.ok);
        QVERIFY(refused.bytes.isEmpty());
        QCOMPARE(
            refused.error,
            u"the kilo-gateway profile cannot express 5 part(s) of this config; export with --allow-lossy to drop them"_qs);
        QCOMPARE(
            refused.losses,
            (QStringList{
                u"failover boost to 90% above 0.5 error rate"_qs, u"retry on the other gateway"_qs,
                u"rule \"grok-incident\" (models x-ai/grok-code-fast-1 -> pin vercel): only OpenRouter pins of exact models can be expressed"_qs,
                u"rule \"anthropic\" (models anthropic/* -> share 5%): only OpenRouter pins of exact models can be expressed"_qs,
                u"rule \"no-kimi\": glob \"moonshotai/kimi-*\" is written as the 2 model(s) it matches today; models added later will not match"_qs}));
        // Each loss names the rule it is about (the export dialog lists new pins first by it).
        QCOMPARE(refused.lossRules,
                 (QStringList{QString(), QString(), u"grok-incident"_qs, u"anthropic"_qs, u"no-kimi"_qs}));

        const ExportResult lossy = exportKiloGateway(c, {true, kNow});
        QVERIFY(lossy.ok);
        QCOMPARE(lossy.losses.size(), 5);
        QCOMPARE(parse(lossy.bytes).value(u"vercel_routing_opt_out_models").toArray(),
                 (QJsonArray{u"moonshotai/kimi-k2"_qs, u"moonshotai/kimi-k2:free"_qs}));
    }

    void kiloOtherLosses()
    {
        RoutingConfig c = test::configFrom(kExpressible);
        c.cohort = u"experiment"_qs;
        c.stickyKey = StickyKey::User;
        c.openrouterEnabled = false;
        c.note = QString(501, u'n');
        c.rules[0].expiresAt = test::at("2026-12-01T00:00:00Z");
        const ExportResult r = exportKiloGateway(c, {false, kNow});
        QVERIFY(!r.ok);
        QCOMPARE(r.losses.size(), 5);
        const ExportResult lossy = exportKiloGateway(c, {true, kNow});
        QCOMPARE(parse(lossy.bytes).value(u"note").toString().size(), 500);

        // Vercel switched off is expressed exactly: nothing goes there.
        RoutingConfig off = test::configFrom(test::kContractExample);
        off.vercelEnabled = false;
        const ExportResult z = exportKiloGateway(off, {false, kNow});
        QVERIFY(z.ok);
        QCOMPARE(parse(z.bytes).value(u"vercel_routing_percentage").toDouble(), 0.0);
        QCOMPARE(parse(z.bytes).value(u"vercel_routing_percentage_free").toDouble(), 0.0);
    }

    void vectorsReproduceAndCatchChanges()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        const ExportResult r = exportVectors(c, {false, kNow});
        QVERIFY(r.ok);
        const QJsonObject doc = parse(r.bytes);
        const QJsonArray cases = doc.value(u"cases").toArray();
        QVERIFY(cases.size() > 50);
        QCOMPARE(doc.value(u"config_sha256").toString(), configContentHash(c));
        QVERIFY(verifyVectors(c, doc).isEmpty());

        // Every reason the config can produce is covered.
        QSet<QString> reasons;
        for (const QJsonValue &v : cases)
            reasons << v.toObject().value(u"expected").toObject().value(u"reason").toString();
        for (const char16_t *expected : {u"not_on_vercel", u"provider_constraint", u"rule:grok-incident",
                                         u"rule:anthropic", u"rule:no-kimi", u"default:paid", u"failover_boost"})
            QVERIFY2(reasons.contains(QString::fromUtf16(expected)), qPrintable(QString::fromUtf16(expected)));

        // A changed share must be caught by the same vectors: a rule's, and the default one that
        // applies here only once the incident rule has expired.
        RoutingConfig changed = c;
        changed.rules[1].action.vercelShare = 50;
        QVERIFY(!verifyVectors(changed, doc).isEmpty());
        changed = c;
        changed.defaultSharePaid = 60;
        QVERIFY(!verifyVectors(changed, doc).isEmpty());
        RoutingConfig recohorted = c;
        recohorted.cohort = u"other"_qs;
        QVERIFY(verifyVectors(recohorted, doc).first().contains(u"bucket"_qs));
    }

    void vectorsWithoutModelTable()
    {
        const RoutingConfig c = test::configFrom("{\"schema_version\": 1, \"rules\": [{\"id\": \"a\", \"match\": "
                                                 "{\"users\": [\"u\"]}, \"action\": {\"gateway\": \"vercel\"}}]}");
        const ExportResult r = exportVectors(c, {false, kNow});
        QVERIFY(r.ok);
        QVERIFY(verifyVectors(c, parse(r.bytes)).isEmpty());
    }

    void kiloNoteCutsByCharacters()
    {
        RoutingConfig c = test::configFrom(kExpressible);
        c.note = QString(499, u'a') + u"\U0001F600b"_qs; // 501 characters, 502 UTF-16 units
        const ExportResult r = exportKiloGateway(c, {true, kNow});
        QCOMPARE(r.losses, QStringList{u"the note is 501 characters; the record keeps 500"_qs});
        QCOMPARE(parse(r.bytes).value(u"note").toString(), QString(499, u'a') + u"\U0001F600"_qs);
    }

    void kiloFreeByEntryIsALossWhenSharesDiffer()
    {
        RoutingConfig c = test::configFrom(kExpressible);
        c.models[u"meta-llama/llama-4"_qs] = ModelEntry{u"meta/llama-4"_qs, std::nullopt, true};
        const ExportResult r = exportKiloGateway(c, {false, kNow});
        QVERIFY(!r.ok);
        QCOMPARE(
            r.losses,
            QStringList{
                u"model \"meta-llama/llama-4\" is free by its entry, not by a \":free\" suffix: the record would give it the paid share"_qs});
        c.defaultShareFree = c.defaultSharePaid; // then the class makes no difference
        QVERIFY(exportKiloGateway(c, {false, kNow}).ok);
    }

    void kiloEmailOnlyWhenItIsOne()
    {
        RoutingConfig c = test::configFrom(kExpressible);
        c.updatedBy = u"ops team <ops@example.com>"_qs;
        const QJsonObject o = parse(exportKiloGateway(c, {false, kNow}).bytes);
        QVERIFY(o.value(u"updated_by_email").isNull());
        QCOMPARE(o.value(u"updated_by").toString(), c.updatedBy);
    }

    void vectorsAreDeterministic()
    {
        const RoutingConfig c = test::configFrom(test::kContractExample);
        QCOMPARE(exportVectors(c, {false, kNow}).bytes, exportVectors(c, {false, kNow}).bytes);
    }

    void profileNames()
    {
        for (ExportProfile p : {ExportProfile::Native, ExportProfile::KiloGateway, ExportProfile::Vectors})
            QCOMPARE(parseExportProfile(exportProfileName(p)), std::optional<ExportProfile>(p));
        QVERIFY(!parseExportProfile(u"yaml"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
