// gwcore's decisions on random requests, for the agreement test of src/router-js (compare.mjs).
// The requests are drawn, from a fixed seed, out of what the config mentions (its models, a sample
// id per glob, an unlisted model; its rules' users, providers and features; its provider table and
// Vercel providers) plus names it does not know, at clocks around every rule's expiry, with error
// rates around the failover threshold. One tab-separated line per request:
//   model user task order only ignore features or_rate v_rate now_ms | gateway upstream bucket share reason
// (lists comma-joined, rates empty when absent). Usage: routerjs_oracle CONFIG COUNT SEED

#include "config/config_io.h"
#include "routing/router.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace gw;

namespace {

struct Pools {
    QStringList models, users, slugs, features;
    qsizetype tableModels = 0; // models.mid(0, tableModels) are the config's own
    QList<qint64> clocks;
    QList<double> rates;
};

Pools poolsOf(const RoutingConfig &config, qint64 clock)
{
    Pools p;
    p.models = config.models.keys();
    p.tableModels = std::max<qsizetype>(1, p.models.size());
    p.models << u"unlisted/model-not-in-table"_qs;
    p.users = {u"user-1"_qs, u"user-9"_qs, u"alice"_qs, u"user-123"_qs};
    p.slugs = {u"some-provider"_qs, u"novita"_qs};
    p.features = {u"feature-nobody-matches"_qs};
    p.clocks = {clock, clock - 1, clock + 1, clock + 86400000LL * 30, clock - 86400000LL * 30};
    for (const Rule &rule : config.rules) {
        for (const QString &glob : rule.match.models) {
            p.models << QString(glob).replace(u'*', u""_qs) << QString(glob).replace(u'*', u"x/y"_qs);
        }
        p.users << rule.match.users;
        p.slugs << rule.match.providers;
        p.features << rule.match.features;
        if (rule.expiresAt) {
            const qint64 at = rule.expiresAt->toMSecsSinceEpoch();
            p.clocks << at - 1 << at << at + 1;
        }
    }
    for (auto it = config.providers.cbegin(); it != config.providers.cend(); ++it)
        p.slugs << it.key() << it->value_or(QString());
    for (const ModelEntry &entry : config.models)
        p.slugs << entry.vercelProviders.value_or(QStringList());
    p.slugs.removeAll(QString());
    p.slugs.removeDuplicates();
    const double t = config.failover.errorRateThreshold;
    p.rates = {0.0, t, std::max(0.0, t - 0.01), std::min(1.0, t + 0.01), 1.0, 0.37};
    return p;
}

bool usable(const QStringList &names)
{
    for (const QString &n : names)
        if (n.contains(u'\t') || n.contains(u'\n') || n.contains(u','))
            return false;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: routerjs_oracle CONFIG COUNT SEED\n");
        return 2;
    }
    const ConfigLoadResult loaded = loadConfigFile(args.at(1));
    if (!loaded.config) {
        std::fprintf(stderr, "%s\n", qPrintable(joinDiagnostics(loaded.diagnostics)));
        return 1;
    }
    const Router router(*loaded.config);
    const qint64 clock = parseRfc3339(u"2026-03-01T00:00:00Z").value().toMSecsSinceEpoch();
    const Pools p = poolsOf(*loaded.config, clock);
    if (!usable(p.models) || !usable(p.users) || !usable(p.slugs) || !usable(p.features)) {
        std::fprintf(stderr, "routerjs_oracle: a name in the config holds a tab, newline or comma\n");
        return 1;
    }

    std::mt19937_64 rng(args.at(3).toULongLong());
    const auto below = [&](qsizetype n) { return qsizetype(rng() % quint64(n)); };
    const auto chance = [&](int percent) { return int(rng() % 100) < percent; };
    const auto some = [&](const QStringList &pool) {
        QStringList out;
        for (int n = int(below(3)); n > 0; --n)
            out << pool.at(below(pool.size()));
        out.removeDuplicates();
        return out;
    };
    const auto rate = [](double v) { return QByteArray::number(v, 'g', 17); };

    const long count = args.at(2).toLong();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    QByteArray buffer;
    for (long i = 0; i < count; ++i) {
        RouteRequest r;
        // Three in four from the table (they reach the rules), else an unlisted id or a glob sample.
        r.model = p.models.at(chance(75) ? below(p.tableModels) : below(p.models.size()));
        r.user = chance(60) ? p.users.at(below(p.users.size())) : u"user-%1"_qs.arg(rng() % 100000);
        if (chance(40))
            r.task = u"task-%1"_qs.arg(rng() % 100000);
        if (chance(50)) {
            r.provider.order = chance(50) ? some(p.slugs) : QStringList();
            r.provider.only = chance(50) ? some(p.slugs) : QStringList();
            r.provider.ignore = chance(30) ? some(p.slugs) : QStringList();
        }
        if (chance(40))
            r.features = some(p.features);
        if (chance(50)) {
            r.openrouterErrorRate = p.rates.at(below(p.rates.size()));
            r.vercelErrorRate = p.rates.at(below(p.rates.size()));
        }
        const qint64 now = p.clocks.at(below(p.clocks.size()));
        r.now = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
        const Decision d = router.decide(r);
        const QStringList fields{r.model,
                                 r.user,
                                 r.task,
                                 r.provider.order.join(u','),
                                 r.provider.only.join(u','),
                                 r.provider.ignore.join(u','),
                                 r.features.join(u',')};
        buffer += fields.join(u'\t').toUtf8();
        buffer += '\t' + (r.openrouterErrorRate ? rate(*r.openrouterErrorRate) : QByteArray());
        buffer += '\t' + (r.vercelErrorRate ? rate(*r.vercelErrorRate) : QByteArray());
        buffer += '\t' + QByteArray::number(now) + '\t' + gatewayName(d.gateway).toUtf8() + '\t'
                  + d.upstreamModel.toUtf8() + '\t' + QByteArray::number(d.bucket.value(), 'f', 3) + '\t'
                  + QByteArray::number(d.share(), 'f', 3) + '\t' + d.reasonCode().toUtf8() + '\n';
        if (buffer.size() > (1 << 20)) {
            out.write(buffer);
            buffer.clear();
        }
    }
    out.write(buffer);
    return 0;
}
