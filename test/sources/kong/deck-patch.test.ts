// decK patch / add-plugins files (`deck file patch`, `deck file add-plugins`): recognised, applied to the Kong state in
// their folder (or above) with go-apiops' semantics, located in the file that wrote each value; alone they are a
// located error when named and a listed skip in a directory walk, never "not a format cachelint knows".
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../../lib/engine';
import { parseYaml } from '../../../lib/parse/yaml';
import { JsonPathError, parseJsonPath, queryJsonPath } from '../../../lib/sources/kong/jsonpath';
import { kongAdapter } from '../../../lib/sources/kong';
import { describeCorpus } from '../../helpers/corpus';
import { yaml } from './helpers';

const root = join(__dirname, '../../..');
const FIX = 'test/fixtures/kong/deck-patch';

/** A folder of files, scanned as named (or walked when `walk`). */
function folder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-deck-patch-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const pinned = (r: ReturnType<typeof scan>) => r.findings.map((f) => `${f.ruleId} ${f.findingId} ${f.file}:${f.line}`);

/** The Kong model of a base state with patch files applied (in this order), through the adapter. */
function patched(base: string, ...patches: string[]) {
  const inputs = [base, ...patches].map((text, i) => ({ file: i ? `p${i}.yaml` : 'kong.yaml', parsed: parseYaml(text, { tags: 'plain' }) }));
  const out = kongAdapter.toModelsTogether!(inputs);
  const model = out.models[0];
  const ep = (name: string) => model.endpoints.find((e) => e.findingId === name)!;
  return { out, model, ep };
}

const BASE = yaml(
  '_format_version: "3.0"', //                         1
  'services:', //                                      2
  '  - name: orders', //                               3
  '    url: http://orders', //                         4
  '    tags: [shop]', //                               5
  '    routes:', //                                    6
  '      - name: orders-write', //                     7
  '        paths: [/orders]', //                       8
  '        methods: [POST]', //                        9
  '      - name: orders-read', //                      10
  '        paths: [/orders/list]', //                  11
  '        methods: [GET]', //                         12
  '  - name: status', //                               13
  '    url: http://status', //                         14
  '    port: 8080', //                                 15
  '    routes:', //                                    16
  '      - name: status', //                           17
  '        paths: [/status]', //                       18
  '        methods: [GET]', //                         19
  'routes:', //                                        20
  '  - name: top', //                                  21
  '    service: status', //                            22
  '    paths: [/top]', //                              23
  '    methods: [GET]', //                             24
  'plugins:', //                                       25
  '  - name: proxy-cache', //                          26
  '    config:', //                                    27
  '      strategy: memory', //                         28
  '      request_method: [GET, HEAD]', //              29
  '      cache_control: true', //                      30
);

describe('JSONPath selectors (RFC 9535 as decK evaluates them)', () => {
  const state = parseYaml(BASE, { tags: 'plain' }).documents[0].value;
  const names = (q: string) => queryJsonPath(parseJsonPath(q), state).map((n) => (n as { name?: string }).name ?? n);

  it.each([
    // Descendants: a node before its children (RFC 9535 §2.5.2.2), so the top-level list comes first.
    ['$..routes[*]', ['top', 'orders-write', 'orders-read', 'status']],
    ['$..services[*]', ['orders', 'status']],
    ['$.services[*]', ['orders', 'status']],
    ['$.services[*].routes[*]', ['orders-write', 'orders-read', 'status']],
    ['$.routes[*]', ['top']],
    ["$.services[?(@.name=='status')]", ['status']],
    ['$.services[?(@.name=="status")]', ['status']],
    ["$.services[?@.name == 'orders']", ['orders']],
    ["$..plugins[?(@.name=='proxy-cache')]", ['proxy-cache']],
    ['$..plugins[*]', ['proxy-cache']],
    ["$['services'][0]", ['orders']],
    ['$.services[-1]', ['status']],
    ['$.services[0:1]', ['orders']],
    ['$.services[::-1]', ['status', 'orders']],
    ['$.services[0,1,0]', ['orders', 'status', 'orders']],
    ['$.services[?(@.port > 8000)]', ['status']],
    ['$.services[?(@.port)]', ['status']],
    ['$.services[?(!@.port)]', ['orders']],
    ["$.services[?(@.tags[0] == 'shop' || @.port == 8080)]", ['orders', 'status']],
    ["$.services[?(@.tags[0] == 'shop' && @.port == 8080)]", []],
    ["$..routes[?(@.methods[0] == 'GET')]", ['top', 'orders-read', 'status']],
    ['$..routes[?(@.methods == @.methods)]', ['top', 'orders-write', 'orders-read', 'status']],
    ['$.nothing[*]', []],
  ])('%s', (q, want) => expect(names(q)).toEqual(want));

  it('$ is the whole state', () => expect(queryJsonPath(parseJsonPath('$'), state)).toEqual([state]));

  it.each([
    ['services[*]', 'starts with $'],
    ['$.services[?(length(@.routes) > 1)]', 'function length() is not supported'],
    ["$.services[?match(@.name, 'o.*')]", 'function match() is not supported'],
    ['$.services[', 'expected'],
    ["$.services[?(@.name == 'x'", 'expected )'],
    ['$.services[?(@..name == 1)]', 'singular query'],
    ['$.services[*] extra', 'unexpected'],
    ['$..routes[?(@.methods == ["POST"])]', 'expected @, $, a string'], // RFC 9535 literals are scalars
  ])('refuses %s (%s)', (q, why) => {
    expect(() => parseJsonPath(q)).toThrow(JsonPathError);
    expect(() => parseJsonPath(q)).toThrow(why);
  });
});

