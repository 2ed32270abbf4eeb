#pragma once
// The production routing record (ai_gateway_config, row 1): read it, and publish with
// compare-and-set. The API the app and `gatewayctl` call.
//
// Threading: every call is synchronous and opens its own connection on the calling thread, so
// any call may run on a worker thread (QtConcurrent::run, a QThread) while another runs on
// another; none touches the GUI. Each statement has the link's statement timeout.
// Errors: ProductionError (pg_session.h) says what kind (connection, timeout, refused, ...) and
// names the database without its password.

#include "pg_session.h"
#include "production/live_record.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace gw::store {

struct LiveRead {
    ProductionError error; // BadRecord for a missing row 1 or a member the schema does not allow
    production::LiveRecord record;
};

struct PublishRequest {
    QJsonObject owned;              // production::ownedMembersFromDraft(...).members or ownedMembersOf(earlier)
    production::PublishStamp stamp; // who, note, now (UTC; invalid: now)
    // Compare-and-set: the record must equal `expectedConfig` (the whole `config` object), or
    // its updated_at must be `expectedUpdatedAt` (the same instant). Neither set: `force` must be.
    std::optional<QJsonObject> expectedConfig;
    std::optional<QString> expectedUpdatedAt;
    bool force = false;
};

struct PublishOutcome {
    ProductionError error;  // Refused: the record is not the expected one; nothing was written
    QJsonObject before;     // the record as it was (empty when row 1 was missing)
    QJsonObject after;      // what was written (on refusal: what would have been)
    QStringList difference; // on refusal: threeWayDifference(expected, live, draft)
    QDateTime liveBy;       // when the production router has it (written + 60 s)
};

class ProductionLink {
public:
    explicit ProductionLink(production::PgConnectionSpec spec, ProductionLinkOptions options = {});

    const production::PgConnectionSpec &spec() const { return m_spec; }
    const ProductionLinkOptions &options() const { return m_options; }

    // Tries to connect (and to read row 1's presence): for a status indicator.
    ProductionError ping() const;
    LiveRead readLive() const;
    // In one transaction: SELECT ... FOR UPDATE, compare, UPDATE (or INSERT row 1 when absent
    // and nothing is expected). Members of `config` not owned are kept as they are.
    PublishOutcome publish(const PublishRequest &request) const;

private:
    production::PgConnectionSpec m_spec;
    ProductionLinkOptions m_options;
};

} // namespace gw::store
