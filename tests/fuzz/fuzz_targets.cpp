// The fuzz targets and their invariants. Keep every check cheap: libFuzzer runs these thousands
// of times a second, and slow targets find less.

#include "fuzz_targets.h"

#include "bench/suite.h"
#include "catalog/catalog.h"
#include "config/config_io.h"
#include "protocol/normalizer.h"
#include "protocol/sse_parser.h"
#include "traffic/ingest.h"
#include "util/bom.h"
#include "json/json_document.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <cstdlib>

namespace gw::fuzz {

namespace {

FailureHandler &failureHandler()
{
    static FailureHandler handler;
    return handler;
}

void fail(const QString &target, const QString &what)
{
    if (failureHandler()) {
        failureHandler()(target, what);
        return;
    }
    std::fprintf(stderr, "fuzz invariant violated in %s: %s\n", qPrintable(target), qPrintable(what));
    std::abort();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// --- SSE ---------------------------------------------------------------------------------------

struct SseOutcome {
    QList<SseEvent> events;
    qint64 comments = 0;
    bool sawDone = false;
    GatewayError error;
};

bool sameOutcome(const SseOutcome &a, const SseOutcome &b)
{
    if (a.events.size() != b.events.size() || a.comments != b.comments || a.sawDone != b.sawDone
        || !(a.error == b.error))
        return false;
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const SseEvent &x = a.events.at(i);
        const SseEvent &y = b.events.at(i);
        if (x.event != y.event || x.data != y.data || x.id != y.id)
            return false;
    }
    return true;
}

// Parses `data` fed as the pieces between the given cut positions (ascending, within bounds).
SseOutcome parseSse(QByteArrayView data, const QList<qsizetype> &cuts)
{
    SseParser parser;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(data.sliced(from, cut - from));
        from = cut;
    }
    parser.feed(data.sliced(from));
    parser.finish();
    SseOutcome outcome;
    outcome.events = parser.takeEvents();
    outcome.comments = parser.commentCount();
    outcome.sawDone = parser.sawDone();
    outcome.error = parser.error();
    if (parser.eventCount() != outcome.events.size())
        fail(u"sse_parser"_qs, u"eventCount() differs from the number of events taken"_qs);
    if (parser.bytesFed() != data.size())
        fail(u"sse_parser"_qs, u"bytesFed() differs from the input size"_qs);
    return outcome;
}

// A handful of cut positions: every position for short inputs (the interesting ones: CR/LF
// pairs, field names), an even spread for long ones so a run stays fast.
QList<qsizetype> singleCuts(qsizetype size)
{
    QList<qsizetype> cuts;
    const qsizetype step = size <= 256 ? 1 : size / 64;
    for (qsizetype at = 1; at < size; at += step)
        cuts.append(at);
    return cuts;
}

// --- Normalizer --------------------------------------------------------------------------------

struct StreamRun {
    NormalizedResponse result;
    QString deltaText;
    QString deltaReasoning;
};

StreamRun normalizeStream(Gateway gateway, QByteArrayView data, bool fastPath, qsizetype chunk)
{
    StreamRun run;
    StreamNormalizer normalizer(gateway);
    normalizer.setFastPathEnabled(fastPath);
    normalizer.setDeltaHandler([&run](StreamNormalizer::DeltaKind kind, const QString &piece) {
        (kind == StreamNormalizer::DeltaKind::Text ? run.deltaText : run.deltaReasoning) += piece;
    });
    for (qsizetype from = 0; from < data.size(); from += chunk)
        normalizer.feed(data.sliced(from, qMin(chunk, data.size() - from)));
    run.result = normalizer.finish();
    return run;
}

// --- Catalogs ----------------------------------------------------------------------------------

void checkCatalog(const CatalogParseResult &result)
{
    const Catalog &catalog = result.catalog;
    if (catalog.index.size() != catalog.models.size())
        fail(u"catalog"_qs, u"index size differs from the number of models (duplicate id kept?)"_qs);
    for (qsizetype i = 0; i < catalog.models.size(); ++i) {
        const CatalogModel &model = catalog.models.at(i);
        if (catalog.find(model.id) != &model)
            fail(u"catalog"_qs, u"find() does not return the model at its own position: "_qs + model.id);
        // The price table must never produce a negative or non-finite cost for ordinary usage.
        TokenUsage usage;
        usage.prompt = 1000;
        usage.completion = 500;
        usage.cachedRead = 200;
        if (const std::optional<double> cost = estimateCostUsd(model, usage); cost && !qIsFinite(*cost))
            fail(u"catalog"_qs, u"non-finite cost estimate for "_qs + model.id);
    }
}

} // namespace

void setFailureHandler(FailureHandler handler)
{
    failureHandler() = std::move(handler);
}

