// A real nginx in front of a small node upstream, for the probe's integration tests. nginx runs in the foreground
// (daemon off) as our child, with its own prefix, config, pid file and logs in a temp folder, on a free 127.0.0.1
// port; stop() always ends both, and a process exit hook kills nginx if a test run dies half-way.
//
// Upstream: every answer carries a fresh nonce and echoes the body it received (`echo` = the parsed JSON body).
// Paths containing `/no-store` get `Cache-Control: no-store`, paths containing `/max-age` get `max-age=60`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** nginx on PATH or in the sbin folders (which a non-root PATH often lacks). */
export function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    const r = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return candidate;
  }
  return undefined;
}

export interface Upstream {
  port: number;
  /** Requests the upstream answered (health checks excluded). */
  hits: number;
  /** What it received, in order (health checks excluded). */
  received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const state = { hits: 0 };
  const received: Upstream['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/health') {
        res.writeHead(204);
        res.end();
        return;
      }
      state.hits++;
      const body = Buffer.concat(chunks).toString();
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      let echo: unknown;
      try {
        echo = JSON.parse(body);
      } catch {
        echo = null;
      }
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
      if (req.url?.includes('/no-store')) headers['cache-control'] = 'no-store';
      if (req.url?.includes('/max-age')) headers['cache-control'] = 'max-age=60';
      res.writeHead(200, headers);
      res.end(
        JSON.stringify({
          upstreamHit: state.hits,
          nonce: randomBytes(4).toString('hex'),
          method: req.method,
          url: req.url,
          marker: req.headers['x-cachelint-probe'] ?? null,
          echo,
        }) + '\n',
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    get hits() {
      return state.hits;
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface NginxInstance {
  port: number;
  upstream: Upstream;
  prefix: string;
  url(path: string): string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** `locations` is the body of the server block; `UPSTREAM` in it is replaced by 127.0.0.1:<upstream port> and
 *  `PORT` by nginx's own port. */
export async function startNginx(nginx: string, locations: string): Promise<NginxInstance> {
  const upstream = await startUpstream();
  const prefix = mkdtempSync(join(tmpdir(), 'cachelint-nginx-'));
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    const c = child;
    child = undefined;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM'); // fast shutdown of master and workers
      const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await upstream.close();
    rmSync(prefix, { recursive: true, force: true });
  };

  try {
    // Workers run as an unprivileged user when the master is root: they must reach the folder
    // and write the cache and temp dirs.
    chmodSync(prefix, 0o755);
    for (const d of ['tmp', 'cache']) {
      mkdirSync(join(prefix, d));
      chmodSync(join(prefix, d), 0o777);
    }
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const conf = [
        'worker_processes 1;',
        'daemon off;',
        `pid ${prefix}/nginx.pid;`,
        `error_log ${prefix}/error.log notice;`,
        'events { worker_connections 64; }',
        'http {',
        `  access_log ${prefix}/access.log;`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/tmp/${t};`),
        `  proxy_cache_path ${prefix}/cache keys_zone=api:1m max_size=10m;`,
        '  server {',
        `    listen 127.0.0.1:${port};`,
        `    location = /health { proxy_pass http://127.0.0.1:${upstream.port}; }`,
        locations.replace(/UPSTREAM/g, `127.0.0.1:${upstream.port}`).replace(/\bPORT\b/g, String(port)),
        '  }',
        '}',
      ].join('\n');
      writeFileSync(join(prefix, 'nginx.conf'), conf);
      const started = spawn(nginx, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = started;
      let stderr = '';
      started.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      const ready = await waitReady(port, started);
      if (ready) {
        const instance: NginxInstance = {
          port,
          upstream,
          prefix,
          url: (path) => `http://127.0.0.1:${port}${path}`,
          errorLog: () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''),
          stop,
        };
        return instance;
      }
      const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
      child = undefined;
      if (started.exitCode === null) started.kill('SIGKILL');
      // Another process took the port between freePort() and nginx's bind: try a new one.
      if (attempt < 3 && /Address already in use/.test(log + stderr)) continue;
      throw new Error(`nginx did not start:\n${stderr}\n${log}`);
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitReady(port: number, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      req.setTimeout(500, () => req.destroy());
    });
    if (status === 204) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
