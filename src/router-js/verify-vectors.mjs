#!/usr/bin/env node
// Proves that router.mjs decides like gwcore: every case of a `gatewayctl export --profile
// vectors` document, decided under the same config (contract section 5, "vectors").
// Usage: node verify-vectors.mjs CONFIG VECTORS
// Exit 0: every case agrees. 1: a disagreement (the first one is printed), an invalid config, or
// a vectors file made from another config. 2: usage.

import { readFileSync } from 'node:fs';
import { contentHash, decide, formatProblem, loadConfig, parseTimestamp } from './router.mjs';

const [configPath, vectorsPath] = process.argv.slice(2);
if (!configPath || !vectorsPath || process.argv.length > 4) {
  console.error('usage: node verify-vectors.mjs CONFIG VECTORS');
  process.exit(2);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`${path}: cannot read: ${e.message}`);
  }
}

let config;
try {
  config = loadConfig(read(configPath));
} catch (e) {
  fail((e.problems ?? [{ path: '', message: e.message }]).map((p) => `${configPath}: ${formatProblem(p)}`).join('\n'));
}

let vectors;
try {
  vectors = JSON.parse(read(vectorsPath));
} catch (e) {
  fail(`${vectorsPath}: JSON syntax error: ${e.message}`);
}
if (vectors?.format !== 'gateway-console-vectors' || vectors.version !== 1 || !Array.isArray(vectors.cases))
  fail(`${vectorsPath}: not a gateway-console-vectors version 1 document`);
const hash = contentHash(config);
if (vectors.config_sha256 !== hash)
  fail(`${vectorsPath}: made from another config (config_sha256 ${vectors.config_sha256}, this config hashes to ${hash})`);

const exact = ['gateway', 'upstream_model', 'reason'];
const toThree = (v) => (typeof v === 'number' ? v.toFixed(3) : String(v));
vectors.cases.forEach((c, i) => {
  const now = parseTimestamp(String(c.now));
  if (now === null) fail(`${vectorsPath}: case ${i}: "now" is not an RFC 3339 timestamp: ${c.now}`);
  const actual = decide(config, c, now);
  const expected = c.expected ?? {};
  const differs = [
    ...exact.filter((f) => actual[f] !== expected[f]),
    ...['bucket', 'share'].filter((f) => toThree(actual[f]) !== toThree(expected[f])),
  ];
  if (differs.length) {
    const lines = differs.map((f) => `  ${f}: ${JSON.stringify(actual[f])}, expected ${JSON.stringify(expected[f])}`);
    fail(`case ${i} differs:\n${lines.join('\n')}\n  case: ${JSON.stringify(c)}`);
  }
});
console.log(`${vectors.cases.length} cases agree (config ${hash.slice(0, 12)})`);
