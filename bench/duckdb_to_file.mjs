// DuckDB doing what `gatewayctl ingest` does end to end, for bench_ingest.sh: read the traffic log
// and write its aggregates into a fresh DuckDB file, then close it. Two tables, each one
// `CREATE TABLE ... AS SELECT ... GROUP BY`:
//  - minute buckets (minute, gateway, model, provider, status class) with sums, counts, maxima
//    and latency and TTFT histograms in gwcore's 72 bins (four per octave from 1 ms);
//  - key usage per (UTC hour, gateway, model, user, task) with requests, errors, fallbacks,
//    tokens and cost.
// (gatewayctl also writes hour and day roll-ups of the minute buckets; DuckDB is not asked to.)
// Timed from opening the file to closing it, best of three, each into a new file.
// Usage: node bench/duckdb_to_file.mjs LOG.jsonl WORK_DIR
// Output: BENCH duckdb_to_file_seconds <s> s, BENCH duckdb_to_file_mib <n> MiB
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'duckdb', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const [log, work] = process.argv.slice(2);
if (!log || !work) {
  console.error('usage: node bench/duckdb_to_file.mjs LOG.jsonl WORK_DIR');
  process.exit(2);
}
const quoted = log.replaceAll("'", "''");
const source = `(SELECT time_bucket(INTERVAL 1 minute, ts) AS minute, time_bucket(INTERVAL 1 hour, ts) AS hour,
    coalesce(error_type, CASE WHEN status >= 400 OR status = 0 THEN 'http_' || status ELSE 'ok' END) AS status_class,
    CASE WHEN latency_ms < 1 THEN 0 ELSE least(71, floor(log2(latency_ms) * 4)::INTEGER + 1) END AS latency_bin,
    CASE WHEN ttft_ms < 1 THEN 0 ELSE least(71, floor(log2(ttft_ms) * 4)::INTEGER + 1) END AS ttft_bin,
    * EXCLUDE (ts)
  FROM read_json('${quoted}', format = 'newline_delimited', columns = {
    ts: 'TIMESTAMPTZ', gateway: 'VARCHAR', model: 'VARCHAR', upstream_model: 'VARCHAR', provider: 'VARCHAR',
    "user": 'VARCHAR', task: 'VARCHAR', status: 'INTEGER', error_type: 'VARCHAR', latency_ms: 'DOUBLE',
    ttft_ms: 'DOUBLE', prompt_tokens: 'BIGINT', completion_tokens: 'BIGINT', cached_tokens: 'BIGINT',
    reasoning_tokens: 'BIGINT', cost_usd: 'DOUBLE', cost_source: 'VARCHAR', fallback_from: 'VARCHAR', free: 'BOOLEAN'}))`;
const statements = [
  `CREATE TEMP TABLE events AS SELECT * FROM ${source}`,
  `CREATE TABLE traffic_buckets AS SELECT minute, gateway, model, provider, status_class,
     count(*) AS requests, count(fallback_from) AS fallbacks, count(*) FILTER (WHERE free) AS free_requests,
     coalesce(sum(cost_usd) FILTER (WHERE cost_source <> 'estimated' AND cost_source <> 'none'), 0) AS cost_reported_usd,
     count(cost_usd) FILTER (WHERE cost_source <> 'estimated' AND cost_source <> 'none') AS cost_reported_count,
     coalesce(sum(cost_usd) FILTER (WHERE cost_source = 'estimated'), 0) AS cost_estimated_usd,
     count(cost_usd) FILTER (WHERE cost_source = 'estimated') AS cost_estimated_count,
     sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
     sum(cached_tokens) AS cached_tokens, sum(reasoning_tokens) AS reasoning_tokens,
     count(latency_ms) AS latency_count, sum(latency_ms) AS latency_sum_ms, max(latency_ms) AS latency_max_ms,
     histogram(latency_bin) AS latency_hist,
     count(ttft_ms) AS ttft_count, sum(ttft_ms) AS ttft_sum_ms, max(ttft_ms) AS ttft_max_ms,
     histogram(ttft_bin) AS ttft_hist
   FROM events GROUP BY minute, gateway, model, provider, status_class`,
  `CREATE TABLE traffic_key_usage AS SELECT hour, gateway, model, coalesce("user", '') AS "user",
     coalesce(task, '') AS task, count(*) AS requests, count(*) FILTER (WHERE status_class <> 'ok') AS errors,
     count(fallback_from) AS fallbacks, sum(prompt_tokens) AS prompt_tokens,
     sum(completion_tokens) AS completion_tokens, sum(cached_tokens) AS cached_tokens,
     sum(reasoning_tokens) AS reasoning_tokens, coalesce(sum(cost_usd), 0) AS cost_usd,
     count(cost_usd) AS cost_count
   FROM events GROUP BY hour, gateway, model, "user", task`,
];
let best = Infinity;
let bytes = 0;
for (let run = 0; run < 3; ++run) {
  const file = path.join(work, `duckdb-${run}.duckdb`);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.wal`, { force: true });
  const started = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  for (const sql of statements)
    await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
  best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  bytes = fs.statSync(file).size;
}
console.log(`BENCH duckdb_to_file_seconds ${best.toFixed(2)} s`);
console.log(`BENCH duckdb_to_file_mib ${(bytes / 1048576).toFixed(2)} MiB`);
