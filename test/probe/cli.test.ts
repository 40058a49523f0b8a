// `cachelint probe` end to end with the network replaced by a scripted sender: usage rules, dry run, every output
// format (SARIF validated against the schema), exit codes, config severities, redaction in every format.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main, type Io } from '../../lib/cli/main';
import { ProbeNetworkError, type OutgoingRequest, type ProbeResponse } from '../../lib/probe/http';
import { runProbe, type Sender } from '../../lib/probe/cli';
import { DEFAULT_COUNT, DEFAULT_TIMEOUT_MS, MAX_COUNT } from '../../lib/probe/plan';
import { LIVE_RULES } from '../../rules';

const URL_ = 'https://api.example.com/webhooks/stripe';
const SECRET = 'sk_live_51SECRETVALUE';

interface Answer {
  status?: number;
  headers?: IncomingHttpHeaders;
  body?: string | ((req: OutgoingRequest) => string);
}

/** A sender that answers the nth request with answers[n] and records what it was asked to send. */
function scripted(...answers: (Answer | Error)[]) {
  const sent: OutgoingRequest[] = [];
  const sender: Sender = async (req) => {
    const a = answers[sent.length] ?? answers[answers.length - 1];
    sent.push(req);
    if (a instanceof Error) throw a;
    const body = typeof a.body === 'function' ? a.body(req) : (a.body ?? '{"ok":true}');
    return {
      status: a.status ?? 200,
      headers: a.headers ?? {},
      body: Buffer.from(body),
      truncated: false,
      url: req.url,
      redirects: [],
    } satisfies ProbeResponse;
  };
  return { sender, sent };
}

async function probe(args: string[], sender: Sender = scripted({}).sender, cwd = mkdtempSync(join(tmpdir(), 'probe-cli-'))) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, cwd };
  const code = await runProbe(args, io, sender);
  return { code, stdout, stderr, json: () => JSON.parse(stdout), cwd };
}

const echoNonce = (req: OutgoingRequest) => JSON.stringify({ id: Math.random(), nonce: JSON.parse(req.body).nonce });
const NO_STORE = { 'cache-control': 'no-store' };
const GHOST = [
  { headers: { 'x-cache-status': 'MISS', server: 'nginx' }, body: '{"id":1}' },
  { headers: { 'x-cache-status': 'HIT', server: 'nginx' }, body: '{"id":1}' },
];

describe('safe by default', () => {
  test('nothing is sent without the URL and the method', async () => {
    const { sender, sent } = scripted({});
    expect((await probe([], sender)).code).toBe(2);
    const noMethod = await probe([URL_], sender);
    expect(noMethod.code).toBe(2);
    expect(noMethod.stderr).toContain('--method is required (a probe sends real writes');
    expect(sent).toEqual([]);
  });
  test.each([
    [['--method', 'GET'], /--method must be one of POST, PUT, PATCH, DELETE/],
    [['--method', 'POST', '--count', '50'], /--count must be a whole number from 1 to 10/],
    [['--method', 'POST', '--count', 'two'], /--count must be a whole number/],
    [['--method', 'POST', '--timeout', '1e9'], /--timeout must be a whole number/],
    [['--method', 'POST', '--format', 'xml'], /unknown --format "xml"/],
    [['--method', 'POST', '--expect-echo', 'a..b'], /cannot read path/],
    [['--method', 'POST', '--ca', 'missing.pem'], /ENOENT/],
    [['--method', 'POST', '--fail-on', 'fatal'], /--fail-on must be error, warning or info/],
    [['--method', 'POST', '--bogus'], /^cachelint probe: unknown option '--bogus' \(see cachelint probe --help\)\n$/],
  ])('usage error, exit 2, nothing sent: %j', async (args, message) => {
    const { sender, sent } = scripted({});
    const r = await probe([URL_, ...args], sender);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(sent).toEqual([]);
  });
  test('--dry-run prints the plan, redacted, and sends nothing', async () => {
    const { sender, sent } = scripted({});
    const r = await probe([URL_, '-X', 'POST', '-H', `Authorization: Bearer ${SECRET}`, '--dry-run'], sender);
    expect(r.code).toBe(0);
    expect(sent).toEqual([]);
    expect(r.stdout).toMatch(
      /^cachelint probe plan \(dry run: nothing sent\)\n {2}2 × POST https:\/\/api\.example\.com\/webhooks\/stripe, deadline 10000 ms each, marked X-Cachelint-Probe: [0-9a-f]{12}\n/,
    );
    expect(r.stdout).toContain('Authorization: Bearer [redacted]');
    expect(r.stdout).not.toContain(SECRET);
    const json = await probe([URL_, '-X', 'PATCH', '--count', '3', '--dry-run', '-f', 'json'], sender);
    expect(json.json()).toMatchObject({ dryRun: true, plan: { method: 'PATCH', count: 3, requests: [{ index: 1 }, { index: 2 }, { index: 3 }] } });
  });
  test('sends exactly --count requests, with the timeout passed on', async () => {
    const seen: number[] = [];
    const { sender, sent } = scripted({ headers: NO_STORE, body: echoNonce });
    const spy: Sender = (req, opts) => {
      seen.push(opts.timeoutMs);
      return sender(req, opts);
    };
    expect((await probe([URL_, '-X', 'POST', '--count', '3', '--timeout', '2500'], spy)).code).toBe(0);
    expect(sent).toHaveLength(3);
    expect(seen).toEqual([2500, 2500, 2500]);
  });
  test('the main CLI dispatches `cachelint probe`', async () => {
    let out = '';
    const code = await main(['probe', URL_, '--method', 'POST', '--dry-run'], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      isTTY: false,
      env: {},
      cwd: tmpdir(),
    });
    expect(code).toBe(0);
    expect(out).toContain('dry run: nothing sent');
  });
});

