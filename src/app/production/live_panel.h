#pragma once
// "Live in production" on the Routing page: the record production routes by (ai_gateway_config
// row 1), its difference from the draft in words, and drift: when the record differs from what
// this workspace last published (else from its last export), it says so with the difference and
// offers to adopt the record into the draft as one undoable edit; a drift from the last publish
// is recorded in the workspace's history. Read off the GUI thread; only the latest read is shown.

#include "common/latest_job.h"
#include "config/config.h"
#include "production/live_record.h"
#include "production_link.h"
#include "workspace/workspace.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class LivePanel;
}

namespace gw::app {

class DraftDocument;
class ProductionConnection;

class LivePanel : public QWidget {
    Q_OBJECT
public:
    explicit LivePanel(DraftDocument *document, QWidget *parent = nullptr);
    ~LivePanel() override;

    void setConnection(ProductionConnection *connection); // borrowed; reads when its link changes
    // What this workspace last released: its last export (the draft's base) ...
    void setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source);
    // ... or, once it published, the record it wrote (wins over the baseline).
    void setLastPublished(const QJsonObject &record);
    // Where a drift seen is recorded (kind "drift", the record as last published and as found).
    void setWorkspace(const gw::Workspace &workspace) { m_workspace = workspace; }

    const std::optional<gw::production::LiveRecord> &live() const { return m_live; }
    QString differenceText() const; // "Draft vs live: paid 3% -> 5%"
    QString driftText() const;      // empty when there is no drift
    QString statusText() const;
    bool canAdopt() const;

public Q_SLOTS:
    void refresh();
    void adoptIntoDraft();

Q_SIGNALS:
    void refreshed(); // a read answered (record or error)

private:
    void show();
    // `live` with the three Vercel members the draft (or baseline) would write.
    QJsonObject withOwnedOf(const QJsonObject &live, const gw::RoutingConfig &config) const;

    std::unique_ptr<Ui::LivePanel> ui;
    DraftDocument *m_document;
    ProductionConnection *m_connection = nullptr;
    std::optional<gw::RoutingConfig> m_baseline;
    QString m_baselineSource;
    QJsonObject m_lastPublished;
    gw::Workspace m_workspace;
    std::optional<gw::production::LiveRecord> m_live;
    QString m_error;
    LatestJob<gw::store::LiveRead> m_read{this}; // a newer read (or a lost setup) drops an older answer
};

} // namespace gw::app
