#pragma once
// The Routing page: default shares, gateway switches, the rules table with its side panel
// (rule editor, why inspector) and the live preview.

#include "config/config.h"

#include <QWidget>

#include <memory>

namespace Ui {
class RoutingPage;
}

namespace gw::app {

class DraftDocument;
class PageContext;
class PreviewPanel;
class RuleEditor;
class RulesTableModel;
class WhyInspector;

class RoutingPage : public QWidget {
    Q_OBJECT
public:
    explicit RoutingPage(std::shared_ptr<PageContext> context, QWidget *parent = nullptr);
    ~RoutingPage() override;

    RulesTableModel *rulesModel() const { return m_rules; }
    PreviewPanel *preview() const { return m_preview; }
    RuleEditor *ruleEditor() const { return m_editor; }
    WhyInspector *whyInspector() const { return m_why; }
    int selectedRow() const;
    void selectRow(int row);
    // A panel beside the rules (the shell adds "Live in production"); the page owns it.
    void addSideTab(QWidget *panel, const QString &title);

public Q_SLOTS:
    void openIncidentDialog();

private:
    void syncFromDocument();
    void setShare(gw::ModelClass cls, double percent);
    void setGateways(bool openrouter, bool vercel);
    void addRule();
    void duplicateRule();
    void removeRule();
    void moveRule(int delta);

    std::unique_ptr<Ui::RoutingPage> ui;
    std::shared_ptr<PageContext> m_context;
    DraftDocument *m_document;
    RulesTableModel *m_rules;
    RuleEditor *m_editor;
    WhyInspector *m_why;
    PreviewPanel *m_preview;
    bool m_inReset = false;
};

} // namespace gw::app
