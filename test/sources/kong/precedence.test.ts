// Plugin precedence (docs/platforms/kong.md#plugin-precedence): the single most specific ENABLED instance of each plugin runs on a route.
import { load, yaml } from './helpers';

const cache = (methods: string, extra = '') => `config: { strategy: memory, request_method: [${methods}]${extra} }`;

describe('Kong plugin precedence', () => {
  const text = yaml(
    '_format_version: "3.0"', //                                   1
    'services:', //                                                 2
    '  - name: billing', //                                         3
    '    url: http://billing', //                                   4
    '    plugins:', //                                              5
    `      - name: proxy-cache`, //                                 6
    `        ${cache('GET')}`, //                                    7
    '    routes:', //                                               8
    '      - name: invoices', //                                    9
    '        paths: [/invoices]', //                                10
    '      - name: charges', //                                     11
    '        paths: [/charges]', //                                 12
    '        plugins:', //                                          13
    '          - name: proxy-cache', //                             14
    `            ${cache('GET, HEAD, PUT')}`, //                     15
    '  - name: search', //                                          16
    '    url: http://search', //                                    17
    '    routes:', //                                               18
    '      - name: query', //                                       19
    '        paths: [/q]', //                                       20
    'plugins:', //                                                  21
    '  - name: proxy-cache', //                                     22
    `    ${cache('GET, HEAD, POST')}`, //                            23
  );

  it('global applies where nothing narrower exists', () => {
    const { byName, errors } = load(text);
    expect(errors).toEqual([]);
    const q = byName('query');
    expect(q.caches).toHaveLength(1);
    expect(q.caches[0]).toMatchObject({ scope: 'global', name: 'proxy-cache (global)', cachedMethods: { known: true, value: ['GET', 'HEAD', 'POST'] } });
    expect(q.caches[0].at.line).toBe(23);
    expect(q.caches[0].details).toMatchObject({ plugin: 'proxy-cache', pluginIndexPath: 'plugins[0]' });
  });

  it('service beats global; route beats service', () => {
    const { byName } = load(text);
    const inv = byName('invoices');
    expect(inv.caches.map((l) => [l.scope, l.at.line])).toEqual([['service', 7]]);
    expect(inv.caches[0].cachedMethods).toEqual({ known: true, value: ['GET'] });
    expect(inv.caches[0].name).toBe('proxy-cache (service billing)');
    const ch = byName('charges');
    expect(ch.caches.map((l) => [l.scope, l.at.line])).toEqual([['route', 15]]);
    expect(ch.caches[0].cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD', 'PUT'] });
  });

  it('a Route+Service instance beats a route-level one; a Route+Service naming another service never applies', () => {
    const { byName, errors } = load(
      yaml(
        '_format_version: "3.0"', //                   1
        'services:', //                                2
        '  - name: a', //                              3
        '    url: http://a', //                        4
        '    routes:', //                              5
        '      - name: r1', //                         6
        '        plugins:', //                         7
        '          - name: proxy-cache', //            8
        `            ${cache('GET')}`, //               9
        '  - name: b', //                              10
        '    url: http://b', //                        11
        'plugins:', //                                 12
        '  - name: proxy-cache', //                    13
        '    route: r1', //                            14
        '    service: a', //                           15
        `    ${cache('POST')}`, //                      16
        '  - name: response-transformer', //           17
        '    route: r1', //                            18
        '    service: b', //                           19
        '    config: { add: { headers: ["Cache-Control:no-store"] } }', // 20
      ),
    );
    expect(errors).toEqual([]);
    const r1 = byName('r1');
    expect(r1.caches.map((l) => [l.scope, l.at.line])).toEqual([['route + service', 16]]);
    expect(r1.noStore).toEqual({ known: true, value: undefined });
  });

  it('consumer-scoped and consumer-group-scoped instances become extra layers named after them', () => {
    const { byName, errors } = load(
      yaml(
        '_format_version: "3.0"', //                   1
        'services:', //                                2
        '  - name: api', //                            3
        '    url: http://api', //                      4
        '    routes:', //                              5
        '      - name: orders', //                     6
        '        paths: [/orders]', //                 7
        '    plugins:', //                             8
        '      - name: key-auth', //                   9
        'consumers:', //                               10
        '  - username: alice', //                      11
        '    plugins:', //                             12
        '      - name: proxy-cache', //                13
        `        ${cache('GET, POST')}`, //             14
        '  - username: bob', //                        15
        'consumer_groups:', //                         16
        '  - name: vip', //                            17
        '    plugins:', //                             18
        '      - name: proxy-cache-advanced', //       19
        '        config: { strategy: memory }', //     20
        'plugins:', //                                 21
        '  - name: proxy-cache', //                    22
        '    consumer: bob', //                        23
        '    route: orders', //                        24
        `    ${cache('GET')}`, //                       25
      ),
    );
    expect(errors).toEqual([]);
    const o = byName('orders');
    expect(o.identity).toEqual(['key-auth']);
    const summary = o.caches.map((l) => [l.name, l.scope, l.details?.findingSuffix, l.at.line]);
    expect(summary).toEqual([
      ['proxy-cache (consumer alice)', 'consumer alice', '@consumer:alice', 14],
      ['proxy-cache (consumer bob + route orders)', 'consumer bob + route', '@consumer:bob', 25],
      ['proxy-cache-advanced (consumer group vip)', 'consumer group vip', '@consumer-group:vip', 19],
    ]);
    // The consumer id is in the key once an auth plugin identifies callers.
    expect(o.caches[0].key).toEqual({ known: true, value: ['query:*', 'consumer'] });
    expect(o.caches[0].keyIncludesIdentity).toEqual({ known: true, value: true });
  });

  it('Route+Service outranks a consumer-only instance (documented order), so no consumer layer appears', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'services:',
        '  - name: api',
        '    url: http://api',
        '    routes:',
        '      - name: orders',
        'consumers:',
        '  - username: alice',
        '    plugins:',
        '      - name: proxy-cache',
        `        ${cache('POST')}`,
        'plugins:',
        '  - name: proxy-cache',
        '    route: orders',
        '    service: api',
        `    ${cache('GET')}`,
      ),
    );
    expect(byName('orders').caches.map((l) => l.scope)).toEqual(['route + service']);
  });

  it('consumer + route outranks consumer group + route for a member', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes:',
        '  - name: r',
        '    paths: [/r]',
        'consumers:',
        '  - username: carol',
        '    groups: [{ name: gold }]',
        'consumer_groups:',
        '  - name: gold',
        'plugins:',
        '  - name: proxy-cache',
        '    consumer_group: gold',
        '    route: r',
        `    ${cache('POST')}`,
        '  - name: proxy-cache',
        '    consumer: carol',
        '    route: r',
        `    ${cache('GET')}`,
      ),
    );
    const layers = byName('r').caches.map((l) => [l.scope, l.cachedMethods.known && l.cachedMethods.value.join(',')]);
    expect(layers).toEqual([
      ['consumer carol + route', 'GET'],
      ['consumer group gold + route', 'POST'],
    ]);
  });
});

