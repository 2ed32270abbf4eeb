// The Planner page, driven through its tabs' controllers on a real SQLite traffic history
// (imported from a traffic log v1 the test writes): the leaderboard planner's plan, bounds table
// and proposal for typed inputs against hand-computed values (feasible, infeasible, spend,
// invalid), the eligible fraction and our volume from recorded traffic, imported rankings, Apply
// and Undo on the draft; the what-if replay's totals and churn against an independent count of
// the log, and Cancel; the guarded ramp's advance, hold and roll back on traffic built for each
// (the verdict, the volume and gate tables), their undoable draft edits, and plan files with
// errors. Every table model runs under QAbstractItemModelTester.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/page_context.h"
#include "common/time_range_selector.h"
#include "planner/leaderboard_constraint_model.h"
#include "planner/leaderboard_import_model.h"
#include "planner/planner_leaderboard_panel.h"
#include "planner/planner_page.h"
#include "planner/planner_ramp_panel.h"
#include "planner/planner_replay_panel.h"
#include "planner/ramp_gate_table_model.h"
#include "planner/ramp_volume_model.h"
#include "planner/replay_table_model.h"
#include "shell/main_window.h"
#include "workspace/workspace.h"

#include "config/config_io.h"
#include "database.h"
#include "history_store.h"
#include "routing/router.h"
#include "traffic/key_usage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gw::app;

