#include "testbench/bench_worker_session.h"

#include "bench_runner.h"
#include "gateway_client.h"

#include <mutex>

namespace gw::app {

BenchWorkerSession::BenchWorkerSession(QObject *parent) : QObject(parent)
{
    m_livePoll.setInterval(33);
    connect(&m_livePoll, &QTimer::timeout, this, &BenchWorkerSession::pollLiveText);
    qRegisterMetaType<gw::BenchResult>();
    qRegisterMetaType<gw::Gateway>();
    m_worker.setObjectName(QStringLiteral("test bench"));
    m_worker.start();
}

BenchWorkerSession::~BenchWorkerSession()
{
    release(true);
    m_worker.quit();
    m_worker.wait();
}

void BenchWorkerSession::release(bool waitForIt)
{
    if (!m_context)
        return;
    // Cancelled and deleted on the worker, where the runner and its clients live; what it says
    // while cancelling reaches nobody.
    QObject *context = m_context;
    QMetaObject::invokeMethod(
        context,
        [this, context] {
            if (auto *runner = context->findChild<gw::net::BenchRunner *>()) {
                runner->disconnect(this);
                runner->cancel();
                delete runner; // before the clients its requests belong to
            }
            delete context;
        },
        waitForIt ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
    m_context = nullptr;
}

void BenchWorkerSession::start(const Setup &setup, const gw::PromptSuite &suite, const QList<gw::BenchCase> &cases,
                               const gw::RoutingConfig &config)
{
    release(false);
    m_live = std::make_shared<LiveText>(); // the old batch's worker may still hold the old one
    m_shownText.clear();
    m_shownReasoning.clear();
    m_finished.clear();
    // Later calls reach the runner through the context object, in order. One manager keeps at
    // most six connections per host: more clients, more requests on the wire.
    m_context = new QObject;
    m_context->moveToThread(&m_worker);
    QObject *context = m_context;
    QMetaObject::invokeMethod(context, [this, context, setup, suite, cases, config, live = m_live] {
        auto *runner = new gw::net::BenchRunner(nullptr, nullptr, context);
        const auto addClients = [&](gw::Gateway gateway, const std::optional<gw::net::ClientSettings> &settings) {
            for (int i = 0; settings && i < setup.clientsPerGateway; ++i) {
                gw::net::GatewayClient *client = gw::net::makeGatewayClient(gateway, *settings).release();
                client->setParent(context);
                runner->addClient(client);
            }
        };
        addClients(gw::Gateway::OpenRouter, setup.openrouter);
        addClients(gw::Gateway::Vercel, setup.vercel);
        runner->setConcurrency(setup.concurrency);
        if (setup.haveCatalogs)
            runner->setCatalogs(setup.catalogs[0], setup.catalogs[1]);
        connectRunner(runner, live);
        runner->start(suite, cases, config);
    });
    m_livePoll.start();
}

// Runs on the worker, right after the runner is built (connecting across threads is safe).
void BenchWorkerSession::connectRunner(gw::net::BenchRunner *runner, const std::shared_ptr<LiveText> &live)
{
    connect(runner, &gw::net::BenchRunner::started, this, &BenchWorkerSession::unitStarted);
    // Direct: these run on the worker, under the buffer's lock, and post nothing.
    connect(
        runner, &gw::net::BenchRunner::textDelta, runner,
        [live](int caseIndex, gw::Gateway gateway, const QString &text) {
            const QMutexLocker lock(&live->mutex);
            live->text[unitKey(caseIndex, gateway)] += text;
            live->changed.insert(unitKey(caseIndex, gateway));
        },
        Qt::DirectConnection);
    connect(
        runner, &gw::net::BenchRunner::reasoningDelta, runner,
        [live](int caseIndex, gw::Gateway gateway, const QString &text) {
            const QMutexLocker lock(&live->mutex);
            live->reasoning[unitKey(caseIndex, gateway)] += text;
            live->changed.insert(unitKey(caseIndex, gateway));
        },
        Qt::DirectConnection);
    connect(runner, &gw::net::BenchRunner::resultReady, this, &BenchWorkerSession::onResult);
    connect(runner, &gw::net::BenchRunner::caseFinished, this, &BenchWorkerSession::caseFinished);
    connect(runner, &gw::net::BenchRunner::progress, this, &BenchWorkerSession::progress);
    connect(runner, &gw::net::BenchRunner::finished, this, [this] {
        m_livePoll.stop();
        Q_EMIT finished();
    });
}

void BenchWorkerSession::cancel()
{
    if (!m_context)
        return;
    QObject *context = m_context;
    QMetaObject::invokeMethod(context, [context] {
        if (auto *runner = context->findChild<gw::net::BenchRunner *>())
            runner->cancel();
    });
}

// The worker may hold the lock at any moment (and lose its core while holding it on a busy
// machine): the GUI thread only tries it, and a busy lock waits for the next tick.
void BenchWorkerSession::pollLiveText()
{
    std::unique_lock<QMutex> lock(m_live->mutex, std::try_to_lock);
    if (!lock.owns_lock())
        return;
    // A unit's deltas all come before its result, so a finished unit's text is complete: drop it.
    for (qint64 key : std::as_const(m_finished)) {
        m_live->text.remove(key);
        m_live->reasoning.remove(key);
        m_live->changed.remove(key);
    }
    m_finished.clear();
    QSet<qint64> changed;
    changed.swap(m_live->changed);
    for (qint64 key : std::as_const(changed)) {
        m_shownText.insert(key, m_live->text.value(key)); // shares the string until the worker appends
        m_shownReasoning.insert(key, m_live->reasoning.value(key));
    }
    lock.unlock();
    for (qint64 key : std::as_const(changed))
        Q_EMIT streamed(caseOf(key), gatewayOf(key));
}

void BenchWorkerSession::onResult(const gw::BenchResult &result)
{
    const qint64 key = unitKey(result.caseIndex, result.gateway);
    m_shownText.remove(key);
    m_shownReasoning.remove(key);
    m_finished.insert(key);
    Q_EMIT resultReady(result);
}

QString BenchWorkerSession::liveText(int caseIndex, gw::Gateway gateway) const
{
    return m_shownText.value(unitKey(caseIndex, gateway));
}

QString BenchWorkerSession::liveReasoning(int caseIndex, gw::Gateway gateway) const
{
    return m_shownReasoning.value(unitKey(caseIndex, gateway));
}

} // namespace gw::app
