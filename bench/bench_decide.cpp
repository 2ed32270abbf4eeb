// Decision throughput: the routing hot path measured piece by piece, on one core.
// Output, one figure per line:  BENCH <name> <value> <unit>

#include "config/config_io.h"
#include "routing/bucket.h"
#include "routing/router.h"
#include "routing/simulation.h"
#include "traffic/traffic_impact.h"
#include "util/sha256.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <charconv>
#include <cstdio>

using namespace gw;

namespace {

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// A 50-rule config like a busy production one: 48 per-vendor staff pins, a family share, an
// opt-out; 40 models of which some are not on Vercel.
RoutingConfig fiftyRuleConfig()
{
    RoutingConfig c;
    c.defaultSharePaid = 3;
    c.defaultShareFree = 3;
    for (int i = 0; i < 48; ++i) {
        Rule r;
        r.id = u"staff-%1"_qs.arg(i);
        r.match.models = {u"vendor%1/*"_qs.arg(i)};
        r.match.users = {u"staff-%1"_qs.arg(i)};
        r.action.gateway = Gateway::Vercel;
        c.rules << r;
    }
    Rule family;
    family.id = u"anthropic"_qs;
    family.match.models = {u"anthropic/*"_qs};
    family.action.vercelShare = 5;
    c.rules << family;
    Rule optOut;
    optOut.id = u"no-kimi"_qs;
    optOut.match.models = {u"moonshotai/kimi-*"_qs};
    optOut.action.gateway = Gateway::OpenRouter;
    c.rules << optOut;
    for (int i = 0; i < 40; ++i) {
        const QString family = i < 10   ? u"anthropic"_qs
                               : i < 20 ? u"openai"_qs
                               : i < 25 ? u"moonshotai/kimi"_qs
                                        : u"vendor%1"_qs.arg(i);
        const QString id = family + (family.contains(u'/') ? u"-%1"_qs : u"/model-%1"_qs).arg(i);
        ModelEntry e;
        if (i % 8 != 7)
            e.vercel = id;
        c.models.insert(id, e);
    }
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int keys = argc > 1 ? std::atoi(argv[1]) : 1000000;
    std::printf("# sha256 implementation: %s; %d keys\n", sha256Implementation(), keys);

    {
        const char seed[] = "vercel_routing_user-1234567_fractional";
        QElapsedTimer t;
        t.start();
        std::uint32_t sink = 0;
        const int n = 4 * keys;
        for (int i = 0; i < n; ++i)
            sink += sha256FirstWord(seed, sizeof(seed) - 1 - (i & 7));
        report("sha256_short_input", double(t.nsecsElapsed()) / n, "ns/hash");
        if (sink == 42)
            std::puts("");
    }

    const BucketHasher hasher(u"vercel"_qs);
    {
        char key[32] = "user-";
        QElapsedTimer t;
        t.start();
        std::uint64_t sink = 0;
        for (int i = 0; i < keys; ++i) {
            const auto [end, ec] = std::to_chars(key + 5, key + sizeof(key), i);
            sink += hasher.bucket(QByteArrayView(key, end - key)).milli();
        }
        report("bucket_per_key", double(t.nsecsElapsed()) / keys, "ns/key");
        if (sink == 42)
            std::puts("");
    }

    const RoutingConfig config = fiftyRuleConfig();
    SimulationOptions one;
    one.users = keys;
    one.models = {u"openai/model-12"_qs};
    const SimulationResult single = simulate(config, one);
    report("simulate_1m_keys_50_rules_1_model", single.decisions / single.seconds / 1e6, "Mdecisions/s");

    SimulationOptions all;
    all.users = keys / 10;
    const SimulationResult wide = simulate(config, all);
    report("simulate_40_models_50_rules", wide.decisions / wide.seconds / 1e6, "Mdecisions/s");

    RoutingConfig before = config;
    before.defaultSharePaid = 2;
    const SimulationResult churn = simulate(config, all, &before);
    report("simulate_40_models_with_churn", churn.decisions / churn.seconds / 1e6, "Mdecisions/s");

    // The explained path the app's "why" inspector and `gatewayctl decide` use.
    const Router router(config);
    RouteRequest r;
    r.model = u"anthropic/model-3"_qs;
    r.now = QDateTime::currentDateTimeUtc();
    QElapsedTimer t;
    t.start();
    const int n = keys / 10;
    int vercel = 0;
    for (int i = 0; i < n; ++i) {
        r.user = u"user-%1"_qs.arg(i);
        vercel += router.decide(r).gateway == Gateway::Vercel;
    }
    report("decide_full_request", double(t.nsecsElapsed()) / n, "ns/decision");
    std::printf("# vercel share in the last run: %.3f%%\n", 100.0 * vercel / n);

    // The live preview's real-traffic columns: a week of hourly usage rows (model, user) decided
    // by the draft and by the last export.
    QList<TrafficKeyUsage> usage;
    const qint64 hourMs = 3600 * 1000;
    const qint64 start = QDateTime(QDate(2026, 11, 16), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QStringList models = config.models.keys();
    for (int i = 0; i < keys / 10; ++i) {
        TrafficKeyUsage row;
        row.key.hourStartMs = start + (i % 168) * hourMs;
        row.key.model = models.at(i % models.size());
        row.key.user = u"user-%1"_qs.arg(i % 5000);
        row.requests = 1 + i % 7;
        usage << row;
    }
    t.restart();
    const TrafficImpact impact = trafficImpact(usage, config, before, QDateTime::currentDateTimeUtc());
    report("traffic_impact_rows", double(usage.size()) / (double(t.nsecsElapsed()) / 1e9) / 1e6, "Mrows/s");
    std::printf("# traffic impact: %llu of %llu requests move\n", static_cast<unsigned long long>(impact.requestsMoved),
                static_cast<unsigned long long>(impact.requests));
    return 0;
}
