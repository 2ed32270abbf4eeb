#include "routing/export_dialog.h"

#include "common/config_text.h"
#include "common/draft_document.h"
#include "common/state_names.h"
#include "config/config_io.h"
#include "ui_exportdialog.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::app {
namespace {

const QColor kLossColor(0xb0, 0x1c, 0x1c); // red that stays readable on light and dark lists

// "rule incident-x" or the part of a loss before its explanation ("failover boost to 30% ...").
QString lossName(const QString &loss, const QString &ruleId)
{
    if (!ruleId.isEmpty())
        return ExportDialog::tr("rule %1").arg(ruleId);
    return loss.section(QLatin1Char(':'), 0, 0).trimmed();
}

} // namespace

ExportDialog::ExportDialog(DraftDocument *document, const gw::Workspace &workspace, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::ExportDialog>()), m_document(document), m_workspace(workspace)
{
    ui->setupUi(this);
    for (gw::ExportProfile p : {gw::ExportProfile::Native, gw::ExportProfile::KiloGateway, gw::ExportProfile::Vectors})
        ui->profileCombo->addItem(gw::exportProfileName(p), int(p));
    ui->diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_exportButton = ui->buttonBox->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    QString source;
    m_previous = workspace.baseline(&source);
    const QString compared = m_previous ? QDir(workspace.dir()).relativeFilePath(source) : tr("nothing (first export)");
    ui->baselineLabel->setText(m_previous && source.startsWith(workspace.exportsDir())
                                   ? tr("%1: %2").arg(states::lastExport(), compared)
                                   : compared);
    ui->whoEdit->setText(QSettings().value(QStringLiteral("export/who"), qEnvironmentVariable("USER")).toString());
    // A note says why this change: the one from the previous export (or the draft as opened)
    // describes an earlier change, so it is shown as a hint, not carried forward unchanged.
    const QString draftNote = document->config().note;
    const QString previousNote = m_previous ? m_previous->note : document->opened().note;
    if (draftNote != previousNote)
        ui->noteEdit->setText(draftNote);
    if (!previousNote.isEmpty())
        ui->noteEdit->setPlaceholderText(tr("why this change (previous note: %1)").arg(previousNote));
    ui->lossesList->setWordWrap(true);
    connect(ui->profileCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(ui->lossyCheck, &QCheckBox::toggled, this, &ExportDialog::lossesConfirmed);
    // Who and note only change the header fields: no need to rebuild the export per keystroke
    // (the vectors profile decides ~1500 cases); exportNow() rebuilds it with the final values.
    connect(ui->whoEdit, &QLineEdit::textChanged, this, &ExportDialog::updateButton);
    connect(ui->noteEdit, &QLineEdit::textChanged, this, &ExportDialog::updateButton);
    connect(ui->whoEdit, &QLineEdit::editingFinished, this, &ExportDialog::refresh);
    connect(ui->noteEdit, &QLineEdit::editingFinished, this, &ExportDialog::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

ExportDialog::~ExportDialog() = default;

gw::ExportProfile ExportDialog::profile() const
{
    return gw::ExportProfile(ui->profileCombo->currentData().toInt());
}

QStringList ExportDialog::changes() const
{
    QStringList out;
    for (int i = 0; i < ui->changesList->count(); ++i)
        out << ui->changesList->item(i)->text();
    return out;
}

QStringList ExportDialog::losses() const
{
    QStringList out;
    for (int i = 0; i < ui->lossesList->count(); ++i)
        out << ui->lossesList->item(i)->text();
    return out;
}

ExportDialog::Blocker ExportDialog::blocker() const
{
    if (!isReady())
        return Blocker::Preparing;
    if (!m_valid)
        return Blocker::Invalid;
    if (!m_result.ok)
        return Blocker::Refused;
    if (ui->whoEdit->text().trimmed().isEmpty())
        return Blocker::WhoMissing;
    if (!m_result.losses.isEmpty() && (!ui->lossyCheck->isChecked() || m_confirmedLosses != m_result.losses))
        return Blocker::LossesNotConfirmed;
    return Blocker::None;
}

QString ExportDialog::blockerText() const
{
    switch (blocker()) {
    case Blocker::None: return QString();
    case Blocker::Preparing: return tr("Export is disabled while the export is being prepared.");
    case Blocker::Invalid: return tr("Export is disabled: the draft is not a valid config (see above).");
    case Blocker::Refused: return tr("Export is disabled: this profile cannot write this config (see above).");
    case Blocker::WhoMissing: return tr("Export is disabled: Who is required (it is recorded with the export).");
    case Blocker::LossesNotConfirmed:
        return tr("Export is disabled: this profile drops %n item(s) listed at the top; confirm dropping them or "
                  "choose another profile.",
                  nullptr, int(m_result.losses.size()));
    }
    return QString();
}

gw::RoutingConfig ExportDialog::exportedConfig() const
{
    gw::RoutingConfig config = m_document->config();
    config.revision = std::max(config.revision, m_previous ? m_previous->revision : 0) + 1;
    config.updatedAt = now().toUTC();
    config.updatedBy = ui->whoEdit->text().trimmed();
    config.note = ui->noteEdit->text().trimmed();
    return config;
}

ExportPreparation ExportDialog::prepare(const gw::RoutingConfig &before, bool hasPrevious,
                                        const gw::RoutingConfig &config, gw::ExportProfile profile,
                                        const gw::ExportOptions &options)
{
    ExportPreparation prep;
    prep.config = config;
    prep.changes = describeConfigChanges(before, config);
    const QByteArray canonical = gw::canonicalConfigBytes(config);
    const QString beforeText = hasPrevious ? QString::fromUtf8(gw::canonicalConfigBytes(before)) : QString();
    prep.diff = lineDiff(beforeText, QString::fromUtf8(canonical)).join(QLatin1Char('\n'));
    const gw::ConfigLoadResult check = gw::loadConfig(canonical, QStringLiteral("routing.json"));
    prep.valid = !gw::hasErrors(check.diagnostics);
    prep.validation = prep.valid ? tr("Valid config v1, revision %1.").arg(config.revision)
                                 : tr("Invalid:\n%1").arg(gw::joinDiagnostics(check.diagnostics));
    prep.result = gw::exportConfig(config, profile, options);
    return prep;
}

void ExportDialog::refresh()
{
    gw::ExportOptions options;
    // Always prepared in full: the dialog itself holds the export back until what is lost has
    // been confirmed (the core's refusal speaks of a command-line flag).
    options.allowLossy = true;
    options.now = now();
    m_exportButton->setEnabled(false);
    ui->resultLabel->setText(tr("Preparing the export…"));
    ui->blockedLabel->setText(blockerText());
    // The first export compares against an empty config.
    m_preparation.run(QtConcurrent::run(&ExportDialog::prepare, m_previous.value_or(gw::RoutingConfig()),
                                        m_previous.has_value(), exportedConfig(), profile(), options),
                      [this](const ExportPreparation &prep) { showPreparation(prep); });
}

void ExportDialog::showPreparation(const ExportPreparation &prep)
{
    ui->changesList->clear();
    ui->changesList->addItems(prep.changes.isEmpty() ? QStringList{tr("no routing changes")} : prep.changes);
    ui->diffView->setPlainText(prep.diff);
    ui->validationLabel->setText(prep.validation);
    m_result = prep.result;
    m_preparedConfig = prep.config;
    m_valid = prep.valid;
    showLosses();
    QStringList status;
    if (!m_result.ok)
        status << tr("This profile cannot write this config: %1").arg(m_result.error);
    for (const QString &note : std::as_const(m_result.notes))
        status << tr("Note: %1").arg(note);
    ui->resultLabel->setText(status.join(QLatin1Char('\n')));
    updateButton();
    Q_EMIT prepared();
    if (m_exportPending) {
        m_exportPending = false;
        if (writeExport())
            accept();
    }
}

void ExportDialog::showLosses()
{
    // The rules added since the draft was opened (an incident pin, usually) are the ones the
    // operator has in mind: they go first.
    QSet<QString> openedRules;
    for (const gw::Rule &rule : m_document->opened().rules)
        openedRules.insert(rule.id);
    struct Loss {
        QString text;
        QString rule;
        bool isNew;
    };
    QList<Loss> losses;
    for (qsizetype i = 0; i < m_result.losses.size(); ++i) {
        const QString rule = m_result.lossRules.value(i);
        losses.append({m_result.losses.at(i), rule, !rule.isEmpty() && !openedRules.contains(rule)});
    }
    std::stable_sort(losses.begin(), losses.end(), [](const Loss &a, const Loss &b) { return a.isNew && !b.isNew; });
    ui->lossesList->clear();
    QStringList names;
    for (const Loss &loss : std::as_const(losses)) {
        auto *item =
            new QListWidgetItem(loss.isNew ? tr("New in this session: %1").arg(loss.text) : loss.text, ui->lossesList);
        item->setForeground(kLossColor);
        item->setData(LossRuleRole, loss.rule);
        item->setData(LossNewRole, loss.isNew);
        QFont font = item->font();
        font.setBold(loss.isNew);
        item->setFont(font);
        const QString name = lossName(loss.text, loss.rule);
        if (!names.contains(name))
            names << name;
    }
    ui->lossesGroup->setVisible(!losses.isEmpty());
    // A confirmation holds for the list it was given for; a different list needs a new one.
    if (m_result.losses != m_confirmedLosses) {
        const QSignalBlocker blocker(ui->lossyCheck);
        ui->lossyCheck->setChecked(false);
        m_confirmedLosses.clear();
    }
    QString named = names.join(QStringLiteral(", "));
    if (named.size() > 160)
        named = named.left(157) + QStringLiteral("…");
    ui->lossyCheck->setText(tr("Drop %1 and export the rest").arg(named));
    ui->lossyCheck->setToolTip(m_result.losses.join(QLatin1Char('\n')));
}

void ExportDialog::lossesConfirmed(bool confirmed)
{
    m_confirmedLosses = confirmed ? m_result.losses : QStringList();
    updateButton();
}

void ExportDialog::updateButton()
{
    const Blocker why = blocker();
    m_exportButton->setEnabled(why == Blocker::None);
    m_exportButton->setText(m_result.losses.isEmpty()
                                ? tr("Export")
                                : tr("Export without %n item(s)", nullptr, int(m_result.losses.size())));
    ui->blockedLabel->setText(blockerText());
    m_exportButton->setToolTip(blockerText());
}

QMessageBox *ExportDialog::showExportedNotice(QWidget *parent, const QString &path)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Export written"),
                                tr("The export was written to\n%1").arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("exportedNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setProperty("file", path);
    QPushButton *open = box->addButton(tr("Open file"), QMessageBox::ActionRole);
    open->setObjectName(QStringLiteral("openFileButton"));
    QPushButton *folder = box->addButton(tr("Show folder"), QMessageBox::ActionRole);
    folder->setObjectName(QStringLiteral("showFolderButton"));
    // Action buttons would close the box; keep it for the other action and open on click.
    QObject::disconnect(open, nullptr, box, nullptr);
    QObject::disconnect(folder, nullptr, box, nullptr);
    QObject::connect(open, &QPushButton::clicked, box,
                     [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    QObject::connect(folder, &QPushButton::clicked, box,
                     [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath())); });
    box->setModal(false);
    box->show();
    return box;
}

void ExportDialog::exportNow()
{
    if (ui->whoEdit->text().trimmed().isEmpty()) {
        ui->blockedLabel->setText(blockerText());
        return;
    }
    m_exportPending = true;
    refresh(); // with the final who and note; writeExport() runs when it is ready
}

bool ExportDialog::writeExport()
{
    if (!m_exportButton->isEnabled())
        return false;
    const gw::RoutingConfig &config = m_preparedConfig;
    const QString name = exportProfileName(profile()) + QStringLiteral("-r") + QString::number(config.revision)
                         + QLatin1Char('-') + config.updatedAt->toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))
                         + QStringLiteral(".json");
    const QString path = m_workspace.exportsDir() + QLatin1Char('/') + name;
    QDir().mkpath(m_workspace.exportsDir());
    gw::ExportRecord record;
    record.time = config.updatedAt->toUTC();
    record.profile = exportProfileName(profile());
    record.revision = config.revision;
    record.who = config.updatedBy;
    record.note = config.note;
    record.sha256 = QString::fromLatin1(QCryptographicHash::hash(m_result.bytes, QCryptographicHash::Sha256).toHex());
    record.file = name;
    gw::Outcome<bool> written = gw::writeFileAtomically(path, m_result.bytes);
    if (written.ok())
        written = m_workspace.appendHistory(record);
    if (!written.ok()) {
        ui->resultLabel->setText(tr("Could not write the export: %1").arg(written.error));
        return false;
    }
    QSettings().setValue(QStringLiteral("export/who"), config.updatedBy);
    m_document->apply(config, tr("Export %1 revision %2").arg(record.profile).arg(config.revision));
    m_written = path;
    Q_EMIT exported(path);
    return true;
}

} // namespace gw::app
