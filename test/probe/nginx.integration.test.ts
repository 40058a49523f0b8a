// `cachelint probe` against a real nginx (Debian nginx-light, installed by .ci/run) in front of a node upstream that
// answers with a fresh nonce and echoes the body. Each test uses its own path, so nginx's cache (keyed by URI) never
// carries an answer from one test into another.
import { runProbe } from '../../lib/probe/cli';
import type { Io } from '../../lib/cli/main';
import { findNginx, startNginx, type NginxInstance } from './nginx-harness';

const NGINX = findNginx();
if (!NGINX) {
  // Loud on purpose: a green run without these tests must not look like a green run with them.
  console.warn(
    '\n*** SKIPPING the cachelint probe nginx integration tests: `nginx` is not installed. ***\n' +
      '*** Install it with: apt-get install -y --no-install-recommends nginx-light (.ci/run does this) ***\n',
  );
}
const describeWithNginx = NGINX ? describe : describe.skip;

const LOCATIONS = `
    # The ghost-200 configuration: POST cached under the default key ($scheme$proxy_host$request_uri, no body).
    location /cached/ {
      proxy_pass http://UPSTREAM;
      proxy_cache api;
      proxy_cache_methods GET HEAD POST;
      proxy_cache_valid 200 1m;
      add_header X-Cache-Status $upstream_cache_status always;
    }
    # A cache that keys on the body: writes are stored (MISS) but a different body never hits.
    location /body-keyed/ {
      proxy_pass http://UPSTREAM;
      proxy_cache api;
      proxy_cache_methods GET HEAD POST;
      proxy_cache_key "$request_uri|$request_body";
      proxy_cache_valid 200 1m;
      add_header X-Cache-Status $upstream_cache_status always;
    }
    # A cache for reads only (nginx's default proxy_cache_methods GET HEAD).
    location /reads-cached/ {
      proxy_pass http://UPSTREAM;
      proxy_cache api;
      proxy_cache_valid 200 1m;
      add_header X-Cache-Status $upstream_cache_status always;
    }
    # No cache at all.
    location /direct/ {
      proxy_pass http://UPSTREAM;
    }
    location /moved/ { return 307 /direct/no-store/after-redirect; }
    location /elsewhere/ { return 307 http://localhost:PORT/direct/no-store/x; }
    location /see-other/ { return 303 /direct/no-store/x; }
    # The write path fails: every write is answered 500.
    location /broken/ { return 500 '{"error":"boom"}'; }
    # A cache in front of an upstream that is down (nothing listens on port 1): nginx answers 502, MISS.
    location /cached-down/ {
      proxy_pass http://127.0.0.1:1;
      proxy_cache api;
      proxy_cache_methods GET HEAD POST;
      proxy_cache_valid 200 1m;
      add_header X-Cache-Status $upstream_cache_status always;
    }
`;

