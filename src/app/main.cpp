// gateway-console: the desktop app. Everything but argument handling lives in gwapp.

#include "common/gateway_connections.h"
#include "gateway_simulator.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/app_language.h"
#include "shell/main_window.h"
#include "testbench/test_bench_controller.h"
#include "testbench/test_bench_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

// Resident memory in KiB from /proc (Linux); -1 elsewhere.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// For bench/bench_app: reports the first paint of the window and the moment the live preview
// has its first result, each with the resident memory, then quits.
class StartupReporter : public QObject {
public:
    StartupReporter(QWidget *window, gw::app::PreviewController *preview, const QElapsedTimer &clock)
        : QObject(window), m_clock(clock)
    {
        window->installEventFilter(this);
        connect(preview, &gw::app::PreviewController::resultReady, this, [this] {
            std::printf("ready %lld ms %lld KiB\n", static_cast<long long>(m_clock.elapsed()),
                        static_cast<long long>(residentKiB()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            std::printf("first_paint %lld ms %lld KiB\n", static_cast<long long>(m_clock.elapsed()),
                        static_cast<long long>(residentKiB()));
            std::fflush(stdout);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_painted = false;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer clock; // from main(); the bench measures the whole process from outside too
    clock.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("GatewayConsole"));
    QApplication::setApplicationName(QStringLiteral("gateway-console"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    gw::app::installTranslations(app, QSettings().value(QStringLiteral("ui/language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Route LLM traffic between OpenRouter and Vercel AI Gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Open this workspace folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshot-dir"),
        QApplication::translate("main", "Save a screenshot of every page into DIR and quit."), QStringLiteral("DIR"));
    const QCommandLineOption reportStartup(
        QStringLiteral("report-startup"),
        QApplication::translate("main", "Print the time and memory at the first paint and "
                                        "when the preview is ready, then quit (for benchmarks)."));
    parser.addOption(workspace);
    parser.addOption(screenshots);
    parser.addOption(reportStartup);
    parser.process(app);

    gw::app::MainWindow window;
    const auto recovery =
        parser.isSet(screenshots) ? gw::app::MainWindow::Recovery::Discard : gw::app::MainWindow::Recovery::Ask;
    const bool opened = parser.isSet(workspace) ? window.openWorkspace(parser.value(workspace), recovery)
                                                : window.openInitialWorkspace(recovery);
    if (!opened)
        return 1;
    if (parser.isSet(reportStartup))
        new StartupReporter(&window, window.routingPage()->preview()->controller(), clock);
    window.show();
    if (parser.isSet(screenshots)) {
        // Wait for the live preview so the Routing page shows real numbers; with the local
        // simulator configured, run the test bench's default batch first so that page shows a
        // real run. Then grab every page and quit.
        const auto grabAndQuit = [&] {
            QTimer::singleShot(200, &window, [&] { app.exit(window.grabPages(parser.value(screenshots)) ? 0 : 1); });
        };
        QObject::connect(
            window.routingPage()->preview()->controller(), &gw::app::PreviewController::resultReady, &window,
            [&] {
                if (!window.connections()->usesSimulator(gw::Gateway::OpenRouter) || !window.connections()->simulator())
                    return grabAndQuit();
                // Gateway-like timing, so the picture shows believable latencies.
                for (gw::sim::GatewayFaults *f : {&window.connections()->simulator()->faults().openrouter,
                                                  &window.connections()->simulator()->faults().vercel}) {
                    f->latency = {80, 200};
                    f->ttft = {300, 900};
                    f->chunkIntervalMs = 15;
                }
                QObject::connect(window.testBenchPage()->controller(), &gw::app::TestBenchController::reconciled,
                                 &window, grabAndQuit);
                window.testBenchPage()->run();
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(120000, &app, [&] { app.exit(2); });
    }
    return app.exec();
}
