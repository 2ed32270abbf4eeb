// gatewayctl plan-leaderboard, replay and ramp-check end to end: the real binary on a real
// history file filled by Database::importTrafficFile from a traffic log this test writes, every
// figure checked against an independent count over the records the test generated.
#include "gatewayctl_run.h"

#include "database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using gwtest::gatewayctl;
using gwtest::Run;

// All traffic lies in 11:00..11:59 of this day; ramp-check runs "as of" 12:00.
const QString kNow = QStringLiteral("2026-11-23T12:00:00Z");

struct Record {
    QString gateway;
    QString model;
    QString user;
    bool error = false;
    int ttftMs = 300;
    qint64 prompt = 0;
    qint64 completion = 0;
    double cost = 0;
};

QByteArray toJsonLine(const Record &r, int second)
{
    const QJsonObject o{
        {u"ts"_qs,
         u"2026-11-23T11:%1:%2.000Z"_qs.arg(second / 60 % 60, 2, 10, QChar(u'0')).arg(second % 60, 2, 10, QChar(u'0'))},
        {u"gateway"_qs, r.gateway},
        {u"model"_qs, r.model},
        {u"provider"_qs, u"p"_qs},
        {u"user"_qs, r.user},
        {u"task"_qs, QString()},
        {u"status"_qs, r.error ? 500 : 200},
        {u"error_type"_qs, QJsonValue::Null},
        {u"latency_ms"_qs, 900},
        {u"ttft_ms"_qs, r.ttftMs},
        {u"prompt_tokens"_qs, r.prompt},
        {u"completion_tokens"_qs, r.completion},
        {u"cached_tokens"_qs, 0},
        {u"reasoning_tokens"_qs, 0},
        {u"cost_usd"_qs, r.cost},
        {u"cost_source"_qs, u"reported"_qs},
        {u"fallback_from"_qs, QJsonValue::Null},
        {u"free"_qs, false},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// Per gateway, per model: n requests of which `errors` fail, users cycling over `users` ids.
void addTraffic(QList<Record> &out, const char *gateway, const char *model, int n, int errors, int ttftMs, int users)
{
    for (int i = 0; i < n; ++i) {
        Record r;
        r.gateway = QString::fromLatin1(gateway);
        r.model = QString::fromLatin1(model);
        r.user = u"%1-user-%2"_qs.arg(r.model).arg(i % users);
        r.error = i < errors;
        r.ttftMs = ttftMs;
        r.prompt = 100 + i % 50;
        r.completion = 20 + i % 7;
        r.cost = 1e-6 * double(r.prompt + r.completion);
        out.append(r);
    }
}

const QByteArray kConfigTemplate =
    "{\"schema_version\": 1, \"cohort\": \"vercel\", \"sticky_key\": \"task_or_user\",\n"
    " \"default_share\": {\"paid\": %SHARE%, \"free\": %SHARE%},\n"
    " \"models\": {\"m/good\": {\"vercel\": \"vm/good\"}, \"m/bad\": {\"vercel\": \"vm/bad\"},\n"
    "            \"m/thin\": {\"vercel\": \"vm/thin\"}, \"m/off\": {\"vercel\": null}}}";

QJsonObject parseObject(const Run &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(r.out + r.err));
    return doc.object();
}

} // namespace

