#include "production/live_panel.h"

#include "common/draft_document.h"
#include "production/production_connection.h"
#include "production/publish_history.h"
#include "ui_livepanel.h"

#include <QJsonArray>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace gw::app {

namespace {

const QStringList kVercelMembers{QStringLiteral("vercel_routing_percentage"),
                                 QStringLiteral("vercel_routing_percentage_free"),
                                 QStringLiteral("vercel_routing_opt_out_models")};

QString percentText(double value)
{
    return QString::number(value) + QStringLiteral(" %");
}

} // namespace

LivePanel::LivePanel(DraftDocument *document, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::LivePanel>()), m_document(document)
{
    ui->setupUi(this);
    connect(ui->refreshButton, &QPushButton::clicked, this, &LivePanel::refresh);
    connect(ui->adoptButton, &QPushButton::clicked, this, &LivePanel::adoptIntoDraft);
    connect(document, &DraftDocument::changed, this, &LivePanel::show);
    show();
}

LivePanel::~LivePanel() = default;

void LivePanel::setConnection(ProductionConnection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (m_connection)
        connect(m_connection, &ProductionConnection::linkChanged, this, &LivePanel::refresh);
    refresh();
}

void LivePanel::setBaseline(const std::optional<gw::RoutingConfig> &baseline, const QString &source)
{
    m_baseline = baseline;
    m_baselineSource = source;
    show();
}

void LivePanel::setLastPublished(const QJsonObject &record)
{
    m_lastPublished = record;
    show();
}

void LivePanel::refresh()
{
    if (!m_connection || !m_connection->isConfigured() || !m_connection->passwordsKnown()) {
        m_read.cancel();
        m_live.reset();
        m_error = m_connection && m_connection->isConfigured()
                      ? tr("Waiting for the keychain…")
                      : tr("No production database is set up (Settings > Production database).");
        show();
        return;
    }
    ui->statusLabel->setText(tr("Reading the live record…"));
    const gw::store::ProductionLink link = m_connection->link(ProductionRole::Writer);
    // A drift seen goes into the workspace's history (once per record found), on the worker too.
    auto work = [link, workspace = m_workspace] {
        gw::store::LiveRead read = link.readLive(); // not const: returned by move
        // A history that cannot be written leaves the panel's drift text as the record of it.
        if (read.error.ok() && workspace.isValid())
            (void)gw::production::recordDrift(workspace, read.record.config, QDateTime::currentDateTimeUtc());
        return read;
    };
    m_read.run(QtConcurrent::run(work), [this](const gw::store::LiveRead &read) {
        m_error = read.error.ok() ? QString() : tr("Cannot read the live record: %1").arg(read.error.message);
        if (read.error.ok())
            m_live = read.record;
        else
            m_live.reset();
        show();
        Q_EMIT refreshed();
    });
}

QJsonObject LivePanel::withOwnedOf(const QJsonObject &live, const gw::RoutingConfig &config) const
{
    const gw::production::OwnedMembers owned =
        gw::production::ownedMembersFromDraft(config, true, QDateTime::currentDateTimeUtc());
    QJsonObject out = live;
    for (const QString &key : kVercelMembers)
        out.insert(key, owned.members.value(key));
    return out;
}

QString LivePanel::differenceText() const
{
    if (!m_live)
        return QString();
    const QString line =
        gw::production::describeChangeLine(m_live->config, withOwnedOf(m_live->config, m_document->config()));
    return tr("Draft vs live: %1").arg(line);
}

QString LivePanel::driftText() const
{
    if (!m_live)
        return QString();
    if (!m_lastPublished.isEmpty()) {
        const QStringList changes = gw::production::describeChange(m_lastPublished, m_live->config);
        return changes.isEmpty() ? QString()
                                 : tr("Changed in production since this workspace published it (web admin?): %1")
                                       .arg(changes.join(QStringLiteral(", ")));
    }
    if (!m_baseline)
        return QString();
    // No publish from here yet: compare the three Vercel members with what the last export says.
    const QStringList changes =
        gw::production::describeChange(withOwnedOf(m_live->config, *m_baseline), m_live->config);
    return changes.isEmpty()
               ? QString()
               : tr("Live differs from this workspace's last export %1 (nothing published from here yet): %2")
                     .arg(m_baselineSource, changes.join(QStringLiteral(", ")));
}

