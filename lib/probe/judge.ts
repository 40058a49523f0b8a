// Judging the answers to one probe run. Pure functions: headers and bodies in, evidence out (no I/O, no clock
// except the response's own Date for Expires).
//
// Signals, strongest first (docs/probe.md, docs/rules/CL101.md):
// - a cache status header saying the answer came from a cache (nginx `X-Cache-Status: HIT`, Kong `Hit`, CloudFront
//   `X-Cache: Hit from cloudfront`, Cloudflare `CF-Cache-Status: HIT`, `X-Proxy-Cache: HIT`): strong;
// - `Age` > 0 on a write: the answer is older than the request: strong;
// - with --expect-echo, the answer carries another request's nonce: strong;
// - an answer identical to the first one (body or ETag) although the request bodies differed: weak (an API may answer
//   every write alike, `{"received":true}`) — reported at warning severity, the message says how to confirm;
// - with --expect-echo, the answer lacks its own nonce: weak.
import type { IncomingHttpHeaders } from 'node:http';
import { ageSeconds, cacheableLifetime, cacheStatuses, hasNoStore, header, HOP_HEADERS, LAYER } from './headers';
import { isProbeNonce } from './plan';
import { redactHeaderValue } from './redact';

export {
  ageSeconds,
  CACHE_STATUS_HEADERS,
  cacheableLifetime,
  cacheControlDirectives,
  cacheStatuses,
  hasNoStore,
  header,
  LAYER,
  type CacheStatus,
} from './headers';

export interface JudgedRequest {
  index: number;
  nonce: string;
  body: string;
}

export interface JudgedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer | string;
}

export interface ProbeExchange {
  request: JudgedRequest;
  response: JudgedResponse;
}

export interface JudgeOptions {
  /** JSON path where each answer must carry its own request's nonce (`nonce`, `data.echo.nonce`, `items[0].id`). */
  expectEcho?: string;
  /** False when the request bodies were identical (template without {{nonce}}): identical answers prove nothing. */
  bodiesDiffer?: boolean;
}

export interface Signal {
  kind: 'hit-header' | 'age' | 'echo-foreign' | 'identical-body' | 'identical-etag' | 'echo-missing';
  /** 1-based index of the write whose answer shows it. */
  write: number;
  strong: boolean;
  /** Human evidence, e.g. `X-Cache-Status: HIT`. */
  detail: string;
  /** The layer the signal points to, when the header tells. */
  layer?: string;
}

export interface CacheHeaderEvidence {
  write: number;
  detail: string;
  layer?: string;
}

export interface NoStoreGap {
  write: number;
  status: number;
  /** The Cache-Control header as received, if any. */
  cacheControl?: string;
  /** A lifetime that invites caching (`max-age=60`, `public`, `Expires: …`), if any. */
  lifetime?: string;
}

export interface Hop {
  layer: string;
  /** `Via: 1.1 kong/3.6.1`, … */
  evidence: string[];
}

export interface Judgement {
  ghost: Signal[];
  cacheHeaders: CacheHeaderEvidence[];
  missingNoStore: NoStoreGap[];
  hops: Hop[];
  /** The layer that answered from cache, when the evidence says. */
  answeredBy?: string;
  /** Things that make the run unjudgeable as asked (a wrong --expect-echo path): reported as errors. */
  problems: string[];
  /** How many answers were 2xx (the write path itself answered). */
  successful: number;
  /**
   * Why the run could not observe what it came to observe, when it could not: no write was answered 2xx and no
   * answer showed a cache at work. Reported as an error (exit 2), never as a clean run.
   */
  inconclusive?: string;
}

// ---- hops ------------------------------------------------------------------------------------------------------

/** The layers the answers passed through, in the order their headers were first seen, each with its evidence. */
export function hopsOf(responses: JudgedResponse[]): Hop[] {
  // Layer → header name → first value seen (request ids differ per answer and would only repeat the layer).
  const hops = new Map<string, Map<string, string>>();
  const add = (layer: string, name: string, value: string) => {
    let seen = hops.get(layer);
    if (!seen) hops.set(layer, (seen = new Map<string, string>()));
    if (!seen.has(name)) seen.set(name, value);
  };
  for (const r of responses) {
    for (const h of HOP_HEADERS) {
      const v = header(r.headers, h.name);
      if (v === undefined) continue;
      const layer = h.layer(v);
      if (layer) add(layer, h.name, redactHeaderValue(h.name, v));
    }
    for (const s of cacheStatuses(r.headers)) add(s.layer, s.header, s.value);
  }
  return [...hops].map(([layer, seen]) => ({ layer, evidence: [...seen].map(([name, value]) => `${name}: ${value}`) }));
}

// ---- echo ------------------------------------------------------------------------------------------------------

