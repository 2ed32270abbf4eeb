#!/usr/bin/env bash
# Production usage pull: a private PostgreSQL 15 (started here as the postgres user, deleted at the
# end) with a generated usage table of ROWS rows (default 5 million) over seven days, generated in
# SQL with generate_series; then bench_pull_usage: one day and seven days, aggregated in PostgreSQL
# against every raw row streamed into our aggregator. Run as root (PostgreSQL runs as postgres).
# Usage: bench/bench_pull_usage.sh [BUILD_DIR] [ROWS]   Output: BENCH <name> <value> <unit>
set -euo pipefail
build="${1:-build/release}"
rows="${2:-5000000}"
bin=/usr/lib/postgresql/15/bin
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x "$build/bench/bench_pull_usage" ] || { echo "error: $build/bench/bench_pull_usage not found; build it first" >&2; exit 1; }
work="$(mktemp -d)"
chown postgres:postgres "$work"
port=$((20000 + RANDOM % 20000))
pg() { runuser -u postgres -- "$@"; }
cleanup() { pg "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
pg "$bin/initdb" -D "$work/data" -U postgres -A trust --no-sync >/dev/null
pg "$bin/pg_ctl" -D "$work/data" -o "-k $work -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB -c work_mem=64MB" \
   -l "$work/server.log" -w start >/dev/null
psql() { runuser -u postgres -- /usr/bin/psql -h "$work" -p "$port" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "CREATE DATABASE bench"
psql -d bench -f "$root/../shared/data/production/schema.sql"
step_ms=$((7 * 86400000 / rows))
start=$(date +%s.%N)
psql -d bench <<SQL
INSERT INTO microdollar_usage (id, kilo_user_id, cost, input_tokens, output_tokens, cache_write_tokens, cache_hit_tokens,
    created_at, provider, model, requested_model, inference_provider, has_error)
SELECT md5('u' || i)::uuid, 'user-' || (i % 5000), (i % 50) * 100 + 1, i % 1000, i % 300, 0, i % 50,
    timestamptz '2026-03-01 00:00:00+00' + i * interval '$step_ms milliseconds', (ARRAY['openrouter', 'vercel', 'martian'])[1 + i % 3],
    'up/' || (i % 40), 'model/' || (i % 40), (ARRAY['anthropic', 'google', 'openai'])[1 + (i / 3) % 3], i % 13 = 0
FROM generate_series(1, $rows) i;
INSERT INTO microdollar_usage_metadata (id, created_at, message_id, status_code, latency, is_user_byok, is_free, session_id)
SELECT md5('u' || i)::uuid, timestamptz '2026-03-01 00:00:00+00' + i * interval '$step_ms milliseconds', 'gen-' || i, 200,
    ((i % 997) * 0.011)::real, i % 19 = 0, i % 6 = 0, CASE WHEN i % 3 = 0 THEN NULL ELSE 'task-' || (i % 20000) END
FROM generate_series(1, $rows) i WHERE i % 5 <> 0;
ANALYZE;
SQL
awk -v s="$start" -v e="$(date +%s.%N)" -v n="$rows" 'BEGIN { printf "BENCH pull_usage_generate_seconds %.1f s\nBENCH pull_usage_table_rows %d rows\n", e - s, n }'
"$build/bench/bench_pull_usage" "postgresql://postgres@127.0.0.1:$port/bench" 2026-03-01T00:00:00Z
