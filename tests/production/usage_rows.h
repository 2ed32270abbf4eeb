#pragma once
// Usage rows for the pull tests and the benchmark, generated in PostgreSQL (generate_series):
// both gateways and a provider that is not ours, errors, user-BYOK rows, rows without metadata,
// without a session or a requested model, and latencies on exact bin edges.

#include <QString>

namespace gwtest {

// Rows i in [first, first + count), row i at `start` + (i - first) * `stepMs` milliseconds.
inline QString usageRowsSql(qint64 first, qint64 count, const QString &start, qint64 stepMs)
{
    return QStringLiteral(R"(
INSERT INTO microdollar_usage (id, kilo_user_id, cost, input_tokens, output_tokens, cache_write_tokens, cache_hit_tokens,
    created_at, provider, model, requested_model, inference_provider, has_error)
SELECT md5('u' || i)::uuid, 'user-' || (i %% 7), (i %% 50) * 100 + 1, i %% 1000, i %% 300, 0, i %% 50,
    timestamptz '%3' + (i - %1) * interval '%4 milliseconds', (ARRAY['openrouter', 'vercel', 'martian'])[1 + i %% 3], 'up/' || (i %% 4),
    CASE WHEN i %% 11 = 0 THEN NULL ELSE 'model/' || (i %% 4) END, (ARRAY['anthropic', 'google', NULL])[1 + (i / 3) %% 3],
    i %% 13 = 0
FROM generate_series(%1::bigint, %2::bigint) i;
INSERT INTO microdollar_usage_metadata (id, created_at, message_id, status_code, latency, is_user_byok, is_free, session_id)
SELECT md5('u' || i)::uuid, timestamptz '%3' + (i - %1) * interval '%4 milliseconds', 'gen-' || i, 200,
    CASE WHEN i %% 17 = 0 THEN 2.0 WHEN i %% 23 = 0 THEN 0.0005 ELSE ((i %% 97) * 0.037)::real END,
    i %% 19 = 0, i %% 6 = 0, CASE WHEN i %% 3 = 0 THEN NULL ELSE 'task-' || (i %% 10) END
FROM generate_series(%1::bigint, %2::bigint) i WHERE i %% 5 <> 0;
)")
        .replace(QStringLiteral("%%"), QStringLiteral("%"))
        .arg(first)
        .arg(first + count - 1)
        .arg(start)
        .arg(stepMs);
}

} // namespace gwtest
