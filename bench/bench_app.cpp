// The desktop app's start and its live preview, in fixed-format lines:
//   BENCH <name> <value> <unit>
// 1. Cold start: gateway-console is started as its own process (offscreen) on a fresh copy of
//    the sample workspace, five times; measured from QProcess::start() to the app's own report
//    of its first paint, and to the first live-preview result, with resident memory at both.
// 2. Live preview: 100,000 synthetic keys x 40 models on a MainWindow in this process; the time
//    from a share edit to the result, and the GUI thread's longest stall meanwhile (a 1 ms timer
//    that records the largest gap between its ticks).

#include "draft_document.h"
#include "main_window.h"
#include "preview_controller.h"
#include "preview_panel.h"
#include "routing_page.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

struct StartRun {
    double firstPaintMs = -1, readyMs = -1, firstPaintKiB = -1, readyKiB = -1;
};

StartRun startOnce(const QString &app)
{
    StartRun run;
    QTemporaryDir dir;
    QString error;
    if (!gwapp::Workspace::installSample(dir.path(), &error)) {
        std::fprintf(stderr, "sample workspace: %s\n", qPrintable(error));
        return run;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(app, {QStringLiteral("--workspace"), dir.path(), QStringLiteral("--report-startup")});
    while (process.state() != QProcess::NotRunning || process.canReadLine()) {
        if (!process.canReadLine() && !process.waitForReadyRead(30000))
            break;
        while (process.canReadLine()) {
            const QList<QByteArray> words = process.readLine().trimmed().split(' ');
            // "first_paint <ms> ms <kib> KiB" (the app's own clock; ours includes process start)
            if (words.size() >= 4 && words.at(0) == "first_paint") {
                run.firstPaintMs = double(clock.nsecsElapsed()) / 1e6;
                run.firstPaintKiB = words.at(3).toDouble();
            } else if (words.size() >= 4 && words.at(0) == "ready") {
                run.readyMs = double(clock.nsecsElapsed()) / 1e6;
                run.readyKiB = words.at(3).toDouble();
            }
        }
    }
    process.waitForFinished(30000);
    return run;
}

void coldStart(const QString &app)
{
    QList<double> paint, ready, paintKiB, readyKiB;
    for (int i = 0; i < 5; ++i) {
        const StartRun run = startOnce(app);
        if (run.firstPaintMs < 0 || run.readyMs < 0) {
            std::fprintf(stderr, "gateway-console did not report its start (%s)\n", qPrintable(app));
            return;
        }
        paint << run.firstPaintMs;
        ready << run.readyMs;
        paintKiB << run.firstPaintKiB;
        readyKiB << run.readyKiB;
    }
    bench("app_start_to_first_paint_median", median(paint), "ms");
    bench("app_start_to_first_paint_first_run", paint.first(), "ms");
    bench("app_start_to_preview_ready_median", median(ready), "ms");
    bench("app_rss_at_first_paint", median(paintKiB) / 1024.0, "MiB");
    bench("app_rss_after_preview", median(readyKiB) / 1024.0, "MiB");
}

void livePreview()
{
    QTemporaryDir dir;
    QString error;
    if (!gwapp::Workspace::installSample(dir.path(), &error))
        return;
    gwapp::MainWindow window;
    gwapp::PreviewController *preview = window.routingPage()->preview()->controller();
    preview->setUsers(100000);
    preview->setDebounce(0);
    if (!window.openWorkspace(dir.path(), gwapp::MainWindow::Recovery::Discard))
        return;
    window.show();
    QSignalSpy results(preview, &gwapp::PreviewController::resultReady);
    results.wait(30000); // the run openWorkspace started

    gw::RoutingConfig config = window.document()->config();
    while (config.models.size() > 40)
        config.models.erase(std::prev(config.models.end()));
    QElapsedTimer tick;
    qint64 maxGapNs = 0;
    bool measuring = false;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (measuring)
            maxGapNs = std::max(maxGapNs, tick.nsecsElapsed());
        tick.restart();
    });
    ticker.start();
    QList<double> times;
    for (int i = 0; i < 10; ++i) {
        config.defaultSharePaid = 1.0 + i * 0.5; // a share edit, as a slider drag makes
        results.clear();
        QElapsedTimer clock;
        clock.start();
        tick.restart();
        measuring = true;
        preview->request(config);
        if (!results.wait(30000))
            break;
        measuring = false;
        times << double(clock.nsecsElapsed()) / 1e6;
    }
    const auto &last = preview->lastResult();
    bench("preview_100k_keys_models", last ? double(last->perModel.size()) : 0, "models");
    bench("preview_100k_keys_40_models_median", median(times), "ms");
    bench("preview_gui_thread_longest_stall", double(maxGapNs) / 1e6, "ms");
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings and keys of the real user stay untouched
    QCoreApplication::setOrganizationName(QStringLiteral("GatewayConsoleBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_app"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    const QString binary = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(GW_APP_BINARY);
    coldStart(binary);
    livePreview();
    return 0;
}
