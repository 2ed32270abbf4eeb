// Writes a synthetic traffic log v1 (JSONL) for the ingestion benchmark: N events (default one
// million, ~300 bytes each) over a week and both gateways, shaped like the traffic routing sees:
//  - users from a pool of 20,000 opaque ids, a few heavy users and a long tail (Zipf-like);
//  - about 400 sessions are active at a time; each is a user working through tasks: a
//    "task-<hex>" id shared by a few to a few dozen consecutive requests of that user with one
//    model, or a stretch without a task (sticky key = the user) for about a quarter of them;
//  - model ids shaped like OpenRouter's (vendor/model, some ":free"), a few carrying most traffic;
//  - a realistic error mix (mostly ok; 429s, 5xx, provider unavailable, timeouts), log-normal
//    latencies, token counts and costs, occasional fallbacks.
// Every line is valid: the benchmark measures clean data. Deterministic for a given seed.
// Usage: gen_traffic OUT.jsonl [EVENTS] [SEED]
// Everything is fake: users and tasks are random hex, prices are made up.

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

struct Model {
    const char *id;
    const char *provider;
    double pricePerMTokIn;
    bool onVercel;
    bool reasoning;
};

// Ordered by popularity: the first few carry most of the traffic.
const Model kModels[] = {
    {"anthropic/claude-sonnet-4.5", "anthropic", 3.0, true, true},
    {"x-ai/grok-code-fast-1", "xai", 0.2, true, true},
    {"openai/gpt-5", "openai", 1.25, true, true},
    {"google/gemini-2.5-pro", "google-vertex", 1.25, true, true},
    {"google/gemini-2.5-flash", "google-ai-studio", 0.3, true, false},
    {"moonshotai/kimi-k2:free", "chutes", 0, false, false},
    {"anthropic/claude-opus-4.1", "anthropic", 15.0, true, true},
    {"openai/gpt-5-mini", "openai", 0.25, true, true},
    {"qwen/qwen3-coder", "deepinfra", 0.22, true, false},
    {"deepseek/deepseek-chat-v3.1", "deepseek", 0.27, true, false},
    {"z-ai/glm-4.6", "z-ai", 0.6, true, true},
    {"moonshotai/kimi-k2-0905", "groq", 1.0, true, false},
    {"anthropic/claude-haiku-4.5", "amazon-bedrock", 1.0, true, false},
    {"openai/gpt-oss-120b", "cerebras", 0.1, true, true},
    {"mistralai/codestral-2508", "mistral", 0.3, true, false},
    {"meta-llama/llama-4-maverick", "together", 0.18, true, false},
    {"qwen/qwen3-coder:free", "chutes", 0, false, false},
    {"deepseek/deepseek-r1-0528", "novita", 0.5, true, true},
    {"openai/gpt-4.1-mini", "openai", 0.4, true, false},
    {"x-ai/grok-4", "xai", 3.0, true, true},
    {"google/gemini-2.0-flash-001", "google-vertex", 0.1, true, false},
    {"minimax/minimax-m2:free", "minimax", 0, false, false},
    {"mistralai/devstral-medium", "mistral", 0.4, false, false},
    {"inception/mercury-coder", "inception", 0.25, false, false},
};
constexpr int kModelCount = int(sizeof kModels / sizeof kModels[0]);
constexpr int kUsers = 20000;

// Mostly the head of a list of n, with a long tail.
int skewedIndex(std::mt19937_64 &rng, int n, double exponent)
{
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min(n - 1, int(std::floor(n * std::pow(u, exponent))));
}

void formatTs(char *out, size_t size, int64_t ms)
{
    const int64_t secs = ms / 1000;
    int64_t days = secs / 86400;
    const int64_t rem = secs % 86400;
    // civil from days (Howard Hinnant)
    days += 719468;
    const int64_t era = days / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    std::snprintf(out, size,
                  "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64 "Z",
                  y, m, d, rem / 3600, rem / 60 % 60, rem % 60, ms % 1000);
}

constexpr int kActiveSessions = 400;

