#pragma once
// Incident in two clicks: pick a model (or provider), route it to the other gateway for N hours
// with a note. The result is one rule, incident-<slug>-<yyyymmddhhmm>, placed first.

#include "config/config.h"

#include <QDateTime>
#include <QDialog>

#include <memory>

namespace Ui { class IncidentDialog; }
class QComboBox;

namespace gwapp {

class IncidentDialog : public QDialog {
    Q_OBJECT
public:
    explicit IncidentDialog(const gw::RoutingConfig &config, QWidget *parent = nullptr,
                            const QDateTime &now = QDateTime());
    ~IncidentDialog() override;

    gw::Rule rule() const;
    void setSubject(const QString &model); // preselects a model (e.g. the one being inspected)
    QComboBox *subjectCombo() const;

private:
    void fillSubjects();
    void update();

    std::unique_ptr<Ui::IncidentDialog> ui;
    gw::RoutingConfig m_config;
    QDateTime m_now;
};

} // namespace gwapp
