"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CACHE_STATUS_HEADERS = exports.LAYER = void 0;
exports.header = header;
exports.cacheStatuses = cacheStatuses;
exports.ageSeconds = ageSeconds;
exports.cacheControlDirectives = cacheControlDirectives;
exports.hasNoStore = hasNoStore;
exports.cacheableLifetime = cacheableLifetime;
exports.hopsOf = hopsOf;
exports.valueAtPath = valueAtPath;
exports.parsePath = parsePath;
exports.judge = judge;
exports.inconclusive = inconclusive;
exports.answeredBy = answeredBy;
const plan_1 = require("./plan");
const redact_1 = require("./redact");
// ---- headers ---------------------------------------------------------------------------------------------------
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
    return Object.keys(headers).some((k) => k.startsWith('x-kong-')) || /kong\//i.test(header(headers, 'via') ?? '') || /kong/i.test(header(headers, 'server') ?? '');
}
// ---- hops ------------------------------------------------------------------------------------------------------
const HOP_HEADERS = [
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
/** The layers the answers passed through, in the order their headers were first seen, each with its evidence. */
function hopsOf(responses) {
    // Layer → header name → first value seen (request ids differ per answer and would only repeat the layer).
    const hops = new Map();
    const add = (layer, name, value) => {
        let seen = hops.get(layer);
        if (!seen)
            hops.set(layer, (seen = new Map()));
        if (!seen.has(name))
            seen.set(name, value);
    };
    for (const r of responses) {
        for (const h of HOP_HEADERS) {
            const v = header(r.headers, h.name);
            if (v === undefined)
                continue;
            const layer = h.layer(v);
            if (layer)
                add(layer, h.name, (0, redact_1.redactHeaderValue)(h.name, v));
        }
        for (const s of cacheStatuses(r.headers))
            add(s.layer, s.header, s.value);
    }
    return [...hops].map(([layer, seen]) => ({ layer, evidence: [...seen].map(([name, value]) => `${name}: ${value}`) }));
}
// ---- echo ------------------------------------------------------------------------------------------------------
/** `a.b[0].c` (a leading `$.` is allowed) → its value in a parsed JSON document, or undefined. */
function valueAtPath(doc, path) {
    const steps = parsePath(path);
    let cur = doc;
    for (const step of steps) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        if (typeof step === 'number') {
            if (!Array.isArray(cur))
                return undefined;
            cur = cur[step];
        }
        else {
            if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, step))
                return undefined;
            cur = cur[step];
        }
    }
    return cur;
}
function parsePath(path) {
    const src = path.trim().replace(/^\$\.?/, '');
    const steps = [];
    const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/g;
    let m;
    let consumed = 0;
    while ((m = re.exec(src))) {
        if (m.index !== consumed && src.slice(consumed, m.index) !== '.')
            throw new Error(`--expect-echo: cannot read path "${path}"`);
        consumed = m.index + m[0].length;
        if (m[1] !== undefined)
            steps.push(m[1]);
        else if (m[2] !== undefined)
            steps.push(Number(m[2]));
        else
            steps.push(m[3] ?? m[4]);
    }
    if (consumed !== src.length || steps.length === 0)
        throw new Error(`--expect-echo: cannot read path "${path}" (use e.g. nonce, data.nonce, items[0].id)`);
    return steps;
}
function parseJson(body) {
    try {
        return { ok: true, value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) };
    }
    catch {
        return { ok: false };
    }
}
// ---- the judgement ---------------------------------------------------------------------------------------------
const ok = (status) => status >= 200 && status < 300;
const text = (body) => (typeof body === 'string' ? body : body.toString('utf8'));
const short = (v) => {
    const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
    return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};
