// The contract's text forms for the JavaScript router core (docs/routing-contract.md section 2):
// JSON pointers, the duplicate member names JSON.parse would merge, canonical numbers, RFC 3339
// timestamps, and the canonical document whose SHA-256 is content_sha256. Used by router.mjs and
// config-reader.mjs; router.mjs re-exports the public ones.

import { createHash } from 'node:crypto';

// JSON: the contract rejects duplicate member names, which JSON.parse silently collapses.

const pointerToken = (name) => String(name).replaceAll('~', '~0').replaceAll('/', '~1');
export const pointerChild = (parent, name) => `${parent}/${pointerToken(name)}`;

/** Duplicate member names in text that JSON.parse accepted (so the text is well-formed JSON). */
export function duplicateMembers(text) {
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

export const shareToMilli = (percent) => Math.round(percent * 1000);
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
