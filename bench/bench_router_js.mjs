#!/usr/bin/env node
// Decisions per second of src/router-js on one core, next to the production router's current
// function in the same run: the contract's bucket (sha256 of the seed for the whole part, sha256
// of seed + "_fractional" for the fraction) against the paid/free percentage and the opt-out list,
// which is all the production core decides with today. Same keys, same models, same process.
// Usage: node bench/bench_router_js.mjs [CONFIG] [KEYS]   (default: the sample config, 1,000,000)
// Output: BENCH <name> <value> <unit>

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decide, loadConfig } from '../src/router-js/router.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = process.argv[2] || `${root}resources/sample-workspace/routing.json`;
const keys = Number(process.argv[3] || 1000000);
const ROUNDS = 3;

const config = loadConfig(readFileSync(configPath, 'utf8'));
const models = [...config.models.keys(), 'unlisted/model'];
const now = Date.parse('2026-02-28T12:00:00Z');

// The production record's three fields, as the kilo-gateway export would write them.
const legacy = {
  paid: config.defaultShare.paid,
  free: config.defaultShare.free,
  optOut: new Set([...config.models].filter(([, m]) => m.vercel === null).map(([id]) => id)),
};

/** Production's shouldRouteToVercel(model, request, seed), as the contract states it. */
function shouldRouteToVercel(model, request, seed) {
  if (legacy.optOut.has(model)) return false;
  const whole = createHash('sha256').update(seed).digest().readUInt32BE(0) % 100;
  const fraction = createHash('sha256').update(`${seed}_fractional`).digest().readUInt32BE(0) % 1000;
  const percentage = model.endsWith(':free') ? legacy.free : legacy.paid;
  return whole + fraction / 1000 < percentage;
}

function runProduction() {
  let vercel = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < keys; i++) {
    const request = { model: models[i % models.length], user: `user-${i}` };
    if (shouldRouteToVercel(request.model, request, `vercel_routing_${request.user}`)) vercel++;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, vercel };
}

function runModule() {
  let vercel = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < keys; i++) {
    const request = { model: models[i % models.length], user: `user-${i}` };
    if (decide(config, request, now).gateway === 'vercel') vercel++;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, vercel };
}

// Alternate the two so that neither gets the warmer machine; keep each one's best round.
let production = Infinity, module = Infinity, vercelShare = 0;
for (let round = 0; round < ROUNDS; round++) {
  production = Math.min(production, runProduction().seconds);
  const m = runModule();
  module = Math.min(module, m.seconds);
  vercelShare = m.vercel / keys;
}
const productionRate = keys / production, moduleRate = keys / module;
console.log(`# node ${process.version}; ${keys} keys x ${models.length} models; best of ${ROUNDS} rounds; ${configPath}`);
console.log(`BENCH routerjs_decisions_per_second ${moduleRate.toFixed(0)} decisions/s`);
console.log(`BENCH production_fn_decisions_per_second ${productionRate.toFixed(0)} decisions/s`);
console.log(`BENCH routerjs_vs_production_ratio ${(productionRate / moduleRate).toFixed(3)} x`);
console.log(`# ratio = production rate / module rate: above 1 the module is slower (limit 1.5); vercel share ${(100 * vercelShare).toFixed(3)}%`);
