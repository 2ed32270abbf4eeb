#include "traffic/ingest.h"

#include "util/bom.h"
#include "util/sha256.h"

#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <system_error>
#include <thread>
#include <vector>

namespace gw {

QString TrafficBadLine::toString(const QString &file) const
{
    return file + u':' + QString::number(line) + u": "_qs + (path.isEmpty() ? QString() : path + u": "_qs) + message;
}

TrafficStreamIngestor::TrafficStreamIngestor(TrafficFormat format, TrafficAggregator &aggregator, qint64 firstLine,
                                             int maxListedBadLines)
    : m_parser(format)
    , m_aggregator(aggregator)
    , m_nextLine(firstLine)
    , m_maxListed(maxListedBadLines)
    , m_atContentStart(firstLine == 1)
{
}

bool TrafficStreamIngestor::setCsvHeader(const QByteArray &headerLine, QString *error)
{
    return m_parser.setCsvHeader(std::string_view(headerLine.constData(), size_t(headerLine.size())), error);
}

void TrafficStreamIngestor::line(std::string_view text)
{
    const qint64 number = m_nextLine++;
    ++m_lines;
    if (m_parser.format() == TrafficFormat::Csv && !m_parser.hasCsvHeader()) {
        QString why;
        if (!m_parser.setCsvHeader(text, &why) && m_fatal.isEmpty())
            m_fatal = u"line %1: %2"_qs.arg(number).arg(why);
        return;
    }
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
        ++i;
    if (i == text.size())
        return; // blank lines are not events and not errors
    if (!m_fatal.isEmpty())
        return;
    if (qsizetype(text.size()) > m_maxLine) {
        badLine(number, u"line longer than %1 bytes"_qs.arg(m_maxLine));
        return;
    }
    if (m_parser.parse(text, m_record, m_error)) {
        m_aggregator.add(m_record);
        ++m_events;
        return;
    }
    ++m_badCount;
    if (m_bad.size() < m_maxListed)
        m_bad << TrafficBadLine{number, m_error.path, m_error.message};
}

void TrafficStreamIngestor::badLine(qint64 number, const QString &message)
{
    ++m_badCount;
    if (m_bad.size() < m_maxListed)
        m_bad << TrafficBadLine{number, QString(), message};
}

void TrafficStreamIngestor::absorb(TrafficStreamIngestor &later)
{
    const qint64 shift = m_nextLine - 1;
    for (const TrafficBadLine &bad : std::as_const(later.m_bad)) {
        if (m_bad.size() >= m_maxListed)
            break;
        m_bad << TrafficBadLine{bad.line + shift, bad.path, bad.message};
    }
    m_badCount += later.m_badCount;
    m_events += later.m_events;
    m_lines += later.m_lines;
    m_nextLine += later.m_lines;
    if (m_fatal.isEmpty() && !later.m_fatal.isEmpty())
        m_fatal = later.m_fatal;
    later.m_bad.clear();
    later.m_badCount = later.m_events = later.m_lines = 0;
    later.m_nextLine = 1;
    later.m_fatal.clear();
}

qsizetype TrafficStreamIngestor::feed(const char *data, qsizetype size)
{
    qsizetype start = 0;
    if (m_atContentStart) {
        if (size < qsizetype(kUtf8Bom.size()) && !std::memchr(data, '\n', size_t(size)))
            return 0; // maybe a BOM cut short: wait for more
        m_atContentStart = false;
        start = utf8BomLength(data, size);
    }
    if (m_skipping > 0) { // the rest of a too-long line: used up to its newline, never kept
        const void *nl = std::memchr(data + start, '\n', size_t(size - start));
        if (!nl) {
            m_skipping += size - start;
            return size;
        }
        m_skipping = 0;
        ++m_lines;
        badLine(m_nextLine++, u"line longer than %1 bytes"_qs.arg(m_maxLine));
        start = static_cast<const char *>(nl) - data + 1;
    }
    while (start < size) {
        const void *nl = std::memchr(data + start, '\n', size_t(size - start));
        if (!nl)
            break;
        const qsizetype end = static_cast<const char *>(nl) - data;
        line(std::string_view(data + start, size_t(end - start)));
        start = end + 1;
    }
    if (size - start > m_maxLine && (m_parser.format() != TrafficFormat::Csv || m_parser.hasCsvHeader())) {
        m_skipping = size - start;
        return size;
    }
    return start;
}

QString trafficFingerprint(const QByteArray &head, qsizetype bytes)
{
    const qsizetype n = std::min(bytes, head.size());
    const Sha256Digest d = sha256(head.constData(), size_t(n));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(d.data()), qsizetype(d.size())).toHex());
}

