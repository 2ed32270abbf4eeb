#pragma once
// "Pull usage from production" on the Monitor: production's usage, aggregated in PostgreSQL,
// into the history database (gw::store::pullProductionUsage on the history store's writer, never
// on the GUI thread), with the phase and the rows read so far, and Cancel (the history stays as
// it was). Incremental: each pull continues from the source's watermark. Reads through the
// read-only role.

#include "monitor/series.h"
#include "usage_pull.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace gw::store {
class HistoryStore;
}

namespace gw::app {

class ProductionConnection;

class UsagePullPanel : public QWidget {
    Q_OBJECT
public:
    explicit UsagePullPanel(QWidget *parent = nullptr);
    ~UsagePullPanel() override; // a running pull is cancelled; the store finishes it on its thread

    void setConnection(ProductionConnection *connection); // borrowed
    void setHistory(std::shared_ptr<gw::store::HistoryStore> store);
    // The range, clock and first-pull depth (tests); progress and cancel are the panel's own.
    void setOptions(const gw::store::UsagePullOptions &options) { m_options = options; }

    QPushButton *pullButton() const { return m_pull; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QString resultText() const;
    bool isBusy() const { return m_job != nullptr; }
    const gw::store::UsagePullResult &lastResult() const { return m_last; }

    // For the Monitor's error chart: production's class "error" among its series means the data
    // came (in part) from production, which records only error / no error; says so (with a
    // leading space), else empty.
    static QString errorChartNote(const gw::SeriesTable &errors);

public Q_SLOTS:
    void pull();
    void cancel();

Q_SIGNALS:
    void finished(bool ok);
    void usageChanged(); // a pull wrote to the history: the Monitor reloads

private:
    struct Job; // shared with the store's writer thread
    void pollProgress();
    void updateButtons();

    ProductionConnection *m_connection = nullptr;
    std::shared_ptr<gw::store::HistoryStore> m_store;
    gw::store::UsagePullOptions m_options;
    std::shared_ptr<Job> m_job;
    gw::store::UsagePullResult m_last;
    QPushButton *m_pull;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_result;
    QTimer *m_poll;
};

} // namespace gw::app
