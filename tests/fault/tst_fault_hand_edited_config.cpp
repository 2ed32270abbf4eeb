// A routing.json edited by hand after it was saved or exported: its content_sha256 no longer
// matches. The app opens it (the operator may have meant it) but never silently: the status bar
// says so until a save writes a fresh hash, and the Export dialog's title repeats it.

#include "common/draft_document.h"
#include "config/config_io.h"
#include "routing/export_dialog.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gw::app;

class TstFaultHandEditedConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pristineWorkspaceHasNoWarning();
    void handEditIsLoadedWithAVisibleWarning();

private:
    // The title of the Export dialog MainWindow opens (closed again at once).
    QString exportDialogTitle(MainWindow *window);

    QTemporaryDir m_settingsDir;
};

void TstFaultHandEditedConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"GatewayConsoleTest"_qs);
    QCoreApplication::setApplicationName(u"tst_fault_hand_edited_config"_qs);
    QSettings s; // nothing leaves the machine: both gateways on the in-process simulator
    s.setValue(u"gateways/openrouter/local"_qs, true);
    s.setValue(u"gateways/vercel/local"_qs, true);
}

QString TstFaultHandEditedConfig::exportDialogTitle(MainWindow *window)
{
    QString title;
    QTimer::singleShot(0, window, [&title] {
        if (auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget())) {
            title = dialog->windowTitle();
            dialog->reject();
        }
    });
    window->exportInteractive(); // modal until the timer above closes it
    return title;
}

void TstFaultHandEditedConfig::pristineWorkspaceHasNoWarning()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(dir.path(), &error), qPrintable(error));
    QVERIFY(!gw::loadConfigFile(dir.filePath(u"routing.json"_qs)).hashMismatch);
    MainWindow window;
    QVERIFY(window.openWorkspace(dir.path(), MainWindow::Recovery::Discard));
    QVERIFY(!window.statusText().contains(u"content_sha256"_qs));
    const QString title = exportDialogTitle(&window);
    QVERIFY(!title.isEmpty());
    QVERIFY(!title.contains(u"content_sha256"_qs));
}

void TstFaultHandEditedConfig::handEditIsLoadedWithAVisibleWarning()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(gw::app::installSampleWorkspace(dir.path(), &error), qPrintable(error));
    const QString path = dir.filePath(u"routing.json"_qs);
    // The hand edit: a changed note, content_sha256 left as it was.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(json.contains(u"content_sha256"_qs));
    json.insert(u"note"_qs, u"edited by hand"_qs);
    QVERIFY((error = gw::writeFileAtomically(path, QJsonDocument(json).toJson()).error).isEmpty());
    QVERIFY(gw::loadConfigFile(path).hashMismatch);

    MainWindow window;
    QVERIFY(window.openWorkspace(dir.path(), MainWindow::Recovery::Discard));
    QCOMPARE(window.document()->config().note, u"edited by hand"_qs); // loaded, not refused
    qInfo("status bar: %s", qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(u"routing.json was edited outside Gateway Console"_qs));
    QVERIFY(window.statusText().contains(u"content_sha256"_qs));
    const QString title = exportDialogTitle(&window);
    QVERIFY2(title.contains(u"content_sha256"_qs), qPrintable(title));

    // Saving is the operator's review: the file gets a fresh hash and the warning goes.
    QVERIFY(window.save());
    QVERIFY(!gw::loadConfigFile(path).hashMismatch);
    QVERIFY(!window.statusText().contains(u"content_sha256"_qs));
}

QTEST_MAIN(TstFaultHandEditedConfig)
#include "tst_fault_hand_edited_config.moc"