describe('consumer + route + service, the most specific shape', () => {
  const text = yaml(
    '_format_version: "3.0"',
    'services:',
    '  - name: api',
    '    url: http://api',
    '    routes:',
    '      - name: orders',
    '        paths: [/orders]',
    'consumers:',
    '  - username: dave',
    '  - username: erin',
    'plugins:',
    '  - name: proxy-cache',
    '    consumer: dave',
    '    route: orders',
    `    ${cache('POST')}`,
    '  - name: proxy-cache',
    '    consumer: dave',
    '    route: orders',
    '    service: api',
    `    ${cache('GET')}`,
    '  - name: proxy-cache',
    '    consumer: erin',
    '    route: orders',
    '    service: api',
    `    ${cache('PUT')}`,
  );
  it('outranks consumer + route for that consumer; two consumers on one route each get their own layer', () => {
    const layers = load(text)
      .byName('orders')
      .caches.map((l) => [l.scope, l.cachedMethods.known && l.cachedMethods.value.join(',')]);
    expect(layers).toEqual([
      ['consumer dave + route + service', 'GET'],
      ['consumer erin + route + service', 'PUT'],
    ]);
  });
});

describe('enabled: false does not shadow', () => {
  const text = yaml(
    '_format_version: "3.0"', //                    1
    'services:', //                                 2
    '  - name: hooks', //                           3
    '    url: http://hooks', //                     4
    '    routes:', //                               5
    '      - name: stripe', //                      6
    '        methods: [POST]', //                   7
    '        plugins:', //                          8
    '          - name: proxy-cache', //             9
    '            enabled: false', //                10
    `            ${cache('GET')}`, //                11
    '      - name: other', //                       12
    '        methods: [POST]', //                   13
    'plugins:', //                                  14
    '  - name: proxy-cache', //                     15
    `    ${cache('GET, HEAD, POST')}`, //            16
  );

  it('a disabled route-level instance falls through to the global one and is recorded as inert', () => {
    const { byName } = load(text);
    const s = byName('stripe');
    expect(s.caches.map((l) => [l.scope, l.at.line])).toEqual([['global', 16]]);
    expect(s.inertCacheInstances).toEqual([{ name: 'proxy-cache', id: 'proxy-cache@route:stripe', scope: 'route', at: expect.objectContaining({ line: 10 }) }]);
    expect(byName('other').inertCacheInstances).toBeUndefined();
  });

  it('a disabled instance with nothing broader is not inert (nothing to exempt from)', () => {
    const { byName } = load(text.replace('  - name: proxy-cache\n    config', '  - name: rate-limiting\n    config'));
    expect(byName('stripe').caches).toEqual([]);
    expect(byName('stripe').inertCacheInstances).toBeUndefined();
  });

  it('a disabled global instance never caches', () => {
    const { byName } = load(
      yaml('_format_version: "3.0"', 'routes:', '  - name: r', 'plugins:', '  - name: proxy-cache', '    enabled: false', `    ${cache('POST')}`),
    );
    expect(byName('r').caches).toEqual([]);
    expect(byName('r').inertCacheInstances).toBeUndefined();
  });
});
