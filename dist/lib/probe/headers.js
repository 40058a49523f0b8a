"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOP_HEADERS = exports.CACHE_STATUS_HEADERS = exports.LAYER = void 0;
exports.header = header;
exports.cacheStatuses = cacheStatuses;
exports.ageSeconds = ageSeconds;
exports.cacheControlDirectives = cacheControlDirectives;
exports.hasNoStore = hasNoStore;
exports.cacheableLifetime = cacheableLifetime;
/** The layers an answer can name, as reported (hops, the layer that answered, the fix per layer in findings.ts). */
exports.LAYER = {
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
};
function header(headers, name) {
    const v = headers[name.toLowerCase()];
    if (v === undefined)
        return undefined;
    return Array.isArray(v) ? v.join(', ') : String(v);
}
/** Cache status headers and who sets them. */
exports.CACHE_STATUS_HEADERS = [
    { name: 'X-Cache-Status', layer: (_v, h) => (isKong(h) ? exports.LAYER.kong : exports.LAYER.nginx) },
    { name: 'X-Cache', layer: (v) => (/cloudfront/i.test(v) ? exports.LAYER.cloudFront : 'a cache (X-Cache)') },
    { name: 'CF-Cache-Status', layer: () => exports.LAYER.cloudflare },
    { name: 'X-Proxy-Cache', layer: () => 'a proxy cache (X-Proxy-Cache, nginx-style)' },
    { name: 'X-Vercel-Cache', layer: () => exports.LAYER.vercel },
];
// Served from a stored response: HIT (nginx, Cloudflare, Fastly, Kong `Hit`), STALE/UPDATING (stale copy served),
// REVALIDATED (stored copy served after a 304), CloudFront `RefreshHit` (stored copy after revalidation).
const HIT_STATES = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED', 'REFRESHHIT']);
// The cache took part and could store the answer. BYPASS/DYNAMIC mean it stayed out of the way; CloudFront's
// `Miss from cloudfront` is on every write (CloudFront never caches POST/PUT/PATCH/DELETE responses).
const STORING_STATES = new Set(['MISS', 'EXPIRED', 'REFRESH']);
/** Every cache status header on an answer. A list like `MISS, HIT` (Fastly shield + edge) is a hit if any part is. */
function cacheStatuses(headers) {
    const out = [];
    for (const known of exports.CACHE_STATUS_HEADERS) {
        const value = header(headers, known.name);
        if (value === undefined || value.trim() === '')
            continue;
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
function ageSeconds(headers) {
    const v = header(headers, 'age');
    if (v === undefined)
        return undefined;
    const first = v.split(',')[0].trim();
    return /^\d+$/.test(first) ? Number(first) : undefined;
}
function cacheControlDirectives(value) {
    const out = new Map();
    if (!value)
        return out;
    for (const part of value.split(',')) {
        const [k, ...rest] = part.trim().split('=');
        if (!k)
            continue;
        out.set(k.trim().toLowerCase(), rest.length ? rest.join('=').trim().replace(/^"|"$/g, '') : true);
    }
    return out;
}
function hasNoStore(headers) {
    return cacheControlDirectives(header(headers, 'cache-control')).has('no-store');
}
/** A lifetime that lets a shared cache store the answer, as printed evidence; undefined when there is none. */
function cacheableLifetime(headers) {
    const cc = cacheControlDirectives(header(headers, 'cache-control'));
    if (cc.has('no-store'))
        return undefined;
    const parts = [];
    for (const name of ['s-maxage', 'max-age']) {
        const v = cc.get(name);
        if (typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0)
            parts.push(`${name}=${v}`);
    }
    if (cc.has('public'))
        parts.push('public');
    const expires = header(headers, 'expires');
    if (expires && !cc.has('max-age') && !cc.has('s-maxage')) {
        const at = Date.parse(expires);
        const now = Date.parse(header(headers, 'date') ?? '');
        if (Number.isFinite(at) && Number.isFinite(now) && at > now)
            parts.push(`Expires: ${expires}`);
    }
    return parts.length ? parts.join(', ') : undefined;
}
function isKong(headers) {
    return (Object.keys(headers).some((k) => k.startsWith('x-kong-')) || /kong\//i.test(header(headers, 'via') ?? '') || /kong/i.test(header(headers, 'server') ?? ''));
}
exports.HOP_HEADERS = [
    { name: 'Via', layer: viaLayer },
    { name: 'Server', layer: serverLayer },
    { name: 'X-Amz-Cf-Id', layer: () => exports.LAYER.cloudFront },
    { name: 'X-Amz-Cf-Pop', layer: () => exports.LAYER.cloudFront },
    { name: 'X-Amz-Apigw-Id', layer: () => exports.LAYER.apiGateway },
    { name: 'X-Amzn-RequestId', layer: () => exports.LAYER.apiGateway },
    { name: 'X-Kong-Proxy-Latency', layer: () => exports.LAYER.kong },
    { name: 'X-Kong-Upstream-Latency', layer: () => exports.LAYER.kong },
    { name: 'X-Kong-Request-Id', layer: () => exports.LAYER.kong },
    { name: 'X-Cache-Key', layer: () => undefined },
    { name: 'CF-Ray', layer: () => exports.LAYER.cloudflare },
    { name: 'X-Served-By', layer: (v) => (/^cache-/i.test(v) ? exports.LAYER.fastly : undefined) },
    { name: 'X-Varnish', layer: () => exports.LAYER.varnish },
    { name: 'X-Vercel-Id', layer: () => exports.LAYER.vercel },
    { name: 'Fly-Request-Id', layer: () => 'Fly.io' },
    { name: 'X-Azure-Ref', layer: () => 'Azure Front Door' },
    { name: 'X-Envoy-Upstream-Service-Time', layer: () => exports.LAYER.envoy },
];
function viaLayer(v) {
    if (/cloudfront/i.test(v))
        return exports.LAYER.cloudFront;
    if (/kong/i.test(v))
        return exports.LAYER.kong;
    if (/varnish/i.test(v))
        return exports.LAYER.varnish;
    if (/vegur/i.test(v))
        return 'Heroku router';
    if (/google/i.test(v))
        return 'Google Cloud load balancer';
    return 'a proxy (Via)';
}
function serverLayer(v) {
    if (/^nginx/i.test(v))
        return exports.LAYER.nginx;
    if (/^openresty/i.test(v))
        return exports.LAYER.openResty;
    if (/^kong/i.test(v))
        return exports.LAYER.kong;
    if (/^cloudflare/i.test(v))
        return exports.LAYER.cloudflare;
    if (/^cloudfront/i.test(v))
        return exports.LAYER.cloudFront;
    if (/^envoy/i.test(v))
        return exports.LAYER.envoy;
    if (/^(apache|caddy|varnish)/i.test(v))
        return v.split('/')[0];
    return `origin server (${v.split('/')[0]})`;
}
