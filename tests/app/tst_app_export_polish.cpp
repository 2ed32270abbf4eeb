// First-use polish of the Export and Incident dialogs, offscreen with the real widgets: what a
// profile cannot carry comes first (this session's pins on top), a lossy export takes a
// confirmation for exactly that list, the dialog says why Export is disabled, the previous note
// is not carried forward, success offers "Open file"; the Incident dialog starts from the
// selected rule, shows the expiry on the clock and warns when production cannot carry the pin.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/state_names.h"
#include "config/config_io.h"
#include "routing/export_dialog.h"
#include "routing/incident_dialog.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gw::app;

static const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

class TstAppExportPolish : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    MainWindow *openWindow()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        if (!gw::app::installSampleWorkspace(m_dir->path(), &error))
            qFatal("sample workspace: %s", qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        PreviewController *preview = m_window->routingPage()->preview()->controller();
        preview->setUsers(200);
        preview->setNow(kNow);
        preview->setDebounce(10);
        if (!m_window->openWorkspace(m_dir->path(), MainWindow::Recovery::Discard))
            qFatal("could not open the workspace");
        return m_window.get();
    }

    // An incident pin made with the dialog, added first as the Routing page does.
    gw::Rule addIncidentPin(const QString &model)
    {
        IncidentDialog incident(m_window->document()->config(), nullptr, kNow);
        incident.setSubject(model);
        gw::Rule pin = incident.rule();
        gw::RoutingConfig config = m_window->document()->config();
        config.rules.prepend(pin);
        m_window->document()->apply(config, QStringLiteral("incident"));
        return pin;
    }

    static void chooseProfile(ExportDialog &dialog, gw::ExportProfile profile)
    {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        combo->setCurrentIndex(combo->findData(int(profile)));
    }

