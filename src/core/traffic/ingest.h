#pragma once
// Ingesting traffic logs: bytes to records to minute buckets, off the GUI thread.
//
// TrafficStreamIngestor is the pure part: it takes bytes in any chunking, parses each complete
// line and keeps an incomplete last line back (a writer may still be appending it), so its
// consumed() offset is always at a line boundary. ingestTrafficFile() drives it over a file,
// plain or gzip, from the offset a previous import stopped at.
//
// A file is recognised by its content, not its name: the fingerprint is the SHA-256 of its first
// bytes (up to 64 KiB of content), so a re-import of the same file adds nothing, an appended one
// only its new lines, and a rotated (renamed) file is still the same file.

#include "traffic/aggregator.h"
#include "traffic/line_parser.h"
#include "util/outcome.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace gw {

struct TrafficBadLine {
    qint64 line = 0; // 1-based in the file's content
    QString path;    // JSON path of the field, empty for the whole line
    QString message;
    // "traffic.jsonl:17: /latency_ms: expected a number"
    QString toString(const QString &file) const;
};

// The longest line a traffic log may have (docs/traffic-import.md). A longer line is one bad line
// ("line longer than N bytes"), skipped as it streams past without being buffered, so an
// unterminated 512 MB line costs no more memory than a short one.
constexpr qsizetype kTrafficMaxLineBytes = 1 << 20;

class TrafficStreamIngestor {
public:
    // `firstLine` numbers the first line fed (1 for a file's start). For CSV either the first
    // line fed is the header, or setCsvHeader() was called.
    TrafficStreamIngestor(TrafficFormat format, TrafficAggregator &aggregator, qint64 firstLine = 1,
                          int maxListedBadLines = 1000);

    bool setCsvHeader(const QByteArray &headerLine, QString *error);
    void setMaxLineBytes(qsizetype bytes) { m_maxLine = bytes; }
    qsizetype maxLineBytes() const { return m_maxLine; }
    // Parses every complete line in `data`; returns how many bytes it used (up to and including
    // the last newline). The caller feeds the rest again with more data appended. An incomplete
    // line already longer than maxLineBytes() is used up too (skipped, not kept): skippingBytes()
    // says how much of it, and it becomes one bad line when its newline arrives.
    qsizetype feed(const char *data, qsizetype size);
    // Bytes of a too-long line used so far without its end (0 when none): not at a line
    // boundary, so a stored offset stays before them.
    qint64 skippingBytes() const { return m_skipping; }
    // Fed pieces start after the content's first byte (a helper's share, a resumed import): a
    // UTF-8 BOM is only skipped at the content's start, which is where firstLine 1 begins.
    void setMidContent() { m_atContentStart = false; }

    qint64 lines() const { return m_lines; } // complete lines seen (header and blanks too)
    qint64 events() const { return m_events; }
    qint64 badLineCount() const { return m_badCount; }
    const QList<TrafficBadLine> &badLines() const { return m_bad; } // the first maxListedBadLines
    QString fatalError() const { return m_fatal; }                  // a CSV file without a usable header

    // Parallel parsing: `later` parsed the lines right after this one's (its numbering started
    // at 1). Takes over its counts and bad lines, renumbered to follow this one's, and resets it
    // to count from 1 again for its next piece. Its aggregator is the caller's to merge.
    void absorb(TrafficStreamIngestor &later);

private:
    void line(std::string_view text);
    void badLine(qint64 number, const QString &message);

    TrafficLineParser m_parser;
    TrafficAggregator &m_aggregator;
    TrafficRecord m_record;
    TrafficLineError m_error;
    qint64 m_nextLine;
    qint64 m_lines = 0;
    qint64 m_events = 0;
    qint64 m_badCount = 0;
    int m_maxListed;
    qsizetype m_maxLine = kTrafficMaxLineBytes;
    bool m_atContentStart;
    qint64 m_skipping = 0; // > 0: inside a too-long line, this many bytes of it used
    QList<TrafficBadLine> m_bad;
    QString m_fatal;
};

// What gwstore remembers of an ingested file.
struct TrafficFileState {
    qint64 id = 0;       // the store's row; 0 for a file never seen
    QString path;        // where it was last read from
    QString fingerprint; // hex SHA-256 of the content's first fingerprintBytes bytes
    qint64 fingerprintBytes = 0;
    qint64 offset = 0;   // content bytes ingested so far (always at a line boundary)
    qint64 lines = 0;    // lines ingested so far
    qint64 badLines = 0; // bad lines found so far
};

constexpr qsizetype kTrafficFingerprintBytes = 64 * 1024;
constexpr int kTrafficAutoThreads = 4; // the most threads TrafficIngestOptions::threads = 0 uses
QString trafficFingerprint(const QByteArray &head, qsizetype bytes); // hex SHA-256 of head.left(bytes)

// ".csv"/".csv.gz" or content starting with something other than '{' is CSV; else JSONL.
TrafficFormat detectTrafficFormat(const QString &path, const QByteArray &head);

struct TrafficIngestOptions {
    std::function<void(qint64 done, qint64 total)> progress; // file bytes; called per chunk
    const std::atomic<bool> *cancel = nullptr;
    int maxListedBadLines = 1000;
    qsizetype chunkBytes = 4 << 20;
    // Lines are parsed on up to this many threads (the calling one and helpers; never more than
    // the machine's cores). The result is the same as on one: bad lines keep their numbers and
    // order, the offset stays at a line boundary. 0 (the default) decides by measurement while
    // reading: a chunk on one thread, one on all of them (at most kTrafficAutoThreads), then the
    // faster way, tried again now and then, so a machine busy with other work stays on one.
    int threads = 0;
    qsizetype maxLineBytes = kTrafficMaxLineBytes; // see kTrafficMaxLineBytes
};

struct TrafficIngestResult {
    QString error; // the file could not be read; nothing was aggregated from it
    bool cancelled = false;
    TrafficFileState state; // the new state to store (offset advanced past the complete lines)
    bool known = false;     // the file had been ingested before
    qint64 events = 0;      // new events aggregated
    qint64 lines = 0;       // new complete lines read
    qint64 badLineCount = 0;
    QList<TrafficBadLine> badLines;
    qint64 heldBackBytes = 0;  // an incomplete last line, left for the next import
    qint64 maxBufferBytes = 0; // the largest the read buffer grew to (bounded, whatever the lines)
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// `lookup` gets the content's head (up to kTrafficFingerprintBytes) and returns what was stored
// for this file, if anything. Records are added to `aggregator` only when the result is ok().
using TrafficStateLookup = std::function<std::optional<TrafficFileState>(const QString &path, const QByteArray &head)>;
TrafficIngestResult ingestTrafficFile(const QString &path, const TrafficStateLookup &lookup,
                                      TrafficAggregator &aggregator, const TrafficIngestOptions &options = {});

// The whole content of a file, gunzipped when it is gzip; the error names the file.
Outcome<QByteArray> readTrafficContent(const QString &path, qsizetype limit = -1);

} // namespace gw
