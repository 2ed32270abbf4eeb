#pragma once
// "Publish history" beside the rules: this workspace's publishes (exports/history.jsonl, newest
// first) with when, who, the revision, the note and what each changed, and "Roll back to this",
// which republishes the chosen record through the same compare-and-set as every publish
// (gw::store::rollbackToPublish, the code behind `gatewayctl rollback`). A record changed in
// production since this workspace last published refuses the rollback, nothing is written and
// the drift is recorded. The rollback runs off the GUI thread; only one at a time.

#include "workspace/workspace.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeView;

namespace gw::app {

class ProductionConnection;
class PublishHistoryModel;

class PublishHistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit PublishHistoryPanel(QWidget *parent = nullptr);

    void setConnection(ProductionConnection *connection); // borrowed; the writer's link
    void setWorkspace(const gw::Workspace &workspace);    // reads its history
    // Off in a window that opened the workspace read-only (another instance holds it): the list
    // shows, a rollback (which writes the workspace's history) does not run.
    void setRollBackAllowed(bool allowed);

    const QList<gw::ExportRecord> &publishes() const; // newest first, as listed
    PublishHistoryModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    QPushButton *rollBackButton() const { return m_rollBack; }
    QString resultText() const;
    QStringList difference() const; // on refusal: the three-way difference
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void reload(); // the workspace's history again (after a publish)
    // The selected publish; asks for the note (and who, when not known yet).
    void rollBackInteractive();
    // Republishes publishes().at(row) as `who` with `note`; answers with finished().
    void rollBackTo(int row, const QString &who, const QString &note);

Q_SIGNALS:
    void finished(bool ok);
    void rolledBack(const QJsonObject &record); // what production holds now

private:
    void updateButton();

    ProductionConnection *m_connection = nullptr;
    gw::Workspace m_workspace;
    int selectedRow() const;

    PublishHistoryModel *m_model;
    QTreeView *m_list;
    QPushButton *m_rollBack;
    QLabel *m_result;
    QListWidget *m_difference;
    bool m_busy = false;
    bool m_allowed = true;
};

} // namespace gw::app
