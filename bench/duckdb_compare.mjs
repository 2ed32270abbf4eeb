// DuckDB's reading of the same traffic log, for bench_ingest.sh: read_json and one GROUP BY
// GROUPING SETS pass computing what gwcore's parse + aggregate computes, both keys at once:
//  - the minute bucket (minute, gateway, model, provider, status class) with its sums and maxima;
//  - the key usage (UTC hour, gateway, model, user, task) with requests, errors, fallbacks,
//    tokens and cost.
// Usage: node bench/duckdb_compare.mjs LOG.jsonl   (needs `npm install` in bench/duckdb/; bench_ingest.sh does it)
// Output: BENCH duckdb_group_by_seconds <s> s, BENCH duckdb_minute_buckets <n> count,
//         BENCH duckdb_key_usage_rows <n> count, BENCH duckdb_threads <n> count
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
// Wrapped in count(*) per grouping set so the time is DuckDB's read + GROUP BY, not turning the
// result rows into JS values (bench_ingest's parse + aggregate figure likewise stops before
// exporting buckets). Timestamps are read as TIMESTAMPTZ and truncated in UTC.
const sql = `SELECT grouping_id, count(*) FROM (
  SELECT GROUPING(minute, provider, status_class, hour, "user", task) AS grouping_id,
         count(*) AS requests,
         count(*) FILTER (WHERE status_class <> 'ok') AS errors,
         count(fallback_from) AS fallbacks,
         count(*) FILTER (WHERE free) AS free_requests,
         sum(cost_usd) FILTER (WHERE cost_source = 'estimated') AS cost_estimated,
         sum(cost_usd) FILTER (WHERE cost_source <> 'estimated' AND cost_source <> 'none') AS cost_reported,
         count(cost_usd) FILTER (WHERE cost_source <> 'none') AS cost_count,
         sum(prompt_tokens), sum(completion_tokens), sum(cached_tokens), sum(reasoning_tokens),
         count(latency_ms), sum(latency_ms), max(latency_ms), count(ttft_ms), sum(ttft_ms), max(ttft_ms)
  FROM (
    SELECT time_bucket(INTERVAL 1 minute, ts) AS minute, time_bucket(INTERVAL 1 hour, ts) AS hour,
           coalesce(error_type, CASE WHEN status >= 400 OR status = 0 THEN 'http_' || status ELSE 'ok' END) AS status_class,
           * EXCLUDE (ts)
    FROM read_json('${quoted}', format = 'newline_delimited', columns = {
      ts: 'TIMESTAMPTZ', gateway: 'VARCHAR', model: 'VARCHAR', upstream_model: 'VARCHAR', provider: 'VARCHAR',
      "user": 'VARCHAR', task: 'VARCHAR', status: 'INTEGER', error_type: 'VARCHAR', latency_ms: 'DOUBLE',
      ttft_ms: 'DOUBLE', prompt_tokens: 'BIGINT', completion_tokens: 'BIGINT', cached_tokens: 'BIGINT',
      reasoning_tokens: 'BIGINT', cost_usd: 'DOUBLE', cost_source: 'VARCHAR', fallback_from: 'VARCHAR', free: 'BOOLEAN'}))
  GROUP BY GROUPING SETS ((minute, gateway, model, provider, status_class), (hour, gateway, model, "user", task)))
GROUP BY grouping_id ORDER BY grouping_id`;
let best = Infinity;
let counts = [];
for (let run = 0; run < 3; ++run) {
  const started = process.hrtime.bigint();
  const reader = await connection.runAndReadAll(sql);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  counts = reader.getRows().map((row) => Number(row[1]));
  best = Math.min(best, seconds);
}
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
// Ordered by grouping id: the minute set leaves hour, user, task out (bits 0-2 set: 7); the
// usage set leaves minute, provider, status class out (bits 3-5: 56).
console.log(`BENCH duckdb_group_by_seconds ${best.toFixed(2)} s`);
console.log(`BENCH duckdb_minute_buckets ${counts[0]} count`);
console.log(`BENCH duckdb_key_usage_rows ${counts[1]} count`);
console.log(`BENCH duckdb_threads ${threads} count`);
