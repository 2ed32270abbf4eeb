#pragma once
// Shows the live preview: share per gateway overall and per model, and the churn against the
// last export. Owns the controller that runs simulate() off the GUI thread.

#include "config/config.h"
#include "routing/simulation.h"
#include "traffic/traffic_impact.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class PreviewPanel;
}
class QTableView;

namespace gw::app {

class PreviewController;
class PreviewModel;

class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget *parent = nullptr);
    ~PreviewPanel() override;

    PreviewController *controller() const { return m_controller; }
    PreviewModel *model() const { return m_model; }
    void request(const gw::RoutingConfig &config);
    void setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source);

    QString overallText() const;
    QString churnText() const;
    QString trafficText() const;
    QTableView *modelsView() const;

private:
    void show(const gw::SimulationResult &result);
    void showImpact(const gw::TrafficImpact &impact);

    std::unique_ptr<Ui::PreviewPanel> ui;
    PreviewController *m_controller;
    PreviewModel *m_model;
};

} // namespace gw::app
