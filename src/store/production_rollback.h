#pragma once
// Roll back: republish an earlier publish of the workspace's history through the same
// compare-and-set as every publish. The one implementation behind `gatewayctl rollback` and the
// app's publish history ("Roll back to this").
//
// The record expected in production is what this workspace last published: a change made since
// (the web admin) refuses the rollback, nothing is written, and the change is recorded as drift.
// Written: the publish goes into the history with the whole record before and after, its native
// config the earlier publish's file (referenced, not copied).
//
// Threading: synchronous, opens its own connection (ProductionLink) and appends to the
// workspace's history file: run it off the GUI thread.

#include "production_link.h"
#include "workspace/workspace.h"

namespace gw::store {

struct RollbackOutcome {
    PublishOutcome publish; // error Refused: nothing written; BadRecord: the earlier publish unusable
    bool driftRecorded = false;
    QString historyError; // published, but the history could not be written
    bool ok() const { return publish.error.ok() && historyError.isEmpty(); }
};

RollbackOutcome rollbackToPublish(const ProductionLink &link, const gw::Workspace &workspace,
                                  const gw::ExportRecord &target, const production::PublishStamp &stamp);

} // namespace gw::store