describe('deck file patch semantics (go-apiops patch/deckpatch.go)', () => {
  it('values replace a key whole (no deep merge): the patched proxy-cache caches POST, located in the patch file', () => {
    const { out, ep } = patched(
      BASE,
      yaml(
        '_format_version: "1.0"',
        'patches:',
        '  - selectors: ["$..plugins[?(@.name==\'proxy-cache\')]"]',
        '    values:',
        '      config:',
        '        request_method: [GET, POST]',
      ),
    );
    expect(out.errors).toEqual([]);
    const cache = ep('orders-write').caches[0];
    expect(cache.cachedMethods).toEqual({ known: true, value: ['GET', 'POST'] });
    // config was replaced, not merged: cache_control from the base is gone (default false: ignores no-store).
    expect(cache.honorsOriginNoStore).toEqual({ known: true, value: false });
    expect(cache.at).toMatchObject({ file: 'p1.yaml', line: 6 }); // the request_method the patch wrote
  });

  it('an array `values` appends to every selected array; `remove` deletes keys; non-matching node types are skipped', () => {
    const { out, ep } = patched(
      BASE,
      yaml(
        '_format_version: "1.0"',
        'patches:',
        '  - selectors: ["$..routes[?(@.name==\'orders-read\')].methods"]',
        '    values: [POST]',
        '  - selectors: ["$..routes[?(@.name==\'status\')]"]',
        '    remove: [methods]',
        '  - selectors: ["$.services"]', // an array: an object patch skips it
        '    values: { url: http://x }',
      ),
    );
    expect(out.errors).toEqual([]);
    expect(ep('orders-read').methods).toEqual({ known: true, value: ['GET', 'POST'] });
    expect(ep('status').methods.known && ep('status').methods.value).toHaveLength(7); // no methods: all of them
  });

  it('default selector is $; an empty selectors list selects nothing; entries with neither values nor remove are ignored', () => {
    const { out, model, ep } = patched(
      BASE,
      yaml(
        'patches:',
        '  - values:',
        '      plugins: []', // `$`: the global proxy-cache is gone
        '  - selectors: []',
        '    values: { routes: [] }',
        '  - selectors: ["$.bad["]', // no values/remove: decK never compiles it
        '    format: application/merge-patch+json',
      ),
    );
    expect(out.errors).toEqual([]);
    expect(model.endpoints).toHaveLength(4);
    expect(ep('orders-write').caches).toEqual([]);
  });

  it('patch files apply in order: a later one sees what an earlier one wrote', () => {
    const add = yaml(
      'add-plugins:',
      '  - selectors: ["$.services[?(@.name==\'orders\')]"]',
      '    plugins:',
      '      - name: proxy-cache',
      '        config: { request_method: [POST] }',
    );
    const fix = yaml('patches:', '  - selectors: ["$..services[*].plugins[?(@.name==\'proxy-cache\')].config"]', '    values: { request_method: [GET] }');
    expect(patched(BASE, add).ep('orders-write').caches[0].cachedMethods).toEqual({ known: true, value: ['POST'] });
    expect(patched(BASE, add, fix).ep('orders-write').caches[0].cachedMethods).toEqual({ known: true, value: ['GET'] });
    expect(patched(BASE, fix, add).ep('orders-write').caches[0].cachedMethods).toEqual({ known: true, value: ['POST'] });
  });

  it.each([
    ['values that are a string', yaml('patches:', '  - values: x'), 'parse@2', 'must be a mapping'],
    ['remove that is not a list', yaml('patches:', '  - remove: methods'), 'parse@2', 'must be a list of keys'],
    ['a key set and removed', yaml('patches:', '  - values: { a: 1 }', '    remove: [a]'), 'parse@3', 'at the same time'],
    ['selectors that are a string', yaml('patches:', '  - selectors: $', '    values: { a: 1 }'), 'parse@2', 'must be a list'],
    ['patches that is a mapping', yaml('_format_version: "1.0"', 'patches: { a: 1 }'), 'parse@2', 'must be a list'],
    ['an unquoted _format_version (decK needs a string)', yaml('_format_version: 1.0', 'patches: []'), 'parse@1', "'x.y' format"],
  ])('%s is a located error', (_, text, at, message) => {
    const { out } = patched(BASE, text);
    expect(out.errors.map((e) => `${e.code}@${e.line}`)).toEqual([at]);
    expect(out.errors[0]).toMatchObject({ file: 'p1.yaml', message: expect.stringContaining(message) });
  });

  it('a selector cachelint cannot evaluate is a located error naming it, and that patch is not applied', () => {
    const { out, ep } = patched(
      BASE,
      yaml('patches:', '  - selectors:', '      - "$..routes[*]"', '      - "$.services[?(length(@.routes) > 1)]"', '    values: { methods: [DELETE] }'),
    );
    expect(out.errors).toEqual([
      expect.objectContaining({
        file: 'p1.yaml',
        line: 4,
        column: 9,
        code: 'unsupported-selector',
        message: expect.stringContaining('"$.services[?(length(@.routes) > 1)]"'),
      }),
    ]);
    expect(ep('status').methods).toEqual({ known: true, value: ['GET'] });
  });
});

