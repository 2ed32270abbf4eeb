#pragma once
// Internal to the traffic line parser (line_parser.cpp, line_build.cpp): the field names of a
// traffic log v1 line and the lookup from a member name to its field.

#include "traffic/line_parser.h"

#include <QString>

#include <cstring>
#include <string_view>

namespace gw::traffic_line {

using Field = TrafficLineParser::Field;

struct FieldName {
    std::string_view name;
    Field field;
};

inline constexpr FieldName kFieldNames[] = {
    {"ts", Field::Ts},
    {"gateway", Field::GatewayField},
    {"model", Field::Model},
    {"upstream_model", Field::UpstreamModel},
    {"provider", Field::Provider},
    {"user", Field::User},
    {"task", Field::Task},
    {"status", Field::Status},
    {"error_type", Field::ErrorType},
    {"latency_ms", Field::LatencyMs},
    {"ttft_ms", Field::TtftMs},
    {"prompt_tokens", Field::PromptTokens},
    {"completion_tokens", Field::CompletionTokens},
    {"cached_tokens", Field::CachedTokens},
    {"reasoning_tokens", Field::ReasoningTokens},
    {"cost_usd", Field::CostUsd},
    {"cost_source", Field::CostSource},
    {"fallback_from", Field::FallbackFrom},
    {"free", Field::Free},
};

// By length first: every line names most fields, so this runs ~18 times per line; at most three
// names share a length, and a first-character check settles all but two of those.
inline Field fieldFor(std::string_view name)
{
    auto is = [&](std::string_view candidate, Field f) {
        return std::memcmp(candidate.data(), name.data(), candidate.size()) == 0 ? f : Field::Unknown;
    };
    switch (name.size()) {
    case 2: return is("ts", Field::Ts);
    case 4:
        switch (name[0]) {
        case 'u': return is("user", Field::User);
        case 't': return is("task", Field::Task);
        case 'f': return is("free", Field::Free);
        default: return Field::Unknown;
        }
    case 5: return is("model", Field::Model);
    case 6: return is("status", Field::Status);
    case 7: return name[0] == 'g' ? is("gateway", Field::GatewayField) : is("ttft_ms", Field::TtftMs);
    case 8: return name[0] == 'p' ? is("provider", Field::Provider) : is("cost_usd", Field::CostUsd);
    case 10: return name[0] == 'l' ? is("latency_ms", Field::LatencyMs) : is("error_type", Field::ErrorType);
    case 11: return is("cost_source", Field::CostSource);
    case 13:
        switch (name[0]) {
        case 'p': return is("prompt_tokens", Field::PromptTokens);
        case 'c': return is("cached_tokens", Field::CachedTokens);
        case 'f': return is("fallback_from", Field::FallbackFrom);
        default: return Field::Unknown;
        }
    case 14: return is("upstream_model", Field::UpstreamModel);
    case 16: return is("reasoning_tokens", Field::ReasoningTokens);
    case 17: return is("completion_tokens", Field::CompletionTokens);
    default: return Field::Unknown;
    }
}

inline QString pathOf(Field f)
{
    for (const FieldName &n : kFieldNames)
        if (n.field == f)
            return u'/' + QString::fromLatin1(n.name.data(), qsizetype(n.name.size()));
    return QString();
}

inline QString quoted(std::string_view text)
{
    return u'"' + QString::fromUtf8(text.data(), qsizetype(text.size())).left(60) + u'"';
}

} // namespace gw::traffic_line