// A config that loads without errors must save canonically, load again without errors into an
// equal value, and save to the same bytes again (the canonical form is a fixed point).
void fuzzConfigLoad(QByteArrayView data)
{
    const ConfigLoadResult first = loadConfig(data, u"fuzz.json"_qs);
    if (!first.config)
        return;
    if (hasErrors(first.diagnostics))
        fail(u"config_load"_qs, u"a config was returned together with errors"_qs);
    const QByteArray canonical = canonicalConfigBytes(*first.config);
    const ConfigLoadResult second = loadConfig(canonical, u"canonical.json"_qs);
    if (!second.config || hasErrors(second.diagnostics) || second.hashMismatch) {
        fail(u"config_load"_qs,
             u"the canonical form of a valid config does not load: "_qs + joinDiagnostics(second.diagnostics));
        return;
    }
    RoutingConfig original = *first.config;
    RoutingConfig reloaded = *second.config;
    original.contentSha256.clear(); // as read; the canonical form carries the recomputed hash
    reloaded.contentSha256.clear();
    if (!(original == reloaded))
        fail(u"config_load"_qs, u"config differs after a canonical round trip"_qs);
    if (canonicalConfigBytes(*second.config) != canonical)
        fail(u"config_load"_qs, u"canonical bytes are not a fixed point"_qs);
}

// Whole, split in two at many positions, and byte by byte: the same events, comments and error.
void fuzzSseParser(QByteArrayView data)
{
    const SseOutcome whole = parseSse(data, {});
    for (qsizetype cut : singleCuts(data.size())) {
        if (!sameOutcome(whole, parseSse(data, {cut})))
            fail(u"sse_parser"_qs, u"different events when split at "_qs + QString::number(cut));
    }
    if (data.size() <= 4096) {
        QList<qsizetype> everyByte;
        for (qsizetype at = 1; at < data.size(); ++at)
            everyByte.append(at);
        if (!sameOutcome(whole, parseSse(data, everyByte)))
            fail(u"sse_parser"_qs, u"different events when fed byte by byte"_qs);
    }
}

// Both gateways; the raw-bytes entry point must agree with the parsed-object one on what the
// lexer's policy accepts, and refuse what it refuses (a lone surrogate, an integer beyond 2^53)
// even where QJsonDocument alone would have read an object.
void fuzzNormalizeBody(QByteArrayView data)
{
    const json::ParsedDocument parsed = json::parseDocument(data);
    for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        const NormalizedResponse fromBytes = normalizeBody(gateway, data);
        if (!parsed.ok()) {
            if (fromBytes.error.code != u"bad_body"_qs)
                fail(u"normalize_body"_qs, u"a body the lexer refuses was not refused"_qs);
            continue;
        }
        const QJsonObject json = toJson(fromBytes);
        if (parsed.document.isObject() && json != toJson(normalizeBodyObject(gateway, parsed.document.object())))
            fail(u"normalize_body"_qs, u"normalizeBody and normalizeBodyObject disagree"_qs);
    }
    (void)looksLikeSse(data);
}

// Both gateways: the fast chunk scanner and the general JSON path give the same result, whatever
// the chunking, and the streamed deltas add up to the final text and reasoning.
void fuzzNormalizeStream(QByteArrayView data)
{
    for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        const qsizetype whole = qMax<qsizetype>(1, data.size());
        const StreamRun fast = normalizeStream(gateway, data, true, whole);
        const QString expected = jsonText(toJson(fast.result));
        const StreamRun slow = normalizeStream(gateway, data, false, whole);
        if (jsonText(toJson(slow.result)) != expected)
            fail(u"normalize_stream"_qs,
                 u"fast path and JSON path disagree:\n"_qs + expected + u"\n"_qs + jsonText(toJson(slow.result)));
        const qsizetype chunk = data.isEmpty() ? 1 : 1 + qsizetype(quint8(data.back())) % 61;
        const StreamRun chunked = normalizeStream(gateway, data, true, chunk);
        if (jsonText(toJson(chunked.result)) != expected)
            fail(u"normalize_stream"_qs, u"result depends on the chunk size "_qs + QString::number(chunk));
        if (fast.deltaText != fast.result.text || fast.deltaReasoning != fast.result.reasoning)
            fail(u"normalize_stream"_qs, u"streamed deltas do not add up to the final text/reasoning"_qs);
    }
}

void fuzzCatalog(QByteArrayView data)
{
    for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel})
        checkCatalog(parseCatalog(gateway, data, u"models.json"_qs));
}

void fuzzEndpoints(QByteArrayView data)
{
    for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
        const EndpointListResult result = parseEndpoints(gateway, data, u"endpoints.json"_qs);
        // Reported and skipped, never kept: a slug-less endpoint cannot be routed to.
        for (const ProviderEndpoint &endpoint : result.endpoints) {
            if (endpoint.slug.isEmpty())
                fail(u"endpoints"_qs, u"an endpoint without a provider slug was kept"_qs);
        }
    }
}

