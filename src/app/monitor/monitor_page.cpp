#include "monitor/monitor_page.h"
#include "config/per_gateway.h"

#include "common/draft_document.h"
#include "common/gateway_connections.h"
#include "common/number_format.h"
#include "common/page_context.h"
#include "common/time_range_selector.h"
#include "monitor/chart_legend.h"
#include "monitor/error_volume.h"
#include "monitor/headline_table_model.h"
#include "monitor/monitor_chart_view.h"
#include "monitor/traffic_import_panel.h"
#include "production/usage_pull_panel.h"
#include "ui_monitorpage.h"

#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

#include <cmath>

namespace gw::app {

namespace {

using Chart = MonitorController::Chart;

QString usd(double value)
{
    return formatUsd(value);
}

// The bucket length in the status line, in the user's language (gwcore's names are identifiers).
QString resolutionWord(gw::TrafficResolution resolution)
{
    switch (resolution) {
    case gw::TrafficResolution::Minute: return MonitorPage::tr("minute");
    case gw::TrafficResolution::Hour: return MonitorPage::tr("hour");
    case gw::TrafficResolution::Day: return MonitorPage::tr("day");
    }
    return {};
}

} // namespace

MonitorPage::MonitorPage(std::shared_ptr<PageContext> context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::MonitorPage>())
    , m_context(std::move(context))
    , m_document(m_context->document())
    , m_connections(m_context->connections())
    , m_controller(new MonitorController(this))
{
    ui->setupUi(this);
    ui->rangeSelector->setPresets({MonitorRange::LastHour, MonitorRange::LastDay, MonitorRange::LastWeek,
                                   MonitorRange::Last30Days, MonitorRange::All},
                                  kDefaultRange);
    ui->gatewayCombo->addItem(tr("All gateways"));
    ui->gatewayCombo->addItem(gw::gatewayDisplayName(gw::Gateway::OpenRouter),
                              gw::gatewayName(gw::Gateway::OpenRouter));
    ui->gatewayCombo->addItem(gw::gatewayDisplayName(gw::Gateway::Vercel), gw::gatewayName(gw::Gateway::Vercel));
    ui->modelCombo->addItem(tr("All models"));
    ui->providerCombo->addItem(tr("All providers"));
    ui->targetCombo->addItem(tr("Config live then"), int(TargetSource::LiveConfig));
    ui->targetCombo->addItem(tr("Current draft"), int(TargetSource::CurrentDraft));

    // Traffic import (H3's panel), folded away until asked for or when there is no traffic.
    m_import = new TrafficImportPanel(ui->importArea);
    ui->importLayout->addWidget(m_import);
    ui->importArea->setVisible(false);
    connect(ui->importToggle, &QToolButton::toggled, ui->importArea, &QWidget::setVisible);
    connect(m_import, &TrafficImportPanel::trafficChanged, this, &MonitorPage::reload);

    m_rangeNotice = new QLabel(this);
    m_rangeNotice->setObjectName(QStringLiteral("rangeNotice"));
    m_rangeNotice->setWordWrap(true);
    m_rangeNotice->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_rangeNotice->hide();
    ui->pageLayout->insertWidget(ui->pageLayout->indexOf(ui->statusLabel), m_rangeNotice);
    buildCharts();
    setupDashboard();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &MonitorPage::reload);
    connect(ui->rangeSelector, &TimeRangeSelector::rangeChanged, this, &MonitorPage::onRangeChosen);
    for (QComboBox *combo : {ui->gatewayCombo, ui->modelCombo, ui->providerCombo, ui->targetCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &MonitorPage::scheduleReload);
    connect(m_document, &DraftDocument::changed, this, &MonitorPage::scheduleReload);
    if (m_connections)
        connect(m_connections, &GatewayConnections::stateChanged, this, &MonitorPage::scheduleReload);
    connect(m_controller, &MonitorController::loaded, this, &MonitorPage::onLoaded);
    ui->stack->setCurrentWidget(ui->emptyPage);
    ui->statusLabel->setText(tr("Traffic history not open yet."));
    connect(m_context.get(), &PageContext::historyChanged, this, &MonitorPage::onHistoryChanged);
    connect(m_context.get(), &PageContext::workspaceChanged, this, &MonitorPage::onWorkspaceChanged);
    if (m_context->workspace().isValid())
        onWorkspaceChanged();
    if (m_context->history())
        onHistoryChanged();
}

MonitorPage::~MonitorPage() = default;

void MonitorPage::buildCharts()
{
    struct Spec {
        Chart chart;
        QString title;
        MonitorChartView::Kind kind;
        QString axis;
        gw::AxisUnit unit;
    };
    using Unit = gw::AxisUnit;
    const QList<Spec> specs = {
        {Chart::Cost, tr("Cost per gateway (reported and estimated)"), MonitorChartView::Kind::StackedAmounts,
         QString(), Unit::Usd},
        {Chart::Errors, tr("Errors per class (stacked) and error rate per gateway"),
         MonitorChartView::Kind::ErrorClasses, QString(), Unit::Count},
        {Chart::Latency, tr("TTFT and latency, p50 and p95"), MonitorChartView::Kind::Lines, tr("Time"),
         Unit::Milliseconds},
        {Chart::Share, tr("Vercel share: actual against target"), MonitorChartView::Kind::Lines,
         tr("Share of requests"), Unit::Percent},
        {Chart::CostPerMtok, tr("Cost per million tokens per model, and at the other gateway's prices"),
         MonitorChartView::Kind::Bars, tr("per million tokens"), Unit::Usd},
        {Chart::Balances, tr("Gateway balances and runway"), MonitorChartView::Kind::Bars, QString(), Unit::Usd},
    };
    // The headline numbers first: what an operator asks before reading any chart.
    m_headline = new QTableView(ui->chartsContainer);
    m_headline->setObjectName(QStringLiteral("headlineTable"));
    m_headline->setModel(m_controller->headlineModel());
    m_headline->verticalHeader()->hide();
    m_headline->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_headline->horizontalHeader()->setSectionResizeMode(HeadlineTableModel::GatewayColumn,
                                                         QHeaderView::ResizeToContents);
    m_headline->setSelectionMode(QAbstractItemView::NoSelection);
    m_headline->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_headline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_headline->setFixedHeight(m_headline->horizontalHeader()->sizeHint().height()
                               + 2 * m_headline->verticalHeader()->defaultSectionSize() + 2 * m_headline->frameWidth());
    ui->chartsGrid->addWidget(m_headline, 0, 0, 1, 2);
    for (int i = 0; i < specs.size(); ++i) {
        const Spec &spec = specs[i];
        auto *box = new QGroupBox(spec.title, ui->chartsContainer);
        auto *layout = new QVBoxLayout(box);
        auto *view = new MonitorChartView(spec.kind, m_controller->model(spec.chart), box);
        view->setObjectName(QStringLiteral("monitorChart%1").arg(int(spec.chart)));
        view->setMinimumSize(420, 300);
        view->setValueAxisTitle(spec.axis);
        view->setValueUnit(spec.unit);
        auto *legend = new ChartLegend(box);
        legend->setObjectName(QStringLiteral("monitorLegend%1").arg(int(spec.chart)));
        view->setLegend(legend);
        auto *note = new QLabel(box);
        note->setWordWrap(true);
        auto *buttons = new QHBoxLayout;
        auto *png = new QPushButton(tr("Export PNG…"), box);
        auto *csv = new QPushButton(tr("Export CSV…"), box);
        buttons->addWidget(note, 1);
        buttons->addWidget(png);
        buttons->addWidget(csv);
        layout->addWidget(view, 1);
        layout->addWidget(legend);
        layout->addLayout(buttons);
        connect(png, &QPushButton::clicked, this, [this, chart = spec.chart] { exportPng(chart); });
        connect(csv, &QPushButton::clicked, this, [this, chart = spec.chart] { exportCsv(chart); });
        m_views[spec.chart] = view;
        m_notes[spec.chart] = note;
        ui->chartsGrid->addWidget(box, 1 + i / 2, i % 2);
    }
    m_views[Chart::Balances]->setBarSeries({0, 1}); // USD amounts; burn and runway are in the note and the CSV
}

void MonitorPage::onHistoryChanged()
{
    const std::shared_ptr<gw::store::HistoryStore> &store = m_context->history();
    m_hasHistory = store != nullptr;
    m_controller->setHistory(store);
    m_import->setHistory(store);
    if (m_productionPull)
        m_productionPull->setHistory(store);
    ui->statusLabel->setText(store ? QString() : tr("Traffic history not available."));
    reload();
}

void MonitorPage::setProductionPull(UsagePullPanel *panel)
{
    m_productionPull = panel;
    ui->pageLayout->insertWidget(1, panel); // under the controls
    panel->setHistory(m_context->history());
    connect(panel, &UsagePullPanel::usageChanged, this, &MonitorPage::reload);
}

void MonitorPage::onWorkspaceChanged()
{
    const gw::Workspace &workspace = m_context->workspace();
    m_workspace = workspace;
    if (workspace.isValid()) {
        const QString traffic = workspace.dir() + QStringLiteral("/traffic");
        m_import->setWatchFolder(QDir(traffic).exists() ? traffic : QString());
    }
    scheduleReload();
}

void MonitorPage::scheduleReload()
{
    m_debounce.start();
}

MonitorQuery MonitorPage::currentQuery() const
{
    MonitorQuery q;
    // Until a range is picked, the default one, opened on the recorded traffic when it holds none
    // (the selector then shows the range loaded, as a custom one).
    q.range = m_openOnRecordedTraffic ? kDefaultRange : ui->rangeSelector->preset();
    q.customFromMs = ui->rangeSelector->customFromMs();
    q.customToMs = ui->rangeSelector->customToMs();
    q.nowMs = QDateTime::currentMSecsSinceEpoch();
    q.openOnRecordedTraffic = m_openOnRecordedTraffic;
    if (ui->gatewayCombo->currentIndex() > 0)
        q.filter.gateway = gw::parseGateway(ui->gatewayCombo->currentData().toString());
    if (ui->modelCombo->currentIndex() > 0)
        q.filter.model = ui->modelCombo->currentText();
    if (ui->providerCombo->currentIndex() > 0)
        q.filter.provider = ui->providerCombo->currentText();
    q.target = TargetSource(ui->targetCombo->currentData().toInt());
    q.draft = m_document->config();
    q.workspace = m_workspace;
    if (m_connections) {
        q.balances[0] = m_connections->balance(gw::Gateway::OpenRouter);
        q.balances[1] = m_connections->balance(gw::Gateway::Vercel);
    }
    return q;
}

// A range picked (or set by a test) is the user's: never moved to the recorded traffic again.
void MonitorPage::onRangeChosen()
{
    m_openOnRecordedTraffic = false;
    m_rangeNotice->hide();
    scheduleReload();
}

// Until a range is picked, the selector shows the range loaded: the recorded traffic's as a
// custom one (so that picking the preset means the preset), else the default preset. Kept up
// with every load, so traffic imported file by file moves the range along; one line says why.
void MonitorPage::showRecordedRange()
{
    const MonitorData &data = m_controller->data();
    if (!m_openOnRecordedTraffic)
        return;
    {
        const QSignalBlocker quiet(ui->rangeSelector); // the range shown already: no reload
        if (data.openedOnRecordedTraffic)
            ui->rangeSelector->setCustomRange(QDateTime::fromMSecsSinceEpoch(data.fromMs, Qt::UTC),
                                              QDateTime::fromMSecsSinceEpoch(data.toMs, Qt::UTC));
        else
            ui->rangeSelector->setPreset(kDefaultRange);
    }
    const QString end = displayLocale().toString(QDateTime::fromMSecsSinceEpoch(data.toMs, Qt::UTC),
                                                 QStringLiteral("d MMM yyyy HH:mm"));
    QString text;
    switch (data.openedOnRecordedTraffic ? m_controller->query().range : MonitorRange::All) {
    case MonitorRange::LastHour:
        text = tr("No traffic in the last hour; showing the last recorded hour, to %1 UTC").arg(end);
        break;
    case MonitorRange::LastDay:
        text = tr("No traffic in the last 24 hours; showing the last recorded day, to %1 UTC").arg(end);
        break;
    case MonitorRange::LastWeek:
        text = tr("No traffic in the last 7 days; showing the last recorded 7 days, to %1 UTC").arg(end);
        break;
    case MonitorRange::Last30Days:
        text = tr("No traffic in the last 30 days; showing the last recorded 30 days, to %1 UTC").arg(end);
        break;
    case MonitorRange::All:
    case MonitorRange::Custom: break;
    }
    m_rangeNotice->setText(text);
    m_rangeNotice->setVisible(!text.isEmpty());
}

QString MonitorPage::rangeNoticeText() const
{
    return m_rangeNotice->isVisibleTo(this) ? m_rangeNotice->text() : QString();
}

void MonitorPage::reload()
{
    m_debounce.stop();
    m_controller->setQuery(currentQuery());
    m_controller->reload();
}

void MonitorPage::onLoaded()
{
    const MonitorData &data = m_controller->data();
    updateFilterChoices();
    if (!data.error.isEmpty())
        ui->statusLabel->setText(tr("Could not read the traffic history: %1").arg(data.error));
    if (!data.hasTraffic) {
        ui->stack->setCurrentWidget(ui->emptyPage);
        ui->importToggle->setChecked(m_hasHistory); // the way out of the empty state
        Q_EMIT refreshed();
        return;
    }
    ui->stack->setCurrentWidget(ui->chartsScroll);
    showRecordedRange();
    const auto fmt = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    if (data.error.isEmpty()) {
        QString status =
            tr("%1 – %2 UTC, %3 buckets").arg(fmt(data.fromMs), fmt(data.toMs), resolutionWord(data.resolution));
        if (!data.rangeHasTraffic)
            status += QStringLiteral(" – ")
                      + tr("no traffic in this range; the newest recorded traffic ends %1 UTC")
                            .arg(fmt(data.newestTrafficMs));
        else if (data.cost.isEmpty())
            status += QStringLiteral(" – ") + tr("no traffic in this range matches the filters");
        ui->statusLabel->setText(status);
    }
    applyDashboard();
    const qint64 unit = gw::resolutionMs(data.resolution);
    for (MonitorChartView *view : m_views)
        view->setTimeRange(data.fromMs, data.toMs, unit);
    m_views[Chart::Errors]->setThreshold(data.failoverThreshold, data.failoverEnabled
                                                                     ? tr("Failover threshold")
                                                                     : tr("Failover threshold (failover off)"));
    for (MonitorChartView *view : m_views)
        view->redraw();
    updateNotes();
    Q_EMIT refreshed();
}

void MonitorPage::updateFilterChoices()
{
    const gw::MonitorDimensions &d = m_controller->data().dimensions;
    auto refill = [](QComboBox *combo, const QStringList &values) {
        const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
        const QSignalBlocker block(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        combo->addItems(values);
        const int at = current.isEmpty() ? 0 : int(values.indexOf(current)) + 1;
        combo->setCurrentIndex(std::max(at, 0)); // a value gone from the store: back to "all"
    };
    refill(ui->modelCombo, d.models);
    refill(ui->providerCombo, d.providers);
}

void MonitorPage::updateNotes()
{
    const MonitorData &data = m_controller->data();
    m_notes[Chart::Cost]->setText(
        tr("Dark: cost the gateway reported; light: estimated from the catalog price table."));
    m_notes[Chart::Errors]->setText(
        tr("Failover threshold %1 % (from the draft). The rate is drawn only for intervals of at least %n "
           "requests: one failed request of one is not a 100 % error rate.",
           nullptr, int(gw::kMinRequestsForRate))
            .arg(formatDecimal(100 * data.failoverThreshold, 1))
        + UsagePullPanel::errorChartNote(data.errors));
    m_notes[Chart::Latency]->setText(tr("Percentiles from bucket histograms, within about 19% of the exact value."));
    QString shareStyle;
    m_notes[Chart::Share]->setText(
        targetSourceNote(&shareStyle) + QLatin1Char(' ')
        + tr("Failover boosts are not replayed. The gateway and provider filters do not apply."));
    m_notes[Chart::Share]->setStyleSheet(shareStyle);
    QStringList totals;
    for (const gw::Gateway g : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        const gw::CounterfactualTotal &t = data.counterfactual[gw::gatewayIndex(g)];
        if (t.requests == 0)
            continue;
        const gw::Gateway other = g == gw::Gateway::Vercel ? gw::Gateway::OpenRouter : gw::Gateway::Vercel;
        if (t.otherGatewayUsd == 0
            && t.actualUsdPriced == 0) // no catalog price (or no Vercel id) for any of its models
            totals.append(tr("%1 traffic cost %2; none of its models has a price on %3.")
                              .arg(gw::gatewayDisplayName(g), usd(t.actualUsd), gw::gatewayDisplayName(other)));
        else
            totals.append(tr("%1 traffic cost %2; the models priced on %3 cost %4 there instead of %5.")
                              .arg(gw::gatewayDisplayName(g), usd(t.actualUsd), gw::gatewayDisplayName(other),
                                   usd(t.otherGatewayUsd), usd(t.actualUsdPriced)));
    }
    m_notes[Chart::CostPerMtok]->setText(totals.join(QLatin1Char(' ')));

    QStringList balances;
    bool warn = false;
    for (const gw::Gateway g : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        const int i = gw::gatewayIndex(g);
        const std::optional<gw::net::Balance> &b = data.balance[i];
        QString line = gw::gatewayDisplayName(g) + QStringLiteral(": ");
        if (!b)
            line += tr("balance unknown (not connected)");
        else if (!b->remainingUsd)
            line += tr("no credit limit, %1 spent").arg(usd(b->usedUsd));
        else
            line += tr("%1 left").arg(usd(*b->remainingUsd));
        if (data.burn[i].toMs)
            line +=
                QStringLiteral(", ") + tr("burning %1/day (last 7 days of traffic)").arg(usd(data.burn[i].usdPerDay));
        if (data.runway[i].days)
            line += QStringLiteral(", ") + tr("runway %1 days").arg(formatDecimal(*data.runway[i].days, 1));
        if (data.runway[i].warn) {
            line += QStringLiteral(" ⚠ ") + tr("about to run dry");
            warn = true;
        }
        balances.append(line);
    }
    m_notes[Chart::Balances]->setText(balances.join(QLatin1Char('\n')));
    m_notes[Chart::Balances]->setStyleSheet(warn ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
}

bool MonitorPage::showsEmptyState() const
{
    return ui->stack->currentWidget() == ui->emptyPage;
}

QString MonitorPage::statusText() const
{
    return ui->statusLabel->text();
}

QString MonitorPage::noteText(MonitorController::Chart chart) const
{
    return m_notes[chart]->text();
}

void MonitorPage::exportPng(MonitorController::Chart chart)
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart as PNG"), QString(), tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !m_views[chart]->exportPng(path, &error))
        QMessageBox::warning(this, tr("Export PNG"), tr("Could not write %1: %2").arg(path, error));
}

void MonitorPage::exportCsv(MonitorController::Chart chart)
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart data as CSV"), QString(), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !m_views[chart]->exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace gw::app
