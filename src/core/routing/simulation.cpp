#include "routing/simulation.h"

#include "routing/router.h"

#include <QElapsedTimer>

#include <charconv>
#include <cstring>

namespace gw {

SimulationResult simulate(const RoutingConfig &config, const SimulationOptions &options, const RoutingConfig *baseline,
                          const std::atomic<bool> *cancel)
{
    SimulationResult result;
    const Router router(config);
    std::optional<Router> before;
    if (baseline)
        before.emplace(*baseline);
    result.hasBaseline = baseline != nullptr;
    // Both configs bucket alike unless the cohort differs, so hash once where we can.
    const bool sameCohort = !baseline || baseline->cohort == config.cohort;

    const QStringList models = options.models.isEmpty() ? config.models.keys() : options.models;
    QList<Router::ModelHandle> handles, beforeHandles;
    for (const QString &m : models) {
        handles << router.resolveModel(m);
        if (before)
            beforeHandles << before->resolveModel(m);
        result.perModel.append(ModelShare{m, 0, 0, 0});
    }
    const qint64 now = options.now.isValid() ? options.now.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();

    // The user id doubles as the sticky key; only `users` matches need it as text.
    const bool needText = router.matchesUsers() || (before && before->matchesUsers());
    QElapsedTimer timer;
    timer.start();
    char key[32] = "sim-user-";
    constexpr std::size_t prefixLength = 9;
    const qsizetype modelCount = models.size();
    ModelShare *shares = result.perModel.data();
    for (int u = 0; u < options.users; ++u) {
        if (cancel && (u & 0x3FF) == 0 && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            break;
        }
        const auto [end, ec] = std::to_chars(key + prefixLength, key + sizeof(key), u);
        const QByteArrayView keyView(key, end - key);
        const QString userText = needText ? QString::fromLatin1(keyView) : QString();
        const Bucket bucket = router.bucketForUtf8(keyView);
        const Bucket beforeBucket = sameCohort ? bucket : (before ? before->bucketForUtf8(keyView) : bucket);
        bool userChanged = false;
        for (qsizetype m = 0; m < modelCount; ++m) {
            const Gateway g = router.quickGateway(handles[m], bucket, now, userText);
            (g == Gateway::Vercel ? shares[m].vercel : shares[m].openrouter)++;
            if (before) {
                const Gateway was = before->quickGateway(beforeHandles[m], beforeBucket, now, userText);
                if (was != g) {
                    ++shares[m].changed;
                    userChanged = true;
                    (g == Gateway::Vercel ? result.movedToVercel : result.movedToOpenRouter)++;
                }
            }
        }
        if (userChanged)
            ++result.usersChanged;
    }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    for (const ModelShare &s : result.perModel) {
        result.total.vercel += s.vercel;
        result.total.openrouter += s.openrouter;
        result.total.changed += s.changed;
    }
    result.decisions = result.total.vercel + result.total.openrouter;
    return result;
}

} // namespace gw
