#pragma once
// Side panel editing the selected rule: match fields, action, expiry, note. Validates as you type
// (bad glob, empty match, share out of range, id taken) and applies as one undoable command.

#include "config/config.h"

#include <QWidget>

#include <memory>

namespace Ui {
class RuleEditor;
}

namespace gw::app {

class DraftDocument;

class RuleEditor : public QWidget {
    Q_OBJECT
public:
    explicit RuleEditor(DraftDocument *document, QWidget *parent = nullptr);
    ~RuleEditor() override;

    void setRuleIndex(int row); // -1: nothing selected
    int ruleIndex() const { return m_row; }
    QStringList problems() const { return m_problems; }
    bool apply();

    // The rule as the fields describe it (for tests and validation).
    gw::Rule ruleFromFields() const;
    static QStringList validate(const gw::Rule &rule, const gw::RoutingConfig &config, int row);

private:
    void load();
    void revalidate();

    std::unique_ptr<Ui::RuleEditor> ui;
    DraftDocument *m_document;
    int m_row = -1;
    QStringList m_problems;
};

} // namespace gw::app
