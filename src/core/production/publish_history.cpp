#include "production/publish_history.h"

#include "config/config_io.h"
#include "production/live_record.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace gw::production {

namespace {

const QString kPublish = u"publish"_qs;
const QString kDrift = u"drift"_qs;

} // namespace

std::optional<gw::ExportRecord> lastPublish(const gw::Workspace &workspace)
{
    const QList<gw::ExportRecord> records = workspace.history();
    for (qsizetype i = records.size() - 1; i >= 0; --i)
        if (records.at(i).kind == kPublish)
            return records.at(i);
    return std::nullopt;
}

std::optional<gw::ExportRecord> findPublish(const gw::Workspace &workspace, qint64 revision)
{
    const QList<gw::ExportRecord> records = workspace.history();
    for (qsizetype i = records.size() - 1; i >= 0; --i)
        if (records.at(i).kind == kPublish && records.at(i).revision == revision)
            return records.at(i);
    return std::nullopt;
}

Outcome<bool> recordPublish(const gw::Workspace &workspace, const PublishEntry &entry, const QString &existingFile)
{
    gw::ExportRecord record;
    record.kind = kPublish;
    record.profile = u"native"_qs;
    record.time = entry.time.toUTC();
    record.revision = entry.native.revision;
    record.who = entry.who;
    record.note = entry.note;
    record.before = entry.before;
    record.after = entry.after;
    QByteArray bytes;
    if (existingFile.isEmpty()) {
        record.file =
            u"publish-r%1-%2.json"_qs.arg(entry.native.revision).arg(record.time.toString(u"yyyyMMdd'T'HHmmss'Z'"_qs));
        bytes = canonicalConfigBytes(entry.native);
        QDir().mkpath(workspace.exportsDir());
        if (Outcome<bool> written = writeFileAtomically(workspace.exportsDir() + u'/' + record.file, bytes);
            !written.ok())
            return written;
    } else {
        record.file = existingFile;
        QFile file(workspace.exportsDir() + u'/' + existingFile);
        if (file.open(QIODevice::ReadOnly))
            bytes = file.readAll();
    }
    record.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return workspace.appendHistory(record);
}

std::optional<QStringList> driftSince(const gw::Workspace &workspace, const QJsonObject &live)
{
    const auto last = lastPublish(workspace);
    if (!last || last->after == live)
        return std::nullopt;
    return describeChange(last->after, live);
}

Outcome<bool> recordDrift(const gw::Workspace &workspace, const QJsonObject &live, const QDateTime &seenAt)
{
    const auto last = lastPublish(workspace);
    if (!last || last->after == live)
        return Outcome<bool>::success(false);
    const QList<gw::ExportRecord> records = workspace.history();
    if (!records.isEmpty() && records.constLast().kind == kDrift && records.constLast().after == live)
        return Outcome<bool>::success(false);
    gw::ExportRecord record;
    record.kind = kDrift;
    record.time = seenAt.toUTC();
    record.revision = live.value(u"gateway_console").toObject().value(u"revision").toInteger();
    record.who = live.value(u"updated_by").toString();
    record.note = describeChangeLine(last->after, live);
    record.before = last->after;
    record.after = live;
    return workspace.appendHistory(record);
}

} // namespace gw::production
