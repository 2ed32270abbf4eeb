#pragma once
// Export: profile, the change list and canonical diff against the previous export, validation,
// who and note, and for kilo-gateway what cannot be expressed. Writes atomically into
// <workspace>/exports/, bumps the draft's revision and records the export in the history.

#include "exporter.h"
#include "workspace.h"

#include <QDialog>

#include <memory>

namespace Ui { class ExportDialog; }
class QPushButton;

namespace gwapp {

class DraftDocument;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(DraftDocument *document, const Workspace &workspace, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setNow(const QDateTime &now) { m_now = now; refresh(); }
    gw::ExportProfile profile() const;
    QStringList changes() const;
    QStringList losses() const;
    QPushButton *exportButton() const { return m_exportButton; }
    QString writtenFile() const { return m_written; }

    // The config as it will be exported: draft with revision + 1, updated_at, updated_by, note.
    gw::RoutingConfig exportedConfig() const;

public Q_SLOTS:
    bool exportNow();

private:
    void refresh();
    void updateButton();
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

    std::unique_ptr<Ui::ExportDialog> ui;
    DraftDocument *m_document;
    Workspace m_workspace;
    std::optional<gw::RoutingConfig> m_previous;
    QPushButton *m_exportButton;
    QDateTime m_now;
    gw::ExportResult m_result;
    QString m_written;
    bool m_valid = false;
};

} // namespace gwapp
