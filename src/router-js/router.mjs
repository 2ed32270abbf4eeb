// The routing contract (docs/routing-contract.md) for a JavaScript router core: read a native
// config v1 and decide requests exactly as gwcore (src/core/routing/router.cpp) does. No dependencies and
// no build step; SHA-256 comes from node:crypto, synchronously, as the production router hashes.
// Validation reports the same JSON paths and messages as gwcore (`gatewayctl validate`), without
// line and column. Syntax errors carry the JavaScript parser's wording instead of gwcore's.

import { createHash } from 'node:crypto';

import { contentHash, duplicateMembers, parseTimestamp, shareToMilli } from './contract-text.mjs';
import { Reader, has, kindOf, stringLengthProblems } from './config-reader.mjs';

export { canonicalJson, canonicalNumber, contentHash, formatTimestamp, parseTimestamp } from './contract-text.mjs';
export { globProblem } from './config-reader.mjs';

const SHARE_MAX_MILLI = 100000;
const UNLISTED_PLAN = Object.freeze({ vercelId: '', onVercel: false, providers: null, candidates: [] });

/** Validation problems of a config; `problems` holds every one as `{path, message}`. */
export class ConfigError extends Error {
  /** @param {{path: string, message: string}[]} problems  @param {typeof problems} [warnings] */
  constructor(problems, warnings = []) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
    this.warnings = warnings;
  }
}

/** "path: message", or the message alone for the whole document. */
export const formatProblem = (p) => (p.path ? `${p.path}: ${p.message}` : p.message);

/**
 * Reads a native config v1: its text, its parsed object, or a production record (text or object)
 * that carries it under `gateway_console`. Throws ConfigError with every problem.
 * @param {string | object} input
 * @returns {import('./router.mjs').RoutingConfig}
 */
export function loadConfig(input) {
  let root = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ConfigError([{ path: '', message: `JSON syntax error: ${e.message}` }]);
    }
    const duplicates = duplicateMembers(input);
    if (duplicates.length) throw new ConfigError(duplicates);
  }
  if (kindOf(root) === 'object' && has(root, 'gateway_console') && !has(root, 'schema_version')) {
    root = root.gateway_console; // the production record: the native config is this one member
    if (typeof root === 'string') return loadConfig(root);
  }
  const tooLong = stringLengthProblems(root, '', false, []);
  if (tooLong.length) throw new ConfigError(tooLong); // not read further, like gwcore
  const reader = new Reader();
  const c = reader.read(root);
  if (reader.errors.length) throw new ConfigError(reader.errors, reader.warnings);
  c.warnings = reader.warnings;
  c.hashMismatch = false;
  if (c.contentSha256) {
    const actual = contentHash(c);
    if (actual !== c.contentSha256) {
      c.hashMismatch = true;
      c.warnings.push({ path: '/content_sha256', message: `does not match the content (expected ${actual}): `
        + 'the file was edited after export; review it before trusting it' });
    }
  }
  return compile(c);
}

// The decision (contract section 4), compiled once per config so that a decision is two hashes
// and a few comparisons, like gwcore's Router.

/** '*' matches any run of characters (none, and '/' included); everything else matches itself. */
export function globMatch(pattern, text) {
  // Greedy with one backtrack point, the last '*': never exponential.
  let p = 0, t = 0, starP = -1, starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') { starP = p++; starT = t; }
    else if (p < pattern.length && pattern[p] === text[t]) { p++; t++; }
    else if (starP >= 0) { p = starP + 1; t = ++starT; }
    else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function compile(c) {
  const rules = c.rules.filter((r) => r.enabled).map((r) => ({
    id: r.id, match: r.match, expiresAt: r.expiresAt ?? Infinity, gateway: r.gateway,
    shareMilli: r.gateway ? 0 : shareToMilli(r.vercelShare),
  }));
  c.plans = new Map();
  for (const [id, m] of c.models) {
    const cls = id.endsWith(':free') || m.free ? 'free' : 'paid';
    c.plans.set(id, {
      vercelId: m.vercel ?? '', onVercel: m.vercel !== null, cls, providers: m.vercelProviders,
      defaultMilli: shareToMilli(cls === 'free' ? c.defaultShare.free : c.defaultShare.paid),
      candidates: rules.filter((r) => (!r.match.class || r.match.class === cls)
        && (!r.match.models || r.match.models.some((g) => globMatch(g, id)))),
    });
  }
  c.seedPrefix = `${c.cohort}_routing_`;
  c.boostedMilli = shareToMilli(c.failover.boostedVercelShare);
  return c;
}

/** Bucket of a sticky key in thousandths (0..99999): whole*1000 + fraction (contract section 3). */
export function bucketMilli(cohort, key) {
  const seed = `${cohort}_routing_${key}`;
  const whole = createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0) % 100;
  const fraction = createHash('sha256').update(`${seed}_fractional`, 'utf8').digest().readUInt32BE(0) % 1000;
  return whole * 1000 + fraction;
}

