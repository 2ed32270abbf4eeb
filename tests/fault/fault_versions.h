#pragma once
// Shared by fault_child and tst_fault_sigkill: the versions the child writes, so the test can
// recompute every one of them and check that a file left behind by a kill is one of them, whole.

#include "config/config_io.h"
#include "export/exporter.h"
#include "store_fixture.h" // sampleResult(): bench results with every column set

namespace gw::faulttest {

// The bundled sample workspace's draft: the base of every exported and autosaved version.
inline RoutingConfig sampleConfig()
{
    const ConfigLoadResult loaded =
        loadConfigFile(QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/routing.json"));
    return loaded.config.value_or(RoutingConfig{});
}

// Version `revision` of the native export: the revision, the note and the export time differ.
inline QByteArray exportBytes(const RoutingConfig &base, qint64 revision)
{
    RoutingConfig config = base;
    config.revision = revision;
    config.note = u"fault test export %1"_qs.arg(revision);
    config.updatedAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000LL + revision * 1000, Qt::UTC);
    config.updatedBy = u"fault-test"_qs;
    ExportOptions options;
    options.now = *config.updatedAt;
    return exportConfig(config, ExportProfile::Native, options).bytes;
}

inline QString autosaveNote(qint64 edit)
{
    return u"fault test autosave edit %1"_qs.arg(edit);
}

// Ingestion writes batches of this many results; batch b holds case indexes [b*kBatch, (b+1)*kBatch).
inline constexpr int kBatch = 25;

inline QList<BenchResult> ingestBatch(int batch)
{
    QList<BenchResult> results;
    for (int i = 0; i < kBatch; ++i)
        results.append(test::sampleResult(batch * kBatch + i, Gateway::OpenRouter));
    return results;
}

// Traffic logs grow by this many lines between two imports; line n (0-based) is always the same
// valid traffic log v1 event, one minute per 60 lines, so every line is exactly one request.
inline constexpr int kTrafficLinesPerAppend = 40;

inline constexpr int kTrafficUsers = 7; // line n is user u-<n % 7>

inline QByteArray trafficLine(qint64 n)
{
    const qint64 minute = n / 60;
    return QStringLiteral(
               "{\"ts\":\"2026-11-01T%1:%2:%3Z\",\"gateway\":\"%4\",\"model\":\"fault/model-%5\","
               "\"provider\":\"p%5\",\"user\":\"u-%8\",\"status\":%6,\"latency_ms\":%7,\"cost_usd\":0.0001}\n")
        .arg(minute / 60 % 24, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'))
        .arg(n % 60, 2, 10, QLatin1Char('0'))
        .arg(n % 3 ? QStringLiteral("openrouter") : QStringLiteral("vercel"))
        .arg(n % 4)
        .arg(n % 17 ? 200 : 429)
        .arg(100 + n % 900)
        .arg(n % kTrafficUsers)
        .toUtf8();
}

} // namespace gw::faulttest
