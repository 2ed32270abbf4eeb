// Writes a synthetic traffic log v1 (JSONL) for the ingestion benchmark: N events (default one
// million, ~300 bytes each) over both gateways, 40 made-up models, a realistic error mix (mostly
// ok; 429s, 5xx, provider unavailable, timeouts), log-normal latencies, token counts and costs.
// Usage: gen_traffic OUT.jsonl [EVENTS] [SEED]
// Everything is fake: model and provider names are invented, users are random hex.

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

struct Model {
    std::string id;
    std::string provider;
    std::string upstream;
    double pricePerMTokIn;
    double pricePerMTokOut;
    bool onVercel;
};

std::vector<Model> makeModels()
{
    const char *vendors[] = {"acme", "zephyrlabs", "northwind", "contoso", "fabrikam", "initech", "umbrella", "globex"};
    const char *providers[] = {"acme-cloud", "fastinfer", "deepcompute", "gpuhaus", "neonrun"};
    std::vector<Model> out;
    for (int i = 0; i < 40; ++i) {
        Model m;
        m.id = std::string(vendors[i % 8]) + "/model-" + std::to_string(i) + (i % 3 ? "-mini" : "-pro");
        m.provider = providers[i % 5];
        m.upstream = m.id;
        m.pricePerMTokIn = 0.1 + (i % 7) * 0.45;
        m.pricePerMTokOut = m.pricePerMTokIn * 4;
        m.onVercel = i % 8 != 7;
        out.push_back(m);
    }
    return out;
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
    std::snprintf(out, size, "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64 "Z",
                  y, m, d, rem / 3600, rem / 60 % 60, rem % 60, ms % 1000);
}

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
    const std::vector<Model> models = makeModels();
    std::uniform_real_distribution<double> uni(0, 1);
    std::lognormal_distribution<double> latency(7.3, 0.7); // median ~1.5 s
    std::lognormal_distribution<double> ttftFactor(-1.3, 0.5);
    std::lognormal_distribution<double> promptTok(6.5, 1.1);
    std::lognormal_distribution<double> completionTok(5.2, 0.9);
    const char *tasks[] = {"chat", "summarize", "extract", "classify", "code"};
    const int64_t start = 1767225600000LL; // 2026-01-01T00:00:00Z
    const int64_t spanMs = 7LL * 86400 * 1000; // a week
    char ts[96];
    std::string line;
    line.reserve(512);
    double bytes = 0;
    for (long long i = 0; i < events; ++i) {
        // Zipf-like model popularity: a few models carry most traffic.
        const size_t mi = size_t(std::min(39.0, std::floor(40 * std::pow(uni(rng), 2.2))));
        const Model &m = models[mi];
        const bool vercel = m.onVercel && uni(rng) < 0.3;
        const int64_t when = start + int64_t(double(i) / double(events) * double(spanMs)) + int64_t(uni(rng) * 1000);
        formatTs(ts, sizeof ts, when);
        const double e = uni(rng);
        int status = 200;
        const char *errorType = nullptr;
        if (e < 0.020) { status = 429; errorType = "rate_limited"; }
        else if (e < 0.030) { status = 503; errorType = "provider_unavailable"; }
        else if (e < 0.035) { status = 500; errorType = "server"; }
        else if (e < 0.039) { status = 408; errorType = "timeout"; }
        else if (e < 0.042) { status = 400; errorType = "context_length"; }
        else if (e < 0.043) { status = 0; errorType = "network"; }
        const bool ok = status == 200;
        const double lat = ok ? latency(rng) : 50 + uni(rng) * 2000;
        const long long pt = ok ? (long long)promptTok(rng) + 5 : 0;
        const long long ct = ok ? (long long)completionTok(rng) + 1 : 0;
        const long long cached = ok && uni(rng) < 0.25 ? pt / 2 : 0;
        const long long reasoning = ok && mi % 4 == 0 ? ct / 3 : 0;
        const bool free = mi % 13 == 5;
        const double cost = free ? 0 : (double(pt) * m.pricePerMTokIn + double(ct) * m.pricePerMTokOut) / 1e6;
        const bool estimated = vercel && uni(rng) < 0.2;
        char user[16];
        std::snprintf(user, sizeof user, "u-%06llx", (unsigned long long)(rng() % 50000));
        char buf[1024];
        const int n = std::snprintf(
            buf, sizeof buf,
            "{\"ts\":\"%s\",\"gateway\":\"%s\",\"model\":\"%s\",\"upstream_model\":\"%s\",\"provider\":\"%s\","
            "\"user\":\"%s\",\"task\":\"%s\",\"status\":%d,\"error_type\":%s%s%s,\"latency_ms\":%.1f,\"ttft_ms\":%s,"
            "\"prompt_tokens\":%lld,\"completion_tokens\":%lld,\"cached_tokens\":%lld,\"reasoning_tokens\":%lld,"
            "\"cost_usd\":%s,\"cost_source\":\"%s\",\"fallback_from\":%s,\"free\":%s}\n",
            ts, vercel ? "vercel" : "openrouter", m.id.c_str(), m.upstream.c_str(), m.provider.c_str(), user,
            tasks[i % 5], status, errorType ? "\"" : "", errorType ? errorType : "null", errorType ? "\"" : "", lat,
            ok ? std::to_string(int(lat * ttftFactor(rng))).c_str() : "null", pt, ct, cached, reasoning,
            ok ? std::to_string(cost).c_str() : "null", ok ? (estimated ? "estimated" : "reported") : "none",
            vercel && uni(rng) < 0.02 ? "\"openrouter\"" : "null", free ? "true" : "false");
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