TrafficFormat detectTrafficFormat(const QString &path, const QByteArray &head)
{
    QString name = path.toLower();
    if (name.endsWith(u".gz"_qs))
        name.chop(3);
    if (name.endsWith(u".csv"_qs))
        return TrafficFormat::Csv;
    if (name.endsWith(u".jsonl"_qs) || name.endsWith(u".json"_qs) || name.endsWith(u".ndjson"_qs))
        return TrafficFormat::Jsonl;
    for (char c : withoutUtf8Bom(QByteArrayView(head))) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' ? TrafficFormat::Jsonl : TrafficFormat::Csv;
    }
    return TrafficFormat::Jsonl;
}

namespace {

// Below this many bytes of complete lines a chunk is parsed on the calling thread alone: a
// helper thread costs more than it saves.
constexpr qsizetype kParallelMinBytes = 256 * 1024;

// The calling thread's ingestor and the helpers that parse the later parts of each chunk,
// each with its own aggregator (merged into the caller's at the end).
class ParallelFeeder {
public:
    ParallelFeeder(TrafficFormat format, int threads, int maxListedBadLines, qsizetype maxLineBytes)
        : m_measure(threads <= 0)
    {
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        const int wanted = threads <= 0 ? kTrafficAutoThreads : threads;
        for (int i = 1; i < std::min(wanted, cores); ++i) {
            m_aggregators.push_back(std::make_unique<TrafficAggregator>());
            m_helpers.push_back(
                std::make_unique<TrafficStreamIngestor>(format, *m_aggregators.back(), 1, maxListedBadLines));
            m_helpers.back()->setMaxLineBytes(maxLineBytes);
            m_helpers.back()->setMidContent();
        }
    }

    // CSV: the helpers need the header the main ingestor read from the file's first line.
    void setCsvHeader(const QByteArray &headerLine)
    {
        for (auto &h : m_helpers)
            if (!h->setCsvHeader(headerLine, nullptr))
                m_helpers.clear(); // no usable header: the main ingestor reports it, alone
    }

    // Feeds [data, data + size) and returns the bytes used, like TrafficStreamIngestor::feed.
    qsizetype feed(TrafficStreamIngestor &main, bool csvHeaderKnown, const char *data, qsizetype size)
    {
        const char *lastNewline = static_cast<const char *>(memrchr(data, '\n', size_t(size)));
        const qsizetype complete = lastNewline ? lastNewline - data + 1 : 0;
        if (m_helpers.empty() || !csvHeaderKnown || complete < kParallelMinBytes)
            return main.feed(data, size);
        if (!m_measure)
            return feedParallel(main, data, complete);
        // Measured: the way with the lower time per byte so far, the other one again every
        // kProbeEvery chunks (the machine's load changes while a big file is read).
        ++m_chunks;
        const bool parallel =
            m_chunks == 2 || (m_chunks > 2 && ((m_chunks % kProbeEvery == 0) != (m_nsPerByte[1] < m_nsPerByte[0])));
        const auto start = std::chrono::steady_clock::now();
        const qsizetype used = parallel ? feedParallel(main, data, complete) : main.feed(data, size);
        const double ns = double(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
        double &estimate = m_nsPerByte[parallel ? 1 : 0];
        const double now = ns / double(std::max<qsizetype>(used, 1));
        estimate = estimate == 0 ? now : (estimate + now) / 2;
        return used;
    }

    void mergeInto(TrafficAggregator &aggregator)
    {
        for (const auto &a : m_aggregators)
            aggregator.merge(*a);
    }

private:
    static constexpr int kProbeEvery = 8;

    qsizetype feedParallel(TrafficStreamIngestor &main, const char *data, qsizetype complete)
    {
        // Pieces of about equal size, each ending with a newline.
        const qsizetype pieces = qsizetype(m_helpers.size()) + 1;
        std::vector<qsizetype> bounds{0};
        for (qsizetype p = 1; p < pieces; ++p) {
            const qsizetype from = std::max(bounds.back(), complete * p / pieces);
            const void *nl = from < complete ? std::memchr(data + from, '\n', size_t(complete - from)) : nullptr;
            bounds.push_back(nl ? static_cast<const char *>(nl) - data + 1 : complete);
        }
        bounds.push_back(complete);
        std::vector<std::thread> threads;
        for (size_t h = 0; h < m_helpers.size(); ++h) {
            const qsizetype from = bounds[h + 1];
            const qsizetype to = bounds[h + 2];
            if (to <= from)
                continue;
            auto work = [this, h, data, from, to] { m_helpers[h]->feed(data + from, to - from); };
            try {
                threads.emplace_back(work);
            } catch (const std::system_error &) {
                work(); // no thread to be had: the same work, here
            }
        }
        main.feed(data, bounds[1]);
        for (std::thread &t : threads)
            t.join();
        for (auto &h : m_helpers)
            main.absorb(*h);
        return complete;
    }

    std::vector<std::unique_ptr<TrafficAggregator>> m_aggregators;
    std::vector<std::unique_ptr<TrafficStreamIngestor>> m_helpers;
    bool m_measure = false;
    int m_chunks = 0;
    double m_nsPerByte[2] = {0, 0}; // one thread, all of them: 0 until measured
};

// A file's content, read in chunks, gunzipped on the fly when it starts with the gzip magic.
// Concatenated gzip members (what `gzip >>` appends) are read one after another.
class ContentReader {
public:
    ~ContentReader()
    {
        if (m_gzip)
            inflateEnd(&m_zs);
    }

