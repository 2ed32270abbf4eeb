// The real widgets, offscreen, driven with QTest: shares, incident dialog, undo, reorder, export,
// kilo-gateway refusals, autosave and recovery, the live preview, the why inspector, settings.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/key_store.h"
#include "config/config_io.h"
#include "models/mapping_table_model.h"
#include "models/models_page.h"
#include "routing/export_dialog.h"
#include "routing/incident_dialog.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/router.h"
#include "routing/routing_page.h"
#include "routing/rule_editor.h"
#include "routing/rules_table_model.h"
#include "routing/simulation.h"
#include "routing/why_inspector.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "shell/settings_dialog.h"
#include "testbench/test_bench_page.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace gw::app;

static const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

class TstAppWidgets : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    // A fresh sample workspace and a window on it, with a small, fixed-clock preview.
    MainWindow *openWindow(MainWindow::Recovery recovery = MainWindow::Recovery::Discard, bool fresh = true)
    {
        if (fresh) {
            m_dir = std::make_unique<QTemporaryDir>();
            QString error;
            if (!gw::app::installSampleWorkspace(m_dir->path(), &error))
                qFatal("sample workspace: %s", qPrintable(error));
        }
        m_window = std::make_unique<MainWindow>();
        PreviewController *preview = m_window->routingPage()->preview()->controller();
        preview->setUsers(500);
        preview->setNow(kNow);
        preview->setDebounce(10);
        m_window->routingPage()->rulesModel()->setNow(kNow);
        m_window->routingPage()->whyInspector()->setNow(kNow);
        m_window->document()->setAutosaveDelay(30);
        if (!m_window->openWorkspace(m_dir->path(), recovery))
            qFatal("could not open the workspace");
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get(), 20000))
            qWarning("window not active");
        return m_window.get();
    }
    template <typename T>
    T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

