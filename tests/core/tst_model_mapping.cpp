// Mapping proposals on the real February 2026 catalog pair, and the config's confirmations.

#include "catalog/model_mapping.h"
#include "test_configs.h"

#include <QTest>

using namespace gw;

class TestModelMapping : public QObject {
    Q_OBJECT
    Catalog m_openrouter, m_vercel;
    QHash<QString, MappingProposal> m_byId;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/");
        const CatalogParseResult o =
            parseCatalogFile(Gateway::OpenRouter, dir + u"openrouter-models-2026-02-27.json"_qs);
        const CatalogParseResult v = parseCatalogFile(Gateway::Vercel, dir + u"vercel-models-2026-02-22.json"_qs);
        QVERIFY2(!hasErrors(o.problems) && !hasErrors(v.problems),
                 qPrintable(joinDiagnostics(o.problems + v.problems)));
        m_openrouter = o.catalog;
        m_vercel = v.catalog;
        for (const MappingProposal &p : proposeMappings(m_openrouter, m_vercel, nullptr))
            m_byId.insert(p.openrouterId, p);
    }

    void everyOpenRouterIdGetsOneEntry()
    {
        QCOMPARE(m_openrouter.models.size(), 343);
        QCOMPARE(m_vercel.models.size(), 164); // language models only
        QCOMPARE(m_byId.size(), 343);
    }

    // Each checked by hand against both catalog files.
    void proposals_data()
    {
        QTest::addColumn<QString>("openrouter");
        QTest::addColumn<QString>("vercel"); // empty: no proposal
        QTest::addColumn<QString>("method");
        QTest::newRow("exact") << u"anthropic/claude-sonnet-4.5"_qs << u"anthropic/claude-sonnet-4.5"_qs
                               << u"exact_id"_qs;
        QTest::newRow("free variant") << u"openai/gpt-oss-120b:free"_qs << u"openai/gpt-oss-120b"_qs
                                      << u"variant_suffix"_qs;
        QTest::newRow("exacto variant") << u"moonshotai/kimi-k2-0905:exacto"_qs << u"moonshotai/kimi-k2-0905"_qs
                                        << u"variant_suffix"_qs;
        QTest::newRow("rename devstral") << u"mistralai/devstral-2512"_qs << u"mistral/devstral-2"_qs
                                         << u"known_rename"_qs;
        QTest::newRow("rename codestral")
            << u"mistralai/codestral-2508"_qs << u"mistral/codestral"_qs << u"known_rename"_qs;
        QTest::newRow("rename gemini") << u"google/gemini-3-flash-preview"_qs << u"google/gemini-3-flash"_qs
                                       << u"known_rename"_qs;
        QTest::newRow("rename grok") << u"x-ai/grok-4.1-fast"_qs << u"xai/grok-4.1-fast-reasoning"_qs
                                     << u"known_rename"_qs;
        QTest::newRow("x-ai prefix") << u"x-ai/grok-code-fast-1"_qs << u"xai/grok-code-fast-1"_qs
                                     << u"vendor_prefix"_qs;
        QTest::newRow("z-ai prefix, free")
            << u"z-ai/glm-4.5-air:free"_qs << u"zai/glm-4.5-air"_qs << u"vendor_prefix"_qs;
        QTest::newRow("qwen prefix") << u"qwen/qwen3-coder"_qs << u"alibaba/qwen3-coder"_qs << u"vendor_prefix"_qs;
        QTest::newRow("llama instruct") << u"meta-llama/llama-3.3-70b-instruct"_qs << u"meta/llama-3.3-70b"_qs
                                        << u"normalized_id"_qs;
        QTest::newRow("qwen punctuation") << u"qwen/qwen3-14b"_qs << u"alibaba/qwen-3-14b"_qs << u"normalized_id"_qs;
        QTest::newRow("dated snapshot") << u"mistralai/ministral-8b-2512"_qs << u"mistral/ministral-8b"_qs
                                        << u"normalized_id"_qs;
        QTest::newRow("reasoning variant")
            << u"x-ai/grok-4-fast"_qs << u"xai/grok-4-fast-reasoning"_qs << u"reasoning_variant"_qs;
        QTest::newRow("display name") << u"deepseek/deepseek-chat-v3.1"_qs << u"deepseek/deepseek-v3.1"_qs
                                      << u"display_name"_qs;
        QTest::newRow("not on vercel") << u"nousresearch/hermes-4-70b"_qs << QString() << u"none"_qs;
    }

    void proposals()
    {
        QFETCH(QString, openrouter);
        QFETCH(QString, vercel);
        QFETCH(QString, method);
        QVERIFY2(m_byId.contains(openrouter), qPrintable(openrouter));
        const MappingProposal p = m_byId.value(openrouter);
        QCOMPARE(p.vercelId.value_or(QString()), vercel);
        QCOMPARE(mappingMethodName(p.method), method);
        QVERIFY(!p.evidence.isEmpty());
        QVERIFY(p.vercelId ? p.confidence > 0 : p.confidence == 0);
        // Every proposal names an id Vercel really lists.
        if (p.vercelId)
            QVERIFY(m_vercel.find(*p.vercelId));
    }

    void confidenceOrdersTheMethods()
    {
        const MappingProposal exact = m_byId.value(u"anthropic/claude-sonnet-4.5"_qs);
        const MappingProposal prefix = m_byId.value(u"x-ai/grok-code-fast-1"_qs);
        const MappingProposal dated = m_byId.value(u"mistralai/ministral-8b-2512"_qs);
        const MappingProposal name = m_byId.value(u"deepseek/deepseek-chat-v3.1"_qs);
        QVERIFY(exact.confidence > prefix.confidence);
        QVERIFY(prefix.confidence > dated.confidence);
        QVERIFY(dated.confidence >= name.confidence);
        QVERIFY(dated.evidence.contains(u"-2512"_qs));
        QVERIFY(dated.evidence.contains(u"newer"_qs));
    }

    void summaryFigures()
    {
        int mapped = 0, exact = 0;
        for (const MappingProposal &p : std::as_const(m_byId)) {
            mapped += p.vercelId.has_value();
            exact += p.method == MappingMethod::ExactId;
        }
        // Measured on the snapshot pair; a change here means the proposer changed behaviour.
        QCOMPARE(exact, 73);
        QCOMPARE(mapped, 156);
    }

    void configStates()
    {
        const RoutingConfig c =
            test::configFrom("{\"schema_version\": 1, \"models\": {"
                             "\"x-ai/grok-code-fast-1\": {\"vercel\": \"xai/grok-code-fast-1\"},"
                             "\"x-ai/grok-4-fast\": {\"vercel\": \"xai/grok-4-fast-non-reasoning\"},"
                             "\"openai/gpt-oss-120b:free\": {\"vercel\": null}}}");
        QHash<QString, MappingProposal> byId;
        for (const MappingProposal &p : proposeMappings(m_openrouter, m_vercel, &c))
            byId.insert(p.openrouterId, p);
        QCOMPARE(byId.value(u"x-ai/grok-code-fast-1"_qs).configState, ConfigMappingState::Confirmed);
        QCOMPARE(byId.value(u"x-ai/grok-4-fast"_qs).configState, ConfigMappingState::Overridden);
        QCOMPARE(byId.value(u"x-ai/grok-4-fast"_qs).configVercelId,
                 std::optional<QString>(u"xai/grok-4-fast-non-reasoning"_qs));
        QCOMPARE(byId.value(u"openai/gpt-oss-120b:free"_qs).configState, ConfigMappingState::NotOnVercel);
        QCOMPARE(byId.value(u"anthropic/claude-sonnet-4.5"_qs).configState, ConfigMappingState::Unconfirmed);
        const QJsonObject json = mappingProposalToJson(byId.value(u"x-ai/grok-4-fast"_qs));
        QCOMPARE(json.value(u"config").toString(), u"overridden"_qs);
        QCOMPARE(json.value(u"config_vercel_id").toString(), u"xai/grok-4-fast-non-reasoning"_qs);
    }

    void ambiguityIsNotGuessed()
    {
        Catalog o, v;
        o.gateway = Gateway::OpenRouter;
        v.gateway = Gateway::Vercel;
        CatalogModel m;
        m.id = u"acme/model-x-2025"_qs;
        o.models << m;
        o.index.insert(m.id, 0);
        for (const QString &id : {u"acme/model-x"_qs, u"acme/modelx"_qs}) {
            CatalogModel c;
            c.id = id;
            v.index.insert(id, int(v.models.size()));
            v.models << c;
        }
        const MappingProposal p = proposeMappings(o, v, nullptr).first();
        QVERIFY(!p.vercelId);
        QVERIFY(p.evidence.startsWith(u"ambiguous: "_qs));
        QVERIFY(p.evidence.contains(u"acme/model-x"_qs) && p.evidence.contains(u"acme/modelx"_qs));
    }
};

QTEST_GUILESS_MAIN(TestModelMapping)
#include "tst_model_mapping.moc"
