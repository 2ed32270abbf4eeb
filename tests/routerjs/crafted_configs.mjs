// Documents that each break the config in several ways at once, so that the validation test
// compares many of gwcore's messages with the module's (paths, wording, number formatting).

const base = () => ({ schema_version: 1, models: { 'a/b': { vercel: 'a/b' } } });
const doc = (patch) => JSON.stringify({ ...base(), ...patch }, null, 2);

export function crafted() {
  return [
    '[1, 2]',
    '"text"',
    doc({ schema_version: 1.5, revision: -1, updated_at: '2026-02-30T00:00:00Z', updated_by: 7, note: null,
      cohort: '', sticky_key: 'session', extra: true }),
    doc({ schema_version: '1', revision: 2 ** 53, updated_at: '2026-02-28T24:00:00Z' }),
    doc({ gateways: { openrouter: { enabled: 'yes' }, vercel: [], azure: {} }, default_share: { paid: 1e-7, free: 0.0005, other: 1 } }),
    doc({ default_share: { paid: '3', free: 100.001 }, content_sha256: 'ab' }),
    doc({ rules: { id: 'x' } }),
    doc({ rules: [
      7,
      { match: { models: ['*'] }, action: { gateway: 'vercel' } },
      { id: 'a', match: {}, action: {} },
      { id: 'b', enabled: 1, expires_at: '2026-03-01T00:00:00', match: { models: [], class: '' }, action: { gateway: 'azure' } },
      { id: 'c', match: { models: ['x{y}', 'a b', '*', '*'], providers: [1, ''], users: 'u' }, action: { vercel_share: 2.0005 } },
      { id: 'd d', match: { features: ['f'], colour: ['red'] }, action: { gateway: 'vercel', vercel_share: 1, why: 1 } },
      { id: 'e', note: 5, match: { class: 'free' }, action: { vercel_share: -1 } },
      { id: 'e', match: { class: 'free' } },
      { id: 'f', expires_at: '0000-01-01T00:00:00Z', match: { users: ['u'] }, action: { vercel_share: 1 } },
    ] }),
    doc({ rules: [{ id: 'ok', match: { models: ['a/*'] }, action: { vercel_share: 1 } },
      { id: 'ok', match: { models: ['a/*'] }, action: { vercel_share: 2 } }] }),
    doc({ failover: { enabled: 'no', window_minutes: 10.5, error_rate_threshold: 1.5, boosted_vercel_share: 101,
      retry_other_gateway: { enabled: null, on_status: [], before_first_token_only: 0, max: 1 }, extra: 1 } }),
    doc({ failover: { window_minutes: 0, error_rate_threshold: -0.1, retry_other_gateway: { on_status: [399, 429, 429, 'x', 500.5] } } }),
    doc({ failover: { retry_other_gateway: { on_status: 429 } } }),
    doc({ failover: [] }),
    doc({ models: { '': {}, 'a/b': 'x', 'c/d': { vercel: '', vercel_providers: [], free: 'no', colour: 1 },
      'e/f': { vercel: 5, vercel_providers: ['x', 'x'] }, 'g~h/i': { vercel: null, vercel_providers: ['v'] } } }),
    doc({ providers: { '': 'x', a: 1, b: '', c: null, d: 'e' } }),
    doc({ providers: [] , models: [] }),
    // warnings only: a hash that does not match, providers of a model not on Vercel
    doc({ content_sha256: '0'.repeat(64), models: { 'x/y': { vercel: null, vercel_providers: ['v'] } } }),
    // duplicate member names, at the root and nested (otherwise valid)
    '{"schema_version": 1, "note": "a", "note": "b", "models": {"a/b": {"vercel": "a/b", "free": false, "free": true}}}',
    '{"schema_version": 1, "rules": [{"id": "r", "match": {"users": ["u"]}, "action": {"gateway": "vercel", "gateway": "openrouter"}}]}',
  ];
}
