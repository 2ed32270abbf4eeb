#pragma once
// The draft being edited: the current RoutingConfig, an undo stack whose every command stores
// the config before and after (configs are small), and a debounced autosave. Clean = saved.

#include "config/config.h"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

namespace gw::app {

class DraftDocument : public QObject {
    Q_OBJECT
public:
    explicit DraftDocument(QObject *parent = nullptr);
    ~DraftDocument() override;

    const gw::RoutingConfig &config() const { return m_config; }
    // The draft as reset() last set it (the workspace as opened): what this session started from.
    const gw::RoutingConfig &opened() const { return m_opened ? *m_opened : m_config; }
    QUndoStack *undoStack() { return &m_stack; }

    // Replaces the draft without undo history (opening a workspace). Clean afterwards.
    void reset(const gw::RoutingConfig &config);
    // One undoable edit. Consecutive edits with the same mergeKey (e.g. dragging a slider)
    // merge into one command.
    void apply(const gw::RoutingConfig &after, const QString &text, const QString &mergeKey = QString());

    bool isDirty() const { return !m_stack.isClean(); }
    void setClean() { m_stack.setClean(); }

    // Autosave to `path` ~1 s after the last edit while dirty; empty path: off.
    void setAutosavePath(const QString &path);
    QString autosavePath() const { return m_autosavePath; }
    bool writeAutosaveNow(QString *error = nullptr);
    void removeAutosave();
    void setAutosaveDelay(int msecs) { m_autosaveTimer.setInterval(msecs); }

    // Used by the commands only.
    void setConfigFromCommand(const gw::RoutingConfig &config);

Q_SIGNALS:
    void changed();
    void dirtyChanged(bool dirty);
    void autosaved(const QString &path);

private:
    gw::RoutingConfig m_config;
    std::optional<gw::RoutingConfig> m_opened; // optional: a second default config trips GCC 12's -Wuninitialized
    QUndoStack m_stack;
    QTimer m_autosaveTimer;
    QString m_autosavePath;
};

} // namespace gw::app