describe('judging and exit codes', () => {
  test('ghost 200: CL101 error, exit 1, json contract with the URL as file', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted(...GHOST).sender);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.files).toEqual([{ file: URL_, status: 'scanned', format: 'probe' }]);
    expect(out.summary).toMatchObject({ findings: { error: 1 } });
    expect(out.findings).toEqual([
      expect.objectContaining({
        ruleId: 'CL101',
        ruleName: 'ghost-200-observed',
        severity: 'error',
        platform: 'live',
        resource: 'api.example.com',
        route: 'POST /webhooks/stripe',
        findingId: '/webhooks/stripe/POST',
        file: URL_,
        line: 1,
        column: 1,
        docsUrl: expect.stringMatching(/docs\/rules\/CL101\.md$/),
      }),
    ]);
  });
  test('only identical answers (no hit header): CL101 at warning, exit 0 by default, with the hint to confirm', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted({ headers: NO_STORE, body: '{"received":true}' }).sender);
    expect(r.code).toBe(0);
    const [f] = r.json().findings;
    expect(f).toMatchObject({ ruleId: 'CL101', severity: 'warning' });
    expect(f.message).toContain('confirm with --expect-echo');
  });
  test('clean: no-store and each answer echoes its own nonce → no findings, exit 0', async () => {
    const r = await probe([URL_, '-X', 'POST', '--expect-echo', 'nonce', '-f', 'json'], scripted({ headers: NO_STORE, body: echoNonce }).sender);
    expect(r.json()).toMatchObject({ findings: [], errors: [] });
    expect(r.code).toBe(0);
  });
  test('one root cause, one finding: a ghost without no-store is CL101 alone; cache headers without no-store are CL103 alone', async () => {
    const ghost = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted(...GHOST).sender);
    expect(ghost.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL101']);
    expect(ghost.json().findings[0].message).toContain('The answers also lack Cache-Control: no-store');
    const headers = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted({ headers: { 'cache-control': 'public, max-age=300' }, body: echoNonce }).sender);
    expect(headers.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL103']);
    expect(headers.json().findings[0].message).toContain('Cache-Control: public, max-age=300');
    expect(headers.code).toBe(0);
    expect(
      (await probe([URL_, '-X', 'POST', '-f', 'json', '--fail-on', 'warning'], scripted({ headers: { 'cache-control': 'max-age=5' }, body: echoNonce }).sender))
        .code,
    ).toBe(1);
  });
  test('config: rule severities and off apply to CL101–CL103; failOn from the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-cfg-'));
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'rules:\n  CL101: warning\n  CL102: "off"\nfailOn: warning\n');
    const ghost = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted(...GHOST).sender, dir);
    expect(ghost.json().findings[0]).toMatchObject({ ruleId: 'CL101', severity: 'warning' });
    expect(ghost.code).toBe(1); // failOn: warning
    const plain = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted({ body: echoNonce }).sender, dir);
    expect(plain.json().findings).toEqual([]);
    expect(plain.code).toBe(0);
  });
  test('a network error is an input error (exit 2), the remaining writes are not sent, secrets are scrubbed', async () => {
    const { sender, sent } = scripted(new ProbeNetworkError('timeout', `POST ${URL_}: no complete answer within 100 ms (token ${SECRET})`));
    const r = await probe([URL_, '-X', 'POST', '-H', `X-Api-Key: ${SECRET}`, '-f', 'json'], sender);
    expect(r.code).toBe(2);
    expect(sent).toHaveLength(1);
    expect(r.json().errors).toEqual([
      { file: URL_, code: 'timeout', message: `write 1 of 2: POST ${URL_}: no complete answer within 100 ms (token [redacted])` },
    ]);
    expect(r.json().files).toEqual([{ file: URL_, status: 'error', format: 'probe', reason: 'timeout' }]);
  });
  test('a wrong --expect-echo path is exit 2 with the reason', async () => {
    const r = await probe([URL_, '-X', 'POST', '--expect-echo', 'data.nonce', '-f', 'json'], scripted({ headers: NO_STORE, body: echoNonce }).sender);
    expect(r.code).toBe(2);
    expect(r.json().errors[0]).toMatchObject({ code: 'probe', message: expect.stringContaining('has no value at that path') });
  });
  test('every write answered 401: inconclusive, exit 2, with the reason and what to change', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted({ status: 401, body: '{"error":"unauthorized"}' }).sender);
    expect(r.code).toBe(2);
    expect(r.json().findings).toEqual([]);
    expect(r.json().errors).toEqual([
      {
        file: URL_,
        code: 'inconclusive',
        message: expect.stringMatching(
          /^no write was answered 2xx \(401, 401\), so whether a cache answers writes could not be observed\. 401: .*pass credentials with --header\.$/,
        ),
      },
    ]);
    expect(r.json().files).toEqual([{ file: URL_, status: 'error', format: 'probe', reason: 'inconclusive' }]);
  });
});

