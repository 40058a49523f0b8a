// End to end through scan(): discovery, parse, detection by the registered Kong adapter, rules, config. Each rule has
// a bad fixture (exactly one finding of that rule, pinned by rule id, findingId and line, and the routes it affects;
// any other rule the fixture also trips is pinned too) and a safe look-alike (no finding).
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { scan } from '../../../lib/engine';

const root = join(__dirname, '../../..');
const fixture = (name: string) => `test/fixtures/kong/rules/${name}`;
const run = (...paths: string[]) => scan(paths, { cwd: root });
const pinned = (r: ReturnType<typeof scan>) => r.findings.map((f) => [f.ruleId, f.findingId, f.line]);

describe('Kong rules end to end (bad fixture / safe look-alike)', () => {
  // Plugin findings are keyed by the plugin instance (the setting that fixes them); route findings by the route.
  const cases: [string, string, string, string, number, string, (string | number)[][]][] = [
    // rule, findingId, route name, route text, line, what the line is, other findings the fixture trips
    // CL001.bad has no no-store on a route whose POSTs the cache stores: CL003 is reported beside CL001 (another fix).
    ['CL001', 'proxy-cache@service:orders', 'create-order', 'POST /orders', 15, 'request_method of the service proxy-cache', [['CL003', 'create-order', 6]]],
    ['CL002', 'proxy-cache@service:accounts', 'accounts', 'GET,POST /accounts', 11, 'name of the proxy-cache with default cache_control', []],
    ['CL003', 'profiles', 'profiles', 'GET,PUT /profiles', 6, 'name of the route', []],
    ['CL004', 'proxy-cache@service:catalog#identity', 'my-cart', 'GET /cart', 10, 'name of the proxy-cache without auth (a caller path: warning)', []],
    ['CL006', 'proxy-cache@service:payments', 'payments', 'GET,POST /payments', 15, 'request_method placeholder', []],
    ['CL009', 'proxy-cache@route:hook-status', 'hook-status', 'GET /hooks/status', 11, 'enabled: false of the route instance', []],
  ];

  it.each(cases)('%s bad: one finding of it, on %s (route %s: %s) at line %i (%s)', (rule, findingId, name, route, line, _what, others) => {
    const r = run(fixture(`${rule}.bad.yaml`));
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([expect.objectContaining({ status: 'scanned', format: 'kong' })]);
    expect(pinned(r).sort()).toEqual([[rule, findingId, line], ...others].sort());
    const f = r.findings.find((x) => x.ruleId === rule);
    expect(f).toMatchObject({ platform: 'kong', route, routes: [name], file: fixture(`${rule}.bad.yaml`) });
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
    const f = run(fixture('CL001.bad.yaml')).findings.find((x) => x.ruleId === 'CL001')!;
    expect(f.remediation.snippet).toContain('request_method: [GET, HEAD]');
    expect(f.remediation.snippet).toContain('- name: proxy-cache');
  });
});

