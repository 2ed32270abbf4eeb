// The app library without windows: change descriptions, line diff, text helpers, the draft document and
// its undo stack, the workspace history, and the models under QAbstractItemModelTester.

#include "client_settings.h"
#include "common/config_text.h"
#include "common/draft_document.h"
#include "common/number_format.h"
#include "config/config_io.h"
#include "models/provider_table_model.h"
#include "routing/preview_model.h"
#include "routing/rule_editor.h"
#include "routing/rules_table_model.h"
#include "routing/simulation.h"
#include "shell/app_language.h"
#include "shell/sample_workspace.h"
#include "testbench/bench_summary_model.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::app;

static gw::RoutingConfig sampleConfig()
{
    const auto loaded = gw::loadConfigFile(QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/routing.json"));
    Q_ASSERT(loaded.config);
    return *loaded.config;
}

class TstAppLogic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The one number formatter: group separators of the locale, precision by quantity, never an
    // exponent, and an unset ("C") locale still separated.
    void numberFormat()
    {
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(formatCount(6056620, us), QStringLiteral("6,056,620"));
        QCOMPARE(formatCount(6056620, de), QStringLiteral("6.056.620"));
        QCOMPARE(formatCount(-42, us), QStringLiteral("-42"));
        QCOMPARE(formatDecimal(45000.04, 1, us), QStringLiteral("45,000.0"));
        QCOMPARE(formatDecimal(6.05662e+06, 0, us), QStringLiteral("6,056,620"));
        QVERIFY(!formatDecimal(1e15, 2, us).contains(QLatin1Char('e')));
        QCOMPARE(formatDecimal(-0.04, 1, us), QStringLiteral("0.0"));
        QCOMPARE(formatUsd(6056620.5, us), QStringLiteral("$6,056,620.50"));
        QCOMPARE(formatUsd(1.5, de), QStringLiteral("$1,50"));
        QCOMPARE(formatUsd(0.0123456, us), QStringLiteral("$0.0123"));
        QCOMPARE(formatUsd(0.0000423, us), QStringLiteral("$0.000042"));
        QCOMPARE(formatUsd(0, us), QStringLiteral("$0.00"));
        QCOMPARE(formatUsd(-2.5, us), QStringLiteral("-$2.50"));
        QCOMPARE(formatMs(1250.4, us), QStringLiteral("1,250 ms"));
        QCOMPARE(formatMs(-1, us), QStringLiteral("–"));
        QCOMPARE(formatSignedPercent(12.4, 0, us), QStringLiteral("+12%"));
        QCOMPARE(formatSignedPercent(-3.46, 1, us), QStringLiteral("-3.5%"));
        QCOMPARE(formatSignedPercent(0.2, 0, us), QStringLiteral("0%"));
        QCOMPARE(formatSignedPercent(-0.2, 0, us), QStringLiteral("0%"));
        const QLocale before;
        QLocale::setDefault(QLocale::c());
        QCOMPARE(formatCount(1234567), QStringLiteral("1,234,567"));
        QLocale::setDefault(de);
        QCOMPARE(formatCount(1234567), QStringLiteral("1.234.567"));
        QLocale::setDefault(before);
    }

    // The test bench's summary goes through it: big values keep separators, none in exponent form.
    void summaryNumbersAreFormatted()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        gw::BenchSummaryRow row;
        row.openrouterModel = QStringLiteral("a/b");
        row.runs = 3;
        row.succeeded = 3;
        row.successRate = 1;
        row.ttftP50Ms = row.ttftP95Ms = 1250.4;
        row.totalP50Ms = row.totalP95Ms = 6056620;
        row.meanCostUsd = 6056620.5;
        row.tokensPerSecond = 45000.04;
        BenchSummaryModel model;
        model.setRows({row});
        QCOMPARE(model.index(0, BenchSummaryModel::TotalP50).data().toString(), formatMs(6056620));
        QCOMPARE(model.index(0, BenchSummaryModel::MeanCost).data().toString(), formatUsd(6056620.5));
        QCOMPARE(model.index(0, BenchSummaryModel::TokensPerSecond).data().toString(), formatDecimal(45000.04, 1));
        QCOMPARE(model.index(0, BenchSummaryModel::TotalP50).data(BenchSummaryModel::SortRole).toDouble(), 6056620.0);
        for (int column = 0; column < model.columnCount(); ++column)
            QVERIFY2(!model.index(0, column).data().toString().contains(QStringLiteral("e+")),
                     qPrintable(model.index(0, column).data().toString()));
        QLocale::setDefault(before);
    }

    void describeChanges_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("paid share") << 0 << QStringLiteral("default paid share 3 → 4.5");
        QTest::newRow("free share") << 1 << QStringLiteral("default free share 1.5 → 0.125");
        QTest::newRow("rule added") << 2 << QStringLiteral("rule anthropic added (models anthropic/* → pin Vercel)");
        QTest::newRow("rule added disabled")
            << 6 << QStringLiteral("rule anthropic added, disabled (models anthropic/* → pin Vercel)");
        QTest::newRow("rule removed") << 3 << QStringLiteral("rule no-kimi removed");
        QTest::newRow("rule disabled") << 4 << QStringLiteral("rule no-kimi disabled");
        QTest::newRow("gateway off") << 5 << QStringLiteral("Vercel on → off");
    }
    void describeChanges()
    {
        QFETCH(int, edit);
        QFETCH(QString, expected);
        const gw::RoutingConfig before = sampleConfig();
        gw::RoutingConfig after = before;
        switch (edit) {
        case 0: after.defaultSharePaid = 4.5; break;
        case 1: after.defaultShareFree = 0.125; break;
        case 2:
        case 6: {
            gw::Rule rule;
            rule.enabled = edit != 6;
            rule.id = QStringLiteral("anthropic");
            rule.match.models = {QStringLiteral("anthropic/*")};
            rule.action.gateway = gw::Gateway::Vercel;
            after.rules.append(rule);
            break;
        }
        case 3: after.rules.removeAt(1); break;
        case 4: after.rules[1].enabled = false; break;
        case 5: after.vercelEnabled = false; break;
        }
        QCOMPARE(describeConfigChanges(before, after), QStringList{expected});
        QVERIFY(describeConfigChanges(before, before).isEmpty());
    }

    void ruleOrderChange()
    {
        const gw::RoutingConfig before = sampleConfig();
        gw::RoutingConfig after = before;
        after.rules.move(0, 1);
        const QStringList changes = describeConfigChanges(before, after);
        QCOMPARE(changes.size(), 1);
        QVERIFY(changes.first().startsWith(QStringLiteral("rule order changed: no-kimi, grok-incident")));
    }

    void lineDiffMarksLines()
    {
        const QString a = QStringLiteral("a\nb\nc\nd");
        const QString b = QStringLiteral("a\nc\nx\nd");
        QCOMPARE(lineDiff(a, b), (QStringList{QStringLiteral("  a"), QStringLiteral("- b"), QStringLiteral("  c"),
                                              QStringLiteral("+ x"), QStringLiteral("  d")}));
        QCOMPARE(lineDiff(a, a).size(), 4);
    }

    void textHelpers()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        QCOMPARE(expiryText(std::nullopt, now), QStringLiteral("never"));
        QCOMPARE(expiryText(now.addSecs(-1), now), QStringLiteral("expired"));
        QCOMPARE(expiryText(now.addSecs(3 * 3600 + 12 * 60), now), QStringLiteral("expires in 3 h 12 min"));
        QCOMPARE(expiryText(now.addSecs(5 * 60), now), QStringLiteral("expires in 5 min"));
        QCOMPARE(expiryText(now.addDays(2).addSecs(4 * 3600), now), QStringLiteral("expires in 2 d 4 h"));
        QCOMPARE(gw::net::maskKey(QStringLiteral("sk-or-v1-FAKE-0123456789abcdef-abcd")),
                 QStringLiteral("sk-or-v1-…abcd"));
        QCOMPARE(formatShare(4.5), QStringLiteral("4.5"));
        QCOMPARE(formatShare(3), QStringLiteral("3"));
        gw::RoutingConfig config;
        QCOMPARE(incidentRuleId(config, QStringLiteral("x-ai/grok-4"), now),
                 QStringLiteral("incident-x-ai-grok-4-202611231200"));
        gw::Rule taken;
        taken.id = QStringLiteral("incident-x-ai-grok-4-202611231200");
        config.rules.append(taken);
        QCOMPARE(incidentRuleId(config, QStringLiteral("x-ai/grok-4"), now),
                 QStringLiteral("incident-x-ai-grok-4-202611231200-2"));
    }

    void ruleValidation_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("problem"); // empty: valid
        QTest::newRow("valid") << 0 << QString();
        QTest::newRow("bad glob") << 1 << QStringLiteral("Model pattern \"openai/gpt-?\"");
        QTest::newRow("empty match") << 2 << QStringLiteral("The match is empty");
        QTest::newRow("share above 100") << 3 << QStringLiteral("between 0 and 100");
        QTest::newRow("id taken") << 4 << QStringLiteral("already has the id no-kimi");
        QTest::newRow("bad id") << 5 << QStringLiteral("The id must start");
    }
    void ruleValidation()
    {
        QFETCH(int, edit);
        QFETCH(QString, problem);
        const gw::RoutingConfig config = sampleConfig();
        gw::Rule rule = config.rules.at(0);
        switch (edit) {
        case 1: rule.match.models = {QStringLiteral("openai/gpt-?")}; break;
        case 2: rule.match = {}; break;
        case 3:
            rule.action = {};
            rule.action.vercelShare = 120;
            break;
        case 4: rule.id = QStringLiteral("no-kimi"); break;
        case 5: rule.id = QStringLiteral("-x"); break;
        }
        const QStringList problems = RuleEditor::validate(rule, config, 0);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char(' '))));
        else
            QVERIFY2(problems.join(QLatin1Char(' ')).contains(problem), qPrintable(problems.join(QLatin1Char(' '))));
    }

    void languageChoice()
    {
        QCOMPARE(effectiveLanguage(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(effectiveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        const QString system = effectiveLanguage(QString());
        QVERIFY(system == QStringLiteral("de") || system == QStringLiteral("en"));
    }

    void documentUndoAndMerge()
    {
        DraftDocument doc;
        doc.reset(sampleConfig());
        QSignalSpy changed(&doc, &DraftDocument::changed);
        QVERIFY(!doc.isDirty());
        gw::RoutingConfig c = doc.config();
        c.defaultSharePaid = 4;
        doc.apply(c, QStringLiteral("share"), QStringLiteral("paid"));
        c.defaultSharePaid = 4.5;
        doc.apply(c, QStringLiteral("share"), QStringLiteral("paid"));
        QCOMPARE(doc.undoStack()->count(), 1); // merged
        QVERIFY(doc.isDirty());
        QCOMPARE(changed.count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.config().defaultSharePaid, 3.0);
        QVERIFY(!doc.isDirty());
        doc.undoStack()->redo();
        QCOMPARE(doc.config().defaultSharePaid, 4.5);
    }

    void autosaveWritesAfterDelay()
    {
        QTemporaryDir dir;
        DraftDocument doc;
        doc.reset(sampleConfig());
        doc.setAutosaveDelay(20);
        const QString path = dir.filePath(QStringLiteral(".autosave/routing.json"));
        doc.setAutosavePath(path);
        QSignalSpy saved(&doc, &DraftDocument::autosaved);
        gw::RoutingConfig c = doc.config();
        c.defaultShareFree = 7;
        doc.apply(c, QStringLiteral("free"));
        QVERIFY(saved.wait(20000));
        const auto loaded = gw::loadConfigFile(path);
        QVERIFY(loaded.config);
        QCOMPARE(loaded.config->defaultShareFree, 7.0);
        doc.setClean();
        QVERIFY(!QFile::exists(path)); // clean: nothing to recover
    }

    void workspaceHistoryAndBaseline()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(gw::app::installSampleWorkspace(dir.path(), &error), qPrintable(error));
        const gw::Workspace ws(dir.path());
        QVERIFY(QFile::exists(ws.draftPath()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("catalogs/vercel-models-2026-02-22.json"))));
        QString source;
        QVERIFY(ws.baseline(&source));
        QCOMPARE(source, ws.draftPath());
        gw::RoutingConfig exported = sampleConfig();
        exported.defaultSharePaid = 9;
        QVERIFY(
            (error = gw::saveConfigFile(ws.exportsDir() + QStringLiteral("/native-1.json"), exported).error).isEmpty());
        gw::ExportRecord record;
        record.time = QDateTime::currentDateTimeUtc();
        record.profile = QStringLiteral("native");
        record.revision = 1;
        record.who = QStringLiteral("ops");
        record.note = QStringLiteral("n");
        record.sha256 = QStringLiteral("00");
        record.file = QStringLiteral("native-1.json");
        QVERIFY((error = ws.appendHistory(record).error).isEmpty());
        QCOMPARE(ws.history().size(), 1);
        QCOMPARE(ws.history().first().who, QStringLiteral("ops"));
        QCOMPARE(ws.baseline(&source)->defaultSharePaid, 9.0);
        QVERIFY(source.endsWith(QStringLiteral("native-1.json")));
    }

    void rulesModelPassesTester()
    {
        DraftDocument doc;
        doc.reset(sampleConfig());
        RulesTableModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(sampleConfig().rules.size()));
        model.setNow(QDateTime(QDate(2026, 2, 28), QTime(6, 0), Qt::UTC));
        QCOMPARE(model.data(model.index(0, RulesTableModel::Expiry)).toString(), QStringLiteral("expires in 1 d 0 h"));
        QVERIFY(!model.data(model.index(0, RulesTableModel::Match), Qt::ForegroundRole).isValid()); // in force
        QVERIFY(model.setData(model.index(0, RulesTableModel::Enabled), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!doc.config().rules.first().enabled);
        // Inactive rules (disabled, or past their expiry) are drawn greyed and say why.
        QVERIFY(model.data(model.index(0, RulesTableModel::Match), Qt::ForegroundRole).isValid());
        QVERIFY(model.data(model.index(0, RulesTableModel::Note), Qt::ToolTipRole).toString().startsWith(u"Disabled"));
        QVERIFY(model.setData(model.index(0, RulesTableModel::Enabled), Qt::Checked, Qt::CheckStateRole));
        model.setNow(QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC)); // after its expiry
        QVERIFY(model.data(model.index(0, RulesTableModel::Match), Qt::ForegroundRole).isValid());
        QVERIFY(model.data(model.index(0, RulesTableModel::Id), Qt::ToolTipRole).toString().startsWith(u"Expired"));
        QVERIFY(model.data(model.index(0, RulesTableModel::Id), Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.setData(model.index(0, RulesTableModel::Enabled), Qt::Unchecked, Qt::CheckStateRole));
        // Drag and drop: row 0 dropped before row 2.
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(0, 0)}));
        model.dropMimeData(mime.get(), Qt::MoveAction, 2, 0, QModelIndex());
        QCOMPARE(doc.config().rules.at(1).id, QStringLiteral("grok-incident"));
        QCOMPARE(doc.undoStack()->count(), 4);
    }

    // The provider slug table: edits, additions and removals are undoable changes of the draft;
    // an empty Vercel slug means "none on Vercel"; duplicates and empty slugs are refused.
    void providerModelEditsTheDraft()
    {
        DraftDocument doc;
        doc.reset(sampleConfig());
        ProviderTableModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = int(doc.config().providers.size());
        QCOMPARE(model.rowCount(), before);
        const int together = int(doc.config().providers.keys().indexOf(QStringLiteral("together")));
        QVERIFY(together >= 0);
        QCOMPARE(model.data(model.index(together, ProviderTableModel::VercelSlug)).toString(),
                 QStringLiteral("togetherai"));

        QVERIFY(model.setData(model.index(together, ProviderTableModel::VercelSlug), QString()));
        QCOMPARE(doc.config().providers.value(QStringLiteral("together")), std::optional<QString>());
        QCOMPARE(model.data(model.index(together, ProviderTableModel::VercelSlug)).toString(),
                 QStringLiteral("none on Vercel"));
        doc.undoStack()->undo();
        QCOMPARE(doc.config().providers.value(QStringLiteral("together")),
                 std::optional<QString>(QStringLiteral("togetherai")));

        QVERIFY(
            !model.setData(model.index(together, ProviderTableModel::OpenRouterSlug), QStringLiteral("z-ai"))); // taken
        QVERIFY(!model.setData(model.index(together, ProviderTableModel::OpenRouterSlug), QStringLiteral("  ")));
        QCOMPARE(model.addProvider(QStringLiteral("fireworks")), QString());
        QCOMPARE(doc.config().providers.value(QStringLiteral("fireworks")),
                 std::optional<QString>(QStringLiteral("fireworks")));
        QCOMPARE(model.rowCount(), before + 1);
        QVERIFY(!model.addProvider(QStringLiteral("fireworks")).isEmpty());
        model.removeProvider(int(doc.config().providers.keys().indexOf(QStringLiteral("fireworks"))));
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(doc.undoStack()->count(), 2); // add and remove: the next edit dropped the undone mapping
    }

    void previewModelPassesTester()
    {
        PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::SimulationOptions options;
        options.users = 200;
        options.now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        model.setResult(gw::simulate(sampleConfig(), options));
        QCOMPARE(model.rowCount(), int(sampleConfig().models.size()));
        QVERIFY(model.data(model.index(0, PreviewModel::VercelShare)).toString().endsWith(QStringLiteral("%")));
    }
};

QTEST_MAIN(TstAppLogic)
#include "tst_app_logic.moc"
