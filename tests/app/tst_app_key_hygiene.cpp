// Key hygiene: after a whole session with known fake keys in the environment and typed into the
// Settings dialog, no key is in anything the app wrote (settings file, workspace with autosave
// and exports, the history database and its log, CSVs, anything under AppDataLocation) nor in
// any text a widget shows or tells assistive technology.

#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/key_store.h"
#include "routing/export_dialog.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "shell/settings_dialog.h"
#include "testbench/test_bench_controller.h"
#include "testbench/test_bench_page.h"
#include "workspace/workspace.h"

#include "store_types.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace gw::app;

namespace {

constexpr int kWaitMs = 30000;
// Obviously fake; the middle part is what a leak of even part of a key would show.
const QString kOpenRouterKey = u"sk-or-v1-FAKE-hygiene-0001"_qs;
const QString kVercelKey = u"vck_FAKE-hygiene-0001"_qs;
const QString kTypedOpenRouterKey = u"sk-or-v1-FAKE-typed-hygiene-0002"_qs;
const QString kTypedVercelKey = u"vck_FAKE-typed-hygiene-0002"_qs;
const QString kMarker = u"FAKE-"_qs; // in every fake key, in no other text of the app

// Where in `bytes` a key (or part of one) occurs, as UTF-8 or UTF-16: empty when nowhere.
QString findKey(const QByteArray &bytes)
{
    for (const QString &key : {kOpenRouterKey, kVercelKey, kTypedOpenRouterKey, kTypedVercelKey, kMarker}) {
        const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
        if (bytes.contains(key.toUtf8()) || bytes.contains(utf16))
            return key;
    }
    return QString();
}

// Every text a widget shows or exposes: titles, labels, tool tips, accessible names, line edits,
// combo items and every cell (display and tool tip) of every item view.
QString widgetText(QWidget *w)
{
    QStringList parts{w->windowTitle(), w->toolTip(),        w->statusTip(),
                      w->whatsThis(),   w->accessibleName(), w->accessibleDescription()};
    if (auto *label = qobject_cast<QLabel *>(w))
        parts << label->text();
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        parts << button->text();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        parts << edit->text() << edit->placeholderText();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
        parts << edit->toPlainText();
    if (auto *edit = qobject_cast<QTextEdit *>(w))
        parts << edit->toPlainText();
    if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
        for (int i = 0; i < tabs->count(); ++i)
            parts << tabs->tabText(i) << tabs->tabToolTip(i);
    }
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        for (int i = 0; i < combo->count(); ++i)
            parts << combo->itemText(i);
    }
    if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
        const QAbstractItemModel *m = view->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            for (int c = 0; c < m->columnCount(); ++c) {
                const QModelIndex index = m->index(r, c);
                parts << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
            }
        }
        for (int c = 0; c < m->columnCount(); ++c)
            parts << m->headerData(c, Qt::Horizontal).toString();
    }
    return parts.join(u'\n');
}

} // namespace

class TstAppKeyHygiene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void scannerFindsAPlantedKey();
    void sessionLeavesNoKey();

private:
    // Every file under `dir` that holds a key: "path: key".
    QStringList filesWithKey(const QString &dir) const;
    QStringList widgetsWithKey() const;
    bool exportProfile(MainWindow *window, const QString &profile);

    std::unique_ptr<UnavailableKeyStore> m_keys;
    QTemporaryDir m_settingsDir;
};

void TstAppKeyHygiene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"GatewayConsoleTest"_qs);
    QCoreApplication::setApplicationName(u"tst_app_key_hygiene"_qs);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    qputenv("OPENROUTER_API_KEY", kOpenRouterKey.toUtf8());
    qputenv("AI_GATEWAY_API_KEY", kVercelKey.toUtf8());
    QSettings s;
    s.setValue(u"gateways/openrouter/local"_qs, true); // the batch runs on the in-process simulator
    s.setValue(u"gateways/vercel/local"_qs, true);
    m_keys = std::make_unique<UnavailableKeyStore>(u"no keychain daemon in tests."_qs);
}

void TstAppKeyHygiene::cleanupTestCase()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

QStringList TstAppKeyHygiene::filesWithKey(const QString &dir) const
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        if (const QString key = findKey(file.readAll()); !key.isEmpty())
            found << file.fileName() + u": "_qs + key;
    }
    return found;
}

