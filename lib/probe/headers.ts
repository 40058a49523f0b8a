// Reading what an answer's headers say about caches: cache status headers, Age, Cache-Control lifetimes, and the
// headers that name a layer the answer passed through (judge.ts turns them into evidence).
import type { IncomingHttpHeaders } from 'node:http';

/** The layers an answer can name, as reported (hops, the layer that answered, the fix per layer in findings.ts). */
export const LAYER = {
  kong: 'Kong',
  nginx: 'nginx',
  openResty: 'OpenResty (nginx)',
  cloudFront: 'CloudFront',
  apiGateway: 'API Gateway',
  cloudflare: 'Cloudflare',
  fastly: 'Fastly',
  varnish: 'Varnish',
  vercel: 'Vercel',
  envoy: 'Envoy',
} as const;

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** Cache status headers and who sets them. */
export const CACHE_STATUS_HEADERS: { name: string; layer: (value: string, headers: IncomingHttpHeaders) => string }[] = [
  { name: 'X-Cache-Status', layer: (_v, h) => (isKong(h) ? LAYER.kong : LAYER.nginx) },
  { name: 'X-Cache', layer: (v) => (/cloudfront/i.test(v) ? LAYER.cloudFront : 'a cache (X-Cache)') },
  { name: 'CF-Cache-Status', layer: () => LAYER.cloudflare },
  { name: 'X-Proxy-Cache', layer: () => 'a proxy cache (X-Proxy-Cache, nginx-style)' },
  { name: 'X-Vercel-Cache', layer: () => LAYER.vercel },
];

// Served from a stored response: HIT (nginx, Cloudflare, Fastly, Kong `Hit`), STALE/UPDATING (stale copy served),
// REVALIDATED (stored copy served after a 304), CloudFront `RefreshHit` (stored copy after revalidation).
const HIT_STATES = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED', 'REFRESHHIT']);
// The cache took part and could store the answer. BYPASS/DYNAMIC mean it stayed out of the way; CloudFront's
// `Miss from cloudfront` is on every write (CloudFront never caches POST/PUT/PATCH/DELETE responses).
const STORING_STATES = new Set(['MISS', 'EXPIRED', 'REFRESH']);

export interface CacheStatus {
  header: string;
  value: string;
  layer: string;
  hit: boolean;
  storing: boolean;
}

/** Every cache status header on an answer. A list like `MISS, HIT` (Fastly shield + edge) is a hit if any part is. */
export function cacheStatuses(headers: IncomingHttpHeaders): CacheStatus[] {
  const out: CacheStatus[] = [];
  for (const known of CACHE_STATUS_HEADERS) {
    const value = header(headers, known.name);
    if (value === undefined || value.trim() === '') continue;
    const states = value.split(',').map((part) => (part.trim().split(/\s+/)[0] ?? '').toUpperCase());
    const fromCloudFront = /from cloudfront/i.test(value);
    out.push({
      header: known.name,
      value,
      layer: known.layer(value, headers),
      hit: states.some((s) => HIT_STATES.has(s)),
      storing: !fromCloudFront && states.some((s) => STORING_STATES.has(s)),
    });
  }
  return out;
}

/** `Age` in seconds, or undefined when absent or malformed. */
export function ageSeconds(headers: IncomingHttpHeaders): number | undefined {
  const v = header(headers, 'age');
  if (v === undefined) return undefined;
  const first = v.split(',')[0].trim();
  return /^\d+$/.test(first) ? Number(first) : undefined;
}

export function cacheControlDirectives(value: string | undefined): Map<string, string | true> {
  const out = new Map<string, string | true>();
  if (!value) return out;
  for (const part of value.split(',')) {
    const [k, ...rest] = part.trim().split('=');
    if (!k) continue;
    out.set(k.trim().toLowerCase(), rest.length ? rest.join('=').trim().replace(/^"|"$/g, '') : true);
  }
  return out;
}

export function hasNoStore(headers: IncomingHttpHeaders): boolean {
  return cacheControlDirectives(header(headers, 'cache-control')).has('no-store');
}

/** A lifetime that lets a shared cache store the answer, as printed evidence; undefined when there is none. */
export function cacheableLifetime(headers: IncomingHttpHeaders): string | undefined {
  const cc = cacheControlDirectives(header(headers, 'cache-control'));
  if (cc.has('no-store')) return undefined;
  const parts: string[] = [];
  for (const name of ['s-maxage', 'max-age']) {
    const v = cc.get(name);
    if (typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0) parts.push(`${name}=${v}`);
  }
  if (cc.has('public')) parts.push('public');
  const expires = header(headers, 'expires');
  if (expires && !cc.has('max-age') && !cc.has('s-maxage')) {
    const at = Date.parse(expires);
    const now = Date.parse(header(headers, 'date') ?? '');
    if (Number.isFinite(at) && Number.isFinite(now) && at > now) parts.push(`Expires: ${expires}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

function isKong(headers: IncomingHttpHeaders): boolean {
  return (
    Object.keys(headers).some((k) => k.startsWith('x-kong-')) || /kong\//i.test(header(headers, 'via') ?? '') || /kong/i.test(header(headers, 'server') ?? '')
  );
}

export const HOP_HEADERS: { name: string; layer: (value: string) => string | undefined }[] = [
  { name: 'Via', layer: viaLayer },
  { name: 'Server', layer: serverLayer },
  { name: 'X-Amz-Cf-Id', layer: () => LAYER.cloudFront },
  { name: 'X-Amz-Cf-Pop', layer: () => LAYER.cloudFront },
  { name: 'X-Amz-Apigw-Id', layer: () => LAYER.apiGateway },
  { name: 'X-Amzn-RequestId', layer: () => LAYER.apiGateway },
  { name: 'X-Kong-Proxy-Latency', layer: () => LAYER.kong },
  { name: 'X-Kong-Upstream-Latency', layer: () => LAYER.kong },
  { name: 'X-Kong-Request-Id', layer: () => LAYER.kong },
  { name: 'X-Cache-Key', layer: () => undefined },
  { name: 'CF-Ray', layer: () => LAYER.cloudflare },
  { name: 'X-Served-By', layer: (v) => (/^cache-/i.test(v) ? LAYER.fastly : undefined) },
  { name: 'X-Varnish', layer: () => LAYER.varnish },
  { name: 'X-Vercel-Id', layer: () => LAYER.vercel },
  { name: 'Fly-Request-Id', layer: () => 'Fly.io' },
  { name: 'X-Azure-Ref', layer: () => 'Azure Front Door' },
  { name: 'X-Envoy-Upstream-Service-Time', layer: () => LAYER.envoy },
];

function viaLayer(v: string): string | undefined {
  if (/cloudfront/i.test(v)) return LAYER.cloudFront;
  if (/kong/i.test(v)) return LAYER.kong;
  if (/varnish/i.test(v)) return LAYER.varnish;
  if (/vegur/i.test(v)) return 'Heroku router';
  if (/google/i.test(v)) return 'Google Cloud load balancer';
  return 'a proxy (Via)';
}

function serverLayer(v: string): string | undefined {
  if (/^nginx/i.test(v)) return LAYER.nginx;
  if (/^openresty/i.test(v)) return LAYER.openResty;
  if (/^kong/i.test(v)) return LAYER.kong;
  if (/^cloudflare/i.test(v)) return LAYER.cloudflare;
  if (/^cloudfront/i.test(v)) return LAYER.cloudFront;
  if (/^envoy/i.test(v)) return LAYER.envoy;
  if (/^(apache|caddy|varnish)/i.test(v)) return v.split('/')[0];
  return `origin server (${v.split('/')[0]})`;
}
