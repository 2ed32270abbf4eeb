#pragma once
// The Monitor page's data: reads traffic buckets and key usage through the HistoryStore and
// computes every chart's table on a pool thread (QtConcurrent), never on the GUI thread. The
// page sets the range, filters and target source, calls reload(), and draws on loaded().

#include "common/latest_job.h"
#include "monitor/annotations.h"
#include "monitor/headline.h"
#include "monitor/monitor_table_model.h"
#include "monitor/series.h"
#include "traffic/time_range.h"
#include "workspace/workspace.h"

#include "gateway_replies.h"

#include <QObject>

#include <array>
#include <memory>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class HeadlineTableModel;

using MonitorRange = gw::RangePreset; // presets end now (traffic/time_range.h)
enum class TargetSource { LiveConfig, CurrentDraft };

struct MonitorQuery {
    MonitorRange range = MonitorRange::LastDay;
    qint64 customFromMs = 0; // with MonitorRange::Custom
    qint64 customToMs = 0;
    qint64 nowMs = 0; // where presets end; 0: the current time
    // A preset that holds no traffic while older traffic is recorded opens on that traffic
    // instead (traffic/time_range.h, recordedTrafficRange): the page's first load only.
    bool openOnRecordedTraffic = false;
    gw::MonitorFilter filter; // gateway, model, provider (its times are set by the load)
    TargetSource target = TargetSource::LiveConfig;
    gw::RoutingConfig draft;
    gw::Workspace workspace;
    std::array<std::optional<gw::net::Balance>, 2> balances; // OpenRouter, Vercel
    double runwayWarnDays = 3;
};

struct MonitorCatalogs {
    gw::Catalog openrouter;
    gw::Catalog vercel;
    bool loaded = false;
    QString dir; // the workspace they came from
};

struct MonitorData {
    QString error;                    // the store failed (names the file)
    bool hasTraffic = false;          // any bucket at all in the store
    gw::MonitorDimensions dimensions; // over all stored traffic (filter choices)
    qint64 fromMs = 0;                // the range shown, [from, to)
    qint64 toMs = 0;
    bool rangeHasTraffic = false;         // any bucket in the range before the filters
    qint64 newestTrafficMs = 0;           // the end of the newest recorded minute
    bool openedOnRecordedTraffic = false; // the range shown is recordedTrafficRange, not the preset's
    gw::TrafficResolution resolution = gw::TrafficResolution::Hour;
    gw::SeriesTable cost, errors, latency, share, costPerMtok, balances;
    std::array<gw::CounterfactualTotal, 2> counterfactual;
    std::array<gw::BurnRate, 2> burn;
    std::array<gw::Runway, 2> runway;
    std::array<std::optional<gw::net::Balance>, 2> balance;
    double failoverThreshold = 0.5;
    bool failoverEnabled = false;
    int liveConfigs = 0;                    // exported revisions in the timeline (0: the draft throughout)
    gw::MonitorHeadline headline;           // this range and the previous one of the same length
    int draftTargetRows = 0;                // share rows whose target is the draft, not exported ("target_draft")
    std::optional<qint64> firstLiveMs;      // the first export in the timeline
    QList<gw::ChartAnnotation> annotations; // in the range shown
    std::shared_ptr<const MonitorCatalogs> catalogs;
};

// The whole load, runnable on any thread but the store's: waits on the store's futures.
MonitorData loadMonitorData(gw::store::HistoryStore *store, const MonitorQuery &query,
                            std::shared_ptr<const MonitorCatalogs> catalogs);

class MonitorController : public QObject {
    Q_OBJECT
public:
    enum Chart { Cost, Errors, Latency, Share, CostPerMtok, Balances, ChartCount };

    explicit MonitorController(QObject *parent = nullptr);
    ~MonitorController() override; // never waits: a running load holds the store, its result is dropped

    // Shared with the page context; null: nothing to show. A load still running keeps the
    // store it started with.
    void setHistory(std::shared_ptr<gw::store::HistoryStore> store) { m_store = std::move(store); }
    gw::store::HistoryStore *history() const { return m_store.get(); }
    void setQuery(const MonitorQuery &query) { m_query = query; }
    const MonitorQuery &query() const { return m_query; }

    // Starts a load; the latest one wins (an older one still running is dropped when it ends).
    void reload();
    bool isLoading() const { return !m_job.isSettled(); }

    const MonitorData &data() const { return m_data; }
    MonitorTableModel *model(Chart chart) const { return m_models[chart]; }
    HeadlineTableModel *headlineModel() const { return m_headline; }

Q_SIGNALS:
    void loaded();
    void loadingChanged(bool loading);

private:
    void onFinished(const MonitorData &data);

    std::shared_ptr<gw::store::HistoryStore> m_store;
    MonitorQuery m_query;
    MonitorData m_data;
    std::shared_ptr<const MonitorCatalogs> m_catalogs;
    std::array<MonitorTableModel *, ChartCount> m_models{};
    HeadlineTableModel *m_headline;
    LatestJob<MonitorData> m_job{this};
};

} // namespace gw::app
