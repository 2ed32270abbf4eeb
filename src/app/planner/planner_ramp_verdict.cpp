#include "planner/planner_ramp_verdict.h"

#include <QColor>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gwapp {

namespace {

enum GateColumn { GateName, VercelValue, OpenRouterValue, Limit, ZValue, PValue, Outcome, GateColumnCount };

QString num(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

PlannerRampVerdictView::PlannerRampVerdictView(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_summary(new QLabel(tr("Evaluate the current step on the recorded traffic of the plan's window."), this))
    , m_volumes(new QLabel(this))
    , m_gates(new QTableWidget(0, GateColumnCount, this))
{
    m_verdict->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold;"));
    for (QLabel *label : {m_summary, m_volumes}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_gates->setHorizontalHeaderLabels({tr("Gate"), tr("Vercel"), tr("OpenRouter"), tr("Allowed"), tr("z"), tr("p-value"), tr("Result")});
    m_gates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gates->verticalHeader()->hide();
    m_gates->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    layout->addWidget(m_volumes);
    layout->addWidget(m_gates, 1);
}

void PlannerRampVerdictView::setMessage(const QString &text)
{
    m_summary->setText(text);
}

void PlannerRampVerdictView::showEvaluation(const std::optional<gw::RampEvaluation> &evaluation)
{
    m_gates->setRowCount(0);
    m_volumes->clear();
    if (!evaluation) {
        m_verdict->clear();
        return;
    }
    const gw::RampEvaluation &e = *evaluation;
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
                p = QString::number(g.test.pValue, 'g', 3); // tiny p-values stay readable (2.16e-09)
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

QString PlannerRampVerdictView::verdictText() const
{
    return m_verdict->text();
}

QString PlannerRampVerdictView::detailText() const
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

} // namespace gwapp
