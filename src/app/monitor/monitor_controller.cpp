#include "monitor/monitor_controller.h"
#include "config/per_gateway.h"

#include "monitor/annotations.h"
#include "monitor/headline_table_model.h"
#include "monitor/target_source.h"

#include "history_store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kBurnWindowMs = 7 * kDayMs; // the runway's burn rate: the last 7 days of traffic

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The newest snapshot of each gateway's catalog, parsed here (a pool thread).
std::shared_ptr<const MonitorCatalogs> loadCatalogs(const QString &workspaceDir)
{
    auto catalogs = std::make_shared<MonitorCatalogs>();
    catalogs->dir = workspaceDir;
    const gw::Workspace::NewestCatalogs newest = gw::Workspace(workspaceDir).newestCatalogs();
    if (newest.openrouter)
        catalogs->openrouter = newest.openrouter->catalog;
    if (newest.vercel)
        catalogs->vercel = newest.vercel->catalog;
    catalogs->loaded = true;
    return catalogs;
}

// The configs live over time: every native export in the workspace's history, from its time on;
// before the first (or with none) the current draft. A revision that no longer loads is left out.
std::unique_ptr<gw::ConfigTimeline> timelineFor(const MonitorQuery &query,
                                                const QList<gw::Workspace::NativeExport> &exports, int *liveConfigs,
                                                std::optional<qint64> *firstLiveMs)
{
    auto timeline = std::make_unique<gw::ConfigTimeline>(query.draft);
    *liveConfigs = 0;
    if (query.target != TargetSource::LiveConfig)
        return timeline;
    for (const gw::Workspace::NativeExport &revision : exports) {
        if (!revision.time.isValid())
            continue;
        const qint64 at = revision.time.toMSecsSinceEpoch();
        timeline->add(at, revision.config);
        *firstLiveMs = std::min(firstLiveMs->value_or(at), at);
        ++*liveConfigs;
    }
    return timeline;
}

// Exports, publishes and the incident pins of the draft and of every exported config.
QList<gw::ChartAnnotation> annotationsFor(const MonitorQuery &query, const QList<gw::Workspace::NativeExport> &exports,
                                          qint64 fromMs, qint64 toMs)
{
    QList<gw::Rule> rules = query.draft.rules;
    for (const gw::Workspace::NativeExport &revision : exports)
        rules += revision.config.rules;
    return gw::chartAnnotations(query.workspace.isValid() ? query.workspace.history() : QList<gw::ExportRecord>(),
                                rules, fromMs, toMs);
}

template <typename T>
bool take(const QFuture<gw::store::Outcome<T>> &future, T *value, QString *error)
{
    gw::store::Outcome<T> outcome = future.result();
    if (!outcome.ok()) {
        *error = outcome.error;
        return false;
    }
    *value = std::move(outcome.value);
    return true;
}

gw::SeriesTable balanceTable(const MonitorData &data)
{
    gw::SeriesTable table;
    for (const char *measure : {"balance", "spent", "burn", "runway"})
        table.series.append({std::nullopt, QString::fromLatin1(measure)});
    const double none = std::nan("");
    for (const gw::Gateway g : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        const int i = gw::gatewayIndex(g);
        const std::optional<gw::net::Balance> &b = data.balance[i];
        table.categories.append(gw::gatewayDisplayName(g));
        table.values.append({b && b->remainingUsd ? *b->remainingUsd : none, b ? b->usedUsd : none,
                             data.burn[i].toMs ? data.burn[i].usdPerDay : none, data.runway[i].days.value_or(none)});
    }
    return table;
}

} // namespace

