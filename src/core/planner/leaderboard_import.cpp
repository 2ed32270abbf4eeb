// Importers of the two leaderboard files (declared in leaderboard_plan.h): OpenRouter's
// app-rankings dataset and Vercel's leaderboard export, saved as JSON.

#include "planner/leaderboard_plan.h"
#include "json/json_source.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace gw {

namespace {

// Messages the user reads in the Planner. A class with this context (rather than a helper taking
// a char pointer) is what lupdate can see, so the app's translation covers them.
struct LeaderboardImportText {
    Q_DECLARE_TR_FUNCTIONS(gw::LeaderboardImport)
};

// "https://www.example.app/x" and "example.app" name the same host.
QString hostOf(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::TolerantMode);
    if (url.host().isEmpty())
        url = QUrl(u"https://"_qs + text.trimmed(), QUrl::TolerantMode);
    QString host = url.host().toLower();
    if (host.startsWith(u"www."))
        host = host.mid(4);
    return host;
}

bool isOurs(const LeaderboardRow &row, const OurAppIdentity &us)
{
    if (!us.name.trimmed().isEmpty() && row.name.trimmed().compare(us.name.trimmed(), Qt::CaseInsensitive) == 0)
        return true;
    const QString ourHost = us.url.trimmed().isEmpty() ? QString() : hostOf(us.url);
    if (ourHost.isEmpty())
        return false;
    for (const QString &candidate : {row.url, row.id})
        if (!candidate.isEmpty() && hostOf(candidate) == ourHost)
            return true;
    return false;
}

class RowReader {
public:
    RowReader(const JsonSource &source, QString fileName, Diagnostics *out)
        : m_source(source), m_file(std::move(fileName)), m_out(out)
    {
    }

    void error(const QString &pointer, const QString &message) const
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out->append({Diagnostic::Severity::Error, m_file, p.line, p.column, pointer, message});
    }

    // A number, or a string holding one (some exports quote big counts).
    std::optional<double> number(const QJsonObject &row, const QString &rowPointer, const QString &name,
                                 bool required) const
    {
        const QJsonValue v = row.value(name);
        const QString pointer = jsonPointerChild(rowPointer, name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error(rowPointer, LeaderboardImportText::tr("missing \"%1\"").arg(name));
            return std::nullopt;
        }
        if (v.isDouble() && v.toDouble() >= 0)
            return v.toDouble();
        bool ok = false;
        const double parsed = v.isString() ? v.toString().toDouble(&ok) : 0;
        if (ok && parsed >= 0)
            return parsed;
        error(pointer, LeaderboardImportText::tr("expected a number of 0 or more, found %1").arg(jsonTypeName(v)));
        return std::nullopt;
    }

    std::optional<QString> text(const QJsonObject &row, const QString &rowPointer, const QString &name,
                                bool required) const
    {
        const QJsonValue v = row.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error(rowPointer, LeaderboardImportText::tr("missing \"%1\"").arg(name));
            return std::nullopt;
        }
        if (v.isString())
            return v.toString();
        if (v.isDouble()) // numeric app ids
            return QString::number(v.toDouble(), 'g', 17);
        error(jsonPointerChild(rowPointer, name),
              LeaderboardImportText::tr("expected a string, found %1").arg(jsonTypeName(v)));
        return std::nullopt;
    }

private:
    const JsonSource &m_source;
    QString m_file;
    Diagnostics *m_out;
};

enum class Shape { OpenRouter, Vercel };

LeaderboardImport importRows(Shape shape, QByteArrayView bytes, const QString &fileName, const OurAppIdentity &us)
{
    LeaderboardImport result;
    const JsonSource source = parseJsonSource(bytes, fileName);
    result.problems = source.problems;
    if (!source.ok())
        return result;
    RowReader reader(source, fileName, &result.problems);

    QJsonArray array;
    QString arrayPointer;
    if (source.root.isArray()) {
        array = source.root.toArray();
    } else if (source.root.isObject() && source.root.toObject().value(u"data").isArray()) {
        array = source.root.toObject().value(u"data").toArray();
        arrayPointer = u"/data"_qs;
    } else {
        reader.error(QString(), LeaderboardImportText::tr("expected an array of rows or {\"data\": [...]}, found %1")
                                    .arg(jsonTypeName(source.root)));
        return result;
    }

    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString pointer = jsonPointerChild(arrayPointer, i);
        if (!array.at(i).isObject()) {
            reader.error(pointer,
                         LeaderboardImportText::tr("expected a row object, found %1").arg(jsonTypeName(array.at(i))));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        LeaderboardRow row;
        const std::optional<double> rank = reader.number(o, pointer, u"rank"_qs, true);
        if (rank && (*rank < 1 || *rank != std::floor(*rank)))
            reader.error(jsonPointerChild(pointer, u"rank"),
                         LeaderboardImportText::tr("a rank is a whole number from 1"));
        row.rank = rank ? int(*rank) : 0;
        if (shape == Shape::OpenRouter) {
            row.name = reader.text(o, pointer, u"app_name"_qs, true).value_or(QString());
            row.id = reader.text(o, pointer, u"app_id"_qs, false).value_or(QString());
            row.totalTokens = reader.number(o, pointer, u"total_tokens"_qs, true);
            row.totalRequests = reader.number(o, pointer, u"total_requests"_qs, false);
        } else {
            row.name = reader.text(o, pointer, u"name"_qs, true).value_or(QString());
            row.url = reader.text(o, pointer, u"url"_qs, false).value_or(QString());
            row.rankedBy = reader.text(o, pointer, u"ranked_by"_qs, false).value_or(QString()).toLower();
        }
        row.ours = isOurs(row, us);
        result.rows.append(row);
    }
    if (!result.ok()) {
        result.rows.clear();
        return result;
    }
    std::stable_sort(result.rows.begin(), result.rows.end(),
                     [](const LeaderboardRow &a, const LeaderboardRow &b) { return a.rank < b.rank; });
    for (const LeaderboardRow &row : std::as_const(result.rows)) {
        const bool bySpend = row.rankedBy == u"spend";
        if (row.ours) {
            if (!bySpend && !result.ourRank)
                result.ourRank = row.rank;
            continue;
        }
        std::optional<LeaderboardRow> &slot = bySpend ? result.strongestBySpend : result.strongestCompetitor;
        if (!slot)
            slot = row;
    }
    return result;
}

} // namespace

LeaderboardImport importOpenRouterRankings(QByteArrayView bytes, const QString &fileName, const OurAppIdentity &us)
{
    return importRows(Shape::OpenRouter, bytes, fileName, us);
}

LeaderboardImport importVercelLeaderboard(QByteArrayView bytes, const QString &fileName, const OurAppIdentity &us)
{
    return importRows(Shape::Vercel, bytes, fileName, us);
}

LeaderboardImport importLeaderboardFile(Gateway gateway, const QString &path, const OurAppIdentity &us)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LeaderboardImport failed;
        failed.problems.append({Diagnostic::Severity::Error, path, 0, 0, QString(),
                                LeaderboardImportText::tr("cannot read: %1").arg(file.errorString())});
        return failed;
    }
    const QByteArray bytes = file.readAll();
    return gateway == Gateway::OpenRouter ? importOpenRouterRankings(bytes, path, us)
                                          : importVercelLeaderboard(bytes, path, us);
}

} // namespace gw
