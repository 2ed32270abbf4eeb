#!/usr/bin/env bash
# Traffic log ingestion against DuckDB on the same file: a generated log of N events (default one
# million), bench_ingest (gwcore parse + aggregate into minute buckets and key usage, then into
# SQLite), then DuckDB's read_json + GROUP BY GROUPING SETS over the same two keys, and the ratio
# of the two parse + aggregate times (ours on its default one thread, DuckDB on all cores).
# Usage: bench/bench_ingest.sh [BUILD_DIR] [EVENTS]  (default build/release; installs DuckDB for node in bench/duckdb/ on first use)
# Output: BENCH <name> <value> <unit>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build/release}"
events="${2:-1000000}"
for tool in gen_traffic bench_ingest; do
  [ -x "$build/bench/$tool" ] || { echo "error: $build/bench/$tool not found; build the bench targets first" >&2; exit 1; }
done
# DuckDB is only the benchmark's yardstick: its own package folder, never installed by the tests.
# (npm install, not ci: npm 11 wants every platform's optional binding in a lock file for ci.)
[ -d "$root/bench/duckdb/node_modules/@duckdb/node-api" ] || (cd "$root/bench/duckdb" && npm install --no-audit --no-fund --loglevel=error)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$build/bench/gen_traffic" "$work/traffic.jsonl" "$events"
ours="$("$build/bench/bench_ingest" "$work/traffic.jsonl" "$work")"
echo "$ours"
theirs="$(node "$root/bench/duckdb_compare.mjs" "$work/traffic.jsonl")"
echo "$theirs"
a="$(sed -n 's/^BENCH ingest_parse_aggregate_seconds \([0-9.]*\) s$/\1/p' <<<"$ours")"
b="$(sed -n 's/^BENCH duckdb_group_by_seconds \([0-9.]*\) s$/\1/p' <<<"$theirs")"
awk -v a="$a" -v b="$b" 'BEGIN { printf "BENCH ingest_speedup_vs_duckdb %.2f x\n", b / a }'