describe('examples/kong through scan()', () => {
  it('webhook-gateway.bad: one CL001 on the global proxy-cache listing both webhooks, CL003 on each webhook, CL004 for the shared key on the GET route', () => {
    const r = run('examples/kong/webhook-gateway.bad.yaml');
    expect(r.errors).toEqual([]);
    // The POST-only webhooks get no CL004: their cached POSTs are CL001's root cause, and its fix ends them.
    expect(pinned(r).sort()).toEqual([
      ['CL001', 'proxy-cache@global', 41],
      ['CL003', 'github-webhook', 20],
      ['CL003', 'stripe-webhook', 14],
      ['CL004', 'proxy-cache@global#identity', 41],
    ]);
    const byRule = (id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => [f.severity, f.routes]);
    expect(byRule('CL001')).toEqual([['error', ['stripe-webhook', 'github-webhook']]]);
    // The global cache stores the webhooks' POSTs: the missing no-store is a warning on each route.
    expect(byRule('CL003')).toEqual([
      ['warning', ['stripe-webhook']],
      ['warning', ['github-webhook']],
    ]);
    // No auth plugin and /status does not read as a caller's own data: no evidence, info.
    expect(byRule('CL004')).toEqual([['info', ['status']]]);
    expect(r.findings.find((f) => f.ruleId === 'CL001')!.message).toContain('for 2 routes');
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
    expect(r11.findings.filter((f) => f.ruleId === 'CL001').map((f) => [f.findingId, f.routes, f.line])).toEqual([
      ['proxy-cache@service:legacy', ['legacy-orders'], 19],
    ]);
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
    expect(pinned(r)).toEqual([['CL001', 'proxy-cache@consumer:alice', 20]]);
    expect(r.findings[0].routes).toEqual(['submit']);
  });

  it('one global proxy-cache over many routes: ONE CL001 on the plugin whose routes are every route it caches POST on', () => {
    const r = write('global-many.yaml', [
      '_format_version: "3.0"', //                                             1
      'services:', //                                                          2
      '  - name: orders', //                                                   3
      '    url: http://orders', //                                             4
      '    routes:', //                                                        5
      '      - name: create-order', //                                         6
      '        methods: [POST]', //                                            7
      '        paths: [/orders]', //                                           8
      '      - name: cancel-order', //                                         9
      '        methods: [POST]', //                                            10
      '        paths: [/orders/cancel]', //                                    11
      '        plugins:', //                                                   12
      '          - name: proxy-cache', //                                      13
      '            config: { strategy: memory, request_method: [GET, HEAD] }', // 14
      '  - name: carts', //                                                    15
      '    url: http://carts', //                                              16
      '    routes:', //                                                        17
      '      - name: cart', //                                                 18
      '        methods: [GET, POST]', //                                       19
      '        paths: [/cart]', //                                             20
      '      - name: catalog', //                                              21
      '        methods: [GET]', //                                             22
      '        paths: [/catalog]', //                                          23
      '      - name: checkout', //                                             24
      '        methods: [POST]', //                                            25
      '        paths: [/checkout]', //                                         26
      'plugins:', //                                                           27
      '  - name: key-auth', //                                                 28
      '  - name: proxy-cache', //                                              29
      '    config:', //                                                        30
      '      strategy: memory', //                                             31
      '      request_method: [GET, HEAD, POST]', //                            32
    ]);
    expect(r.errors).toEqual([]);
    // The route-level instance on cancel-order shadows the global one there; catalog accepts no POST.
    const cl001 = r.findings.filter((f) => f.ruleId === 'CL001');
    expect(cl001.map((f) => [f.findingId, f.severity, f.line, f.column, f.routes])).toEqual([
      ['proxy-cache@global', 'error', 32, 7, ['create-order', 'cart', 'checkout']],
    ]);
    expect(cl001[0].message).toContain('caches POST responses for 3 routes');
    expect(cl001[0].routeLocations?.map((l) => [l.route, l.line, l.column])).toEqual([
      ['create-order', 6, 9],
      ['cart', 18, 9],
      ['checkout', 24, 9],
    ]);
    // CL003 stays per route (its fix is on the route), and is reported beside CL001: a warning where the global cache
    // stores POST, info on cancel-order whose own cache stores only GET/HEAD.
    expect(r.findings.filter((f) => f.ruleId === 'CL003').map((f) => [f.findingId, f.severity, f.line])).toEqual([
      ['create-order', 'warning', 6],
      ['cancel-order', 'info', 9],
      ['cart', 'warning', 18],
      ['checkout', 'warning', 24],
    ]);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['CL001', 'CL003', 'CL003', 'CL003', 'CL003']);
  });

  it('one global proxy-cache ignoring no-store over many write routes: ONE CL002 on the plugin listing them; a read-only route is not in it', () => {
    const r = write('global-no-store.yaml', [
      '_format_version: "3.0"', //       1
      'services:', //                    2
      '  - name: orders', //             3
      '    url: http://orders', //       4
      '    routes:', //                  5
      '      - name: orders', //         6
      '        methods: [GET, POST]', // 7
      '        paths: [/orders]', //     8
      '  - name: carts', //              9
      '    url: http://carts', //        10
      '    routes:', //                  11
      '      - name: cart', //           12
      '        methods: [GET, POST]', // 13
      '        paths: [/cart]', //       14
      '      - name: catalog', //        15
      '        methods: [GET]', //       16
      '        paths: [/catalog]', //    17
      '      - name: checkout', //       18
      '        methods: [GET, PUT]', //  19
      '        paths: [/checkout]', //   20
      'plugins:', //                     21
      '  - name: key-auth', //           22
      '  - name: proxy-cache', //        23
      '    config:', //                  24
      '      strategy: memory', //       25
      '      cache_control: false', //   26
    ]);
    expect(r.errors).toEqual([]);
    const cl002 = r.findings.filter((f) => f.ruleId === 'CL002');
    expect(cl002.map((f) => [f.findingId, f.severity, f.line, f.routes])).toEqual([['proxy-cache@global', 'warning', 23, ['orders', 'cart', 'checkout']]]);
    expect(cl002[0].message).toContain('on 3 routes');
    expect(cl002[0].remediation.snippet).toContain('cache_control: true');
    // Only GET/HEAD are stored: the writes' missing no-store is info, and the fix splits the writes off the cached reads.
    const cl003 = r.findings.filter((f) => f.ruleId === 'CL003');
    expect(cl003.map((f) => [f.findingId, f.severity])).toEqual([
      ['orders', 'info'],
      ['cart', 'info'],
      ['checkout', 'info'],
    ]);
    expect(cl003[2].remediation.snippet).toContain('methods: [PUT]');
    expect(r.findings).toHaveLength(4);
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
    // the key (no auth plugin) is judged on reads only; the cache stores POST and nothing sets no-store: CL003 too
    expect(pinned(r)).toEqual([
      ['CL003', 'writes', 6],
      ['CL001', 'proxy-cache@service:api', 12],
    ]);
    expect(r.findings.map((f) => [f.severity, f.routes])).toEqual([
      ['warning', ['writes']],
      ['error', ['writes']],
    ]);
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
    expect(r.findings.filter((f) => f.ruleId === 'CL001').map((f) => [f.findingId, f.route, f.line])).toEqual([['proxy-cache@global', 'ANY /', 7]]);
  });

  it('empty YAML documents are skipped wherever they are; a non-Kong document is still an error', () => {
    const body = [
      '_format_version: "3.0"',
      'routes:',
      '  - name: all',
      '    paths: [/]',
      '    methods: [POST]',
      'plugins:',
      '  - name: proxy-cache',
      '    config: { strategy: memory, request_method: [POST] }',
    ];
    const leading = write('leading-empty.yaml', ['---', '---', ...body]);
    expect(leading.errors).toEqual([]);
    expect(pinned(leading)).toEqual([
      ['CL003', 'all', 5],
      ['CL001', 'proxy-cache@global', 10],
    ]);
    const trailing = write('trailing-empty.yaml', [...body, '---', '---']);
    expect(trailing.errors).toEqual([]);
    expect(pinned(trailing)).toEqual([
      ['CL003', 'all', 3],
      ['CL001', 'proxy-cache@global', 8],
    ]);
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

  it('a third-party cache: one CL006 on the plugin for both routes; alone, a GET-only route is blocked only on its key', () => {
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
    // One setting (the global plugin), one finding; it speaks for the most it blocks (the ANY route's methods).
    expect(pinned(r)).toEqual([['CL006', 'response-cache@global', 9]]);
    const [f] = r.findings;
    expect(f.routes).toEqual(['any', 'read']);
    expect(f.message).toContain('Which methods response-cache (global) caches');
    expect(f.message).toContain('(2 routes)');
    expect(f.message).toContain('CL001');
    expect(f.message).toContain('separates callers');
    expect(f.message).toContain('CL004');
    const readOnly = write('third-party-read.yaml', [
      '_format_version: "3.0"',
      'routes:',
      '  - name: read',
      '    methods: [GET]',
      '    paths: [/read]',
      'plugins:',
      '  - name: response-cache', //       7
      '  - name: response-transformer',
      '    config: { add: { headers: ["Cache-Control:no-store"] }, replace: { headers: ["Cache-Control:no-store"] } }',
    ]);
    expect(pinned(readOnly)).toEqual([['CL006', 'response-cache@global', 7]]);
    expect(readOnly.findings[0].message).toContain('separates callers');
    expect(readOnly.findings[0].message).toContain('CL004');
    expect(readOnly.findings[0].message).not.toContain('CL001');
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
