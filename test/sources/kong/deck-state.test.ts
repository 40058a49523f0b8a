// readDeckState on its own: the KongState a decK / kong.yml document reads to, field by field — entity kinds, keys,
// labels and where each is named; route methods, paths and details; plugin scopes, enabled and config layers; and
// the exact located errors. (entities.test.ts and deck.test.ts judge the same reading through the adapter.)
import type { Method, Value } from '../../../lib/model';
import { parseYaml } from '../../../lib/parse/yaml';
import { pathText, readDeckState } from '../../../lib/sources/kong/deck';
import type { KongEntity } from '../../../lib/sources/kong/state';
import { yaml } from './helpers';
import { scopeOf } from '../../helpers/kong-state';

const read = (text: string) => {
  const { state, errors } = readDeckState('kong.yaml', parseYaml(text, { tags: 'plain' }).documents[0]);
  return { state, errors: errors.map((e) => [e.code, `${e.line}:${e.column}`, e.message]) };
};
const where = (e: { at: { line: number; column: number } }) => `${e.at.line}:${e.at.column}`;
const entity = (e: KongEntity) => `${e.kind} ${e.key} ${e.label} @${where(e)}`;
const methods = (v: Value<Method[]>) => (v.known ? v.value.join(',') : `unknown: ${v.why} @${v.at.line}:${v.at.column}`);

describe('pathText', () => {
  it('names a path the way decK users read it', () => {
    expect([pathText([]), pathText(['services', 0, 'routes', 2]), pathText([0, 'a']), pathText(['plugins'])]).toEqual([
      '(root)',
      'services[0].routes[2]',
      '[0].a',
      'plugins',
    ]);
  });
});

describe('entities', () => {
  const text = yaml(
    '_format_version: "3.0"', // 1
    '_info:',
    '  select_tags: [team-a, 7]',
    'services:',
    '  - name: orders', // 5
    '    routes:',
    '      - name: create',
    '        methods: [POST]',
    '        paths: [/orders]',
    '        hosts: [a.example.com, b.example.com]', // 10
    '      - paths: [/x]',
    '    plugins:',
    '      - name: proxy-cache',
    '  - id: 9f1c', // 14
    '    routes:',
    '      - id: r-id',
    '        expression: http.method == "GET"',
    '  - host: example.com', // 18
    'routes:',
    '  - name: top', // 20
    '    service: { id: 9f1c }',
    '  - service: orders',
    '    protocols: [tcp]',
    '  - service: nowhere', // 24
    'consumers:',
    '  - username: alice', // 26
    '    groups: [{ name: gold }, silver, { id: 5 }]',
    '  - custom_id: c-2',
    '  - id: c-3',
    '  - tags: [x]', // 30
    '  - custom_id: c-5',
    '    username: eve',
    'consumer_groups:',
    '  - name: gold',
    '    consumers: [c-2, { username: nobody }]',
    '  - id: g-2',
    '  - {}', // 37
  );

  it('services, routes, consumers and groups: labels from name, then id, then the index path; located at their name', () => {
    const { state } = read(text);
    expect(state.services.map(entity)).toEqual(['service s0 orders @5:5', 'service s1 9f1c @14:5', 'service s2 services[2] @18:5']);
    expect(state.consumers.map((c) => `${entity(c)} groups=${c.groups.map((g) => g.label).join(',')}`)).toEqual([
      'consumer c0 alice @26:5 groups=gold', // silver and id 5 are not groups of this file
      'consumer c1 c-2 @28:5 groups=gold', // named by the group's consumers list
      'consumer c2 c-3 @29:5 groups=',
      'consumer c3 consumers[3] @30:5 groups=',
      'consumer c4 eve @32:5 groups=', // located at username, wherever it is written
    ]);
    expect(state.consumerGroups.map(entity)).toEqual([
      'consumer_group g0 gold @34:5',
      'consumer_group g1 g-2 @36:5',
      'consumer_group g2 consumer_groups[2] @37:5',
    ]);
  });

  it('routes: methods, paths, service, details (name, index path, hosts, expression)', () => {
    const { state } = read(text);
    expect(state.routes.map((r) => [entity(r), r.findingId, r.service?.label, methods(r.methods), r.paths, r.details])).toStrictEqual([
      [
        'route r0 create @7:9',
        'create',
        'orders',
        'POST',
        ['/orders'],
        { routeName: 'create', routeIndexPath: 'services[0].routes[0]', hosts: 'a.example.com,b.example.com' },
      ],
      [
        'route r1 orders/1 @11:9',
        'orders/1',
        'orders',
        'GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE',
        ['/x'],
        { routeName: 'orders/1', routeIndexPath: 'services[0].routes[1]' },
      ],
      ['route r2 r-id @16:9', 'r-id', '9f1c', 'GET', ['/'], { routeName: 'r-id', routeIndexPath: 'services[1].routes[0]', expression: 'http.method == "GET"' }],
      ['route r3 top @20:5', 'top', '9f1c', 'GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE', ['/'], { routeName: 'top', routeIndexPath: 'routes[0]' }],
      ['route r4 routes[1] @22:5', 'routes[1]', 'orders', '', ['/'], { routeName: 'routes[1]', routeIndexPath: 'routes[1]' }], // a stream route: no HTTP method
      [
        'route r5 routes[2] @24:5',
        'routes[2]',
        undefined,
        'GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE',
        ['/'],
        { routeName: 'routes[2]', routeIndexPath: 'routes[2]' },
      ],
    ]);
  });

  it('state details: the format version and select_tags as written', () => {
    expect(read(text).state.details).toStrictEqual({ formatVersion: '3.0', selectTags: 'team-a,7' });
    expect(read(yaml('services: []')).state.details).toStrictEqual({});
  });

  it('a reference to an entity the file does not define is one located error', () => {
    expect(read(text).errors).toEqual([['unresolved-reference', '24:5', 'route routes[2] refers to service nowhere, which this file does not define']]);
  });
});

