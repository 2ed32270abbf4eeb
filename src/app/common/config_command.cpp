#include "common/config_command.h"

#include "common/draft_document.h"

namespace gw::app {

ConfigCommand::ConfigCommand(DraftDocument *document, gw::RoutingConfig before, gw::RoutingConfig after,
                             const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{
}

void ConfigCommand::undo()
{
    m_document->setConfigFromCommand(m_before);
}
void ConfigCommand::redo()
{
    m_document->setConfigFromCommand(m_after);
}

bool ConfigCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ConfigCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace gw::app