describe('deck file add-plugins semantics (go-apiops plugins/plugins.go)', () => {
  const noStore = (overwrite: boolean, selector = "$.services[?(@.name=='orders')]") =>
    yaml(
      '_format_version: "1.0"', //                       1
      'add-plugins:', //                                 2
      `  - selectors: ["${selector}"]`, //               3
      `    overwrite: ${overwrite}`, //                  4
      '    plugins:', //                                 5
      '      - name: response-transformer', //           6
      '        config:', //                              7
      '          replace: { headers: ["Cache-Control: no-store"] }',
      '          add: { headers: ["Cache-Control: no-store"] }',
    );

  it('adds the plugin to every selected entity; it is located in the add-plugins file', () => {
    const { out, ep } = patched(BASE, noStore(false, '$..routes[*]'));
    expect(out.errors).toEqual([]);
    for (const r of ['orders-write', 'orders-read', 'status', 'top']) {
      const ns = ep(r).noStore;
      expect(ns.known && ns.value).toBeTruthy();
    }
    const ns = ep('orders-write').noStore;
    expect(ns.known && ns.value && ns.value.at).toMatchObject({ file: 'p1.yaml' });
  });

  it('keeps an existing plugin of that name unless overwrite: true', () => {
    const existing = BASE.replace(
      '    tags: [shop]\n',
      '    tags: [shop]\n    plugins:\n      - name: response-transformer\n        config: { add: { headers: ["X-A: b"] } }\n',
    );
    expect(patched(existing, noStore(false)).ep('orders-write').noStore).toEqual({ known: true, value: undefined });
    const ns = patched(existing, noStore(true)).ep('orders-write').noStore;
    expect(ns.known && ns.value).toBeTruthy();
  });

  it('at the top level, a plugin of the same name with another scope is not "the same plugin"', () => {
    const add = yaml('add-plugins:', '  - plugins:', '      - name: proxy-cache', '        route: orders-write', '        config: { request_method: [POST] }');
    const { out, ep } = patched(BASE, add);
    expect(out.errors).toEqual([]);
    expect(ep('orders-write').caches.map((c) => c.cachedMethods)).toEqual([{ known: true, value: ['POST'] }]); // route beats global
    expect(ep('status').caches.map((c) => c.cachedMethods)).toEqual([{ known: true, value: ['GET', 'HEAD'] }]);
  });

  it('a plugin with a foreign key for nested targets is refused, as decK refuses it', () => {
    const add = yaml('add-plugins:', '  - selectors: ["$..services[*]"]', '    plugins:', '      - name: cors', '        route: top');
    const { out } = patched(BASE, add);
    expect(out.errors).toEqual([expect.objectContaining({ file: 'p1.yaml', line: 4, code: 'parse', message: expect.stringContaining('names its route') })]);
  });

  it('overwrite that is not a boolean is a located error', () => {
    expect(patched(BASE, noStore(false).replace('overwrite: false', 'overwrite: "yes"')).out.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['p1.yaml:4']);
  });
});

