#include "planner/planner_leaderboard_controller.h"

#include "common/draft_document.h"
#include "common/number_format.h"

#include "history_store.h"

#include <QFileInfo>
#include <QSettings>
#include <QtConcurrent>

namespace gw::app {

namespace {

QString percent(double value)
{
    return formatDecimal(value, 3) + QLatin1Char('%');
}

} // namespace

// Everything one computation produces; built on a worker thread from copies of the inputs.
struct PlannerLeaderboardController::Computed {
    QStringList problems;
    std::optional<gw::LeaderboardPlan> plan;
    std::optional<gw::DefaultShareProposal> proposal;
    std::optional<gw::ShareReach> reach; // only with recorded traffic
};

PlannerLeaderboardController::PlannerLeaderboardController(DraftDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_constraints(new LeaderboardConstraintModel(this))
    , m_imports(new LeaderboardImportModel(this))
    , m_trafficStatus(tr("No recorded traffic loaded: every token counts as movable."))
{
    m_inputs.marginPercent = 10;
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &PlannerLeaderboardController::recompute);
    connect(m_document, &DraftDocument::changed, this, &PlannerLeaderboardController::scheduleRecompute);
    scheduleRecompute();
}

void PlannerLeaderboardController::setHistory(std::shared_ptr<gw::store::HistoryStore> history)
{
    m_history = std::move(history);
    Q_EMIT stateChanged();
}

void PlannerLeaderboardController::setInputs(const gw::LeaderboardInputs &inputs)
{
    m_inputs = inputs;
    m_inputs.reach = {};
    if (m_useRecorded && m_usage)
        takeRecordedVolume();
    Q_EMIT inputsChanged();
    scheduleRecompute();
}

void PlannerLeaderboardController::setScope(gw::DefaultShareScope scope)
{
    if (m_scope == scope)
        return;
    m_scope = scope;
    Q_EMIT inputsChanged();
    scheduleRecompute();
}

void PlannerLeaderboardController::takeRecordedVolume()
{
    m_inputs.ourTokensPerDay = m_recordedTokensPerDay;
    m_inputs.ourSpendPerDayUsd = m_recordedSpendPerDay;
}

void PlannerLeaderboardController::setUseRecordedVolume(bool on)
{
    m_useRecorded = on;
    if (on && m_usage)
        takeRecordedVolume();
    else if (on && m_history && !isLoadingTraffic())
        loadRecordedTraffic(); // nothing loaded yet: the volume follows once it is read
    Q_EMIT inputsChanged();
    scheduleRecompute();
}

std::optional<gw::ShareReach> PlannerLeaderboardController::recordedReach() const
{
    return m_usage ? m_reach : std::nullopt;
}

void PlannerLeaderboardController::setTrafficStatus(const QString &status)
{
    m_trafficStatus = status;
    Q_EMIT trafficStatusChanged(status);
}

void PlannerLeaderboardController::rangeChanged()
{
    if (m_usage) // the figures shown are still those of the previous range
        setTrafficStatus(tr("The range changed: load the recorded traffic again to use it."));
}

void PlannerLeaderboardController::loadRecordedTraffic()
{
    if (!m_history)
        return;
    const gw::TimeRange range = m_rangeSource ? m_rangeSource() : gw::TimeRange{};
    const auto at = [](const std::optional<qint64> &ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
    };
    setTrafficStatus(tr("Reading recorded traffic…"));
    m_loading.run(m_history->trafficKeyUsage(at(range.fromMs), at(range.toMs)),
                  [this, range](const gw::Outcome<QList<gw::TrafficKeyUsage>> &read) {
                      Q_EMIT stateChanged();
                      if (!read.ok()) {
                          setTrafficStatus(tr("Could not read the recorded traffic: %1").arg(read.error));
                          Q_EMIT recordedTrafficLoaded(false);
                          return;
                      }
                      // Per day over the days of the range asked for, as gatewayctl plan-leaderboard counts.
                      const gw::DailyVolume daily = gw::dailyVolume(read.value, range);
                      m_recordedTokensPerDay = daily.tokensPerDay;
                      m_recordedSpendPerDay = daily.spendPerDayUsd;
                      m_usage = std::make_shared<const QList<gw::TrafficKeyUsage>>(read.value);
                      setTrafficStatus(read.value.isEmpty()
                                           ? tr("No traffic recorded in this range.")
                                           : tr("%1 tokens and %2 USD per day over the range's %3 days.")
                                                 .arg(formatDecimal(m_recordedTokensPerDay, 0),
                                                      formatDecimal(m_recordedSpendPerDay, 2),
                                                      formatDecimal(daily.days, 2)));
                      if (m_useRecorded) {
                          takeRecordedVolume();
                          Q_EMIT inputsChanged();
                      }
                      scheduleRecompute();
                      Q_EMIT recordedTrafficLoaded(true);
                  });
    Q_EMIT stateChanged(); // loading: the Load button waits
}

bool PlannerLeaderboardController::importLeaderboard(gw::Gateway gateway, const QString &path)
{
    const QSettings settings;
    const gw::OurAppIdentity us{
        settings.value(QStringLiteral("attribution/title"), QStringLiteral("Gateway Console")).toString(),
        settings.value(QStringLiteral("attribution/referer")).toString()};
    const gw::LeaderboardImport imported = gw::importLeaderboardFile(gateway, path, us);
    const QString file = QFileInfo(path).fileName();
    m_importFailed = !imported.ok();
    if (m_importFailed) {
        m_importStatus = tr("Could not import %1:\n%2").arg(file, gw::joinDiagnostics(imported.problems));
        Q_EMIT importStatusChanged();
        return false;
    }
    m_imports->setRows(gateway, imported.rows);
    const QString ourRank =
        imported.ourRank ? tr("we rank %1").arg(formatCount(*imported.ourRank)) : tr("we are not listed");
    const auto named = [](const std::optional<gw::LeaderboardRow> &row) {
        return row ? tr("%1 (rank %2)").arg(row->name, formatCount(row->rank)) : tr("none");
    };
    QStringList lines;
    if (gateway == gw::Gateway::OpenRouter) {
        if (const std::optional<gw::LeaderboardRow> &top = imported.strongestCompetitor) {
            if (top->totalTokens) {
                m_inputs.openrouterCompetitorTokens = *top->totalTokens;
                Q_EMIT inputsChanged();
                scheduleRecompute();
            }
            lines.append(tr("OpenRouter (%1): strongest other app %2 (rank %3, %4 tokens); %5.")
                             .arg(file, top->name, formatCount(top->rank),
                                  formatDecimal(top->totalTokens.value_or(0), 0), ourRank));
        }
    } else {
        // Vercel's export names who ranks first but has no volumes: those stay typed in.
        lines.append(tr("Vercel (%1): strongest other app by tokens %2, by spend %3; %4. Type their daily volumes.")
                         .arg(file, named(imported.strongestCompetitor), named(imported.strongestBySpend), ourRank));
    }
    if (!imported.problems.isEmpty())
        lines.append(gw::joinDiagnostics(imported.problems));
    m_importStatus = lines.join(QLatin1Char('\n'));
    Q_EMIT importStatusChanged();
    return true;
}

void PlannerLeaderboardController::scheduleRecompute()
{
    m_computation.cancel(); // a computation already running is now stale
    Q_EMIT applicableChanged(false);
    m_debounce.start();
}

void PlannerLeaderboardController::recompute()
{
    const gw::LeaderboardInputs typed = m_inputs;
    const gw::DefaultShareScope scope = m_scope;
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

void PlannerLeaderboardController::show(const Computed &computed)
{
    m_problems = computed.problems;
    m_plan = computed.plan;
    m_proposal = computed.proposal;
    m_reach = computed.reach;
    if (m_plan)
        m_constraints->setPlan(*m_plan);
    else
        m_constraints->clear();
    describePlan();
    Q_EMIT planUpdated();
    Q_EMIT applicableChanged(canApply());
}

// The sentences the page shows for the plan just computed.
void PlannerLeaderboardController::describePlan()
{
    m_headline.clear();
    m_rangeText.clear();
    m_defaultsText.clear();
    m_problemText.clear();
    const bool untouched = m_inputs.ourTokensPerDay == 0 && m_inputs.openrouterCompetitorTokens == 0
                           && m_inputs.vercelCompetitorTokens == 0;
    if (!m_problems.isEmpty() && untouched) {
        // A fresh page is not an error: say what to fill in instead of listing every empty field in red.
        m_rangeText = tr("Enter our tokens per day (or take them from recorded traffic) and the strongest other "
                         "app's tokens on each gateway (typed, or imported from a saved rankings file).");
    } else if (!m_problems.isEmpty()) {
        m_problemText = m_problems.join(QLatin1Char('\n'));
    } else if (m_plan) {
        const gw::LeaderboardPlan &plan = *m_plan;
        const QString withoutMargin = plan.feasibleWithoutMargin ? tr("without the margin: %1 – %2")
                                                                       .arg(percent(plan.lowWithoutMarginPercent),
                                                                            percent(plan.highWithoutMarginPercent))
                                                                 : tr("infeasible even without the margin");
        if (plan.feasible) {
            m_headline = tr("Minimal Vercel share: %1 of all tokens").arg(percent(plan.minimalPercent));
            m_rangeText = tr("Feasible range: %1 – %2 (%3).")
                              .arg(percent(plan.lowPercent), percent(plan.highPercent), withoutMargin);
        } else {
            m_headline = tr("No Vercel share keeps us first on both leaderboards.");
            m_rangeText = tr("Needed at least %1, allowed at most %2 (%3).")
                              .arg(percent(plan.lowPercent), percent(plan.highPercent), withoutMargin);
            m_problemText = plan.explanation; // names the colliding bounds and the shortfall
        }
        const QString reach =
            m_reach ? tr("Recorded traffic: %1 on Vercel whatever the default share, up to %2 more through it "
                         "(the draft's rules count only while in force, as if the traffic began now).")
                          .arg(percent(m_reach->fixedVercelPercent), percent(m_reach->eligiblePercent))
                    : tr("No recorded traffic loaded: every token is assumed to follow the default share.");
        if (m_proposal) {
            const gw::DefaultShareProposal &p = *m_proposal;
            m_defaultsText = tr("Default shares: paid %1, free %2; Vercel then gets %3 of the recorded tokens. %4")
                                 .arg(percent(p.defaultSharePaidPercent), percent(p.defaultShareFreePercent),
                                      percent(p.achievedPercent), reach);
            if (!p.reachable)
                m_problemText =
                    tr("The default shares cannot reach %1: the rest of the traffic is pinned or not on Vercel.")
                        .arg(percent(p.targetPercent));
        } else {
            m_defaultsText = reach;
        }
    }
}

QString PlannerLeaderboardController::resultText() const
{
    return QStringList{m_headline, m_rangeText, m_defaultsText}.join(QLatin1Char('\n'));
}

bool PlannerLeaderboardController::canApply() const
{
    return m_plan && m_plan->feasible && m_proposal && m_proposal->reachable;
}

bool PlannerLeaderboardController::applyToDraft()
{
    if (!canApply())
        return false;
    const gw::DefaultShareProposal p = *m_proposal;
    m_document->apply(gw::withDefaultShares(m_document->config(), p.defaultSharePaidPercent, p.defaultShareFreePercent),
                      tr("Leaderboard plan: default shares %1 / %2")
                          .arg(percent(p.defaultSharePaidPercent), percent(p.defaultShareFreePercent)));
    return true;
}

} // namespace gw::app
