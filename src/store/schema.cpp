#include "schema.h"

namespace gw::store {

namespace {

// Times are INTEGER milliseconds since the epoch (UTC); NULL where unknown. Booleans are 0/1.
// Costs are REAL US dollars, NULL where unknown. Names (gateway, status, error class, cost source)
// are the snake_case names gwcore writes to traffic logs.
QList<Migration> buildMigrations()
{
    QList<Migration> list;
    list << Migration{1,
                      {
                          u"CREATE TABLE bench_runs ("
                          "  id INTEGER PRIMARY KEY,"
                          "  started_at INTEGER NOT NULL,"
                          "  finished_at INTEGER,"
                          "  label TEXT NOT NULL DEFAULT '',"
                          "  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled')),"
                          "  settings_json TEXT NOT NULL)"_qs,

                          u"CREATE TABLE bench_results ("
                          "  id INTEGER PRIMARY KEY,"
                          "  run_id INTEGER NOT NULL REFERENCES bench_runs(id) ON DELETE CASCADE,"
                          "  case_index INTEGER NOT NULL,"
                          "  gateway TEXT NOT NULL,"
                          "  prompt_name TEXT NOT NULL,"
                          "  openrouter_model TEXT NOT NULL,"
                          "  gateway_model TEXT NOT NULL,"
                          "  repetition INTEGER NOT NULL,"
                          "  started_at INTEGER,"
                          "  request_json TEXT NOT NULL,"
                          "  warnings_json TEXT NOT NULL,"
                          "  text TEXT NOT NULL,"
                          "  reasoning TEXT NOT NULL,"
                          "  reasoning_details_json TEXT NOT NULL,"
                          "  has_usage INTEGER NOT NULL,"
                          "  tokens_prompt INTEGER NOT NULL,"
                          "  tokens_completion INTEGER NOT NULL,"
                          "  tokens_cached_read INTEGER NOT NULL,"
                          "  tokens_cache_write INTEGER NOT NULL,"
                          "  tokens_reasoning INTEGER NOT NULL,"
                          "  provider TEXT NOT NULL,"
                          "  generation_id TEXT NOT NULL,"
                          "  response_model TEXT NOT NULL,"
                          "  cost_usd REAL,"
                          "  cost_source TEXT NOT NULL,"
                          "  finish_reason TEXT NOT NULL,"
                          "  chunk_count INTEGER NOT NULL,"
                          "  keep_alive_count INTEGER NOT NULL,"
                          "  error_class TEXT NOT NULL,"
                          "  error_code TEXT NOT NULL,"
                          "  error_message TEXT NOT NULL,"
                          "  error_http_status INTEGER NOT NULL,"
                          "  error_retry_after INTEGER,"
                          "  error_mid_stream INTEGER NOT NULL,"
                          "  http_status INTEGER NOT NULL,"
                          "  ttft_ms INTEGER NOT NULL,"
                          "  total_ms INTEGER NOT NULL,"
                          "  estimated_cost_usd REAL,"
                          "  billed_cost_usd REAL,"
                          "  skipped INTEGER NOT NULL,"
                          "  skip_reason TEXT NOT NULL,"
                          "  UNIQUE (run_id, case_index, gateway))"_qs,

                          u"CREATE TABLE traffic_events ("
                          "  id INTEGER PRIMARY KEY,"
                          "  ts INTEGER NOT NULL,"
                          "  source TEXT NOT NULL CHECK (source IN ('test', 'log')),"
                          "  gateway TEXT NOT NULL,"
                          "  model TEXT NOT NULL,"
                          "  provider TEXT NOT NULL,"
                          "  error_class TEXT NOT NULL,"
                          "  http_status INTEGER NOT NULL,"
                          "  ttft_ms INTEGER NOT NULL,"
                          "  total_ms INTEGER NOT NULL,"
                          "  tokens_prompt INTEGER NOT NULL,"
                          "  tokens_completion INTEGER NOT NULL,"
                          "  tokens_cached INTEGER NOT NULL,"
                          "  tokens_reasoning INTEGER NOT NULL,"
                          "  cost_usd REAL,"
                          "  cost_source TEXT NOT NULL,"
                          "  generation_id TEXT NOT NULL,"
                          "  run_id INTEGER REFERENCES bench_runs(id) ON DELETE CASCADE,"
                          "  result_id INTEGER REFERENCES bench_results(id) ON DELETE CASCADE)"_qs,

                          // Covers the run list's counts (ok / failed / skipped) without reading the result rows.
                          u"CREATE INDEX bench_results_outcome ON bench_results(run_id, skipped, error_class)"_qs,
                          u"CREATE INDEX traffic_events_ts ON traffic_events(ts)"_qs,
                          u"CREATE INDEX traffic_events_result ON traffic_events(result_id)"_qs,
                          u"CREATE INDEX traffic_events_run ON traffic_events(run_id)"_qs,
                      }};
    // Traffic logs ingested for the Monitor (traffic_ingest.h): the files already read, and
    // their traffic aggregated into minute buckets with hour and day roll-ups. Every figure is a
    // sum, a count, a max or a histogram (LatencyHistogram::toBlob), so a re-import merges exactly.
    list << Migration{
        2,
        {
            u"CREATE TABLE traffic_files ("
            "  id INTEGER PRIMARY KEY,"
            "  path TEXT NOT NULL,"
            "  fingerprint TEXT NOT NULL,"
            "  fingerprint_bytes INTEGER NOT NULL CHECK (fingerprint_bytes > 0),"
            "  offset_bytes INTEGER NOT NULL,"
            "  lines INTEGER NOT NULL,"
            "  bad_lines INTEGER NOT NULL,"
            "  first_ingested_at INTEGER NOT NULL,"
            "  last_ingested_at INTEGER NOT NULL)"_qs,
            u"CREATE INDEX traffic_files_path ON traffic_files(path)"_qs,
            u"CREATE INDEX traffic_files_fingerprint ON traffic_files(fingerprint_bytes, fingerprint)"_qs,

            u"CREATE TABLE traffic_buckets ("
            "  resolution TEXT NOT NULL CHECK (resolution IN ('minute', 'hour', 'day')),"
            "  start_ms INTEGER NOT NULL,"
            "  gateway TEXT NOT NULL,"
            "  model TEXT NOT NULL,"
            "  provider TEXT NOT NULL,"
            "  status_class TEXT NOT NULL,"
            "  requests INTEGER NOT NULL,"
            "  fallbacks INTEGER NOT NULL,"
            "  free_requests INTEGER NOT NULL,"
            "  cost_reported_usd REAL NOT NULL,"
            "  cost_reported_count INTEGER NOT NULL,"
            "  cost_estimated_usd REAL NOT NULL,"
            "  cost_estimated_count INTEGER NOT NULL,"
            "  prompt_tokens INTEGER NOT NULL,"
            "  completion_tokens INTEGER NOT NULL,"
            "  cached_tokens INTEGER NOT NULL,"
            "  reasoning_tokens INTEGER NOT NULL,"
            "  latency_count INTEGER NOT NULL,"
            "  latency_sum_ms REAL NOT NULL,"
            "  latency_max_ms REAL NOT NULL,"
            "  latency_hist BLOB NOT NULL,"
            "  ttft_count INTEGER NOT NULL,"
            "  ttft_sum_ms REAL NOT NULL,"
            "  ttft_max_ms REAL NOT NULL,"
            "  ttft_hist BLOB NOT NULL,"
            "  PRIMARY KEY (resolution, start_ms, gateway, model, provider, status_class)) WITHOUT ROWID"_qs,
        }};
    // Traffic per sticky-key input (traffic_key_usage.h): what the Monitor's share-vs-target
    // series and the Planner's replay decide again with gwcore. Sums only, so an import merges
    // by adding. WITHOUT ROWID keeps the rows clustered on the primary key, whose first column is
    // the hour: a time-range read is a range scan of that key, no separate index needed.
    // A v2 file migrates with this table empty: the logs already imported are not read again.
    list << Migration{3,
                      {
                          u"CREATE TABLE traffic_key_usage ("
                          "  hour_start_ms INTEGER NOT NULL,"
                          "  gateway TEXT NOT NULL,"
                          "  model TEXT NOT NULL,"
                          "  user TEXT NOT NULL,"
                          "  task TEXT NOT NULL,"
                          "  requests INTEGER NOT NULL,"
                          "  errors INTEGER NOT NULL,"
                          "  fallbacks INTEGER NOT NULL,"
                          "  prompt_tokens INTEGER NOT NULL,"
                          "  completion_tokens INTEGER NOT NULL,"
                          "  cached_tokens INTEGER NOT NULL,"
                          "  reasoning_tokens INTEGER NOT NULL,"
                          "  cost_usd REAL NOT NULL,"
                          "  cost_count INTEGER NOT NULL,"
                          "  PRIMARY KEY (hour_start_ms, gateway, model, user, task)) WITHOUT ROWID"_qs,
                      }};
    // A traffic log's identity is unique: the importer that commits second finds the first one's
    // row and reads on from its offset (database_traffic_buckets.cpp); this index makes a second
    // row for the same content under the same path impossible however they interleave. Files
    // that two concurrent imports of an older build recorded twice keep the row that got
    // furthest (their traffic was counted twice then; it cannot be told apart afterwards).
    list << Migration{
        4,
        {
            u"DELETE FROM traffic_files WHERE id NOT IN (SELECT id FROM (SELECT id, row_number() OVER ("
            "  PARTITION BY path, fingerprint_bytes, fingerprint ORDER BY offset_bytes DESC, id DESC) AS rank"
            "  FROM traffic_files) WHERE rank = 1)"_qs,
            u"CREATE UNIQUE INDEX traffic_files_identity ON traffic_files(path, fingerprint_bytes, fingerprint)"_qs,
        }};
    // Production usage pulls (database_production.cpp, usage_pull.h): a watermark per source and
    // each source's own contribution to the traffic tables, so a re-pull replaces it. IF NOT
    // EXISTS because a schema-4 file may already have them: builds before this migration created
    // them on the first pull, with these same columns.
    list << Migration{
        5,
        {
            u"CREATE TABLE IF NOT EXISTS production_usage_sources ("
            "  source TEXT PRIMARY KEY, watermark_ms INTEGER NOT NULL, pulled_at INTEGER NOT NULL)"_qs,
            u"CREATE TABLE IF NOT EXISTS production_usage_minutes ("
            "  source TEXT NOT NULL, start_ms INTEGER NOT NULL, gateway TEXT NOT NULL, model TEXT NOT NULL,"
            "  provider TEXT NOT NULL, status_class TEXT NOT NULL, requests INTEGER NOT NULL, free_requests INTEGER "
            "NOT NULL,"
            "  cost_usd REAL NOT NULL, cost_count INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL,"
            "  completion_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL, latency_count INTEGER NOT NULL,"
            "  latency_sum_ms REAL NOT NULL, latency_max_ms REAL NOT NULL, latency_hist BLOB NOT NULL,"
            "  PRIMARY KEY (source, start_ms, gateway, model, provider, status_class)) WITHOUT ROWID"_qs,
            u"CREATE TABLE IF NOT EXISTS production_usage_keys ("
            "  source TEXT NOT NULL, hour_start_ms INTEGER NOT NULL, gateway TEXT NOT NULL, model TEXT NOT NULL,"
            "  user TEXT NOT NULL, task TEXT NOT NULL, requests INTEGER NOT NULL, errors INTEGER NOT NULL,"
            "  prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL,"
            "  cost_usd REAL NOT NULL, cost_count INTEGER NOT NULL,"
            "  PRIMARY KEY (source, hour_start_ms, gateway, model, user, task)) WITHOUT ROWID"_qs,
        }};
    return list;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> list = buildMigrations();
    return list;
}

int currentSchemaVersion()
{
    return migrations().constLast().toVersion;
}

} // namespace gw::store