// A user at work: the current task id (empty: no task) and its model, for a few more requests.
struct Session {
    int user = 0;
    char task[24] = {};
    int model = 0;
    int remaining = 0;
    int tasksLeft = 0; // then the user leaves and another one takes the slot
};

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: gen_traffic OUT.jsonl [EVENTS] [SEED]\n");
        return 2;
    }
    const long long events = argc > 2 ? std::atoll(argv[2]) : 1000000;
    std::mt19937_64 rng(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42);
    FILE *f = std::fopen(argv[1], "wb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    std::uniform_real_distribution<double> uni(0, 1);
    std::lognormal_distribution<double> latency(7.3, 0.7); // median ~1.5 s
    std::lognormal_distribution<double> ttftFactor(-1.3, 0.5);
    std::lognormal_distribution<double> promptTok(6.5, 1.1);
    std::lognormal_distribution<double> completionTok(5.2, 0.9);
    std::vector<Session> sessions(kActiveSessions);
    const int64_t start = 1767225600000LL;     // 2026-01-01T00:00:00Z
    const int64_t spanMs = 7LL * 86400 * 1000; // a week
    char ts[96];
    double bytes = 0;
    for (long long i = 0; i < events; ++i) {
        Session &user = sessions[rng() % kActiveSessions];
        if (user.remaining <= 0) {
            if (--user.tasksLeft < 0) {
                user.user = skewedIndex(rng, kUsers, 2.5);
                user.tasksLeft = int(rng() % 8);
            }
            user.remaining = 2 + int(std::min(60.0, std::exp(uni(rng) * 3.5)));
            user.model = skewedIndex(rng, kModelCount, 2.2);
            if (uni(rng) < 0.25)
                user.task[0] = '\0';
            else
                std::snprintf(user.task, sizeof user.task, "task-%010llx",
                              (unsigned long long)(rng() & 0xFFFFFFFFFFull));
        }
        --user.remaining;
        const int userIndex = user.user;
        const Model &m = kModels[user.model];
        const bool vercel = m.onVercel && uni(rng) < 0.3;
        const int64_t when = start + int64_t(double(i) / double(events) * double(spanMs)) + int64_t(uni(rng) * 1000);
        formatTs(ts, sizeof ts, when);
        const double e = uni(rng);
        int status = 200;
        const char *errorType = nullptr;
        if (e < 0.020) {
            status = 429;
            errorType = "rate_limited";
        } else if (e < 0.030) {
            status = 503;
            errorType = "provider_unavailable";
        } else if (e < 0.035) {
            status = 500;
            errorType = "server";
        } else if (e < 0.039) {
            status = 408;
            errorType = "timeout";
        } else if (e < 0.042) {
            status = 400;
            errorType = "context_length";
        } else if (e < 0.043) {
            status = 0;
            errorType = "network";
        }
        const bool ok = status == 200;
        const double lat = ok ? latency(rng) : 50 + uni(rng) * 2000;
        const long long pt = ok ? (long long)promptTok(rng) + 5 : 0;
        const long long ct = ok ? (long long)completionTok(rng) + 1 : 0;
        const long long cached = ok && uni(rng) < 0.25 ? pt / 2 : 0;
        const long long reasoning = ok && m.reasoning ? ct / 3 : 0;
        const bool free = m.pricePerMTokIn == 0;
        const double cost = (double(pt) * m.pricePerMTokIn + double(ct) * m.pricePerMTokIn * 4) / 1e6;
        const bool estimated = vercel && uni(rng) < 0.2;
        char userId[16];
        std::snprintf(userId, sizeof userId, "u-%06x", unsigned(userIndex) * 2654435761u % 0xFFFFFFu);
        char taskField[40];
        if (user.task[0])
            std::snprintf(taskField, sizeof taskField, "\"%s\"", user.task);
        else
            std::snprintf(taskField, sizeof taskField, "null");
        char ttft[32] = "null";
        if (ok)
            std::snprintf(ttft, sizeof ttft, "%d", int(lat * ttftFactor(rng)));
        char costText[32] = "null";
        if (ok)
            std::snprintf(costText, sizeof costText, "%.6f", cost);
        char buf[1024];
        const int n = std::snprintf(
            buf, sizeof buf,
            "{\"ts\":\"%s\",\"gateway\":\"%s\",\"model\":\"%s\",\"provider\":\"%s\","
            "\"user\":\"%s\",\"task\":%s,\"status\":%d,\"error_type\":%s%s%s,\"latency_ms\":%.1f,\"ttft_ms\":%s,"
            "\"prompt_tokens\":%lld,\"completion_tokens\":%lld,\"cached_tokens\":%lld,\"reasoning_tokens\":%lld,"
            "\"cost_usd\":%s,\"cost_source\":\"%s\",\"fallback_from\":%s,\"free\":%s}\n",
            ts, vercel ? "vercel" : "openrouter", m.id, m.provider, userId, taskField, status, errorType ? "\"" : "",
            errorType ? errorType : "null", errorType ? "\"" : "", lat, ttft, pt, ct, cached, reasoning, costText,
            ok ? (estimated ? "estimated" : "reported") : "none", vercel && uni(rng) < 0.02 ? "\"openrouter\"" : "null",
            free ? "true" : "false");
        std::fwrite(buf, 1, size_t(n), f);
        bytes += n;
    }
    if (std::fclose(f) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    std::fprintf(stderr, "wrote %lld events, %.1f MB (%.0f bytes per event) to %s\n", events, bytes / 1e6,
                 bytes / double(events), argv[1]);
    return 0;
}
