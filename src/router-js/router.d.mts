// Types of router.mjs, the router core of docs/routing-contract.md for JavaScript and TypeScript.

export type Gateway = 'openrouter' | 'vercel';

/** One validation problem: a JSON pointer into the config ('' for the document) and gwcore's message. */
export interface Problem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: Problem[];
  /** Warnings found alongside the errors. */
  readonly warnings: Problem[];
  constructor(problems: Problem[], warnings?: Problem[]);
}

export interface Rule {
  id: string;
  enabled: boolean;
  /** Epoch milliseconds; null: never expires. The rule applies while now < expiresAt. */
  expiresAt: number | null;
  match: { models?: string[]; providers?: string[]; class?: 'paid' | 'free'; users?: string[]; features?: string[] };
  gateway: Gateway | null;
  vercelShare: number | null;
  note: string;
}

export interface ModelEntry {
  vercel: string | null;
  vercelProviders: string[] | null;
  free: boolean;
}

/** A validated config v1, compiled for decide(). Treat it as read-only. */
export interface RoutingConfig {
  revision: number;
  updatedAt: number | null;
  updatedBy: string;
  note: string;
  cohort: string;
  stickyKey: 'task_or_user' | 'user';
  openrouterEnabled: boolean;
  vercelEnabled: boolean;
  defaultShare: { paid: number; free: number };
  rules: Rule[];
  failover: {
    enabled: boolean;
    windowMinutes: number;
    errorRateThreshold: number;
    boostedVercelShare: number;
    retryOtherGateway: { enabled: boolean; on_status: number[]; before_first_token_only: boolean };
  };
  models: Map<string, ModelEntry>;
  /** OpenRouter slug -> Vercel slug, null: Vercel has no such provider. */
  providers: Map<string, string | null>;
  /** As read; '' when the document had none. */
  contentSha256: string;
  /** content_sha256 present but not the content's: the document was edited after export. */
  hashMismatch: boolean;
  warnings: Problem[];
}

/** A request as the contract's decision reads it (the same shape as a vectors case). */
export interface RouteRequest {
  /** OpenRouter model id, as requested. */
  model: string;
  user?: string;
  task?: string;
  provider?: { order?: string[]; only?: string[]; ignore?: string[] };
  features?: string[];
  /** Both or neither: error rates (0..1) of each gateway over the failover window. */
  error_rates?: { openrouter: number; vercel: number };
}

export interface Decision {
  gateway: Gateway;
  /** The Vercel model id when the gateway is Vercel, else the requested id. */
  upstream_model: string;
  /** 0.000 .. 99.999, always reported. */
  bucket: number;
  /** Effective Vercel share in percent that decided (0/100 for pins and switches, 0 for steps 1-2). */
  share: number;
  /** not_on_vercel | provider_constraint | rule:<id> | default:paid | default:free | gateway_disabled | failover_boost */
  reason: string;
}

/**
 * Reads a native config: its text, its parsed object, or the production record (text or object)
 * carrying it under `gateway_console`. Throws ConfigError listing every problem.
 */
export function loadConfig(input: string | object): RoutingConfig;
/** Decides one request. now: epoch milliseconds, a Date or an RFC 3339 string; default the clock. */
export function decide(config: RoutingConfig, request: RouteRequest, now?: number | Date | string): Decision;

export function formatProblem(problem: Problem): string;
export function contentHash(config: RoutingConfig): string;
/** whole * 1000 + fraction of a sticky key's bucket (0..99999). */
export function bucketMilli(cohort: string, key: string): number;
export function globMatch(pattern: string, text: string): boolean;
export function globProblem(pattern: string): string;
export function parseTimestamp(text: string): number | null;
export function formatTimestamp(ms: number): string;
export function canonicalNumber(value: number): string;
export function canonicalJson(value: unknown): string;
