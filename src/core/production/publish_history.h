#pragma once
// Publishes and drift in the workspace's history (exports/history.jsonl, Workspace): every
// publish with the whole production record before and after and its native config in exports/
// beside it; every drift seen (the record changed by someone else since our last publish) with
// the record as last published and as found.

#include "workspace/workspace.h"

#include <QJsonObject>

#include <optional>

namespace gw::production {

// The newest publish entry, if any: its `after` is what the next publish expects to find.
std::optional<gw::ExportRecord> lastPublish(const gw::Workspace &workspace);
// The newest publish entry of config revision `revision` (what a rollback republishes).
std::optional<gw::ExportRecord> findPublish(const gw::Workspace &workspace, qint64 revision);

struct PublishEntry {
    RoutingConfig native; // the draft as published
    QJsonObject before, after;
    QDateTime time; // UTC
    QString who, note;
};
// Writes exports/publish-r<revision>-<UTC>.json (the native config) and appends the entry.
// An existing native file (a rollback republishing it) is referenced, not written again.
Outcome<bool> recordPublish(const gw::Workspace &workspace, const PublishEntry &entry,
                            const QString &existingFile = QString());

// The difference between the last publish and `live` in words; none when there was no publish
// or the record is as published.
std::optional<QStringList> driftSince(const gw::Workspace &workspace, const QJsonObject &live);
// Appends a drift entry unless the newest entry already records this same record as found.
// The value is true when it appended one.
Outcome<bool> recordDrift(const gw::Workspace &workspace, const QJsonObject &live, const QDateTime &seenAt);

} // namespace gw::production
