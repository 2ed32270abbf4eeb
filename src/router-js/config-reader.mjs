// Validation of a native config v1 for the JavaScript router core: one reader that collects every
// problem with gwcore's JSON paths and wording (src/core/config/), and the contract's string
// limits. router.mjs's loadConfig drives it.

import { canonicalNumber, parseTimestamp, pointerChild, shareToMilli } from './contract-text.mjs';

// Validation: one reader that collects every problem, with gwcore's paths and wording.

export const typeName = (v) => v === null ? 'null' : Array.isArray(v) ? 'an array'
  : typeof v === 'object' ? 'an object' : typeof v === 'boolean' ? 'a boolean' : `a ${typeof v}`;
export const kindOf = (v) => v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
export const has = (o, name) => Object.prototype.hasOwnProperty.call(o, name);
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

export class Reader {
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
export function stringLengthProblems(v, pointer, isNote, out) {
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
