#include "planner/planner_margin_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace gw::app {

namespace {

// Margins can reach thousands of percent against a small competitor; beyond this the interesting
// part (the zero crossings) would be squashed flat.
constexpr double kMaxShownMarginPercent = 400;
constexpr double kMinShownMarginPercent = -100;

QLineSeries *marginSeries(const QString &name, const QList<gw::LeaderboardCurvePoint> &curve,
                          double (*value)(const gw::LeaderboardCurvePoint &))
{
    auto *series = new QLineSeries;
    series->setName(name);
    for (const gw::LeaderboardCurvePoint &p : curve)
        series->append(p.sharePercent, value(p));
    return series;
}

} // namespace

PlannerMarginChart::PlannerMarginChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
    m_chart->setTitle(tr("Lead over the strongest competitor by Vercel share"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

int PlannerMarginChart::seriesCount() const
{
    return int(m_chart->series().size());
}

void PlannerMarginChart::showPlan(const std::optional<gw::LeaderboardPlan> &plan, std::optional<double> proposedPercent)
{
    m_chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (!plan || plan->curve.isEmpty())
        return;
    const QList<gw::LeaderboardCurvePoint> &curve = plan->curve;

    QList<QLineSeries *> lines;
    lines.append(marginSeries(tr("OpenRouter"), curve,
                              [](const gw::LeaderboardCurvePoint &p) { return p.openrouterMarginPercent; }));
    if (curve.first().hasVercelTokens)
        lines.append(marginSeries(tr("Vercel tokens"), curve,
                                  [](const gw::LeaderboardCurvePoint &p) { return p.vercelTokensMarginPercent; }));
    if (curve.first().hasVercelSpend)
        lines.append(marginSeries(tr("Vercel spend"), curve,
                                  [](const gw::LeaderboardCurvePoint &p) { return p.vercelSpendMarginPercent; }));

    double low = 0;
    double high = 0;
    for (const QLineSeries *line : std::as_const(lines))
        for (const QPointF &p : line->points()) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    low = std::max(low, kMinShownMarginPercent);
    high = std::min(std::max(high, 10.0), kMaxShownMarginPercent);

    if (plan->feasible) {
        // QAreaSeries does not own its edge series: parented to the band, they go with it when
        // removeAllSeries() deletes it.
        auto *band = new QAreaSeries;
        auto *top = new QLineSeries(band);
        auto *bottom = new QLineSeries(band);
        *top << QPointF(plan->lowPercent, high) << QPointF(plan->highPercent, high);
        *bottom << QPointF(plan->lowPercent, low) << QPointF(plan->highPercent, low);
        band->setUpperSeries(top);
        band->setLowerSeries(bottom);
        band->setName(tr("Feasible"));
        band->setColor(QColor(60, 170, 90, 60));
        band->setBorderColor(QColor(60, 170, 90, 0));
        m_chart->addSeries(band);
    }
    for (QLineSeries *line : std::as_const(lines))
        m_chart->addSeries(line);
    // Lead 0 is a tie: above it we rank first on that leaderboard.
    auto *tie = new QLineSeries;
    *tie << QPointF(0, 0) << QPointF(100, 0);
    tie->setPen(QPen(Qt::gray, 1));
    m_chart->addSeries(tie);
    if (proposedPercent) {
        auto *marker = new QLineSeries;
        marker->setName(tr("Proposed"));
        *marker << QPointF(*proposedPercent, low) << QPointF(*proposedPercent, high);
        QPen pen(Qt::black);
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        marker->setPen(pen);
        m_chart->addSeries(marker);
    }

    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setTitleText(tr("Vercel share of all tokens (%)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto *y = new QValueAxis;
    y->setRange(low, high);
    y->setTitleText(tr("Lead (%)"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    const QList<QAbstractSeries *> all = m_chart->series();
    for (QAbstractSeries *series : all) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    for (QLegendMarker *marker : m_chart->legend()->markers(tie))
        marker->setVisible(false);
}

} // namespace gw::app
