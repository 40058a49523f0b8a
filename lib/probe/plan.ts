// The probe's plan: what it will send, decided before anything is sent (and printed as is by --dry-run).
// The writes of one plan differ only in a fresh nonce, so two different answers are expected; a cache that keys on
// method + path (nginx's default key, Kong's, API Gateway's) answers the second from the first.
import { randomBytes } from 'node:crypto';
import { redactHeaderValue, redactUrl } from './redact';

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export const NONCE_PLACEHOLDER = '{{nonce}}';
export const DEFAULT_DATA = '{"probe":"cachelint","nonce":"{{nonce}}"}';
/** Marks every probe request, so the receiver can drop probe events (same value for all requests of one run). */
export const MARKER_HEADER = 'X-Cachelint-Probe';
export const DEFAULT_COUNT = 2;
export const MAX_COUNT = 10;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 120_000;

// Headers the probe owns: framing (set by node from the body) and the target (a Host override would send the writes
// to another virtual host than the URL states).
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', MARKER_HEADER.toLowerCase()]);

export class PlanError extends Error {}

export interface PlanOptions {
  url: string;
  method: string;
  /** Body template; `{{nonce}}` is replaced per request. Undefined = DEFAULT_DATA; '' = no body. */
  data?: string;
  /** Raw `Name: value` strings from --header; `{{nonce}}` is replaced per request. */
  headers?: string[];
  count?: number;
  timeoutMs?: number;
  version: string;
}

export interface PlannedRequest {
  /** 1-based position in the plan. */
  index: number;
  method: WriteMethod;
  url: string;
  headers: [string, string][];
  body: string;
  nonce: string;
}

export interface Plan {
  url: URL;
  method: WriteMethod;
  runId: string;
  timeoutMs: number;
  requests: PlannedRequest[];
  /** False when the body template has no {{nonce}}: identical answers then prove nothing. */
  bodiesDiffer: boolean;
}

const NONCE_BYTES = 8;
const NONCE_SHAPE = new RegExp(`^[0-9a-f]{${2 * NONCE_BYTES}}$`);

export function randomNonce(): string {
  return randomBytes(NONCE_BYTES).toString('hex');
}

/** Whether a value has the shape randomNonce makes: an answer carrying one is a stored answer to some probe. */
export function isProbeNonce(value: string): boolean {
  return NONCE_SHAPE.test(value);
}

export function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  // Without a colon we cannot tell name from value: the text is not echoed (it may be a credential).
  if (colon <= 0) throw new PlanError(`a --header must look like "Name: value" (got ${raw.length} characters without a colon)`);
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new PlanError(`--header name "${name}" is not a valid HTTP header name`);
  if (/[\r\n\0]/.test(value)) throw new PlanError(`--header ${name}: the value must not contain line breaks`);
  return [name, value];
}

export function parseTarget(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PlanError(`"${redactUrl(url)}" is not an absolute URL (e.g. https://api.example.com/webhooks)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new PlanError(`only http: and https: URLs can be probed (got ${u.protocol})`);
  if (u.hash) u.hash = '';
  return u;
}

export function buildPlan(options: PlanOptions, newNonce: () => string = randomNonce, runId: string = randomNonce().slice(0, 12)): Plan {
  const url = parseTarget(options.url);
  const method = options.method.toUpperCase();
  if (!(WRITE_METHODS as readonly string[]).includes(method))
    throw new PlanError(`--method must be one of ${WRITE_METHODS.join(', ')} (the probe checks how writes are answered; got "${options.method}")`);
  const count = options.count ?? DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new PlanError(`--count must be a whole number from 1 to ${MAX_COUNT} (got ${count})`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS)
    throw new PlanError(`--timeout must be between 1 and ${MAX_TIMEOUT_MS} ms (got ${timeoutMs})`);

  const template = options.data ?? DEFAULT_DATA;
  const userHeaders = (options.headers ?? []).map(parseHeader);
  for (const [name] of userHeaders)
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw new PlanError(`--header ${name} cannot be set: the probe sets it itself`);
  const userAgent = userHeaders.find(([n]) => n.toLowerCase() === 'user-agent')?.[1];
  const hasContentType = userHeaders.some(([n]) => n.toLowerCase() === 'content-type');

  const requests: PlannedRequest[] = [];
  for (let i = 1; i <= count; i++) {
    const nonce = newNonce();
    const fill = (s: string) => s.split(NONCE_PLACEHOLDER).join(nonce);
    const body = fill(template);
    // Our marker comes first and cannot be removed: a --header User-Agent is appended to it.
    const headers: [string, string][] = [
      ['User-Agent', `cachelint-probe/${options.version}${userAgent ? ` ${fill(userAgent)}` : ''}`],
      [MARKER_HEADER, runId],
    ];
    if (body && !hasContentType) headers.push(['Content-Type', looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8']);
    for (const [name, value] of userHeaders) if (name.toLowerCase() !== 'user-agent') headers.push([name, fill(value)]);
    requests.push({ index: i, method: method as WriteMethod, url: url.toString(), headers, body, nonce });
  }
  return { url, method: method as WriteMethod, runId, timeoutMs, requests, bodiesDiffer: template.includes(NONCE_PLACEHOLDER) };
}

function looksLikeJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** The plan as printed by --dry-run and in reports: URL and header values redacted. */
export function describePlan(plan: Plan) {
  return {
    method: plan.method,
    url: redactUrl(plan.url.toString()),
    count: plan.requests.length,
    timeoutMs: plan.timeoutMs,
    marker: { header: MARKER_HEADER, value: plan.runId },
    requests: plan.requests.map((r) => ({
      index: r.index,
      method: r.method,
      url: redactUrl(r.url),
      headers: r.headers.map(([n, v]) => `${n}: ${redactHeaderValue(n, v)}`),
      body: r.body,
    })),
  };
}