describe('through scan()', () => {
  const C = (n: string) => `${FIX}/${n}`;

  it('applied with its base: the patched proxy-cache is a CL001 located in the patch file (the base alone has none)', () => {
    expect(pinned(scan([C('applied/kong.yaml')], { cwd: root })).filter((f) => f.startsWith('CL001'))).toEqual([]);
    const r = scan([C('applied/kong.yaml'), C('applied/patches.yaml')], { cwd: root });
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([
      { file: C('applied/kong.yaml'), status: 'scanned', format: 'kong' },
      { file: C('applied/patches.yaml'), status: 'scanned', format: 'deck-patch' },
    ]);
    expect(pinned(r)).toContain(`CL001 proxy-cache@global ${C('applied/patches.yaml')}:9`);
    expect(r.findings.find((f) => f.ruleId === 'CL001')!.routes).toEqual(['orders-write']);
  });

  it('a directory walk pairs them too, and names each format', () => {
    const r = scan([C('applied')], { cwd: root });
    expect(r.errors).toEqual([]);
    expect(r.files.map((f) => `${f.file} ${f.status} ${f.format}`)).toEqual([
      `${C('applied/kong.yaml')} scanned kong`,
      `${C('applied/no-store.yaml')} scanned deck-add-plugins`,
      `${C('applied/patches.yaml')} scanned deck-patch`,
    ]);
    expect(pinned(r)).toContain(`CL001 proxy-cache@global ${C('applied/patches.yaml')}:9`);
    // The added response-transformer removes then adds Cache-Control: a partial no-store, reported as CL003 where it is.
    expect(pinned(r)).toContain(`CL003 orders-write ${C('applied/no-store.yaml')}:12`);
  });

  it('named without its base: a located error with the decK command to run (exit 2), never "unknown format"', () => {
    const r = scan([C('alone/patches.yaml')], { cwd: root });
    expect(r.files).toEqual([expect.objectContaining({ file: C('alone/patches.yaml'), status: 'error', format: 'deck-patch' })]);
    expect(r.errors).toEqual([expect.objectContaining({ file: C('alone/patches.yaml'), line: 2, column: 1, code: 'deck-patch-without-base' })]);
    expect(r.errors[0].message).toContain(`deck file patch -s kong.yaml -o kong.patched.yaml ${C('alone/patches.yaml')} && cachelint kong.patched.yaml`);
    expect(r.errors[0].message).not.toMatch(/not a format/);
  });

  it('walked without its base: listed as skipped with the reason (and a scan of nothing else is still exit 2)', () => {
    const r = scan([C('alone')], { cwd: root });
    expect(r.files).toEqual([
      expect.objectContaining({
        file: C('alone/patches.yaml'),
        status: 'skipped',
        format: 'deck-patch',
        reason: expect.stringContaining('deck file patch -s'),
      }),
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(['no-input']);
  });

  it("the base is in the patch file's folder or the nearest one above it, never in a sibling folder", () => {
    const dir = folder({
      'kong.yaml': BASE,
      'dev/patches.yaml': yaml('patches:', '  - selectors: ["$..plugins[?(@.name==\'proxy-cache\')].config"]', '    values: { request_method: [POST] }'),
      'other/kong.yaml': BASE,
      'other/deeper/p.yaml': yaml('add-plugins:', '  - plugins: [{ name: proxy-cache, config: { request_method: [POST] } }]', '    overwrite: true'),
    });
    // dev/patches.yaml → kong.yaml (the folder above); other/deeper/p.yaml → other/kong.yaml (the nearest one).
    const r = scan(['.'], { cwd: dir });
    expect(r.errors).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'CL001').map((f) => `${f.findingId} ${f.file}:${f.line}`)).toEqual([
      'proxy-cache@global dev/patches.yaml:3',
      'proxy-cache@global other/deeper/p.yaml:2',
    ]);
    const sibling = scan(['other/kong.yaml', 'dev/patches.yaml'], { cwd: dir });
    expect(sibling.errors.map((e) => `${e.file} ${e.code}`)).toEqual(['dev/patches.yaml deck-patch-without-base']);
  });

  it('several state files in that folder each get the patch (what `deck file merge` then `deck file patch` does per entity)', () => {
    const add = yaml('add-plugins:', '  - selectors: ["$..services[*]"]', '    plugins: [{ name: proxy-cache, config: { request_method: [POST] } }]');
    const dir = folder({ 'a.yaml': BASE, 'b.yaml': BASE.replace(/orders/g, 'carts'), 'plugins.yaml': add });
    const r = scan(['.'], { cwd: dir });
    expect(r.errors).toEqual([]);
    // One added plugin entry, one instance per service it lands on: a finding for each (different settings).
    expect(r.findings.filter((f) => f.ruleId === 'CL001').map((f) => `${f.findingId} ${f.file}:${f.line} ${f.routes.join(',')}`)).toEqual([
      'proxy-cache@service:carts plugins.yaml:3 carts-write',
      'proxy-cache@service:orders plugins.yaml:3 orders-write',
    ]);
  });

  it('with --ignore-unknown (pre-commit), a patch file without its base is a listed skip, not an error', () => {
    const r = scan([C('alone/patches.yaml')], { cwd: root, ignoreUnknown: true });
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([expect.objectContaining({ status: 'skipped', format: 'deck-patch' })]);
  });
});

