// buildIngressState on its own: the KongState that Kong Ingress manifests translate to, field by field — which Kong
// services, routes, consumers and plugin instances exist, what each is named, where each is written, which scopes a
// plugin runs in, and the exact located errors. (attach.test.ts judges the same translation through the rules.)
import type { Method, Value } from '../../../lib/model';
import { parseYaml } from '../../../lib/parse/yaml';
import type { KongEntity, KongState } from '../../../lib/sources/kong/state';
import { readManifests } from '../../../lib/sources/kong-ingress/manifests';
import { buildIngressState } from '../../../lib/sources/kong-ingress/state';
import { docs, yaml } from './helpers';
import { scopeOf } from '../../helpers/kong-state';

function build(files: Record<string, string>) {
  const objects = Object.entries(files).flatMap(([file, text]) => readManifests(file, parseYaml(text, { tags: 'plain' })).objects);
  const { state, errors } = buildIngressState(objects);
  return { state, errors: errors.map((e) => [e.code, `${e.file}:${e.line}:${e.column}`, e.message]) };
}

const where = (e: { at: { file: string; line: number; column: number } }) => `${e.at.file}:${e.at.line}:${e.at.column}`;
const entity = (e: KongEntity) => `${e.kind} ${e.key} ${e.label} @${where(e)}`;
const methods = (v: Value<Method[]>) => (v.known ? v.value.join(',') : `unknown: ${v.why} @${v.at.file}:${v.at.line}:${v.at.column}`);
const plugins = (s: KongState) => s.plugins.map((p) => `${p.name} ${p.resource}: ${scopeOf(p)}`);

