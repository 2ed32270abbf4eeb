// Decides every request of a routerjs_oracle file with src/router-js and compares with gwcore's
// decision on the same line: gateway, upstream model and reason exactly, bucket and share to three
// decimals. Usage: node compare.mjs CONFIG ORACLE_TSV   (exit 0: all agree; 1: the first difference)

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decide, loadConfig } from '../../src/router-js/router.mjs';

const list = (field) => (field ? field.split(',') : []);

/** The first disagreement as text, or '' when every line agrees; `count` receives the number of lines. */
export function compareOracle(configText, tsv) {
  const config = loadConfig(configText);
  const lines = tsv.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i].split('\t');
    if (f.length !== 15) return `line ${i + 1}: ${f.length} fields, expected 15`;
    const [model, user, task, order, only, ignore, features, orRate, vRate, now] = f;
    const request = { model, user, task, provider: { order: list(order), only: list(only), ignore: list(ignore) },
      features: list(features) };
    if (orRate !== '') request.error_rates = { openrouter: Number(orRate), vercel: Number(vRate) };
    const d = decide(config, request, Number(now));
    const actual = [d.gateway, d.upstream_model, d.bucket.toFixed(3), d.share.toFixed(3), d.reason];
    const expected = f.slice(10);
    const names = ['gateway', 'upstream_model', 'bucket', 'share', 'reason'];
    const differs = names.filter((_, k) => actual[k] !== expected[k]);
    if (differs.length)
      return `line ${i + 1} differs (${differs.map((n) => `${n}: ${actual[names.indexOf(n)]}, gwcore ${expected[names.indexOf(n)]}`).join('; ')}):\n  ${lines[i]}`;
  }
  return lines.length ? '' : 'no requests to compare';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [configPath, tsvPath] = process.argv.slice(2);
  const problem = compareOracle(readFileSync(configPath, 'utf8'), readFileSync(tsvPath, 'utf8'));
  if (problem) {
    console.error(`${configPath}: ${problem}`);
    process.exit(1);
  }
}