describe('a probe that observed nothing is inconclusive (exit 2), never a pass', () => {
  const FAILING = { status: 500, body: '<html>500 Internal Server Error</html>', headers: { server: 'nginx' } };
  const REASON = 'no write was answered 2xx (500, 500), so whether a cache answers writes could not be observed';

  test.each([
    ['stylish', (out: string) => expect(out).toMatch(/input error inconclusive: no write was answered 2xx \(500, 500\)/)],
    [
      'json',
      (out: string) => expect(JSON.parse(out).errors).toEqual([expect.objectContaining({ code: 'inconclusive', message: expect.stringContaining(REASON) })]),
    ],
    [
      'sarif',
      (out: string) => {
        const inv = JSON.parse(out).runs[0].invocations[0];
        expect(inv.executionSuccessful).toBe(false);
        expect(JSON.stringify(inv.toolExecutionNotifications)).toContain(REASON);
      },
    ],
    ['junit', (out: string) => expect(out).toMatch(/<error [^>]*message="[^"]*no write was answered 2xx \(500, 500\)/)],
    [
      'github',
      (out: string) => expect(out).toMatch(/^::error file=https%3A\/\/api\.example\.com\/webhooks\/stripe[^:]*::.*no write was answered 2xx \(500, 500\)/m),
    ],
  ])('every write answered 500 → %s reports it, exit 2', async (format, check) => {
    const r = await probe([URL_, '-X', 'POST', '-f', format], scripted(FAILING).sender);
    expect(r.code).toBe(2);
    check(r.stdout);
    expect(r.stdout).not.toMatch(/✔/);
    expect(r.stdout).toContain('500: the endpoint failed; probe one that accepts the write');
  });

  test('--output-file: the file has the error, the terminal says it too, exit 2', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json', '-o', 'probe.json'], scripted(FAILING).sender);
    expect(r.code).toBe(2);
    expect(JSON.parse(readFileSync(join(r.cwd, 'probe.json'), 'utf8')).errors[0].code).toBe('inconclusive');
    expect(r.stdout).toContain(REASON);
  });

  test('one write answered 2xx: judged as usual (not inconclusive)', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json'], scripted(FAILING, { headers: NO_STORE }).sender);
    expect(r.json()).toMatchObject({ errors: [], findings: [] });
    expect(r.code).toBe(0);
  });

  test('no 2xx, but a cache said HIT: the cache was observed, CL101 stands (exit 1, no inconclusive error)', async () => {
    const r = await probe(
      [URL_, '-X', 'POST', '-f', 'json'],
      scripted({ ...FAILING, headers: { 'x-cache-status': 'MISS' } }, { ...FAILING, headers: { 'x-cache-status': 'HIT' } }).sender,
    );
    expect(r.json().errors).toEqual([]);
    expect(r.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['CL101']);
    expect(r.json().files[0].reason).toMatch(/^no write was answered 2xx \(500, 500\): only cache-status headers were judged/);
    expect(r.code).toBe(1);
  });

  test('--count 1 answered 503: inconclusive too', async () => {
    const r = await probe([URL_, '-X', 'POST', '--count', '1', '-f', 'json'], scripted({ status: 503 }).sender);
    expect(r.code).toBe(2);
    expect(r.json().errors[0].message).toContain('(503)');
  });
});

