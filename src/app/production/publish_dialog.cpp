#include "production/publish_dialog.h"

#include "common/when_ready.h"
#include "production/publish_history.h"
#include "ui_publishdialog.h"

#include <QPushButton>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {

PublishDialog::PublishDialog(const gw::RoutingConfig &draft, const gw::store::ProductionLink &link, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::PublishDialog>()), m_draft(draft), m_link(link)
{
    ui->setupUi(this);
    m_publishButton = ui->buttonBox->addButton(tr("Publish"), QDialogButtonBox::ActionRole);
    ui->databaseLabel->setText(link.spec().describe()); // never the password
    ui->whoEdit->setText(QSettings().value(QStringLiteral("production/who")).toString());
    ui->differenceList->setVisible(false);
    connect(ui->whoEdit, &QLineEdit::textChanged, this, &PublishDialog::updateButton);
    connect(ui->noteEdit, &QLineEdit::textChanged, this, &PublishDialog::updateButton);
    connect(ui->lossyCheck, &QCheckBox::toggled, this, &PublishDialog::prepare);
    connect(m_publishButton, &QPushButton::clicked, this, &PublishDialog::publishNow);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    prepare();
    readBase();
}

PublishDialog::~PublishDialog() = default;

void PublishDialog::setWho(const QString &who)
{
    ui->whoEdit->setText(who);
}
void PublishDialog::setNote(const QString &note)
{
    ui->noteEdit->setText(note);
}
void PublishDialog::setAllowLossy(bool allow)
{
    ui->lossyCheck->setChecked(allow);
}

QStringList PublishDialog::losses() const
{
    QStringList out;
    for (int i = 0; i < ui->lossesList->count(); ++i)
        out << ui->lossesList->item(i)->text();
    return out;
}

QStringList PublishDialog::difference() const
{
    QStringList out;
    for (int i = 0; i < ui->differenceList->count(); ++i)
        out << ui->differenceList->item(i)->text();
    return out;
}

QString PublishDialog::resultText() const
{
    return ui->resultLabel->text();
}

void PublishDialog::readBase()
{
    m_busy = true;
    ui->baseLabel->setText(tr("reading the live record…"));
    updateButton();
    const gw::store::ProductionLink link = m_link;
    whenReady(this, QtConcurrent::run([link] { return link.readLive(); }), [this](const gw::store::LiveRead &read) {
        m_busy = false;
        if (read.error.ok()) {
            m_base = read.record.config;
            ui->baseLabel->setText(tr("the live record of %1 by %2").arg(read.record.updatedAt, read.record.updatedBy));
            showChange();
        } else {
            ui->baseLabel->setText(tr("cannot read the live record: %1").arg(read.error.message));
        }
        updateButton();
        Q_EMIT baseRead();
    });
}

void PublishDialog::prepare()
{
    // The export is small and in memory (no vectors profile here): cheap enough for the GUI thread.
    m_owned =
        gw::production::ownedMembersFromDraft(m_draft, ui->lossyCheck->isChecked(), QDateTime::currentDateTimeUtc());
    ui->lossesList->clear();
    ui->lossesList->addItems(m_owned.losses);
    ui->lossesGroup->setVisible(!m_owned.losses.isEmpty());
    ui->lossyCheck->setText(m_owned.losses.isEmpty() ? tr("Publish anyway (lossy)")
                                                     : tr("Publish anyway (lossy): drop %n part(s) listed above",
                                                          nullptr, int(m_owned.losses.size())));
    ui->resultLabel->setText(m_owned.ok ? QString() : tr("Refused: %1").arg(m_owned.error));
    showChange();
    updateButton();
}

void PublishDialog::showChange()
{
    if (!m_base || !m_owned.ok) {
        ui->changeLabel->clear();
        return;
    }
    QJsonObject after = *m_base; // the members this publish writes; the stamp follows on publish
    for (auto it = m_owned.members.begin(); it != m_owned.members.end(); ++it)
        after.insert(it.key(), it.value());
    ui->changeLabel->setText(tr("Live -> draft: %1").arg(gw::production::describeChangeLine(*m_base, after)));
}

void PublishDialog::updateButton()
{
    const gw::production::PublishStamp stamp{QDateTime::currentDateTimeUtc(), ui->whoEdit->text().trimmed(),
                                             ui->noteEdit->text().trimmed()};
    m_publishButton->setEnabled(!m_busy && !m_done && m_base && m_owned.ok
                                && gw::production::validateStamp(stamp).isEmpty());
}

void PublishDialog::publishNow()
{
    if (!m_publishButton->isEnabled())
        return;
    gw::store::PublishRequest request;
    request.owned = m_owned.members;
    request.stamp = {QDateTime::currentDateTimeUtc(), ui->whoEdit->text().trimmed(), ui->noteEdit->text().trimmed()};
    request.expectedConfig = m_base; // compare-and-set against what the dialog showed
    QSettings().setValue(QStringLiteral("production/who"), request.stamp.by);
    m_busy = true;
    updateButton();
    ui->resultLabel->setText(tr("Publishing…"));
    const gw::store::ProductionLink link = m_link;
    struct Done {
        gw::store::PublishOutcome outcome;
        QString historyError;
    };
    // The history is appended on the worker too: a file write stays off the GUI thread.
    auto work = [link, request, workspace = m_workspace, draft = m_draft] {
        Done done{link.publish(request), QString()};
        if (done.outcome.error.ok() && workspace.isValid())
            done.historyError =
                gw::production::recordPublish(workspace, {draft, done.outcome.before, done.outcome.after,
                                                          request.stamp.now, request.stamp.by, request.stamp.note})
                    .error;
        return done;
    };
    whenReady(this, QtConcurrent::run(work), [this](const Done &done) {
        const gw::store::PublishOutcome &outcome = done.outcome;
        m_busy = false;
        m_outcome = outcome;
        m_historyError = done.historyError;
        ui->differenceList->clear();
        if (outcome.error.ok()) {
            m_done = true;
            ui->resultLabel->setText(
                tr("Published. The production router has it by %1 UTC.")
                    .arg(outcome.liveBy.toUTC().toString(QStringLiteral("HH:mm")))
                + (m_historyError.isEmpty()
                       ? QString()
                       : QLatin1Char(' ') + tr("The workspace history could not be written: %1").arg(m_historyError)));
            Q_EMIT published(outcome.after);
        } else if (outcome.error.status == gw::store::ProductionStatus::Refused) {
            ui->resultLabel->setText(
                tr("Not published: the live record changed since this dialog read it. Nothing was written. "
                   "Read it again (close and reopen) and review the difference."));
            ui->differenceList->addItems(outcome.difference);
        } else {
            ui->resultLabel->setText(tr("Not published: %1").arg(outcome.error.message));
        }
        ui->differenceList->setVisible(ui->differenceList->count() > 0);
        updateButton();
        Q_EMIT finished(outcome.error.ok());
    });
}

} // namespace gw::app