describe('plugins', () => {
  const text = yaml(
    '_format_version: "3.0"',
    '_plugin_configs:',
    '  shared: { strategy: memory, cache_ttl: 30 }',
    'services:',
    '  - name: orders', // 5
    '    routes:',
    '      - name: create',
    '        plugins:',
    '          - name: proxy-cache',
    '            consumer: alice', // 10
    '    plugins:',
    '      - name: cors',
    '        enabled: "FALSE"',
    'consumers:',
    '  - username: alice', // 15
    '    plugins:',
    '      - name: rate-limiting',
    'consumer_groups:',
    '  - name: gold',
    '    plugins:', // 20
    '      - name: request-termination',
    '        enabled: false',
    'plugins:',
    '  - name: proxy-cache',
    '    _config: shared', // 25
    '    config: { cache_ttl: 5 }',
    '  - name: proxy-cache',
    '    route: { name: create }',
    '    service: orders',
    '    consumer_group: gold', // 30
    '  - name: key-auth',
    '    _config: missing',
    '  - config: {}',
    '  - name: cors',
    '    route: nowhere', // 35
    '  - name: jwt',
    '    enabled: true',
  );

  it('each plugin with its scope (nested = its owner, foreign keys add to it), key, enabled and where', () => {
    const { state } = read(text);
    expect(
      state.plugins.map((p) => [p.name, p.key, scopeOf(p), p.enabled.known && p.enabled.value, where(p), `${p.enabledAt.line}:${p.enabledAt.column}`]),
    ).toEqual([
      ['proxy-cache', 'services[0].routes[0].plugins[0]', 'route=create consumer=alice', true, '9:13', '9:13'],
      ['cors', 'services[0].plugins[0]', 'service=orders', false, '12:9', '13:9'],
      ['rate-limiting', 'consumers[0].plugins[0]', 'consumer=alice', true, '17:9', '17:9'],
      ['request-termination', 'consumer_groups[0].plugins[0]', 'consumerGroup=gold', false, '21:9', '22:9'],
      ['proxy-cache', 'plugins[0]', 'global', true, '24:5', '24:5'],
      ['proxy-cache', 'plugins[1]', 'service=orders route=create consumerGroup=gold', true, '27:5', '27:5'],
      ['key-auth', 'plugins[2]', 'global', true, '31:5', '31:5'],
      ['jwt', 'plugins[5]', 'global', true, '36:5', '37:5'],
    ]);
  });

  it('config: own keys over _plugin_configs, each located where written; the source named', () => {
    const { state } = read(text);
    const config = state.plugins[4].config;
    const entry = (k: string) => {
      const e = config.get(k);
      return e && [e.value, where(e), e.locate([]).line];
    };
    expect([entry('cache_ttl'), entry('strategy'), entry('nothing')]).toEqual([[5, '26:15', 26], ['memory', '3:13', 3], undefined]);
    expect(config.sharedFrom).toBe('_plugin_configs.shared');
    expect(state.plugins[0].config.sharedFrom).toBeUndefined();
  });

  it('errors: a missing _config, a plugin without a name, a scope this file does not define (that plugin is dropped)', () => {
    expect(read(text).errors).toEqual([
      ['unresolved-reference', '32:5', 'plugin key-auth takes its config from _config "missing", which _plugin_configs does not define in this file'],
      ['parse', '33:5', 'Kong config: plugins[3]: plugin without a name'],
      ['unresolved-reference', '35:5', 'plugin cors refers to route nowhere, which this file does not define'],
    ]);
  });
});

