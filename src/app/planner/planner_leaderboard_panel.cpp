#include "planner/planner_leaderboard_panel.h"

#include "common/draft_document.h"
#include "common/when_ready.h"
#include "planner/planner_margin_chart.h"
#include "common/time_range_selector.h"

#include "history_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <limits>

namespace gwapp {

namespace {


QString percent(double value)
{
    return QString::number(value, 'f', 3) + QLatin1Char('%');
}

QDoubleSpinBox *volumeSpinBox(QWidget *parent, int decimals)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1e15);
    box->setDecimals(decimals);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

// Everything one computation produces; built on a worker thread from copies of the inputs.
struct PlannerLeaderboardPanel::Computed {
    QStringList problems;
    std::optional<gw::LeaderboardPlan> plan;
    std::optional<gw::DefaultShareProposal> proposal;
    std::optional<gw::ShareReach> reach; // only with recorded traffic
};

PlannerLeaderboardPanel::PlannerLeaderboardPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_range(new TimeRangeSelector(this))
    , m_fromRecorded(new QCheckBox(tr("From recorded traffic"), this))
    , m_loadTraffic(new QPushButton(tr("Load recorded traffic"), this))
    , m_trafficLabel(new QLabel(tr("No recorded traffic loaded: every token counts as movable."), this))
    , m_ourTokens(volumeSpinBox(this, 0))
    , m_ourSpend(volumeSpinBox(this, 2))
    , m_openrouterCompetitor(volumeSpinBox(this, 0))
    , m_vercelCompetitorTokens(volumeSpinBox(this, 0))
    , m_vercelCompetitorSpend(volumeSpinBox(this, 2))
    , m_metric(new QComboBox(this))
    , m_margin(new QDoubleSpinBox(this))
    , m_scope(new QComboBox(this))
    , m_importLabel(new QLabel(this))
    , m_rangeLabel(new QLabel(this))
    , m_minimalLabel(new QLabel(this))
    , m_defaultLabel(new QLabel(this))
    , m_problemLabel(new QLabel(this))
    , m_chart(new PlannerMarginChart(this))
    , m_apply(new QPushButton(tr("Apply to draft"), this))
{
    m_metric->addItem(tr("Tokens"), int(gw::LeaderboardMetric::Tokens));
    m_metric->addItem(tr("Spend"), int(gw::LeaderboardMetric::Spend));
    m_metric->addItem(tr("Tokens and spend"), int(gw::LeaderboardMetric::Both));
    m_scope->addItem(tr("Paid and free default shares"), int(gw::DefaultShareScope::Both));
    m_scope->addItem(tr("Paid default share only"), int(gw::DefaultShareScope::PaidOnly));
    m_scope->addItem(tr("Free default share only"), int(gw::DefaultShareScope::FreeOnly));
    m_margin->setRange(0, 1000);
    m_margin->setDecimals(1);
    m_margin->setSuffix(QStringLiteral(" %"));
    m_margin->setValue(10);
    for (QLabel *label : {m_trafficLabel, m_importLabel, m_rangeLabel, m_minimalLabel, m_defaultLabel, m_problemLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_problemLabel->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_minimalLabel->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold;"));

    auto *importOpenRouter = new QPushButton(tr("Import…"), this);
    auto *importVercel = new QPushButton(tr("Import…"), this);
    const auto withButton = [this](QWidget *field, QWidget *button) {
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(field, 1);
        layout->addWidget(button);
        return row;
    };

    auto *inputs = new QGroupBox(tr("Inputs (per day)"), this);
    auto *form = new QFormLayout(inputs);
    form->addRow(tr("Recorded traffic:"), withButton(m_range, m_loadTraffic));
    form->addRow(QString(), m_trafficLabel);
    form->addRow(tr("Our tokens:"), withButton(m_ourTokens, m_fromRecorded));
    form->addRow(tr("Our spend (USD):"), m_ourSpend);
    form->addRow(tr("OpenRouter: strongest other app, tokens:"), withButton(m_openrouterCompetitor, importOpenRouter));
    form->addRow(tr("Vercel: strongest other app, tokens:"), withButton(m_vercelCompetitorTokens, importVercel));
    form->addRow(tr("Vercel: strongest other app, spend (USD):"), m_vercelCompetitorSpend);
    form->addRow(QString(), m_importLabel);
    form->addRow(tr("Vercel ranks us by:"), m_metric);
    form->addRow(tr("Safety margin:"), m_margin);
    form->addRow(tr("Change:"), m_scope);

    auto *outputs = new QGroupBox(tr("Plan"), this);
    auto *outputLayout = new QVBoxLayout(outputs);
    outputLayout->addWidget(m_minimalLabel);
    outputLayout->addWidget(m_rangeLabel);
    outputLayout->addWidget(m_defaultLabel);
    outputLayout->addWidget(m_problemLabel);
    outputLayout->addWidget(m_chart, 1);
    outputLayout->addWidget(m_apply, 0, Qt::AlignRight);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(inputs, 2);
    layout->addWidget(outputs, 3);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &PlannerLeaderboardPanel::recompute);
    for (QDoubleSpinBox *box : {m_ourTokens, m_ourSpend, m_openrouterCompetitor, m_vercelCompetitorTokens, m_vercelCompetitorSpend, m_margin})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlannerLeaderboardPanel::scheduleRecompute);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &PlannerLeaderboardPanel::scheduleRecompute);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &PlannerLeaderboardPanel::scheduleRecompute);
    connect(m_fromRecorded, &QCheckBox::toggled, this, &PlannerLeaderboardPanel::setUseRecordedVolume);
    connect(m_document, &DraftDocument::changed, this, &PlannerLeaderboardPanel::scheduleRecompute);
    connect(m_loadTraffic, &QPushButton::clicked, this, &PlannerLeaderboardPanel::loadRecordedTraffic);
    connect(m_range, &TimeRangeSelector::rangeChanged, this, [this] {
        if (m_usage) // the figures shown are still those of the previous range
            m_trafficLabel->setText(tr("The range changed: load the recorded traffic again to use it."));
    });
    connect(importOpenRouter, &QPushButton::clicked, this, [this] { chooseImportFile(gw::Gateway::OpenRouter); });
    connect(importVercel, &QPushButton::clicked, this, [this] { chooseImportFile(gw::Gateway::Vercel); });
    connect(m_apply, &QPushButton::clicked, this, &PlannerLeaderboardPanel::applyToDraft);
    setHistory(nullptr);
    scheduleRecompute();
}

