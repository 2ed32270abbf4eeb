#!/usr/bin/env bash
# Traffic log ingestion against DuckDB on the same file: a generated log of N events (default one
# million), then
#  - bench_ingest: gwcore's parse + aggregate into minute buckets and key usage, the SQLite write
#    alone, and the whole import into a fresh SQLite history, in process;
#  - `gatewayctl ingest LOG --db FILE` into a fresh history, wall time of the process (what the
#    user waits for: log file to a history the Monitor can read), best of three;
#  - DuckDB's read_json + GROUP BY GROUPING SETS over the same two keys in memory, and DuckDB
#    writing the same aggregates into a DuckDB file (CREATE TABLE ... AS SELECT ... GROUP BY, then
#    close; duckdb_to_file.mjs);
# and the ratios: in memory (ours on the default thread count), and end to end into a file.
# Usage: bench/bench_ingest.sh [BUILD_DIR] [EVENTS]  (default build/release; installs DuckDB for node in bench/duckdb/ on first use)
# Output: BENCH <name> <value> <unit>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build/release}"
events="${2:-1000000}"
for tool in bench/gen_traffic bench/bench_ingest src/cli/gatewayctl; do
  [ -x "$build/$tool" ] || { echo "error: $build/$tool not found; build gen_traffic, bench_ingest and gatewayctl first" >&2; exit 1; }
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
best=""
for run in 1 2 3; do
  rm -f "$work/cli.sqlite" "$work/cli.sqlite-wal" "$work/cli.sqlite-shm"
  start=$(date +%s.%N)
  "$build/src/cli/gatewayctl" ingest "$work/traffic.jsonl" --db "$work/cli.sqlite" >/dev/null
  s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
echo "BENCH ingest_cli_seconds $best s"
echo "BENCH ingest_cli_history_mib $(awk -v b="$(stat -c %s "$work/cli.sqlite")" 'BEGIN { printf "%.2f", b / 1048576 }') MiB"
theirs="$(node "$root/bench/duckdb_compare.mjs" "$work/traffic.jsonl")"
echo "$theirs"
file="$(node "$root/bench/duckdb_to_file.mjs" "$work/traffic.jsonl" "$work")"
echo "$file"
a="$(sed -n 's/^BENCH ingest_parse_aggregate_auto_seconds \([0-9.]*\) s$/\1/p' <<<"$ours")"
b="$(sed -n 's/^BENCH duckdb_group_by_seconds \([0-9.]*\) s$/\1/p' <<<"$theirs")"
awk -v a="$a" -v b="$b" 'BEGIN { printf "BENCH ingest_speedup_vs_duckdb %.2f x\n", b / a }'
c="$(sed -n 's/^BENCH duckdb_to_file_seconds \([0-9.]*\) s$/\1/p' <<<"$file")"
awk -v a="$best" -v b="$c" 'BEGIN { printf "BENCH ingest_cli_speedup_vs_duckdb_file %.2f x\n", b / a }'
