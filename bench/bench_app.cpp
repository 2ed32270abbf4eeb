// The desktop app's start and its live preview, in fixed-format lines:
//   BENCH <name> <value> <unit>
// 1. Cold start: gateway-console is started as its own process (offscreen) on a fresh copy of
//    the sample workspace, five times; measured from QProcess::start() to the app's own report
//    of its first paint, and to the first live-preview result, with resident memory at both.
// 2. Live preview: 100,000 synthetic keys x 40 models on a MainWindow in this process; the time
//    from a share edit to the result, and the GUI thread's longest stall meanwhile (a 1 ms timer
//    that records the largest gap between its ticks).
// 3. Test bench: 1,000 cases (2,000 requests) at concurrency 50 through the Test bench page
//    against a gateway-sim process with known latencies (its own process, so its CPU is not the
//    GUI thread's); wall time against the ideal, and the GUI thread's longest stall while tokens
//    stream into the panes.

#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/key_store.h"
#include "routing/preview_controller.h"
#include "routing/preview_panel.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"
#include "testbench/bench_results_model.h"
#include "testbench/test_bench_controller.h"
#include "testbench/test_bench_page.h"
#include "workspace/workspace.h"

#include "bench_sim_process.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Time this thread spent runnable but waiting for a core (Linux schedstat, second field): the part
// of a stall that is contention, not the thread's own work and not blocking on a lock.
qint64 threadRunqueueWaitNs()
{
    QFile stat(QStringLiteral("/proc/thread-self/schedstat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).trimmed().toLongLong() : 0;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Times each event the GUI thread handles (outermost only): tells a slow handler from a thread
// that simply did not get a core.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0 || QThread::currentThread() != thread()) {
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        // Taken before: handling an event may delete its receiver (DeferredDelete) and the event.
        const QMetaObject *meta = receiver->metaObject();
        const int type = int(event->type());
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 ns = clock.nsecsElapsed();
        if (recording && ns > slowestNs) {
            slowestNs = ns;
            slowest = QString::fromLatin1(meta->className()) + QLatin1Char('/') + QString::number(type);
        }
        return handled;
    }
    bool recording = false;
    qint64 slowestNs = 0;
    QString slowest;

private:
    int m_depth = 0;
};

struct StartRun {
    double firstPaintMs = -1, readyMs = -1, firstPaintKiB = -1, readyKiB = -1;
};

StartRun startOnce(const QString &app)
{
    StartRun run;
    QTemporaryDir dir;
    QString error;
    if (!gw::app::installSampleWorkspace(dir.path(), &error)) {
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
    if (!gw::app::installSampleWorkspace(dir.path(), &error))
        return;
    gw::app::MainWindow window;
    gw::app::PreviewController *preview = window.routingPage()->preview()->controller();
    preview->setUsers(100000);
    preview->setDebounce(0);
    if (!window.openWorkspace(dir.path(), gw::app::MainWindow::Recovery::Discard))
        return;
    window.show();
    QSignalSpy results(preview, &gw::app::PreviewController::resultReady);
    results.wait(30000); // the run openWorkspace started

    gw::RoutingConfig config = window.document()->config();
    while (config.models.size() > 40)
        config.models.erase(std::prev(config.models.end()));
    QElapsedTimer tick;
    qint64 maxGapNs = 0;
    qint64 maxGapCpuNs = 0;  // the GUI thread's own CPU time in the longest gap: work, not waiting for a core
    qint64 maxGapWaitNs = 0; // ... and its time runnable but waiting for a core
    bool measuring = false;
    QTimer ticker;
    ticker.setInterval(1);
    qint64 lastCpuNs = threadCpuNs();
    qint64 lastWaitNs = threadRunqueueWaitNs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 cpu = threadCpuNs();
        const qint64 wait = threadRunqueueWaitNs();
        if (measuring && tick.nsecsElapsed() > maxGapNs) {
            maxGapNs = tick.nsecsElapsed();
            maxGapCpuNs = cpu - lastCpuNs;
            maxGapWaitNs = wait - lastWaitNs;
        }
        lastCpuNs = cpu;
        lastWaitNs = wait;
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
    bench("preview_gui_thread_longest_stall_cpu", double(maxGapCpuNs) / 1e6, "ms");
    bench("preview_gui_thread_longest_stall_runqueue", double(maxGapWaitNs) / 1e6, "ms");
}

void testBenchStreaming(const QString &simBinary)
{
    // Per request the simulator waits 20 ms before the head, 50 ms to the first token, then 5 ms
    // between content chunks.
    gwbench::SimProcess sim; // its own process: its CPU is not the GUI thread's
    if (!sim.start(simBinary, {QStringLiteral("--latency-ms"), QStringLiteral("20"), QStringLiteral("--ttft-ms"),
                               QStringLiteral("50"), QStringLiteral("--chunk-interval-ms"), QStringLiteral("5")})) {
        std::fprintf(stderr, "gateway-sim did not start (%s)\n", qPrintable(simBinary));
        return;
    }
    QSettings s;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(sim.port());
    s.setValue(QStringLiteral("gateways/openrouter/local"), false);
    s.setValue(QStringLiteral("gateways/vercel/local"), false);
    s.setValue(QStringLiteral("gateways/openrouter/baseUrl"), QString(base + QStringLiteral("/openrouter/api/v1")));
    s.setValue(QStringLiteral("gateways/vercel/baseUrl"), QString(base + QStringLiteral("/vercel/v1")));
    qputenv("OPENROUTER_API_KEY", "sk-or-v1-sim-local"); // the simulator's own fake keys
    qputenv("AI_GATEWAY_API_KEY", "vck_sim_local");

    QTemporaryDir dir;
    QString error;
    if (!gw::app::installSampleWorkspace(dir.path(), &error))
        return;
    gw::app::UnavailableKeyStore keys(QStringLiteral("benchmark: environment keys only"));
    gw::app::MainWindow window;
    window.setKeyStore(&keys);
    window.routingPage()->preview()->controller()->setUsers(1000);
    if (!window.openWorkspace(dir.path(), gw::app::MainWindow::Recovery::Discard))
        return;
    window.show();
    gw::app::GatewayConnections *connections = window.connections();
    QElapsedTimer wait;
    wait.start();
    while (connections->state(gw::Gateway::Vercel) != gw::app::GatewayConnections::State::Connected
           && wait.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    gw::app::TestBenchPage *page = window.testBenchPage();
    window.findChild<QTabWidget *>(QStringLiteral("pages"))->setCurrentWidget(page); // the panes are visible
    // 10 models x 1 prompt x 100 repetitions = 1,000 cases, each on both gateways.
    QStringList models;
    const gw::RoutingConfig &config = window.document()->config();
    for (auto it = config.models.cbegin(); it != config.models.cend() && models.size() < 10; ++it)
        if (it.value().vercel && !it.value().free)
            models << it.key();
    page->findChild<QLineEdit *>(QStringLiteral("benchModelsEdit"))->setText(models.join(QStringLiteral(", ")));
    page->findChild<QSpinBox *>(QStringLiteral("repeatSpin"))->setValue(100);
    page->findChild<QSpinBox *>(QStringLiteral("concurrencySpin"))->setValue(50);

    QSignalSpy finished(page->controller(), &gw::app::TestBenchController::runFinished);
    QElapsedTimer tick;
    qint64 maxGapNs = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QElapsedTimer clock;
    qint64 maxGapAtMs = 0;
    qint64 maxGapCpuNs = 0;
    qint64 maxGapWaitNs = 0;
    int gapsOver16 = 0;
    qint64 lastCpuNs = threadCpuNs();
    qint64 lastWaitNs = threadRunqueueWaitNs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 cpu = threadCpuNs();
        const qint64 wait = threadRunqueueWaitNs();
        gapsOver16 += tick.nsecsElapsed() > 16'000'000;
        if (tick.nsecsElapsed() > maxGapNs) {
            maxGapNs = tick.nsecsElapsed();
            maxGapAtMs = clock.elapsed();
            maxGapCpuNs = cpu - lastCpuNs;
            maxGapWaitNs = wait - lastWaitNs;
        }
        lastCpuNs = cpu;
        lastWaitNs = wait;
        tick.restart();
    });
    clock.start();
    auto *timing = static_cast<TimingApplication *>(QCoreApplication::instance());
    timing->recording = true;
    page->findChild<QPushButton *>(QStringLiteral("runButton"))->click();
    tick.restart();
    ticker.start();
    if (!finished.wait(600000))
        return;
    ticker.stop();
    timing->recording = false;
    std::printf("slowest GUI event handler: %s %.2f ms\n", qPrintable(timing->slowest),
                double(timing->slowestNs) / 1e6);
    const double wallMs = double(clock.nsecsElapsed()) / 1e6;
    const QList<gw::BenchResult> results = page->controller()->results()->results();
    int ok = 0;
    for (const gw::BenchResult &r : results)
        ok += r.ok();
    // Ideal: every request takes 20 + 50 + 5 x (chunks - 1) ms; measured from the simulator's
    // answers (chunk counts vary with the prompt), 50 at a time.
    double simMs = 0;
    for (const gw::BenchResult &r : results)
        simMs += 20 + 50 + 5.0 * std::max<qint64>(0, r.response.chunkCount - 1);
    const double idealMs = simMs / 50.0;
    bench("testbench_requests", double(results.size()), "requests");
    bench("testbench_requests_ok", double(ok), "requests");
    bench("testbench_wall_1000_cases_c50", wallMs, "ms");
    bench("testbench_ideal_from_sim_latencies", idealMs, "ms");
    bench("testbench_wall_over_ideal", idealMs > 0 ? wallMs / idealMs : 0, "ratio");
    bench("testbench_gui_thread_longest_stall", double(maxGapNs) / 1e6, "ms");
    bench("testbench_gui_thread_longest_stall_at", double(maxGapAtMs), "ms");
    bench("testbench_gui_thread_stalls_over_16ms", double(gapsOver16), "count");
    // How much of the longest stall the GUI thread spent running (the rest it waited for a core).
    bench("testbench_gui_thread_longest_stall_cpu", double(maxGapCpuNs) / 1e6, "ms");
    bench("testbench_gui_thread_longest_stall_runqueue", double(maxGapWaitNs) / 1e6, "ms");
    bench("testbench_gui_thread_slowest_event", double(timing->slowestNs) / 1e6, "ms");
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings and keys of the real user stay untouched
    QCoreApplication::setOrganizationName(QStringLiteral("GatewayConsoleBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_app"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    const QString binary = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(GW_APP_BINARY);
    coldStart(binary);
    livePreview();
    testBenchStreaming(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral(GW_SIM_BINARY));
    return 0;
}