namespace {

constexpr int kWaitMs = 30000;
const QString kOnVercel = QStringLiteral("anthropic/claude-test"); // mapped to Vercel
const QString kNotOnVercel = QStringLiteral("ai21/jamba-test");    // "not on Vercel"
const QString kRampAdvance = QStringLiteral("ramp/advance");
const QString kRampHold = QStringLiteral("ramp/hold");
const QString kRampRollBack = QStringLiteral("ramp/rollback");
// The planning traffic: two days from here, 80 requests of 100 + 50 tokens, one user each.
const QDateTime kPlanStart(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
constexpr int kPlanLines = 80;
constexpr int kPromptTokens = 100;
constexpr int kCompletionTokens = 50;
constexpr double kCostPerLine = 0.001;

struct Line {
    QDateTime ts;
    gw::Gateway gateway = gw::Gateway::OpenRouter;
    QString model;
    QString user;
    int status = 200;
    int ttftMs = 400;
    int promptTokens = kPromptTokens;
    int completionTokens = kCompletionTokens;
    double costUsd = kCostPerLine;
};

QByteArray jsonLine(const Line &l)
{
    QJsonObject o;
    o.insert(QStringLiteral("ts"), l.ts.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("gateway"), gw::gatewayName(l.gateway));
    o.insert(QStringLiteral("model"), l.model);
    o.insert(QStringLiteral("provider"), QStringLiteral("test-provider"));
    o.insert(QStringLiteral("user"), l.user);
    o.insert(QStringLiteral("task"), QString());
    o.insert(QStringLiteral("status"), l.status);
    o.insert(QStringLiteral("error_type"), QJsonValue::Null);
    o.insert(QStringLiteral("latency_ms"), 900);
    o.insert(QStringLiteral("ttft_ms"), l.ttftMs);
    o.insert(QStringLiteral("prompt_tokens"), l.promptTokens);
    o.insert(QStringLiteral("completion_tokens"), l.completionTokens);
    o.insert(QStringLiteral("cached_tokens"), 0);
    o.insert(QStringLiteral("reasoning_tokens"), 0);
    o.insert(QStringLiteral("cost_usd"), l.costUsd);
    o.insert(QStringLiteral("cost_source"), QStringLiteral("reported"));
    o.insert(QStringLiteral("fallback_from"), QJsonValue::Null);
    o.insert(QStringLiteral("free"), false);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// Every fourth request is for the model that is not on Vercel; the others alternate gateways.
QList<Line> planningLines()
{
    QList<Line> lines;
    for (int i = 0; i < kPlanLines; ++i) {
        Line l;
        l.ts = kPlanStart.addSecs(qint64(i) * 36 * 60); // 80 x 36 min = 48 h: hours 0..47
        l.model = i % 4 == 3 ? kNotOnVercel : kOnVercel;
        l.gateway = (l.model == kOnVercel && i % 2 == 1) ? gw::Gateway::Vercel : gw::Gateway::OpenRouter;
        l.user = QStringLiteral("u-%1").arg(i);
        lines.append(l);
    }
    return lines;
}

// `requests` requests of `model` on `gateway` ten minutes ago, `errors` of them failed (500).
QList<Line> rampLines(const QString &model, gw::Gateway gateway, int requests, int errors)
{
    QList<Line> lines;
    const QDateTime tenMinutesAgo = QDateTime::currentDateTimeUtc().addSecs(-600);
    for (int i = 0; i < requests; ++i) {
        Line l;
        l.ts = tenMinutesAgo.addMSecs(i);
        l.gateway = gateway;
        l.model = model;
        l.user = QStringLiteral("r-%1").arg(i);
        l.status = i < errors ? 500 : 200;
        l.costUsd = 2e-6 * (kPromptTokens + kCompletionTokens);
        lines.append(l);
    }
    return lines;
}

gw::RoutingConfig testConfig(double defaultShare)
{
    gw::RoutingConfig config;
    config.revision = 7;
    config.defaultSharePaid = defaultShare;
    config.defaultShareFree = defaultShare;
    gw::ModelEntry onVercel;
    onVercel.vercel = QStringLiteral("anthropic/claude-test");
    config.models.insert(kOnVercel, onVercel);
    config.models.insert(kNotOnVercel, gw::ModelEntry{});
    for (const QString &model : {kRampAdvance, kRampHold, kRampRollBack}) {
        gw::ModelEntry entry;
        entry.vercel = model;
        config.models.insert(model, entry);
    }
    return config;
}

gw::RampPlan rampPlan(const QString &model)
{
    gw::RampPlan plan;
    plan.scope = model;
    plan.stepsPercent = {2, 5, 10};
    plan.currentStep = 1;
    plan.minRequestsPerGateway = 200;
    plan.errorMarginPoints = 1.0;
    plan.confidence = 0.95;
    plan.maxTtftP95WorsePercent = 20;
    plan.maxCostPerMtokWorsePercent = 10;
    plan.windowMinutes = 60;
    return plan;
}

// A bound of the plan as the constraint table holds it: its share (percent), and whether it sets
// the end of the range. None when the plan has no such bound.
struct Bound {
    double percent = 0;
    bool upper = false;
    bool binding = false;
    QString shown; // the share as the table shows it
};
std::optional<Bound> bound(const LeaderboardConstraintModel *model, gw::ShareConstraint::Kind kind)
{
    const int row = model->rowOf(kind);
    if (row < 0)
        return std::nullopt;
    const auto value = [model, row](int column) {
        return model->index(row, column).data(LeaderboardConstraintModel::ValueRole);
    };
    return Bound{value(LeaderboardConstraintModel::SharePercent).toDouble(),
                 value(LeaderboardConstraintModel::Direction).toBool(),
                 value(LeaderboardConstraintModel::Binding).toBool(),
                 model->index(row, LeaderboardConstraintModel::SharePercent).data().toString()};
}

// Typed inputs, as an operator types them (our volume typed, not from recorded traffic).
void typeInputs(PlannerLeaderboardController *controller, const gw::LeaderboardInputs &inputs)
{
    controller->setUseRecordedVolume(false);
    controller->setInputs(inputs);
}

const gw::Rule *findRule(const gw::RoutingConfig &config, const QString &id)
{
    for (const gw::Rule &rule : config.rules)
        if (rule.id == id)
            return &rule;
    return nullptr;
}

} // namespace

class TstAppPlanner : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QList<Line> m_planning;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    std::unique_ptr<DraftDocument> m_document;
    std::shared_ptr<PageContext> m_context;
    std::unique_ptr<PlannerPage> m_page;

    void waitForPlan(PlannerLeaderboardController *planner)
    {
        QTRY_VERIFY_WITH_TIMEOUT(planner->isUpToDate(), kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        gwtest::isolateAppSettings(QStringLiteral("tst_app_planner"));
        QVERIFY(m_dir.isValid());
        m_planning = planningLines();
        QList<Line> all = m_planning;
        all << rampLines(kRampAdvance, gw::Gateway::Vercel, 200, 2)
            << rampLines(kRampAdvance, gw::Gateway::OpenRouter, 200, 2);
        all << rampLines(kRampHold, gw::Gateway::Vercel, 50, 0)
            << rampLines(kRampHold, gw::Gateway::OpenRouter, 300, 0);
        all << rampLines(kRampRollBack, gw::Gateway::Vercel, 200, 40)
            << rampLines(kRampRollBack, gw::Gateway::OpenRouter, 200, 2);
        const QString logPath = m_dir.filePath(QStringLiteral("traffic.jsonl"));
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::WriteOnly));
        for (const Line &l : std::as_const(all))
            log.write(jsonLine(l));
        log.close();

        const QString dbPath = m_dir.filePath(QStringLiteral("history.sqlite"));
        {
            gw::store::Database db;
            QVERIFY(db.open(dbPath).ok());
            const auto imported = db.importTrafficFile(logPath);
            QVERIFY2(imported.ok(), qPrintable(imported.error));
            QCOMPARE(imported.value.events, qint64(all.size()));
            QCOMPARE(imported.value.badLineCount, qint64(0));
        }
        m_history = std::make_shared<gw::store::HistoryStore>();
        QFuture<gw::store::Outcome<bool>> opened = m_history->open(dbPath);
        opened.waitForFinished();
        QVERIFY2(opened.result().ok(), qPrintable(opened.result().error));

        // The workspace's saved routing.json is the live config (share 0); the draft differs.
        QString error;
        QVERIFY2(
            (error = gw::saveConfigFile(m_dir.filePath(QStringLiteral("routing.json")), testConfig(0)).error).isEmpty(),
            qPrintable(error));
        m_document = std::make_unique<DraftDocument>();
        m_document->reset(testConfig(0));
        m_context = std::make_shared<PageContext>(m_document.get());
        m_page = std::make_unique<PlannerPage>(m_context);
        m_context->setHistory(m_history);
        m_context->setWorkspace(gw::Workspace(m_dir.path()));
        m_page->show();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_context.reset();
        m_document.reset();
        m_history.reset();
    }

    void init() { m_document->reset(testConfig(0)); }

    void leaderboardUntouchedHintsInsteadOfErrors()
    {
        // Nothing typed yet: a hint what to enter, not three red "must be positive" errors.
        PlannerLeaderboardController *planner = m_page->leaderboardPanel()->controller();
        typeInputs(planner, gw::LeaderboardInputs{});
        waitForPlan(planner);
        QVERIFY(!planner->problems().isEmpty());
        QVERIFY2(planner->problemText().isEmpty(), qPrintable(planner->problemText()));
        QVERIFY2(planner->resultText().contains(u"Enter our tokens per day"_qs), qPrintable(planner->resultText()));
        QCOMPARE(planner->constraintModel()->rowCount(), 0);
        QVERIFY(!planner->canApply());
    }