class TestGatewayctlPlanner : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QList<Record> m_records;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QString configWithShare(const QString &name, int share)
    {
        QByteArray json = kConfigTemplate;
        json.replace("%SHARE%", QByteArray::number(share));
        return write(name, json);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // m/good: equal on both, enough volume -> advance. m/bad: Vercel fails 10 % vs 1 % ->
        // roll back. m/thin: too little traffic -> hold. m/off: not on Vercel at all.
        addTraffic(m_records, "openrouter", "m/good", 1200, 12, 300, 400);
        addTraffic(m_records, "vercel", "m/good", 1200, 12, 300, 400);
        addTraffic(m_records, "openrouter", "m/bad", 300, 3, 300, 100);
        addTraffic(m_records, "vercel", "m/bad", 300, 30, 300, 100);
        addTraffic(m_records, "openrouter", "m/thin", 50, 0, 300, 10);
        addTraffic(m_records, "vercel", "m/thin", 40, 0, 300, 10);
        addTraffic(m_records, "openrouter", "m/off", 500, 0, 300, 50);
        QByteArray log;
        for (qsizetype i = 0; i < m_records.size(); ++i)
            log += toJsonLine(m_records.at(i), int(i % 3600));
        const QString logPath = write(u"traffic.jsonl"_qs, log);

        m_db = m_dir.filePath(u"history.sqlite"_qs);
        gw::store::Database database;
        const auto opened = database.open(m_db);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        const auto imported = database.importTrafficFile(logPath);
        QVERIFY2(imported.ok(), qPrintable(imported.error));
        QCOMPARE(imported.value.events, quint64(m_records.size()));
        database.close();
    }

    void replayCountsEveryRequestWhereTheDraftSendsIt()
    {
        const Run r = gatewayctl({u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs, configWithShare(u"all.json"_qs, 100),
                                  u"--against"_qs, configWithShare(u"none.json"_qs, 0), u"--json"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);

        // Independent count: at 100 % every model on Vercel goes there; m/off stays.
        qint64 vercelRequests = 0, openrouterRequests = 0, vercelTokens = 0;
        QSet<QString> keys;
        for (const Record &rec : std::as_const(m_records)) {
            const bool toVercel = rec.model != u"m/off";
            (toVercel ? vercelRequests : openrouterRequests) += 1;
            if (toVercel) {
                vercelTokens += rec.prompt + rec.completion;
                keys.insert(rec.model + u'|' + rec.user);
            }
        }
        const QJsonObject draft = o.value(u"draft"_qs).toObject();
        QCOMPARE(draft.value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(), vercelRequests);
        QCOMPARE(draft.value(u"openrouter"_qs).toObject().value(u"requests"_qs).toInteger(), openrouterRequests);
        const QJsonObject vercelTotals = draft.value(u"vercel"_qs).toObject();
        QCOMPARE(vercelTotals.value(u"prompt_tokens"_qs).toInteger()
                     + vercelTotals.value(u"completion_tokens"_qs).toInteger(),
                 vercelTokens);
        // Every request logged 1e-6 USD per token, so the recorded rates price the draft at that.
        QVERIFY(std::abs(vercelTotals.value(u"cost_usd"_qs).toDouble() - 1e-6 * double(vercelTokens)) < 1e-9);
        const QJsonObject live = o.value(u"live"_qs).toObject();
        QCOMPARE(live.value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(), 0);
        // The recorded side is the log as written.
        QCOMPARE(o.value(u"recorded"_qs).toObject().value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(),
                 1540);
        // Churn: every (model, user) key on Vercel-capable models moves, and only to Vercel.
        const QJsonObject churn = o.value(u"churn"_qs).toObject();
        QCOMPARE(churn.value(u"keys_changed"_qs).toInteger(), qint64(keys.size()));
        QCOMPARE(churn.value(u"keys_to_openrouter"_qs).toInteger(), 0);
        QCOMPARE(churn.value(u"requests_affected"_qs).toInteger(), vercelRequests);
        QCOMPARE(o.value(u"rows"_qs).toInteger() > 0, true);

        // A window after all traffic: nothing to replay.
        const Run empty = gatewayctl({u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs, m_dir.filePath(u"all.json"_qs),
                                      u"--from"_qs, kNow, u"--json"_qs});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(parseObject(empty).value(u"rows"_qs).toInteger(), 0);
        QCOMPARE(gatewayctl({u"replay"_qs, u"--db"_qs, m_db}).exitCode, 2);
    }

    // The draft's rules count only while in force, the traffic replayed as if it began at --now:
    // a pin on m/good that expires 30 minutes after --now covers the one recorded hour (it starts
    // before the expiry); one that expired at 11:30, before --now, covers nothing, although the
    // recorded traffic's own clock (11:00) is before it.
    void replayCountsADraftRuleOnlyWhileInForce()
    {
        const auto pinnedUntil = [&](const QString &name, const QString &expiry) {
            QByteArray json = kConfigTemplate;
            json.replace("%SHARE%", "0");
            const QByteArray rules =
                "\"rules\": [{\"id\": \"pin-good\", \"expires_at\": \"" + expiry.toLatin1()
                + "\", \"match\": {\"models\": [\"m/good\"]}, \"action\": {\"gateway\": \"vercel\"}}],\n \"models\":";
            json.replace("\"models\":", rules);
            return write(name, json);
        };
        qint64 goodRequests = 0;
        for (const Record &rec : std::as_const(m_records))
            goodRequests += rec.model == u"m/good" ? 1 : 0;

        const Run inForce = gatewayctl({u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs,
                                        pinnedUntil(u"pin-later.json"_qs, u"2026-11-23T12:30:00Z"_qs), u"--now"_qs,
                                        kNow, u"--json"_qs});
        QCOMPARE(inForce.exitCode, 0);
        const QJsonObject o = parseObject(inForce);
        QCOMPARE(o.value(u"draft"_qs).toObject().value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(),
                 goodRequests);
        QCOMPARE(o.value(u"draft_live_from"_qs).toString(), kNow);
        const QJsonObject rule = o.value(u"draft_rules"_qs).toArray().at(0).toObject();
        QCOMPARE(rule.value(u"id"_qs).toString(), u"pin-good"_qs);
        QCOMPARE(rule.value(u"in_force"_qs).toString(), u"partly"_qs);
        QCOMPARE(rule.value(u"in_force_hours"_qs).toDouble(), 0.5);

        const Run expired = gatewayctl({u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs,
                                        pinnedUntil(u"pin-earlier.json"_qs, u"2026-11-23T11:30:00Z"_qs), u"--now"_qs,
                                        kNow, u"--json"_qs});
        QCOMPARE(expired.exitCode, 0);
        const QJsonObject e = parseObject(expired);
        QCOMPARE(e.value(u"draft"_qs).toObject().value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(), 0);
        QCOMPARE(e.value(u"draft_rules"_qs).toArray().at(0).toObject().value(u"in_force"_qs).toString(), u"expired"_qs);

        const Run text = gatewayctl(
            {u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs, m_dir.filePath(u"pin-later.json"_qs), u"--now"_qs, kNow});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"rule pin-good: partly, in force for 0.5 of 1 h"_qs), qPrintable(text.out));
        QCOMPARE(gatewayctl({u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs, m_dir.filePath(u"pin-later.json"_qs),
                             u"--now"_qs, u"yesterday"_qs})
                     .exitCode,
                 2);
    }

    void rampCheckEveryVerdict()
    {
        const auto plan = [&](const char *model) {
            return write(
                QString::fromLatin1(model).replace(u'/', u'_') + u".plan.json"_qs,
                "{\"scope\": \"" + QByteArray(model)
                    + "\", \"steps\": [2, 5, 10], \"current_step\": 1,\n"
                      " \"min_requests_per_gateway\": 1000, \"error_margin_points\": 1, \"confidence\": 0.95,\n"
                      " \"max_ttft_p95_worse_percent\": 20, \"max_cost_per_mtok_worse_percent\": 10, "
                      "\"window_minutes\": 60}");
        };
        const Run good = gatewayctl(
            {u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs, plan("m/good"), u"--now"_qs, kNow, u"--json"_qs});
        QCOMPARE(good.exitCode, 0);
        QJsonObject o = parseObject(good);
        QCOMPARE(o.value(u"verdict"_qs).toString(), u"advance"_qs);
        QCOMPARE(o.value(u"proposed_share_percent"_qs).toDouble(), 10.0);
        QCOMPARE(o.value(u"gateways"_qs).toObject().value(u"vercel"_qs).toObject().value(u"requests"_qs).toInteger(),
                 1200);
        QCOMPARE(o.value(u"gateways"_qs).toObject().value(u"vercel"_qs).toObject().value(u"errors"_qs).toInteger(), 12);

        const Run thin = gatewayctl(
            {u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs, plan("m/thin"), u"--now"_qs, kNow, u"--json"_qs});
        QCOMPARE(thin.exitCode, 3);
        o = parseObject(thin);
        QCOMPARE(o.value(u"verdict"_qs).toString(), u"hold"_qs);
        QCOMPARE(o.value(u"more_requests"_qs).toObject().value(u"vercel"_qs).toInteger(), 1000 - 40);
        QCOMPARE(o.value(u"more_requests"_qs).toObject().value(u"openrouter"_qs).toInteger(), 1000 - 50);

        // m/bad: 30/300 vs 3/300 with a 1-point margin: pooled 33/600 = 0.055,
        // SE = sqrt(0.055 * 0.945 * 2/300) = 0.018613, z = (0.10 - 0.01 - 0.01) / 0.018613 = 4.298.
        const Run bad = gatewayctl(
            {u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs, plan("m/bad"), u"--now"_qs, kNow, u"--json"_qs});
        QCOMPARE(bad.exitCode, 4);
        o = parseObject(bad);
        QCOMPARE(o.value(u"verdict"_qs).toString(), u"roll_back"_qs);
        QCOMPARE(o.value(u"proposed_step"_qs).toInt(), 0);
        const QJsonObject errorGate = o.value(u"gates"_qs).toArray().first().toObject();
        QCOMPARE(errorGate.value(u"gate"_qs).toString(), u"error_rate"_qs);
        QVERIFY(!errorGate.value(u"passed"_qs).toBool());
        QVERIFY(std::abs(errorGate.value(u"z"_qs).toDouble() - 4.298) < 1e-3);

        // Text output and a window that misses the traffic (as of a day later): hold.
        const Run later = gatewayctl({u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs, plan("m/good"), u"--now"_qs,
                                      u"2026-11-24T12:00:00Z"_qs});
        QCOMPARE(later.exitCode, 3);
        QVERIFY2(later.out.startsWith(u"hold: "_qs), qPrintable(later.out));

        const QString broken = write(u"broken.plan.json"_qs, "{\"scope\": \"m/good\",\n \"steps\": [5, 2]}");
        const Run invalid = gatewayctl({u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs, broken});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains(broken + u":2:"_qs) && invalid.err.contains(u"/steps/1"_qs),
                 qPrintable(invalid.err));
        QCOMPARE(gatewayctl({u"ramp-check"_qs, u"--plan"_qs, broken}).exitCode, 2);
    }

    void planLeaderboardFromTheHistory()
    {
        // One hour of traffic over a one-day range: tokens per day = all tokens.
        qint64 tokens = 0, movable = 0;
        for (const Record &rec : std::as_const(m_records)) {
            tokens += rec.prompt + rec.completion;
            if (rec.model != u"m/off")
                movable += rec.prompt + rec.completion;
        }
        const qint64 openrouterRival = tokens / 4;
        const qint64 vercelRival = tokens / 5;
        const Run r = gatewayctl({u"plan-leaderboard"_qs, u"--db"_qs, m_db, u"--from"_qs, u"2026-11-23T00:00:00Z"_qs,
                                  u"--to"_qs, u"2026-11-24T00:00:00Z"_qs, u"--config"_qs,
                                  configWithShare(u"zero.json"_qs, 0), u"--openrouter-competitor-tokens"_qs,
                                  QString::number(openrouterRival), u"--vercel-competitor-tokens"_qs,
                                  QString::number(vercelRival), u"--margin"_qs, u"10"_qs, u"--json"_qs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(u"our_tokens_per_day"_qs).toDouble(), double(tokens));
        const double eligible = 100.0 * double(movable) / double(tokens);
        QVERIFY(std::abs(o.value(u"reach"_qs).toObject().value(u"eligible_percent"_qs).toDouble() - eligible) < 1e-9);
        // Vercel needs 1.1 * vercelRival / tokens, about 22 %.
        const double low = 110.0 * double(vercelRival) / double(tokens);
        QVERIFY(std::abs(o.value(u"minimal_percent"_qs).toDouble() - low) < 1e-9);
        const QJsonObject shares = o.value(u"default_shares"_qs).toObject();
        QVERIFY(shares.value(u"reachable"_qs).toBool());
        QVERIFY(shares.value(u"achieved_percent"_qs).toDouble() >= low - 1e-9);
        QCOMPARE(shares.value(u"paid_percent"_qs).toDouble(), shares.value(u"free_percent"_qs).toDouble());
        QCOMPARE(o.value(u"curve"_qs).toArray().size(), 101);
    }

    void planLeaderboardFromRankingFiles()
    {
        const QString rankings =
            write(u"or.json"_qs, "{\"data\": [{\"app_id\": \"1\", \"app_name\": \"Gateway Console\", \"rank\": 1,"
                                 " \"total_requests\": 9, \"total_tokens\": 900},"
                                 " {\"app_id\": \"2\", \"app_name\": \"Rival\", \"rank\": 2, \"total_requests\": 5,"
                                 " \"total_tokens\": 620}]}");
        const QString vercel =
            write(u"vercel.json"_qs,
                  "[{\"rank\": 1, \"ranked_by\": \"tokens\", \"name\": \"Speedy\", \"url\": \"https://speedy.dev\"}]");
        // 1000 tokens, OpenRouter rival 620 (s <= 38 %), Vercel rival 450 (s >= 45 %): short by 7.
        const Run r =
            gatewayctl({u"plan-leaderboard"_qs, u"--tokens-per-day"_qs, u"1000"_qs, u"--openrouter-rankings"_qs,
                        rankings, u"--our-name"_qs, u"Gateway Console"_qs, u"--vercel-leaderboard"_qs, vercel,
                        u"--vercel-competitor-tokens"_qs, u"450"_qs, u"--margin"_qs, u"0"_qs, u"--json"_qs});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject o = parseObject(r);
        QVERIFY(!o.value(u"feasible"_qs).toBool());
        QVERIFY(std::abs(o.value(u"shortfall_points"_qs).toDouble() - 7) < 1e-9);
        QCOMPARE(o.value(u"binding_high"_qs).toString(), u"openrouter_tokens"_qs);
        const QJsonObject competitors = o.value(u"competitors"_qs).toObject();
        QCOMPARE(competitors.value(u"openrouter"_qs).toObject().value(u"name"_qs).toString(), u"Rival"_qs);
        QCOMPARE(competitors.value(u"vercel_tokens"_qs).toObject().value(u"name"_qs).toString(), u"Speedy"_qs);

        const QString bad =
            write(u"bad.json"_qs, "[\n{\"app_name\": \"X\", \"rank\": \"first\", \"total_tokens\": 1}]");
        const Run invalid = gatewayctl({u"plan-leaderboard"_qs, u"--tokens-per-day"_qs, u"1000"_qs,
                                        u"--openrouter-rankings"_qs, bad, u"--vercel-competitor-tokens"_qs, u"1"_qs});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains(bad + u":2:"_qs) && invalid.err.contains(u"/0/rank"_qs), qPrintable(invalid.err));
        // Vercel's export has no volumes: the typed volume is required.
        QCOMPARE(gatewayctl({u"plan-leaderboard"_qs, u"--tokens-per-day"_qs, u"1000"_qs,
                             u"--openrouter-competitor-tokens"_qs, u"5"_qs, u"--vercel-leaderboard"_qs, vercel})
                     .exitCode,
                 2);
        QCOMPARE(gatewayctl({u"plan-leaderboard"_qs, u"--tokens-per-day"_qs, u"1000"_qs,
                             u"--openrouter-competitor-tokens"_qs, u"5"_qs, u"--vercel-competitor-tokens"_qs, u"5"_qs,
                             u"--metric"_qs, u"requests"_qs})
                     .exitCode,
                 2);
    }

    // replay, ramp-check and plan-leaderboard only read the history: they leave no -wal or -shm
    // beside it (docs/store.md), as a closed history has none.
    void readersLeaveNoLogFiles()
    {
        {
            gw::store::Database tidy; // removes what an older build's readers left
            QVERIFY(tidy.open(m_db).ok());
        }
        const QString wal = m_db + u"-wal"_qs;
        const QString shm = m_db + u"-shm"_qs;
        QVERIFY(!QFile::exists(wal) && !QFile::exists(shm));
        const QList<QStringList> readers = {
            {u"replay"_qs, u"--db"_qs, m_db, u"--config"_qs, configWithShare(u"tidy.json"_qs, 100), u"--against"_qs,
             configWithShare(u"tidy-none.json"_qs, 0)},
            {u"ramp-check"_qs, u"--db"_qs, m_db, u"--plan"_qs,
             write(u"tidy.plan.json"_qs,
                   "{\"scope\": \"m/good\", \"steps\": [2, 5, 10], \"current_step\": 1,\n"
                   " \"min_requests_per_gateway\": 1000, \"error_margin_points\": 1, \"confidence\": 0.95,\n"
                   " \"max_ttft_p95_worse_percent\": 20, \"max_cost_per_mtok_worse_percent\": 10,"
                   " \"window_minutes\": 60}"),
             u"--now"_qs, kNow},
            {u"plan-leaderboard"_qs, u"--db"_qs, m_db, u"--from"_qs, u"2026-11-23T00:00:00Z"_qs, u"--to"_qs,
             u"2026-11-24T00:00:00Z"_qs, u"--config"_qs, configWithShare(u"tidy0.json"_qs, 0),
             u"--openrouter-competitor-tokens"_qs, u"1000"_qs, u"--vercel-competitor-tokens"_qs, u"1000"_qs},
        };
        for (const QStringList &args : readers) {
            const Run r = gatewayctl(args);
            QVERIFY2(r.exitCode == 0 || r.exitCode == 3, qPrintable(args.first() + u": "_qs + r.err));
            QVERIFY2(!QFile::exists(wal), qPrintable(args.first()));
            QVERIFY2(!QFile::exists(shm), qPrintable(args.first()));
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayctlPlanner)
#include "tst_gatewayctl_planner.moc"
