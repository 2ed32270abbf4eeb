#include "cli_common.h"
#include "cli_production.h"
#include "commands.h"

#include "config/config_io.h"
#include "production/publish_history.h"
#include "production_link.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace gw::cli {

namespace {

// The CONFIG's folder is a workspace when the config is its routing.json or it has exports/.
std::optional<gw::Workspace> workspaceOf(const QString &configPath)
{
    const QFileInfo info(configPath);
    if (info.fileName() == u"routing.json" || info.dir().exists(u"exports"_qs))
        return gw::Workspace(info.absolutePath());
    return std::nullopt;
}

} // namespace

int runPublish(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"CONFIG"_qs,
        u"The routing config to publish (a workspace's routing.json records the publish in its history)."_qs);
    const QCommandLineOption pg = pgOption();
    const QCommandLineOption by(u"by"_qs, u"Who publishes (updated_by, and updated_by_email for an address)."_qs,
                                u"EMAIL"_qs);
    const QCommandLineOption note(u"note"_qs, u"Why (required, at most 500 characters)."_qs, u"TEXT"_qs);
    const QCommandLineOption expect(u"expect-updated-at"_qs,
                                    u"Publish only if the live record's updated_at is this instant."_qs, u"T"_qs);
    const QCommandLineOption force(u"force"_qs, u"Publish whatever the live record is now."_qs);
    const QCommandLineOption allowLossy(u"allow-lossy"_qs, u"Publish even what the record cannot fully express."_qs);
    const QCommandLineOption json(u"json"_qs, u"Print the outcome as JSON."_qs);
    const QCommandLineOption now(u"now"_qs, u"The publish time, RFC 3339 (default: now)."_qs, u"RFC3339"_qs);
    parser.addOptions({pg, by, note, expect, force, allowLossy, json, now});
    if (const auto exit = parseCommandLine(
            parser, args,
            u"Publish a config to production's routing record with compare-and-set. Exit 3: refused, nothing written."_qs,
            1, 1))
        return *exit;
    int exit = ExitOk;
    const auto spec = readPgOption(parser, u"publish"_qs, &exit);
    if (!spec)
        return exit;
    if (!parser.isSet(by) || !parser.isSet(note))
        return usageError(u"publish: --by EMAIL and --note TEXT are required"_qs);
    if (parser.isSet(expect) && parser.isSet(force))
        return usageError(u"publish: --expect-updated-at and --force exclude each other"_qs);
    QDateTime when = QDateTime::currentDateTimeUtc();
    if (const auto e = readTimeOption(parser, now, u"publish"_qs, when))
        return *e;
    const QString configPath = parser.positionalArguments().first();
    const auto config = loadConfigOrReport(configPath);
    if (!config)
        return ExitInvalidInput;

    const production::OwnedMembers owned = production::ownedMembersFromDraft(*config, parser.isSet(allowLossy), when);
    for (const QString &loss : owned.losses)
        err() << (owned.ok ? u"lost: "_qs : u"cannot express: "_qs) << loss << u'\n';
    for (const QString &n : owned.notes)
        err() << u"note: "_qs << n << u'\n';
    if (!owned.ok) {
        err() << u"publish: "_qs << owned.error << u'\n';
        return ExitInvalidInput;
    }

    const store::ProductionLink link(*spec);
    store::PublishRequest request;
    request.owned = owned.members;
    request.stamp = {when, parser.value(by), parser.value(note)};
    const std::optional<gw::Workspace> workspace = workspaceOf(configPath);
    const auto last = workspace ? production::lastPublish(*workspace) : std::nullopt;
    if (parser.isSet(force)) {
        request.force = true;
    } else if (parser.isSet(expect)) {
        request.expectedUpdatedAt = parser.value(expect);
    } else if (last) {
        request.expectedConfig = last->after;
    } else {
        // No earlier publish to compare with: the record as read now is the base, so a change
        // between this read and the write is still refused.
        const store::LiveRead live = link.readLive();
        if (!live.error.ok() && live.error.status != store::ProductionStatus::BadRecord)
            return reportProductionError(u"publish"_qs, live.error);
        err() << u"note: no earlier publish in this workspace: based on the live record as read now\n"_qs;
        request.expectedConfig = live.record.config;
    }
    const store::PublishOutcome r = link.publish(request);
    if (!r.error.ok()) {
        if (r.error.status == store::ProductionStatus::Refused) {
            for (const QString &line : r.difference)
                err() << u"  "_qs << line << u'\n';
            if (workspace && last && production::recordDrift(*workspace, r.before, when).value)
                err() << u"drift recorded in the workspace history\n"_qs;
            if (parser.isSet(json))
                printJson({{u"published"_qs, false},
                           {u"error"_qs, r.error.message},
                           {u"difference"_qs, QJsonArray::fromStringList(r.difference)},
                           {u"live"_qs, r.before}});
        }
        return reportProductionError(u"publish"_qs, r.error);
    }
    if (workspace) {
        const Outcome<bool> recorded = production::recordPublish(
            *workspace, {*config, r.before, r.after, when, parser.value(by), parser.value(note)});
        if (!recorded.ok()) {
            err() << u"publish: published, but the workspace history could not be written: "_qs << recorded.error
                  << u'\n';
            return ExitInvalidInput;
        }
    }
    const QString change = production::describeChangeLine(r.before, r.after);
    if (parser.isSet(json)) {
        printJson({{u"published"_qs, true},
                   {u"change"_qs, change},
                   {u"live_by"_qs, formatRfc3339(r.liveBy)},
                   {u"before"_qs, r.before},
                   {u"after"_qs, r.after}});
    } else {
        out() << u"published to %1: %2\n"_qs.arg(spec->describe(), change);
        out() << u"live by %1 UTC\n"_qs.arg(r.liveBy.toUTC().toString(u"HH:mm"_qs));
    }
    return ExitOk;
}

} // namespace gw::cli
