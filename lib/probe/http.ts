// One write over node:http/https, with the probe's safety rules built in:
// - a deadline for the whole exchange (connect, send, headers, body), not only an idle timeout;
// - redirects: 307/308 to the same host are followed with the same method and body (at most MAX_REDIRECTS);
//   another host, an https→http downgrade, or a 301/302/303 (which clients repeat as GET) are never followed;
// - TLS is always verified (rejectUnauthorized is set explicitly, so NODE_TLS_REJECT_UNAUTHORIZED=0 cannot turn it
//   off); a private CA is added with --ca, never by switching verification off;
// - no connection reuse (agent: false): each write is its own exchange, nothing lingers after the run.
import * as http from 'node:http';
import * as https from 'node:https';
import { redactUrl } from './redact';

export const MAX_REDIRECTS = 3;
export const MAX_BODY_BYTES = 1024 * 1024;

export type NetworkErrorKind = 'timeout' | 'redirect' | 'tls' | 'network';

export class ProbeNetworkError extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export interface SendOptions {
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to node's defaults. */
  ca?: string | Buffer;
  maxRedirects?: number;
}

export interface ProbeResponse {
  status: number;
  /** Lower-case names, as node gives them (repeated headers joined with ", ", set-cookie an array). */
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than MAX_BODY_BYTES and was cut there. */
  truncated: boolean;
  /** The URL that answered (after same-host redirects). */
  url: string;
  /** Same-host redirects followed, as `307 → URL`. */
  redirects: string[];
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Same host, and never from https to http. http→https on the same host name is an upgrade and allowed. */
export function redirectAllowed(from: URL, to: URL): { ok: true } | { ok: false; why: string } {
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return { ok: false, why: `to a ${to.protocol} URL` };
  if (to.hostname.toLowerCase() !== from.hostname.toLowerCase()) return { ok: false, why: `to another host (${to.host})` };
  if (from.protocol === 'https:' && to.protocol === 'http:') return { ok: false, why: 'from https to http' };
  if (from.protocol === to.protocol && from.port !== to.port) return { ok: false, why: `to another port (${to.host})` };
  if (from.protocol === 'http:' && to.protocol === 'https:' && to.port !== '') return { ok: false, why: `to another port (${to.host})` };
  return { ok: true };
}

export async function send(request: OutgoingRequest, options: SendOptions): Promise<ProbeResponse> {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const redirects: string[] = [];
  let url = new URL(request.url);
  for (;;) {
    const response = await exchange(url, request, options);
    const location = response.headers.location;
    if (!REDIRECT.has(response.status) || !location) return { ...response, url: url.toString(), redirects };
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new ProbeNetworkError('redirect', `${response.status} redirect with an unusable Location header from ${redactUrl(url.toString())}`);
    }
    const where = `${response.status} → ${redactUrl(next.toString())}`;
    const allowed = redirectAllowed(url, next);
    if (!allowed.ok)
      throw new ProbeNetworkError(
        'redirect',
        `${request.method} ${redactUrl(url.toString())} was redirected (${where}) ${allowed.why}: not followed. Probe that URL directly if it is the one you mean.`,
      );
    if (response.status !== 307 && response.status !== 308)
      throw new ProbeNetworkError(
        'redirect',
        `${request.method} ${redactUrl(url.toString())} was redirected (${where}); clients repeat a ${response.status} as GET, so the write would not arrive. Probe the target URL directly.`,
      );
    if (redirects.length >= maxRedirects)
      throw new ProbeNetworkError('redirect', `more than ${maxRedirects} redirects from ${redactUrl(request.url)} (last ${where})`);
    redirects.push(where);
    url = next;
  }
}

function exchange(url: URL, request: OutgoingRequest, options: SendOptions): Promise<Omit<ProbeResponse, 'url' | 'redirects'>> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of request.headers) {
      const prev = headers[name];
      headers[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [String(prev)]), value];
    }
    const body = Buffer.from(request.body, 'utf8');
    if (body.length || request.method !== 'DELETE') headers['Content-Length'] = String(body.length);
    const common = { method: request.method, headers, agent: false as const };
    const req =
      url.protocol === 'https:'
        ? https.request(url, { ...common, rejectUnauthorized: true, ...(options.ca ? { ca: options.ca } : {}) })
        : http.request(url, common);
    let settled = false;
    const fail = (e: ProbeNetworkError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      reject(e);
    };
    const deadline = setTimeout(
      () => fail(new ProbeNetworkError('timeout', `${request.method} ${redactUrl(url.toString())}: no complete answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('error', (e: NodeJS.ErrnoException) => fail(classify(e, request.method, url)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > MAX_BODY_BYTES) {
          chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
          size = MAX_BODY_BYTES;
          truncated = true;
          res.destroy(); // enough to judge; do not download an unbounded body
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', (e: NodeJS.ErrnoException) => fail(classify(e, request.method, url)));
      res.on('end', finish);
      function finish() {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
      }
    });
    req.end(body);
  });
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)/;

function classify(e: NodeJS.ErrnoException, method: string, url: URL): ProbeNetworkError {
  const target = `${method} ${redactUrl(url.toString())}`;
  const code = e.code ?? '';
  if (TLS_CODES.test(code))
    return new ProbeNetworkError(
      'tls',
      `${target}: TLS certificate not trusted (${code}: ${e.message}). The probe always verifies TLS; for a private CA pass --ca <pem file>.`,
    );
  return new ProbeNetworkError('network', `${target}: ${code ? `${code}: ` : ''}${e.message}`);
}