QString LivePanel::statusText() const
{
    return ui->statusLabel->text();
}

bool LivePanel::canAdopt() const
{
    return ui->adoptButton->isEnabled();
}

void LivePanel::show()
{
    const bool have = m_live.has_value();
    ui->paidValue->setText(have ? percentText(m_live->paidPercent) : QString());
    ui->freeValue->setText(have ? percentText(m_live->freePercent) : QString());
    ui->optOutList->clear();
    if (have)
        ui->optOutList->addItems(m_live->optOutModels.isEmpty() ? QStringList{tr("none")} : m_live->optOutModels);
    QStringList partners;
    if (have && m_live->perplexityPercent)
        partners << tr("Perplexity %1").arg(percentText(*m_live->perplexityPercent));
    if (have && m_live->friendliPercent)
        partners << tr("Friendli %1").arg(percentText(*m_live->friendliPercent));
    ui->partnersValue->setText(partners.isEmpty() ? tr("none") : partners.join(QStringLiteral(", ")));
    ui->updatedValue->setText(
        have
            ? tr("%1 by %2")
                  .arg(m_live->updatedAt, m_live->updatedByEmail.isEmpty() ? m_live->updatedBy : m_live->updatedByEmail)
            : QString());
    ui->noteValue->setText(have ? m_live->note : QString());
    ui->differenceLabel->setText(differenceText());
    const QString drift = driftText();
    ui->driftLabel->setText(drift.isEmpty() ? QString() : QStringLiteral("⚠ ") + drift);
    ui->adoptButton->setEnabled(
        have
        && !gw::production::describeChange(withOwnedOf(m_live->config, m_document->config()), m_live->config)
                .isEmpty());
    ui->statusLabel->setText(m_error);
}

void LivePanel::adoptIntoDraft()
{
    if (!m_live)
        return;
    gw::RoutingConfig config = m_document->config();
    config.defaultSharePaid = gw::milliToShare(gw::shareToMilli(m_live->paidPercent));
    config.defaultShareFree = gw::milliToShare(gw::shareToMilli(m_live->freePercent));
    // Opt-outs the draft does not already make: one OpenRouter pin of exactly those models.
    const QJsonArray draftOptOut = gw::production::ownedMembersFromDraft(config, true, QDateTime::currentDateTimeUtc())
                                       .members.value(kVercelMembers.at(2))
                                       .toArray();
    QSet<QString> have;
    for (const QJsonValue &v : draftOptOut)
        have.insert(v.toString());
    QStringList missing;
    for (const QString &model : std::as_const(m_live->optOutModels))
        if (!have.contains(model))
            missing << model;
    if (!missing.isEmpty()) {
        gw::Rule rule;
        rule.id = QStringLiteral("production-opt-out");
        for (int n = 2; std::any_of(config.rules.cbegin(), config.rules.cend(),
                                    [&](const gw::Rule &r) { return r.id == rule.id; });
             ++n)
            rule.id = QStringLiteral("production-opt-out-%1").arg(n);
        rule.match.models = missing;
        rule.action.gateway = gw::Gateway::OpenRouter;
        rule.note = tr("adopted from the live production record");
        config.rules.prepend(rule);
    }
    const int extra = int(have.size()) - int(m_live->optOutModels.size() - missing.size());
    m_document->apply(config, tr("Adopt the live production record"));
    ui->statusLabel->setText(extra > 0 ? tr("Adopted. The draft still opts out %n model(s) the live record does not: "
                                            "their rules or model entries are yours to change.",
                                            nullptr, extra)
                                       : tr("Adopted into the draft (Undo reverts it)."));
}

} // namespace gw::app