    bool open(const QString &path, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = path + u": "_qs + m_file.errorString();
            return false;
        }
        char magic[2] = {};
        m_gzip = m_file.peek(magic, 2) == 2 && static_cast<unsigned char>(magic[0]) == 0x1f
                 && static_cast<unsigned char>(magic[1]) == 0x8b;
        if (m_gzip) {
            std::memset(&m_zs, 0, sizeof m_zs);
            if (inflateInit2(&m_zs, 15 + 32) != Z_OK) {
                *error = path + u": cannot start gzip decompression"_qs;
                m_gzip = false;
                return false;
            }
            m_in.resize(1 << 20);
        }
        m_path = path;
        return true;
    }

    // Plain files seek straight to where the last import stopped; gzip has to inflate its way.
    bool canSeek() const { return !m_gzip; }
    bool seek(qint64 offset) { return m_file.seek(offset); }

    qint64 fileSize() const { return m_file.size(); }
    qint64 filePos() const { return m_file.pos(); }

    // Up to `max` content bytes into `out`; 0 at the end; -1 on error.
    qsizetype read(char *out, qsizetype max, QString *error)
    {
        if (!m_gzip) {
            const qint64 n = m_file.read(out, max);
            if (n < 0)
                *error = m_path + u": "_qs + m_file.errorString();
            return qsizetype(n);
        }
        m_zs.next_out = reinterpret_cast<Bytef *>(out);
        m_zs.avail_out = uInt(max);
        while (m_zs.avail_out == uInt(max)) {
            if (m_zs.avail_in == 0) {
                const qint64 n = m_file.read(m_in.data(), qint64(m_in.size()));
                if (n < 0) {
                    *error = m_path + u": "_qs + m_file.errorString();
                    return -1;
                }
                if (n == 0)
                    break; // end of file; a gzip member cut short just ends here
                m_zs.next_in = reinterpret_cast<Bytef *>(m_in.data());
                m_zs.avail_in = uInt(n);
            }
            const int rc = inflate(&m_zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                if (inflateReset(&m_zs) != Z_OK)
                    return -1;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                *error =
                    m_path + u": corrupt gzip data ("_qs + QString::fromLatin1(m_zs.msg ? m_zs.msg : "error") + u')';
                return -1;
            }
        }
        return max - qsizetype(m_zs.avail_out);
    }

private:
    QFile m_file;
    QString m_path;
    bool m_gzip = false;
    z_stream m_zs{};
    std::vector<char> m_in;
};

} // namespace

Outcome<QByteArray> readTrafficContent(const QString &path, qsizetype limit)
{
    ContentReader reader;
    QString error;
    if (!reader.open(path, &error))
        return Outcome<QByteArray>::failure(error);
    QByteArray out;
    const qsizetype step = 1 << 20;
    while (limit < 0 || out.size() < limit) {
        const qsizetype want = limit < 0 ? step : std::min(step, limit - out.size());
        const qsizetype old = out.size();
        out.resize(old + want);
        const qsizetype n = reader.read(out.data() + old, want, &error);
        if (n < 0)
            return Outcome<QByteArray>::failure(error);
        out.resize(old + n);
        if (n == 0)
            break;
    }
    return Outcome<QByteArray>::success(std::move(out));
}

