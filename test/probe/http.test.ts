// The probe's HTTP rules against local servers on 127.0.0.1: deadline, redirects (same host only, 307/308 only),
// TLS always verified.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MAX_BODY_BYTES, ProbeNetworkError, redirectAllowed, send, type OutgoingRequest } from '../../lib/probe/http';

const CERT = readFileSync(join(__dirname, 'fixtures', 'localhost-cert.pem'));
const KEY = readFileSync(join(__dirname, 'fixtures', 'localhost-key.pem'));

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
interface Server {
  url: string;
  port: number;
  seen: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}
const servers: Server[] = [];

async function serve(handler: Handler, tls = false): Promise<Server> {
  const seen: Server['seen'] = [];
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      handler(req, res, body);
    });
  };
  const server = tls ? https.createServer({ cert: CERT, key: KEY }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const s: Server = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const write = (url: string): OutgoingRequest => ({ method: 'POST', url, headers: [['Content-Type', 'application/json']], body: '{"nonce":"n1"}' });
async function failure(p: Promise<unknown>): Promise<ProbeNetworkError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProbeNetworkError);
    return e as ProbeNetworkError;
  }
  throw new Error('expected the request to fail');
}

describe('deadline', () => {
  test('a server that never answers: timeout error, not a hang', async () => {
    const s = await serve(() => undefined);
    const e = await failure(send(write(`${s.url}/hooks`), { timeoutMs: 150 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe(`POST ${s.url}/hooks: no complete answer within 150 ms`);
  });
  test('the deadline covers the body: headers sent, body stalled → timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    expect((await failure(send(write(`${s.url}/hooks`), { timeoutMs: 150 }))).kind).toBe('timeout');
  });
  test('connection refused is a network error naming the target', async () => {
    const s = await serve(() => undefined);
    await s.close();
    servers.length = 0;
    const e = await failure(send(write(`${s.url}/hooks`), { timeoutMs: 2000 }));
    expect(e.kind).toBe('network');
    expect(e.message).toContain('ECONNREFUSED');
  });
  test('a huge body is cut at MAX_BODY_BYTES and marked truncated', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(MAX_BODY_BYTES + 4096, 'x'));
    });
    const r = await send(write(`${s.url}/big`), { timeoutMs: 5000 });
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(MAX_BODY_BYTES);
  });
});

describe('redirects', () => {
  test('307 and 308 to the same host are followed with the same method and body', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(307, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(308, { location: `http://127.0.0.1:${req.socket.localPort ?? 0}/c` }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const r = await send(write(`${s.url}/a`), { timeoutMs: 2000 });
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${s.url}/c`);
    expect(r.redirects).toEqual([`307 → ${s.url}/b`, `308 → ${s.url}/c`]);
    expect(s.seen).toEqual([
      { method: 'POST', url: '/a', body: '{"nonce":"n1"}' },
      { method: 'POST', url: '/b', body: '{"nonce":"n1"}' },
      { method: 'POST', url: '/c', body: '{"nonce":"n1"}' },
    ]);
  });
  test('another host is never contacted', async () => {
    const other = await serve((_q, res) => res.writeHead(200).end());
    const s = await serve((_q, res) => res.writeHead(307, { location: `http://localhost:${other.port}/steal` }).end());
    const e = await failure(send(write(`${s.url}/a`), { timeoutMs: 2000 }));
    expect(e.kind).toBe('redirect');
    expect(e.message).toContain(`to another host (localhost:${other.port}): not followed`);
    expect(other.seen).toEqual([]);
  });
  test('another port on the same host is another service: not followed', async () => {
    const other = await serve((_q, res) => res.writeHead(200).end());
    const s = await serve((_q, res) => res.writeHead(308, { location: `${other.url}/x` }).end());
    expect((await failure(send(write(`${s.url}/a`), { timeoutMs: 2000 }))).message).toContain('to another port');
    expect(other.seen).toEqual([]);
  });
  test.each([301, 302, 303])('%i (clients repeat it as GET) is not followed', async (status) => {
    const s = await serve((req, res) => (req.url === '/a' ? res.writeHead(status, { location: '/b' }).end() : res.writeHead(200).end()));
    const e = await failure(send(write(`${s.url}/a`), { timeoutMs: 2000 }));
    expect(e.message).toContain(`clients repeat a ${status} as GET`);
    expect(s.seen.map((x) => x.url)).toEqual(['/a']);
  });
  test('more than 3 redirects: stop', async () => {
    let n = 0;
    const s = await serve((_q, res) => res.writeHead(307, { location: `/r${++n}` }).end());
    expect((await failure(send(write(`${s.url}/a`), { timeoutMs: 2000 }))).message).toMatch(/^more than 3 redirects/);
    expect(s.seen).toHaveLength(4);
  });
  test('the rule itself: upgrade to https on the same name is fine, a downgrade is not', () => {
    const u = (s: string) => new URL(s);
    expect(redirectAllowed(u('http://api.example.com/a'), u('https://api.example.com/a'))).toEqual({ ok: true });
    expect(redirectAllowed(u('https://api.example.com/a'), u('http://api.example.com/a'))).toEqual({ ok: false, why: 'from https to http' });
    expect(redirectAllowed(u('https://api.example.com/a'), u('https://API.example.com/b'))).toEqual({ ok: true });
    expect(redirectAllowed(u('https://api.example.com/a'), u('https://evil.example.com/a'))).toEqual({ ok: false, why: 'to another host (evil.example.com)' });
    expect(redirectAllowed(u('https://api.example.com/a'), u('javascript:alert(1)'))).toMatchObject({ ok: false });
  });
});

describe('TLS is always verified', () => {
  test('a self-signed certificate is refused, with a hint at --ca', async () => {
    const s = await serve((_q, res) => res.writeHead(200).end('{}'), true);
    const e = await failure(send(write(`${s.url}/hooks`), { timeoutMs: 2000 }));
    expect(e.kind).toBe('tls');
    expect(e.message).toContain('--ca');
    expect(s.seen).toEqual([]);
  });
  test('NODE_TLS_REJECT_UNAUTHORIZED=0 does not switch verification off', async () => {
    const s = await serve((_q, res) => res.writeHead(200).end('{}'), true);
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect((await failure(send(write(`${s.url}/hooks`), { timeoutMs: 2000 }))).kind).toBe('tls');
    } finally {
      warn.mockRestore();
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  });
  test('with the issuing certificate given as --ca, the same server is trusted', async () => {
    const s = await serve((_q, res) => res.writeHead(200, { 'cache-control': 'no-store' }).end('{}'), true);
    const r = await send(write(`${s.url}/hooks`), { timeoutMs: 2000, ca: CERT });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
  });
  test('https → http redirect on the same host is refused', async () => {
    const plain = await serve((_q, res) => res.writeHead(200).end());
    const s = await serve((_q, res) => res.writeHead(307, { location: `http://127.0.0.1:${plain.port}/x` }).end(), true);
    expect((await failure(send(write(`${s.url}/a`), { timeoutMs: 2000, ca: CERT }))).message).toContain('from https to http');
    expect(plain.seen).toEqual([]);
  });
});
