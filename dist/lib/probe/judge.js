"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAYER = exports.header = exports.hasNoStore = exports.cacheStatuses = exports.cacheControlDirectives = exports.cacheableLifetime = exports.CACHE_STATUS_HEADERS = exports.ageSeconds = void 0;
exports.hopsOf = hopsOf;
exports.valueAtPath = valueAtPath;
exports.parsePath = parsePath;
exports.judge = judge;
exports.inconclusive = inconclusive;
exports.answeredBy = answeredBy;
const headers_1 = require("./headers");
const plan_1 = require("./plan");
const redact_1 = require("./redact");
var headers_2 = require("./headers");
Object.defineProperty(exports, "ageSeconds", { enumerable: true, get: function () { return headers_2.ageSeconds; } });
Object.defineProperty(exports, "CACHE_STATUS_HEADERS", { enumerable: true, get: function () { return headers_2.CACHE_STATUS_HEADERS; } });
Object.defineProperty(exports, "cacheableLifetime", { enumerable: true, get: function () { return headers_2.cacheableLifetime; } });
Object.defineProperty(exports, "cacheControlDirectives", { enumerable: true, get: function () { return headers_2.cacheControlDirectives; } });
Object.defineProperty(exports, "cacheStatuses", { enumerable: true, get: function () { return headers_2.cacheStatuses; } });
Object.defineProperty(exports, "hasNoStore", { enumerable: true, get: function () { return headers_2.hasNoStore; } });
Object.defineProperty(exports, "header", { enumerable: true, get: function () { return headers_2.header; } });
Object.defineProperty(exports, "LAYER", { enumerable: true, get: function () { return headers_2.LAYER; } });
// ---- hops ------------------------------------------------------------------------------------------------------
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
        for (const h of headers_1.HOP_HEADERS) {
            const v = (0, headers_1.header)(r.headers, h.name);
            if (v === undefined)
                continue;
            const layer = h.layer(v);
            if (layer)
                add(layer, h.name, (0, redact_1.redactHeaderValue)(h.name, v));
        }
        for (const s of (0, headers_1.cacheStatuses)(r.headers))
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
    const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
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
    for (const s of (0, headers_1.cacheStatuses)(response.headers)) {
        if (s.hit)
            out.push({ kind: 'hit-header', write, strong: true, detail: `${s.header}: ${s.value}`, layer: s.layer });
    }
    const age = (0, headers_1.ageSeconds)(response.headers);
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
function sameAsFirst({ request, response }, run) {
    const write = request.index;
    const first = run.first;
    if (write === first.request.index || !run.bodiesDiffer || !ok(response.status) || !ok(first.response.status))
        return undefined;
    const body = text(response.body);
    const etag = (0, headers_1.header)(response.headers, 'etag');
    if (body.length > 0 && body === text(first.response.body))
        return {
            kind: 'identical-body',
            write,
            strong: false,
            detail: `answer to write ${write} is byte-identical to the answer to write ${first.request.index} (${body.length} bytes) although the request bodies differed`,
        };
    if (etag && etag === (0, headers_1.header)(first.response.headers, 'etag'))
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
function storageEvidence({ request, response }) {
    const h = response.headers;
    if (!ok(response.status) || (0, headers_1.hasNoStore)(h))
        return undefined;
    const write = request.index;
    const lifetime = (0, headers_1.cacheableLifetime)(h);
    const headers = [];
    for (const s of (0, headers_1.cacheStatuses)(h))
        if (s.storing)
            headers.push({ write, detail: `${s.header}: ${s.value}`, layer: s.layer });
    if ((0, headers_1.ageSeconds)(h) === 0)
        headers.push({ write, detail: 'Age: 0' });
    const key = (0, headers_1.header)(h, 'x-cache-key');
    if (key !== undefined)
        headers.push({ write, detail: `X-Cache-Key: ${key}`, layer: headers_1.LAYER.kong });
    if (lifetime)
        headers.push({ write, detail: `Cache-Control: ${(0, headers_1.header)(h, 'cache-control') ?? '(none)'}${lifetime.startsWith('Expires') ? `; ${lifetime}` : ''}` });
    return { gap: { write, status: response.status, cacheControl: (0, headers_1.header)(h, 'cache-control'), lifetime }, headers };
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
    if (layers.includes(headers_1.LAYER.apiGateway))
        return headers_1.LAYER.apiGateway;
    for (const candidate of [headers_1.LAYER.kong, headers_1.LAYER.nginx, headers_1.LAYER.openResty, headers_1.LAYER.varnish, headers_1.LAYER.fastly, headers_1.LAYER.cloudflare])
        if (layers.includes(candidate))
            return candidate;
    return undefined;
}