MonitorData loadMonitorData(gw::store::HistoryStore *store, const MonitorQuery &query,
                            std::shared_ptr<const MonitorCatalogs> catalogs)
{
    MonitorData data;
    data.failoverThreshold = query.draft.failover.errorRateThreshold;
    data.failoverEnabled = query.draft.failover.enabled;
    data.balance = query.balances;
    if (!catalogs || catalogs->dir != query.workspace.dir())
        catalogs = loadCatalogs(query.workspace.dir());
    data.catalogs = catalogs;
    if (!store)
        return data;

    // Day buckets are few: they give the filter choices and where the traffic ends.
    QList<gw::TrafficBucket> days;
    if (!take(store->trafficBuckets(gw::TrafficResolution::Day), &days, &data.error))
        return data;
    data.dimensions = gw::monitorDimensions(days);
    data.hasTraffic = !days.isEmpty();
    if (!data.hasTraffic)
        return data;
    // The newest minute: where "All" ends, what the page names when a range holds no traffic,
    // and where the burn rate's week ends.
    QList<gw::TrafficBucket> lastDay;
    if (!take(store->trafficBuckets(gw::TrafficResolution::Minute, utc(data.dimensions.lastMs)), &lastDay, &data.error))
        return data;
    qint64 end = 0;
    for (const gw::TrafficBucket &b : std::as_const(lastDay))
        end = std::max(end, b.key.startMs + kMinuteMs);
    if (end == 0)
        end = data.dimensions.lastMs + kDayMs; // day buckets without minutes (none today): the day's end

    data.newestTrafficMs = end;
    const qint64 nowMs = query.nowMs ? query.nowMs : QDateTime::currentMSecsSinceEpoch();
    gw::TimeRange range = gw::resolveRange(query.range, nowMs, query.customFromMs, query.customToMs);
    if (query.openOnRecordedTraffic) {
        if (const std::optional<gw::TimeRange> recorded = gw::recordedTrafficRange(query.range, nowMs, end)) {
            range = *recorded;
            data.openedOnRecordedTraffic = true;
        }
    }
    data.fromMs = range.fromMs.value_or(data.dimensions.firstMs);
    data.toMs = range.toMs.value_or(end);
    data.resolution = gw::resolutionForSpan(data.toMs - data.fromMs);
    const qint64 unit = gw::resolutionMs(data.resolution);
    data.fromMs = data.fromMs / unit * unit; // whole buckets

    QList<gw::TrafficBucket> buckets;
    if (!take(store->trafficBuckets(data.resolution, utc(data.fromMs), utc(data.toMs)), &buckets, &data.error))
        return data;
    data.rangeHasTraffic = !buckets.isEmpty();
    gw::MonitorFilter filter = query.filter;
    filter.fromMs = data.fromMs;
    filter.toMs = data.toMs;
    const QList<gw::TrafficBucket> shown = gw::filterBuckets(buckets, filter);
    data.cost = gw::costSeries(shown);
    data.errors = gw::errorRateSeries(shown);
    data.latency = gw::latencySeries(shown);
    const gw::CounterfactualPrices prices{&catalogs->openrouter, &catalogs->vercel, &query.draft};
    data.costPerMtok = gw::costPerMtokSeries(shown, prices);
    for (const gw::Gateway g : {gw::Gateway::OpenRouter, gw::Gateway::Vercel})
        data.counterfactual[gw::gatewayIndex(g)] = gw::counterfactualTotal(shown, g, prices);

    // Share vs target: both gateways always (the share is between them), the model filter only
    // (key usage has no provider). No failover error rates: key usage is per hour and a rate from
    // before the hour would boost or not for the whole hour, which is a guess either way; the
    // target is therefore the config's plain share (the chart's note says so).
    QList<gw::TrafficKeyUsage> usage;
    if (!take(store->trafficKeyUsage(utc(data.fromMs / kHourMs * kHourMs), utc(data.toMs)), &usage, &data.error))
        return data;
    if (!query.filter.model.isEmpty())
        usage.removeIf([&](const gw::TrafficKeyUsage &u) { return u.key.model != query.filter.model; });
    const QList<gw::Workspace::NativeExport> exports =
        query.workspace.isValid() ? query.workspace.nativeExports() : QList<gw::Workspace::NativeExport>();
    std::optional<qint64> firstLiveMs;
    const std::unique_ptr<gw::ConfigTimeline> timeline = timelineFor(query, exports, &data.liveConfigs, &firstLiveMs);
    const gw::RouterAt routerAt = [&timeline](qint64 hour) -> const gw::Router & { return timeline->routerAt(hour); };
    data.share = gw::shareSeries(usage, routerAt);
    // Where the target comes from, in the table: never the draft passed off as live.
    if (query.target == TargetSource::CurrentDraft) {
        for (gw::SeriesId &id : data.share.series)
            if (id.measure == u"target")
                id.measure = QStringLiteral("target_current");
    } else {
        data.draftTargetRows = gw::splitDraftTarget(data.share, firstLiveMs);
        data.firstLiveMs = firstLiveMs;
    }
    data.annotations = annotationsFor(query, exports, data.fromMs, data.toMs);

    // Headline numbers: the range shown and the period of the same length before it, with the
    // same filters and the same target; key usage before the range's first hour only (no overlap).
    gw::MonitorHeadline &headline = data.headline;
    headline.current = {data.fromMs, data.toMs};
    headline.previous = gw::previousPeriod(data.fromMs, data.toMs);
    headline.figures = gw::headlineFigures(shown);
    headline.share = gw::shareTotals(usage, routerAt);
    QList<gw::TrafficBucket> before;
    if (!take(store->trafficBuckets(data.resolution, utc(headline.previous.fromMs), utc(headline.previous.toMs)),
              &before, &data.error))
        return data;
    filter.fromMs = headline.previous.fromMs;
    filter.toMs = headline.previous.toMs;
    headline.previousFigures = gw::headlineFigures(gw::filterBuckets(before, filter));
    QList<gw::TrafficKeyUsage> usageBefore;
    if (!take(store->trafficKeyUsage(utc(headline.previous.fromMs / kHourMs * kHourMs),
                                     utc(data.fromMs / kHourMs * kHourMs)),
              &usageBefore, &data.error))
        return data;
    if (!query.filter.model.isEmpty())
        usageBefore.removeIf([&](const gw::TrafficKeyUsage &u) { return u.key.model != query.filter.model; });
    headline.previousShare = gw::shareTotals(usageBefore, routerAt);

    // Burn rate over the last 7 days of all traffic (no filters: the balance pays for all of it).
    QList<gw::TrafficBucket> recent;
    if (!take(store->trafficBuckets(gw::TrafficResolution::Hour, utc(end - kBurnWindowMs), utc(end)), &recent,
              &data.error))
        return data;
    for (const gw::Gateway g : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        const int i = gw::gatewayIndex(g);
        data.burn[i] = gw::burnRate(recent, g, kBurnWindowMs);
        data.runway[i] = gw::runwayFor(query.balances[i] ? query.balances[i]->remainingUsd : std::nullopt,
                                       data.burn[i].usdPerDay, query.runwayWarnDays);
    }
    data.balances = balanceTable(data);
    return data;
}

