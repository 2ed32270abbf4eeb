#include "store_types.h"

#include <QJsonArray>
#include <QStandardPaths>

namespace gw::store {

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return u"running"_qs;
    case RunStatus::Finished: return u"finished"_qs;
    case RunStatus::Cancelled: return u"cancelled"_qs;
    }
    return u"running"_qs;
}

std::optional<RunStatus> parseRunStatus(QStringView name)
{
    for (const RunStatus s : {RunStatus::Running, RunStatus::Finished, RunStatus::Cancelled}) {
        if (name == runStatusName(s))
            return s;
    }
    return std::nullopt;
}

QString trafficSourceName(TrafficSource source)
{
    return source == TrafficSource::Log ? u"log"_qs : u"test"_qs;
}

std::optional<TrafficSource> parseTrafficSource(QStringView name)
{
    if (name == u"test")
        return TrafficSource::Test;
    if (name == u"log")
        return TrafficSource::Log;
    return std::nullopt;
}

namespace {

QJsonObject promptCaseJson(const PromptCase &c)
{
    QJsonObject o{{u"name"_qs, c.name}, {u"messages"_qs, c.messages}, {u"line"_qs, c.line}};
    if (!c.reasoning.isEmpty())
        o.insert(u"reasoning"_qs, c.reasoning);
    if (!c.provider.isEmpty())
        o.insert(u"provider"_qs, c.provider);
    return o;
}

} // namespace

QJsonObject toJson(const RunSettings &s)
{
    QJsonArray cases;
    for (const PromptCase &c : s.suite.cases)
        cases.append(promptCaseJson(c));
    return QJsonObject{
        {u"models"_qs, QJsonArray::fromStringList(s.models)},
        {u"vercel_models"_qs, s.vercelModels},
        {u"suite"_qs, QJsonObject{{u"file"_qs, s.suite.fileName}, {u"cases"_qs, cases}}},
        {u"repeat"_qs, s.repeat},
        {u"concurrency"_qs, s.concurrency},
        {u"reasoning"_qs, s.reasoning},
        {u"provider"_qs, s.provider},
    };
}

Outcome<RunSettings> runSettingsFromJson(const QJsonObject &json, const QString &where)
{
    using R = Outcome<RunSettings>;
    RunSettings s;
    const QJsonValue models = json.value(u"models"_qs);
    if (!models.isArray())
        return R::failure(where + u": models: not an array"_qs);
    for (const QJsonValue &m : models.toArray()) {
        if (!m.isString())
            return R::failure(where + u": models: an entry is not a string"_qs);
        s.models << m.toString();
    }
    s.vercelModels = json.value(u"vercel_models"_qs).toObject();
    const QJsonObject suite = json.value(u"suite"_qs).toObject();
    s.suite.fileName = suite.value(u"file"_qs).toString();
    const QJsonArray cases = suite.value(u"cases"_qs).toArray();
    for (qsizetype i = 0; i < cases.size(); ++i) {
        if (!cases.at(i).isObject())
            return R::failure(where + u": suite.cases[%1]: not an object"_qs.arg(i));
        const QJsonObject o = cases.at(i).toObject();
        PromptCase c;
        c.name = o.value(u"name"_qs).toString();
        c.messages = o.value(u"messages"_qs).toArray();
        c.reasoning = o.value(u"reasoning"_qs).toObject();
        c.provider = o.value(u"provider"_qs).toObject();
        c.line = o.value(u"line"_qs).toInt();
        s.suite.cases << c;
    }
    s.repeat = json.value(u"repeat"_qs).toInt(1);
    s.concurrency = json.value(u"concurrency"_qs).toInt(1);
    s.reasoning = json.value(u"reasoning"_qs).toObject();
    s.provider = json.value(u"provider"_qs).toObject();
    R r;
    r.value = std::move(s);
    return r;
}

QString defaultHistoryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_qs;
}

} // namespace gw::store
