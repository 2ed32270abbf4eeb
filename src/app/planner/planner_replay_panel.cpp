#include "planner/planner_replay_panel.h"
#include "config/per_gateway.h"

#include "common/draft_document.h"
#include "common/when_ready.h"
#include "common/time_range_selector.h"
#include "workspace/workspace.h"

#include "history_store.h"
#include "catalog/catalog.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <climits>

namespace gwapp {

namespace {

enum Column { ModelColumn, GatewayColumn, DraftRequests, DraftTokens, DraftCost, DraftShare,
              LiveRequests, LiveTokens, LiveCost, LiveShare, CostBasisColumn, ColumnCount };

QString usd(double value)
{
    return QString::number(value, 'f', 4);
}

// The newest catalog snapshots of the workspace, for pricing traffic that has no recorded cost
// on the gateway the draft sends it to. Missing snapshots: recorded prices only.
gw::ReplayPrices workspacePrices(const QString &dir)
{
    const gw::Workspace::NewestCatalogs newest = gw::Workspace(dir).newestCatalogs();
    const QList<gw::CatalogModel> openrouterModels = newest.openrouter ? newest.openrouter->catalog.models : QList<gw::CatalogModel>();
    const QList<gw::CatalogModel> vercelModels = newest.vercel ? newest.vercel->catalog.models : QList<gw::CatalogModel>();
    return gw::ReplayPrices::fromCatalogs(openrouterModels, vercelModels);
}

QString costBasisDisplayName(gw::CostBasis basis)
{
    switch (basis) {
    case gw::CostBasis::Recorded: return PlannerReplayPanel::tr("recorded");
    case gw::CostBasis::Catalog: return PlannerReplayPanel::tr("catalog");
    case gw::CostBasis::Mixed: return PlannerReplayPanel::tr("recorded and catalog");
    case gw::CostBasis::Unknown: break;
    }
    return PlannerReplayPanel::tr("no price");
}

// The draft's rules count only while in force (gwcore's draft_projection.h); say so, and name
// every rule that does not count for the whole replayed span.
QStringList ruleWindowLines(const gw::ReplayResult &result)
{
    QStringList lines{PlannerReplayPanel::tr("Draft rules count only while they are in force: the traffic is replayed "
                                             "as if it began now, when the draft would go live.")};
    const double spanHours = double(result.draftProjection.spanMs()) / 3.6e6;
    for (const gw::RuleWindow &w : result.draftRules) {
        switch (w.state) {
        case gw::RuleInForce::Always:
            break;
        case gw::RuleInForce::Partly:
            lines << PlannerReplayPanel::tr("Rule “%1” expires %2: it counts for %3 of the %4 hours replayed.")
                         .arg(w.id, w.expiresAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t")),
                              QString::number(double(w.inForceMs) / 3.6e6, 'f', 1), QString::number(spanHours, 'f', 0));
            break;
        case gw::RuleInForce::Expired:
            lines << PlannerReplayPanel::tr("Rule “%1” has expired: it counts for none of the traffic.").arg(w.id);
            break;
        case gw::RuleInForce::Disabled:
            lines << PlannerReplayPanel::tr("Rule “%1” is disabled: it counts for none of the traffic.").arg(w.id);
            break;
        }
    }
    return lines;
}

} // namespace

// What a worker run returns: the replay and where the live configs came from.
struct PlannerReplayPanel::Job {
    gw::ReplayResult result;
    QString liveSource;
};

PlannerReplayPanel::PlannerReplayPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_range(new TimeRangeSelector(this))
    , m_replayButton(new QPushButton(tr("Replay"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_autoUpdate(new QCheckBox(tr("Auto-update when the draft changes"), this))
    , m_progress(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(tr("Replay recorded traffic against the draft to see what it would change."), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Gateway"), tr("Draft requests"), tr("Draft tokens"), tr("Draft cost (USD)"),
                                        tr("Draft share (%)"), tr("Live requests"), tr("Live tokens"), tr("Live cost (USD)"),
                                        tr("Live share (%)"), tr("Cost basis")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Traffic:"), this));
    controls->addWidget(m_range);
    controls->addWidget(m_replayButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_autoUpdate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_table, 1);

    m_autoUpdateDebounce.setSingleShot(true);
    m_autoUpdateDebounce.setInterval(800);
    connect(&m_autoUpdateDebounce, &QTimer::timeout, this, [this] {
        if (m_running) {
            m_rerunWhenDone = true;
            cancel();
        } else {
            replay();
        }
    });
    connect(m_document, &DraftDocument::changed, this, [this] {
        if (m_autoUpdate->isChecked() && (m_result || m_running))
            m_autoUpdateDebounce.start();
    });
    connect(m_replayButton, &QPushButton::clicked, this, &PlannerReplayPanel::replay);
    connect(m_cancelButton, &QPushButton::clicked, this, &PlannerReplayPanel::cancel);
    setHistory(nullptr);
    setRunning(false);
}

PlannerReplayPanel::~PlannerReplayPanel()
{
    if (m_cancel)
        m_cancel->store(true); // a worker still running stops soon; its result goes nowhere
}

void PlannerReplayPanel::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = history;
    m_replayButton->setEnabled(history && !m_running);
    if (!history)
        m_statusLabel->setText(tr("No traffic history open."));
    else
        m_statusLabel->clear();
}

void PlannerReplayPanel::setWorkspace(const gw::Workspace &workspace)
{
    m_workspace = workspace;
}

void PlannerReplayPanel::setAutoUpdate(bool on)
{
    m_autoUpdate->setChecked(on);
}

void PlannerReplayPanel::setRunning(bool running)
{
    m_running = running;
    m_replayButton->setEnabled(!running && m_history);
    m_cancelButton->setEnabled(running);
}

void PlannerReplayPanel::replay()
{
    if (m_running || !m_history)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    setRunning(true);
    m_progress->setRange(0, 0); // busy until the worker knows the row count
    m_statusLabel->setText(tr("Reading recorded traffic…"));
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    whenReady(this, m_history->trafficKeyUsage(m_range->from(), m_range->to()),
              [this, cancelFlag](const gw::store::Outcome<QList<gw::TrafficKeyUsage>> &read) {
        if (cancelFlag->load())
            finish(std::nullopt, tr("Replay cancelled."));
        else if (!read.ok())
            finish(std::nullopt, tr("Could not read the recorded traffic: %1").arg(read.error));
        else
            runOnWorker(read.value);
    });
}

void PlannerReplayPanel::runOnWorker(const QList<gw::TrafficKeyUsage> &usage)
{
    m_statusLabel->setText(tr("Replaying %n usage row(s)…", nullptr, int(usage.size())));
    const gw::RoutingConfig draft = m_document->config();
    const gw::Workspace workspace = m_workspace;
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    QFuture<Job> future = QtConcurrent::run([usage, draft, workspace, cancelFlag](QPromise<Job> &promise) {
        // The live configs: every native export from the time it was exported. Before the first
        // one the oldest export is the best guess; without exports, the saved draft file.
        const QList<gw::Workspace::NativeExport> exports = workspace.nativeExports();
        Job job;
        gw::RoutingConfig fallback = draft;
        if (!exports.isEmpty()) {
            fallback = exports.first().config;
            job.liveSource = tr("%n exported revision(s), each from its export time", nullptr, int(exports.size()));
        } else if (const std::optional<gw::RoutingConfig> saved = workspace.baseline()) {
            fallback = *saved;
            job.liveSource = tr("the saved draft file, no native export yet");
        } else {
            job.liveSource = tr("no saved config, the draft itself");
        }
        gw::ConfigTimeline live(fallback);
        for (const gw::Workspace::NativeExport &revision : exports)
            live.add(revision.time.toMSecsSinceEpoch(), revision.config);

        gw::ReplayOptions options;
        options.prices = workspacePrices(workspace.dir());
        options.cancel = cancelFlag.get();
        options.progress = [&promise](qsizetype done, qsizetype total) {
            promise.setProgressRange(0, int(std::min<qsizetype>(total, INT_MAX)));
            promise.setProgressValue(int(std::min<qsizetype>(done, INT_MAX)));
        };
        job.result = gw::replayTraffic(usage, draft, live, options);
        promise.addResult(job);
    });
    auto *watcher = new QFutureWatcher<Job>(this);
    connect(watcher, &QFutureWatcher<Job>::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcher<Job>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcher<Job>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0) {
            finish(std::nullopt, tr("The replay stopped without a result."));
            return;
        }
        const Job job = watcher->result();
        if (job.result.cancelled) {
            finish(std::nullopt, tr("Replay cancelled after %n usage row(s); the previous result stays.", nullptr, int(job.result.rows)));
            return;
        }
        showResult(job.result, job.liveSource);
        finish(job.result, tr("Replayed %n usage row(s); live config: %1.", nullptr, int(job.result.rows)).arg(job.liveSource));
    });
    watcher->setFuture(future);
}

void PlannerReplayPanel::cancel()
{
    if (m_running && m_cancel)
        m_cancel->store(true);
}

void PlannerReplayPanel::finish(const std::optional<gw::ReplayResult> &result, const QString &status)
{
    if (result)
        m_result = result;
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(result ? 1 : 0);
    m_statusLabel->setText(status);
    Q_EMIT replayFinished(result.has_value());
    if (m_rerunWhenDone) {
        m_rerunWhenDone = false;
        replay();
    }
}

void PlannerReplayPanel::showResult(const gw::ReplayResult &result, const QString &liveSource)
{
    const gw::ReplaySide &draft = result.draft;
    const gw::ReplaySide &live = result.live;
    const double difference = draft.totalCostUsd() - live.totalCostUsd();
    const quint64 unpriced = draft.openrouter.unpricedRequests + draft.vercel.unpricedRequests;
    const gw::ReplayChurn &churn = result.churn;
    QStringList lines;
    lines << tr("Draft: %1 requests, %2 tokens, %3% of tokens on Vercel, cost %4 USD.")
                 .arg(draft.openrouter.requests + draft.vercel.requests)
                 .arg(draft.openrouter.tokens() + draft.vercel.tokens())
                 .arg(QString::number(draft.vercelTokenPercent(), 'f', 2), usd(draft.totalCostUsd()));
    lines << ruleWindowLines(result);
    lines << tr("Live config (%1): %2% of tokens on Vercel, cost %3 USD. Difference: %4 USD.")
                 .arg(liveSource, QString::number(live.vercelTokenPercent(), 'f', 2), usd(live.totalCostUsd()),
                      (difference >= 0 ? QStringLiteral("+") : QString()) + usd(difference));
    lines << tr("Recorded: %1% of tokens were served by Vercel, cost %2 USD.")
                 .arg(QString::number(result.recorded.vercelTokenPercent(), 'f', 2), usd(result.recorded.totalCostUsd()));
    lines << tr("Churn: %1 of %2 sticky keys change gateway (%3 to Vercel, %4 to OpenRouter), %5 of %6 requests affected.")
                 .arg(churn.keysChanged).arg(churn.keys).arg(churn.keysToVercel).arg(churn.keysToOpenRouter)
                 .arg(churn.requestsAffected).arg(churn.requests);
    if (unpriced > 0)
        lines << tr("%n request(s) on the draft have neither a recorded nor a catalog price: their cost is missing.", nullptr, int(unpriced));
    m_summaryLabel->setText(lines.join(QLatin1Char('\n')));

    QMap<std::pair<QString, int>, std::pair<const gw::ReplayGroup *, const gw::ReplayGroup *>> rows;
    for (const gw::ReplayGroup &g : draft.groups)
        rows[{g.model, int(g.gateway)}].first = &g;
    for (const gw::ReplayGroup &g : live.groups)
        rows[{g.model, int(g.gateway)}].second = &g;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(rows.size()));
    int row = 0;
    const auto number = [](double value) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::DisplayRole, value);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (auto it = rows.cbegin(); it != rows.cend(); ++it, ++row) {
        const gw::ReplayGroup *d = it.value().first;
        const gw::ReplayGroup *l = it.value().second;
        m_table->setItem(row, ModelColumn, new QTableWidgetItem(it.key().first));
        m_table->setItem(row, GatewayColumn, new QTableWidgetItem(gatewayDisplayName(gw::Gateway(it.key().second))));
        m_table->setItem(row, DraftRequests, number(d ? double(d->requests) : 0));
        m_table->setItem(row, DraftTokens, number(d ? double(d->tokens()) : 0));
        m_table->setItem(row, DraftCost, number(d ? d->costUsd : 0));
        m_table->setItem(row, DraftShare, number(d ? d->sharePercent : 0));
        m_table->setItem(row, LiveRequests, number(l ? double(l->requests) : 0));
        m_table->setItem(row, LiveTokens, number(l ? double(l->tokens()) : 0));
        m_table->setItem(row, LiveCost, number(l ? l->costUsd : 0));
        m_table->setItem(row, LiveShare, number(l ? l->sharePercent : 0));
        m_table->setItem(row, CostBasisColumn, new QTableWidgetItem(costBasisDisplayName(d && d->requests ? d->costBasis : l ? l->costBasis : gw::CostBasis::Unknown)));
    }
    m_table->setSortingEnabled(true);
}

QString PlannerReplayPanel::summaryText() const
{
    return m_summaryLabel->text();
}

QString PlannerReplayPanel::statusText() const
{
    return m_statusLabel->text();
}

int PlannerReplayPanel::tableRowCount() const
{
    return m_table->rowCount();
}

QString PlannerReplayPanel::tableText(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace gwapp
