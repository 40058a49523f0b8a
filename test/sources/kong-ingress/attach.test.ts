// Kong Ingress manifests end to end (scan → adapter → buildKongModel → rules): each way a plugin is attached, Kong's
// precedence between them, disabled:true, route methods, configFrom, and what is not Kong's.
import { docs, ingress, kongPlugin, scanFiles, service, yaml } from './helpers';

const CACHE_POST = ['strategy: memory', 'request_method: [GET, HEAD, POST]']; // request_method on line 9 of the plugin
const CACHE_GET = ['strategy: memory', 'request_method: [GET, HEAD]', 'cache_control: true'];
const WRITES = 'konghq.com/methods: "POST"';

describe('attachment paths', () => {
  it('Service annotation → service scope; the Ingress route through that Service gets the cache', () => {
    const { byId, routed, errors } = scanFiles({
      'm.yaml': docs(
        kongPlugin('cache', 'proxy-cache', CACHE_POST),
        service('orders', ['konghq.com/plugins: cache']),
        ingress('orders', '/orders', 'orders', [WRITES]),
      ),
    });
    expect(errors).toEqual([]);
    const e = byId('Ingress shop/orders /orders');
    expect([e.resource, e.route, e.flavor, e.at.line]).toEqual(['shop/Ingress/orders', 'POST /orders', 'kong-ingress', 34]);
    expect(e.caches.map((l) => [l.scope, l.name, l.at.line])).toEqual([['service', 'proxy-cache shop/KongPlugin/cache (service shop/Service/orders)', 9]]);
    expect(e.details).toMatchObject({ namespace: 'shop', kind: 'Ingress', name: 'orders', document: '3', service: 'shop/Service/orders' });
    // CL001 is keyed by the KongPlugin (its fix also sets cache_control: CL002 folded in); the cache stores the
    // route's POSTs and nothing sets no-store: CL003 on the route, reported beside CL001.
    expect(routed).toEqual([
      ['CL001', 'shop/KongPlugin/cache', 'm.yaml', 9, ['Ingress shop/orders /orders']],
      ['CL003', 'Ingress shop/orders /orders', 'm.yaml', 34, ['Ingress shop/orders /orders']],
    ]);
  });

  it('Ingress annotation → route scope, for every path of that Ingress only', () => {
    const other = ingress('admin', '/admin', 'admin', [WRITES]);
    const { byId, routed } = scanFiles({
      'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache', WRITES]), other),
    });
    expect(byId('Ingress shop/orders /orders').caches.map((l) => l.scope)).toEqual(['route']);
    expect(byId('Ingress shop/admin /admin').caches).toEqual([]);
    expect(routed.filter((h) => h[0] === 'CL001')).toEqual([['CL001', 'shop/KongPlugin/cache', 'm.yaml', 9, ['Ingress shop/orders /orders']]]);
  });

  it('HTTPRoute annotation → route scope; methods from matches[].method (a match without method = all)', () => {
    const route = yaml(
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata:',
      '  name: orders',
      '  namespace: shop',
      '  annotations:',
      '    konghq.com/plugins: cache',
      'spec:',
      '  parentRefs: [{ name: kong }]',
      '  rules:',
      '    - matches:',
      '        - path: { type: PathPrefix, value: /orders }',
      '          method: GET',
      '        - path: { type: PathPrefix, value: /orders }',
      '          method: POST',
      '      backendRefs: [{ name: orders, port: 80 }]',
      '    - matches:',
      '        - path: { type: PathPrefix, value: /any }',
      '      backendRefs: [{ name: orders, port: 80 }]',
    );
    const { endpoints, routed, errors } = scanFiles({ 'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), route) });
    expect(errors).toEqual([]);
    expect(endpoints.map((e) => [e.findingId, e.route, e.at.line])).toEqual([
      ['HTTPRoute shop/orders /orders', 'GET /orders', 22],
      ['HTTPRoute shop/orders /orders (2)', 'POST /orders', 24],
      ['HTTPRoute shop/orders /any', 'ANY /any', 28],
    ]);
    // One KongPlugin, one CL001: the routes it caches POST on (not the GET-only match) are listed.
    expect(routed.filter((h) => h[0] === 'CL001').map((h) => [h[1], h[4]])).toEqual([
      ['shop/KongPlugin/cache', ['HTTPRoute shop/orders /orders (2)', 'HTTPRoute shop/orders /any']],
    ]);
  });

  it('HTTPRoute filters[] ExtensionRef → the KongPlugin on that rule only; a KongClusterPlugin by kind', () => {
    const route = yaml(
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata:',
      '  name: hooks',
      '  namespace: shop',
      'spec:',
      '  rules:',
      '    - matches: [{ path: { type: PathPrefix, value: /webhooks } }]',
      '      filters:',
      '        - type: ExtensionRef',
      '          extensionRef: { group: configuration.konghq.com, kind: KongPlugin, name: cache }',
      '      backendRefs: [{ name: hooks, port: 80 }]',
      '    - matches: [{ path: { type: PathPrefix, value: /status } }]',
      '      filters:',
      '        - type: ExtensionRef',
      '          extensionRef: { group: configuration.konghq.com, kind: KongClusterPlugin, name: cluster-cache }',
      '      backendRefs: [{ name: hooks, port: 80 }]',
      '    - matches: [{ path: { type: PathPrefix, value: /plain } }]',
      '      backendRefs: [{ name: hooks, port: 80 }]',
    );
    const cluster = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongClusterPlugin',
      'metadata:',
      '  name: cluster-cache',
      'plugin: proxy-cache',
      'config:',
      '  request_method: [GET]',
      '  cache_control: true',
    );
    const { byId, routed, errors } = scanFiles({ 'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), route, cluster) });
    expect(errors).toEqual([]);
    expect(byId('HTTPRoute shop/hooks /webhooks').caches.map((l) => [l.scope, l.details?.pluginIndexPath])).toEqual([['route', 'shop/KongPlugin/cache@||r0|']]);
    expect(byId('HTTPRoute shop/hooks /status').caches.map((l) => l.name)).toEqual([
      'proxy-cache KongClusterPlugin/cluster-cache (route HTTPRoute shop/hooks /status)',
    ]);
    expect(byId('HTTPRoute shop/hooks /plain').caches).toEqual([]);
    expect(routed.filter((h) => h[0] === 'CL001')).toEqual([['CL001', 'shop/KongPlugin/cache', 'm.yaml', 9, ['HTTPRoute shop/hooks /webhooks']]]);
  });

  it('one KongPlugin named by a Service and by Ingresses: ONE CL001 on the KongPlugin listing every route it caches POST on', () => {
    const { routed, errors } = scanFiles({
      'm.yaml': docs(
        kongPlugin('cache', 'proxy-cache', CACHE_POST),
        service('orders', ['konghq.com/plugins: cache']),
        ingress('orders', '/orders', 'orders', [WRITES]), // service scope, through the Service
        ingress('carts', '/carts', 'carts', ['konghq.com/plugins: cache', WRITES]), // route scope
        ingress('admin', '/admin', 'admin', ['konghq.com/plugins: cache']), // route scope, all methods
        ingress('reads', '/reads', 'reads', ['konghq.com/plugins: cache', 'konghq.com/methods: GET']), // caches no POST here
      ),
    });
    expect(errors).toEqual([]);
    // Several Kong instances of one resource are one setting: editing the KongPlugin fixes them all.
    expect(routed.filter((h) => h[0] === 'CL001')).toEqual([
      ['CL001', 'shop/KongPlugin/cache', 'm.yaml', 9, ['Ingress shop/orders /orders', 'Ingress shop/carts /carts', 'Ingress shop/admin /admin']],
    ]);
  });

  it('two KongPlugins with the same config are two settings: one CL001 each', () => {
    const { routed, errors } = scanFiles({
      'm.yaml': docs(
        kongPlugin('cache-a', 'proxy-cache', CACHE_POST),
        kongPlugin('cache-b', 'proxy-cache', CACHE_POST),
        ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache-a', WRITES]),
        ingress('carts', '/carts', 'carts', ['konghq.com/plugins: cache-b', WRITES]),
      ),
    });
    expect(errors).toEqual([]);
    expect(routed.filter((h) => h[0] === 'CL001')).toEqual([
      ['CL001', 'shop/KongPlugin/cache-a', 'm.yaml', 9, ['Ingress shop/orders /orders']],
      ['CL001', 'shop/KongPlugin/cache-b', 'm.yaml', 19, ['Ingress shop/carts /carts']],
    ]);
  });

  it('KongClusterPlugin labelled global: "true" → global; without the label and unreferenced it applies nowhere', () => {
    const cluster = (name: string, global: boolean) =>
      yaml(
        'apiVersion: configuration.konghq.com/v1',
        'kind: KongClusterPlugin',
        'metadata:',
        `  name: ${name}`,
        ...(global ? ['  labels:', '    global: "true"'] : []),
        'plugin: proxy-cache',
        'config:',
        '  request_method: [GET, HEAD, POST]',
      );
    const global = scanFiles({ 'm.yaml': docs(cluster('everywhere', true), ingress('orders', '/orders', 'orders')) });
    expect(global.byId('Ingress shop/orders /orders').caches.map((l) => [l.scope, l.name])).toEqual([
      ['global', 'proxy-cache KongClusterPlugin/everywhere (global)'],
    ]);
    expect(global.routed.filter((h) => h[0] === 'CL001')).toEqual([['CL001', 'KongClusterPlugin/everywhere', 'm.yaml', 9, ['Ingress shop/orders /orders']]]);
    const unlabelled = scanFiles({ 'm.yaml': docs(cluster('nowhere', false), ingress('orders', '/orders', 'orders')) });
    expect(unlabelled.errors).toEqual([]);
    expect(unlabelled.byId('Ingress shop/orders /orders').caches).toEqual([]);
    expect(unlabelled.hits).toEqual([]);
  });

  it('a KongPlugin labelled global is not global (only KongClusterPlugin is)', () => {
    const { byId, hits } = scanFiles({
      'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST, ['  labels:', '    global: "true"']), ingress('orders', '/orders', 'orders')),
    });
    expect(byId('Ingress shop/orders /orders').caches).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('KongConsumer annotation → consumer scope (a variant layer for that consumer); with the Ingress too → consumer + route', () => {
    const consumer = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongConsumer',
      'metadata:',
      '  name: partner',
      '  namespace: shop',
      '  annotations:',
      '    konghq.com/plugins: cache',
      'username: partner',
    );
    const only = scanFiles({ 'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), consumer, ingress('orders', '/orders', 'orders', [WRITES])) });
    expect(only.errors).toEqual([]);
    expect(only.byId('Ingress shop/orders /orders').caches.map((l) => [l.scope, l.details?.findingSuffix])).toEqual([
      ['consumer shop/KongConsumer/partner', '@consumer:shop/KongConsumer/partner'],
    ]);
    // Keyed by the KongPlugin, the setting its fix changes (the consumer scope is in the layer, not the id).
    expect(only.routed.filter((h) => h[0] === 'CL001')).toEqual([['CL001', 'shop/KongPlugin/cache', 'm.yaml', 9, ['Ingress shop/orders /orders']]]);

    // KIC GetCombinations: one KongPlugin named by a consumer and a route runs for that consumer on that route only.
    const both = scanFiles({
      'm.yaml': docs(
        kongPlugin('cache', 'proxy-cache', CACHE_POST),
        consumer,
        ingress('orders', '/orders', 'orders', [WRITES, 'konghq.com/plugins: cache']),
        ingress('admin', '/admin', 'admin', [WRITES]),
      ),
    });
    expect(both.byId('Ingress shop/orders /orders').caches.map((l) => l.scope)).toEqual(['consumer shop/KongConsumer/partner + route']);
    expect(both.byId('Ingress shop/admin /admin').caches).toEqual([]);
  });

  it('KongConsumerGroup annotation → consumer group scope; consumers name their groups', () => {
    const group = yaml(
      'apiVersion: configuration.konghq.com/v1beta1',
      'kind: KongConsumerGroup',
      'metadata:',
      '  name: gold',
      '  namespace: shop',
      '  annotations:',
      '    konghq.com/plugins: cache',
    );
    const consumer = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongConsumer',
      'metadata:',
      '  name: partner',
      '  namespace: shop',
      'username: partner',
      'consumerGroups: [gold]',
    );
    const { byId, errors } = scanFiles({
      'm.yaml': docs(kongPlugin('cache', 'proxy-cache', CACHE_POST), group, consumer, ingress('orders', '/orders', 'orders', [WRITES])),
    });
    expect(errors).toEqual([]);
    expect(byId('Ingress shop/orders /orders').caches.map((l) => [l.scope, l.details?.findingSuffix])).toEqual([
      ['consumer group shop/KongConsumerGroup/gold', '@consumer-group:shop/KongConsumerGroup/gold'],
    ]);
  });

  it('`namespace:name` names a KongPlugin in another namespace', () => {
    const { byId, errors } = scanFiles({
      'm.yaml': docs(
        kongPlugin('cache', 'proxy-cache', CACHE_POST, [], 'shared'),
        ingress('orders', '/orders', 'orders', ['konghq.com/plugins: shared:cache']),
      ),
    });
    expect(errors).toEqual([]);
    expect(byId('Ingress shop/orders /orders').caches.map((l) => l.details?.pluginIndexPath)).toEqual(['shared/KongPlugin/cache@||r0|']);
  });

  it("a namespaced KongPlugin is looked up in the annotated object's namespace before a KongClusterPlugin of that name", () => {
    const cluster = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongClusterPlugin',
      'metadata:',
      '  name: cache',
      'plugin: proxy-cache',
      'config:',
      '  request_method: [GET, POST]',
    );
    const { byId } = scanFiles({
      'm.yaml': docs(
        cluster,
        kongPlugin('cache', 'proxy-cache', CACHE_GET),
        ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache']),
        ingress('other', '/other', 'other', ['konghq.com/plugins: cache'], 'elsewhere'),
      ),
    });
    expect(byId('Ingress shop/orders /orders').caches.map((l) => l.details?.pluginIndexPath)).toEqual(['shop/KongPlugin/cache@||r0|']);
    expect(byId('Ingress elsewhere/other /other').caches.map((l) => l.details?.pluginIndexPath)).toEqual(['KongClusterPlugin/cache@||r1|']);
  });
});

describe('precedence between attachments (Kong: route > service > global, only the most specific enabled instance runs)', () => {
  const global = yaml(
    'apiVersion: configuration.konghq.com/v1',
    'kind: KongClusterPlugin',
    'metadata:',
    '  name: global-cache',
    '  labels:',
    '    global: "true"',
    'plugin: proxy-cache',
    'config:',
    '  request_method: [GET, HEAD, POST]',
  );

  it('an Ingress (route) instance with GET-only replaces the global one: no CL001', () => {
    const { byId, hits } = scanFiles({
      'm.yaml': docs(global, kongPlugin('reads', 'proxy-cache', CACHE_GET), ingress('orders', '/orders', 'orders', ['konghq.com/plugins: reads'])),
    });
    expect(byId('Ingress shop/orders /orders').caches.map((l) => l.scope)).toEqual(['route']);
    expect(hits.filter((h) => h[0] === 'CL001')).toEqual([]);
  });

  it('a Service instance replaces the global one, an Ingress instance replaces the Service one', () => {
    const svc = scanFiles({
      'm.yaml': docs(
        global,
        kongPlugin('reads', 'proxy-cache', CACHE_GET),
        service('orders', ['konghq.com/plugins: reads']),
        ingress('orders', '/orders', 'orders'),
      ),
    });
    expect(svc.byId('Ingress shop/orders /orders').caches.map((l) => l.scope)).toEqual(['service']);
    expect(svc.hits.filter((h) => h[0] === 'CL001')).toEqual([]);
    const route = scanFiles({
      'm.yaml': docs(
        kongPlugin('reads', 'proxy-cache', CACHE_GET),
        kongPlugin('writes', 'proxy-cache', CACHE_POST),
        service('orders', ['konghq.com/plugins: reads']),
        ingress('orders', '/orders', 'orders', ['konghq.com/plugins: writes']),
      ),
    });
    expect(route.byId('Ingress shop/orders /orders').caches.map((l) => [l.scope, l.details?.pluginIndexPath])).toEqual([
      ['route', 'shop/KongPlugin/writes@||r0|'],
    ]);
  });

  it('disabled: true on the Ingress instance does not shadow the global cache: CL001 from the global, CL009 at `disabled`', () => {
    const off = kongPlugin('no-cache', 'proxy-cache', ['request_method: [GET]'], []) + 'disabled: true\n'; // disabled on line 9
    const { byId, routed } = scanFiles({ 'm.yaml': docs(global, off, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: no-cache'])) });
    const e = byId('Ingress shop/orders /orders');
    expect(e.caches.map((l) => l.scope)).toEqual(['global']);
    expect(e.inertCacheInstances?.map((i) => [i.scope, i.id, i.at.line])).toEqual([['route', 'shop/KongPlugin/no-cache', 19]]);
    expect(routed.filter((h) => h[0] === 'CL001' || h[0] === 'CL009')).toEqual([
      ['CL001', 'KongClusterPlugin/global-cache', 'm.yaml', 9, ['Ingress shop/orders /orders']],
      ['CL009', 'shop/KongPlugin/no-cache', 'm.yaml', 19, ['Ingress shop/orders /orders']],
    ]);
  });

  it('disabled: false is an ordinary enabled instance (it shadows)', () => {
    const on = kongPlugin('reads', 'proxy-cache', CACHE_GET) + 'disabled: false\n';
    const { hits } = scanFiles({ 'm.yaml': docs(global, on, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: reads'])) });
    expect(hits.filter((h) => h[0] === 'CL001' || h[0] === 'CL009')).toEqual([]);
  });
});

describe('route methods', () => {
  const cache = kongPlugin('cache', 'proxy-cache', CACHE_POST);
  it('konghq.com/methods restricts the Ingress routes; absent = all methods', () => {
    const { byId, routed } = scanFiles({
      'm.yaml': docs(
        cache,
        ingress('reads', '/reads', 'api', ['konghq.com/plugins: cache', 'konghq.com/methods: "GET,HEAD"']),
        ingress('all', '/all', 'api', ['konghq.com/plugins: cache']),
      ),
    });
    expect(byId('Ingress shop/reads /reads').methods).toEqual({ known: true, value: ['GET', 'HEAD'] });
    expect(byId('Ingress shop/all /all').route).toBe('ANY /all');
    expect(routed.filter((h) => h[0] === 'CL001').map((h) => [h[1], h[4]])).toEqual([['shop/KongPlugin/cache', ['Ingress shop/all /all']]]);
  });

  it('a KongIngress route.methods (konghq.com/override) applies; the methods annotation wins over it', () => {
    const ki = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongIngress',
      'metadata:',
      '  name: reads-only',
      '  namespace: shop',
      'route:',
      '  methods: [GET]',
    );
    const { byId } = scanFiles({
      'm.yaml': docs(
        cache,
        ki,
        ingress('a', '/a', 'api', ['konghq.com/override: reads-only']),
        ingress('b', '/b', 'api', ['konghq.com/override: reads-only', 'konghq.com/methods: POST']),
      ),
    });
    expect(byId('Ingress shop/a /a').route).toBe('GET /a');
    expect(byId('Ingress shop/b /b').route).toBe('POST /b');
  });

  it('an override naming a KongIngress no file defines makes the methods unknown (CL006 where a cache depends on them)', () => {
    const { byId, hits } = scanFiles({ 'm.yaml': docs(cache, ingress('a', '/a', 'api', ['konghq.com/override: elsewhere', 'konghq.com/plugins: cache'])) });
    const e = byId('Ingress shop/a /a');
    expect(e.methods).toMatchObject({ known: false, why: expect.stringContaining('KongIngress shop/elsewhere') });
    expect(hits.filter((h) => h[0] === 'CL006').map((h) => [h[1], h[3]])).toEqual([['Ingress shop/a /a', 17]]);
  });
});

describe('plugin definitions', () => {
  it('configFrom (a Secret) makes the cache unknown: CL006 at configFrom, never judged safe', () => {
    const secretCache = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata:',
      '  name: cache',
      '  namespace: shop',
      'plugin: proxy-cache',
      'configFrom:',
      '  secretKeyRef:',
      '    name: cache-config',
      '    key: config',
    );
    const { byId, hits } = scanFiles({ 'm.yaml': docs(secretCache, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache'])) });
    const layer = byId('Ingress shop/orders /orders').caches[0];
    expect(layer.cachedMethods).toMatchObject({ known: false, why: expect.stringContaining('Secret shop/cache-config (key config) (configFrom)') });
    // One CL006 per undecidable field (methods, no-store, key), all at configFrom.
    expect(new Set(hits.filter((h) => h[0] === 'CL006').map((h) => h[3]))).toEqual(new Set([7]));
    expect(hits.some((h) => h[0] === 'CL001')).toBe(false);
  });

  it('configPatches from a Secret make just the patched keys unknown', () => {
    const patched =
      kongPlugin('cache', 'proxy-cache', ['request_method: [GET]']) +
      yaml('configPatches:', '  - path: /request_method', '    valueFrom:', '      secretKeyRef: { name: methods, key: m }');
    const { byId } = scanFiles({ 'm.yaml': docs(patched, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache'])) });
    const layer = byId('Ingress shop/orders /orders').caches[0];
    expect(layer.cachedMethods).toMatchObject({ known: false, why: expect.stringContaining('configPatches') });
    expect(layer.honorsOriginNoStore).toEqual({ known: true, value: false });
  });

  it('a plugin limited to non-HTTP protocols never runs on an Ingress route', () => {
    const grpcOnly = kongPlugin('cache', 'proxy-cache', CACHE_POST) + 'protocols: [grpc, grpcs]\n';
    const { byId } = scanFiles({ 'm.yaml': docs(grpcOnly, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache'])) });
    expect(byId('Ingress shop/orders /orders').caches).toEqual([]);
  });

  it('a KongPlugin without `plugin:` is a located error', () => {
    const broken = yaml(
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata:',
      '  name: cache',
      '  namespace: shop',
      'config:',
      '  request_method: [POST]',
    );
    const { errors } = scanFiles({ 'm.yaml': docs(broken, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache'])) });
    expect(errors.map((e) => [e.file, e.line, e.code])).toEqual([['m.yaml', 1, 'invalid-manifest']]);
  });

  it('response-transformer KongPlugin on the Ingress sets no-store: no CL003 on a write route behind a cache', () => {
    const rt = kongPlugin('no-store', 'response-transformer', [
      'replace:',
      '  headers: ["Cache-Control:no-store"]',
      'add:',
      '  headers: ["Cache-Control:no-store"]',
    ]);
    const reads = kongPlugin('cache', 'proxy-cache', CACHE_GET);
    const without = scanFiles({ 'm.yaml': docs(reads, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: cache'])) });
    expect(without.hits.map((h) => h[0])).toEqual(['CL003']);
    const withRt = scanFiles({ 'm.yaml': docs(reads, rt, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: "cache, no-store"'])) });
    expect(withRt.hits).toEqual([]);
  });

  it('a response-transformer whose config comes from a Secret (configFrom): its no-store is unknown, at configFrom', () => {
    const reads = kongPlugin('cache', 'proxy-cache', CACHE_GET);
    const fromSecret = kongPlugin('no-store', 'response-transformer', [], [], 'shop').replace(
      'plugin: response-transformer',
      'plugin: response-transformer\nconfigFrom: { secretKeyRef: { name: rt, key: config } }',
    );
    const { byId } = scanFiles({ 'm.yaml': docs(reads, fromSecret, ingress('orders', '/orders', 'orders', ['konghq.com/plugins: "cache, no-store"'])) });
    const noStore = byId('Ingress shop/orders /orders').noStore;
    expect(noStore.known).toBe(false);
    if (!noStore.known) {
      expect(noStore.why).toBe(
        'the config of shop/KongPlugin/no-store comes from Secret shop/rt (key config) (configFrom), which a static scan cannot read (the replace headers of response-transformer)',
      );
      expect(noStore.at.line).toBe(18); // configFrom
    }
  });
});

describe("what is not Kong's", () => {
  it('a List of manifests is read item by item', () => {
    const list = yaml(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: configuration.konghq.com/v1',
      '    kind: KongPlugin',
      '    metadata: { name: cache, namespace: shop }',
      '    plugin: proxy-cache',
      '    config: { request_method: [POST] }',
      '  - apiVersion: networking.k8s.io/v1',
      '    kind: Ingress',
      '    metadata:',
      '      name: orders',
      '      namespace: shop',
      '      annotations: { konghq.com/plugins: cache }',
      '    spec:',
      '      rules: [{ http: { paths: [{ path: /orders, pathType: Prefix, backend: { service: { name: orders, port: { number: 80 } } } }] } }]',
    );
    const { routed, errors } = scanFiles({ 'list.yaml': list });
    expect(errors).toEqual([]);
    expect(routed.filter((h) => h[0] === 'CL001')).toEqual([['CL001', 'shop/KongPlugin/cache', 'list.yaml', 8, ['Ingress shop/orders /orders']]]);
  });

  it('an Ingress of another controller is neither claimed nor read; a plain Deployment file is skipped', () => {
    const nginx = ingress('orders', '/orders', 'orders').replace('ingressClassName: kong', 'ingressClassName: nginx');
    const deployment = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec: {}');
    const { result } = scanFiles({ 'nginx.yaml': nginx, 'deploy.yaml': deployment, 'kong.yaml': docs(kongPlugin('x', 'key-auth'), nginx) });
    expect(result.files.map((f) => [f.file, f.status, f.format])).toEqual([
      ['deploy.yaml', 'skipped', undefined],
      ['kong.yaml', 'scanned', 'kong-ingress'],
      ['nginx.yaml', 'skipped', undefined],
    ]);
    expect(result.models?.flatMap((m) => m.endpoints)).toEqual([]);
  });

  it("a decK file stays the Kong adapter's", () => {
    const { result } = scanFiles({
      'kong.yaml': yaml('_format_version: "3.0"', 'services:', '  - name: s', '    url: http://x', '    routes: [{ name: r, paths: [/r] }]'),
    });
    expect(result.files.map((f) => f.format)).toEqual(['kong']);
  });
});

describe('older and newer backends', () => {
  const cache = kongPlugin('cache', 'proxy-cache', CACHE_POST);
  it('extensions/v1beta1 serviceName backends and spec.defaultBackend become routes to that Service', () => {
    const old = yaml(
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata:',
      '  name: legacy',
      '  namespace: shop',
      '  annotations: { kubernetes.io/ingress.class: kong }',
      'spec:',
      '  backend: { serviceName: fallback, servicePort: 80 }',
      '  rules:',
      '    - host: shop.example.com',
      '      http:',
      '        paths:',
      '          - path: /legacy',
      '            backend: { serviceName: orders, servicePort: 80 }',
    );
    const { endpoints, errors } = scanFiles({ 'm.yaml': docs(cache, service('orders', ['konghq.com/plugins: cache']), old) });
    expect(errors).toEqual([]);
    expect(endpoints.map((e) => [e.findingId, e.details?.service, e.caches.length])).toEqual([
      ['Ingress shop/legacy shop.example.com/legacy', 'shop/Service/orders', 1],
      ['Ingress shop/legacy /', 'shop/Service/fallback', 0],
    ]);
  });

  it('a KongServiceFacade backend is a service of its own: its konghq.com/plugins apply at service scope', () => {
    const facade = yaml(
      'apiVersion: incubator.ingress-controller.konghq.com/v1alpha1',
      'kind: KongServiceFacade',
      'metadata:',
      '  name: alpha',
      '  namespace: shop',
      '  annotations: { konghq.com/plugins: cache }',
      'spec: { backendRef: { name: orders, port: 80 } }',
    );
    const ing = yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: { name: facade, namespace: shop }',
      'spec:',
      '  ingressClassName: kong',
      '  rules:',
      '    - http:',
      '        paths:',
      '          - path: /alpha',
      '            pathType: Prefix',
      '            backend: { resource: { apiGroup: incubator.ingress-controller.konghq.com, kind: KongServiceFacade, name: alpha } }',
    );
    const { byId } = scanFiles({ 'm.yaml': docs(cache, facade, ing) });
    const e = byId('Ingress shop/facade /alpha');
    expect([e.details?.service, e.caches.map((l) => l.scope)]).toEqual(['shop/KongServiceFacade/alpha', ['service']]);
  });
});