    void leaderboardTypedFeasibleAppliesAndUndoes()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        QAbstractItemModelTester tester(planner->constraintModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::LeaderboardInputs in;
        in.ourTokensPerDay = 1'000'000;
        in.openrouterCompetitorTokens = 400'000;
        in.vercelCompetitorTokens = 200'000;
        in.metric = gw::LeaderboardMetric::Tokens;
        in.marginPercent = 10;
        typeInputs(planner, in);
        // The form shows the controller's inputs, and what is typed in the form reaches it.
        auto *ourTokens = panel->findChild<QDoubleSpinBox *>(u"ourTokens"_qs);
        QVERIFY(ourTokens);
        QCOMPARE(ourTokens->value(), 1'000'000.0);
        ourTokens->setValue(2'000'000);
        QCOMPARE(planner->inputs().ourTokensPerDay, 2'000'000.0);
        ourTokens->setValue(1'000'000);
        QCOMPARE(planner->inputs().ourTokensPerDay, 1'000'000.0);
        waitForPlan(planner);
        // OpenRouter: (1 - s) * 1e6 >= 1.1 * 400k  ->  s <= 56%;  Vercel: s * 1e6 >= 1.1 * 200k  ->
        // s >= 22%. Without the margin: 20% .. 60%. No recorded traffic: default share = 22%.
        QVERIFY(planner->problems().isEmpty());
        QVERIFY(planner->plan() && planner->plan()->feasible);
        QCOMPARE(planner->plan()->lowPercent, 22.0);
        QCOMPARE(planner->plan()->highPercent, 56.0);
        QCOMPARE(planner->plan()->minimalPercent, 22.0);
        QCOMPARE(planner->plan()->lowWithoutMarginPercent, 20.0);
        QCOMPARE(planner->plan()->highWithoutMarginPercent, 60.0);
        // The table of bounds: Vercel's tokens set the lower end (22%), OpenRouter's the upper (56%).
        const std::optional<Bound> vercel = bound(planner->constraintModel(), gw::ShareConstraint::Kind::VercelTokens);
        const std::optional<Bound> openrouter =
            bound(planner->constraintModel(), gw::ShareConstraint::Kind::OpenRouterTokens);
        QVERIFY(vercel && openrouter);
        QCOMPARE(vercel->percent, 22.0);
        QVERIFY(!vercel->upper && vercel->binding);
        QCOMPARE(vercel->shown, u"22.000%"_qs);
        QCOMPARE(openrouter->percent, 56.0);
        QVERIFY(openrouter->upper && openrouter->binding);
        QCOMPARE(openrouter->shown, u"56.000%"_qs);
        QVERIFY2(planner->problemText().isEmpty(), qPrintable(planner->problemText()));
        QVERIFY(planner->proposal());
        QCOMPARE(planner->proposal()->defaultSharePaidPercent, 22.0);
        QCOMPARE(planner->proposal()->defaultShareFreePercent, 22.0);
        QCOMPARE(panel->chartSeriesCount(), 5); // band, OpenRouter, Vercel tokens, tie line, proposed share

        QVERIFY(planner->canApply());
        const int commands = m_document->undoStack()->count();
        QVERIFY(planner->applyToDraft());
        QCOMPARE(m_document->undoStack()->count(), commands + 1);
        QCOMPARE(m_document->config().defaultSharePaid, 22.0);
        QCOMPARE(m_document->config().defaultShareFree, 22.0);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->config().defaultSharePaid, 0.0);
        QCOMPARE(m_document->config().defaultShareFree, 0.0);

