// The routing contract (docs/routing-contract.md) for a JavaScript router core: read a native
// config v1 and decide requests exactly as gwcore (src/core/routing/router.cpp) does. No dependencies and
// no build step; SHA-256 comes from node:crypto, synchronously, as the production router hashes.
// Validation reports the same JSON paths and messages as gwcore (`gatewayctl validate`), without
// line and column. Syntax errors carry the JavaScript parser's wording instead of gwcore's.

import { createHash } from 'node:crypto';

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

// JSON: the contract rejects duplicate member names, which JSON.parse silently collapses.

const pointerToken = (name) => String(name).replaceAll('~', '~0').replaceAll('/', '~1');
const pointerChild = (parent, name) => `${parent}/${pointerToken(name)}`;

/** Duplicate member names in text that JSON.parse accepted (so the text is well-formed JSON). */
function duplicateMembers(text) {
  const problems = [];
  const stack = []; // {keys: Set | null (array), pointer, key, index}
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      let next = end + 1;
      while (' \t\n\r'.includes(text[next])) next++;
      if (top && top.keys && text[next] === ':') {
        const name = JSON.parse(text.slice(i, end + 1));
        if (top.keys.has(name))
          problems.push({ path: pointerChild(top.pointer, name), message: `duplicate member name "${name}"` });
        top.keys.add(name);
        top.key = name;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      const pointer = top ? pointerChild(top.pointer, top.keys ? top.key : top.index) : '';
      stack.push({ keys: c === '{' ? new Set() : null, pointer, key: '', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
    }
  }
  return problems;
}

// Numbers, timestamps and the canonical form (contract section 2).

/** The shortest decimal that reads back, exponent form only below 1e-6 or from 1e21 on. */
export function canonicalNumber(v) {
  if (!Number.isFinite(v)) return 'null';
  if (v === 0) return '0';
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return String(v);
  return String(v).replace(/e([+-])(\d)$/, 'e$10$2'); // C++ writes 1.5e-07 where JS writes 1.5e-7
}

const shareToMilli = (percent) => Math.round(percent * 1000);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const RFC3339 = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$/;

/** Milliseconds since the epoch of an RFC 3339 timestamp (digits past the millisecond dropped), or null. */
export function parseTimestamp(text) {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number((m[7].slice(1) + '00').slice(0, 3)) : 0;
  const monthDays = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > monthDays || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[8].slice(1, 3)), om = Number(m[8].slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offset = (m[8][0] === '-' ? -1 : 1) * (oh * 60 + om) * 60000;
  }
  return daysFromCivil(y, mo, d) * 86400000 + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset;
}

/** UTC with 'Z', with .mmm only when the milliseconds are not zero. */
export const formatTimestamp = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

// Member names sort by code point, which is the order of their UTF-8 bytes.
const byCodePoint = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