const plugin = (name: string, kind: string, extra: string[] = [], ns = 'shop') =>
  yaml(
    `apiVersion: configuration.konghq.com/v1`,
    `kind: ${kind === 'cluster' ? 'KongClusterPlugin' : 'KongPlugin'}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    ...extra,
  );

describe('Ingress → routes and services', () => {
  const text = docs(
    yaml(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: orders',
      '  namespace: shop',
      '  annotations:',
      '    konghq.com/plugins: "cache, , missing, other:nothing"',
    ), // doc 1, lines 1-7
    yaml(
      'apiVersion: networking.k8s.io/v1', // 9
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  annotations:',
      '    konghq.com/plugins: other:auth',
      '    konghq.com/methods: " post,get , BREW"',
      'spec:',
      '  ingressClassName: kong',
      '  rules:',
      '    - host: shop.example.com', // 20
      '      http:',
      '        paths:',
      '          - path: /orders',
      '            pathType: Prefix',
      '            backend: { service: { name: orders } }',
      '          - backend: { serviceName: legacy }', // 26
      '          - just text',
      '          - path: /orders',
      '            backend: { resource: { kind: KongServiceFacade, name: facade } }',
      '          - path: /orders', // 30
      '            backend: { resource: { name: bucket } }',
      '          - path: ""',
      '            backend: { resource: { kind: 7 } }',
      '    - just text',
      '    - http: { paths: not-a-list }', // 35
      '    - http:',
      '        paths:',
      '          - path: /plain',
      '            backend: { service: { name: 7 } }',
      '  defaultBackend: { service: { name: orders } }', // 40
    ),
    plugin('cache', 'plugin', ['plugin: proxy-cache']), // doc 3, line 42
    plugin('auth', 'plugin', ['plugin: key-auth'], 'other'),
    yaml('apiVersion: incubator.konghq.com/v1alpha1', 'kind: KongServiceFacade', 'metadata:', '  name: facade', '  namespace: shop'),
  );

  it('one route per path (path "" or none = "/", duplicates numbered), the default backend last; backends resolve to services', () => {
    const { state } = build({ 'm.yaml': text });
    expect(state.services.map(entity)).toEqual([
      'service s0 shop/Service/orders @m.yaml:4:3',
      'service s1 shop/KongServiceFacade/facade @m.yaml:59:3',
      'service s2 shop/Service/legacy @m.yaml:26:24', // a backend no file defines: a service of its own, at the reference
      'service s3 shop/Service/bucket @m.yaml:31:36',
    ]);
    expect(
      state.routes.map((r) => [
        r.kind,
        r.key,
        r.findingId,
        r.label === r.findingId,
        r.resource,
        r.service?.label,
        methods(r.methods),
        r.paths,
        where(r),
        r.details,
      ]),
    ).toStrictEqual([
      [
        'route',
        'r0',
        'Ingress shop/web shop.example.com/orders',
        true,
        'shop/Ingress/web',
        'shop/Service/orders',
        'GET,POST',
        ['/orders'],
        'm.yaml:23:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', pathType: 'Prefix', hosts: 'shop.example.com' },
      ],
      [
        'route',
        'r1',
        'Ingress shop/web shop.example.com/',
        true,
        'shop/Ingress/web',
        'shop/Service/legacy',
        'GET,POST',
        ['/'],
        'm.yaml:26:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', hosts: 'shop.example.com' },
      ],
      [
        'route',
        'r2',
        'Ingress shop/web shop.example.com/orders (2)',
        true,
        'shop/Ingress/web',
        'shop/KongServiceFacade/facade',
        'GET,POST',
        ['/orders'],
        'm.yaml:28:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', hosts: 'shop.example.com' },
      ],
      [
        'route',
        'r3',
        'Ingress shop/web shop.example.com/orders (3)',
        true,
        'shop/Ingress/web',
        'shop/Service/bucket',
        'GET,POST',
        ['/orders'],
        'm.yaml:30:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', hosts: 'shop.example.com' },
      ],
      [
        'route',
        'r4',
        'Ingress shop/web shop.example.com/ (2)',
        true,
        'shop/Ingress/web',
        undefined,
        'GET,POST',
        ['/'],
        'm.yaml:32:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', hosts: 'shop.example.com' },
      ],
      [
        'route',
        'r5',
        'Ingress shop/web /plain',
        true,
        'shop/Ingress/web',
        undefined,
        'GET,POST',
        ['/plain'],
        'm.yaml:38:13',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2' },
      ],
      [
        'route',
        'r6',
        'Ingress shop/web /',
        true,
        'shop/Ingress/web',
        'shop/Service/orders',
        'GET,POST',
        ['/'],
        'm.yaml:40:3',
        { namespace: 'shop', kind: 'Ingress', name: 'web', document: '2', defaultBackend: 'true' },
      ],
    ]);
  });

  it('plugins: a Service plugin runs on that service, an Ingress plugin on each of its routes; a name no file defines is one located error', () => {
    const { state, errors } = build({ 'm.yaml': text });
    expect(plugins(state)).toEqual([
      'proxy-cache shop/KongPlugin/cache: service=shop/Service/orders',
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `key-auth other/KongPlugin/auth: route=${state.routes[i].label}`),
    ]);
    expect(state.plugins.map((p) => p.key).slice(0, 2)).toEqual(['shop/KongPlugin/cache@|||s0', 'other/KongPlugin/auth@||r0|']);
    const help = 'scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)';
    expect(errors).toEqual([
      [
        'unresolved-reference',
        'm.yaml:7:5',
        `konghq.com/plugins on shop/Service/orders names plugin "missing", but no scanned file defines KongPlugin shop/missing or KongClusterPlugin missing: ${help}`,
      ],
      [
        'unresolved-reference',
        'm.yaml:7:5',
        `konghq.com/plugins on shop/Service/orders names plugin "other:nothing", but no scanned file defines KongPlugin other/nothing: ${help}`,
      ],
    ]);
  });

  it('backend.service and backend.resource point at their name; a resource of no kind is a Service', () => {
    const { state } = build({ 'm.yaml': text });
    expect(state.services[2].at.line).toBe(26);
    expect(state.services[3].label).toBe('shop/Service/bucket');
  });
});

describe('Ingress methods', () => {
  const ing = (annotations: string[]) =>
    yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  annotations:',
      ...annotations.map((a) => `    ${a}`),
      'spec:',
      '  defaultBackend: { service: { name: web } }',
    );
  const kongIngress = (name: string, route: string[]) =>
    yaml('apiVersion: configuration.konghq.com/v1', 'kind: KongIngress', 'metadata:', `  name: ${name}`, '  namespace: shop', ...route);
  const methodsOf = (files: Record<string, string>) => {
    const { state, errors } = build(files);
    return [methods(state.routes[0].methods), errors];
  };

  it('konghq.com/methods naming no known method is unknown at the annotation', () => {
    expect(methodsOf({ 'i.yaml': ing(['konghq.com/methods: "BREW, "']) })).toEqual([
      'unknown: konghq.com/methods "BREW, " names no HTTP method cachelint knows @i.yaml:7:5',
      [],
    ]);
  });

  it('konghq.com/override (trimmed) takes the KongIngress route.methods; it loses to konghq.com/methods', () => {
    const ki = kongIngress('special', ['route:', '  methods: [get, head]']);
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: " special "']), ki) })).toEqual(['GET,HEAD', []]);
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: special', 'konghq.com/methods: PUT']), ki) })).toEqual(['PUT', []]);
  });

  it('a KongIngress without route.methods (or with an empty list) leaves all methods; one naming no method is a located error', () => {
    const all = 'GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE';
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: k']), kongIngress('k', ['proxy: { path: / }'])) })).toEqual([all, []]);
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: k']), kongIngress('k', ['route: { methods: [] }'])) })).toEqual([all, []]);
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: k']), kongIngress('k', ['route: { methods: GET }'])) })).toEqual([all, []]);
    expect(methodsOf({ 'i.yaml': docs(ing(['konghq.com/override: k']), kongIngress('k', ['route:', '  methods: [BREW]'])) })).toEqual([
      all,
      [['invalid-manifest', 'i.yaml:17:3', 'KongIngress shop/KongIngress/k route.methods names no HTTP method']],
    ]);
  });

  it('an override naming a KongIngress no file defines makes the methods unknown, at the annotation', () => {
    expect(methodsOf({ 'i.yaml': ing(['konghq.com/override: " gone "']) })).toEqual([
      'unknown: konghq.com/override names KongIngress shop/gone, which no scanned file defines: its route.methods may restrict this Ingress @i.yaml:7:5',
      [],
    ]);
  });
});

describe('HTTPRoute → routes', () => {
  const text = docs(
    yaml(
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata:',
      '  name: api',
      '  namespace: shop',
      'spec:',
      '  hostnames: [a.example.com, 7, b.example.com]',
      '  rules:',
      '    - matches:',
      '        - path: { type: PathPrefix, value: /v1 }', // 10
      '          method: post',
      '        - headers: [{ name: x, value: y }]',
      '        - method: BREW',
      '          path: { value: 5 }',
      '      backendRefs: [junk, { port: 80 }, { name: api, namespace: backend, kind: KongServiceFacade }]', // 15
      '      filters:',
      '        - type: RequestHeaderModifier',
      '          extensionRef: { group: configuration.konghq.com, kind: KongPlugin, name: nope }',
      '        - type: ExtensionRef',
      '          extensionRef: { group: other.example.com, kind: KongPlugin, name: nope }', // 20
      '        - type: ExtensionRef',
      '          extensionRef: { group: configuration.konghq.com, kind: KongClusterPlugin, name: gone }',
      '        - type: ExtensionRef',
      '          extensionRef: { group: configuration.konghq.com, kind: KongPlugin, name: cache }',
      '        - type: ExtensionRef', // 25
      '          extensionRef: { group: configuration.konghq.com, name: 5 }',
      '        - junk',
      '        - { type: ExtensionRef, extensionRef: junk }',
      '    - backendRefs: [{ name: plain }]',
      '      matches: []', // 30
      '    - junk',
    ),
    plugin('cache', 'plugin', ['plugin: proxy-cache']),
  );

  it('one route per match (none = one route at the rule), methods from the match, hostnames joined, the first named backendRef', () => {
    const { state } = build({ 'r.yaml': text });
    const all = 'GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE';
    expect(state.services.map(entity)).toEqual(['service s0 backend/KongServiceFacade/api @r.yaml:15:43', 'service s1 shop/Service/plain @r.yaml:29:23']);
    expect(state.routes.map((r) => [r.findingId, r.service?.label, methods(r.methods), r.paths, where(r), r.details])).toStrictEqual([
      [
        'HTTPRoute shop/api a.example.com,b.example.com/v1',
        'backend/KongServiceFacade/api',
        'POST',
        ['/v1'],
        'r.yaml:10:11',
        { namespace: 'shop', kind: 'HTTPRoute', name: 'api', document: '1', rule: '0', match: '0', hosts: 'a.example.com,b.example.com' },
      ],
      [
        'HTTPRoute shop/api a.example.com,b.example.com/',
        'backend/KongServiceFacade/api',
        all,
        ['/'],
        'r.yaml:12:11',
        { namespace: 'shop', kind: 'HTTPRoute', name: 'api', document: '1', rule: '0', match: '1', hosts: 'a.example.com,b.example.com' },
      ],
      [
        'HTTPRoute shop/api a.example.com,b.example.com/ (2)',
        'backend/KongServiceFacade/api',
        'unknown: HTTPRoute match method "BREW" is not an HTTP method cachelint knows @r.yaml:13:11',
        ['/'],
        'r.yaml:14:11',
        { namespace: 'shop', kind: 'HTTPRoute', name: 'api', document: '1', rule: '0', match: '2', hosts: 'a.example.com,b.example.com' },
      ],
      [
        'HTTPRoute shop/api a.example.com,b.example.com/ (3)',
        'shop/Service/plain',
        all,
        ['/'],
        'r.yaml:29:7',
        { namespace: 'shop', kind: 'HTTPRoute', name: 'api', document: '1', rule: '1', match: '0', hosts: 'a.example.com,b.example.com' },
      ],
    ]);
  });

  it("only ExtensionRef filters of the Kong group attach plugins, to that rule's routes; a missing one is a located error", () => {
    const { state, errors } = build({ 'r.yaml': text });
    expect(plugins(state)).toEqual([0, 1, 2].map((i) => `proxy-cache shop/KongPlugin/cache: route=${state.routes[i].label}`));
    const help = 'but no scanned file defines it: scan the folder that holds it with this file (a plugin cachelint cannot see may be a cache)';
    expect(errors).toEqual([
      ['unresolved-reference', 'r.yaml:22:11', `filter ExtensionRef on shop/HTTPRoute/api names KongClusterPlugin gone, ${help}`],
      ['unresolved-reference', 'r.yaml:26:11', `filter ExtensionRef on shop/HTTPRoute/api names KongPlugin shop/, ${help}`],
    ]);
  });

  it('an HTTPRoute annotation attaches to every route of every rule', () => {
    const annotated = text.replace('  namespace: shop\nspec:', '  namespace: shop\n  annotations: { konghq.com/plugins: cache }\nspec:');
    const { state } = build({ 'r.yaml': annotated });
    expect(state.plugins.filter((p) => p.scope.route).map((p) => p.scope.route!.key)).toEqual(['r0', 'r1', 'r2', 'r3']);
  });
});

describe('consumers, consumer groups and how plugin scopes combine', () => {
  const text = docs(
    yaml(
      'apiVersion: configuration.konghq.com/v1beta1',
      'kind: KongConsumerGroup',
      'metadata:',
      '  name: gold',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: limit }',
    ),
    yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongConsumer',
      'metadata:',
      '  name: alice',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: cache }',
      'username: alice',
      'consumerGroups: [gold, 5, silver]',
    ), // 8-15
    yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongConsumer',
      'metadata:',
      '  name: bob',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: solo }',
      'consumerGroups: gold',
    ),
    yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  namespace: shop', '  annotations: { konghq.com/plugins: cache }'),
    yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: "cache, limit, limit, everywhere" }',
      'spec:',
      '  defaultBackend: { service: { name: web } }',
    ),
    plugin('cache', 'plugin', ['plugin: proxy-cache']),
    plugin('limit', 'plugin', ['plugin: rate-limiting']),
    plugin('solo', 'plugin', ['plugin: request-termination']),
    plugin('everywhere', 'cluster', ['  labels: { global: "true" }', 'plugin: correlation-id'], 'kong'),
    plugin('lonely-global', 'cluster', ['  labels: { global: "true" }', 'plugin: cors']),
    plugin('not-global', 'cluster', ['  labels: { global: "false" }', 'plugin: cors']),
  );

  it('consumers name their groups (a group no file defines still counts, at the reference; non-text entries are skipped)', () => {
    const { state } = build({ 'c.yaml': text });
    expect(state.consumerGroups.map(entity)).toEqual([
      'consumer_group g0 shop/KongConsumerGroup/gold @c.yaml:4:3',
      'consumer_group g1 shop/KongConsumerGroup/silver @c.yaml:15:27',
    ]);
    expect(state.consumers.map((c) => [entity(c), c.groups.map((g) => g.key)])).toEqual([
      ['consumer c0 shop/KongConsumer/alice @c.yaml:11:3', ['g0', 'g1']],
      ['consumer c1 shop/KongConsumer/bob @c.yaml:20:3', []],
    ]);
  });

  it('consumer AND route/service → per consumer on each; consumer only → per consumer; groups, services, routes each once; global KongClusterPlugins', () => {
    const { state, errors } = build({ 'c.yaml': text });
    expect(errors).toEqual([]);
    const route = state.routes[0].label;
    expect(plugins(state)).toEqual([
      // in the order plugins are first named: Services, consumer groups, consumers, Ingresses
      `proxy-cache shop/KongPlugin/cache: service=shop/Service/web consumer=shop/KongConsumer/alice`,
      `proxy-cache shop/KongPlugin/cache: route=${route} consumer=shop/KongConsumer/alice`,
      'rate-limiting shop/KongPlugin/limit: consumerGroup=shop/KongConsumerGroup/gold',
      `rate-limiting shop/KongPlugin/limit: route=${route}`, // named twice on the Ingress: one instance
      'request-termination shop/KongPlugin/solo: consumer=shop/KongConsumer/bob',
      `correlation-id KongClusterPlugin/everywhere: route=${route}`,
      'correlation-id KongClusterPlugin/everywhere: global',
      'cors KongClusterPlugin/lonely-global: global',
    ]);
    expect(state.plugins.map((p) => p.key)).toEqual([
      'shop/KongPlugin/cache@c0|||s0',
      'shop/KongPlugin/cache@c0||r0|',
      'shop/KongPlugin/limit@|g0||',
      'shop/KongPlugin/limit@||r0|',
      'shop/KongPlugin/solo@c1|||',
      'KongClusterPlugin/everywhere@||r0|',
      'KongClusterPlugin/everywhere@|||',
      'KongClusterPlugin/lonely-global@|||',
    ]);
  });
});

describe('plugin definitions', () => {
  const withIngress = (...plugins: string[]) =>
    docs(
      ...plugins,
      yaml(
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: web',
        '  namespace: shop',
        `  annotations: { konghq.com/plugins: "${plugins.map((_, i) => `p${i}`).join(',')}" }`,
        'spec:',
        '  defaultBackend: { service: { name: web } }',
      ),
    );
  const p = (i: number, lines: string[]) => plugin(`p${i}`, 'plugin', lines);

  it('without `plugin:` (or with an empty one) it is a located error and no instance', () => {
    const { state, errors } = build({ 'p.yaml': withIngress(p(0, ['config: {}']), p(1, ['plugin: ""']), p(2, ['plugin: cors'])) });
    expect(state.plugins.map((x) => x.resource)).toEqual(['shop/KongPlugin/p2']);
    expect(errors).toEqual([
      ['invalid-manifest', 'p.yaml:1:1', 'shop/KongPlugin/p0 has no `plugin:` (the Kong plugin name): cachelint cannot tell what it does'],
      ['invalid-manifest', 'p.yaml:8:1', 'shop/KongPlugin/p1 has no `plugin:` (the Kong plugin name): cachelint cannot tell what it does'],
    ]);
  });

  it('runs unless every protocol it is limited to is not HTTP', () => {
    const { state } = build({
      'p.yaml': withIngress(
        p(0, ['plugin: a', 'protocols: [grpc, https]']),
        p(1, ['plugin: b', 'protocols: [grpc, grpcs]']),
        p(2, ['plugin: c', 'protocols: []']),
        p(3, ['plugin: d', 'protocols: [http]']),
      ),
    });
    expect(state.plugins.map((x) => x.name)).toEqual(['a', 'c', 'd']);
  });

  it('disabled: a boolean, "true"/"false" text in any case, else unknown at `disabled`; where it is enabled', () => {
    const { state } = build({
      'p.yaml': withIngress(
        p(0, ['plugin: a']),
        p(1, ['plugin: b', 'disabled: " TRUE "']),
        p(2, ['plugin: c', 'disabled: "false"']),
        p(3, ['plugin: d', 'disabled: maybe']),
        p(4, ['plugin: e', 'disabled: true']),
        p(5, ['plugin: f', 'disabled: null']),
      ),
    });
    expect(
      state.plugins.map((x) => [x.name, x.enabled.known ? x.enabled.value : `unknown: ${x.enabled.why} @${x.enabled.at.line}`, x.at.line, x.enabledAt.line]),
    ).toEqual([
      ['a', true, 6, 6],
      ['b', false, 13, 14],
      ['c', true, 21, 22],
      ['d', 'unknown: disabled is "maybe", not a boolean @30', 29, 30],
      ['e', false, 37, 38],
      ['f', true, 45, 46],
    ]);
  });

  it("configFrom: every read is unknown, naming the Secret (its namespace, else the plugin's) and key", () => {
    const { state } = build({
      'p.yaml': docs(
        withIngress(
          p(0, ['plugin: a', 'configFrom: { secretKeyRef: { name: s, key: k, namespace: vault } }']),
          p(1, ['plugin: b', 'configFrom: { secretKeyRef: { name: s } }']),
          p(2, ['plugin: c', 'configFrom: { secretKeyRef: "s" }']),
          p(3, ['plugin: d', 'configFrom: null', 'config: { strategy: memory }']),
        ),
        plugin('cp', 'cluster', ['  labels: { global: "true" }', 'plugin: e', 'configFrom: { secretKeyRef: { name: s, key: 7 } }'], ''),
      ),
    });
    const entries = state.plugins.map((x) => x.config.get('strategy'));
    expect(entries.map((e) => [e?.value, e?.unknownWhy, e?.at.line])).toEqual([
      [undefined, 'the config of shop/KongPlugin/p0 comes from Secret vault/s (key k) (configFrom), which a static scan cannot read', 7],
      [undefined, 'the config of shop/KongPlugin/p1 comes from Secret shop/s (configFrom), which a static scan cannot read', 15],
      [undefined, 'the config of shop/KongPlugin/p2 comes from a Secret (configFrom), which a static scan cannot read', 23],
      ['memory', undefined, 32],
      [undefined, 'the config of KongClusterPlugin/cp comes from Secret s (configFrom), which a static scan cannot read', 50],
    ]);
  });

  it('config must be a mapping (null is none)', () => {
    const { state, errors } = build({ 'p.yaml': withIngress(p(0, ['plugin: a', 'config: [1]']), p(1, ['plugin: b', 'config: null'])) });
    expect(state.plugins.map((x) => x.config.get('0'))).toEqual([undefined, undefined]);
    expect(errors).toEqual([['invalid-manifest', 'p.yaml:7:1', 'shop/KongPlugin/p0: config must be a mapping']]);
  });

  it('configPatches: just the patched keys (JSON-pointer ~1 and ~0 decoded) are unknown, at their patch; the rest reads config', () => {
    const { state } = build({
      'p.yaml': withIngress(
        p(0, [
          'plugin: proxy-cache',
          'config: { strategy: memory, response_code: [200], cache_ttl: 5, vary: { a: 1 } }',
          'configPatches:',
          '  - path: /cache~1control', // 9
          '    valueFrom: { secretKeyRef: { name: sec } }',
          '  - junk',
          '  - path: 5',
          '  - path: /response_code/0', // 13
          '    valueFrom: { secretKeyRef: "sec" }',
          '  - path: a~0b',
          '    valueFrom: { secretKeyRef: { name: 9 } }',
        ]),
      ),
    });
    const config = state.plugins[0].config;
    const read = (e: ReturnType<typeof config.get>) => e && [e.value, e.unknownWhy, e.at.line, e.locate(['x']).line];
    expect(read(config.get('cache/control'))).toEqual([
      undefined,
      'config cache/control of shop/KongPlugin/p0 comes from Secret shop/sec (configPatches), which a static scan cannot read',
      9,
      9,
    ]);
    expect(read(config.get('a~b'))).toEqual([
      undefined,
      'config a~b of shop/KongPlugin/p0 comes from a Secret (configPatches), which a static scan cannot read',
      15,
      15,
    ]);
    expect(read(config.get('strategy'))).toEqual(['memory', undefined, 7, 7]);
    expect(read(config.getIn('response_code', '0'))).toEqual([
      undefined,
      'config response_code/0 of shop/KongPlugin/p0 comes from a Secret (configPatches), which a static scan cannot read',
      13,
      13,
    ]);
    expect(read(config.getIn('cache', 'control'))).toEqual([
      undefined,
      'config cache/control of shop/KongPlugin/p0 comes from Secret shop/sec (configPatches), which a static scan cannot read',
      9,
      9,
    ]);
    expect(read(config.getIn('vary', 'a'))).toEqual([1, undefined, 7, 7]);
    expect(config.get('5')).toBeUndefined();
  });

  it('an empty configPatches list is plain config', () => {
    const { state } = build({ 'p.yaml': withIngress(p(0, ['plugin: a', 'config: { strategy: memory }', 'configPatches: []'])) });
    expect(state.plugins[0].config.get('strategy')?.value).toBe('memory');
  });
});

describe('name resolution', () => {
  it('same file first, then the last definition anywhere; KongPlugin in the namespace before a KongClusterPlugin', () => {
    const ing = yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: "a,b,c" }',
      'spec:',
      '  defaultBackend: { service: { name: web } }',
    );
    const { state } = build({
      'x.yaml': docs(plugin('a', 'plugin', ['plugin: from-x']), plugin('b', 'plugin', ['plugin: b-first'])),
      'y.yaml': docs(
        plugin('b', 'plugin', ['plugin: b-last']),
        plugin('c', 'cluster', ['plugin: cluster-c'], ''),
        plugin('c', 'plugin', ['plugin: other-ns-c'], 'other'),
      ),
      'i.yaml': docs(ing, plugin('a', 'plugin', ['plugin: from-i']), plugin('a', 'plugin', ['plugin: from-i-last'])),
    });
    expect(plugins(state)).toEqual([
      'from-i-last shop/KongPlugin/a: route=Ingress shop/web /',
      'b-last shop/KongPlugin/b: route=Ingress shop/web /',
      'cluster-c KongClusterPlugin/c: route=Ingress shop/web /', // referenced, not labelled global: no global instance
    ]);
  });

  it('`namespace:name` names only a KongPlugin, never a KongClusterPlugin; an unreferenced, non-global KongClusterPlugin is not read', () => {
    const ing = yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: "kong:cp" }',
      'spec:',
      '  defaultBackend: { service: { name: web } }',
    );
    const { state, errors } = build({ 'i.yaml': docs(ing, plugin('cp', 'cluster', ['plugin: cors'], ''), plugin('unused', 'cluster', ['config: {}'], '')) });
    expect(state.plugins).toEqual([]);
    expect(errors.map((e) => e[2])).toEqual([expect.stringContaining('names plugin "kong:cp", but no scanned file defines KongPlugin kong/cp: scan')]);
  });

  it('a referring object with no namespace looks in default', () => {
    const ing = yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  annotations: { konghq.com/plugins: "p" }',
      'spec:',
      '  defaultBackend: { service: { name: web } }',
    );
    const { state, errors } = build({ 'i.yaml': docs(ing, plugin('p', 'plugin', ['plugin: here'], 'default')) });
    expect([state.plugins.map((x) => x.name), errors]).toEqual([['here'], []]);
  });
});
