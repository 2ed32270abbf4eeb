#include "production_link.h"

#include "config/config_io.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace gw::store {

namespace {

// Row 1's config, or nullopt when there is no row 1. `error` is set on failure.
std::optional<QJsonObject> selectRecord(PgSession &session, bool forUpdate, ProductionError &error)
{
    QSqlQuery q(session.db());
    q.setForwardOnly(true);
    const QString sql =
        u"SELECT config::text FROM ai_gateway_config WHERE id = 1"_qs + (forUpdate ? u" FOR UPDATE"_qs : QString());
    if (error = session.exec(q, sql, u"cannot read ai_gateway_config"_qs); !error.ok())
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &parse);
    if (!doc.isObject()) {
        error = ProductionError::make(
            ProductionStatus::BadRecord,
            u"%1: ai_gateway_config row 1: config is not a JSON object"_qs.arg(session.spec().describe()));
        return std::nullopt;
    }
    return doc.object();
}

bool sameInstant(const QString &a, const QString &b)
{
    const auto ta = parseRfc3339(a), tb = parseRfc3339(b);
    return ta && tb ? *ta == *tb : a == b;
}

} // namespace

ProductionLink::ProductionLink(production::PgConnectionSpec spec, ProductionLinkOptions options)
    : m_spec(std::move(spec)), m_options(options)
{
}

ProductionError ProductionLink::ping() const
{
    PgSession session(m_spec, m_options);
    if (auto e = session.open(); !e.ok())
        return e;
    QSqlQuery q(session.db());
    return session.exec(q, u"SELECT 1 FROM ai_gateway_config WHERE id = 1"_qs, u"cannot read ai_gateway_config"_qs);
}

LiveRead ProductionLink::readLive() const
{
    LiveRead r;
    PgSession session(m_spec, m_options);
    if (r.error = session.open(); !r.error.ok())
        return r;
    const auto config = selectRecord(session, false, r.error);
    if (!r.error.ok())
        return r;
    if (!config) {
        r.error = ProductionError::make(
            ProductionStatus::BadRecord,
            u"%1: ai_gateway_config has no row 1 (the production router reads that row)"_qs.arg(m_spec.describe()));
        return r;
    }
    r.record.config = *config; // kept for a bad record too: a publish can replace it
    const production::LiveParseResult parsed = production::parseLiveRecord(*config);
    if (!parsed.record) {
        r.error = ProductionError::make(ProductionStatus::BadRecord,
                                        u"%1: ai_gateway_config row 1: %2"_qs.arg(m_spec.describe(), parsed.error));
        return r;
    }
    r.record = *parsed.record;
    return r;
}

PublishOutcome ProductionLink::publish(const PublishRequest &request) const
{
    PublishOutcome r;
    production::PublishStamp stamp = request.stamp;
    if (!stamp.now.isValid())
        stamp.now = QDateTime::currentDateTimeUtc();
    if (const QString why = production::validateStamp(stamp); !why.isEmpty()) {
        r.error = ProductionError::make(ProductionStatus::InvalidInput, why);
        return r;
    }
    if (!request.force && !request.expectedConfig && !request.expectedUpdatedAt) {
        r.error = ProductionError::make(ProductionStatus::InvalidInput,
                                        u"publish needs the record it is based on (or an explicit force)"_qs);
        return r;
    }
    PgSession session(m_spec, m_options);
    if (r.error = session.open(); !r.error.ok())
        return r;
    QSqlDatabase &db = session.db();
    if (!db.transaction()) {
        r.error = session.fromSqlError(db.lastError(), u"cannot begin a transaction"_qs);
        return r;
    }
    const auto rollback = [&] { db.rollback(); };
    const std::optional<QJsonObject> live = selectRecord(session, true, r.error);
    if (!r.error.ok()) {
        rollback();
        return r;
    }
    r.before = live.value_or(QJsonObject());
    r.after = production::applyPublish(r.before, request.owned, stamp);
    QString mismatch;
    // A missing row 1 counts as the empty record (what the column defaults to).
    if (request.expectedConfig && live.value_or(QJsonObject()) != *request.expectedConfig)
        mismatch = live ? u"the record changed since it was read"_qs : u"ai_gateway_config has no row 1"_qs;
    else if (request.expectedUpdatedAt
             && (!live || !sameInstant(live->value(u"updated_at").toString(), *request.expectedUpdatedAt)))
        mismatch = u"updated_at is \"%1\", expected \"%2\""_qs.arg(
            live ? live->value(u"updated_at").toString() : u"(no row 1)"_qs, *request.expectedUpdatedAt);
    if (!mismatch.isEmpty()) {
        rollback();
        r.difference =
            production::threeWayDifference(request.expectedConfig.value_or(QJsonObject()), r.before, r.after);
        r.error = ProductionError::make(ProductionStatus::Refused,
                                        u"%1: not published: %2"_qs.arg(m_spec.describe(), mismatch));
        return r;
    }
    QSqlQuery write(db);
    write.prepare(live ? u"UPDATE ai_gateway_config SET config = ?::jsonb WHERE id = 1"_qs
                       : u"INSERT INTO ai_gateway_config (id, config) VALUES (1, ?::jsonb)"_qs);
    write.addBindValue(QString::fromUtf8(QJsonDocument(r.after).toJson(QJsonDocument::Compact)));
    if (r.error = session.exec(write, u"cannot write ai_gateway_config"_qs); !r.error.ok()) {
        rollback();
        return r;
    }
    if (!db.commit()) {
        r.error = session.fromSqlError(db.lastError(), u"cannot commit the publish"_qs);
        rollback();
        return r;
    }
    r.liveBy = production::liveBy(stamp.now);
    return r;
}

} // namespace gw::store
