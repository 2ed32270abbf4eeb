#include "common/page_context.h"

#include "history_store.h"

namespace gw::app {

PageContext::PageContext(DraftDocument *document, GatewayConnections *connections)
    : m_document(document), m_connections(connections)
{
}

PageContext::~PageContext() = default;

void PageContext::setHistory(std::shared_ptr<gw::store::HistoryStore> history, const QString &error)
{
    m_history = std::move(history);
    m_historyError = error;
    Q_EMIT historyChanged();
}

void PageContext::setWorkspace(const gw::Workspace &workspace)
{
    m_workspace = workspace;
    Q_EMIT workspaceChanged();
}

} // namespace gw::app