function canonicalValue(v, depth) {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return canonicalNumber(v);
  if (typeof v === 'string') return JSON.stringify(v); // escapes exactly '"', '\' and controls
  const inner = '  '.repeat(depth + 1), close = '  '.repeat(depth);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + canonicalValue(x, depth + 1)).join(',\n')}\n${close}]`;
  }
  const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
  if (!entries.length) return '{}';
  entries.sort((a, b) => byCodePoint(a[0], b[0]));
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${canonicalValue(x, depth + 1)}`).join(',\n')}\n${close}}`;
}

/** The canonical text of a JSON value (plain objects or Maps), final newline included. */
export const canonicalJson = (value) => `${canonicalValue(value, 0)}\n`;

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The canonical document of a loaded config, without content_sha256 (contract section 2). */
function canonicalDocument(c) {
  return {
    schema_version: 1, revision: c.revision,
    ...(c.updatedAt !== null && { updated_at: formatTimestamp(c.updatedAt) }),
    ...(c.updatedBy && { updated_by: c.updatedBy }),
    ...(c.note && { note: c.note }),
    cohort: c.cohort, sticky_key: c.stickyKey,
    gateways: { openrouter: { enabled: c.openrouterEnabled }, vercel: { enabled: c.vercelEnabled } },
    default_share: { paid: c.defaultShare.paid, free: c.defaultShare.free },
    rules: c.rules.map((r) => {
      const match = {};
      for (const k of ['models', 'providers', 'users', 'features']) if (r.match[k]) match[k] = r.match[k];
      if (r.match.class) match.class = r.match.class;
      const rule = { id: r.id, enabled: r.enabled, match,
        action: r.gateway ? { gateway: r.gateway } : { vercel_share: r.vercelShare } };
      if (r.expiresAt !== null) rule.expires_at = formatTimestamp(r.expiresAt);
      if (r.note) rule.note = r.note;
      return rule;
    }),
    failover: { enabled: c.failover.enabled, window_minutes: c.failover.windowMinutes,
      error_rate_threshold: c.failover.errorRateThreshold, boosted_vercel_share: c.failover.boostedVercelShare,
      retry_other_gateway: { ...c.failover.retryOtherGateway } },
    models: new Map([...c.models].map(([id, m]) => {
      const entry = { vercel: m.vercel, free: m.free };
      if (m.vercelProviders) entry.vercel_providers = m.vercelProviders;
      return [id, entry];
    })),
    providers: c.providers,
  };
}

/** Lower-case hex SHA-256 of the config's canonical text without content_sha256. */
export const contentHash = (config) => sha256Hex(canonicalJson(canonicalDocument(config)));

// Validation: one reader that collects every problem, with gwcore's paths and wording.

const typeName = (v) => v === null ? 'null' : Array.isArray(v) ? 'an array'
  : typeof v === 'object' ? 'an object' : typeof v === 'boolean' ? 'a boolean' : `a ${typeof v}`;
const kindOf = (v) => v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
const has = (o, name) => Object.prototype.hasOwnProperty.call(o, name);
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const GLOB_SPACE = /[\t\n\v\f\r \u0085\p{Zs}\p{Zl}\p{Zp}]/u;

/** Empty when the model pattern is valid, else why not (gwcore's routing/glob.cpp). */
export function globProblem(pattern) {
  if (!pattern) return 'bad glob: empty pattern';
  for (const c of pattern.split('')) {
    if (GLOB_SPACE.test(c)) return `bad glob "${pattern}": white space in a model id pattern`;
    if ('?[]{}'.includes(c)) return `bad glob "${pattern}": '${c}' is not supported (only '*' is special)`;
  }
  return '';
}

class Reader {
  constructor() { this.errors = []; this.warnings = []; }
  error(path, message) { this.errors.push({ path, message }); }

  keys(o, pointer, allowed) {
    for (const k of Object.keys(o))
      if (!allowed.includes(k))
        this.error(pointerChild(pointer, k), `unknown member "${k}" (allowed here: ${allowed.join(', ')})`);
  }
  type(v, kind, pointer, what) {
    if (kindOf(v) === kind) return true;
    this.error(pointer, `expected ${what}, found ${typeName(v)}`);
    return false;
  }
  object(o, parent, name) {
    const p = pointerChild(parent, name);
    return has(o, name) && this.type(o[name], 'object', p, 'an object') ? o[name] : undefined;
  }
  boolean(o, parent, name) {
    return has(o, name) && this.type(o[name], 'boolean', pointerChild(parent, name), 'true or false') ? o[name] : undefined;
  }
  string(o, parent, name, allowEmpty) {
    const p = pointerChild(parent, name);
    if (!has(o, name) || !this.type(o[name], 'string', p, 'a string')) return undefined;
    if (!allowEmpty && o[name] === '') return void this.error(p, 'must not be empty');
    return o[name];
  }
  number(v, pointer, min, max) {
    if (!this.type(v, 'number', pointer, 'a number')) return undefined;
    if (!Number.isFinite(v)) return void this.error(pointer, 'number out of range');
    if (v < min) return void this.error(pointer, `${canonicalNumber(v)} is below ${canonicalNumber(min)}`);
    if (v > max) return void this.error(pointer, `${canonicalNumber(v)} is above ${canonicalNumber(max)}`);
    return v;
  }
  integer(v, pointer, min, max) {
    const d = this.number(v, pointer, min, max);
    if (d === undefined || Math.floor(d) === d) return d;
    return void this.error(pointer, `${canonicalNumber(d)} is not a whole number`);
  }
  share(v, pointer) {
    const d = this.number(v, pointer, 0, 100);
    if (d === undefined || shareToMilli(d) / 1000 === d) return d;
    return void this.error(pointer, `${canonicalNumber(d)} has more than 3 decimals (shares step by 0.001)`);
  }
  timestamp(o, parent, name) {
    const s = this.string(o, parent, name, false);
    if (s === undefined) return null;
    const ms = parseTimestamp(s);
    if (ms === null) this.error(pointerChild(parent, name), `"${s}" is not an RFC 3339 timestamp like 2026-11-24T00:00:00Z`);
    return ms;
  }
  /** A non-empty array of non-empty, distinct strings. */
  stringList(o, parent, name) {
    const p = pointerChild(parent, name);
    if (!has(o, name) || !this.type(o[name], 'array', p, 'an array of strings')) return undefined;
    if (!o[name].length) return void this.error(p, 'must not be empty (leave the member out instead)');
    const out = [];
    let ok = true;
    o[name].forEach((item, i) => {
      const ip = pointerChild(p, i);
      if (!this.type(item, 'string', ip, 'a string')) ok = false;
      else if (item === '') { this.error(ip, 'must not be empty'); ok = false; }
      else if (out.includes(item)) { this.error(ip, `"${item}" is listed twice`); ok = false; }
      out.push(item);
    });
    return ok ? out : undefined;
  }
  oneOf(value, pointer, allowed) {
    if (value === undefined || allowed.includes(value)) return value;
    return void this.error(pointer, `"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }

  read(root) {
    const c = { revision: 0, updatedAt: null, updatedBy: '', note: '', cohort: 'vercel', stickyKey: 'task_or_user',
      openrouterEnabled: true, vercelEnabled: true, defaultShare: { paid: 0, free: 0 }, rules: [],
      failover: { enabled: false, windowMinutes: 10, errorRateThreshold: 0.5, boostedVercelShare: 90,
        retryOtherGateway: { enabled: false, on_status: [429, 500, 502, 503, 504], before_first_token_only: true } },
      models: new Map(), providers: new Map(), contentSha256: '' };
    if (kindOf(root) !== 'object') {
      this.error('', `the config must be a JSON object, found ${typeName(root)}`);
      return c;
    }
    this.keys(root, '', ['schema_version', 'revision', 'updated_at', 'updated_by', 'note', 'cohort',
      'sticky_key', 'gateways', 'default_share', 'rules', 'failover', 'models', 'providers', 'content_sha256']);
    if (!has(root, 'schema_version')) this.error('', 'missing required member "schema_version"');
    else {
      const v = this.integer(root.schema_version, '/schema_version', 0, 1000000);
      if (v !== undefined && v !== 1)
        this.error('/schema_version', `unsupported schema version ${v} (this build reads version 1)`);
    }
    if (has(root, 'revision')) c.revision = this.integer(root.revision, '/revision', 0, 2 ** 53 - 1) ?? 0;
    c.updatedAt = this.timestamp(root, '', 'updated_at');
    c.updatedBy = this.string(root, '', 'updated_by', true) ?? '';
    c.note = this.string(root, '', 'note', true) ?? '';
    c.cohort = this.string(root, '', 'cohort', false) ?? 'vercel';
    c.stickyKey = this.oneOf(this.string(root, '', 'sticky_key', false), '/sticky_key', ['task_or_user', 'user']) ?? 'task_or_user';
    this.readGateways(root, c);
    const shares = this.object(root, '', 'default_share');
    if (shares) {
      this.keys(shares, '/default_share', ['paid', 'free']);
      for (const k of ['paid', 'free'])
        if (has(shares, k)) c.defaultShare[k] = this.share(shares[k], `/default_share/${k}`) ?? 0;
    }
    if (has(root, 'rules') && this.type(root.rules, 'array', '/rules', 'an array of rules')) {
      const ids = new Set();
      root.rules.forEach((o, i) => {
        const p = pointerChild('/rules', i);
        if (!this.type(o, 'object', p, 'a rule object')) return;
        const before = this.errors.length;
        const rule = this.readRule(o, p);
        if (this.errors.length !== before) return;
        if (ids.has(rule.id)) this.error(`${p}/id`, `rule id "${rule.id}" is used by an earlier rule`);
        ids.add(rule.id);
        c.rules.push(rule);
      });
    }
    this.readFailover(root, c.failover);
    this.readModels(root, c);
    this.readProviders(root, c);
    const hash = this.string(root, '', 'content_sha256', false);
    if (hash !== undefined) {
      if (/^[0-9a-f]{64}$/.test(hash)) c.contentSha256 = hash;
      else this.error('/content_sha256', 'must be 64 lower-case hex digits');
    }
    return c;
  }

  readGateways(root, c) {
    const gateways = this.object(root, '', 'gateways');
    if (!gateways) return;
    this.keys(gateways, '/gateways', ['openrouter', 'vercel']);
    for (const name of ['openrouter', 'vercel']) {
      const entry = this.object(gateways, '/gateways', name);
      if (!entry) continue;
      this.keys(entry, `/gateways/${name}`, ['enabled']);
      const enabled = this.boolean(entry, `/gateways/${name}`, 'enabled');
      if (enabled !== undefined) c[`${name}Enabled`] = enabled;
    }
    if (!c.openrouterEnabled && !c.vercelEnabled)
      this.error('/gateways', 'both gateways are disabled: at least one must carry traffic');
  }

  readRule(o, p) {
    const rule = { id: '', enabled: true, expiresAt: null, match: {}, gateway: null, vercelShare: null, note: '' };
    this.keys(o, p, ['id', 'enabled', 'expires_at', 'match', 'action', 'note']);
    if (!has(o, 'id')) this.error(p, 'missing required member "id"');
    else {
      const id = this.string(o, p, 'id', false);
      if (id !== undefined && !RULE_ID.test(id))
        this.error(`${p}/id`, `"${id}" is not a valid rule id (letters, digits, '.', '_', ':' and '-'; starting with a letter or digit)`);
      rule.id = id ?? '';
    }
    rule.enabled = this.boolean(o, p, 'enabled') ?? true;
    rule.expiresAt = this.timestamp(o, p, 'expires_at');
    rule.note = this.string(o, p, 'note', true) ?? '';
    if (!has(o, 'match')) this.error(p, 'missing required member "match"');
    else {
      const match = this.object(o, p, 'match');
      if (match) rule.match = this.readMatch(match, `${p}/match`);
    }
    if (!has(o, 'action')) this.error(p, 'missing required member "action"');
    else {
      const action = this.object(o, p, 'action');
      if (action) this.readAction(action, `${p}/action`, rule);
    }
    return rule;
  }

  readMatch(o, p) {
    const match = {};
    this.keys(o, p, ['models', 'providers', 'class', 'users', 'features']);
    if (!Object.keys(o).length) {
      this.error(p, 'empty match: name at least one of models, providers, class, users, features');
      return match;
    }
    for (const k of ['models', 'providers', 'users', 'features']) {
      const list = this.stringList(o, p, k);
      if (list) match[k] = list;
    }
    match.models?.forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem) this.error(`${p}/models/${i}`, problem);
    });
    const cls = this.oneOf(this.string(o, p, 'class', false), `${p}/class`, ['paid', 'free']);
    if (cls) match.class = cls;
    return match;
  }

  readAction(o, p, rule) {
    this.keys(o, p, ['gateway', 'vercel_share']);
    if (has(o, 'gateway') === has(o, 'vercel_share'))
      return this.error(p, 'an action has exactly one of "gateway" and "vercel_share"');
    if (has(o, 'gateway'))
      rule.gateway = this.oneOf(this.string(o, p, 'gateway', false), `${p}/gateway`, ['openrouter', 'vercel']) ?? null;
    else
      rule.vercelShare = this.share(o.vercel_share, `${p}/vercel_share`) ?? null;
  }

  readFailover(root, f) {
    const o = this.object(root, '', 'failover');
    if (!o) return;
    const p = '/failover';
    this.keys(o, p, ['enabled', 'window_minutes', 'error_rate_threshold', 'boosted_vercel_share', 'retry_other_gateway']);
    f.enabled = this.boolean(o, p, 'enabled') ?? f.enabled;
    if (has(o, 'window_minutes')) f.windowMinutes = this.integer(o.window_minutes, `${p}/window_minutes`, 1, 1440) ?? 10;
    if (has(o, 'error_rate_threshold'))
      f.errorRateThreshold = this.number(o.error_rate_threshold, `${p}/error_rate_threshold`, 0, 1) ?? 0.5;
    if (has(o, 'boosted_vercel_share'))
      f.boostedVercelShare = this.share(o.boosted_vercel_share, `${p}/boosted_vercel_share`) ?? 90;
    const retry = this.object(o, p, 'retry_other_gateway');
    if (!retry) return;
    const rp = `${p}/retry_other_gateway`, r = f.retryOtherGateway;
    this.keys(retry, rp, ['enabled', 'on_status', 'before_first_token_only']);
    r.enabled = this.boolean(retry, rp, 'enabled') ?? r.enabled;
    r.before_first_token_only = this.boolean(retry, rp, 'before_first_token_only') ?? r.before_first_token_only;
    if (!has(retry, 'on_status') || !this.type(retry.on_status, 'array', `${rp}/on_status`, 'an array of HTTP status codes'))
      return;
    if (!retry.on_status.length) this.error(`${rp}/on_status`, 'must not be empty (disable the retry instead)');
    r.on_status = [];
    retry.on_status.forEach((v, i) => {
      const code = this.integer(v, `${rp}/on_status/${i}`, 400, 599);
      if (code === undefined) return;
      if (r.on_status.includes(code)) this.error(`${rp}/on_status/${i}`, `${code} is listed twice`);
      r.on_status.push(code);
    });
  }

  readModels(root, c) {
    const models = this.object(root, '', 'models');
    if (!models) return;
    for (const [id, o] of Object.entries(models)) {
      const p = pointerChild('/models', id);
      if (id === '') { this.error(p, 'a model id must not be empty'); continue; }
      if (!this.type(o, 'object', p, 'a model mapping object')) continue;
      this.keys(o, p, ['vercel', 'vercel_providers', 'free']);
      const entry = { vercel: null, vercelProviders: null, free: false };
      if (has(o, 'vercel') && o.vercel !== null) entry.vercel = this.string(o, p, 'vercel', false) ?? null;
      if (has(o, 'vercel_providers')) entry.vercelProviders = this.stringList(o, p, 'vercel_providers') ?? null;
      entry.free = this.boolean(o, p, 'free') ?? false;
      if (entry.vercelProviders && entry.vercel === null)
        this.warnings.push({ path: `${p}/vercel_providers`, message: 'has no effect: the model is not on Vercel' });
      c.models.set(id, entry);
    }
  }

  readProviders(root, c) {
    const providers = this.object(root, '', 'providers');
    if (!providers) return;
    for (const [slug, v] of Object.entries(providers)) {
      const p = pointerChild('/providers', slug);
      if (slug === '') this.error(p, 'a provider slug must not be empty');
      else if (v === null) c.providers.set(slug, null);
      else if (!this.type(v, 'string', p, 'a Vercel provider slug or null')) continue;
      else if (v === '') this.error(p, 'must not be empty (use null for a provider Vercel does not have)');
      else c.providers.set(slug, v);
    }
  }
}

// Every string and member name is at most 256 UTF-16 units, a note 4,096 (the contract's string
// limits; gwcore checks them over the whole document before reading it).
const MAX_STRING = 256, MAX_NOTE = 4096;
function stringLengthProblems(v, pointer, isNote, out) {
  if (typeof v === 'string') {
    const limit = isNote ? MAX_NOTE : MAX_STRING;
    if (v.length > limit) out.push({ path: pointer, message: `${isNote ? 'the note' : 'the string'} is ${v.length} characters long (at most ${limit})` });
  } else if (Array.isArray(v)) {
    v.forEach((item, i) => stringLengthProblems(item, pointerChild(pointer, i), false, out));
  } else if (v !== null && typeof v === 'object') {
    for (const [name, item] of Object.entries(v)) {
      if (name.length > MAX_STRING) out.push({ path: pointerChild(pointer, name), message: `the member name is ${name.length} characters long (at most ${MAX_STRING})` });
      else stringLengthProblems(item, pointerChild(pointer, name), name === 'note', out);
    }
  }
  return out;
}

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
