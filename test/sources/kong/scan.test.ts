// End to end through scan(): discovery, parse, detection by the registered Kong adapter, rules, config. Each rule has
// a bad fixture (exactly one finding, pinned by rule id, findingId and line) and a safe look-alike (no finding).
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { scan } from '../../../lib/engine';

const root = join(__dirname, '../../..');
const fixture = (name: string) => `test/fixtures/kong/rules/${name}`;
const run = (...paths: string[]) => scan(paths, { cwd: root });
const pinned = (r: ReturnType<typeof scan>) => r.findings.map((f) => [f.ruleId, f.findingId, f.line]);

describe('Kong rules end to end (bad fixture / safe look-alike)', () => {
  const cases: [string, string, string, number, string][] = [
    // rule, findingId, route text, line, what the line is
    ['CL001', 'create-order', 'POST /orders', 15, 'request_method of the service proxy-cache'],
    ['CL002', 'accounts', 'GET,POST /accounts', 11, 'name of the proxy-cache with default cache_control'],
    ['CL003', 'profiles', 'GET,PUT /profiles', 6, 'name of the route'],
    ['CL004', 'my-cart#identity', 'GET /cart', 10, 'name of the proxy-cache without auth (a caller path: warning)'],
    ['CL006', 'payments', 'GET,POST /payments', 15, 'request_method placeholder'],
    ['CL009', 'hook-status#route', 'GET /hooks/status', 11, 'enabled: false of the route instance'],
  ];

  it.each(cases)('%s bad: one finding on %s (%s) at line %i (%s)', (rule, findingId, route, line) => {
    const r = run(fixture(`${rule}.bad.yaml`));
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([expect.objectContaining({ status: 'scanned', format: 'kong' })]);
    expect(pinned(r)).toEqual([[rule, findingId, line]]);
    expect(r.findings[0]).toMatchObject({ platform: 'kong', route, file: fixture(`${rule}.bad.yaml`) });
  });

  it.each(cases.map((c) => c[0]))('%s safe look-alike: no finding', (rule) => {
    const r = run(fixture(`${rule}.safe.yaml`));
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([expect.objectContaining({ status: 'scanned', format: 'kong' })]);
    expect(r.findings).toEqual([]);
  });

  it('CL006 names the placeholder and the rule it blocks', () => {
    const [f] = run(fixture('CL006.bad.yaml')).findings;
    expect(f.message).toContain('${{ env "DECK_CACHE_METHODS" }}');
    expect(f.message).toContain('CL001');
  });

  it('CL001 remediation is a decK plugin snippet with GET/HEAD', () => {
    const [f] = run(fixture('CL001.bad.yaml')).findings;
    expect(f.remediation.snippet).toContain('request_method: [GET, HEAD]');
    expect(f.remediation.snippet).toContain('- name: proxy-cache');
  });
});

describe('examples/kong through scan()', () => {
  it('webhook-gateway.bad: CL001 on both webhooks at the request_method line, CL004 for the shared key on the GET route', () => {
    const r = run('examples/kong/webhook-gateway.bad.yaml');
    expect(r.errors).toEqual([]);
    // The POST-only webhooks get no CL004: their cached POSTs are CL001's root cause, and its fix ends them.
    expect(pinned(r).sort()).toEqual([
      ['CL001', 'github-webhook', 41],
      ['CL001', 'stripe-webhook', 41],
      ['CL004', 'status#identity', 41],
    ]);
  });

  it('webhook-gateway.fixed: scanned, no finding', () => {
    const r = run('examples/kong/webhook-gateway.fixed.yaml');
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([expect.objectContaining({ status: 'scanned', format: 'kong' })]);
    expect(r.findings).toEqual([]);
  });

  it('the folder: both files recognised as Kong by content', () => {
    const r = run('examples/kong');
    expect(r.files.map((f) => [f.file, f.status, f.format])).toEqual([
      ['examples/kong/webhook-gateway.bad.yaml', 'scanned', 'kong'],
      ['examples/kong/webhook-gateway.fixed.yaml', 'scanned', 'kong'],
    ]);
  });
});

