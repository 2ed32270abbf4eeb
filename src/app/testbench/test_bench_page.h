#pragma once
// The Test bench page: pick models and a prompt or a suite, run them on both gateways side by
// side, watch the selected case stream into two panes, read the flags and the summary, export
// CSV, browse and re-run the history. The work is TestBenchController's; this class only wires
// widgets to it.

#include "bench/types.h"
#include "testbench/test_bench_controller.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class TestBenchPage;
}
class QSortFilterProxyModel;

namespace gw {
namespace store {
struct RunSettings;
}
} // namespace gw

namespace gw::app {

class DraftDocument;
class PageContext;
class ResultPane;
class TestBenchController;

class TestBenchPage : public QWidget {
    Q_OBJECT
public:
    // Runs through the context's connections, keeps runs in its history (null: not kept, and
    // why), reads catalogs from its workspace.
    explicit TestBenchPage(std::shared_ptr<PageContext> context, QWidget *parent = nullptr);
    ~TestBenchPage() override;

    TestBenchController *controller() const { return m_controller; }
    bool loadSuite(const QString &path); // false: the status line says why (file:line: ...)
    QString statusText() const;
    ResultPane *pane(gw::Gateway gateway) const;
    bool exportCsv(const QString &path, bool summary); // false: the status line says why

public Q_SLOTS:
    void run();
    void rerunSelected();

private:
    void onWorkspaceChanged();
    void onHistoryChanged();
    void selectCase(int row);
    void refreshPanes();
    void onRunLoaded(const gw::store::RunSettings &settings, const QString &label);
    void setRunning(bool running);
    void setSuite(const gw::PromptSuite &suite, const QString &name); // empty: the prompt field again
    BenchSpec specFromInputs() const; // models, suite or prompt, repetitions as the widgets say
    void showPlannedTotal();
    void showRequests();

    std::unique_ptr<Ui::TestBenchPage> ui;
    std::shared_ptr<PageContext> m_context;
    DraftDocument *m_document;
    TestBenchController *m_controller;
    QSortFilterProxyModel *m_casesProxy;
    ResultPane *m_panes[2];
    gw::PromptSuite m_suite;       // from a file or a stored run; empty: the prompt field
    gw::RoutingConfig m_runConfig; // the draft as the current batch started (for live requests)
    QString m_workspaceDir;
    int m_selectedCase = -1;
    bool m_followNewest = true; // until the operator picks a case, the panes follow the newest
    bool m_selecting = false;   // a selection made by the page itself, not the operator
    bool m_rerunPending = false;
    QTimer m_paneRefresh;
};

} // namespace gw::app
