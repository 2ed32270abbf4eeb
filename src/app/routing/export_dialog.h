#pragma once
// Export: profile, the change list and canonical diff against the previous export, validation,
// who and note, and for kilo-gateway what cannot be expressed. Writes atomically into
// <workspace>/exports/, bumps the draft's revision and records the export in the history.
//
// What the profile cannot carry is listed first, in red, the rules added in this session on top;
// exporting anyway takes a confirmation given for exactly that list (it is withdrawn when the
// list changes). The dialog always says why Export is disabled.

#include "common/latest_job.h"
#include "export/exporter.h"
#include "workspace/workspace.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}
class QMessageBox;
class QPushButton;

namespace gw::app {

class DraftDocument;

// Everything the dialog shows for one set of inputs; computed off the GUI thread (the vectors
// profile decides ~1500 cases, the diff walks two canonical documents).
struct ExportPreparation {
    gw::RoutingConfig config;
    QStringList changes;
    QString diff;
    QString validation;
    bool valid = false;
    gw::ExportResult result;
};

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // Why Export is disabled, first reason first.
    enum class Blocker { None, Preparing, Invalid, Refused, WhoMissing, LossesNotConfirmed };
    static constexpr int LossRuleRole = Qt::UserRole;    // losses list: the rule's id, or empty
    static constexpr int LossNewRole = Qt::UserRole + 1; // losses list: rule added in this session

    ExportDialog(DraftDocument *document, const gw::Workspace &workspace, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setNow(const QDateTime &now)
    {
        m_now = now;
        refresh();
    }
    gw::ExportProfile profile() const;
    QStringList changes() const;
    QStringList losses() const; // as listed: this session's rules first
    Blocker blocker() const;
    QString blockerText() const; // what the dialog shows under the buttons
    QPushButton *exportButton() const { return m_exportButton; }
    QString writtenFile() const { return m_written; }
    bool isReady() const { return m_preparation.isSettled(); } // shows the current inputs

    // The config as it will be exported: draft with revision + 1, updated_at, updated_by, note.
    gw::RoutingConfig exportedConfig() const;

    static ExportPreparation prepare(const gw::RoutingConfig &before, bool hasPrevious, const gw::RoutingConfig &config,
                                     gw::ExportProfile profile, const gw::ExportOptions &options);

    // A non-modal note on `parent` that the export was written, with "Open file" (and the folder).
    static QMessageBox *showExportedNotice(QWidget *parent, const QString &path);

public Q_SLOTS:
    // Prepares the export with the final who/note and writes it when ready; the dialog is
    // accepted after a successful write (exported() tells the path), or shows why not.
    void exportNow();

Q_SIGNALS:
    void prepared();
    void exported(const QString &path);

private:
    void refresh();
    void showPreparation(const ExportPreparation &prep);
    void updateButton();
    void showLosses();
    void lossesConfirmed(bool confirmed);
    bool writeExport();
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

    std::unique_ptr<Ui::ExportDialog> ui;
    DraftDocument *m_document;
    gw::Workspace m_workspace;
    std::optional<gw::RoutingConfig> m_previous;
    QPushButton *m_exportButton;
    QDateTime m_now;
    gw::ExportResult m_result;
    QString m_written;
    gw::RoutingConfig m_preparedConfig;
    bool m_valid = false;
    QStringList m_confirmedLosses; // the list the operator agreed to drop
    bool m_exportPending = false;
    LatestJob<ExportPreparation> m_preparation{this}; // the inputs changed meanwhile: a newer one is on its way
};

} // namespace gw::app