async function probe(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, cwd: __dirname };
  const code = await runProbe(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describeWithNginx('cachelint probe against nginx', () => {
  let nginx: NginxInstance;
  beforeAll(async () => {
    nginx = await startNginx(NGINX!, LOCATIONS);
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  test('proxy_cache_methods POST: CL101 with the nginx hit header as evidence, exit 1; the second write never reached the upstream', async () => {
    const before = nginx.upstream.hits;
    const r = await probe([nginx.url('/cached/webhook'), '--method', 'POST', '--format', 'json']);
    expect(r.code).toBe(1);
    const { findings, errors, files } = r.json();
    expect(errors).toEqual([]);
    expect(files).toEqual([{ file: nginx.url('/cached/webhook'), status: 'scanned', format: 'probe' }]);
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL101']);
    const f = findings[0];
    expect(f).toMatchObject({
      severity: 'error',
      platform: 'live',
      file: nginx.url('/cached/webhook'),
      line: 1,
      column: 1,
      route: 'POST /cached/webhook',
      findingId: '/cached/webhook/POST',
    });
    expect(f.message).toContain('X-Cache-Status: HIT');
    expect(f.message).toContain('Answered by nginx');
    expect(f.message).toMatch(/Hops: nginx \(Server: nginx\/[\d.]+/);
    expect(f.message).toContain('byte-identical');
    expect(f.remediation.summary).toContain('proxy_cache_methods');
    expect(nginx.upstream.hits - before).toBe(1);
  });

  test("--expect-echo names the stolen nonce: the second answer carries the first write's nonce", async () => {
    const r = await probe([nginx.url('/cached/echo'), '-X', 'POST', '--expect-echo', 'echo.nonce', '--format', 'json']);
    expect(r.code).toBe(1);
    const [f] = r.json().findings;
    expect(f.ruleId).toBe('CL101');
    expect(f.message).toMatch(/answer to write 2 carries write 1's nonce at echo\.nonce/);
  });

  test('the same cached location with the upstream sending no-store: clean, exit 0, both writes reached the upstream', async () => {
    const before = nginx.upstream.hits;
    const r = await probe([nginx.url('/cached/no-store/webhook'), '--method', 'POST', '--expect-echo', 'echo.nonce', '--format', 'json']);
    expect(r.json()).toMatchObject({ findings: [], errors: [] });
    expect(r.code).toBe(0);
    expect(nginx.upstream.hits - before).toBe(2);
  });

  test('no cache at all, upstream sends no-store: clean', async () => {
    const r = await probe([nginx.url('/direct/no-store/webhook'), '--method', 'POST', '--format', 'json']);
    expect(r.json()).toMatchObject({ findings: [], errors: [] });
    expect(r.code).toBe(0);
  });

  test('no cache, answer without no-store: CL102 (warning: exit 0 by default, 1 with --fail-on warning)', async () => {
    const r = await probe([nginx.url('/direct/plain'), '--method', 'POST', '--format', 'json']);
    expect(r.code).toBe(0);
    const { findings } = r.json();
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL102']);
    expect(findings[0].message).toContain('2 of 2 write answer(s) arrived without Cache-Control: no-store (no Cache-Control header)');
    const strict = await probe([nginx.url('/direct/plain2'), '--method', 'POST', '--format', 'json', '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
  });

  test('a cache for reads only (POST not in proxy_cache_methods) is not a ghost 200: only CL102', async () => {
    const r = await probe([nginx.url('/reads-cached/webhook'), '--method', 'POST', '--format', 'json']);
    expect(r.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL102']);
  });

  test('a cache keyed on the body stores writes without a hit: CL103 with the MISS status as evidence', async () => {
    const r = await probe([nginx.url('/body-keyed/webhook'), '--method', 'POST', '--format', 'json']);
    expect(r.code).toBe(0);
    const { findings } = r.json();
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL103']);
    expect(findings[0].message).toContain('X-Cache-Status: MISS');
  });

  test('a same-host 307 is followed with the same method and body; another host and a 303 are not (exit 2)', async () => {
    const from = nginx.upstream.received.length;
    const same = await probe([nginx.url('/moved/x'), '--method', 'POST', '--format', 'json']);
    expect(same.json()).toMatchObject({ findings: [], errors: [] });
    expect(same.code).toBe(0);
    const followed = nginx.upstream.received.slice(from);
    expect(followed.map((g) => `${g.method} ${g.url}`)).toEqual(['POST /direct/no-store/after-redirect', 'POST /direct/no-store/after-redirect']);
    expect(JSON.parse(followed[0].body)).toMatchObject({ probe: 'cachelint' });

    const before = nginx.upstream.hits;
    const other = await probe([nginx.url('/elsewhere/x'), '--method', 'POST', '--format', 'json']);
    expect(other.code).toBe(2);
    expect(other.json().errors[0]).toMatchObject({ code: 'redirect' });
    expect(other.json().errors[0].message).toMatch(/to another host \(localhost:\d+\): not followed/);
    expect(nginx.upstream.hits).toBe(before);

    const seeOther = await probe([nginx.url('/see-other/x'), '--method', 'POST', '--format', 'json']);
    expect(seeOther.code).toBe(2);
    expect(seeOther.json().errors[0].message).toMatch(/clients repeat a 303 as GET/);
  });

  test('every write answered 500: inconclusive, exit 2 in every format, never "0 finding(s)" with a check mark', async () => {
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const r = await probe([nginx.url('/broken/webhook'), '--method', 'POST', '--format', format]);
      expect({ format, code: r.code }).toEqual({ format, code: 2 });
      expect(r.stdout).toContain('no write was answered 2xx (500, 500)');
      expect(r.stdout).not.toMatch(/✔/);
    }
    const { errors, findings } = (await probe([nginx.url('/broken/json'), '--method', 'POST', '--format', 'json'])).json();
    expect(findings).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ code: 'inconclusive', message: expect.stringContaining('500: the endpoint failed') })]);
  });

  test('a cache in front of an upstream that is down (502, MISS): still inconclusive, exit 2', async () => {
    const r = await probe([nginx.url('/cached-down/webhook'), '--method', 'POST', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.json().errors).toEqual([expect.objectContaining({ code: 'inconclusive', message: expect.stringContaining('(502, 502)') })]);
  });

  test('stylish output names the rule, the evidence and the fix; credentials never appear', async () => {
    const r = await probe([nginx.url('/cached/stylish'), '-X', 'POST', '-H', 'Authorization: Bearer sk_live_SECRET123', '-H', 'X-Api-Key: key-SECRET456']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cached\/stylish:1:1: error CL101 ghost-200-observed \[\/cached\/stylish\/POST\]$/m);
    expect(r.stdout).toContain('Authorization: Bearer [redacted]');
    expect(r.stdout).toContain('X-Api-Key: [redacted]');
    expect(r.stdout + r.stderr).not.toMatch(/SECRET/);
    expect(r.stdout).toMatch(/help: nginx: do not cache writes/);
  });

  test('every request is marked (probe User-Agent, one X-Cachelint-Probe run id) and the bodies differ only in the nonce', async () => {
    const from = nginx.upstream.received.length;
    const r = await probe([nginx.url('/direct/no-store/marker'), '-X', 'POST', '--format', 'json', '--expect-echo', 'echo.nonce']);
    expect(r.code).toBe(0);
    const got = nginx.upstream.received.slice(from);
    expect(got).toHaveLength(2);
    for (const g of got) {
      expect(g.headers['user-agent']).toMatch(/^cachelint-probe\/\d+\.\d+\.\d+/);
      expect(g.headers['x-cachelint-probe']).toMatch(/^[0-9a-f]{12}$/);
      expect(g.headers['content-type']).toBe('application/json');
    }
    expect(got[0].headers['x-cachelint-probe']).toBe(got[1].headers['x-cachelint-probe']);
    const [a, b] = got.map((g) => JSON.parse(g.body));
    expect(a.nonce).not.toBe(b.nonce);
    expect({ ...a, nonce: 'x' }).toEqual({ ...b, nonce: 'x' });
  });
});
