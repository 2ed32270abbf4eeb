#pragma once
// Incident in two clicks: pick a model (or provider), route it to the other gateway for N hours
// with a note. The result is one rule, incident-<slug>-<yyyymmddhhmm>, placed first.
// It starts from the selected rule's model, shows the expiry on the operator's clock, and warns
// when the production profile (the kilo-gateway export) cannot carry the pin.

#include "config/config.h"

#include <QDateTime>
#include <QDialog>

#include <memory>

namespace Ui {
class IncidentDialog;
}
class QComboBox;

namespace gw::app {

class IncidentDialog : public QDialog {
    Q_OBJECT
public:
    explicit IncidentDialog(const gw::RoutingConfig &config, QWidget *parent = nullptr,
                            const QDateTime &now = QDateTime());
    ~IncidentDialog() override;

    gw::Rule rule() const;
    void setSubject(const QString &model); // preselects a model (e.g. the one being inspected)
    // Preselects what `rule` matches: its first exact model, else its first provider. False when
    // it names neither (only globs, classes or users).
    bool setSubjectFromRule(const gw::Rule &rule);
    // What the kilo-gateway export would lose of this pin; empty when it carries it exactly.
    QStringList productionLosses() const { return m_productionLosses; }
    QString untilText() const; // the expiry on the operator's clock, with the time zone
    QComboBox *subjectCombo() const;

private:
    void fillSubjects();
    void update();

    std::unique_ptr<Ui::IncidentDialog> ui;
    gw::RoutingConfig m_config;
    QDateTime m_now;
    QStringList m_productionLosses;
};

} // namespace gw::app
