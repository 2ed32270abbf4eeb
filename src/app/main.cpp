// gateway-console: the desktop app. Everything but argument handling lives in gwapp.

#include "app_language.h"
#include "main_window.h"
#include "preview_controller.h"
#include "preview_panel.h"
#include "routing_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("GatewayConsole"));
    QApplication::setApplicationName(QStringLiteral("gateway-console"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    gwapp::installTranslations(app, QSettings().value(QStringLiteral("ui/language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Route LLM traffic between OpenRouter and Vercel AI Gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"), QApplication::translate("main", "Open this workspace folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption screenshots(QStringLiteral("screenshot-dir"),
                                         QApplication::translate("main", "Save a screenshot of every page into DIR and quit."),
                                         QStringLiteral("DIR"));
    parser.addOption(workspace);
    parser.addOption(screenshots);
    parser.process(app);

    gwapp::MainWindow window;
    const auto recovery = parser.isSet(screenshots) ? gwapp::MainWindow::Recovery::Discard : gwapp::MainWindow::Recovery::Ask;
    const bool opened = parser.isSet(workspace) ? window.openWorkspace(parser.value(workspace), recovery)
                                                : window.openInitialWorkspace(recovery);
    if (!opened)
        return 1;
    window.show();
    if (parser.isSet(screenshots)) {
        // Wait for the live preview so the Routing page shows real numbers, then grab and quit.
        QObject::connect(window.routingPage()->preview()->controller(), &gwapp::PreviewController::resultReady, &window,
                         [&] { QTimer::singleShot(200, &window, [&] { app.exit(window.grabPages(parser.value(screenshots)) ? 0 : 1); }); });
        QTimer::singleShot(120000, &app, [&] { app.exit(2); });
    }
    return app.exec();
}
