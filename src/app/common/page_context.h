#pragma once
// What every page works on: the draft document, the gateway connections, the history store and
// the workspace. The window makes one and hands it to each page; the pages hold it by
// std::shared_ptr, so it (and the history store it owns) outlives the last page, whatever order
// the pages go in, and a load still running holds the store itself. No page is told about a new
// workspace or store one by one: they follow workspaceChanged() and historyChanged().

#include "workspace/workspace.h"

#include <QObject>

#include <memory>

namespace gw {
namespace store {
class HistoryStore;
}
} // namespace gw

namespace gw::app {

class DraftDocument;
class GatewayConnections;

class PageContext : public QObject {
    Q_OBJECT
public:
    // Both borrowed and outliving the pages; `connections` may be null (no gateways: no
    // balances, no live requests).
    explicit PageContext(DraftDocument *document, GatewayConnections *connections = nullptr);
    ~PageContext() override;

    DraftDocument *document() const { return m_document; }
    GatewayConnections *connections() const { return m_connections; }

    // Null while none is open or when it could not be opened (historyError() says why).
    const std::shared_ptr<gw::store::HistoryStore> &history() const { return m_history; }
    QString historyError() const { return m_historyError; }
    void setHistory(std::shared_ptr<gw::store::HistoryStore> history, const QString &error = QString());

    const gw::Workspace &workspace() const { return m_workspace; }
    void setWorkspace(const gw::Workspace &workspace);

Q_SIGNALS:
    void historyChanged();
    void workspaceChanged();

private:
    DraftDocument *m_document;
    GatewayConnections *m_connections;
    std::shared_ptr<gw::store::HistoryStore> m_history;
    QString m_historyError;
    gw::Workspace m_workspace;
};

} // namespace gw::app
