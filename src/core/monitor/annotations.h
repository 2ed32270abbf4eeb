#pragma once
// "What changed when", for the Monitor's time charts: exports and publishes from the workspace
// history, and incident pins (the rules the incident dialog creates, "incident-<subject>-<UTC
// minute>", with an expiry) with their start and their expiry. Pure: the loader reads the history
// and the configs off the GUI thread, the chart view draws a marked vertical line per annotation.

#include "config/config.h"
#include "workspace/workspace.h"

#include <QList>
#include <QString>

#include <optional>

namespace gw {

struct ChartAnnotation {
    enum class Kind { Export, Publish, PinStart, PinExpiry };
    Kind kind = Kind::Export;
    qint64 atMs = 0;
    QString detail; // export, publish: the profile and revision ("native r3"); pins: the rule id
    bool operator==(const ChartAnnotation &) const = default;
};

// The minute an incident pin was created, from its id; none for an id without one.
std::optional<qint64> incidentPinStartMs(const QString &ruleId);

// The annotations within [fromMs, toMs], by time: every export and publish of the history, and
// the start and expiry of every incident pin among `rules` (each rule id once, as it may be in
// several configs).
QList<ChartAnnotation> chartAnnotations(const QList<ExportRecord> &history, const QList<Rule> &rules, qint64 fromMs,
                                        qint64 toMs);

} // namespace gw
