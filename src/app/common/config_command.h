#pragma once
// The one undo command: the whole config before and after the edit.

#include "config/config.h"

#include <QUndoCommand>

namespace gw::app {

class DraftDocument;

class ConfigCommand : public QUndoCommand {
public:
    ConfigCommand(DraftDocument *document, gw::RoutingConfig before, gw::RoutingConfig after, const QString &text,
                  const QString &mergeKey);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    DraftDocument *m_document;
    gw::RoutingConfig m_before;
    gw::RoutingConfig m_after;
    QString m_mergeKey;
};

} // namespace gw::app
