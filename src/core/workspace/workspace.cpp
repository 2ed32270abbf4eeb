#include "workspace/workspace.h"

#include "config/config_io.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace gw {

Workspace::Workspace(const QString &dir) : m_dir(dir.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).absolutePath()))
{
}

QString Workspace::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace");
}

QString Workspace::draftPath() const
{
    return m_dir + QStringLiteral("/routing.json");
}
QString Workspace::autosavePath() const
{
    return m_dir + QStringLiteral("/.autosave/routing.json");
}
QString Workspace::exportsDir() const
{
    return m_dir + QStringLiteral("/exports");
}
QString Workspace::historyPath() const
{
    return exportsDir() + QStringLiteral("/history.jsonl");
}

QStringList Workspace::catalogSnapshots(Gateway gateway) const
{
    const QDir dir(m_dir + QStringLiteral("/catalogs"));
    QStringList files =
        dir.entryList({gatewayName(gateway) + QStringLiteral("-models-*.json")}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = dir.filePath(file);
    return files;
}

Workspace::NewestCatalogs Workspace::newestCatalogs() const
{
    NewestCatalogs newest;
    if (const QStringList files = catalogSnapshots(Gateway::OpenRouter); !files.isEmpty())
        newest.openrouter = parseCatalogFile(Gateway::OpenRouter, files.last());
    if (const QStringList files = catalogSnapshots(Gateway::Vercel); !files.isEmpty())
        newest.vercel = parseCatalogFile(Gateway::Vercel, files.last());
    return newest;
}

QList<ExportRecord> Workspace::history() const
{
    QList<ExportRecord> records;
    QFile file(historyPath());
    if (!file.open(QIODevice::ReadOnly))
        return records;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        ExportRecord r;
        r.time = parseRfc3339(o.value(QStringLiteral("time")).toString()).value_or(QDateTime());
        r.profile = o.value(QStringLiteral("profile")).toString();
        r.revision = o.value(QStringLiteral("revision")).toInteger();
        r.who = o.value(QStringLiteral("who")).toString();
        r.note = o.value(QStringLiteral("note")).toString();
        r.sha256 = o.value(QStringLiteral("sha256")).toString();
        r.file = o.value(QStringLiteral("file")).toString();
        r.kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("export"));
        r.before = o.value(QStringLiteral("before")).toObject();
        r.after = o.value(QStringLiteral("after")).toObject();
        records.append(r);
    }
    return records;
}

Outcome<bool> Workspace::appendHistory(const ExportRecord &r) const
{
    QDir().mkpath(exportsDir());
    QByteArray bytes;
    QFile file(historyPath());
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    file.close();
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes.append('\n');
    QJsonObject o;
    o.insert(QStringLiteral("time"), formatRfc3339(r.time));
    o.insert(QStringLiteral("profile"), r.profile);
    o.insert(QStringLiteral("revision"), r.revision);
    o.insert(QStringLiteral("who"), r.who);
    o.insert(QStringLiteral("note"), r.note);
    o.insert(QStringLiteral("sha256"), r.sha256);
    o.insert(QStringLiteral("file"), r.file);
    if (r.kind != QStringLiteral("export")) {
        o.insert(QStringLiteral("kind"), r.kind);
        o.insert(QStringLiteral("before"), r.before);
        o.insert(QStringLiteral("after"), r.after);
    }
    bytes.append(QJsonDocument(o).toJson(QJsonDocument::Compact));
    bytes.append('\n');
    return writeFileAtomically(historyPath(), bytes);
}

QList<Workspace::NativeExport> Workspace::nativeExports() const
{
    QList<NativeExport> exports;
    for (const ExportRecord &record : history()) {
        if (record.profile != QStringLiteral("native"))
            continue;
        if (ConfigLoadResult loaded = loadConfigFile(exportsDir() + QLatin1Char('/') + record.file); loaded.config)
            exports.append(NativeExport{record.time, std::move(*loaded.config)});
    }
    return exports;
}

std::optional<RoutingConfig> Workspace::baseline(QString *source) const
{
    const QList<ExportRecord> records = history();
    // The newest first. (An index, not std::ranges::reverse_view: clang-tidy's clang 14 cannot
    // parse libstdc++ 12's ranges.)
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        const ExportRecord &record = records.at(i);
        if (record.profile != QStringLiteral("native"))
            continue;
        const QString path = exportsDir() + QLatin1Char('/') + record.file;
        if (auto loaded = loadConfigFile(path); loaded.config) {
            if (source)
                *source = path;
            return loaded.config;
        }
    }
    if (auto loaded = loadConfigFile(draftPath()); loaded.config) {
        if (source)
            *source = draftPath();
        return loaded.config;
    }
    return std::nullopt;
}

bool Workspace::hasRecoverableAutosave() const
{
    const QFileInfo autosave(autosavePath());
    const QFileInfo draft(draftPath());
    if (!autosave.exists())
        return false;
    if (draft.exists() && autosave.lastModified() < draft.lastModified())
        return false;
    QFile a(autosavePath()), d(draftPath());
    if (!a.open(QIODevice::ReadOnly))
        return false;
    if (!d.open(QIODevice::ReadOnly))
        return true;
    return a.readAll() != d.readAll();
}

} // namespace gw
