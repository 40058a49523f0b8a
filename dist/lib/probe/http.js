"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProbeNetworkError = exports.MAX_BODY_BYTES = exports.MAX_REDIRECTS = void 0;
exports.redirectAllowed = redirectAllowed;
exports.send = send;
// One write over node:http/https, with the probe's safety rules built in:
// - a deadline for the whole exchange (connect, send, headers, body), not only an idle timeout;
// - redirects: 307/308 to the same host are followed with the same method and body (at most MAX_REDIRECTS);
//   another host, an https→http downgrade, or a 301/302/303 (which clients repeat as GET) are never followed;
// - TLS is always verified (rejectUnauthorized is set explicitly, so NODE_TLS_REJECT_UNAUTHORIZED=0 cannot turn it
//   off); a private CA is added with --ca, never by switching verification off;
// - no connection reuse (agent: false): each write is its own exchange, nothing lingers after the run.
const http = __importStar(require("node:http"));
const https = __importStar(require("node:https"));
const redact_1 = require("./redact");
exports.MAX_REDIRECTS = 3;
exports.MAX_BODY_BYTES = 1024 * 1024;
class ProbeNetworkError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.ProbeNetworkError = ProbeNetworkError;
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Same host, and never from https to http. http→https on the same host name is an upgrade and allowed. */
function redirectAllowed(from, to) {
    if (to.protocol !== 'http:' && to.protocol !== 'https:')
        return { ok: false, why: `to a ${to.protocol} URL` };
    if (to.hostname.toLowerCase() !== from.hostname.toLowerCase())
        return { ok: false, why: `to another host (${to.host})` };
    if (from.protocol === 'https:' && to.protocol === 'http:')
        return { ok: false, why: 'from https to http' };
    if (from.protocol === to.protocol && from.port !== to.port)
        return { ok: false, why: `to another port (${to.host})` };
    if (from.protocol === 'http:' && to.protocol === 'https:' && to.port !== '')
        return { ok: false, why: `to another port (${to.host})` };
    return { ok: true };
}
async function send(request, options) {
    const maxRedirects = options.maxRedirects ?? exports.MAX_REDIRECTS;
    const redirects = [];
    let url = new URL(request.url);
    for (;;) {
        const response = await exchange(url, request, options);
        const location = response.headers.location;
        if (!REDIRECT.has(response.status) || !location)
            return { ...response, url: url.toString(), redirects };
        let next;
        try {
            next = new URL(location, url);
        }
        catch {
            throw new ProbeNetworkError('redirect', `${response.status} redirect with an unusable Location header from ${(0, redact_1.redactUrl)(url.toString())}`);
        }
        const where = `${response.status} → ${(0, redact_1.redactUrl)(next.toString())}`;
        const allowed = redirectAllowed(url, next);
        if (!allowed.ok)
            throw new ProbeNetworkError('redirect', `${request.method} ${(0, redact_1.redactUrl)(url.toString())} was redirected (${where}) ${allowed.why}: not followed. Probe that URL directly if it is the one you mean.`);
        if (response.status !== 307 && response.status !== 308)
            throw new ProbeNetworkError('redirect', `${request.method} ${(0, redact_1.redactUrl)(url.toString())} was redirected (${where}); clients repeat a ${response.status} as GET, so the write would not arrive. Probe the target URL directly.`);
        if (redirects.length >= maxRedirects)
            throw new ProbeNetworkError('redirect', `more than ${maxRedirects} redirects from ${(0, redact_1.redactUrl)(request.url)} (last ${where})`);
        redirects.push(where);
        url = next;
    }
}
function exchange(url, request, options) {
    return new Promise((resolve, reject) => {
        const headers = {};
        for (const [name, value] of request.headers) {
            const prev = headers[name];
            headers[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [String(prev)]), value];
        }
        const body = Buffer.from(request.body, 'utf8');
        if (body.length || request.method !== 'DELETE')
            headers['Content-Length'] = String(body.length);
        const common = { method: request.method, headers, agent: false };
        const req = url.protocol === 'https:'
            ? https.request(url, { ...common, rejectUnauthorized: true, ...(options.ca ? { ca: options.ca } : {}) })
            : http.request(url, common);
        let settled = false;
        const fail = (e) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            req.destroy();
            reject(e);
        };
        const deadline = setTimeout(() => fail(new ProbeNetworkError('timeout', `${request.method} ${(0, redact_1.redactUrl)(url.toString())}: no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        req.on('error', (e) => fail(classify(e, request.method, url)));
        req.on('response', (res) => {
            const chunks = [];
            let size = 0;
            let truncated = false;
            res.on('data', (chunk) => {
                if (truncated)
                    return;
                if (size + chunk.length > exports.MAX_BODY_BYTES) {
                    chunks.push(chunk.subarray(0, exports.MAX_BODY_BYTES - size));
                    size = exports.MAX_BODY_BYTES;
                    truncated = true;
                    res.destroy(); // enough to judge; do not download an unbounded body
                    finish();
                    return;
                }
                chunks.push(chunk);
                size += chunk.length;
            });
            res.on('error', (e) => fail(classify(e, request.method, url)));
            res.on('end', finish);
            function finish() {
                if (settled)
                    return;
                settled = true;
                clearTimeout(deadline);
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
            }
        });
        req.end(body);
    });
}
const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)/;
function classify(e, method, url) {
    const target = `${method} ${(0, redact_1.redactUrl)(url.toString())}`;
    const code = e.code ?? '';
    if (TLS_CODES.test(code))
        return new ProbeNetworkError('tls', `${target}: TLS certificate not trusted (${code}: ${e.message}). The probe always verifies TLS; for a private CA pass --ca <pem file>.`);
    return new ProbeNetworkError('network', `${target}: ${code ? `${code}: ` : ''}${e.message}`);
}
