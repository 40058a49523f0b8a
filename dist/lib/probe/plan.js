"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanError = exports.MAX_TIMEOUT_MS = exports.DEFAULT_TIMEOUT_MS = exports.MAX_COUNT = exports.DEFAULT_COUNT = exports.MARKER_HEADER = exports.DEFAULT_DATA = exports.NONCE_PLACEHOLDER = exports.WRITE_METHODS = void 0;
exports.randomNonce = randomNonce;
exports.isProbeNonce = isProbeNonce;
exports.parseHeader = parseHeader;
exports.parseTarget = parseTarget;
exports.buildPlan = buildPlan;
exports.describePlan = describePlan;
// The probe's plan: what it will send, decided before anything is sent (and printed as is by --dry-run).
// The writes of one plan differ only in a fresh nonce, so two different answers are expected; a cache that keys on
// method + path (nginx's default key, Kong's, API Gateway's) answers the second from the first.
const node_crypto_1 = require("node:crypto");
const redact_1 = require("./redact");
exports.WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
exports.NONCE_PLACEHOLDER = '{{nonce}}';
exports.DEFAULT_DATA = '{"probe":"cachelint","nonce":"{{nonce}}"}';
/** Marks every probe request, so the receiver can drop probe events (same value for all requests of one run). */
exports.MARKER_HEADER = 'X-Cachelint-Probe';
exports.DEFAULT_COUNT = 2;
exports.MAX_COUNT = 10;
exports.DEFAULT_TIMEOUT_MS = 10_000;
exports.MAX_TIMEOUT_MS = 120_000;
// Headers the probe owns: framing (set by node from the body) and the target (a Host override would send the writes
// to another virtual host than the URL states).
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', exports.MARKER_HEADER.toLowerCase()]);
class PlanError extends Error {
}
exports.PlanError = PlanError;
const NONCE_BYTES = 8;
const NONCE_SHAPE = new RegExp(`^[0-9a-f]{${2 * NONCE_BYTES}}$`);
function randomNonce() {
    return (0, node_crypto_1.randomBytes)(NONCE_BYTES).toString('hex');
}
/** Whether a value has the shape randomNonce makes: an answer carrying one is a stored answer to some probe. */
function isProbeNonce(value) {
    return NONCE_SHAPE.test(value);
}
function parseHeader(raw) {
    const colon = raw.indexOf(':');
    // Without a colon we cannot tell name from value: the text is not echoed (it may be a credential).
    if (colon <= 0)
        throw new PlanError(`a --header must look like "Name: value" (got ${raw.length} characters without a colon)`);
    const name = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
        throw new PlanError(`--header name "${name}" is not a valid HTTP header name`);
    if (/[\r\n\0]/.test(value))
        throw new PlanError(`--header ${name}: the value must not contain line breaks`);
    return [name, value];
}
function parseTarget(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new PlanError(`"${(0, redact_1.redactUrl)(url)}" is not an absolute URL (e.g. https://api.example.com/webhooks)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new PlanError(`only http: and https: URLs can be probed (got ${u.protocol})`);
    if (u.hash)
        u.hash = '';
    return u;
}
function buildPlan(options, newNonce = randomNonce, runId = randomNonce().slice(0, 12)) {
    const url = parseTarget(options.url);
    const method = options.method.toUpperCase();
    if (!exports.WRITE_METHODS.includes(method))
        throw new PlanError(`--method must be one of ${exports.WRITE_METHODS.join(', ')} (the probe checks how writes are answered; got "${options.method}")`);
    const count = options.count ?? exports.DEFAULT_COUNT;
    if (!Number.isInteger(count) || count < 1 || count > exports.MAX_COUNT)
        throw new PlanError(`--count must be a whole number from 1 to ${exports.MAX_COUNT} (got ${count})`);
    const timeoutMs = options.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > exports.MAX_TIMEOUT_MS)
        throw new PlanError(`--timeout must be between 1 and ${exports.MAX_TIMEOUT_MS} ms (got ${timeoutMs})`);
    const template = options.data ?? exports.DEFAULT_DATA;
    const userHeaders = (options.headers ?? []).map(parseHeader);
    for (const [name] of userHeaders)
        if (RESERVED_HEADERS.has(name.toLowerCase()))
            throw new PlanError(`--header ${name} cannot be set: the probe sets it itself`);
    const userAgent = userHeaders.find(([n]) => n.toLowerCase() === 'user-agent')?.[1];
    const hasContentType = userHeaders.some(([n]) => n.toLowerCase() === 'content-type');
    const requests = [];
    for (let i = 1; i <= count; i++) {
        const nonce = newNonce();
        const fill = (s) => s.split(exports.NONCE_PLACEHOLDER).join(nonce);
        const body = fill(template);
        // Our marker comes first and cannot be removed: a --header User-Agent is appended to it.
        const headers = [
            ['User-Agent', `cachelint-probe/${options.version}${userAgent ? ` ${fill(userAgent)}` : ''}`],
            [exports.MARKER_HEADER, runId],
        ];
        if (body && !hasContentType)
            headers.push(['Content-Type', looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8']);
        for (const [name, value] of userHeaders)
            if (name.toLowerCase() !== 'user-agent')
                headers.push([name, fill(value)]);
        requests.push({ index: i, method: method, url: url.toString(), headers, body, nonce });
    }
    return { url, method: method, runId, timeoutMs, requests, bodiesDiffer: template.includes(exports.NONCE_PLACEHOLDER) };
}
function looksLikeJson(body) {
    try {
        JSON.parse(body);
        return true;
    }
    catch {
        return false;
    }
}
/** The plan as printed by --dry-run and in reports: URL and header values redacted. */
function describePlan(plan) {
    return {
        method: plan.method,
        url: (0, redact_1.redactUrl)(plan.url.toString()),
        count: plan.requests.length,
        timeoutMs: plan.timeoutMs,
        marker: { header: exports.MARKER_HEADER, value: plan.runId },
        requests: plan.requests.map((r) => ({
            index: r.index,
            method: r.method,
            url: (0, redact_1.redactUrl)(r.url),
            headers: r.headers.map(([n, v]) => `${n}: ${(0, redact_1.redactHeaderValue)(n, v)}`),
            body: r.body,
        })),
    };
}
