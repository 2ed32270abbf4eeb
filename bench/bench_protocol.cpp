// Throughput of the protocol layer on a large, realistic OpenRouter stream built in memory:
// keep-alive comments, reasoning deltas with reasoning_details, text deltas, a usage chunk.
// Prints "BENCH <name> <value> <unit>"; MB = 10^6 bytes. Best of several runs, so a busy
// machine understates less.

#include "protocol/normalizer.h"
#include "protocol/sse_parser.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QString>

#include <cstdio>
#include <functional>

using namespace gw;

namespace {

constexpr qsizetype kStreamBytes = 64 * 1000 * 1000;
constexpr int kRuns = 3;

QByteArray chunkJson(int seq, bool reasoning)
{
    // Words of varying length, some needing JSON escapes, like real model output.
    static const char *const kWords[] = {"the",        "gateway", "routes",         "traffic", "between",
                                         "providers,", "and",     "\\\"quotes\\\"", "latency", "matters",
                                         "\\n",        "tokens",  "café",           "—",       "cost"};
    QByteArray text;
    for (int w = 0; w < 3 + seq % 5; ++w)
        text += QByteArray(kWords[(seq * 7 + w) % 15]) + ' ';
    QByteArray delta;
    if (reasoning)
        delta = "\"content\":\"\",\"reasoning\":\"" + text
                + "\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"" + text
                + "\",\"format\":\"anthropic-claude-v1\",\"index\":0}]";
    else
        delta = "\"content\":\"" + text + "\"";
    return "{\"id\":\"gen-1740000000-AbCdEfGhIjKlMnOp\",\"provider\":\"Anthropic\",\"model\":\"anthropic/"
           "claude-sonnet-4.5\","
           "\"object\":\"chat.completion.chunk\",\"created\":1740000000,\"choices\":[{\"index\":0,\"delta\":{\"role\":"
           "\"assistant\","
           + delta + "},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}";
}

QByteArray buildStream()
{
    QByteArray s;
    s.reserve(kStreamBytes + 4096);
    s += ": OPENROUTER PROCESSING\n\n";
    int seq = 0;
    while (s.size() < kStreamBytes) {
        if (seq % 200 == 0)
            s += ": OPENROUTER PROCESSING\n\n";
        s += "data: " + chunkJson(seq, seq % 4 == 0) + "\n\n";
        ++seq;
    }
    s +=
        "data: "
        "{\"id\":\"gen-1740000000-AbCdEfGhIjKlMnOp\",\"provider\":\"Anthropic\",\"model\":\"anthropic/"
        "claude-sonnet-4.5\","
        "\"object\":\"chat.completion.chunk\",\"created\":1740000000,\"choices\":[],\"usage\":{\"prompt_tokens\":1520,"
        "\"completion_tokens\":85,\"total_tokens\":1605,\"cost\":0.0030702,\"is_byok\":false,\"prompt_tokens_details\":"
        "{\"cached_tokens\":1024},\"completion_tokens_details\":{\"reasoning_tokens\":42}}}\n\ndata: [DONE]\n\n";
    return s;
}

// Runs `feedAll` over the whole stream kRuns times; the best MB/s.
double bestThroughput(const QByteArray &stream, const std::function<void(QByteArrayView)> &feedAll)
{
    double best = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        feedAll(stream);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        best = std::max(best, double(stream.size()) / 1e6 / seconds);
    }
    return best;
}

void feedInPieces(QByteArrayView all, qsizetype pieceSize, const std::function<void(QByteArrayView)> &feed)
{
    for (qsizetype at = 0; at < all.size(); at += pieceSize)
        feed(all.sliced(at, std::min(pieceSize, all.size() - at)));
}

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main()
{
    const QByteArray stream = buildStream();
    std::fprintf(stderr, "stream: %lld bytes\n", static_cast<long long>(stream.size()));

    for (const qsizetype piece : {qsizetype(16384), qsizetype(256)}) {
        qint64 events = 0;
        const double mbps = bestThroughput(stream, [&](QByteArrayView all) {
            SseParser parser([&events](const SseEvent &e) { events += e.data.size() > 0; });
            feedInPieces(all, piece, [&parser](QByteArrayView b) { parser.feed(b); });
            parser.finish();
            if (parser.error().isError())
                qFatal("benchmark stream did not parse: %s", qPrintable(parser.error().message));
        });
        report(piece == 16384 ? "sse_parse_throughput" : "sse_parse_throughput_256b_pieces", mbps, "MB/s");
        std::fprintf(stderr, "events seen: %lld\n", static_cast<long long>(events));
    }

    // Reference point: the SSE parse plus QJsonDocument::fromJson of every chunk, nothing else.
    const double jsonOnly = bestThroughput(stream, [&](QByteArrayView all) {
        qint64 objects = 0;
        SseParser parser([&objects](const SseEvent &e) { objects += QJsonDocument::fromJson(e.data).isObject(); });
        feedInPieces(all, 16384, [&parser](QByteArrayView b) { parser.feed(b); });
        parser.finish();
        if (objects == 0)
            qFatal("no JSON chunk parsed");
    });
    report("sse_plus_qjsondocument_throughput", jsonOnly, "MB/s");

    qsizetype textSize = 0;
    const double normalize = bestThroughput(stream, [&](QByteArrayView all) {
        StreamNormalizer normalizer(Gateway::OpenRouter);
        feedInPieces(all, 16384, [&normalizer](QByteArrayView b) { normalizer.feed(b); });
        const NormalizedResponse r = normalizer.finish();
        if (r.error.isError() || !r.hasUsage)
            qFatal("benchmark stream did not normalize: %s", qPrintable(r.error.message));
        textSize = r.text.size();
    });
    report("stream_normalize_throughput", normalize, "MB/s");
    std::fprintf(stderr, "normalized text: %lld characters\n", static_cast<long long>(textSize));
    return 0;
}