describe('malformed documents', () => {
  it('lists that are not lists and items that are not mappings are located errors; null lists are empty', () => {
    const { state, errors } = read(
      yaml('services:', '  - name: a', '    routes: { name: r }', '  - just text', 'routes: null', 'consumers: 5', 'plugins:', '  - [1]'),
    );
    expect(state.services.map((s) => s.label)).toEqual(['a']);
    expect(errors).toEqual([
      ['parse', '3:5', 'Kong config: services[0].routes: routes must be a list'],
      ['parse', '4:5', 'Kong config: services[1]: services[1] must be a mapping'],
      ['parse', '6:1', 'Kong config: consumers: consumers must be a list'],
      ['parse', '8:5', 'Kong config: plugins[0]: plugins[0] must be a mapping'],
    ]);
  });

  it("_format_version: 1.1, 2.1, 3.0 (as text or a number) are Kong's; anything else is an error at it, and the file is still read", () => {
    for (const v of ['"1.1"', '2.1', '3', '" 3.0 "']) expect(read(yaml(`_format_version: ${v}`, 'services: [{ name: a }]')).errors).toEqual([]);
    expect(read(yaml('_format_version: "4.0"', 'services: [{ name: a }]'))).toMatchObject({
      errors: [['unknown-format', '1:1', 'unknown Kong _format_version "4.0" (Kong accepts 1.1, 2.1, 3.0); judged as 3.0']],
      state: { services: [{ label: 'a' }] },
    });
    expect(read(yaml('_format_version: ["3.0"]')).errors).toEqual([
      ['unknown-format', '1:1', 'unknown Kong _format_version ["3.0"] (Kong accepts 1.1, 2.1, 3.0); judged as 3.0'],
    ]);
    expect(read(yaml('_format_version: null')).errors).toEqual([
      ['unknown-format', '1:1', 'unknown Kong _format_version null (Kong accepts 1.1, 2.1, 3.0); judged as 3.0'],
    ]);
    expect(read(yaml('_format_version: [3]')).errors).toEqual([
      ['unknown-format', '1:1', 'unknown Kong _format_version [3] (Kong accepts 1.1, 2.1, 3.0); judged as 3.0'],
    ]);
    expect(read(yaml('_format_version: 3.1')).errors).toEqual([
      ['unknown-format', '1:1', 'unknown Kong _format_version 3.1 (Kong accepts 1.1, 2.1, 3.0); judged as 3.0'],
    ]);
  });

  it('foreign keys by name, id, username or custom_id, as text, number or object; the first definition of a name wins', () => {
    const { state, errors } = read(
      yaml(
        'services: [{ name: a, id: "1" }, { name: a, id: "2" }, { name: 3 }]',
        'consumers: [{ username: u, custom_id: cu, id: "9" }]',
        'plugins:',
        '  - { name: p0, service: "2" }',
        '  - { name: p1, service: 3 }',
        '  - { name: p2, service: { name: a } }',
        '  - { name: p3, consumer: { custom_id: cu } }',
        '  - { name: p4, consumer: { username: u } }',
        '  - { name: p5, consumer: "9", service: null }',
        '  - { name: p6, service: { name: "" } }',
        '  - { name: p7, service: [a] }',
      ),
    );
    expect(state.plugins.map((p) => `${p.name} ${scopeOf(p)}`)).toEqual([
      'p0 service=a',
      'p1 service=3',
      'p2 service=a',
      'p3 consumer=u',
      'p4 consumer=u',
      'p5 consumer=u',
    ]);
    expect(state.plugins.map((p) => p.scope.service?.key)).toEqual(['s1', 's2', 's0', undefined, undefined, undefined]);
    expect(errors).toEqual([
      ['unresolved-reference', '10:17', 'plugin p6 refers to service {"name":""}, which this file does not define'],
      ['unresolved-reference', '11:17', 'plugin p7 refers to service ["a"], which this file does not define'],
    ]);
  });
});
