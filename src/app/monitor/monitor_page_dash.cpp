#include "monitor/monitor_page.h"

// The Monitor page's dashboard parts: the loading indicator, the crosshair shared by every time
// chart, the annotation lines, the share target's source and the PNG captions. Kept apart from
// monitor_page.cpp, which builds the page and loads it.

#include "monitor/monitor_chart_view.h"
#include "ui_monitorpage.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <cmath>

namespace gw::app {

namespace {

using Chart = MonitorController::Chart;

QString utcMinute(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

void MonitorPage::setupDashboard()
{
    // A range change can take seconds: say so instead of leaving the old charts unexplained.
    m_loadingIndicator = new QWidget(this);
    m_loadingIndicator->setObjectName(QStringLiteral("loadingIndicator"));
    auto *layout = new QHBoxLayout(m_loadingIndicator);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QProgressBar(m_loadingIndicator);
    bar->setRange(0, 0); // busy
    bar->setMaximumWidth(120);
    bar->setMaximumHeight(12);
    bar->setTextVisible(false);
    layout->addWidget(bar);
    layout->addWidget(new QLabel(tr("Loading traffic for the chosen range…"), m_loadingIndicator), 1);
    m_loadingIndicator->hide();
    ui->pageLayout->insertWidget(ui->pageLayout->indexOf(ui->statusLabel) + 1, m_loadingIndicator);
    connect(m_controller, &MonitorController::loadingChanged, m_loadingIndicator, &QWidget::setVisible);

    // One instant on every time chart: the one under the pointer on any of them.
    for (MonitorChartView *view : m_views)
        connect(view, &MonitorChartView::hoveredTime, this, [this](double timeMs) {
            for (MonitorChartView *v : m_views)
                v->setCrosshair(timeMs);
        });
}

bool MonitorPage::showsLoadingIndicator() const
{
    return m_loadingIndicator->isVisibleTo(this);
}

void MonitorPage::applyDashboard()
{
    const MonitorData &data = m_controller->data();
    QList<MonitorChartView::Annotation> marks;
    for (const gw::ChartAnnotation &a : data.annotations) {
        MonitorChartView::Annotation mark;
        mark.atMs = a.atMs;
        switch (a.kind) {
        case gw::ChartAnnotation::Kind::Export:
            mark.label = tr("Export %1").arg(a.detail);
            mark.pen = QPen(QColor(0x2c, 0xa0, 0x2c), 1.5, Qt::DashDotLine);
            break;
        case gw::ChartAnnotation::Kind::Publish:
            mark.label = tr("Publish %1").arg(a.detail);
            mark.pen = QPen(QColor(0x94, 0x67, 0xbd), 2, Qt::SolidLine);
            break;
        case gw::ChartAnnotation::Kind::PinStart:
            mark.label = tr("Pin %1").arg(a.detail);
            mark.pen = QPen(QColor(0xff, 0x7f, 0x0e), 1.5, Qt::SolidLine);
            break;
        case gw::ChartAnnotation::Kind::PinExpiry:
            mark.label = tr("Pin expires %1").arg(a.detail);
            mark.pen = QPen(QColor(0xff, 0x7f, 0x0e), 1.5, Qt::DotLine);
            break;
        }
        marks.append(mark);
    }
    for (MonitorChartView *view : m_views)
        view->setAnnotations(marks);

    // The PNG caption: the chart's title, the range and every filter.
    QStringList filters{tr("Gateway: %1").arg(ui->gatewayCombo->currentText()),
                        tr("Model: %1").arg(ui->modelCombo->currentText()),
                        tr("Provider: %1").arg(ui->providerCombo->currentText()),
                        tr("Target from: %1").arg(ui->targetCombo->currentText())};
    const QString range = tr("%1 – %2 UTC").arg(utcMinute(data.fromMs), utcMinute(data.toMs));
    for (int c = 0; c < MonitorController::ChartCount; ++c) {
        const auto *box = qobject_cast<const QGroupBox *>(m_views[c]->parentWidget());
        m_views[c]->setExportCaption((box ? box->title() : QString()) + QLatin1Char('\n') + range + QLatin1Char('\n')
                                     + filters.join(QStringLiteral(" · ")));
    }
}

// Appended to the share chart's note: where the target line comes from, with a warning when a
// part of it is the draft that was never exported.
QString MonitorPage::targetSourceNote(QString *warningStyle) const
{
    const MonitorData &data = m_controller->data();
    warningStyle->clear();
    if (m_controller->query().target == TargetSource::CurrentDraft)
        return tr("Target from the current draft.");
    if (data.draftTargetRows == 0)
        return tr("Target from the config live then (%n exported revision(s)).", nullptr, data.liveConfigs);
    *warningStyle = QStringLiteral("color: #b35900; font-weight: bold;");
    if (!data.firstLiveMs)
        return QStringLiteral("⚠ ")
               + tr("No export in the history: the whole target is the draft (not exported), not a config that was "
                    "live.");
    return QStringLiteral("⚠ ")
           + tr("No export before %1 UTC: the target before it is the draft (not exported), drawn apart.")
                 .arg(utcMinute(*data.firstLiveMs));
}

} // namespace gw::app
