#pragma once
// A workspace is a folder: the draft config routing.json, catalogs/ snapshots, exports/ with
// exports/history.jsonl (one JSON object per export, production publish or drift seen), and
// .autosave/ for unsaved drafts.

#include "catalog/catalog.h"
#include "config/config.h"
#include "util/outcome.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gw {

struct ExportRecord {
    QDateTime time;
    QString profile;
    qint64 revision = 0;
    QString who;
    QString note;
    QString sha256; // of the written file
    QString file;   // relative to exports/
    // "export" (a file written), "publish" (the production record written; `file` is the native
    // config published) or "drift" (the production record found changed by someone else).
    QString kind = QStringLiteral("export");
    QJsonObject before; // publish, drift: the whole production record before (drift: as last published)
    QJsonObject after;  // publish: as written; drift: as found
};

class Workspace {
public:
    explicit Workspace(const QString &dir = QString());

    // AppDataLocation/workspace: where the bundled sample is copied on first start.
    static QString defaultLocation();

    bool isValid() const { return !m_dir.isEmpty(); }
    QString dir() const { return m_dir; }
    QString draftPath() const;
    QString autosavePath() const;
    QString exportsDir() const;
    QString historyPath() const;

    QList<ExportRecord> history() const; // oldest first
    Outcome<bool> appendHistory(const ExportRecord &record) const;

    // Every native export in the history that still loads, oldest first, with its export time
    // (invalid when the history line had none): the configs that were live, for the Monitor's
    // share target and the Planner's replay. Reads and parses files: call it off the GUI thread.
    struct NativeExport {
        QDateTime time;
        RoutingConfig config;
    };
    QList<NativeExport> nativeExports() const;

    // What the live preview and the export diff compare against: the newest native export in the
    // history, else the saved routing.json, else nothing.
    std::optional<RoutingConfig> baseline(QString *source = nullptr) const;

    // A gateway's catalog snapshots (catalogs/<gateway>-models-<UTC>.json, as CatalogSync names
    // them), oldest first: the names sort by time.
    QStringList catalogSnapshots(Gateway gateway) const;
    // The newest snapshot of each gateway, parsed; none for a gateway without a snapshot. Reads
    // and parses megabytes: call it off the GUI thread.
    struct NewestCatalogs {
        std::optional<CatalogParseResult> openrouter;
        std::optional<CatalogParseResult> vercel;
    };
    NewestCatalogs newestCatalogs() const;

    // An autosave newer than the saved draft and different from it: offer to recover it.
    bool hasRecoverableAutosave() const;

private:
    QString m_dir;
};

} // namespace gw