MonitorController::MonitorController(QObject *parent) : QObject(parent), m_headline(new HeadlineTableModel(this))
{
    for (auto &model : m_models)
        model = new MonitorTableModel(this);
    m_models[Cost]->setValueFormat(4, tr("USD"));
    m_models[Errors]->setValueFormat(3, QString());
    m_models[Latency]->setValueFormat(0, tr("ms"));
    m_models[Share]->setValueFormat(2, tr("%"));
    m_models[CostPerMtok]->setValueFormat(3, tr("USD/Mtok"));
    m_models[Balances]->setValueFormat(2, QString());
}

MonitorController::~MonitorController() = default;

void MonitorController::reload()
{
    const bool wasLoading = isLoading();
    // The load shares the store: it stays open until the load is done, even when the page or the
    // window went away meanwhile (the result then reaches nobody).
    m_job.run(QtConcurrent::run([store = m_store, query = m_query, catalogs = m_catalogs] {
                  return loadMonitorData(store.get(), query, catalogs);
              }),
              [this](const MonitorData &data) { onFinished(data); });
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void MonitorController::onFinished(const MonitorData &data)
{
    m_data = data;
    m_catalogs = m_data.catalogs;
    const QString time = tr("Time (UTC)");
    m_models[Cost]->setTable(m_data.cost, time);
    m_models[Errors]->setTable(m_data.errors, time);
    m_models[Latency]->setTable(m_data.latency, time);
    m_models[Share]->setTable(m_data.share, time);
    m_models[CostPerMtok]->setTable(m_data.costPerMtok, tr("Model"));
    m_models[Balances]->setTable(m_data.balances, tr("Gateway"));
    m_headline->setHeadline(m_data.headline);
    Q_EMIT loadingChanged(false);
    Q_EMIT loaded();
}

} // namespace gw::app