/** `a.b[0].c` (a leading `$.` is allowed) → its value in a parsed JSON document, or undefined. */
export function valueAtPath(doc: unknown, path: string): unknown {
  const steps = parsePath(path);
  let cur: unknown = doc;
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
      cur = (cur as Record<string, unknown>)[step];
    }
  }
  return cur;
}

export function parsePath(path: string): (string | number)[] {
  const src = path.trim().replace(/^\$\.?/, '');
  const steps: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(src))) {
    if (m.index !== consumed && src.slice(consumed, m.index) !== '.') throw new Error(`--expect-echo: cannot read path "${path}"`);
    consumed = m.index + m[0].length;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push(m[3] ?? m[4]);
  }
  if (consumed !== src.length || steps.length === 0) throw new Error(`--expect-echo: cannot read path "${path}" (use e.g. nonce, data.nonce, items[0].id)`);
  return steps;
}

function parseJson(body: Buffer | string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

// ---- the judgement ---------------------------------------------------------------------------------------------

const ok = (status: number) => status >= 200 && status < 300;
const text = (body: Buffer | string) => (typeof body === 'string' ? body : body.toString('utf8'));
const short = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

export function judge(exchanges: ProbeExchange[], options: JudgeOptions = {}): Judgement {
  const run: Run = {
    first: exchanges[0],
    nonces: new Map(exchanges.map((e) => [e.request.nonce, e.request.index])),
    bodiesDiffer: options.bodiesDiffer ?? new Set(exchanges.map((e) => e.request.body)).size === exchanges.length,
  };
  const ghost: Signal[] = [];
  const cacheHeaders: CacheHeaderEvidence[] = [];
  const missingNoStore: NoStoreGap[] = [];
  const problems: string[] = [];
  // A wrong path shows on the first answer: then the echo says nothing about the others either.
  let echoUsable = !!options.expectEcho;

  for (const exchange of exchanges) {
    ghost.push(...cacheSignals(exchange));
    if (echoUsable) {
      const echo = echoSignal(exchange, options.expectEcho!, run);
      if (typeof echo === 'string') {
        echoUsable = false;
        problems.push(echo);
      } else if (echo) ghost.push(echo);
    }
    // With --expect-echo, the echo is the better witness.
    const same = options.expectEcho ? undefined : sameAsFirst(exchange, run);
    if (same) ghost.push(same);
    const stored = storageEvidence(exchange);
    if (stored) {
      missingNoStore.push(stored.gap);
      cacheHeaders.push(...stored.headers);
    }
  }

  const hops = hopsOf(exchanges.map((e) => e.response));
  return {
    ghost,
    cacheHeaders,
    missingNoStore,
    hops,
    answeredBy: ghost.length ? answeredBy(ghost, hops) : undefined,
    problems,
    successful: exchanges.filter((e) => ok(e.response.status)).length,
    inconclusive: ghost.length ? undefined : inconclusive(exchanges.map((e) => e.response.status)),
  };
}

/** What every answer is judged against. */
interface Run {
  first: ProbeExchange;
  /** Each request's nonce → its write number. */
  nonces: Map<string, number>;
  bodiesDiffer: boolean;
}

/** Strong signals in the headers: a cache status saying hit, an Age older than the request. */
function cacheSignals({ request, response }: ProbeExchange): Signal[] {
  const write = request.index;
  const out: Signal[] = [];
  for (const s of cacheStatuses(response.headers)) {
    if (s.hit) out.push({ kind: 'hit-header', write, strong: true, detail: `${s.header}: ${s.value}`, layer: s.layer });
  }
  const age = ageSeconds(response.headers);
  if (age !== undefined && age > 0) out.push({ kind: 'age', write, strong: true, detail: `Age: ${age}` });
  return out;
}

/**
 * Is this answer made for this request (--expect-echo)? A signal when it carries another nonce or lacks its own; a
 * problem (a string) when the first answer has no nonce at the path: the path is wrong, not the cache.
 */
function echoSignal({ request, response }: ProbeExchange, path: string, run: Run): Signal | string | undefined {
  if (!ok(response.status)) return undefined;
  const write = request.index;
  const first = run.first.request.index;
  const parsed = parseJson(response.body);
  const value = parsed.ok ? valueAtPath(parsed.value, path) : undefined;
  if (value === request.nonce) return undefined;
  const from = typeof value === 'string' ? run.nonces.get(value) : undefined;
  if (from !== undefined)
    return { kind: 'echo-foreign', write, strong: true, detail: `answer to write ${write} carries write ${from}'s nonce at ${path} (${short(value)})` };
  if (typeof value === 'string' && isProbeNonce(value))
    return {
      kind: 'echo-foreign',
      write,
      strong: true,
      detail: `answer to write ${write} carries a nonce this run never sent at ${path} (${short(value)}): a stored answer to an earlier probe`,
    };
  if (write === first)
    return `--expect-echo ${path}: the answer to write ${write} ${!parsed.ok ? 'is not JSON' : value === undefined ? 'has no value at that path' : `has ${short(value)} there, not the nonce`}; check the path (the upstream must copy the request's nonce into its answer)`;
  return {
    kind: 'echo-missing',
    write,
    strong: false,
    detail: `answer to write ${write} does not carry its nonce at ${path} (${value === undefined ? 'no value' : short(value)}) while write ${first}'s did`,
  };
}

/** Weak: an answer identical to the first one (body, else ETag) although the requests differed. */
function sameAsFirst({ request, response }: ProbeExchange, run: Run): Signal | undefined {
  const write = request.index;
  const first = run.first;
  if (write === first.request.index || !run.bodiesDiffer || !ok(response.status) || !ok(first.response.status)) return undefined;
  const body = text(response.body);
  const etag = header(response.headers, 'etag');
  if (body.length > 0 && body === text(first.response.body))
    return {
      kind: 'identical-body',
      write,
      strong: false,
      detail: `answer to write ${write} is byte-identical to the answer to write ${first.request.index} (${body.length} bytes) although the request bodies differed`,
    };
  if (etag && etag === header(first.response.headers, 'etag'))
    return {
      kind: 'identical-etag',
      write,
      strong: false,
      detail: `answer to write ${write} has the same ETag as write ${first.request.index} (${etag}) although the request bodies differed`,
    };
  return undefined;
}

/**
 * An answer a cache may store: no no-store, and what shows a cache could keep it. Judged on the write path's own
 * answers (2xx), not on a 401 from an auth layer.
 */
function storageEvidence({ request, response }: ProbeExchange): { gap: NoStoreGap; headers: CacheHeaderEvidence[] } | undefined {
  const h = response.headers;
  if (!ok(response.status) || hasNoStore(h)) return undefined;
  const write = request.index;
  const lifetime = cacheableLifetime(h);
  const headers: CacheHeaderEvidence[] = [];
  for (const s of cacheStatuses(h)) if (s.storing) headers.push({ write, detail: `${s.header}: ${s.value}`, layer: s.layer });
  if (ageSeconds(h) === 0) headers.push({ write, detail: 'Age: 0' });
  const key = header(h, 'x-cache-key');
  if (key !== undefined) headers.push({ write, detail: `X-Cache-Key: ${key}`, layer: LAYER.kong });
  if (lifetime)
    headers.push({ write, detail: `Cache-Control: ${header(h, 'cache-control') ?? '(none)'}${lifetime.startsWith('Expires') ? `; ${lifetime}` : ''}` });
  return { gap: { write, status: response.status, cacheControl: header(h, 'cache-control'), lifetime }, headers };
}

/**
 * A probe asks "does a cache answer this write?". Only an answer from the write path itself (2xx) can say no: a 401
 * from an auth layer, a 404 or a 500 would look the same with or without a cache in front. So when no write was
 * answered 2xx, and no answer showed a cache at work, the run is inconclusive, with what to change.
 */
export function inconclusive(statuses: number[]): string | undefined {
  if (statuses.length === 0 || statuses.some(ok)) return undefined;
  const hints = new Set<string>();
  for (const s of statuses) {
    if (s === 401 || s === 403 || s === 407) hints.add(`${s}: the request was refused before the write path; pass credentials with --header`);
    else if (s === 404 || s === 405 || s === 410) hints.add(`${s}: nothing takes this write here; check the URL and --method`);
    else if (s === 429) hints.add('429: rate limited; run again later or with --count 1');
    else if (s >= 500)
      hints.add(
        `${s}: the endpoint failed; probe one that accepts the write (a test endpoint, or a receiver that answers requests marked X-Cachelint-Probe with 2xx)`,
      );
    else if (s >= 300 && s < 400) hints.add(`${s}: a redirect that was not followed; probe the URL it points to`);
    else hints.add(`${s}: not a success; probe an endpoint that accepts the write`);
  }
  return `no write was answered 2xx (${statuses.join(', ')}), so whether a cache answers writes could not be observed. ${[...hints].join('. ')}.`;
}

/** Which layer answered from cache: the one a hit header names; else a layer known to cache without telling (API
 *  Gateway's stage cache sends no hit header; CloudFront never caches writes, so it is not the one). */
export function answeredBy(ghost: Signal[], hops: Hop[]): string | undefined {
  const named = ghost.find((s) => s.layer)?.layer;
  if (named) return named;
  const layers = hops.map((h) => h.layer);
  if (layers.includes(LAYER.apiGateway)) return LAYER.apiGateway;
  for (const candidate of [LAYER.kong, LAYER.nginx, LAYER.openResty, LAYER.varnish, LAYER.fastly, LAYER.cloudflare])
    if (layers.includes(candidate)) return candidate;
  return undefined;
}
