// gatewayctl ingest: traffic logs into the history database's buckets, remembering how far each
// file was read, so running it again (by hand, from cron, or with --follow) only adds what is new.
#include "cli_common.h"
#include "commands.h"

#include "database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace gw::cli {

namespace {

// In a folder: traffic.jsonl, traffic.csv, their rotated (.1, .2) and gzip'd forms.
QStringList logsIn(const QString &dir)
{
    static const QRegularExpression name(u"\\.(jsonl|ndjson|csv)(\\.[0-9]+)?(\\.gz)?$"_qs);
    QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Readable);
    // Oldest first, so a rotated file is read before the one that replaced it.
    std::stable_sort(files.begin(), files.end(),
                     [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    QStringList out;
    for (const QFileInfo &f : files)
        if (name.match(f.fileName()).hasMatch())
            out << f.filePath();
    return out;
}

} // namespace

int runIngest(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"LOG"_qs, u"Traffic logs v1 (JSONL or CSV, plain or gzip), or folders of them."_qs,
                                 u"LOG..."_qs);
    const QCommandLineOption db(u"db"_qs, u"The history database (created when missing)."_qs, u"FILE"_qs);
    const QCommandLineOption maxBad(u"max-bad-lines"_qs, u"List at most N bad lines per file (default 100)."_qs,
                                    u"N"_qs, u"100"_qs);
    const QCommandLineOption follow(u"follow"_qs, u"Keep watching: new files and appended lines, like tail -F."_qs);
    const QCommandLineOption interval(u"interval"_qs, u"With --follow: look every MS milliseconds (default 1000)."_qs,
                                      u"MS"_qs, u"1000"_qs);
    const QCommandLineOption stopAfter(
        u"stop-after"_qs, u"With --follow: stop after MS milliseconds (default: never)."_qs, u"MS"_qs, u"0"_qs);
    parser.addOptions({db, maxBad, follow, interval, stopAfter});
    if (const auto exit = parseCommandLine(parser, args, u"Ingest traffic logs into the history database."_qs, 1, -1))
        return *exit;
    if (!parser.isSet(db))
        return usageError(u"ingest: --db is required"_qs);
    bool okListed = false, okInterval = false, okStop = false;
    const int listed = parser.value(maxBad).toInt(&okListed);
    const int intervalMs = parser.value(interval).toInt(&okInterval);
    const qint64 stopMs = parser.value(stopAfter).toLongLong(&okStop);
    if (!okListed || listed < 0)
        return usageError(u"ingest: --max-bad-lines needs a number >= 0"_qs);
    if (!okInterval || intervalMs < 10 || !okStop || stopMs < 0)
        return usageError(u"ingest: --interval needs a number >= 10 and --stop-after one >= 0"_qs);

    store::Database database;
    if (const auto opened = database.open(parser.value(db)); !opened.ok()) {
        err() << u"ingest: "_qs << opened.error << u'\n';
        return ExitInvalidInput;
    }
    TrafficIngestOptions options;
    options.maxListedBadLines = listed;
    const bool following = parser.isSet(follow);
    QElapsedTimer clock;
    clock.start();
    int exit = ExitOk;
    for (bool first = true;; first = false) {
        QStringList paths;
        for (const QString &arg : parser.positionalArguments())
            paths << (QFileInfo(arg).isDir() ? logsIn(arg) : QStringList{arg});
        for (const QString &path : paths) {
            if (following && !first && !QFileInfo::exists(path))
                continue; // rotated away between two looks
            const auto imported = database.importTrafficFile(path, options);
            if (!imported.ok()) {
                err() << u"ingest: "_qs << imported.error << u'\n';
                return ExitInvalidInput;
            }
            const TrafficIngestResult &r = imported.value;
            if (!r.ok()) {
                err() << u"ingest: "_qs << r.error << u'\n';
                exit = ExitInvalidInput;
                continue;
            }
            for (const TrafficBadLine &bad : r.badLines)
                err() << bad.toString(path) << u'\n';
            if (r.badLineCount > r.badLines.size())
                err() << path << u": %1 more bad lines not listed\n"_qs.arg(r.badLineCount - r.badLines.size());
            if (!first && r.events == 0 && r.badLineCount == 0)
                continue; // following: only what changed
            out() << path << u": %1 new events, %2 bad lines"_qs.arg(r.events).arg(r.badLineCount);
            if (r.known)
                out() << u" (already ingested up to line %1)"_qs.arg(r.state.lines - r.lines);
            if (r.heldBackBytes > 0)
                out() << u", an incomplete last line (%1 bytes) left for later"_qs.arg(r.heldBackBytes);
            out() << u'\n';
        }
        out().flush();
        err().flush();
        if (!following || (stopMs > 0 && clock.elapsed() >= stopMs))
            break;
        QThread::msleep(stopMs > 0 ? std::min<qint64>(intervalMs, std::max<qint64>(1, stopMs - clock.elapsed()))
                                   : intervalMs);
    }
    return exit;
}

} // namespace gw::cli
