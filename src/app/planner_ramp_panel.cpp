#include "planner_ramp_panel.h"

#include "draft_document.h"
#include "planner_async.h"

#include "history_store.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace gwapp {

namespace {

enum GateColumn { GateName, VercelValue, OpenRouterValue, Limit, ZValue, PValue, Outcome, GateColumnCount };

// Minute buckets up to three days (the monitor's choice too), hour buckets beyond: a 30-day
// window in minutes would be tens of thousands of rows per model for no better verdict.
constexpr int kMinuteBucketsUpToMinutes = 3 * 1440;

QString num(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

PlannerRampPanel::PlannerRampPanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scope(new QComboBox(this))
    , m_steps(new QLineEdit(this))
    , m_currentStep(new QSpinBox(this))
    , m_minRequests(new QSpinBox(this))
    , m_errorMargin(new QDoubleSpinBox(this))
    , m_confidence(new QDoubleSpinBox(this))
    , m_maxTtftWorse(new QDoubleSpinBox(this))
    , m_maxCostWorse(new QDoubleSpinBox(this))
    , m_windowMinutes(new QSpinBox(this))
    , m_planError(new QLabel(this))
    , m_evaluate(new QPushButton(tr("Evaluate"), this))
    , m_verdict(new QLabel(this))
    , m_summary(new QLabel(tr("Evaluate the current step on the recorded traffic of the plan's window."), this))
    , m_volumes(new QLabel(this))
    , m_gates(new QTableWidget(0, GateColumnCount, this))
    , m_advance(new QPushButton(tr("Advance"), this))
    , m_rollBack(new QPushButton(tr("Roll back"), this))
{
    m_scope->setEditable(true);
    m_steps->setPlaceholderText(tr("e.g. 2, 5, 10"));
    m_currentStep->setSpecialValueText(tr("rolled back (0%)"));
    m_minRequests->setRange(1, 1'000'000'000);
    m_errorMargin->setRange(0, 100);
    m_errorMargin->setSuffix(tr(" points"));
    m_confidence->setRange(0.5, 0.9999);
    m_confidence->setDecimals(4);
    m_confidence->setSingleStep(0.01);
    m_maxTtftWorse->setRange(0, 10000);
    m_maxTtftWorse->setSuffix(QStringLiteral(" %"));
    m_maxCostWorse->setRange(0, 10000);
    m_maxCostWorse->setSuffix(QStringLiteral(" %"));
    m_windowMinutes->setRange(1, 366 * 1440);
    m_windowMinutes->setSuffix(tr(" min"));
    m_planError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_planError->setWordWrap(true);
    m_planError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold;"));
    for (QLabel *label : {m_summary, m_volumes}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_gates->setHorizontalHeaderLabels({tr("Gate"), tr("Vercel"), tr("OpenRouter"), tr("Allowed"), tr("z"), tr("p-value"), tr("Result")});
    m_gates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gates->verticalHeader()->hide();
    m_gates->horizontalHeader()->setStretchLastSection(true);

    auto *load = new QPushButton(tr("Load plan…"), this);
    auto *save = new QPushButton(tr("Save plan…"), this);
    auto *planBox = new QGroupBox(tr("Ramp plan"), this);
    auto *form = new QFormLayout(planBox);
    form->addRow(tr("Scope (default or model):"), m_scope);
    form->addRow(tr("Steps (% Vercel):"), m_steps);
    form->addRow(tr("Current step:"), m_currentStep);
    form->addRow(tr("Minimum requests per gateway:"), m_minRequests);
    form->addRow(tr("Error rate margin:"), m_errorMargin);
    form->addRow(tr("Confidence:"), m_confidence);
    form->addRow(tr("TTFT p95 at most worse by:"), m_maxTtftWorse);
    form->addRow(tr("Cost per Mtok at most worse by:"), m_maxCostWorse);
    form->addRow(tr("Window (ending now):"), m_windowMinutes);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(load);
    fileButtons->addWidget(save);
    form->addRow(fileButtons);
    form->addRow(m_planError);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_evaluate);
    actions->addStretch(1);
    actions->addWidget(m_advance);
    actions->addWidget(m_rollBack);
    auto *verdictBox = new QGroupBox(tr("Current step"), this);
    auto *verdictLayout = new QVBoxLayout(verdictBox);
    verdictLayout->addLayout(actions);
    verdictLayout->addWidget(m_verdict);
    verdictLayout->addWidget(m_summary);
    verdictLayout->addWidget(m_volumes);
    verdictLayout->addWidget(m_gates, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(planBox);
    layout->addWidget(verdictBox, 1);

    connect(m_steps, &QLineEdit::textChanged, this, [this] {
        if (const std::optional<gw::RampPlan> p = plan())
            m_currentStep->setMaximum(int(p->stepsPercent.size()) - 1);
    });
    connect(m_document, &DraftDocument::changed, this, &PlannerRampPanel::refreshScopes);
    connect(m_evaluate, &QPushButton::clicked, this, &PlannerRampPanel::evaluate);
    connect(m_advance, &QPushButton::clicked, this, &PlannerRampPanel::advance);
    connect(m_rollBack, &QPushButton::clicked, this, &PlannerRampPanel::rollBack);
    connect(load, &QPushButton::clicked, this, &PlannerRampPanel::chooseLoadFile);
    connect(save, &QPushButton::clicked, this, &PlannerRampPanel::chooseSaveFile);
    refreshScopes();
    setPlan(gw::RampPlan{});
    setHistory(nullptr);
    showEvaluation();
}

void PlannerRampPanel::setHistory(gw::store::HistoryStore *history)
{
    m_history = history;
    m_evaluate->setEnabled(history != nullptr);
}

void PlannerRampPanel::refreshScopes()
{
    const QString current = m_scope->currentText();
    QStringList scopes{QStringLiteral("default")};
    scopes.append(m_document->config().models.keys());
    m_scope->clear();
    m_scope->addItems(scopes);
    m_scope->setEditText(current.isEmpty() ? scopes.first() : current);
}

void PlannerRampPanel::setPlan(const gw::RampPlan &plan)
{
    m_scope->setEditText(plan.scope);
    QStringList steps;
    for (const double step : plan.stepsPercent)
        steps.append(QString::number(step));
    m_steps->setText(steps.join(QStringLiteral(", ")));
    m_currentStep->setRange(-1, std::max(0, int(plan.stepsPercent.size()) - 1));
    m_currentStep->setValue(plan.currentStep);
    m_minRequests->setValue(int(std::min<quint64>(plan.minRequestsPerGateway, 1'000'000'000)));
    m_errorMargin->setValue(plan.errorMarginPoints);
    m_confidence->setValue(plan.confidence);
    m_maxTtftWorse->setValue(plan.maxTtftP95WorsePercent);
    m_maxCostWorse->setValue(plan.maxCostPerMtokWorsePercent);
    m_windowMinutes->setValue(plan.windowMinutes);
    m_planError->clear();
}

std::optional<gw::RampPlan> PlannerRampPanel::plan() const
{
    gw::RampPlan p;
    p.scope = m_scope->currentText().trimmed();
    p.stepsPercent.clear();
    for (const QString &part : m_steps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double step = part.trimmed().remove(QLatin1Char('%')).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        p.stepsPercent.append(step);
    }
    p.currentStep = m_currentStep->value();
    p.minRequestsPerGateway = quint64(m_minRequests->value());
    p.errorMarginPoints = m_errorMargin->value();
    p.confidence = m_confidence->value();
    p.maxTtftP95WorsePercent = m_maxTtftWorse->value();
    p.maxCostPerMtokWorsePercent = m_maxCostWorse->value();
    p.windowMinutes = m_windowMinutes->value();
    // The plan file's own validation (ranges, increasing steps, a step index that exists), so the
    // form and a file accept exactly the same plans.
    const gw::RampPlanLoadResult checked = gw::loadRampPlan(gw::rampPlanBytes(p), tr("ramp plan form"));
    return checked.plan;
}

QString PlannerRampPanel::planError() const
{
    return m_planError->text();
}

void PlannerRampPanel::showPlanError(const QString &error)
{
    m_planError->setText(error);
}

bool PlannerRampPanel::loadPlanFile(const QString &path)
{
    // A plan file is a few hundred bytes: reading it here stays far below a frame.
    const gw::RampPlanLoadResult loaded = gw::loadRampPlanFile(path);
    if (!loaded.plan) {
        showPlanError(tr("Could not load %1:\n%2").arg(QDir::toNativeSeparators(path), gw::joinDiagnostics(loaded.diagnostics)));
        return false;
    }
    setPlan(*loaded.plan);
    return true;
}

bool PlannerRampPanel::savePlanFile(const QString &path)
{
    const std::optional<gw::RampPlan> p = plan();
    if (!p) {
        showPlanError(tr("The plan is not valid: check the steps and the current step."));
        return false;
    }
    QString error;
    if (!gw::saveRampPlanFile(path, *p, &error)) {
        showPlanError(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    m_planError->clear();
    return true;
}

void PlannerRampPanel::chooseLoadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load ramp plan"), QString(), tr("Ramp plans (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadPlanFile(path);
}

void PlannerRampPanel::chooseSaveFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save ramp plan"), QStringLiteral("ramp-plan.json"), tr("Ramp plans (*.json)"));
    if (!path.isEmpty())
        savePlanFile(path);
}

void PlannerRampPanel::evaluate()
{
    const std::optional<gw::RampPlan> p = plan();
    if (!p) {
        showPlanError(tr("The plan is not valid: the steps must be increasing numbers in (0, 100] and the current step one of them."));
        Q_EMIT evaluated(false);
        return;
    }
    if (!m_history)
        return;
    m_planError->clear();
    const int generation = ++m_generation;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const QDateTime from = to.addSecs(-qint64(p->windowMinutes) * 60);
    const gw::TrafficResolution resolution = p->windowMinutes <= kMinuteBucketsUpToMinutes ? gw::TrafficResolution::Minute
                                                                                          : gw::TrafficResolution::Hour;
    m_evaluate->setEnabled(false);
    m_summary->setText(tr("Reading the window's traffic…"));
    const gw::RampPlan evaluatedPlan = *p;
    whenReady(this, m_history->trafficBuckets(resolution, from, to),
              [this, generation, evaluatedPlan, nowMs](const gw::store::Outcome<QList<gw::TrafficBucket>> &read) {
        if (!read.ok()) {
            m_evaluate->setEnabled(m_history != nullptr);
            m_summary->setText(tr("Could not read the recorded traffic: %1").arg(read.error));
            Q_EMIT evaluated(false);
            return;
        }
        const QList<gw::TrafficBucket> buckets = read.value;
        whenReady(this, QtConcurrent::run([evaluatedPlan, buckets, nowMs] { return gw::evaluateRamp(evaluatedPlan, buckets, nowMs); }),
                  [this, generation, evaluatedPlan](const gw::RampEvaluation &evaluation) {
            m_evaluate->setEnabled(m_history != nullptr);
            if (generation != m_generation)
                return;
            m_evaluation = evaluation;
            m_evaluatedPlan = evaluatedPlan;
            showEvaluation();
            Q_EMIT evaluated(true);
        });
    });
}

void PlannerRampPanel::showEvaluation()
{
    m_gates->setRowCount(0);
    m_volumes->clear();
    m_advance->setEnabled(canAdvance());
    m_rollBack->setEnabled(canRollBack());
    if (!m_evaluation) {
        m_verdict->clear();
        return;
    }
    const gw::RampEvaluation &e = *m_evaluation;
    switch (e.verdict) {
    case gw::RampVerdict::Advance:
        m_verdict->setText(e.complete ? tr("Advance: the ramp is complete") : tr("Advance"));
        m_verdict->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold; color: #2e7d32;"));
        break;
    case gw::RampVerdict::Hold:
        m_verdict->setText(tr("Hold"));
        m_verdict->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold; color: #ef6c00;"));
        break;
    case gw::RampVerdict::RollBack:
        m_verdict->setText(tr("Roll back"));
        m_verdict->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold; color: #c62828;"));
        break;
    }
    m_summary->setText(e.summary);
    const auto side = [](const gw::RampGatewayStats &s) {
        return tr("%1 requests, %2 errors (%3%)").arg(s.requests).arg(s.errors).arg(num(100 * s.errorRate()));
    };
    QString volumes = tr("Window %1 – %2 UTC. Vercel: %3. OpenRouter: %4.")
                          .arg(QDateTime::fromMSecsSinceEpoch(e.windowFromMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                               QDateTime::fromMSecsSinceEpoch(e.windowToMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                               side(e.vercel), side(e.openrouter));
    if (e.moreRequestsVercel || e.moreRequestsOpenRouter)
        volumes += QLatin1Char(' ') + tr("Needed before judging: %1 more on Vercel, %2 more on OpenRouter.")
                                          .arg(e.moreRequestsVercel).arg(e.moreRequestsOpenRouter);
    m_volumes->setText(volumes);

    m_gates->setRowCount(int(e.gates.size()));
    for (int row = 0; row < e.gates.size(); ++row) {
        const gw::RampGateResult &g = e.gates.at(row);
        QString name;
        QString vercel;
        QString openrouter;
        QString limit;
        QString z;
        QString p;
        switch (g.gate) {
        case gw::RampGateResult::Gate::ErrorRate:
            name = tr("Error rate");
            vercel = num(100 * g.vercelValue) + QLatin1Char('%');
            openrouter = num(100 * g.openrouterValue) + QLatin1Char('%');
            limit = tr("p ≥ %1").arg(num(g.limit, 4));
            if (g.evaluated && g.test.valid) {
                z = num(g.test.z, 3);
                p = num(g.test.pValue, 4);
            }
            break;
        case gw::RampGateResult::Gate::TtftP95:
            name = tr("TTFT p95");
            vercel = tr("%1 ms").arg(num(g.vercelValue, 0));
            openrouter = tr("%1 ms").arg(num(g.openrouterValue, 0));
            limit = tr("≤ %1 ms").arg(num(g.limit, 0));
            break;
        case gw::RampGateResult::Gate::CostPerMtok:
            name = tr("Cost per Mtok");
            vercel = tr("%1 USD").arg(num(g.vercelValue, 4));
            openrouter = tr("%1 USD").arg(num(g.openrouterValue, 4));
            limit = tr("≤ %1 USD").arg(num(g.limit, 4));
            break;
        }
        if (!g.evaluated && g.gate != gw::RampGateResult::Gate::ErrorRate)
            vercel = openrouter = limit = QString();
        const QString outcome = !g.evaluated ? tr("not evaluated") : g.passed ? tr("passed") : tr("FAILED");
        const QStringList cells{name, vercel, openrouter, limit, z, p, outcome};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(g.detail);
            if (g.evaluated && !g.passed)
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_gates->setItem(row, column, item);
        }
    }
}

QString PlannerRampPanel::verdictText() const
{
    return m_verdict->text();
}

QString PlannerRampPanel::detailText() const
{
    QStringList lines{m_summary->text(), m_volumes->text()};
    for (int row = 0; row < m_gates->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_gates->columnCount(); ++column)
            cells.append(m_gates->item(row, column) ? m_gates->item(row, column)->text() : QString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines.join(QLatin1Char('\n'));
}

bool PlannerRampPanel::canAdvance() const
{
    return m_evaluation && m_evaluation->verdict == gw::RampVerdict::Advance && !m_evaluation->complete
        && m_evaluatedPlan && plan() == m_evaluatedPlan;
}

bool PlannerRampPanel::canRollBack() const
{
    // Stepping down is always safe, so it is offered after any evaluation, not only on a failed gate.
    return m_evaluation && m_evaluatedPlan && plan() == m_evaluatedPlan && m_evaluatedPlan->currentStep >= 0;
}

bool PlannerRampPanel::advance()
{
    if (!canAdvance())
        return false;
    moveToStep(m_evaluation->proposedStep, tr("Ramp %1: advance to %2%"));
    return true;
}

bool PlannerRampPanel::rollBack()
{
    if (!canRollBack())
        return false;
    moveToStep(m_evaluatedPlan->currentStep - 1, tr("Ramp %1: roll back to %2%"));
    return true;
}

void PlannerRampPanel::moveToStep(int step, const QString &what)
{
    const gw::RampPlan current = *m_evaluatedPlan;
    const gw::RampPlan moved = gw::withCurrentStep(current, step);
    m_document->apply(gw::withRampStep(m_document->config(), current, step),
                      what.arg(current.scope, num(moved.currentSharePercent(), 3)));
    setPlan(moved);
    m_evaluation.reset();
    m_evaluatedPlan.reset();
    showEvaluation();
    m_summary->setText(tr("The draft now sends %1% of %2 to Vercel. Export it as usual, then evaluate again once the step has collected data.")
                           .arg(num(moved.currentSharePercent(), 3), moved.scope));
}

} // namespace gwapp