PlannerLeaderboardPanel::~PlannerLeaderboardPanel() = default;

void PlannerLeaderboardPanel::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = history;
    m_loadTraffic->setEnabled(history != nullptr);
    m_fromRecorded->setEnabled(history != nullptr);
}

void PlannerLeaderboardPanel::setTypedInputs(const gw::LeaderboardInputs &inputs)
{
    m_fromRecorded->setChecked(false);
    m_ourTokens->setValue(inputs.ourTokensPerDay);
    m_ourSpend->setValue(inputs.ourSpendPerDayUsd);
    m_openrouterCompetitor->setValue(inputs.openrouterCompetitorTokens);
    m_vercelCompetitorTokens->setValue(inputs.vercelCompetitorTokens);
    m_vercelCompetitorSpend->setValue(inputs.vercelCompetitorSpendUsd);
    m_metric->setCurrentIndex(m_metric->findData(int(inputs.metric)));
    m_margin->setValue(inputs.marginPercent);
    scheduleRecompute();
}

void PlannerLeaderboardPanel::setScope(gw::DefaultShareScope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void PlannerLeaderboardPanel::setUseRecordedVolume(bool on)
{
    if (m_fromRecorded->isChecked() != on)
        m_fromRecorded->setChecked(on); // comes back here through toggled()
    m_ourTokens->setReadOnly(on);
    m_ourSpend->setReadOnly(on);
    if (on && m_usage) {
        m_ourTokens->setValue(m_recordedTokensPerDay);
        m_ourSpend->setValue(m_recordedSpendPerDay);
    } else if (on && m_history && m_loadTraffic->isEnabled()) {
        loadRecordedTraffic(); // nothing loaded yet: the volume follows once it is read
    }
    scheduleRecompute();
}

std::optional<gw::ShareReach> PlannerLeaderboardPanel::recordedReach() const
{
    return m_usage ? m_reach : std::nullopt;
}

void PlannerLeaderboardPanel::loadRecordedTraffic()
{
    if (!m_history)
        return;
    m_loadTraffic->setEnabled(false);
    m_trafficLabel->setText(tr("Reading recorded traffic…"));
    const gw::TimeRange range = m_range->range();
    const auto at = [](const std::optional<qint64> &ms) { return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime(); };
    whenReady(this, m_history->trafficKeyUsage(at(range.fromMs), at(range.toMs)),
              [this, range](const gw::store::Outcome<QList<gw::TrafficKeyUsage>> &read) {
        m_loadTraffic->setEnabled(m_history != nullptr);
        if (!read.ok()) {
            m_trafficLabel->setText(tr("Could not read the recorded traffic: %1").arg(read.error));
            Q_EMIT recordedTrafficLoaded(false);
            return;
        }
        // Per day over the days of the range asked for, as gatewayctl plan-leaderboard counts.
        const gw::DailyVolume daily = gw::dailyVolume(read.value, range);
        const double days = daily.days;
        m_recordedTokensPerDay = daily.tokensPerDay;
        m_recordedSpendPerDay = daily.spendPerDayUsd;
        m_usage = std::make_shared<const QList<gw::TrafficKeyUsage>>(read.value);
        m_trafficLabel->setText(read.value.isEmpty()
                                    ? tr("No traffic recorded in this range.")
                                    : tr("%1 tokens and %2 USD per day over the range's %3 days.")
                                          .arg(QString::number(m_recordedTokensPerDay, 'f', 0),
                                               QString::number(m_recordedSpendPerDay, 'f', 2), QString::number(days, 'f', 2)));
        if (m_fromRecorded->isChecked())
            setUseRecordedVolume(true);
        scheduleRecompute();
        Q_EMIT recordedTrafficLoaded(true);
    });
}

void PlannerLeaderboardPanel::chooseImportFile(gw::Gateway gateway)
{
    const QString title = gateway == gw::Gateway::OpenRouter ? tr("Import OpenRouter app rankings")
                                                             : tr("Import Vercel leaderboard export");
    const QString path = QFileDialog::getOpenFileName(this, title, QString(), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importLeaderboard(gateway, path);
}

bool PlannerLeaderboardPanel::importLeaderboard(gw::Gateway gateway, const QString &path)
{
    const QSettings settings;
    const gw::OurAppIdentity us{settings.value(QStringLiteral("attribution/title"), QStringLiteral("Gateway Console")).toString(),
                                settings.value(QStringLiteral("attribution/referer")).toString()};
    // A saved rankings file is a few kilobytes: reading it here stays far below a frame.
    const gw::LeaderboardImport imported = gw::importLeaderboardFile(gateway, path, us);
    const QString file = QFileInfo(path).fileName();
    if (!imported.ok()) {
        m_importLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_importLabel->setText(tr("Could not import %1:\n%2").arg(file, gw::joinDiagnostics(imported.problems)));
        return false;
    }
    m_importLabel->setStyleSheet(QString());
    const QString ourRank = imported.ourRank ? tr("we rank %1").arg(*imported.ourRank) : tr("we are not listed");
    QStringList lines;
    if (gateway == gw::Gateway::OpenRouter) {
        if (imported.strongestCompetitor) {
            const gw::LeaderboardRow &top = *imported.strongestCompetitor;
            if (top.totalTokens)
                m_openrouterCompetitor->setValue(*top.totalTokens);
            lines.append(tr("OpenRouter (%1): strongest other app %2 (rank %3, %4 tokens); %5.")
                             .arg(file, top.name)
                             .arg(top.rank)
                             .arg(QString::number(top.totalTokens.value_or(0), 'f', 0), ourRank));
        }
    } else {
        // Vercel's export names who ranks first but has no volumes: those stay typed in.
        const QString byTokens = imported.strongestCompetitor ? tr("%1 (rank %2)").arg(imported.strongestCompetitor->name).arg(imported.strongestCompetitor->rank) : tr("none");
        const QString bySpend = imported.strongestBySpend ? tr("%1 (rank %2)").arg(imported.strongestBySpend->name).arg(imported.strongestBySpend->rank) : tr("none");
        lines.append(tr("Vercel (%1): strongest other app by tokens %2, by spend %3; %4. Type their daily volumes.")
                         .arg(file, byTokens, bySpend, ourRank));
    }
    if (!imported.problems.isEmpty())
        lines.append(gw::joinDiagnostics(imported.problems));
    m_importLabel->setText(lines.join(QLatin1Char('\n')));
    return true;
}

gw::LeaderboardInputs PlannerLeaderboardPanel::inputs() const
{
    gw::LeaderboardInputs in;
    in.ourTokensPerDay = m_ourTokens->value();
    in.ourSpendPerDayUsd = m_ourSpend->value();
    in.openrouterCompetitorTokens = m_openrouterCompetitor->value();
    in.vercelCompetitorTokens = m_vercelCompetitorTokens->value();
    in.vercelCompetitorSpendUsd = m_vercelCompetitorSpend->value();
    in.metric = gw::LeaderboardMetric(m_metric->currentData().toInt());
    in.marginPercent = m_margin->value();
    return in;
}

void PlannerLeaderboardPanel::scheduleRecompute()
{
    m_computation.cancel(); // a computation already running is now stale
    m_apply->setEnabled(false);
    m_debounce.start();
}

void PlannerLeaderboardPanel::recompute()
{
    const gw::LeaderboardInputs typed = inputs();
    const auto scope = gw::DefaultShareScope(m_scope->currentData().toInt());
    const gw::RoutingConfig draft = m_document->config();
    const std::shared_ptr<const QList<gw::TrafficKeyUsage>> usage = m_usage;
    // Deciding every recorded row with the draft takes a router call per row: not for the GUI thread.
    const QFuture<Computed> future = QtConcurrent::run([typed, scope, draft, usage] {
        Computed out;
        gw::EligibleTraffic traffic;
        if (usage) {
            traffic = gw::eligibleTraffic(*usage, draft);
            out.reach = traffic.reach(scope);
        } else {
            traffic.draftPaidMilli = gw::shareToMilli(draft.defaultSharePaid);
            traffic.draftFreeMilli = gw::shareToMilli(draft.defaultShareFree);
        }
        gw::LeaderboardInputs inputs = typed;
        inputs.reach = out.reach.value_or(gw::ShareReach{});
        out.problems = gw::validateLeaderboardInputs(inputs);
        if (!out.problems.isEmpty())
            return out;
        out.plan = gw::planLeaderboard(inputs);
        if (out.plan->feasible)
            out.proposal = gw::proposeDefaultShares(traffic, out.plan->minimalPercent, scope);
        return out;
    });
    m_computation.run(future, [this](const Computed &computed) { show(computed); });
}

void PlannerLeaderboardPanel::show(const Computed &computed)
{
    m_problems = computed.problems;
    m_plan = computed.plan;
    m_proposal = computed.proposal;
    m_reach = computed.reach;
    m_rangeLabel->clear();
    m_minimalLabel->clear();
    m_defaultLabel->clear();
    m_problemLabel->clear();

    const gw::LeaderboardInputs typed = inputs();
    const bool untouched = typed.ourTokensPerDay == 0 && typed.openrouterCompetitorTokens == 0 && typed.vercelCompetitorTokens == 0;
    if (!m_problems.isEmpty() && untouched) {
        // A fresh page is not an error: say what to fill in instead of listing every empty field in red.
        m_rangeLabel->setText(tr("Enter our tokens per day (or take them from recorded traffic) and the strongest other "
                                 "app's tokens on each gateway (typed, or imported from a saved rankings file)."));
    } else if (!m_problems.isEmpty()) {
        m_problemLabel->setText(m_problems.join(QLatin1Char('\n')));
    } else if (m_plan) {
        const gw::LeaderboardPlan &plan = *m_plan;
        const QString withoutMargin = plan.feasibleWithoutMargin
                                          ? tr("without the margin: %1 – %2").arg(percent(plan.lowWithoutMarginPercent), percent(plan.highWithoutMarginPercent))
                                          : tr("infeasible even without the margin");
        if (plan.feasible) {
            m_minimalLabel->setText(tr("Minimal Vercel share: %1 of all tokens").arg(percent(plan.minimalPercent)));
            m_rangeLabel->setText(tr("Feasible range: %1 – %2 (%3).").arg(percent(plan.lowPercent), percent(plan.highPercent), withoutMargin));
        } else {
            m_minimalLabel->setText(tr("No Vercel share keeps us first on both leaderboards."));
            m_rangeLabel->setText(tr("Needed at least %1, allowed at most %2 (%3).").arg(percent(plan.lowPercent), percent(plan.highPercent), withoutMargin));
            m_problemLabel->setText(plan.explanation); // names the colliding bounds and the shortfall
        }
        const QString reach = m_reach ? tr("Recorded traffic: %1 on Vercel whatever the default share, up to %2 more through it "
                                               "(the draft's rules count only while in force, as if the traffic began now).")
                                            .arg(percent(m_reach->fixedVercelPercent), percent(m_reach->eligiblePercent))
                                      : tr("No recorded traffic loaded: every token is assumed to follow the default share.");
        if (m_proposal) {
            const gw::DefaultShareProposal &p = *m_proposal;
            m_defaultLabel->setText(tr("Default shares: paid %1, free %2; Vercel then gets %3 of the recorded tokens. %4")
                                        .arg(percent(p.defaultSharePaidPercent), percent(p.defaultShareFreePercent), percent(p.achievedPercent), reach));
            if (!p.reachable)
                m_problemLabel->setText(tr("The default shares cannot reach %1: the rest of the traffic is pinned or not on Vercel.").arg(percent(p.targetPercent)));
        } else {
            m_defaultLabel->setText(reach);
        }
    }
    m_chart->showPlan(m_plan, m_proposal ? std::optional<double>(m_proposal->achievedPercent) : std::nullopt);
    m_apply->setEnabled(canApply());
    Q_EMIT planUpdated();
}

QString PlannerLeaderboardPanel::resultText() const
{
    return QStringList{m_minimalLabel->text(), m_rangeLabel->text(), m_defaultLabel->text()}.join(QLatin1Char('\n'));
}

QString PlannerLeaderboardPanel::problemText() const
{
    return m_problemLabel->text();
}

QString PlannerLeaderboardPanel::importText() const
{
    return m_importLabel->text();
}

bool PlannerLeaderboardPanel::canApply() const
{
    return m_plan && m_plan->feasible && m_proposal && m_proposal->reachable;
}

int PlannerLeaderboardPanel::chartSeriesCount() const
{
    return m_chart->seriesCount();
}

bool PlannerLeaderboardPanel::applyToDraft()
{
    if (!canApply())
        return false;
    const gw::DefaultShareProposal &p = *m_proposal;
    m_document->apply(gw::withDefaultShares(m_document->config(), p.defaultSharePaidPercent, p.defaultShareFreePercent),
                      tr("Leaderboard plan: default shares %1 / %2").arg(percent(p.defaultSharePaidPercent), percent(p.defaultShareFreePercent)));
    return true;
}

} // namespace gwapp
