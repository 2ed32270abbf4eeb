#pragma once
// The traffic log's line-level parser (JSONL or CSV with the same column names).
//
// A dedicated scanner for this flat, fixed schema rather than a general JSON DOM: a million lines
// must aggregate faster than DuckDB reads them, so nothing is allocated per line (strings are
// views into the line or into per-field scratch buffers, valid until the next line).

#include "traffic/record.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace gw {

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
        Ts,
        GatewayField,
        Model,
        UpstreamModel,
        Provider,
        User,
        Task,
        Status,
        ErrorType,
        LatencyMs,
        TtftMs,
        PromptTokens,
        CompletionTokens,
        CachedTokens,
        ReasoningTokens,
        CostUsd,
        CostSource,
        FallbackFrom,
        Free,
        FieldCount,
        Unknown = -1
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
    std::vector<int> m_columns; // CSV: column index -> Field (or Unknown)
    std::vector<std::string_view> m_cells;
};

} // namespace gw