private Q_SLOTS:
    void initTestCase() { gwtest::isolateAppSettings(QStringLiteral("tst_app_widgets")); }
    void cleanup()
    {
        if (m_window)
            m_window->document()->setClean(); // no close prompt
        m_window.reset();
    }

    void firstStartCopiesSampleWorkspace()
    {
        QSettings().remove(QStringLiteral("workspace/path"));
        const QString location = gw::Workspace::defaultLocation(); // test mode: under ~/.qttest
        QDir(location).removeRecursively();
        m_window = std::make_unique<MainWindow>();
        m_window->routingPage()->preview()->controller()->setUsers(100);
        QVERIFY(m_window->openInitialWorkspace(MainWindow::Recovery::Discard));
        QCOMPARE(m_window->workspace().dir(), QDir::cleanPath(location));
        QVERIFY(QFile::exists(location + QStringLiteral("/routing.json")));
        QVERIFY(QFile::exists(location + QStringLiteral("/catalogs/openrouter-models-2026-02-27.json")));
        QCOMPARE(m_window->document()->config().rules.size(), 6);
        QCOMPARE(QSettings().value(QStringLiteral("workspace/path")).toString(), QDir::cleanPath(location));
        m_window.reset();
        QDir(location).removeRecursively();
    }

    void keyboardReachesEveryPageAndRunsTheBench()
    {
        openWindow();
        auto *pages = child<QTabWidget>("pages");
        QCOMPARE(pages->count(), 5);
        for (int i = pages->count() - 1; i >= 0; --i) {
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(pages->currentIndex(), i);
        }
        // A provider preference that is not JSON makes run() say so at once: proof that it ran.
        child<QLineEdit>("providerEdit")->setText(QStringLiteral("["));
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier); // from the Routing page
        QCOMPARE(pages->currentWidget(), m_window->testBenchPage());
        QVERIFY2(m_window->testBenchPage()->statusText().startsWith(QStringLiteral("Providers:")),
                 qPrintable(m_window->testBenchPage()->statusText()));
        child<QLineEdit>("providerEdit")->setText(QStringLiteral("[1]"));
        auto *prompt = child<QPlainTextEdit>("promptEdit");
        prompt->setFocus();
        const QString before = prompt->toPlainText();
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier); // inside the prompt editor
        QCOMPARE(prompt->toPlainText(), before);                      // no new line typed: the shortcut took it
        QCOMPARE(m_window->testBenchPage()->statusText(), QStringLiteral("Providers: must be a JSON object"));
    }

    void statusBarShowsWorkspace()
    {
        openWindow();
        QVERIFY(m_window->statusText().contains(QStringLiteral("Revision 42"))); // the sample's revision
        QVERIFY(m_window->statusText().contains(QStringLiteral("Saved")));
    }

    void typeShareIntoSpinBox()
    {
        openWindow();
        auto *spin = child<QDoubleSpinBox>("paidSpin");
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("4.5"));
        QTest::keyClick(spin, Qt::Key_Enter);
        QCOMPARE(m_window->document()->config().defaultSharePaid, 4.5);
        QCOMPARE(child<QSlider>("paidSlider")->value(), 4500);
        QVERIFY(m_window->statusText().contains(QStringLiteral("Unsaved")));
        // Slider -> spin box
        child<QSlider>("freeSlider")->setValue(12345);
        QCOMPARE(child<QDoubleSpinBox>("freeSpin")->value(), 12.345);
        QCOMPARE(m_window->document()->config().defaultShareFree, 12.345);
    }

    void neverBothGatewaysOff()
    {
        openWindow();
        QTest::mouseClick(child<QPushButton>("allVercelButton"), Qt::LeftButton);
        QVERIFY(!m_window->document()->config().openrouterEnabled);
        auto *vercel = child<QCheckBox>("vercelCheck");
        QTest::mouseClick(vercel, Qt::LeftButton, {}, QPoint(5, vercel->height() / 2));
        QVERIFY(m_window->document()->config().vercelEnabled);
        QVERIFY(vercel->isChecked());
    }

    void incidentDialogThenUndo()
    {
        openWindow();
        const int before = int(m_window->document()->config().rules.size());
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<IncidentDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            sawDialog = true;
            dialog->subjectCombo()->setCurrentText(QStringLiteral("openai/gpt-5"));
            auto *box = dialog->findChild<QDialogButtonBox *>();
            QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>("incidentButton"), Qt::LeftButton);
        QVERIFY(sawDialog);
        const gw::RoutingConfig &config = m_window->document()->config();
        QCOMPARE(int(config.rules.size()), before + 1);
        const gw::Rule &rule = config.rules.first();
        QVERIFY2(rule.id.startsWith(QStringLiteral("incident-openai-gpt-5-")), qPrintable(rule.id));
        QCOMPARE(rule.match.models, QStringList{QStringLiteral("openai/gpt-5")});
        QVERIFY(rule.expiresAt);
        // Selecting the new rule shows it in the editor without counting as an edit.
        QCOMPARE(m_window->routingPage()->ruleEditor()->ruleIndex(), 0);
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(*rule.expiresAt) - 4 * 3600) < 120);
        QVERIFY(m_window->routingPage()
                    ->rulesModel()
                    ->data(m_window->routingPage()->rulesModel()->index(0, RulesTableModel::Expiry))
                    .toString()
                    .startsWith(QStringLiteral("expires in")));
        // Ctrl+Z from the rules table (a line edit with focus would undo its own text first).
        auto *table = child<QTableView>("rulesView");
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get(), 20000));
        table->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(table->hasFocus(), 20000);
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(m_window->document()->config().rules.size()), before);
        QVERIFY(!m_window->document()->config().rules.first().id.startsWith(QStringLiteral("incident-")));
    }

    void reorderAndEditRules()
    {
        openWindow();
        RoutingPage *page = m_window->routingPage();
        const QString first = m_window->document()->config().rules.at(0).id;
        const QString second = m_window->document()->config().rules.at(1).id;
        page->selectRow(0);
        QTest::mouseClick(child<QPushButton>("downButton"), Qt::LeftButton);
        QCOMPARE(m_window->document()->config().rules.at(0).id, second);
        QCOMPARE(m_window->document()->config().rules.at(1).id, first);
        QCOMPARE(page->selectedRow(), 1);
        // Edit the selected rule in the side panel: a bad glob is refused inline.
        auto *models = child<QLineEdit>("modelsEdit");
        models->clear();
        QTest::keyClicks(models, QStringLiteral("x-ai/grok-[34]"));
        QVERIFY(!page->ruleEditor()->problems().isEmpty());
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        models->clear();
        QVERIFY(page->ruleEditor()->problems().join(QLatin1Char(' ')).contains(QStringLiteral("empty")));
        QTest::keyClicks(models, QStringLiteral("x-ai/*"));
        QVERIFY(page->ruleEditor()->problems().isEmpty());
        QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
        QCOMPARE(m_window->document()->config().rules.at(1).match.models, QStringList{QStringLiteral("x-ai/*")});
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_window->document()->config().rules.at(1).match.models, QStringList{QStringLiteral("x-ai/grok-*")});
    }

    void exportNativeWritesFile()
    {
        openWindow();
        gw::RoutingConfig edited = m_window->document()->config();
        edited.defaultSharePaid = 4.5;
        m_window->document()->apply(edited, QStringLiteral("edit"));
        ExportDialog dialog(m_window->document(), m_window->workspace(), m_window.get());
        dialog.setNow(kNow);
        auto *who = dialog.findChild<QLineEdit *>(QStringLiteral("whoEdit"));
        who->clear();
        QTest::keyClicks(who, QStringLiteral("ops@example.com"));
        QTRY_VERIFY(dialog.isReady()); // prepared off the GUI thread
        QVERIFY(dialog.changes().contains(QStringLiteral("default paid share 3 → 4.5")));
        QVERIFY(dialog.exportButton()->isEnabled());
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QVERIFY(!dialog.exportButton()->isEnabled()); // preparing the final version
        QVERIFY(exported.wait(10000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.writtenFile().isEmpty());
        const gw::ConfigLoadResult written = gw::loadConfigFile(dialog.writtenFile());
        QVERIFY(written.config);
        QCOMPARE(written.config->defaultSharePaid, 4.5);
        QCOMPARE(written.config->revision, 43); // sample revision 42 + 1
        QCOMPARE(written.config->updatedBy, QStringLiteral("ops@example.com"));
        QCOMPARE(*written.config->updatedAt, kNow);
        QCOMPARE(m_window->document()->config().revision, 43);
        const QList<gw::ExportRecord> history = m_window->workspace().history();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().profile, QStringLiteral("native"));
        QCOMPARE(history.first().revision, 43);
        // The next export compares against this one.
        QString source;
        QCOMPARE(m_window->workspace().baseline(&source)->defaultSharePaid, 4.5);
        QCOMPARE(source, dialog.writtenFile());
    }

    void kiloGatewayListsLosses()
    {
        openWindow();
        ExportDialog dialog(m_window->document(), m_window->workspace(), m_window.get());
        dialog.setNow(kNow);
        dialog.findChild<QLineEdit *>(QStringLiteral("whoEdit"))->setText(QStringLiteral("ops"));
        auto *profile = dialog.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        profile->setCurrentIndex(profile->findText(QStringLiteral("kilo-gateway")));
        QTRY_VERIFY(dialog.isReady());
        QVERIFY(!dialog.losses().isEmpty());
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("lossesGroup"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.exportButton()->isEnabled());
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::LossesNotConfirmed);
        auto *lossy = dialog.findChild<QCheckBox *>(QStringLiteral("lossyCheck"));
        lossy->setChecked(true); // confirms dropping exactly the listed items
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::None);
        QVERIFY(dialog.exportButton()->isEnabled());
    }

    void autosaveAndRecovery()
    {
        openWindow();
        const QString autosave = m_window->workspace().autosavePath();
        QSignalSpy saved(m_window->document(), &DraftDocument::autosaved);
        gw::RoutingConfig edited = m_window->document()->config();
        edited.defaultShareFree = 6.25;
        m_window->document()->apply(edited, QStringLiteral("edit"));
        QVERIFY(saved.wait(30000));
        QVERIFY(QFile::exists(autosave));
        m_window.reset(); // a crash: no save, no prompt
        openWindow(MainWindow::Recovery::Recover, false);
        QCOMPARE(m_window->document()->config().defaultShareFree, 6.25);
        QVERIFY(m_window->document()->isDirty());
        m_window->document()->setClean();
        m_window.reset();
        openWindow(MainWindow::Recovery::Recover, false);
        QCOMPARE(m_window->document()->config().defaultShareFree, 1.5); // clean: autosave was dropped
    }

    void livePreviewMatchesSimulate()
    {
        openWindow();
        PreviewController *preview = m_window->routingPage()->preview()->controller();
        QSignalSpy ready(preview, &PreviewController::resultReady);
        auto *spin = child<QDoubleSpinBox>("paidSpin");
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("40"));
        const gw::RoutingConfig config = m_window->document()->config();
        // Latest request wins: wait until a result for exactly this config arrives.
        gw::SimulationOptions options;
        options.users = 500;
        options.now = kNow;
        const gw::RoutingConfig baseline = *gw::loadConfigFile(m_window->workspace().draftPath()).config;
        const gw::SimulationResult expected = gw::simulate(config, options, &baseline);
        QTRY_VERIFY_WITH_TIMEOUT(preview->lastResult() && !preview->isRunning()
                                     && preview->lastResult()->total.vercel == expected.total.vercel,
                                 60000);
        const gw::SimulationResult &got = *preview->lastResult();
        QCOMPARE(got.total.openrouter, expected.total.openrouter);
        QCOMPARE(got.total.changed, expected.total.changed);
        QCOMPARE(got.movedToVercel, expected.movedToVercel);
        QCOMPARE(got.perModel.size(), expected.perModel.size());
        QVERIFY(expected.total.changed > 0);
        QVERIFY(m_window->routingPage()->preview()->churnText().contains(QStringLiteral("routing.json")));
    }

    void whyInspectorShowsRouterReason()
    {
        openWindow();
        WhyInspector *why = m_window->routingPage()->whyInspector();
        auto *user = why->findChild<QLineEdit *>(QStringLiteral("userEdit"));
        user->clear();
        QTest::keyClicks(user, QStringLiteral("staff-0002"));
        auto *model = why->findChild<QComboBox *>(QStringLiteral("modelCombo"));
        model->setCurrentText(QStringLiteral("anthropic/claude-sonnet-4.5"));
        const gw::Router router(m_window->document()->config());
        QList<gw::DecisionStep> steps;
        const gw::Decision decision = router.decide(why->currentRequest(), &steps);
        QCOMPARE(decision.reasonCode(), QStringLiteral("rule:internal-dogfood"));
        QVERIFY2(why->decisionText().contains(decision.reasonCode()), qPrintable(why->decisionText()));
        QCOMPARE(why->stepTexts().size(), steps.size());
        QVERIFY(why->stepTexts().last().contains(steps.last().detail));
    }

    void settingsWithoutKeychain()
    {
        qputenv("OPENROUTER_API_KEY", "sk-or-v1-notarealkey0000abcd");
        UnavailableKeyStore store(QStringLiteral("no daemon in tests."));
        SettingsDialog dialog(&store);
        QVERIFY(dialog.keychainMessage().contains(QStringLiteral("Keychain unavailable")));
        QTRY_COMPARE(dialog.keyStateText(QStringLiteral("openrouter")),
                     QStringLiteral("from OPENROUTER_API_KEY: sk-or-v1-…abcd"));
        QCOMPARE(dialog.keyStateText(QStringLiteral("vercel")), QStringLiteral("not set"));
        dialog.findChild<QLineEdit *>(QStringLiteral("refererEdit"))->setText(QStringLiteral("https://example.com"));
        dialog.save();
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("attribution/referer")).toString(),
                 QStringLiteral("https://example.com"));
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(QStringLiteral("notarealkey")));
        qunsetenv("OPENROUTER_API_KEY");
    }

    void germanTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/gateway-console_de.qm")));
        QCOMPARE(translator.translate("gw::app::MainWindow", "Unsaved changes"),
                 QStringLiteral("Ungespeicherte Änderungen"));
    }

    void modelsPageConfirmsProposal()
    {
        MainWindow *window = openWindow();
        ModelsPage *page = window->modelsPage();
        MappingTableModel *model = page->mappingModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 100, 60000);
        // An OpenRouter model with a proposal that the sample config has no entry for.
        QString id;
        std::optional<QString> proposed;
        for (const gw::MappingProposal &p : model->proposals()) {
            if (p.configState == gw::ConfigMappingState::Unconfirmed && p.vercelId) {
                id = p.openrouterId;
                proposed = p.vercelId;
                break;
            }
        }
        QVERIFY(!id.isEmpty());
        QVERIFY(!window->document()->config().models.contains(id));
        auto *filter = child<QLineEdit>("filterEdit");
        QTest::keyClicks(filter, id);
        QVERIFY(page->proxy()->rowCount() >= 1);
        page->selectModel(id);
        QTest::mouseClick(child<QPushButton>("confirmButton"), Qt::LeftButton);
        QVERIFY(window->document()->config().models.contains(id));
        QCOMPARE(window->document()->config().models.value(id).vercel, proposed);
        // The table follows the draft (recomputed off the GUI thread).
        QSignalSpy ready(page, &ModelsPage::proposalsReady);
        QVERIFY(ready.wait(60000));
        const auto it = std::find_if(model->proposals().cbegin(), model->proposals().cend(),
                                     [&](const gw::MappingProposal &p) { return p.openrouterId == id; });
        QCOMPARE(it->configState, gw::ConfigMappingState::Confirmed);
        window->document()->undoStack()->undo();
        QVERIFY(!window->document()->config().models.contains(id));
    }

    // The page's layout and chips: the mappings get the splitter's room, the id names every row in
    // the (non-scrolling) row header, each chip filters exactly the rows its role says, and Confirm
    // says what it did with an Undo that takes the edit back.
    void modelsPageChipsSplitterAndUndo()
    {
        MainWindow *window = openWindow();
        child<QTabWidget>("pages")->setCurrentIndex(1);
        ModelsPage *page = window->modelsPage();
        MappingTableModel *model = page->mappingModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 100, 60000);
        auto *splitter = child<QSplitter>("modelsSplitter");
        QCOMPARE(splitter->count(), 2);
        QTRY_VERIFY(splitter->sizes().at(0) > 2 * splitter->sizes().at(1));

        auto *view = child<QTableView>("mappingView");
        QSortFilterProxyModel *proxy = page->proxy();
        // The chips' filter proxy keeps the model contract through every refilter below.
        QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->isColumnHidden(MappingTableModel::OpenRouterId));
        QVERIFY(view->verticalHeader()->isVisible());
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
        for (int row : {0, proxy->rowCount() / 2, proxy->rowCount() - 1})
            QCOMPARE(proxy->headerData(row, Qt::Vertical).toString(),
                     proxy->index(row, MappingTableModel::OpenRouterId).data().toString());

        const auto countRole = [&](auto accept) {
            int n = 0;
            for (int row = 0; row < model->rowCount(); ++row)
                n += accept(model->index(row, MappingTableModel::OpenRouterId));
            return n;
        };
        const auto inConfig = [](const QModelIndex &i) {
            return i.data(MappingTableModel::StateRole).toInt() != int(gw::ConfigMappingState::Unconfirmed);
        };
        const int all = model->rowCount();
        const int confirmed = countRole(inConfig);
        const int weaker =
            countRole([](const QModelIndex &i) { return i.data(MappingTableModel::WeakerRole).toBool(); });
        const int weakerProposed = countRole(
            [&](const QModelIndex &i) { return !inConfig(i) && i.data(MappingTableModel::WeakerRole).toBool(); });
        QVERIFY(confirmed > 0 && confirmed < all);
        QVERIFY(weaker > 0 && weaker < all);
        auto *confirmedChip = child<QPushButton>("confirmedChip");
        auto *proposedChip = child<QPushButton>("proposedChip");
        auto *weakerChip = child<QPushButton>("weakerChip");
        QVERIFY(confirmedChip->isCheckable());
        QTest::mouseClick(confirmedChip, Qt::LeftButton);
        QCOMPARE(proxy->rowCount(), confirmed);
        QTest::mouseClick(proposedChip, Qt::LeftButton); // both states: all rows
        QCOMPARE(proxy->rowCount(), all);
        QTest::mouseClick(confirmedChip, Qt::LeftButton);
        QCOMPARE(proxy->rowCount(), all - confirmed);
        QTest::mouseClick(weakerChip, Qt::LeftButton);
        QCOMPARE(proxy->rowCount(), weakerProposed);
        QTest::mouseClick(weakerChip, Qt::LeftButton);

        // Confirm one proposal: the confirmation names it, Undo takes it out of the draft again.
        QString id, proposed;
        for (const gw::MappingProposal &p : model->proposals())
            if (p.configState == gw::ConfigMappingState::Unconfirmed && p.vercelId) {
                id = p.openrouterId;
                proposed = *p.vercelId;
                break;
            }
        QVERIFY(!id.isEmpty());
        QVERIFY(page->confirmationText().isEmpty());
        page->selectModel(id);
        QTest::mouseClick(child<QPushButton>("confirmButton"), Qt::LeftButton);
        QVERIFY(window->document()->config().models.contains(id));
        QVERIFY(page->confirmationText().contains(id));
        QVERIFY(page->confirmationText().contains(proposed));
        auto *undo = child<QPushButton>("undoConfirmButton");
        QVERIFY(undo->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(!window->document()->config().models.contains(id));
        QVERIFY(page->confirmationText().isEmpty());
    }

    // Parity columns: real catalog prices per million tokens on both sides, and a weaker Vercel
    // side flagged in the same rows as gw::compareParity says.
    void modelsPageShowsParity()
    {
        MainWindow *window = openWindow();
        MappingTableModel *model = window->modelsPage()->mappingModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 100, 60000);
        int sonnet = -1, weaker = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->proposal(row).openrouterId == QStringLiteral("anthropic/claude-sonnet-4.5"))
                sonnet = row;
            weaker += model->index(row, MappingTableModel::Parity).data(MappingTableModel::WeakerRole).toBool();
        }
        QVERIFY(sonnet >= 0);
        QCOMPARE(model->index(sonnet, MappingTableModel::PriceOpenRouter).data().toString(),
                 QStringLiteral("$3.00 / $15.00"));
        QCOMPARE(model->index(sonnet, MappingTableModel::PriceVercel).data().toString(),
                 QStringLiteral("$3.00 / $15.00"));
        QCOMPARE(model->index(sonnet, MappingTableModel::PriceDifference).data().toString(), QStringLiteral("0% / 0%"));
        QCOMPARE(model->index(sonnet, MappingTableModel::Context).data().toString(), QStringLiteral("1000k / 1000k"));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, MappingTableModel::Parity).data().toString();
            QCOMPARE(text.startsWith(QStringLiteral("Vercel weaker")),
                     model->index(row, MappingTableModel::Parity).data(MappingTableModel::WeakerRole).toBool());
        }
        QVERIFY(weaker < model->rowCount());
    }

    void closeAsksWhenDirty()
    {
        MainWindow *window = openWindow();
        gw::RoutingConfig edited = window->document()->config();
        edited.defaultSharePaid = 11;
        window->document()->apply(edited, QStringLiteral("edit"));
        auto answer = [this](QMessageBox::StandardButton which) {
            QTimer::singleShot(0, this, [which] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QTest::mouseClick(box->button(which), Qt::LeftButton);
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QVERIFY(window->document()->isDirty());
        answer(QMessageBox::Save);
        QVERIFY(window->close());
        QVERIFY(!window->document()->isDirty());
        QCOMPARE(gw::loadConfigFile(window->workspace().draftPath()).config->defaultSharePaid, 11.0);
        QVERIFY(window->statusText().contains(QStringLiteral("Saved")));
    }

    void germanUserInterface()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/gateway-console_de.qm")));
        QCoreApplication::installTranslator(&translator);
        MainWindow *window = openWindow();
        QCOMPARE(child<QPushButton>("allVercelButton")->text(), QStringLiteral("Notfall: alles zu Vercel"));
        QCOMPARE(child<QTabWidget>("pages")->tabText(1), QStringLiteral("Modelle"));
        QVERIFY(window->statusText().contains(QStringLiteral("Gespeichert")));
        QCoreApplication::removeTranslator(&translator);
    }

    void screenshotsOfEveryPage()
    {
        openWindow();
        QTemporaryDir shots;
        QVERIFY(m_window->grabPages(shots.path()));
        QCOMPARE(QDir(shots.path()).entryList({QStringLiteral("*.png")}).size(), 5);
    }
};

QTEST_MAIN(TstAppWidgets)
#include "tst_app_widgets.moc"