private Q_SLOTS:
    void initTestCase() { gwtest::isolateAppSettings(QStringLiteral("tst_app_export_polish")); }
    void cleanup()
    {
        if (m_window)
            m_window->document()->setClean();
        m_window.reset();
    }

    void lossesFirstAndConfirmedForExactlyThatList()
    {
        openWindow();
        // A rule that was there when the workspace was opened, moved to the top: it must not
        // count as new, and the new pin must still come first.
        gw::RoutingConfig config = m_window->document()->config();
        config.rules.move(config.rules.size() - 1, 0);
        m_window->document()->apply(config, QStringLiteral("reorder"));
        const gw::Rule pin = addIncidentPin(QStringLiteral("openai/gpt-5"));

        ExportDialog dialog(m_window->document(), m_window->workspace());
        dialog.setNow(kNow);
        dialog.findChild<QLineEdit *>(QStringLiteral("whoEdit"))->setText(QStringLiteral("ops"));
        chooseProfile(dialog, gw::ExportProfile::KiloGateway);
        QTRY_VERIFY(dialog.isReady());
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("lossesList"));
        QVERIFY(list->count() >= 3);
        QCOMPARE(list->item(0)->data(ExportDialog::LossRuleRole).toString(), pin.id);
        QVERIFY(list->item(0)->data(ExportDialog::LossNewRole).toBool());
        bool seenOld = false;
        for (int i = 0; i < list->count(); ++i) {
            const QListWidgetItem *item = list->item(i);
            const QColor colour = item->foreground().color();
            QVERIFY2(colour.red() > 150 && colour.green() < 80 && colour.blue() < 80, qPrintable(colour.name()));
            const bool isNew = item->data(ExportDialog::LossNewRole).toBool();
            QVERIFY2(!(isNew && seenOld), "a new pin listed after an old item");
            seenOld = seenOld || !isNew;
            QCOMPARE(isNew, item->data(ExportDialog::LossRuleRole).toString() == pin.id);
        }
        QVERIFY(seenOld);
        // The group is the first thing in the dialog.
        auto *group = dialog.findChild<QWidget *>(QStringLiteral("lossesGroup"));
        QVERIFY(group->isVisibleTo(&dialog));
        QCOMPARE(dialog.layout()->indexOf(group), 0);

        // Export waits for a confirmation that names what is dropped.
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::LossesNotConfirmed);
        QVERIFY(!dialog.exportButton()->isEnabled());
        auto *confirm = dialog.findChild<QCheckBox *>(QStringLiteral("lossyCheck"));
        QVERIFY2(confirm->text().contains(pin.id), qPrintable(confirm->text()));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("resultLabel"))
                     ->text()
                     .contains(QStringLiteral("--allow-lossy")));
        confirm->setChecked(true);
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::None);
        QVERIFY(dialog.exportButton()->isEnabled());

        // A longer list (the note is now too long for the record) withdraws the confirmation.
        const int before = list->count();
        auto *note = dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"));
        note->setText(QString(600, QLatin1Char('n')));
        Q_EMIT note->editingFinished();
        QTRY_VERIFY(dialog.isReady() && list->count() == before + 1);
        QVERIFY(!confirm->isChecked());
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::LossesNotConfirmed);
        QVERIFY(!dialog.exportButton()->isEnabled());
    }

    void saysWhyExportIsDisabled()
    {
        openWindow();
        ExportDialog dialog(m_window->document(), m_window->workspace());
        dialog.setNow(kNow);
        auto *who = dialog.findChild<QLineEdit *>(QStringLiteral("whoEdit"));
        who->clear();
        QTRY_VERIFY(dialog.isReady());
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::WhoMissing);
        QVERIFY(!dialog.exportButton()->isEnabled());
        auto *blocked = dialog.findChild<QLabel *>(QStringLiteral("blockedLabel"));
        QCOMPARE(blocked->text(), dialog.blockerText());
        QVERIFY(!blocked->text().isEmpty());
        dialog.exportNow(); // refused without a name, and still says why
        QVERIFY(dialog.writtenFile().isEmpty());
        QTest::keyClicks(who, QStringLiteral("ops@example.com"));
        QCOMPARE(dialog.blocker(), ExportDialog::Blocker::None);
        QVERIFY(dialog.exportButton()->isEnabled());
        QVERIFY(blocked->text().isEmpty());
    }

    void previousNoteIsNotCarriedForward()
    {
        openWindow();
        const QString previous = m_window->document()->config().note;
        QVERIFY(!previous.isEmpty());
        {
            ExportDialog dialog(m_window->document(), m_window->workspace());
            auto *note = dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"));
            QVERIFY(note->text().isEmpty());
            QVERIFY(note->placeholderText().contains(previous));
            QVERIFY(dialog.exportedConfig().note.isEmpty());
        }
        // A note written in this session is the operator's: it is kept.
        gw::RoutingConfig config = m_window->document()->config();
        config.note = QStringLiteral("move gpt-5 for the incident");
        m_window->document()->apply(config, QStringLiteral("note"));
        ExportDialog dialog(m_window->document(), m_window->workspace());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("noteEdit"))->text(), config.note);
        QCOMPARE(dialog.exportedConfig().note, config.note);
    }

    void successOffersOpenFile()
    {
        openWindow();
        QTimer::singleShot(0, m_window.get(), [] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setNow(kNow);
            dialog->findChild<QLineEdit *>(QStringLiteral("whoEdit"))->setText(QStringLiteral("ops@example.com"));
            QTRY_VERIFY(dialog->isReady() && dialog->exportButton()->isEnabled());
            dialog->exportNow();
        });
        QVERIFY(m_window->exportInteractive());
        const QList<gw::ExportRecord> history = m_window->workspace().history();
        QCOMPARE(history.size(), 1);
        auto *notice = m_window->findChild<QMessageBox *>(QStringLiteral("exportedNotice"));
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY(!notice->isModal());
        QCOMPARE(notice->property("file").toString(),
                 m_window->workspace().exportsDir() + QLatin1Char('/') + history.first().file);
        QVERIFY(notice->findChild<QPushButton *>(QStringLiteral("openFileButton")));
        notice->close();
    }

    // One set of words for the states, wherever they are shown.
    void statesNamedOnce()
    {
        openWindow();
        QVERIFY(m_window->windowTitle().contains(states::draft()));
        QVERIFY(m_window->statusText().contains(states::draft()));
        QVERIFY(m_window->statusText().contains(states::lastExport()));
        QTimer::singleShot(0, m_window.get(), [] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setNow(kNow);
            dialog->findChild<QLineEdit *>(QStringLiteral("whoEdit"))->setText(QStringLiteral("ops"));
            QTRY_VERIFY(dialog->isReady() && dialog->exportButton()->isEnabled());
            dialog->exportNow();
        });
        QVERIFY(m_window->exportInteractive());
        const gw::ExportRecord record = m_window->workspace().history().last();
        QVERIFY(m_window->statusText().contains(states::lastExport() + QStringLiteral(": ")
                                                + states::describeRecord(record)));
        // The preview and the next export compare with the same named state.
        PreviewPanel *preview = m_window->routingPage()->preview();
        QTRY_VERIFY(!preview->controller()->isRunning() && preview->churnText().contains(states::lastExport()));
        QVERIFY(preview->churnText().contains(record.file));
        ExportDialog next(m_window->document(), m_window->workspace());
        QVERIFY(next.findChild<QLabel *>(QStringLiteral("baselineLabel"))->text().startsWith(states::lastExport()));
        if (auto *notice = m_window->findChild<QMessageBox *>(QStringLiteral("exportedNotice")))
            notice->close();
    }

    void incidentStartsFromTheSelectedRule()
    {
        openWindow();
        gw::RoutingConfig config = m_window->document()->config();
        gw::Rule exact;
        exact.id = QStringLiteral("pin-gpt");
        exact.match.models = {QStringLiteral("x-ai/*"), QStringLiteral("openai/gpt-5")};
        exact.action.gateway = gw::Gateway::OpenRouter;
        config.rules.insert(1, exact);
        m_window->document()->apply(config, QStringLiteral("add"));
        const auto subjectOfDialogFor = [this](int row) {
            m_window->routingPage()->selectRow(row);
            QString subject;
            QTimer::singleShot(0, m_window.get(), [&subject] {
                auto *dialog = qobject_cast<IncidentDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                subject = dialog->subjectCombo()->currentText();
                dialog->reject();
            });
            m_window->routingPage()->openIncidentDialog();
            return subject;
        };
        QCOMPARE(subjectOfDialogFor(1), QStringLiteral("openai/gpt-5")); // the first exact model
        const int cloud = int(std::find_if(config.rules.cbegin(), config.rules.cend(),
                                           [](const gw::Rule &r) { return !r.match.providers.isEmpty(); })
                              - config.rules.cbegin());
        QVERIFY(cloud < config.rules.size());
        QCOMPARE(subjectOfDialogFor(cloud), config.rules.at(cloud).match.providers.first());
    }

    void incidentShowsClockTimeAndProductionWarning()
    {
        openWindow();
        IncidentDialog dialog(m_window->document()->config(), nullptr, kNow);
        dialog.setSubject(QStringLiteral("openai/gpt-5"));
        const QDateTime until = kNow.addSecs(4 * 3600).toLocalTime();
        QVERIFY2(dialog.untilText().contains(until.toString(QStringLiteral("HH:mm"))), qPrintable(dialog.untilText()));
        QVERIFY2(dialog.untilText().contains(until.timeZoneAbbreviation()), qPrintable(dialog.untilText()));
        QCOMPARE(*dialog.rule().expiresAt, kNow.addSecs(4 * 3600));
        // The record has no expiry for an opt-out: the production profile cannot carry the pin.
        QVERIFY(!dialog.productionLosses().isEmpty());
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("productionWarning"));
        QVERIFY(warning->isVisibleTo(&dialog));
        // With Vercel off the rules have no effect and nothing is lost: no warning.
        gw::RoutingConfig off = m_window->document()->config();
        off.vercelEnabled = false;
        IncidentDialog quiet(off, nullptr, kNow);
        quiet.setSubject(QStringLiteral("openai/gpt-5"));
        QVERIFY(quiet.productionLosses().isEmpty());
        QVERIFY(!quiet.findChild<QLabel *>(QStringLiteral("productionWarning"))->isVisibleTo(&quiet));
    }
};

QTEST_MAIN(TstAppExportPolish)
#include "tst_app_export_polish.moc"
