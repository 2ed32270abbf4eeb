#include "common/draft_document.h"

#include "common/config_command.h"
#include "config/config_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gw::app {

DraftDocument::DraftDocument(QObject *parent) : QObject(parent)
{
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(1000);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] { writeAutosaveNow(); });
    connect(&m_stack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean) {
            m_autosaveTimer.stop();
            removeAutosave();
        }
        Q_EMIT dirtyChanged(!clean);
    });
}

DraftDocument::~DraftDocument()
{
    // QUndoStack's destructor reports "clean": that must neither delete the autosave (the app may
    // be going down with unsaved edits) nor reach owners that are half destroyed.
    m_stack.blockSignals(true);
}

void DraftDocument::reset(const gw::RoutingConfig &config)
{
    m_autosaveTimer.stop();
    m_stack.clear();
    m_config = config;
    m_opened = config;
    m_stack.setClean();
    Q_EMIT changed();
    Q_EMIT dirtyChanged(false);
}

void DraftDocument::apply(const gw::RoutingConfig &after, const QString &text, const QString &mergeKey)
{
    if (after == m_config)
        return;
    m_stack.push(new ConfigCommand(this, m_config, after, text, mergeKey));
}

void DraftDocument::setConfigFromCommand(const gw::RoutingConfig &config)
{
    m_config = config;
    if (!m_autosavePath.isEmpty())
        m_autosaveTimer.start();
    Q_EMIT changed();
}

void DraftDocument::setAutosavePath(const QString &path)
{
    m_autosavePath = path;
}

bool DraftDocument::writeAutosaveNow(QString *error)
{
    if (m_autosavePath.isEmpty() || !isDirty())
        return false;
    QDir().mkpath(QFileInfo(m_autosavePath).absolutePath());
    if (const gw::Outcome<bool> written = gw::writeFileAtomically(m_autosavePath, gw::canonicalConfigBytes(m_config));
        !written.ok()) {
        if (error)
            *error = written.error;
        return false;
    }
    Q_EMIT autosaved(m_autosavePath);
    return true;
}

void DraftDocument::removeAutosave()
{
    if (!m_autosavePath.isEmpty())
        QFile::remove(m_autosavePath);
}

} // namespace gw::app
