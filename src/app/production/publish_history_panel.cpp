#include "production/publish_history_panel.h"

#include "production/publish_history_model.h"

#include "common/when_ready.h"
#include "production/live_record.h"
#include "production/production_connection.h"

#include "production_rollback.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

namespace {

const QString kWhoKey = QStringLiteral("production/who"); // the one the Publish dialog remembers

} // namespace

PublishHistoryPanel::PublishHistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PublishHistoryModel(this))
    , m_list(new QTreeView(this))
    , m_rollBack(new QPushButton(tr("Roll back to this…"), this))
    , m_result(new QLabel(this))
    , m_difference(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("publishList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_rollBack->setObjectName(QStringLiteral("rollBackButton"));
    m_result->setWordWrap(true);
    m_difference->setObjectName(QStringLiteral("rollbackDifference"));
    m_difference->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Publishes from this workspace, newest first. A rollback republishes the chosen record "
                      "with compare-and-set against what this workspace last published."),
                   this));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_rollBack);
    layout->addWidget(m_result);
    layout->addWidget(m_difference);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PublishHistoryPanel::updateButton);
    connect(m_rollBack, &QPushButton::clicked, this, &PublishHistoryPanel::rollBackInteractive);
    updateButton();
}

void PublishHistoryPanel::setConnection(ProductionConnection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (m_connection)
        connect(m_connection, &ProductionConnection::linkChanged, this, &PublishHistoryPanel::updateButton);
    updateButton();
}

void PublishHistoryPanel::setWorkspace(const gw::Workspace &workspace)
{
    m_workspace = workspace;
    reload();
}

void PublishHistoryPanel::setRollBackAllowed(bool allowed)
{
    m_allowed = allowed;
    updateButton();
}

const QList<gw::ExportRecord> &PublishHistoryPanel::publishes() const
{
    return m_model->publishes();
}

int PublishHistoryPanel::selectedRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void PublishHistoryPanel::reload()
{
    // history.jsonl is one short line per export or publish: read where it is asked for.
    m_model->setHistory(m_workspace.isValid() ? m_workspace.history() : QList<gw::ExportRecord>());
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    updateButton();
}

QString PublishHistoryPanel::resultText() const
{
    return m_result->text();
}

QStringList PublishHistoryPanel::difference() const
{
    QStringList out;
    for (int i = 0; i < m_difference->count(); ++i)
        out << m_difference->item(i)->text();
    return out;
}

void PublishHistoryPanel::updateButton()
{
    const bool linked = m_connection && m_connection->isConfigured() && m_connection->passwordsKnown();
    m_rollBack->setEnabled(m_allowed && !m_busy && linked && selectedRow() >= 0);
    m_rollBack->setToolTip(!m_allowed ? tr("This window opened the workspace read-only.")
                           : linked   ? QString()
                                      : tr("No production database is set up (Settings > Production database)."));
}

void PublishHistoryPanel::rollBackInteractive()
{
    const int row = selectedRow();
    if (row < 0 || row >= publishes().size())
        return;
    const gw::ExportRecord &target = publishes().at(row);
    bool ok = false;
    QString who = QSettings().value(kWhoKey).toString();
    if (who.isEmpty()) {
        who = QInputDialog::getText(this, tr("Roll back"), tr("Who rolls back (e-mail address):"), QLineEdit::Normal,
                                    QString(), &ok);
        if (!ok)
            return;
    }
    const QString note =
        QInputDialog::getText(this, tr("Roll back"),
                              tr("Republish revision %1 (published %2 UTC by %3). Why? (required)")
                                  .arg(target.revision)
                                  .arg(target.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), target.who),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        rollBackTo(row, who, note);
}

void PublishHistoryPanel::rollBackTo(int row, const QString &who, const QString &note)
{
    if (!m_allowed || m_busy || row < 0 || row >= publishes().size() || !m_connection)
        return;
    const gw::production::PublishStamp stamp{QDateTime::currentDateTimeUtc(), who.trimmed(), note.trimmed()};
    if (const QString invalid = gw::production::validateStamp(stamp); !invalid.isEmpty()) {
        m_result->setText(tr("Not rolled back: %1").arg(invalid));
        Q_EMIT finished(false);
        return;
    }
    QSettings().setValue(kWhoKey, stamp.by);
    m_busy = true;
    updateButton();
    m_difference->clear();
    m_difference->setVisible(false);
    m_result->setText(tr("Rolling back to revision %1…").arg(publishes().at(row).revision));
    const gw::store::ProductionLink link = m_connection->link(ProductionRole::Writer);
    auto work = [link, workspace = m_workspace, target = publishes().at(row), stamp] {
        return gw::store::rollbackToPublish(link, workspace, target, stamp);
    };
    whenReady(
        this, QtConcurrent::run(work),
        [this, revision = publishes().at(row).revision](const gw::store::RollbackOutcome &r) {
            m_busy = false;
            const gw::store::PublishOutcome &outcome = r.publish;
            if (outcome.error.ok()) {
                QString text = tr("Rolled back to revision %1. The production router has it by %2 UTC.")
                                   .arg(revision)
                                   .arg(outcome.liveBy.toUTC().toString(QStringLiteral("HH:mm")));
                if (!r.historyError.isEmpty())
                    text += QLatin1Char(' ') + tr("The workspace history could not be written: %1").arg(r.historyError);
                m_result->setText(text);
            } else if (outcome.error.status == gw::store::ProductionStatus::Refused) {
                m_result->setText(
                    tr("Not rolled back: production changed since this workspace last published. Nothing was written.")
                    + (r.driftRecorded ? QLatin1Char(' ') + tr("The change is recorded as drift in the history.")
                                       : QString()));
                m_difference->addItems(outcome.difference);
                m_difference->setVisible(!outcome.difference.isEmpty());
            } else {
                m_result->setText(tr("Not rolled back: %1").arg(outcome.error.message));
            }
            const QString result = m_result->text();
            reload();
            m_result->setText(result);
            if (outcome.error.ok())
                Q_EMIT rolledBack(outcome.after);
            Q_EMIT finished(outcome.error.ok());
        });
}

} // namespace gw::app
