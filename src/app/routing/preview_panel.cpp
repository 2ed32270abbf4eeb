#include "routing/preview_panel.h"

#include "common/number_format.h"
#include "common/state_names.h"
#include "routing/preview_controller.h"
#include "routing/preview_model.h"
#include "ui_previewpanel.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace gw::app {

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::PreviewPanel>())
    , m_controller(new PreviewController(this))
    , m_model(new PreviewModel(this))
{
    ui->setupUi(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    ui->modelsView->setModel(proxy);
    // Every header stays readable: the numbers take what their header and values need, the
    // model column the rest. Sorted by what changes most until the operator picks a column.
    QHeaderView *header = ui->modelsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PreviewModel::Model, QHeaderView::Stretch);
    header->setMinimumSectionSize(
        header->fontMetrics().horizontalAdvance(m_model->headerData(PreviewModel::Model, Qt::Horizontal).toString())
        + 24);
    header->setSortIndicatorShown(true);
    ui->modelsView->verticalHeader()->hide();
    ui->modelsView->sortByColumn(PreviewModel::Changed, Qt::DescendingOrder);
    ui->trafficLabel->setText(tr("Recorded traffic: none in the history yet (the figures above use synthetic users)."));
    connect(m_controller, &PreviewController::started, this, [this] { ui->statusLabel->setText(tr("computing…")); });
    connect(m_controller, &PreviewController::resultReady, this, &PreviewPanel::show);
    connect(m_controller, &PreviewController::impactReady, this, &PreviewPanel::showImpact);
}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::request(const gw::RoutingConfig &config)
{
    m_controller->request(config);
}

void PreviewPanel::setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source)
{
    m_controller->setBaseline(baseline, source);
}

QString PreviewPanel::overallText() const
{
    return ui->overallLabel->text();
}
QString PreviewPanel::churnText() const
{
    return ui->churnLabel->text();
}
QString PreviewPanel::trafficText() const
{
    return ui->trafficLabel->text();
}
QTableView *PreviewPanel::modelsView() const
{
    return ui->modelsView;
}

void PreviewPanel::showImpact(const gw::TrafficImpact &impact)
{
    if (impact.rows == 0) {
        ui->trafficLabel->setText(
            tr("Recorded traffic: none in the last %n day(s) (the figures above use synthetic users).", nullptr,
               PreviewController::trafficDays));
    } else {
        ui->trafficLabel->setText(tr("Recorded traffic of the last %n day(s): %1 of %2 requests and %3 of %4 users "
                                     "would change gateway against the %5.",
                                     nullptr, PreviewController::trafficDays)
                                      .arg(formatCount(qint64(impact.requestsMoved)),
                                           formatCount(qint64(impact.requests)), formatCount(qint64(impact.usersMoved)),
                                           formatCount(qint64(impact.users)), states::lastExport()));
    }
    m_model->setTrafficImpact(impact);
}

void PreviewPanel::show(const gw::SimulationResult &result)
{
    ui->statusLabel->setText(
        tr("%1 decisions in %2 s").arg(formatCount(qint64(result.decisions)), formatDecimal(result.seconds, 2)));
    const qint64 total = result.total.vercel + result.total.openrouter;
    const double vercel = result.total.vercelPercent();
    ui->overallLabel->setText(
        tr("Overall: Vercel %1 %, OpenRouter %2 % of %3 decisions")
            .arg(formatDecimal(vercel, 3), formatDecimal(total ? 100.0 - vercel : 0.0, 3), formatCount(qint64(total))));
    const QFileInfo source(m_controller->baselineSource());
    const bool isExport = source.dir().dirName() == QStringLiteral("exports");
    if (!result.hasBaseline) {
        ui->churnLabel->setText(tr("No previous export or saved draft to compare against."));
    } else {
        ui->churnLabel->setText(
            tr("Against the %1 (%2): %3 decisions change gateway (%4 to Vercel, %5 to OpenRouter); %6 users affected.")
                .arg(isExport ? states::lastExport() : tr("saved draft"), source.fileName(),
                     formatCount(qint64(result.total.changed)), formatCount(qint64(result.movedToVercel)),
                     formatCount(qint64(result.movedToOpenRouter)), formatCount(qint64(result.usersChanged))));
    }
    m_model->setResult(result);
}

} // namespace gw::app
