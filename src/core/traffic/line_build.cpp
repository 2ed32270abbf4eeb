#include "traffic/line_fields.h"
#include "traffic/record.h"
#include "json/json_lexer.h"

#include <array>
#include <cmath>
#include <utility>

namespace gw {

using namespace traffic_line;

namespace {

// error_type names as bytes, so a line's error type is matched without building a QString.
std::optional<ErrorClass> errorClassFromLog(std::string_view text)
{
    static const auto names = [] {
        std::array<std::string, size_t(ErrorClass::Protocol) + 1> out;
        for (size_t c = 1; c < out.size(); ++c)
            out[c] = errorClassName(ErrorClass(c)).toStdString();
        return out;
    }();
    for (size_t c = 1; c < names.size(); ++c)
        if (names[c] == text)
            return ErrorClass(c);
    return std::nullopt;
}

} // namespace

bool TrafficLineParser::build(TrafficRecord &r, TrafficLineError &error)
{
    auto fail = [&](Field f, const QString &message) {
        error.path = pathOf(f);
        error.message = message;
        return false;
    };
    auto requireString = [&](Field f, bool required, std::string_view &out) {
        const Value &v = m_values[f];
        if (v.kind == Kind::Missing || v.kind == Kind::Null) {
            out = std::string_view();
            return !required || fail(f, v.kind == Kind::Missing ? u"missing"_qs : u"expected a string, got null"_qs);
        }
        if (v.kind != Kind::String)
            return fail(f, u"expected a string"_qs);
        out = v.text;
        return true;
    };
    // Numbers: missing/null is "unknown" (-1 for times, 0 for tokens). Every number is the JSON
    // grammar (a CSV cell too), at most 2^53 (json/json_lexer.h: exact as a double; 1.8e19 ms is
    // no latency), not negative, and whole where the field counts something.
    json::LexFailure lex;
    auto number = [&](Field f, double &out, bool integer) {
        const Value &v = m_values[f];
        if (v.kind == Kind::Missing || v.kind == Kind::Null)
            return true;
        if (v.kind != Kind::Number)
            return fail(f, u"expected a number"_qs);
        // Only for messages: built when one is needed, never on the hot path.
        auto token = [&] { return QString::fromLatin1(v.text.data(), qsizetype(std::min<size_t>(v.text.size(), 60))); };
        // JSON tokens were lexed in parseJson; CSV cells are checked here.
        if (m_format == TrafficFormat::Csv) {
            const char *const tokenEnd = v.text.data() + v.text.size();
            const char *e = json::scanNumber(v.text.data(), tokenEnd, lex);
            if (!e && lex.error == json::LexError::IntegerOutOfRange)
                return fail(f, u"%1 is out of range (at most 2^53)"_qs.arg(token()));
            if (e != tokenEnd)
                return fail(f, u"expected a number, got %1"_qs.arg(quoted(v.text)));
        }
        if (!json::numberValue(v.text, out) || out > json::kMaxExactInteger)
            return fail(f, u"%1 is out of range (at most 2^53)"_qs.arg(token()));
        if (out < 0)
            return fail(f, u"%1 is negative"_qs.arg(token()));
        if (integer && out != std::floor(out))
            return fail(f, u"expected an integer"_qs);
        return true;
    };

    std::string_view text;
    if (!requireString(Field::Ts, true, text))
        return false;
    const auto ts = parseTrafficTimestamp(text);
    if (!ts)
        return fail(Field::Ts, u"%1 is not an RFC 3339 time"_qs.arg(quoted(text)));
    r.tsMs = *ts;

    if (!requireString(Field::GatewayField, true, text))
        return false;
    if (text == "openrouter")
        r.gateway = Gateway::OpenRouter;
    else if (text == "vercel")
        r.gateway = Gateway::Vercel;
    else
        return fail(Field::GatewayField, u"unknown gateway %1 (openrouter or vercel)"_qs.arg(quoted(text)));

    if (!requireString(Field::Model, true, r.model))
        return false;
    if (r.model.empty())
        return fail(Field::Model, u"empty"_qs);
    if (!requireString(Field::Provider, false, r.provider))
        return false;
    // User and task ids are opaque: a producer that writes them as JSON numbers still names
    // the same sticky key, so a number's token is taken as the id.
    for (const auto &[field, out] : {std::pair{Field::User, &r.user}, std::pair{Field::Task, &r.task}}) {
        if (m_values[field].kind == Kind::Number)
            *out = m_values[field].text;
        else if (!requireString(field, false, *out))
            return false;
    }

    if (m_values[Field::Status].kind == Kind::Missing || m_values[Field::Status].kind == Kind::Null)
        return fail(Field::Status, u"missing"_qs);
    double d = 0;
    if (!number(Field::Status, d, true))
        return false;
    if (d > 599)
        return fail(Field::Status, u"%1 is not an HTTP status"_qs.arg(d));
    r.status = int(d);

    if (!requireString(Field::ErrorType, false, text))
        return false;
    if (text.empty() || text == "none") {
        r.errorClass = trafficErrorClass(r.status);
    } else {
        const auto cls = errorClassFromLog(text);
        if (!cls)
            return fail(Field::ErrorType, u"unknown error type %1"_qs.arg(quoted(text)));
        r.errorClass = *cls;
    }

    r.latencyMs = r.ttftMs = -1;
    if (!number(Field::LatencyMs, r.latencyMs, false) || !number(Field::TtftMs, r.ttftMs, false))
        return false;
    qint64 *tokens[] = {&r.promptTokens, &r.completionTokens, &r.cachedTokens, &r.reasoningTokens};
    for (int i = 0; i < 4; ++i) {
        double t = 0;
        if (!number(Field(Field::PromptTokens + i), t, true))
            return false;
        *tokens[i] = qint64(t);
    }

    double cost = -1;
    if (!number(Field::CostUsd, cost, false))
        return false;
    if (!requireString(Field::CostSource, false, text))
        return false;
    r.costUsd = cost < 0 ? 0 : cost;
    if (cost < 0) {
        r.costKind = TrafficCostKind::None;
    } else if (text == "estimated") {
        r.costKind = TrafficCostKind::Estimated;
    } else if (text.empty() || text == "reported" || text == "generation") {
        r.costKind = TrafficCostKind::Reported;
    } else if (text == "none") {
        r.costKind = TrafficCostKind::None;
        r.costUsd = 0;
    } else {
        return fail(Field::CostSource, u"unknown cost source %1"_qs.arg(quoted(text)));
    }

    if (!requireString(Field::FallbackFrom, false, text))
        return false;
    if (!text.empty() && text != "openrouter" && text != "vercel")
        return fail(Field::FallbackFrom, u"unknown gateway %1 (openrouter, vercel or null)"_qs.arg(quoted(text)));
    r.fallback = !text.empty();

    const Value &fv = m_values[Field::Free];
    if (fv.kind != Kind::Missing && fv.kind != Kind::Null && fv.kind != Kind::Bool)
        return fail(Field::Free, u"expected true or false"_qs);
    r.free = fv.kind == Kind::Bool && fv.boolean;
    return true;
}

} // namespace gw
