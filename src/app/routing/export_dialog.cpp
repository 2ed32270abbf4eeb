#include "routing/export_dialog.h"

#include "config/config_io.h"
#include "common/config_text.h"
#include "common/draft_document.h"
#include "ui_exportdialog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace gwapp {

ExportDialog::ExportDialog(DraftDocument *document, const gw::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ExportDialog>())
    , m_document(document)
    , m_workspace(workspace)
{
    ui->setupUi(this);
    for (gw::ExportProfile p : {gw::ExportProfile::Native, gw::ExportProfile::KiloGateway, gw::ExportProfile::Vectors})
        ui->profileCombo->addItem(gw::exportProfileName(p), int(p));
    ui->diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_exportButton = ui->buttonBox->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    QString source;
    m_previous = workspace.baseline(&source);
    ui->baselineLabel->setText(m_previous ? QDir(workspace.dir()).relativeFilePath(source) : tr("nothing (first export)"));
    ui->whoEdit->setText(QSettings().value(QStringLiteral("export/who"), qEnvironmentVariable("USER")).toString());
    ui->noteEdit->setText(document->config().note);
    connect(ui->profileCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(ui->lossyCheck, &QCheckBox::toggled, this, &ExportDialog::refresh);
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

gw::RoutingConfig ExportDialog::exportedConfig() const
{
    gw::RoutingConfig config = m_document->config();
    config.revision = std::max(config.revision, m_previous ? m_previous->revision : 0) + 1;
    config.updatedAt = now().toUTC();
    config.updatedBy = ui->whoEdit->text().trimmed();
    config.note = ui->noteEdit->text().trimmed();
    return config;
}

ExportPreparation ExportDialog::prepare(const gw::RoutingConfig &before, bool hasPrevious, const gw::RoutingConfig &config,
                                         gw::ExportProfile profile, const gw::ExportOptions &options)
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
    options.allowLossy = ui->lossyCheck->isChecked();
    options.now = now();
    m_exportButton->setEnabled(false);
    ui->resultLabel->setText(tr("Preparing the export…"));
    // The first export compares against an empty config.
    m_preparation.run(QtConcurrent::run(&ExportDialog::prepare, m_previous.value_or(gw::RoutingConfig()), m_previous.has_value(),
                                        exportedConfig(), profile(), options),
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
    ui->lossesList->clear();
    ui->lossesList->addItems(m_result.losses);
    ui->lossesGroup->setVisible(!m_result.losses.isEmpty());
    QStringList status;
    if (!m_result.ok)
        status << tr("Refused: %1").arg(m_result.error);
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

void ExportDialog::updateButton()
{
    m_exportButton->setEnabled(isReady() && m_result.ok && m_valid && !ui->whoEdit->text().trimmed().isEmpty());
}

void ExportDialog::exportNow()
{
    if (ui->whoEdit->text().trimmed().isEmpty())
        return;
    m_exportPending = true;
    refresh(); // with the final who and note; writeExport() runs when it is ready
}

bool ExportDialog::writeExport()
{
    if (!m_exportButton->isEnabled())
        return false;
    const gw::RoutingConfig &config = m_preparedConfig;
    const QString name = exportProfileName(profile()) + QStringLiteral("-r") + QString::number(config.revision)
        + QLatin1Char('-') + config.updatedAt->toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".json");
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

} // namespace gwapp