describeCorpus('kong', 'the shared corpus patch files', (KONG) => {
  const KONGAIR = 'Kong__KongAir__flight-data__routes__dev__kong__patches.yaml';
  const RAMI = 'rami-kong__kong-se-konnect-deck-demo__config__kong__plugins__ratelimit.yaml';
  const KW = 'KongHQ-CX__kw-platform-ops__.github__actions__publish-api-configuration__plugins__rate-limiting.yaml';

  it.each([
    [KONGAIR, 3, 'deck-patch', 'deck file patch'],
    [RAMI, 2, 'deck-add-plugins', 'deck file add-plugins'],
    [KW, 3, 'deck-add-plugins', 'deck file add-plugins'],
  ])('%s alone: recognised, located at line %i, with the decK command', (name, line, format, command) => {
    const r = scan([name], { cwd: KONG });
    expect(r.files).toEqual([expect.objectContaining({ status: 'error', format })]);
    expect(r.errors).toEqual([
      expect.objectContaining({ line, column: 1, code: 'deck-patch-without-base', message: expect.stringContaining(`${command} -s kong.yaml`) }),
    ]);
  });

  it('KongAir dev patches applied to a routes-service state: key-auth and the consumers land on it', () => {
    const dir = folder({
      'kong.yaml': yaml(
        '_format_version: "3.0"',
        'services:',
        '  - name: routes-service',
        '    url: http://routes',
        '    routes:',
        '      - name: get-routes',
        '        paths: [/routes]',
        '        methods: [GET]',
        '    plugins:',
        '      - name: proxy-cache',
        '        config: { request_method: [GET], cache_control: true }',
        '  - name: other',
        '    url: http://other',
        '    routes: [{ name: other, paths: [/other], methods: [GET] }]',
      ),
    });
    copyFileSync(join(KONG, KONGAIR), join(dir, 'patches.yaml'));
    const before = scan(['kong.yaml'], { cwd: dir });
    const after = scan(['kong.yaml', 'patches.yaml'], { cwd: dir });
    expect(after.errors).toEqual([]);
    const id = (r: ReturnType<typeof scan>, name: string) => r.models[0].endpoints.find((e) => e.findingId === name)!.identity;
    expect(id(before, 'get-routes') ?? []).toEqual([]);
    // The patch replaces the service's plugins list whole: proxy-cache is gone, key-auth is in.
    expect(id(after, 'get-routes')).toEqual(expect.arrayContaining([expect.stringContaining('key-auth')]));
    expect(after.models[0].endpoints.find((e) => e.findingId === 'get-routes')!.caches).toEqual([]);
    expect(id(after, 'other') ?? []).toEqual([]);
  });

  it('the add-plugins files apply to every service of a state in their folder', () => {
    for (const name of [RAMI, KW]) {
      const dir = folder({ 'kong.yaml': BASE });
      copyFileSync(join(KONG, name), join(dir, 'plugins.yaml'));
      const r = scan(['.'], { cwd: dir });
      expect(r.errors).toEqual([]);
      expect(r.files.map((f) => `${f.file} ${f.status} ${f.format}`)).toEqual(['kong.yaml scanned kong', 'plugins.yaml scanned deck-add-plugins']);
    }
  });
});
