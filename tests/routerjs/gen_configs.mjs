// Writes COUNT routing configs, generated deterministically from SEED, for the agreement tests of
// src/router-js against gwcore. Each config has a rule of every match kind (models by glob,
// providers, class, users, features) and both actions (pins and shares), rules that expire around
// the test clock (some with milliseconds or an offset), disabled rules, renamed and unmapped
// models, known and unknown Vercel providers, provider slugs that map elsewhere or to null; across
// the set: either gateway disabled, failover on and off, both sticky keys, non-ASCII cohorts.
// Usage: node gen_configs.mjs SEED COUNT OUTDIR   (writes OUTDIR/generated-NN.json)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_CLOCK = '2026-03-01T00:00:00Z';

// mulberry32: small, seedable, the same sequence on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VENDORS = ['openai', 'anthropic', 'x-ai', 'moonshotai', 'google', 'meta-llama', 'qwen', 'mistralai', 'z-ai'];
const NAMES = ['gpt-5', 'gpt-5-mini', 'claude-sonnet-4.5', 'grok-4', 'kimi-k2', 'gemini-2.5-pro', 'llama-4',
  'qwen3-coder', 'codestral', 'glm-4.6', 'o4-mini', 'model-x'];
const VERCEL_PROVIDERS = ['anthropic', 'bedrock', 'vertex', 'xai', 'togetherai', 'zai', 'groq', 'fireworks'];
const PROVIDER_TABLE = [['amazon-bedrock', 'bedrock'], ['google-vertex', 'vertex'], ['together', 'togetherai'],
  ['z-ai', 'zai'], ['chutes', null], ['deepinfra', null], ['fireworks', 'fireworks']];
const REQUEST_PROVIDERS = ['amazon-bedrock', 'google-vertex', 'together', 'chutes', 'anthropic', 'xai', 'groq', 'novita'];
const FEATURES = ['web-search', 'agent', 'autocomplete', 'vision'];
const COHORTS = ['vercel', 'vercel-exp-2', 'κοόρτη-ß', 'c'];

function generate(seed, index) {
  const rand = prng(seed * 7919 + index);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const subset = (list, max) => {
    const out = [];
    const n = 1 + Math.floor(rand() * max);
    while (out.length < Math.min(n, list.length)) {
      const v = pick(list);
      if (!out.includes(v)) out.push(v);
    }
    return out;
  };
  const share = () => (chance(0.15) ? pick([0, 100]) : Math.round(rand() * 100000) / 1000);
  const clock = Date.parse(TEST_CLOCK);
  const expiry = () => {
    const ms = clock + Math.round((rand() - 0.5) * 96) * 3600000 + (chance(0.3) ? Math.floor(rand() * 1000) : 0);
    const iso = new Date(ms).toISOString();
    if (chance(0.25)) { // the same instant written with a +02:00 offset
      const local = new Date(ms + 2 * 3600000).toISOString();
      return local.replace('Z', '+02:00');
    }
    return iso.endsWith('.000Z') ? iso.replace('.000Z', 'Z') : iso;
  };

  const models = {};
  const ids = [];
  const count = 8 + Math.floor(rand() * 8);
  while (ids.length < count) {
    let id = `${pick(VENDORS)}/${pick(NAMES)}${chance(0.2) ? ':free' : ''}`;
    if (chance(0.05)) id = `ελληνικά/${pick(NAMES)}`;
    if (ids.includes(id)) continue;
    ids.push(id);
    const onVercel = chance(0.8);
    const entry = { vercel: onVercel ? (chance(0.3) ? `renamed/${id.split('/')[1].replace(':free', '')}` : id.replace(':free', '')) : null };
    if (onVercel && chance(0.5)) entry.vercel_providers = subset(VERCEL_PROVIDERS, 3);
    if (chance(0.15)) entry.free = true;
    models[id] = entry;
  }
  const globs = () => subset([
    pick(ids), `${pick(VENDORS)}/*`, '*-mini', '*', '*:free', 'open*/gpt-*', `*${pick(NAMES)}*`, '*/*', 'x-ai/grok-*',
  ], 2);

  // One rule of each kind first (a class alone would catch all later traffic of its class, so it
  // comes with models), then random combinations, sometimes a class-wide rule last.
  const kinds = [['users'], ['features'], ['providers'], ['models'], ['class', 'models']];
  const rules = [];
  const ruleCount = 6 + Math.floor(rand() * 6);
  for (let r = 0; r < ruleCount; r++) {
    const match = {};
    const last = r === ruleCount - 1 && chance(0.5);
    const primary = last ? ['class'] : r < kinds.length ? kinds[r] : subset(kinds.flat(), 2);
    for (const kind of primary) {
      if (kind === 'models') match.models = globs();
      if (kind === 'providers') match.providers = subset(REQUEST_PROVIDERS, 2);
      if (kind === 'class') match.class = pick(['paid', 'free']);
      if (kind === 'users') match.users = subset(['user-1', 'user-2', 'user-3', 'staff-1', 'staff-2'], 3);
      if (kind === 'features') match.features = subset(FEATURES, 2);
    }
    const rule = { id: `${pick(['pin', 'share', 'r'])}.${index}-${r}${chance(0.2) ? ':x_y' : ''}`, match };
    rule.action = (r % 3 === 0 || chance(0.3)) ? { gateway: pick(['openrouter', 'vercel']) } : { vercel_share: share() };
    if (chance(0.15)) rule.enabled = false;
    if (chance(0.45)) rule.expires_at = expiry();
    rules.push(rule);
  }

  const gateways = { openrouter: { enabled: index % 7 !== 5 }, vercel: { enabled: index % 7 !== 3 } };
  const providers = Object.fromEntries(PROVIDER_TABLE.filter(() => chance(0.7)));
  return {
    schema_version: 1,
    revision: index,
    note: `generated ${seed}/${index}`,
    cohort: index < COHORTS.length ? COHORTS[index] : pick(COHORTS),
    sticky_key: index % 3 === 1 ? 'user' : 'task_or_user',
    gateways,
    default_share: { paid: share(), free: share() },
    rules,
    failover: {
      enabled: index % 4 !== 2,
      window_minutes: 1 + Math.floor(rand() * 60),
      error_rate_threshold: pick([0, 0.25, 0.333, 0.5, 1]),
      boosted_vercel_share: share(),
      retry_other_gateway: { enabled: chance(0.5) },
    },
    models,
    providers,
  };
}

const [seedArg, countArg, outDir] = process.argv.slice(2);
if (!seedArg || !countArg || !outDir) {
  console.error('usage: node gen_configs.mjs SEED COUNT OUTDIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (let i = 0; i < Number(countArg); i++) {
  const path = join(outDir, `generated-${String(i).padStart(2, '0')}.json`);
  writeFileSync(path, `${JSON.stringify(generate(Number(seedArg), i), null, 2)}\n`);
  console.log(path);
}
