#pragma once
// The production routing record (ai_gateway_config.config, schema.sql) as Gateway Console reads
// and writes it: validation with located errors, the members Gateway Console owns, and the
// difference between two records in words ("paid 3% -> 5%, opt-out +2 models").
//
// Gateway Console owns the kilo-gateway members (export_kilo.cpp) and `gateway_console` (the
// native config of the publish). Every other member (partner percentages, keys added by the
// production team) is kept exactly as it is on publish.

#include "config/config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace gw::production {

// The record's members as production reads them, defaults applied (schema.sql).
struct LiveRecord {
    QJsonObject config;                      // the whole stored object, as read
    double paidPercent = 50;                 // vercel_routing_percentage; null = 50
    double freePercent = 50;                 // vercel_routing_percentage_free; null = 50
    QStringList optOutModels;                // vercel_routing_opt_out_models; null = []
    std::optional<double> perplexityPercent; // present only when the member is
    std::optional<double> friendliPercent;
    QString updatedAt, updatedBy, updatedByEmail, note;
    bool hasNativeConfig = false; // gateway_console present (published by Gateway Console)
};

struct LiveParseResult {
    std::optional<LiveRecord> record;
    QString error; // "config/vercel_routing_opt_out_models: expected an array, found a string"
};
LiveParseResult parseLiveRecord(const QJsonObject &config);

// The members written on publish, besides the ones carried over.
QStringList ownedMembers();

struct OwnedMembers {
    bool ok = false;
    QJsonObject members; // the kilo-gateway fields and gateway_console
    QStringList losses;  // as `gatewayctl export --profile kilo-gateway` lists them
    QStringList notes;
    QString error;
};
// The draft as the record would carry it: the kilo-gateway export (same losses rules: refused
// unless allowLossy) and the native config under gateway_console.
OwnedMembers ownedMembersFromDraft(const RoutingConfig &draft, bool allowLossy, const QDateTime &now);
// The owned members of a record already published (what a rollback republishes).
QJsonObject ownedMembersOf(const QJsonObject &config);

struct PublishStamp {
    QDateTime now; // UTC
    QString by;    // updated_by; also updated_by_email when it is an e-mail address
    QString note;  // required, at most 500 characters
};
// Empty when fine, else why the stamp cannot be written.
QString validateStamp(const PublishStamp &stamp);

// `live` with the owned members replaced, every other member kept, and the stamp written.
QJsonObject applyPublish(const QJsonObject &live, const QJsonObject &owned, const PublishStamp &stamp);

// What changed from `from` to `to` in words, one item per change ("paid 3% -> 5%",
// "opt-out +2 models (a, b)", "note \"x\" -> \"y\""). Empty: the same record.
QStringList describeChange(const QJsonObject &from, const QJsonObject &to);
// describeChange joined with ", ", or "no change".
QString describeChangeLine(const QJsonObject &from, const QJsonObject &to);

// Base (what the draft was based on), live (what is there now), draft (what would be written):
// "live vs base: ..." and "draft vs base: ...", and "draft vs live: ...".
QStringList threeWayDifference(const QJsonObject &base, const QJsonObject &live, const QJsonObject &draft);

// When the production router has the change: it re-reads the record at most every 60 s.
QDateTime liveBy(const QDateTime &publishedAt);

} // namespace gw::production