        // Only the paid share: the free one keeps the draft's value.
        planner->setScope(gw::DefaultShareScope::PaidOnly);
        waitForPlan(planner);
        QVERIFY(planner->applyToDraft());
        QCOMPARE(m_document->config().defaultSharePaid, 22.0);
        QCOMPARE(m_document->config().defaultShareFree, 0.0);
        m_document->undoStack()->undo();
        planner->setScope(gw::DefaultShareScope::Both);
    }

    void leaderboardSpendBinds()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        QAbstractItemModelTester tester(planner->constraintModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::LeaderboardInputs in;
        in.ourTokensPerDay = 1'000'000;
        in.ourSpendPerDayUsd = 1000;
        in.openrouterCompetitorTokens = 400'000;
        in.vercelCompetitorTokens = 200'000;
        in.vercelCompetitorSpendUsd = 300;
        in.metric = gw::LeaderboardMetric::Both;
        in.marginPercent = 0;
        typeInputs(planner, in);
        waitForPlan(planner);
        // Tokens: s >= 20%; spend: s * 1000 >= 300  ->  s >= 30%; OpenRouter: s <= 60%.
        QVERIFY(planner->plan() && planner->plan()->feasible);
        QCOMPARE(planner->plan()->minimalPercent, 30.0);
        QCOMPARE(planner->plan()->highPercent, 60.0);
        QVERIFY(planner->plan()->bindingLow == gw::ShareConstraint::Kind::VercelSpend);
        const std::optional<Bound> spend = bound(planner->constraintModel(), gw::ShareConstraint::Kind::VercelSpend);
        const std::optional<Bound> tokens = bound(planner->constraintModel(), gw::ShareConstraint::Kind::VercelTokens);
        QVERIFY(spend && tokens);
        QCOMPARE(spend->percent, 30.0);
        QVERIFY(spend->binding);
        QCOMPARE(tokens->percent, 20.0);
        QVERIFY(!tokens->binding);
        QCOMPARE(panel->chartSeriesCount(), 6); // + the Vercel spend margin
    }

    void leaderboardInfeasibleSaysWhy()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        QAbstractItemModelTester tester(planner->constraintModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        gw::LeaderboardInputs in;
        in.ourTokensPerDay = 1'000'000;
        in.openrouterCompetitorTokens = 700'000;
        in.vercelCompetitorTokens = 400'000;
        in.marginPercent = 10;
        typeInputs(planner, in);
        waitForPlan(planner);
        // OpenRouter: s <= 1 - 770k/1e6 = 23%; Vercel: s >= 440k/1e6 = 44%: short by 21 points.
        QVERIFY(planner->plan() && !planner->plan()->feasible);
        QCOMPARE(planner->plan()->lowPercent, 44.0);
        QCOMPARE(planner->plan()->highPercent, 23.0);
        QCOMPARE(planner->plan()->shortfallPoints, 21.0);
        QVERIFY(!planner->plan()->feasibleWithoutMargin); // 40% > 30% without the margin too
        QVERIFY2(planner->problemText().contains(u"21.0"_qs), qPrintable(planner->problemText()));
        // Needed at least 44% (Vercel's tokens), allowed at most 23% (OpenRouter's).
        const std::optional<Bound> vercel = bound(planner->constraintModel(), gw::ShareConstraint::Kind::VercelTokens);
        const std::optional<Bound> openrouter =
            bound(planner->constraintModel(), gw::ShareConstraint::Kind::OpenRouterTokens);
        QVERIFY(vercel && openrouter);
        QCOMPARE(vercel->percent, 44.0);
        QVERIFY(!vercel->upper && vercel->binding);
        QCOMPARE(openrouter->percent, 23.0);
        QVERIFY(openrouter->upper && openrouter->binding);
        QVERIFY(!planner->canApply());
        QVERIFY(!planner->applyToDraft());
        QCOMPARE(panel->chartSeriesCount(), 3); // no band, no proposed share

        // Nobody to beat on OpenRouter: not a plan, and the page says so.
        in.openrouterCompetitorTokens = 0;
        typeInputs(planner, in);
        waitForPlan(planner);
        QVERIFY(!planner->problems().isEmpty());
        QVERIFY(!planner->problemText().isEmpty());
        QCOMPARE(planner->constraintModel()->rowCount(), 0);
        QVERIFY(!planner->canApply());
    }

    void leaderboardFromRecordedTraffic()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        panel->rangeSelector()->setCustomRange(kPlanStart, kPlanStart.addDays(2));
        QSignalSpy loaded(planner, &PlannerLeaderboardController::recordedTrafficLoaded);
        planner->loadRecordedTraffic();
        QVERIFY(planner->isLoadingTraffic());
        QVERIFY(loaded.wait(kWaitMs));
        QCOMPARE(loaded.at(0).at(0).toBool(), true);
        QVERIFY(!planner->isLoadingTraffic());

        // Independent count of the log: 60 of 80 requests are for the model on Vercel, all of
        // them decided by the default share (0 now, no rules): 75% eligible, nothing fixed.
        double total = 0;
        double eligible = 0;
        double cost = 0;
        for (const Line &l : std::as_const(m_planning)) {
            total += l.promptTokens + l.completionTokens;
            eligible += l.model == kOnVercel ? l.promptTokens + l.completionTokens : 0;
            cost += l.costUsd;
        }
        QCOMPARE(total, 12000.0);
        QCOMPARE(planner->recordedTokensPerDay(), total / 2); // hours 0..47: two days
        QVERIFY(qFuzzyCompare(planner->recordedSpendPerDay(), cost / 2));

        gw::LeaderboardInputs in;
        in.ourTokensPerDay = 1; // replaced by the recorded volume below
        in.openrouterCompetitorTokens = 1000;
        in.vercelCompetitorTokens = 1500;
        in.marginPercent = 0;
        typeInputs(planner, in);
        planner->setUseRecordedVolume(true);
        QCOMPARE(planner->inputs().ourTokensPerDay, total / 2);
        QCOMPARE(panel->findChild<QDoubleSpinBox *>(u"ourTokens"_qs)->value(), total / 2);
        waitForPlan(planner);
        QVERIFY(planner->recordedReach());
        QCOMPARE(planner->recordedReach()->fixedVercelPercent, 0.0);
        QCOMPARE(planner->recordedReach()->eligiblePercent, 100.0 * eligible / total);
        // 6000 tokens a day: Vercel needs s >= 1500/6000 = 25%; OpenRouter allows 83.3%, but the
        // default share reaches at most the eligible 75%.
        QVERIFY(planner->plan() && planner->plan()->feasible);
        QCOMPARE(planner->plan()->minimalPercent, 25.0);
        QCOMPARE(planner->plan()->highPercent, 75.0);
        QVERIFY(planner->plan()->bindingHigh == gw::ShareConstraint::Kind::EligibleMax);
        const std::optional<Bound> eligibleMax =
            bound(planner->constraintModel(), gw::ShareConstraint::Kind::EligibleMax);
        QVERIFY(eligibleMax && eligibleMax->upper && eligibleMax->binding);
        QCOMPARE(eligibleMax->percent, 75.0);
        QVERIFY(planner->proposal() && planner->proposal()->reachable);

        // Apply, then recount independently what the draft now sends to Vercel: at least 25% of
        // the tokens, and one step (0.001%) less would not be enough.
        QVERIFY(planner->applyToDraft());
        const double share = m_document->config().defaultSharePaid;
        const auto vercelPercent = [this, total](const gw::RoutingConfig &config) {
            const gw::Router router(config);
            double vercel = 0;
            for (const Line &l : std::as_const(m_planning)) {
                gw::TrafficKeyUsageKey key;
                key.hourStartMs = l.ts.toMSecsSinceEpoch() / 3'600'000 * 3'600'000;
                key.model = l.model;
                key.user = l.user;
                if (gw::decideForUsage(router, key).gateway == gw::Gateway::Vercel)
                    vercel += l.promptTokens + l.completionTokens;
            }
            return 100.0 * vercel / total;
        };
        const double achieved = vercelPercent(m_document->config());
        QVERIFY2(achieved >= 25.0, qPrintable(QString::number(achieved)));
        QCOMPARE(achieved, planner->proposal()->achievedPercent);
        gw::RoutingConfig less = m_document->config();
        less.defaultSharePaid = less.defaultShareFree = share - 0.001;
        QVERIFY(vercelPercent(less) < 25.0);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->config().defaultSharePaid, 0.0);
        planner->setUseRecordedVolume(false);
    }

    // The same plan as above, reached only through the panel's widgets: the Load button, the
    // spin boxes, the "from recorded traffic" box and Apply, so the form's wiring is covered too.
    void leaderboardPanelDrivesItsController()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        typeInputs(planner, gw::LeaderboardInputs{});
        panel->rangeSelector()->setCustomRange(kPlanStart, kPlanStart.addDays(2));
        auto *load = panel->findChild<QPushButton *>(u"loadTrafficButton"_qs);
        auto *apply = panel->findChild<QPushButton *>(u"applyToDraftButton"_qs);
        auto *fromRecorded = panel->findChild<QCheckBox *>(u"fromRecorded"_qs);
        auto *ourTokens = panel->findChild<QDoubleSpinBox *>(u"ourTokens"_qs);
        auto *metric = panel->findChild<QComboBox *>(u"metric"_qs);
        QVERIFY(load && apply && fromRecorded && ourTokens && metric);

        QSignalSpy loaded(planner, &PlannerLeaderboardController::recordedTrafficLoaded);
        QTest::mouseClick(load, Qt::LeftButton);
        QVERIFY(loaded.wait(kWaitMs));
        QCOMPARE(loaded.at(0).at(0).toBool(), true);

        metric->setCurrentIndex(metric->findData(int(gw::LeaderboardMetric::Tokens)));
        panel->findChild<QDoubleSpinBox *>(u"openrouterCompetitor"_qs)->setValue(1000);
        panel->findChild<QDoubleSpinBox *>(u"vercelCompetitorTokens"_qs)->setValue(1500);
        panel->findChild<QDoubleSpinBox *>(u"margin"_qs)->setValue(0);
        QCOMPARE(planner->inputs().openrouterCompetitorTokens, 1000.0);
        QCOMPARE(planner->inputs().vercelCompetitorTokens, 1500.0);
        QCOMPARE(planner->inputs().marginPercent, 0.0);
        QVERIFY(planner->inputs().metric == gw::LeaderboardMetric::Tokens);

        QTest::mouseClick(fromRecorded, Qt::LeftButton, {}, QPoint(4, fromRecorded->height() / 2));
        QVERIFY(planner->useRecordedVolume());
        QCOMPARE(ourTokens->value(), 6000.0); // 12,000 recorded tokens over two days
        QVERIFY(ourTokens->isReadOnly());
        waitForPlan(planner);
        QVERIFY(planner->plan() && planner->plan()->feasible);
        QCOMPARE(planner->plan()->minimalPercent, 25.0);

        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(m_document->config().defaultSharePaid > 0);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->config().defaultSharePaid, 0.0);
        QTest::mouseClick(fromRecorded, Qt::LeftButton, {}, QPoint(4, fromRecorded->height() / 2));
        QVERIFY(!planner->useRecordedVolume());
    }

    void leaderboardImportsRankings()
    {
        PlannerLeaderboardPanel *panel = m_page->leaderboardPanel();
        PlannerLeaderboardController *planner = panel->controller();
        LeaderboardImportModel *rows = planner->importModel();
        QAbstractItemModelTester tester(rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString good = m_dir.filePath(QStringLiteral("or-rankings.json"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"app_id\": 1, \"app_name\": \"Gateway Console\", \"rank\": 1, \"total_requests\": 10, "
                "\"total_tokens\": 900000},\n"
                " {\"app_id\": 2, \"app_name\": \"Other App\", \"rank\": 2, \"total_requests\": 9, \"total_tokens\": "
                "800000}]\n");
        f.close();
        QVERIFY2(planner->importLeaderboard(gw::Gateway::OpenRouter, good), qPrintable(planner->importStatus()));
        QVERIFY2(planner->importStatus().contains(u"Other App"_qs), qPrintable(planner->importStatus()));
        // Ours (the attribution title) is skipped: the strongest other app's volume is filled in.
        QCOMPARE(planner->inputs().openrouterCompetitorTokens, 800000.0);
        QCOMPARE(panel->findChild<QDoubleSpinBox *>(u"openrouterCompetitor"_qs)->value(), 800000.0);
        // Both rows in the table, ours marked, tokens with separators.
        QCOMPARE(rows->rowCount(), 2);
        const int other = rows->rowOf(gw::Gateway::OpenRouter, u"Other App"_qs);
        const int ours = rows->rowOf(gw::Gateway::OpenRouter, u"Gateway Console"_qs);
        QVERIFY(other >= 0 && ours >= 0);
        QCOMPARE(rows->index(other, LeaderboardImportModel::Rank).data(LeaderboardImportModel::ValueRole).toInt(), 2);
        QCOMPARE(rows->index(other, LeaderboardImportModel::Tokens).data(LeaderboardImportModel::ValueRole).toDouble(),
                 800000.0);
        QCOMPARE(rows->index(other, LeaderboardImportModel::Tokens).data().toString(), u"800,000"_qs);
        QVERIFY(!rows->index(other, LeaderboardImportModel::Ours).data(LeaderboardImportModel::ValueRole).toBool());
        QVERIFY(rows->index(ours, LeaderboardImportModel::Ours).data(LeaderboardImportModel::ValueRole).toBool());

        // Vercel's export has names only: who leads by tokens and by spend (we are rank 1 by tokens).
        const QString vercel = m_dir.filePath(QStringLiteral("vercel-leaderboard.json"));
        QFile v(vercel);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("[{\"rank\": 2, \"ranked_by\": \"tokens\", \"name\": \"Rival\", \"url\": \"https://rival.dev\"},\n"
                " {\"rank\": 1, \"ranked_by\": \"tokens\", \"name\": \"Gateway Console\", \"url\": "
                "\"https://gc.example\"},\n"
                " {\"rank\": 1, \"ranked_by\": \"spend\", \"name\": \"Spendy\", \"url\": \"https://spendy.io\"}]\n");
        v.close();
        QVERIFY2(planner->importLeaderboard(gw::Gateway::Vercel, vercel), qPrintable(planner->importStatus()));
        const QString vercelText = planner->importStatus();
        QVERIFY2(vercelText.contains(u"by tokens Rival (rank 2)"_qs)
                     && vercelText.contains(u"by spend Spendy (rank 1)"_qs) && vercelText.contains(u"we rank 1"_qs),
                 qPrintable(vercelText));
        QCOMPARE(rows->rowCount(), 5); // OpenRouter's two rows stay
        QVERIFY(rows->rowOf(gw::Gateway::Vercel, u"Spendy"_qs) > rows->rowOf(gw::Gateway::OpenRouter, u"Other App"_qs));

        const QString bad = m_dir.filePath(QStringLiteral("bad-rankings.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("[{\"app_id\": 2, \"app_name\": \"Other App\", \"rank\": \"first\"}]\n");
        b.close();
        QVERIFY(!planner->importLeaderboard(gw::Gateway::OpenRouter, bad));
        QVERIFY(planner->importFailed());
        QVERIFY2(planner->importStatus().contains(u"bad-rankings.json"_qs), qPrintable(planner->importStatus()));
        QCOMPARE(rows->rowCount(), 5); // a failed import changes nothing
    }

    void replayTotalsEqualAnIndependentCount()
    {
        // The draft sends the whole default to Vercel; the saved (live) config sends nothing.
        m_document->apply(testConfig(100), QStringLiteral("test: default share 100"));
        PlannerReplayPanel *panel = m_page->replayPanel();
        ReplayTableModel *table = panel->tableModel();
        QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->rangeSelector()->setCustomRange(kPlanStart, kPlanStart.addDays(2));
        QSignalSpy finished(panel, &PlannerReplayPanel::replayFinished);
        panel->replay();
        QVERIFY(panel->isRunning());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(panel->result().has_value(), qPrintable(panel->statusText()));
        const gw::ReplayResult &r = *panel->result();

        quint64 onVercelRequests = 0;
        quint64 onVercelTokens = 0;
        quint64 otherRequests = 0;
        quint64 otherTokens = 0;
        quint64 recordedVercel = 0;
        double recordedCost = 0;
        QSet<QString> keys;
        for (const Line &l : std::as_const(m_planning)) {
            const quint64 tokens = quint64(l.promptTokens) + quint64(l.completionTokens);
            (l.model == kOnVercel ? onVercelRequests : otherRequests) += 1;
            (l.model == kOnVercel ? onVercelTokens : otherTokens) += tokens;
            recordedVercel += l.gateway == gw::Gateway::Vercel ? 1 : 0;
            recordedCost += l.costUsd;
            keys.insert(l.model + QLatin1Char('|') + l.user);
        }
        QCOMPARE(r.draft.vercel.requests, onVercelRequests);
        QCOMPARE(r.draft.vercel.tokens(), onVercelTokens);
        QCOMPARE(r.draft.openrouter.requests, otherRequests);
        QCOMPARE(r.draft.openrouter.tokens(), otherTokens);
        QCOMPARE(r.live.vercel.requests, quint64(0));
        QCOMPARE(r.live.openrouter.requests, quint64(kPlanLines));
        QCOMPARE(r.recorded.vercel.requests, recordedVercel);
        QVERIFY(qFuzzyCompare(r.recorded.totalCostUsd(), recordedCost));
        QCOMPARE(r.churn.keys, quint64(keys.size()));
        QCOMPARE(r.churn.keysChanged, onVercelRequests); // one user per request
        QCOMPARE(r.churn.keysToVercel, onVercelRequests);
        QCOMPARE(r.churn.requestsAffected, onVercelRequests);
        // Rows: the mapped model on both gateways, the other one on OpenRouter only.
        QCOMPARE(table->rowCount(), 3);
        const auto cell = [table](int row, ReplayTableModel::Column column) {
            return table->index(row, column).data().toString();
        };
        bool vercelRowFound = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (cell(row, ReplayTableModel::Model) != kOnVercel || cell(row, ReplayTableModel::Gateway) != u"Vercel"_qs)
                continue;
            vercelRowFound = true;
            QCOMPARE(row, table->rowOf(kOnVercel, gw::Gateway::Vercel));
            QCOMPARE(cell(row, ReplayTableModel::DraftRequests), QString::number(onVercelRequests));
            QCOMPARE(cell(row, ReplayTableModel::DraftTokens), QString::number(onVercelTokens));
            QCOMPARE(cell(row, ReplayTableModel::LiveRequests), u"0"_qs);
        }
        QVERIFY(vercelRowFound);
        const QString summary = panel->summaryText();
        QVERIFY2(summary.contains(u"%1 of %2 sticky keys"_qs.arg(onVercelRequests).arg(keys.size())),
                 qPrintable(summary));

        // Cancel before the worker starts: no new result, the old one stays, and it says so.
        finished.clear();
        panel->replay();
        panel->cancel();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(panel->statusText().contains(u"cancelled"_qs), qPrintable(panel->statusText()));
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->result()->draft.vercel.requests, onVercelRequests);

        // Auto-update: an edit of the draft replays again on its own.
        panel->setAutoUpdate(true);
        finished.clear();
        m_document->apply(testConfig(0), QStringLiteral("test: default share 0"));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(panel->result()->draft.vercel.requests, quint64(0));
        QCOMPARE(panel->result()->churn.keysChanged, quint64(0));
        panel->setAutoUpdate(false);
    }

    // A pin that expires 2.5 hours from now counts for the first recorded hours only (the
    // traffic replayed as if it began now), not for the whole two days; the summary says so.
    void replayCountsARuleOnlyWhileInForce()
    {
        gw::RoutingConfig draft = testConfig(0);
        gw::Rule pin;
        pin.id = QStringLiteral("incident-pin");
        pin.expiresAt = QDateTime::currentDateTimeUtc().addSecs(150 * 60);
        pin.match.models = {kOnVercel};
        pin.action.gateway = gw::Gateway::Vercel;
        gw::Rule off = pin;
        off.id = QStringLiteral("switched-off");
        off.enabled = false;
        off.expiresAt.reset();
        draft.rules = {off, pin};
        m_document->apply(draft, QStringLiteral("test: incident pin"));
        PlannerReplayPanel *panel = m_page->replayPanel();
        panel->rangeSelector()->setCustomRange(kPlanStart, kPlanStart.addDays(2));
        QSignalSpy finished(panel, &PlannerReplayPanel::replayFinished);
        panel->replay();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(panel->result().has_value(), qPrintable(panel->statusText()));
        const gw::ReplayResult &r = *panel->result();

        // Independent count: requests for the pinned model in the first three recorded hours
        // (their starts are within 2.5 hours of the first; the run began under 30 minutes ago).
        quint64 pinned = 0;
        for (const Line &l : std::as_const(m_planning))
            pinned += l.model == kOnVercel && l.ts < kPlanStart.addSecs(3 * 3600) ? 1 : 0;
        QVERIFY(pinned > 0);
        QCOMPARE(r.draft.vercel.requests, pinned);
        QCOMPARE(r.draftRules.size(), 2);
        QCOMPARE(r.draftRules.at(0).state, gw::RuleInForce::Disabled);
        QCOMPARE(r.draftRules.at(1).state, gw::RuleInForce::Partly);
        QCOMPARE(r.draftProjection.spanMs(), 48 * 3600 * 1000LL);
        const QString summary = panel->summaryText();
        QVERIFY2(summary.contains(u"Draft rules count only while they are in force"_qs), qPrintable(summary));
        QVERIFY2(summary.contains(u"Rule “incident-pin” expires"_qs)
                     && summary.contains(u"of the 48 hours replayed"_qs),
                 qPrintable(summary));
        QVERIFY2(summary.contains(u"Rule “switched-off” is disabled"_qs), qPrintable(summary));
    }

    void rampAdvances()
    {
        PlannerRampPanel *panel = m_page->rampPanel();
        PlannerRampController *ramp = panel->controller();
        QAbstractItemModelTester gates(ramp->gateModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester volumes(ramp->volumeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->setPlan(rampPlan(kRampAdvance));
        QVERIFY(ramp->plan() == rampPlan(kRampAdvance)); // the form's plan is the controller's
        QSignalSpy evaluated(ramp, &PlannerRampController::evaluated);
        ramp->evaluate();
        QVERIFY(ramp->isEvaluating());
        QVERIFY(evaluated.wait(kWaitMs));
        QVERIFY(!ramp->isEvaluating());
        QVERIFY(ramp->evaluation());
        // 200 requests with 1% errors on each gateway, same TTFT and cost: every gate passes.
        QCOMPARE(ramp->evaluation()->verdict, gw::RampVerdict::Advance);
        QCOMPARE(ramp->evaluation()->vercel.requests, quint64(200));
        QCOMPARE(ramp->evaluation()->openrouter.errors, quint64(2));
        QCOMPARE(ramp->verdictText(), u"Advance"_qs);
        // The same figures in the tables.
        RampVolumeModel *v = ramp->volumeModel();
        const int vercelRow = v->rowOf(gw::Gateway::Vercel);
        const int openrouterRow = v->rowOf(gw::Gateway::OpenRouter);
        QVERIFY(vercelRow >= 0 && openrouterRow >= 0);
        QCOMPARE(v->index(vercelRow, RampVolumeModel::Requests).data(RampVolumeModel::ValueRole).toULongLong(), 200ULL);
        QCOMPARE(v->index(openrouterRow, RampVolumeModel::Errors).data(RampVolumeModel::ValueRole).toULongLong(), 2ULL);
        QCOMPARE(ramp->gateModel()->rowCount(), 3);
        for (int row = 0; row < ramp->gateModel()->rowCount(); ++row)
            QVERIFY(ramp->gateModel()->index(row, RampGateTableModel::Outcome).data().toString() != u"FAILED"_qs);
        QVERIFY(ramp->canAdvance());

        QVERIFY(ramp->advance());
        const gw::Rule *rule = findRule(m_document->config(), gw::rampRuleId(kRampAdvance));
        QVERIFY(rule && rule->action.vercelShare);
        QCOMPARE(*rule->action.vercelShare, 10.0); // step 1 (5%) -> step 2 (10%)
        QCOMPARE(panel->plan()->currentStep, 2);   // the form follows the step
        QCOMPARE(ramp->plan()->currentStep, 2);
        QVERIFY(!ramp->canAdvance()); // a new step needs a new evaluation
        QCOMPARE(ramp->gateModel()->rowCount(), 0);
        m_document->undoStack()->undo();
        QVERIFY(!findRule(m_document->config(), gw::rampRuleId(kRampAdvance)));
    }

    void rampHoldsAndSaysHowMuchMore()
    {
        PlannerRampPanel *panel = m_page->rampPanel();
        PlannerRampController *ramp = panel->controller();
        QAbstractItemModelTester volumes(ramp->volumeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->setPlan(rampPlan(kRampHold));
        QSignalSpy evaluated(ramp, &PlannerRampController::evaluated);
        ramp->evaluate();
        QVERIFY(evaluated.wait(kWaitMs));
        QCOMPARE(ramp->evaluation()->verdict, gw::RampVerdict::Hold);
        // 50 of 200 on Vercel, 300 on OpenRouter: 150 more needed on Vercel, none on OpenRouter.
        QCOMPARE(ramp->evaluation()->moreRequestsVercel, quint64(150));
        QCOMPARE(ramp->evaluation()->moreRequestsOpenRouter, quint64(0));
        QCOMPARE(ramp->verdictText(), u"Hold"_qs);
        RampVolumeModel *v = ramp->volumeModel();
        const int vercelRow = v->rowOf(gw::Gateway::Vercel);
        const int openrouterRow = v->rowOf(gw::Gateway::OpenRouter);
        QCOMPARE(v->index(vercelRow, RampVolumeModel::MoreNeeded).data(RampVolumeModel::ValueRole).toULongLong(),
                 150ULL);
        QCOMPARE(v->index(vercelRow, RampVolumeModel::MoreNeeded).data().toString(), u"150"_qs);
        QCOMPARE(v->index(openrouterRow, RampVolumeModel::MoreNeeded).data(RampVolumeModel::ValueRole).toULongLong(),
                 0ULL);
        QCOMPARE(v->index(openrouterRow, RampVolumeModel::Requests).data(RampVolumeModel::ValueRole).toULongLong(),
                 300ULL);
        QVERIFY(!ramp->canAdvance());
        QVERIFY(!ramp->advance());
    }

    void rampRollsBackWithTheNumbers()
    {
        PlannerRampPanel *panel = m_page->rampPanel();
        PlannerRampController *ramp = panel->controller();
        RampGateTableModel *gates = ramp->gateModel();
        QAbstractItemModelTester tester(gates, QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->setPlan(rampPlan(kRampRollBack));
        QSignalSpy evaluated(ramp, &PlannerRampController::evaluated);
        ramp->evaluate();
        QVERIFY(evaluated.wait(kWaitMs));
        QCOMPARE(ramp->evaluation()->verdict, gw::RampVerdict::RollBack);
        // 40/200 vs 2/200 with a 1-point margin: pooled p = 42/400 = 0.105,
        // SE = sqrt(0.105 * 0.895 * 2/200) = 0.0306553, z = (0.20 - 0.01 - 0.01) / SE = 5.8717.
        const gw::RampGateResult &error = ramp->evaluation()->gates.at(0);
        QCOMPARE(error.gate, gw::RampGateResult::Gate::ErrorRate);
        QVERIFY(std::abs(error.test.z - 5.871734) < 1e-5);
        QCOMPARE(ramp->verdictText(), u"Roll back"_qs);
        // The error-rate gate's row: 20% against 1%, z 5.872, failed.
        const int row = gates->rowOf(gw::RampGateResult::Gate::ErrorRate);
        QVERIFY(row >= 0);
        const auto value = [gates, row](int column) {
            return gates->index(row, column).data(RampGateTableModel::ValueRole).toDouble();
        };
        const auto shown = [gates, row](int column) { return gates->index(row, column).data().toString(); };
        QCOMPARE(value(RampGateTableModel::Vercel), 0.20);
        QCOMPARE(value(RampGateTableModel::OpenRouter), 0.01);
        QVERIFY(std::abs(value(RampGateTableModel::Z) - 5.871734) < 1e-5);
        QCOMPARE(shown(RampGateTableModel::Vercel), u"20.00%"_qs);
        QCOMPARE(shown(RampGateTableModel::OpenRouter), u"1.00%"_qs);
        QCOMPARE(shown(RampGateTableModel::Z), u"5.872"_qs);
        QVERIFY(value(RampGateTableModel::PValue) < 1e-4);
        QVERIFY2(!shown(RampGateTableModel::PValue).contains(u'e'),
                 qPrintable(shown(RampGateTableModel::PValue))); // no exponent
        QCOMPARE(shown(RampGateTableModel::Outcome), u"FAILED"_qs);
        QVERIFY(!ramp->canAdvance());
        QVERIFY(ramp->canRollBack());

        QVERIFY(ramp->rollBack());
        const gw::Rule *rule = findRule(m_document->config(), gw::rampRuleId(kRampRollBack));
        QVERIFY(rule && rule->action.vercelShare);
        QCOMPARE(*rule->action.vercelShare, 2.0); // step 1 (5%) -> step 0 (2%)
        QCOMPARE(panel->plan()->currentStep, 0);
        m_document->undoStack()->undo();
        QVERIFY(!findRule(m_document->config(), gw::rampRuleId(kRampRollBack)));
    }

    void rampPlanFiles()
    {
        PlannerRampPanel *panel = m_page->rampPanel();
        PlannerRampController *ramp = panel->controller();
        panel->setPlan(rampPlan(kRampHold));
        const QString good = m_dir.filePath(QStringLiteral("plan.json"));
        QVERIFY2(ramp->savePlanFile(good), qPrintable(ramp->planError()));
        panel->setPlan(gw::RampPlan{});
        QVERIFY(ramp->loadPlanFile(good));
        QVERIFY(panel->plan() == rampPlan(kRampHold)); // the form shows the loaded plan

        const QString bad = m_dir.filePath(QStringLiteral("bad-plan.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"scope\": \"default\",\n \"steps\": [5, 2]}\n");
        f.close();
        QVERIFY(!ramp->loadPlanFile(bad));
        const QString error = ramp->planError();
        QVERIFY2(error.contains(u"bad-plan.json"_qs) && error.contains(u"/steps"_qs), qPrintable(error));
        QVERIFY(panel->plan() == rampPlan(kRampHold)); // the form keeps the last good plan
        QVERIFY(ramp->plan() == rampPlan(kRampHold));
    }

    void mainWindowHostsThePlanner()
    {
        MainWindow window;
        QVERIFY(window.plannerPage());
        QVERIFY(window.plannerPage()->leaderboardPanel());
    }
};

QTEST_MAIN(TstAppPlanner)
#include "tst_app_planner.moc"
