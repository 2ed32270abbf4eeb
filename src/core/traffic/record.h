#pragma once
// One line of a traffic log v1 (ROUTING-CONTRACT.md, "Traffic log v1") as the parser hands it to
// the aggregator, and the line-level parser itself (JSONL or CSV with the same column names).
//
// The parser is a dedicated scanner for this flat, fixed schema rather than a general JSON DOM:
// a million lines must aggregate faster than DuckDB reads them, so nothing is allocated per line
// (strings are views into the line or into per-field scratch buffers, valid until the next line).

#include "config/config.h"
#include "protocol/gateway_error.h"

#include <QString>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw {

enum class TrafficFormat { Jsonl, Csv };

// How a cost was known: a gateway's own figure (reported, or reconciled from /generation) is kept
// apart from our estimate from the catalog price table.
enum class TrafficCostKind : quint8 { None, Reported, Estimated };

struct TrafficRecord {
    qint64 tsMs = 0; // UTC milliseconds since the epoch
    Gateway gateway = Gateway::OpenRouter;
    std::string_view model;    // requested (OpenRouter id)
    std::string_view provider; // empty when the log does not say
    std::string_view user;     // opaque id; empty when missing or null
    std::string_view task;     // empty when missing or null (the sticky key is then the user)
    int status = 0;            // HTTP status; 0 when none applied (network error)
    ErrorClass errorClass = ErrorClass::None; // None = ok
    double latencyMs = -1;     // < 0: unknown
    double ttftMs = -1;        // < 0: unknown
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;
    TrafficCostKind costKind = TrafficCostKind::None;
    bool fallback = false; // fallback_from was a gateway
    bool free = false;
};

// Why a line was refused: the JSON path of the field ("/latency_ms"; empty for the whole line).
struct TrafficLineError {
    QString path;
    QString message;
};

// The class of an ok-or-failed request: error_type when the log names one, else from the status.
ErrorClass trafficErrorClass(int httpStatus);

// Parses "YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm]" into UTC milliseconds; nullopt when malformed.
std::optional<qint64> parseTrafficTimestamp(std::string_view s);

class TrafficLineParser {
public:
    explicit TrafficLineParser(TrafficFormat format) : m_format(format) {}

    TrafficFormat format() const { return m_format; }
    // CSV only: the header names the columns; unknown columns are ignored. False with `error`
    // when a required column is missing.
    bool setCsvHeader(std::string_view line, QString *error);
    bool hasCsvHeader() const { return !m_columns.empty(); }

    // One line without its newline (a trailing '\r' is ignored). False fills `error`.
    bool parse(std::string_view line, TrafficRecord &record, TrafficLineError &error);

    enum Field : int {
        Ts, GatewayField, Model, UpstreamModel, Provider, User, Task, Status, ErrorType, LatencyMs,
        TtftMs, PromptTokens, CompletionTokens, CachedTokens, ReasoningTokens, CostUsd, CostSource,
        FallbackFrom, Free, FieldCount, Unknown = -1
    };

private:
    enum class Kind : quint8 { Missing, Null, String, Number, Bool, Composite };
    struct Value {
        Kind kind = Kind::Missing;
        std::string_view text; // String: decoded text; Number: the token
        bool boolean = false;
    };

    bool parseJson(std::string_view line, TrafficLineError &error);
    bool parseCsv(std::string_view line, TrafficLineError &error);
    bool build(TrafficRecord &record, TrafficLineError &error);

    TrafficFormat m_format;
    std::array<Value, FieldCount> m_values;
    std::array<std::string, FieldCount> m_scratch; // decoded strings with escapes
    std::string m_keyScratch;
    std::vector<int> m_columns;                    // CSV: column index -> Field (or Unknown)
    std::vector<std::string_view> m_cells;
};

} // namespace gw
