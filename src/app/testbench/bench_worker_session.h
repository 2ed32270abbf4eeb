#pragma once
// One test bench batch on its worker thread: the BenchRunner and its own gateway clients are
// built there (a QNetworkAccessManager belongs to the thread that creates it; their sockets, SSE
// parsing and normalization never touch the GUI thread) and report back by queued signals.
// Streamed text is buffered under a lock and announced at most ~30 times a second: one queued
// signal per token would flood the GUI thread at high concurrency.

#include "bench/types.h"
#include "catalog/catalog.h"
#include "client_settings.h"
#include "config/config.h"
#include "config/per_gateway.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

namespace gw::net {
class BenchRunner;
}

namespace gw::app {

class BenchWorkerSession : public QObject {
    Q_OBJECT
public:
    // What the worker needs to build a batch's clients and runner.
    struct Setup {
        std::optional<gw::net::ClientSettings> openrouter;
        std::optional<gw::net::ClientSettings> vercel; // none: Vercel sides are skipped
        int clientsPerGateway = 1;
        int concurrency = 4;
        gw::Catalog catalogs[2];
        bool haveCatalogs = false;
    };

    explicit BenchWorkerSession(QObject *parent = nullptr);
    ~BenchWorkerSession() override; // releases the batch on the worker, then joins it

    // Starts a batch; one still running is released first (it reports nothing more).
    void start(const Setup &setup, const gw::PromptSuite &suite, const QList<gw::BenchCase> &cases,
               const gw::RoutingConfig &config);
    void cancel(); // asks the running batch to stop; finished() follows
    bool hasBatch() const { return m_context != nullptr; }

    // What streamed so far for a unit still running, as of the last poll (33 ms; empty once its
    // result is in). The GUI thread reads its own copy and never waits for the worker's lock.
    QString liveText(int caseIndex, gw::Gateway gateway) const;
    QString liveReasoning(int caseIndex, gw::Gateway gateway) const;

    static qint64 unitKey(int caseIndex, gw::Gateway gateway)
    {
        return qint64(caseIndex) * 2 + gw::gatewayIndex(gateway);
    }
    static int caseOf(qint64 unit) { return int(unit / 2); }
    static gw::Gateway gatewayOf(qint64 unit) { return unit % 2 ? gw::Gateway::Vercel : gw::Gateway::OpenRouter; }

Q_SIGNALS:
    void unitStarted(int caseIndex, gw::Gateway gateway);
    void streamed(int caseIndex, gw::Gateway gateway); // more live text or reasoning
    void resultReady(const gw::BenchResult &result);   // its live text is gone by then
    void caseFinished(int caseIndex, gw::ParityFlags flags);
    void progress(int done, int total);
    void finished();

private:
    struct LiveText {
        mutable QMutex mutex;
        QHash<qint64, QString> text;
        QHash<qint64, QString> reasoning;
        QSet<qint64> changed;
    };
    void release(bool waitForIt);
    void connectRunner(gw::net::BenchRunner *runner, const std::shared_ptr<LiveText> &live);
    void onResult(const gw::BenchResult &result);
    void pollLiveText();

    QThread m_worker;
    QObject *m_context = nullptr; // lives on m_worker: the runner and its clients
    std::shared_ptr<LiveText> m_live = std::make_shared<LiveText>();
    QTimer m_livePoll;
    // The GUI thread's copy of the live text (refreshed by pollLiveText), and the units whose
    // result arrived, whose shared text the next poll drops.
    QHash<qint64, QString> m_shownText, m_shownReasoning;
    QSet<qint64> m_finished;
};

} // namespace gw::app
