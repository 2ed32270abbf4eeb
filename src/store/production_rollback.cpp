#include "production_rollback.h"

#include "config/config_io.h"
#include "production/publish_history.h"

namespace gw::store {

RollbackOutcome rollbackToPublish(const ProductionLink &link, const gw::Workspace &workspace,
                                  const gw::ExportRecord &target, const production::PublishStamp &stamp)
{
    RollbackOutcome out;
    const ConfigLoadResult native = loadConfigFile(workspace.exportsDir() + u'/' + target.file);
    const auto last = production::lastPublish(workspace);
    if (!native.config || !last) {
        out.publish.error =
            ProductionError::make(ProductionStatus::InvalidInput,
                                  native.config ? u"%1: no publish in the history"_qs.arg(workspace.historyPath())
                                                : u"%1: the published config no longer loads"_qs.arg(target.file));
        return out;
    }
    PublishRequest request;
    request.owned = production::ownedMembersOf(target.after);
    request.stamp = stamp;
    request.expectedConfig = last->after;
    out.publish = link.publish(request);
    if (!out.publish.error.ok()) {
        // A drift that cannot be recorded leaves the refusal as it is.
        if (out.publish.error.status == ProductionStatus::Refused)
            out.driftRecorded = production::recordDrift(workspace, out.publish.before, stamp.now).value;
        return out;
    }
    out.historyError =
        production::recordPublish(
            workspace, {*native.config, out.publish.before, out.publish.after, stamp.now, stamp.by, stamp.note},
            target.file)
            .error;
    return out;
}

} // namespace gw::store