// Good prompts keep their file order and unique names, and every one yields a request on both
// gateways (a mapped model, so the Vercel translation runs too).
void fuzzPromptSuite(QByteArrayView data)
{
    const PromptSuiteParse parsed = parsePromptSuite(data, u"suite.jsonl"_qs);
    QSet<QString> names;
    int lastLine = 0;
    for (const PromptCase &prompt : parsed.suite.cases) {
        if (prompt.line <= lastLine)
            fail(u"prompt_suite"_qs, u"prompts out of file order at line "_qs + QString::number(prompt.line));
        lastLine = prompt.line;
        if (prompt.name.isEmpty() || names.contains(prompt.name))
            fail(u"prompt_suite"_qs, u"empty or duplicate prompt name kept: "_qs + prompt.name);
        names.insert(prompt.name);
        if (prompt.messages.isEmpty())
            fail(u"prompt_suite"_qs, u"prompt without messages kept: "_qs + prompt.name);
    }
    if (parsed.suite.cases.isEmpty())
        return;
    RoutingConfig config;
    ModelEntry mapped;
    mapped.vercel = u"openai/gpt-5"_qs;
    config.models.insert(u"openai/gpt-5"_qs, mapped);
    const QList<BenchCase> batch = expandBatch({u"openai/gpt-5"_qs}, parsed.suite, 1, config);
    if (batch.size() != parsed.suite.cases.size())
        fail(u"prompt_suite"_qs, u"one model, one repetition: the batch must have one case per prompt"_qs);
    for (const BenchCase &benchCase : batch) {
        for (Gateway gateway : {Gateway::OpenRouter, Gateway::Vercel}) {
            if (!requestFor(benchCase, gateway, parsed.suite, config).runnable)
                fail(u"prompt_suite"_qs, u"a mapped model's case is not runnable"_qs);
        }
    }
}

// A traffic log v1 (JSONL, or CSV when it does not start with '{'), fed whole and fed in two
// pieces the way a file grows: the same lines, events, bad lines, buckets and key usage rows
// either way; the consumed part ends at a line boundary (or just after a leading BOM); every bad
// line is numbered inside the input and says why; the key usage rows count every event once.
void fuzzTrafficLog(QByteArrayView data)
{
    const QByteArray bytes = data.toByteArray();
    const TrafficFormat format = detectTrafficFormat(QString(), bytes.left(kTrafficFingerprintBytes));
    TrafficAggregator whole;
    TrafficStreamIngestor once(format, whole, 1, 50);
    const qsizetype usedOnce = once.feed(bytes.constData(), bytes.size());
    // A leading BOM is used up on its own, before any line: an offset just past it is a boundary too.
    const bool afterBomOnly = usedOnce > 0 && usedOnce == utf8BomLength(bytes.constData(), bytes.size());
    if (usedOnce < 0 || usedOnce > bytes.size() || (usedOnce > 0 && !afterBomOnly && bytes.at(usedOnce - 1) != '\n'))
        fail(u"traffic_log"_qs, u"consumed bytes do not end at a line boundary: "_qs + QString::number(usedOnce));
    for (const TrafficBadLine &bad : once.badLines()) {
        if (bad.line < 1 || bad.line > once.lines() || bad.message.isEmpty())
            fail(u"traffic_log"_qs,
                 u"bad line without a number inside the input or a reason: "_qs + QString::number(bad.line));
    }
    if (quint64(once.events()) != whole.events())
        fail(u"traffic_log"_qs, u"events counted differ from events aggregated"_qs);
    quint64 usageRequests = 0; // every event is in exactly one key usage row
    for (const TrafficKeyUsage &usage : whole.keyUsage())
        usageRequests += usage.requests;
    if (usageRequests != whole.events())
        fail(u"traffic_log"_qs, u"key usage counts "_qs + QString::number(usageRequests) + u" requests for "_qs
                                    + QString::number(whole.events()) + u" events"_qs);

    TrafficAggregator pieces;
    TrafficStreamIngestor twice(format, pieces, 1, 50);
    qsizetype used = twice.feed(bytes.constData(), bytes.size() / 2);
    used += twice.feed(bytes.constData() + used, bytes.size() - used); // the rest, as the caller must
    if (used != usedOnce || twice.lines() != once.lines() || twice.events() != once.events()
        || twice.badLineCount() != once.badLineCount() || pieces.bucketCount() != whole.bucketCount()
        || pieces.keyUsageCount() != whole.keyUsageCount())
        fail(u"traffic_log"_qs, u"feeding in two pieces changed the outcome"_qs);
}

const QList<Target> &targets()
{
    static const QList<Target> all = {
        {u"config_load"_qs, fuzzConfigLoad},
        {u"sse_parser"_qs, fuzzSseParser},
        {u"normalize_body"_qs, fuzzNormalizeBody},
        {u"normalize_stream"_qs, fuzzNormalizeStream},
        {u"catalog"_qs, fuzzCatalog},
        {u"endpoints"_qs, fuzzEndpoints},
        {u"prompt_suite"_qs, fuzzPromptSuite},
        {u"traffic_log"_qs, fuzzTrafficLog},
    };
    return all;
}

const Target *findTarget(QStringView name)
{
    for (const Target &target : targets()) {
        if (target.name == name)
            return &target;
    }
    return nullptr;
}

} // namespace gw::fuzz
