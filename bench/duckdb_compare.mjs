// DuckDB's reading of the same traffic log, for bench_ingest.sh: read_json + GROUP BY the bucket
// key gwcore aggregates by (minute, gateway, model, provider, status class), with the same sums.
// Usage: node bench/duckdb_compare.mjs LOG.jsonl   (needs `npm install` in bench/duckdb/; bench_ingest.sh does it)
// Output: BENCH duckdb_group_by_seconds <s> s, BENCH duckdb_minute_buckets <n> count
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'duckdb', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const log = process.argv[2];
if (!log) {
  console.error('usage: node bench/duckdb_compare.mjs LOG.jsonl');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quoted = log.replaceAll("'", "''");
// Wrapped in count(*) so the time is DuckDB's read + GROUP BY, not turning 490k rows into JS
// values (bench_ingest's parse + aggregate figure likewise stops before exporting buckets).
const sql = `SELECT count(*) FROM (
  SELECT date_trunc('minute', ts) AS minute, gateway, model, provider,
         coalesce(error_type, CASE WHEN status >= 400 THEN 'http_' || status ELSE 'ok' END) AS status_class,
         count(*) AS requests,
         sum(CASE WHEN cost_source = 'estimated' THEN 0 ELSE cost_usd END) AS cost_reported,
         sum(CASE WHEN cost_source = 'estimated' THEN cost_usd ELSE 0 END) AS cost_estimated,
         sum(prompt_tokens), sum(completion_tokens), sum(cached_tokens), sum(reasoning_tokens),
         sum(latency_ms), max(latency_ms), sum(ttft_ms), max(ttft_ms)
  FROM read_json('${quoted}', format = 'newline_delimited', columns = {
    ts: 'TIMESTAMPTZ', gateway: 'VARCHAR', model: 'VARCHAR', upstream_model: 'VARCHAR', provider: 'VARCHAR',
    "user": 'VARCHAR', task: 'VARCHAR', status: 'INTEGER', error_type: 'VARCHAR', latency_ms: 'DOUBLE',
    ttft_ms: 'DOUBLE', prompt_tokens: 'BIGINT', completion_tokens: 'BIGINT', cached_tokens: 'BIGINT',
    reasoning_tokens: 'BIGINT', cost_usd: 'DOUBLE', cost_source: 'VARCHAR', fallback_from: 'VARCHAR', free: 'BOOLEAN'})
  GROUP BY ALL)`;
let best = Infinity;
let rows = 0;
for (let run = 0; run < 3; ++run) {
  const started = process.hrtime.bigint();
  const reader = await connection.runAndReadAll(sql);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rows = Number(reader.getRows()[0][0]);
  best = Math.min(best, seconds);
}
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
console.log(`BENCH duckdb_group_by_seconds ${best.toFixed(2)} s`);
console.log(`BENCH duckdb_minute_buckets ${rows} count`);
console.log(`BENCH duckdb_threads ${threads} count`);
