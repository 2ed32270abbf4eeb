#pragma once
// Pure text helpers of the app: the change list between two configs in words, a line diff of two
// canonical documents, rule summaries, expiry countdowns, incident rule ids and masked keys.
// All user-visible words go through QCoreApplication::translate("ConfigText", ...).

#include "config/config.h"

#include <QDateTime>
#include <QStringList>

namespace gw::app {

// "default paid share 3 → 4.5", "rule anthropic added", ... in a stable order; empty: no change.
QStringList describeConfigChanges(const gw::RoutingConfig &before, const gw::RoutingConfig &after);

// Line-based diff of two texts: unchanged lines start with "  ", removed with "- ", added "+ ".
QStringList lineDiff(const QString &before, const QString &after);

QString formatShare(double percent); // at most three decimals, no trailing zeros
QString matchSummary(const gw::RuleMatch &match);
QString actionSummary(const gw::RuleAction &action);
// "never", "expired", "expires in 3 h 12 min", "expires in 2 d 4 h", "expires in 5 min"
QString expiryText(const std::optional<QDateTime> &expiresAt, const QDateTime &now);
// A moment as the operator's clock shows it, with the zone: "2026-03-01 17:00 CET".
QString clockTimeText(const QDateTime &when);

// incident-<model-slug>-<yyyymmddhhmm> (UTC), with "-2", "-3"... when taken in `config`.
QString incidentRuleId(const gw::RoutingConfig &config, const QString &subject, const QDateTime &now);

// Comma list <-> string list (trimmed, empty items dropped).
QStringList splitList(const QString &text);

} // namespace gw::app
