#pragma once
// The Monitor page: cost, error rate, latency, actual-vs-target Vercel share, cost per million
// tokens with the other gateway's counterfactual, and balances with a runway warning, over a
// time range with gateway/model/provider filters. Data from MonitorController (off the GUI
// thread); traffic comes in through the embedded TrafficImportPanel.

#include "monitor/monitor_controller.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>

namespace Ui {
class MonitorPage;
}
class QLabel;
class QTableView;

namespace gw::app {

class DraftDocument;
class GatewayConnections;
class MonitorChartView;
class PageContext;
class TimeRangeSelector;
class TrafficImportPanel;
class UsagePullPanel;

class MonitorPage : public QWidget {
    Q_OBJECT
public:
    // The context's connections may be null (no balances then); its history null: unavailable.
    explicit MonitorPage(std::shared_ptr<PageContext> context, QWidget *parent = nullptr);
    ~MonitorPage() override;

    MonitorController *controller() const { return m_controller; }
    MonitorChartView *chartView(MonitorController::Chart chart) const { return m_views[chart]; }
    TrafficImportPanel *importPanel() const { return m_import; }
    bool showsEmptyState() const;
    QString statusText() const;
    QString noteText(MonitorController::Chart chart) const;
    // The one line saying the page opened on the recorded traffic, not the default range; empty
    // when it did not (or once the range was chosen).
    QString rangeNoticeText() const;
    bool showsLoadingIndicator() const;

    void reload(); // now (the controls call it debounced)
    // The production usage pull (the shell makes it: it needs the production connection); the
    // page takes it, shows it under the controls and reloads after each pull.
    void setProductionPull(UsagePullPanel *panel);

Q_SIGNALS:
    void refreshed(); // the charts show the newest load

private:
    void onHistoryChanged();
    void onWorkspaceChanged(); // export history, catalogs, traffic/ folder
    void buildCharts();
    void scheduleReload();
    void onLoaded();
    void updateFilterChoices();
    void updateNotes();
    void onRangeChosen();
    void showRecordedRange();
    void exportPng(MonitorController::Chart chart);
    void exportCsv(MonitorController::Chart chart);
    MonitorQuery currentQuery() const;
    // monitor_page_dash.cpp
    void setupDashboard();
    void applyDashboard();
    QString targetSourceNote(QString *warningStyle) const;

    std::unique_ptr<Ui::MonitorPage> ui;
    std::shared_ptr<PageContext> m_context;
    DraftDocument *m_document;
    GatewayConnections *m_connections;
    MonitorController *m_controller;
    TrafficImportPanel *m_import = nullptr;
    QTableView *m_headline = nullptr;
    QWidget *m_loadingIndicator = nullptr;
    UsagePullPanel *m_productionPull = nullptr;
    gw::Workspace m_workspace;
    std::array<MonitorChartView *, MonitorController::ChartCount> m_views{};
    std::array<QLabel *, MonitorController::ChartCount> m_notes{};
    QTimer m_debounce;
    bool m_hasHistory = false;
    QLabel *m_rangeNotice = nullptr;
    static constexpr MonitorRange kDefaultRange = MonitorRange::LastDay;
    // Until a range is picked: the default range, opened on the recorded traffic when it holds none.
    bool m_openOnRecordedTraffic = true;
};

} // namespace gw::app