const mapSlug = (c, slug) => (c.providers.has(slug) ? c.providers.get(slug) : slug);

/** Step 2: whether the request's provider preferences keep it off Vercel. */
function providerConstraint(c, plan, prefs) {
  const only = prefs.only ?? [], ignore = prefs.ignore ?? [];
  if ((prefs.order ?? []).some((s) => mapSlug(c, s) === null)) return true;
  const mappedOnly = only.map((s) => mapSlug(c, s));
  if (mappedOnly.includes(null)) return true;
  const known = plan.providers;
  if (mappedOnly.length && known && !mappedOnly.some((s) => known.includes(s))) return true;
  if (!ignore.length) return false;
  if (!known) return true;
  const ignored = ignore.map((s) => mapSlug(c, s));
  return !known.some((s) => !ignored.includes(s) && (!mappedOnly.length || mappedOnly.includes(s)));
}

function ruleMatches(rule, request) {
  const m = rule.match;
  if (m.users && !m.users.includes(request.user ?? '')) return false;
  const prefs = request.provider;
  if (m.providers && !m.providers.some((s) => prefs?.order?.includes(s) || prefs?.only?.includes(s))) return false;
  return !m.features || m.features.some((f) => request.features?.includes(f));
}

function toMsecs(now) {
  const ms = now === undefined ? Date.now() : typeof now === 'number' ? now
    : now instanceof Date ? now.getTime() : parseTimestamp(String(now));
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`decide: "${now}" is not a time`);
  return ms;
}

/**
 * Decides one request as gwcore does.
 * @param {import('./router.mjs').RoutingConfig} c
 * @param {import('./router.mjs').RouteRequest} request
 * @param {number | Date | string} [now] epoch milliseconds, a Date or RFC 3339; default: the clock
 * @returns {import('./router.mjs').Decision}
 */
export function decide(c, request, now) {
  const plan = c.plans.get(request.model) ?? UNLISTED_PLAN;
  const key = c.stickyKey === 'task_or_user' && request.task ? request.task : (request.user ?? '');
  const milli = bucketMilli(c.cohort, key);
  const done = (gateway, shareMilli, reason) => ({
    gateway, upstream_model: gateway === 'vercel' ? plan.vercelId : request.model,
    bucket: Math.floor(milli / 1000) + (milli % 1000) / 1000, share: shareMilli / 1000, reason,
  });

  // 1. A model Vercel does not carry stays on OpenRouter.
  if (!plan.onVercel) return done('openrouter', 0, 'not_on_vercel');
  // 2. Provider preferences Vercel cannot honour.
  const prefs = request.provider;
  if (prefs && (prefs.order?.length || prefs.only?.length || prefs.ignore?.length)
      && providerConstraint(c, plan, prefs))
    return done('openrouter', 0, 'provider_constraint');
  // 3. First enabled, unexpired, matching rule; 4. else the default share by class.
  const nowMs = toMsecs(now);
  const rule = plan.candidates.find((r) => nowMs < r.expiresAt && ruleMatches(r, request));
  let shareMilli = rule ? rule.shareMilli : plan.defaultMilli;
  let reason = rule ? `rule:${rule.id}` : `default:${plan.cls}`;
  const pinned = rule?.gateway ?? null;
  // 5. A disabled gateway sends everything but a pin to the other one there.
  if (!c.vercelEnabled && pinned !== 'openrouter') return done('openrouter', 0, 'gateway_disabled');
  if (!c.openrouterEnabled && pinned !== 'vercel') return done('vercel', SHARE_MAX_MILLI, 'gateway_disabled');
  if (pinned) return done(pinned, pinned === 'vercel' ? SHARE_MAX_MILLI : 0, reason);
  // 6. Failover boost: OpenRouter failing, Vercel not. It only ever raises a share.
  const rates = request.error_rates, f = c.failover;
  if (f.enabled && typeof rates?.openrouter === 'number' && typeof rates?.vercel === 'number'
      && rates.openrouter > f.errorRateThreshold && rates.vercel <= f.errorRateThreshold
      && c.boostedMilli > shareMilli) {
    shareMilli = c.boostedMilli;
    reason = 'failover_boost';
  }
  // 7. The bucket decides.
  return done(milli < shareMilli ? 'vercel' : 'openrouter', shareMilli, reason);
}