QStringList TstAppKeyHygiene::widgetsWithKey() const
{
    QStringList found;
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *w : widgets) {
        if (const QString key = findKey(widgetText(w).toUtf8()); !key.isEmpty())
            found << QString::fromLatin1(w->metaObject()->className()) + u" "_qs + w->objectName() + u": "_qs + key;
    }
    return found;
}

void TstAppKeyHygiene::scannerFindsAPlantedKey()
{
    // The scans below can fail: a key in a file or a widget is found.
    QTemporaryDir dir;
    QFile planted(dir.filePath(u"planted.txt"_qs));
    QVERIFY(planted.open(QIODevice::WriteOnly));
    planted.write("Authorization: Bearer " + kVercelKey.toUtf8());
    planted.close();
    QCOMPARE(filesWithKey(dir.path()).size(), 1);
    QLabel label(u"key "_qs + kOpenRouterKey);
    QCOMPARE(widgetsWithKey().size(), 1);
}

bool TstAppKeyHygiene::exportProfile(MainWindow *window, const QString &profile)
{
    ExportDialog dialog(window->document(), window->workspace(), window);
    dialog.setNow(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    dialog.findChild<QLineEdit *>(u"whoEdit"_qs)->setText(u"ops@example.com"_qs);
    auto *combo = dialog.findChild<QComboBox *>(u"profileCombo"_qs);
    combo->setCurrentIndex(combo->findText(profile));
    dialog.show();
    if (!QTest::qWaitFor([&] { return dialog.isReady(); }, kWaitMs))
        return false;
    // kilo-gateway loses some rules: confirm dropping what the prepared export lists.
    dialog.findChild<QCheckBox *>(u"lossyCheck"_qs)->setChecked(true);
    if (!dialog.exportButton()->isEnabled())
        return false;
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    dialog.exportNow();
    if (!exported.wait(kWaitMs))
        return false;
    const QStringList leaks = widgetsWithKey(); // the dialog's own texts, while it is open
    if (!leaks.isEmpty())
        qWarning("%s", qPrintable(leaks.join(u'\n')));
    return leaks.isEmpty();
}

void TstAppKeyHygiene::sessionLeavesNoKey()
{
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString workspaceDir = gw::Workspace::defaultLocation();
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(workspaceDir, &error), qPrintable(error));

    auto window = std::make_unique<MainWindow>();
    QSignalSpy historyOpened(window.get(), &MainWindow::historyOpened);
    window->setKeyStore(m_keys.get());
    window->routingPage()->preview()->controller()->setUsers(100);
    window->document()->setAutosaveDelay(30);
    QVERIFY(window->openWorkspace(workspaceDir, MainWindow::Recovery::Discard));
    window->show();
    QVERIFY(historyOpened.wait(kWaitMs));
    GatewayConnections *c = window->connections();
    QTRY_VERIFY_WITH_TIMEOUT(c->state(gw::Gateway::Vercel) == GatewayConnections::State::Connected
                                 && c->state(gw::Gateway::OpenRouter) == GatewayConnections::State::Connected,
                             kWaitMs);

    // Edit and save.
    gw::RoutingConfig edited = window->document()->config();
    edited.defaultSharePaid = 4.5;
    window->document()->apply(edited, u"edit"_qs);
    QVERIFY(window->save());

    // Export every profile.
    for (const gw::ExportProfile p :
         {gw::ExportProfile::Native, gw::ExportProfile::KiloGateway, gw::ExportProfile::Vectors})
        QVERIFY2(exportProfile(window.get(), gw::exportProfileName(p)), qPrintable(gw::exportProfileName(p)));
    QCOMPARE(window->workspace().history().size(), 3);

    // A small test bench batch on the local simulator, and both CSVs.
    TestBenchPage *bench = window->testBenchPage();
    auto *models = bench->findChild<QLineEdit *>(u"benchModelsEdit"_qs);
    QVERIFY(models);
    models->clear();
    QTest::keyClicks(models, u"anthropic/claude-haiku-4.5"_qs);
    bench->findChild<QSpinBox *>(u"repeatSpin"_qs)->setValue(1);
    bench->findChild<QSpinBox *>(u"concurrencySpin"_qs)->setValue(2);
    QSignalSpy finished(bench->controller(), &TestBenchController::runFinished);
    QSignalSpy reconciled(bench->controller(), &TestBenchController::reconciled);
    QTest::mouseClick(bench->findChild<QPushButton *>(u"runButton"_qs), Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(reconciled.wait(kWaitMs));
    QDir().mkpath(appData + u"/csv"_qs);
    QVERIFY(bench->exportCsv(appData + u"/csv/summary.csv"_qs, true));
    QVERIFY(bench->exportCsv(appData + u"/csv/results.csv"_qs, false));

    // An unsaved edit, autosaved.
    QSignalSpy autosaved(window->document(), &DraftDocument::autosaved);
    edited = window->document()->config();
    edited.note = u"unsaved edit for the autosave"_qs;
    window->document()->apply(edited, u"edit"_qs);
    QVERIFY(autosaved.wait(kWaitMs));
    QVERIFY(QFile::exists(window->workspace().autosavePath()));

    // The Settings dialog with keys typed into its key fields. The keychain is unavailable here, so
    // the fields are disabled; the text is put in directly, as a paste would, then saved.
    {
        SettingsDialog settings(m_keys.get(), window.get());
        settings.show();
        auto *orKey = settings.findChild<QLineEdit *>(u"openrouterKeyEdit"_qs);
        auto *vKey = settings.findChild<QLineEdit *>(u"vercelKeyEdit"_qs);
        QVERIFY(orKey && vKey);
        // The environment's keys were read, and are shown masked only.
        QTRY_VERIFY_WITH_TIMEOUT(settings.keyStateText(u"openrouter"_qs).contains(u"OPENROUTER_API_KEY"_qs), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(settings.keyStateText(u"vercel"_qs).contains(u"AI_GATEWAY_API_KEY"_qs), kWaitMs);
        qInfo("key states: %s | %s", qPrintable(settings.keyStateText(u"openrouter"_qs)),
              qPrintable(settings.keyStateText(u"vercel"_qs)));
        QVERIFY(settings.keyStateText(u"openrouter"_qs).endsWith(u"0001"_qs));
        orKey->setText(kTypedOpenRouterKey);
        vKey->setText(kTypedVercelKey);
        QCOMPARE(widgetsWithKey().size(), 2); // the fields themselves hold them: the walk sees every widget
        settings.save();
        QVERIFY(orKey->text().isEmpty() && vKey->text().isEmpty()); // cleared after saving
        const QStringList leaks = widgetsWithKey();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // Every page of the main window, as shown.
    auto *pages = window->findChild<QTabWidget *>(u"pages"_qs);
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const QStringList leaks = widgetsWithKey();
        QVERIFY2(leaks.isEmpty(), qPrintable(pages->tabText(i) + u":\n"_qs + leaks.join(u'\n')));
    }
    qInfo("walked %d widgets on %d pages", int(QApplication::allWidgets().size()), int(pages->count()));
    QSettings().sync();

    // Files while the app is open (the history's -wal next to it), then after it closed.
    const QString historyWal = gw::store::defaultHistoryPath() + u"-wal"_qs;
    qInfo("history log present while open: %s", QFile::exists(historyWal) ? "yes" : "no");
    QStringList leaks = filesWithKey(appData) + filesWithKey(m_settingsDir.path());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    window->document()->setClean();
    window.reset();
    leaks = filesWithKey(appData) + filesWithKey(m_settingsDir.path());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));

    // What was scanned really holds the session: the search would have found a key there.
    QFile history(gw::store::defaultHistoryPath());
    QVERIFY(history.open(QIODevice::ReadOnly));
    QVERIFY(history.readAll().contains("claude-haiku-4.5"));
    QVERIFY(QFile::exists(QSettings().fileName()));
    QCOMPARE(QDir(workspaceDir + u"/exports"_qs).entryList({u"*.json"_qs}).size(), 3);
    int files = 0;
    for (QDirIterator it(appData, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++files;
    qInfo("scanned %d files under AppDataLocation and the settings file", files);
}

QTEST_MAIN(TstAppKeyHygiene)
#include "tst_app_key_hygiene.moc"
