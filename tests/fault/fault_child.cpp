// Built only for tests: repeats one write operation of the app until it is killed, printing one
// line after each operation that completed ("done <n>"), so the test knows the newest version that
// must have survived a SIGKILL.
//
//   fault_child export <file> <first revision>   native export to the same file, revision after revision
//   fault_child autosave <workspace dir>         an edit to the draft, then its autosave, again and again
//   fault_child ingest <history.sqlite>          whole batches of bench results; resumes after the last stored batch
//   fault_child traffic <history.sqlite> <log>   appends lines to a traffic log and imports it, again and again

#include "common/draft_document.h"
#include "database.h"
#include "fault_versions.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace gw;

namespace {

void report(qint64 n)
{
    std::printf("done %lld\n", static_cast<long long>(n));
    std::fflush(stdout); // the test reads it after the kill: nothing may wait in a buffer
}

int fail(const QString &why)
{
    std::fprintf(stderr, "fault_child: %s\n", qPrintable(why));
    return 2;
}

int exportLoop(const QString &file, qint64 first)
{
    const RoutingConfig base = faulttest::sampleConfig();
    for (qint64 revision = first;; ++revision) {
        if (const Outcome<bool> written = writeFileAtomically(file, faulttest::exportBytes(base, revision));
            !written.ok())
            return fail(written.error);
        report(revision);
    }
}

int autosaveLoop(const QString &dir)
{
    const gw::Workspace workspace(dir);
    const ConfigLoadResult draft = loadConfigFile(workspace.draftPath());
    if (!draft.config)
        return fail(joinDiagnostics(draft.diagnostics));
    gw::app::DraftDocument document;
    document.reset(*draft.config);
    document.setAutosavePath(workspace.autosavePath());
    for (qint64 edit = 1;; ++edit) {
        RoutingConfig edited = document.config();
        edited.note = faulttest::autosaveNote(edit);
        document.apply(edited, u"edit"_qs);
        QString error;
        if (!document.writeAutosaveNow(&error))
            return fail(error);
        report(edit);
    }
}

int ingestLoop(const QString &path)
{
    store::Database db;
    if (const auto opened = db.open(path); !opened.ok())
        return fail(opened.error);
    // Resume: the run of an earlier (killed) child, continued after its last whole batch.
    const auto runs = db.listRuns();
    if (!runs.ok())
        return fail(runs.error);
    qint64 runId = 0;
    int stored = 0;
    if (runs.value.isEmpty()) {
        const auto created = db.createRun(u"fault ingest"_qs, store::RunSettings{});
        if (!created.ok())
            return fail(created.error);
        runId = created.value;
    } else {
        runId = runs.value.constFirst().id;
        stored = runs.value.constFirst().results;
    }
    for (int batch = stored / faulttest::kBatch;; ++batch) {
        if (const auto added = db.addResults(runId, faulttest::ingestBatch(batch)); !added.ok())
            return fail(added.error);
        report(batch);
    }
}

int trafficLoop(const QString &path, const QString &log)
{
    store::Database db;
    if (const auto opened = db.open(path); !opened.ok())
        return fail(opened.error);
    // Resume where the log ends: an earlier child may have been killed mid-append, so the log can
    // end in half a line; that line is completed first (the importer holds it back until then).
    QFile file(log);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return fail(file.errorString());
    file.seek(0);
    const QByteArray existing = file.readAll();
    qint64 next = existing.count('\n');
    const qsizetype tail = existing.size() - (existing.lastIndexOf('\n') + 1);
    if (tail > 0) {
        file.write(faulttest::trafficLine(next).mid(tail));
        ++next;
    }
    for (;;) {
        for (int i = 0; i < faulttest::kTrafficLinesPerAppend; ++i)
            file.write(faulttest::trafficLine(next++));
        if (!file.flush())
            return fail(file.errorString());
        const auto imported = db.importTrafficFile(log);
        if (!imported.ok())
            return fail(imported.error);
        if (!imported.value.ok())
            return fail(imported.value.error);
        report(next); // every line up to here is counted
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == u"export")
        return exportLoop(args.at(2), args.at(3).toLongLong());
    if (args.size() >= 3 && args.at(1) == u"autosave")
        return autosaveLoop(args.at(2));
    if (args.size() >= 3 && args.at(1) == u"ingest")
        return ingestLoop(args.at(2));
    if (args.size() >= 4 && args.at(1) == u"traffic")
        return trafficLoop(args.at(2), args.at(3));
    return fail(u"usage: fault_child export <file> <first> | autosave <dir> | ingest <db> | traffic <db> <log>"_qs);
}