TrafficIngestResult ingestTrafficFile(const QString &path, const TrafficStateLookup &lookup,
                                      TrafficAggregator &aggregator, const TrafficIngestOptions &options)
{
    TrafficIngestResult result;
    const Outcome<QByteArray> read = readTrafficContent(path, kTrafficFingerprintBytes);
    if (!read.ok()) {
        result.error = read.error;
        return result;
    }
    const QByteArray *head = &read.value;
    QString error;
    const QString canonical = QFileInfo(path).absoluteFilePath();
    std::optional<TrafficFileState> previous = lookup ? lookup(canonical, *head) : std::nullopt;
    TrafficFileState state = previous.value_or(TrafficFileState{});
    result.known = previous.has_value();
    state.path = canonical;

    const TrafficFormat format = detectTrafficFormat(path, *head);
    TrafficStreamIngestor ingestor(format, aggregator, state.lines + 1, options.maxListedBadLines);
    ingestor.setMaxLineBytes(options.maxLineBytes);
    ParallelFeeder feeder(format, options.threads, options.maxListedBadLines, options.maxLineBytes);
    if (format == TrafficFormat::Csv) {
        // The header is the content's first line: given to the helpers, and to the main ingestor
        // when resuming (it read the header in an earlier import).
        const qsizetype nl = head->indexOf('\n');
        if (state.offset > 0 && (nl < 0 || !ingestor.setCsvHeader(head->left(nl), &error))) {
            result.error = path + u":1: "_qs + (error.isEmpty() ? u"no CSV header"_qs : error);
            return result;
        }
        feeder.setCsvHeader(nl < 0 ? QByteArray() : head->left(nl));
    }

    ContentReader reader;
    if (!reader.open(path, &result.error))
        return result;
    const qint64 total = reader.fileSize();
    std::vector<char> buffer(size_t(std::max<qsizetype>(options.chunkBytes, 4096)));
    qsizetype filled = 0;
    qint64 contentPos = 0; // content bytes read so far
    if (state.offset > 0 && reader.canSeek() && state.offset <= total) {
        if (!reader.seek(state.offset)) {
            result.error = path + u": cannot seek to byte %1"_qs.arg(state.offset);
            return result;
        }
        contentPos = state.offset;
    }
    qint64 consumedTo = state.offset;
    while (true) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            return result;
        }
        if (filled == qsizetype(buffer.size()))
            buffer.resize(buffer.size() * 2); // a line longer than the buffer (up to the line limit)
        result.maxBufferBytes = std::max<qint64>(result.maxBufferBytes, qint64(buffer.size()));
        const qsizetype n = reader.read(buffer.data() + filled, qsizetype(buffer.size()) - filled, &result.error);
        if (n < 0)
            return result;
        if (n == 0)
            break;
        qsizetype begin = 0;
        if (contentPos < state.offset) { // skip what an earlier import already took
            const qint64 skip = std::min<qint64>(state.offset - contentPos, n);
            begin = qsizetype(skip);
        }
        contentPos += n;
        if (begin == n)
            continue;
        const qsizetype from = filled + begin;
        if (begin > 0) {
            std::memmove(buffer.data() + filled, buffer.data() + from, size_t(n - begin));
        }
        filled += n - begin;
        // The header line goes through the main ingestor first (alone: the helpers have it).
        const bool csvHeaderKnown = format != TrafficFormat::Csv || ingestor.lines() > 0 || state.offset > 0;
        const qsizetype used = feeder.feed(ingestor, csvHeaderKnown, buffer.data(), filled);
        consumedTo += used;
        std::memmove(buffer.data(), buffer.data() + used, size_t(filled - used));
        filled -= used;
        if (options.progress)
            options.progress(reader.filePos(), total);
    }
    if (contentPos < state.offset) {
        result.error = path
                       + u": %1 bytes, shorter than the %2 already ingested from it; replaced or truncated, "
                         "not ingested"_qs.arg(contentPos)
                             .arg(state.offset);
        return result;
    }
    if (!ingestor.fatalError().isEmpty()) {
        result.error = path + u':' + ingestor.fatalError();
        return result;
    }
    feeder.mergeInto(aggregator);
    // A too-long line still without its newline is held back like any incomplete last line
    // (the offset stays before it), though none of it is in the buffer.
    consumedTo -= ingestor.skippingBytes();
    result.heldBackBytes = filled + ingestor.skippingBytes();
    result.events = ingestor.events();
    result.lines = ingestor.lines();
    result.badLineCount = ingestor.badLineCount();
    result.badLines = ingestor.badLines();
    state.offset = consumedTo;
    state.lines += ingestor.lines();
    state.badLines += ingestor.badLineCount();
    state.fingerprintBytes =
        std::min<qsizetype>(head->size(), qsizetype(std::min<qint64>(consumedTo, kTrafficFingerprintBytes)));
    state.fingerprint = trafficFingerprint(*head, state.fingerprintBytes);
    result.state = state;
    return result;
}

} // namespace gw