function judge(exchanges, options = {}) {
    const run = {
        first: exchanges[0],
        nonces: new Map(exchanges.map((e) => [e.request.nonce, e.request.index])),
        bodiesDiffer: options.bodiesDiffer ?? new Set(exchanges.map((e) => e.request.body)).size === exchanges.length,
    };
    const ghost = [];
    const cacheHeaders = [];
    const missingNoStore = [];
    const problems = [];
    // A wrong path shows on the first answer: then the echo says nothing about the others either.
    let echoUsable = !!options.expectEcho;
    for (const exchange of exchanges) {
        ghost.push(...cacheSignals(exchange));
        if (echoUsable) {
            const echo = echoSignal(exchange, options.expectEcho, run);
            if (typeof echo === 'string') {
                echoUsable = false;
                problems.push(echo);
            }
            else if (echo)
                ghost.push(echo);
        }
        // With --expect-echo, the echo is the better witness.
        const same = options.expectEcho ? undefined : sameAsFirst(exchange, run);
        if (same)
            ghost.push(same);
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
/** Strong signals in the headers: a cache status saying hit, an Age older than the request. */
function cacheSignals({ request, response }) {
    const write = request.index;
    const out = [];
    for (const s of cacheStatuses(response.headers)) {
        if (s.hit)
            out.push({ kind: 'hit-header', write, strong: true, detail: `${s.header}: ${s.value}`, layer: s.layer });
    }
    const age = ageSeconds(response.headers);
    if (age !== undefined && age > 0)
        out.push({ kind: 'age', write, strong: true, detail: `Age: ${age}` });
    return out;
}
/**
 * Is this answer made for this request (--expect-echo)? A signal when it carries another nonce or lacks its own; a
 * problem (a string) when the first answer has no nonce at the path: the path is wrong, not the cache.
 */
function echoSignal({ request, response }, path, run) {
    if (!ok(response.status))
        return undefined;
    const write = request.index;
    const first = run.first.request.index;
    const parsed = parseJson(response.body);
    const value = parsed.ok ? valueAtPath(parsed.value, path) : undefined;
    if (value === request.nonce)
        return undefined;
    const from = typeof value === 'string' ? run.nonces.get(value) : undefined;
    if (from !== undefined)
        return { kind: 'echo-foreign', write, strong: true, detail: `answer to write ${write} carries write ${from}'s nonce at ${path} (${short(value)})` };
    if (typeof value === 'string' && (0, plan_1.isProbeNonce)(value))
        return { kind: 'echo-foreign', write, strong: true, detail: `answer to write ${write} carries a nonce this run never sent at ${path} (${short(value)}): a stored answer to an earlier probe` };
    if (write === first)
        return `--expect-echo ${path}: the answer to write ${write} ${!parsed.ok ? 'is not JSON' : value === undefined ? 'has no value at that path' : `has ${short(value)} there, not the nonce`}; check the path (the upstream must copy the request's nonce into its answer)`;
    return { kind: 'echo-missing', write, strong: false, detail: `answer to write ${write} does not carry its nonce at ${path} (${value === undefined ? 'no value' : short(value)}) while write ${first}'s did` };
}
/** Weak: an answer identical to the first one (body, else ETag) although the requests differed. */
function sameAsFirst({ request, response }, run) {
    const write = request.index;
    const first = run.first;
    if (write === first.request.index || !run.bodiesDiffer || !ok(response.status) || !ok(first.response.status))
        return undefined;
    const body = text(response.body);
    const etag = header(response.headers, 'etag');
    if (body.length > 0 && body === text(first.response.body))
        return { kind: 'identical-body', write, strong: false, detail: `answer to write ${write} is byte-identical to the answer to write ${first.request.index} (${body.length} bytes) although the request bodies differed` };
    if (etag && etag === header(first.response.headers, 'etag'))
        return { kind: 'identical-etag', write, strong: false, detail: `answer to write ${write} has the same ETag as write ${first.request.index} (${etag}) although the request bodies differed` };
    return undefined;
}
/**
 * An answer a cache may store: no no-store, and what shows a cache could keep it. Judged on the write path's own
 * answers (2xx), not on a 401 from an auth layer.
 */
function storageEvidence({ request, response }) {
    const h = response.headers;
    if (!ok(response.status) || hasNoStore(h))
        return undefined;
    const write = request.index;
    const lifetime = cacheableLifetime(h);
    const headers = [];
    for (const s of cacheStatuses(h))
        if (s.storing)
            headers.push({ write, detail: `${s.header}: ${s.value}`, layer: s.layer });
    if (ageSeconds(h) === 0)
        headers.push({ write, detail: 'Age: 0' });
    const key = header(h, 'x-cache-key');
    if (key !== undefined)
        headers.push({ write, detail: `X-Cache-Key: ${key}`, layer: exports.LAYER.kong });
    if (lifetime)
        headers.push({ write, detail: `Cache-Control: ${header(h, 'cache-control') ?? '(none)'}${lifetime.startsWith('Expires') ? `; ${lifetime}` : ''}` });
    return { gap: { write, status: response.status, cacheControl: header(h, 'cache-control'), lifetime }, headers };
}
/**
 * A probe asks "does a cache answer this write?". Only an answer from the write path itself (2xx) can say no: a 401
 * from an auth layer, a 404 or a 500 would look the same with or without a cache in front. So when no write was
 * answered 2xx, and no answer showed a cache at work, the run is inconclusive, with what to change.
 */
function inconclusive(statuses) {
    if (statuses.length === 0 || statuses.some(ok))
        return undefined;
    const hints = new Set();
    for (const s of statuses) {
        if (s === 401 || s === 403 || s === 407)
            hints.add(`${s}: the request was refused before the write path; pass credentials with --header`);
        else if (s === 404 || s === 405 || s === 410)
            hints.add(`${s}: nothing takes this write here; check the URL and --method`);
        else if (s === 429)
            hints.add('429: rate limited; run again later or with --count 1');
        else if (s >= 500)
            hints.add(`${s}: the endpoint failed; probe one that accepts the write (a test endpoint, or a receiver that answers requests marked X-Cachelint-Probe with 2xx)`);
        else if (s >= 300 && s < 400)
            hints.add(`${s}: a redirect that was not followed; probe the URL it points to`);
        else
            hints.add(`${s}: not a success; probe an endpoint that accepts the write`);
    }
    return `no write was answered 2xx (${statuses.join(', ')}), so whether a cache answers writes could not be observed. ${[...hints].join('. ')}.`;
}
/** Which layer answered from cache: the one a hit header names; else a layer known to cache without telling (API
 *  Gateway's stage cache sends no hit header; CloudFront never caches writes, so it is not the one). */
function answeredBy(ghost, hops) {
    const named = ghost.find((s) => s.layer)?.layer;
    if (named)
        return named;
    const layers = hops.map((h) => h.layer);
    if (layers.includes(exports.LAYER.apiGateway))
        return exports.LAYER.apiGateway;
    for (const candidate of [exports.LAYER.kong, exports.LAYER.nginx, exports.LAYER.openResty, exports.LAYER.varnish, exports.LAYER.fastly, exports.LAYER.cloudflare])
        if (layers.includes(candidate))
            return candidate;
    return undefined;
}