describe('every format prints the evidence and never a credential', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'report', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const args = (format: string) => [
    `${URL_}?api_key=${SECRET}`,
    '-X',
    'POST',
    '-H',
    `Authorization: Bearer ${SECRET}`,
    '-H',
    `Cookie: sid=${SECRET}`,
    '-f',
    format,
  ];

  test.each(['stylish', 'json', 'sarif', 'junit', 'github'])('%s', async (format) => {
    const r = await probe(args(format), scripted(...GHOST).sender);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout).toContain('X-Cache-Status: HIT');
    expect(r.stdout).toContain('Authorization: Bearer [redacted]');
    expect(r.stdout).toContain('CL101');
  });
  test('SARIF: valid 2.1.0, the URL is the artifact (not a repository path), CL101–CL103 are in the driver', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'sarif'], scripted(...GHOST).sender);
    const log = r.json();
    if (!validate(log)) throw new Error(JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: URL_ });
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(LIVE_RULES.map((x) => x.id)));
  });
  test('github: an annotation for the URL', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'github'], scripted(...GHOST).sender);
    expect(r.stdout).toMatch(/^::error file=https%3A\/\/api\.example\.com\/webhooks\/stripe,line=1,col=1,title=CL101 ghost-200-observed::/m);
  });
  test('--output-file writes the report and the terminal gets stylish', async () => {
    const r = await probe([URL_, '-X', 'POST', '-f', 'json', '-o', 'probe.json'], scripted(...GHOST).sender);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(r.cwd, 'probe.json'), 'utf8')).findings[0].ruleId).toBe('CL101');
    expect(r.stdout).toMatch(/error CL101 ghost-200-observed/);
  });
});

describe('the README says what the defaults are', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Live probe'), readme.indexOf('\n## ', readme.indexOf('## Live probe') + 1));

  test("--dry-run is opt-in (a run without it sends), and the limits are the code's", async () => {
    expect(section).not.toMatch(/Safe by default \(`--dry-run`/);
    expect(section).toMatch(/add `--dry-run` to print the plan and send nothing/);
    expect(section).toContain(`at most ${DEFAULT_COUNT} requests (\`--count\`, ${MAX_COUNT}\nat most), a ${DEFAULT_TIMEOUT_MS / 1000} s deadline each`);
    // And indeed: without --dry-run the writes go out.
    const { sender, sent } = scripted({ headers: NO_STORE });
    await probe([URL_, '-X', 'POST'], sender);
    expect(sent).toHaveLength(DEFAULT_COUNT);
  });
  test('an inconclusive run is described as exit 2', () => {
    expect(section).toMatch(/no write was answered `2xx` observed\nnothing about the cache: it is inconclusive \(exit 2/);
  });
});