describe('Kong specifics end to end', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cachelint-kong-'));
  const write = (name: string, lines: string[]) => {
    const file = join(tmp, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return scan([file], { cwd: tmp });
  };

  it('_format_version 1.1 and 2.1 fixtures: CL001 at the request_method line', () => {
    const r11 = run('test/fixtures/kong/format-1.1.yaml');
    expect(r11.errors).toEqual([]);
    expect(r11.findings.filter((f) => f.ruleId === 'CL001').map((f) => [f.findingId, f.line])).toEqual([['legacy-orders', 19]]);
    const r21 = run('test/fixtures/kong/format-2.1.yaml');
    expect(r21.errors).toEqual([]);
    expect(r21.findings.length).toBeGreaterThan(0);
  });

  it('a consumer-scoped cache that caches POST for one consumer: CL001 with an @consumer findingId', () => {
    const r = write('consumer.yaml', [
      '_format_version: "3.0"', //                    1
      'services:', //                                 2
      '  - name: api', //                             3
      '    url: http://api', //                       4
      '    routes:', //                               5
      '      - name: submit', //                      6
      '        methods: [GET, POST]', //              7
      '        paths: [/submit]', //                  8
      '    plugins:', //                              9
      '      - name: key-auth', //                    10
      '      - name: response-transformer', //        11
      '        config: { add: { headers: ["Cache-Control:no-store"] }, replace: { headers: ["Cache-Control:no-store"] } }',
      'consumers:', //                                13
      '  - username: alice', //                       14
      '    plugins:', //                              15
      '      - name: proxy-cache', //                 16
      '        config:', //                           17
      '          strategy: memory', //                18
      '          cache_control: true', //             19
      '          request_method: [POST]', //          20
    ]);
    expect(r.errors).toEqual([]);
    expect(pinned(r)).toEqual([['CL001', 'submit@consumer:alice', 20]]);
  });

  it('an unresolved foreign key is a located input error; the rest of the file is still judged', () => {
    const r = write('dangling.yaml', [
      '_format_version: "3.0"', //          1
      'services:', //                       2
      '  - name: api', //                   3
      '    url: http://api', //             4
      '    routes:', //                     5
      '      - name: writes', //            6
      '        methods: [POST]', //         7
      '        paths: [/w]', //             8
      'plugins:', //                        9
      '  - name: proxy-cache', //           10
      '    service: api', //                11
      '    config: { strategy: memory, request_method: [POST] }', // 12
      '  - name: proxy-cache', //           13
      '    route: no-such-route', //        14
      '    config: { strategy: memory }', //15
    ]);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'unresolved-reference', line: 14, column: 5 })]);
    expect(r.errors[0].message).toContain('no-such-route');
    expect(r.files[0].status).toBe('error');
    expect(pinned(r)).toEqual([['CL001', 'writes', 12]]); // the key (no auth plugin) is judged on reads only

  });

  it('an unknown _format_version is an unknown-format error at its line; the routes are still judged', () => {
    const r = write('v9.yaml', [
      '_format_version: "9.9"',
      'routes:',
      '  - name: all',
      '    paths: [/]',
      'plugins:',
      '  - name: proxy-cache',
      '    config: { strategy: memory, request_method: [GET, POST] }',
    ]);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'unknown-format', line: 1 })]);
    expect(r.findings.filter((f) => f.ruleId === 'CL001').map((f) => [f.findingId, f.route, f.line])).toEqual([['all', 'ANY /', 7]]);
  });

  it('empty YAML documents are skipped wherever they are; a non-Kong document is still an error', () => {
    const body = ['_format_version: "3.0"', 'routes:', '  - name: all', '    paths: [/]', '    methods: [POST]', 'plugins:', '  - name: proxy-cache', '    config: { strategy: memory, request_method: [POST] }'];
    const leading = write('leading-empty.yaml', ['---', '---', ...body]);
    expect(leading.errors).toEqual([]);
    expect(pinned(leading)).toEqual([['CL001', 'all', 10]]);
    const trailing = write('trailing-empty.yaml', [...body, '---', '---']);
    expect(trailing.errors).toEqual([]);
    expect(pinned(trailing)).toEqual([['CL001', 'all', 8]]);
    const other = write('other-doc.yaml', [...body, '---', 'kind: Deployment']);
    expect(other.errors).toEqual([expect.objectContaining({ code: 'unknown-format', line: 10 })]);
  });

  it('an expression route that cannot be read: CL006 at the expression', () => {
    const r = write('expr.yaml', [
      '_format_version: "3.0"',
      'routes:',
      '  - name: odd',
      '    expression: http.method in ["POST"] &&& http.path == "/x"',
      'plugins:',
      '  - name: proxy-cache',
      '    config: { strategy: memory, request_method: [GET, POST], cache_control: true }',
      '  - name: key-auth',
    ]);
    expect(r.errors).toEqual([]);
    expect(pinned(r)).toEqual([['CL006', 'odd', 4]]);
  });

  it('a third-party cache: CL006 on which methods it caches on an ANY route, only on its key on a GET-only route', () => {
    const r = write('third-party.yaml', [
      '_format_version: "3.0"', //         1
      'routes:', //                        2
      '  - name: any', //                  3
      '    paths: [/any]', //              4
      '  - name: read', //                 5
      '    methods: [GET]', //             6
      '    paths: [/read]', //             7
      'plugins:', //                       8
      '  - name: response-cache', //       9
      '  - name: response-transformer', // 10
      '    config: { add: { headers: ["Cache-Control:no-store"] }, replace: { headers: ["Cache-Control:no-store"] } }',
    ]);
    expect(r.errors).toEqual([]);
    expect(pinned(r)).toEqual([
      ['CL006', 'any', 9],
      ['CL006', 'read', 9],
    ]);
    const [any, read] = r.findings;
    expect(any.message).toContain('which methods it caches');
    expect(any.message).toContain('CL001');
    expect(read.message).toContain('separates callers');
    expect(read.message).toContain('CL004');
    expect(read.message).not.toContain('CL001');
  });

  it('docker-compose and Kubernetes files next to Kong files are skipped, not claimed', () => {
    write('docker-compose.yml', ['services:', '  kong:', '    image: kong:3.6']);
    const r = write('k8s.yaml', ['apiVersion: v1', 'kind: Service', 'metadata: { name: kong }', 'spec:', '  ports: [{ port: 80 }]']);
    expect(r.files.some((f) => f.status === 'scanned')).toBe(false);
    const all = scan([tmp], { cwd: tmp });
    const status = Object.fromEntries(all.files.map((f) => [f.file, f.status]));
    expect(status['docker-compose.yml']).toBe('skipped');
    expect(status['consumer.yaml']).toBe('scanned');
  });
});
