#pragma once
// File > Publish to production: the draft's kilo-gateway record (the export's losses rules: a
// lossy publish needs the explicit "Publish anyway (lossy)" naming what is dropped), who and a
// required note, written with compare-and-set against the live record read when the dialog
// opened. Refused: the three-way difference (base, live, draft) and nothing written. Written:
// "Live by HH:MM UTC", and (with a workspace) the publish in the workspace's history with the
// record before and after and the native config beside it. Every database call runs off the GUI
// thread.

#include "config/config.h"
#include "production/live_record.h"

#include "production_link.h"
#include "workspace/workspace.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace Ui {
class PublishDialog;
}
class QPushButton;

namespace gw::app {

class PublishDialog : public QDialog {
    Q_OBJECT
public:
    PublishDialog(const gw::RoutingConfig &draft, const gw::store::ProductionLink &link, QWidget *parent = nullptr);
    ~PublishDialog() override;

    // The workspace whose history records the publish; none (invalid): not recorded.
    void setWorkspace(const gw::Workspace &workspace) { m_workspace = workspace; }
    QString historyError() const { return m_historyError; } // published, but not recorded

    QPushButton *publishButton() const { return m_publishButton; }
    void setWho(const QString &who);
    void setNote(const QString &note);
    void setAllowLossy(bool allow);
    QStringList losses() const;
    QStringList difference() const; // on refusal: the three-way difference
    QString resultText() const;
    bool isBaseRead() const { return m_base.has_value(); }
    const gw::store::PublishOutcome &outcome() const { return m_outcome; }

public Q_SLOTS:
    void publishNow();

Q_SIGNALS:
    void baseRead();                           // the live record (the base) was read, or could not be
    void finished(bool published);             // a publish answered
    void published(const QJsonObject &record); // what was written

private:
    void readBase();
    void prepare();
    void showChange();
    void updateButton();

    std::unique_ptr<Ui::PublishDialog> ui;
    gw::RoutingConfig m_draft;
    gw::store::ProductionLink m_link;
    QPushButton *m_publishButton;
    std::optional<QJsonObject> m_base; // the live record when the dialog opened
    gw::production::OwnedMembers m_owned;
    gw::store::PublishOutcome m_outcome;
    gw::Workspace m_workspace;
    QString m_historyError;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace gw::app
