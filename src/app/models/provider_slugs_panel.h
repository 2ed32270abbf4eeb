#pragma once
// The provider slug table on the Models page: edit, add and remove entries (all undoable).

#include <QGroupBox>

#include <memory>

namespace Ui {
class ProviderSlugsPanel;
}

namespace gw::app {

class DraftDocument;
class ProviderTableModel;

class ProviderSlugsPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit ProviderSlugsPanel(DraftDocument *document, QWidget *parent = nullptr);
    ~ProviderSlugsPanel() override;

    ProviderTableModel *model() const { return m_model; }

private:
    std::unique_ptr<Ui::ProviderSlugsPanel> ui;
    ProviderTableModel *m_model;
};

} // namespace gw::app
