// decK: env placeholders (unknown, never a default), _plugin_configs + _config, _info.defaults.route.
import { load, yaml } from './helpers';

describe('decK env placeholders', () => {
  it('in request_method: cachedMethods unknown at that line, naming the placeholder', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"', //                                        1
        'routes:', //                                                       2
        '  - name: r', //                                                   3
        'plugins:', //                                                      4
        '  - name: proxy-cache', //                                         5
        '    config:', //                                                   6
        '      strategy: memory', //                                        7
        '      request_method: ${{ env "DECK_CACHE_METHODS" }}', //         8
        '      cache_control: \'${{ env "DECK_CACHE_CONTROL" }}\'', //      9
      ),
    );
    const l = byName('r').caches[0];
    expect(l.cachedMethods.known).toBe(false);
    if (!l.cachedMethods.known) {
      expect(l.cachedMethods.why).toContain('${{ env "DECK_CACHE_METHODS" }}');
      expect(l.cachedMethods.at.line).toBe(8);
    }
    expect(l.honorsOriginNoStore).toMatchObject({ known: false, at: { line: 9 } });
    expect(l.keyIncludesIdentity).toMatchObject({ known: false, at: { line: 9 } });
  });

  it('a route expression that is not text, or cannot be read: methods unknown at it, naming why; paths from the route, else /', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes:',
        '  - name: a',
        '    expression: 5',
        '  - name: b',
        '    paths: [/b]',
        '    expression: lower(http.method) == "post"',
      ),
    );
    expect(byName('a')).toMatchObject({ methods: { known: false, why: 'route expression is 5, not a string', at: { line: 4 } }, paths: ['/'] });
    expect(byName('b')).toMatchObject({
      methods: { known: false, why: expect.stringContaining('cannot read route expression'), at: { line: 7 } },
      paths: ['/b'],
    });
  });

  it('as the whole route expression: methods unknown at it; paths from the route, else /', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes:',
        '  - name: a',
        '    expression: ${{ env "DECK_EXPR" }}',
        '  - name: b',
        '    paths: [/b]',
        '    expression: \'${{ env "DECK_EXPR" }} && http.path ^= "/b"\'',
      ),
    );
    expect(byName('a')).toMatchObject({ methods: { known: false, why: expect.stringContaining('${{ env "DECK_EXPR" }}'), at: { line: 4 } }, paths: ['/'] });
    expect(byName('b')).toMatchObject({ methods: { known: false, at: { line: 7 } }, paths: ['/b'] });
  });

  it('inside a request_method list item', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes: [{ name: r }]',
        'plugins:',
        '  - name: proxy-cache',
        '    config:',
        '      request_method: [GET, \'${{ env "DECK_EXTRA" }}\']',
      ),
    );
    expect(byName('r').caches[0].cachedMethods).toMatchObject({ known: false, at: { line: 6 } });
  });

  it('in route methods and in plugin enabled', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"', //                             1
        'routes:', //                                            2
        '  - name: r', //                                        3
        '    methods: ${{ env "DECK_METHODS" }}', //             4
        'plugins:', //                                           5
        '  - name: proxy-cache', //                              6
        '    enabled: ${{ env "DECK_CACHE_ON" }}', //            7
        '    config: { request_method: [GET] }', //              8
      ),
    );
    const r = byName('r');
    expect(r.methods).toMatchObject({ known: false, at: { line: 4 } });
    expect(r.route).toBe('(methods unknown) /');
    expect(r.caches[0].cachedMethods).toMatchObject({ known: false, at: { line: 7 } });
  });

  it('in a response-transformer Cache-Control entry: noStore unknown', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'routes: [{ name: r }]',
        'plugins:',
        '  - name: response-transformer',
        '    config:',
        '      add:',
        '        headers: [\'Cache-Control:${{ env "DECK_CC" }}\']',
      ),
    );
    expect(byName('r').noStore).toMatchObject({ known: false, at: { line: 7 } });
  });

  it('elsewhere (a service URL, an unrelated header) changes nothing', () => {
    const { byName } = load(
      yaml(
        '_format_version: "3.0"',
        'services:',
        '  - name: s',
        '    url: ${{ env "DECK_UPSTREAM" }}',
        '    routes: [{ name: r, methods: [POST] }]',
        '    plugins:',
        '      - name: response-transformer',
        '        config:',
        '          add: { headers: [\'X-Env:${{ env "DECK_ENV" }}\', "Cache-Control:no-store"] }',
        '          replace: { headers: ["Cache-Control:no-store"] }',
      ),
    );
    expect(byName('r').methods).toEqual({ known: true, value: ['POST'] });
    expect(byName('r').noStore).toMatchObject({ known: true, value: { cacheControl: 'no-store', at: { line: 10 } } });
  });

  it('in a plugin foreign key: no input error, a CL006 fact at that line', () => {
    const { errors, model, byName } = load(
      yaml('_format_version: "3.0"', 'routes: [{ name: r }]', 'plugins:', '  - name: proxy-cache', '    route: ${{ env "DECK_ROUTE" }}'),
    );
    expect(errors).toEqual([]);
    expect(byName('r').caches).toEqual([]);
    expect(model.facts).toEqual([
      expect.objectContaining({ kind: 'unresolved-setting', at: expect.objectContaining({ line: 5 }), blocks: ['CL001', 'CL002', 'CL004'] }),
    ]);
  });
});

describe('_plugin_configs and _config', () => {
  const text = yaml(
    '_format_version: "3.0"', //                      1
    '_plugin_configs:', //                            2
    '  shared-cache:', //                             3
    '    strategy: memory', //                        4
    '    request_method: [GET, HEAD, POST]', //       5
    '    cache_ttl: 120', //                          6
    'routes:', //                                     7
    '  - name: a', //                                 8
    '    plugins:', //                                9
    '      - name: proxy-cache', //                   10
    '        _config: shared-cache', //               11
    '  - name: b', //                                 12
    '    plugins:', //                                13
    '      - name: proxy-cache', //                   14
    '        _config: shared-cache', //               15
    '        config:', //                             16
    '          request_method: [GET]', //             17
    '  - name: c', //                                 18
    '    plugins:', //                                19
    '      - name: proxy-cache', //                   20
    '        _config: not-defined', //                21
  );

  it('the shared config decides, located in _plugin_configs', () => {
    const a = load(text).byName('a').caches[0];
    expect(a.cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD', 'POST'] });
    expect(a.at.line).toBe(5);
    expect(a.ttl).toEqual({ known: true, value: { min: 0, default: 120, max: 120 } });
    expect(a.details?.pluginConfig).toBe('_plugin_configs.shared-cache');
  });

  it("the plugin's own config keys override it", () => {
    const b = load(text).byName('b').caches[0];
    expect(b.cachedMethods).toEqual({ known: true, value: ['GET'] });
    expect(b.at.line).toBe(17);
    expect(b.ttl).toEqual({ known: true, value: { min: 0, default: 120, max: 120 } });
  });

  it('a _config name that _plugin_configs lacks is an unresolved reference', () => {
    const { errors } = load(text);
    expect(errors).toEqual([expect.objectContaining({ code: 'unresolved-reference', line: 21 })]);
  });
});

describe('_info.defaults.route', () => {
  const text = yaml(
    '_format_version: "3.0"', //          1
    '_info:', //                          2
    '  select_tags: [team-a]', //         3
    '  defaults:', //                     4
    '    route:', //                      5
    '      methods: [GET, POST]', //      6
    '      paths: [/default]', //         7
    'routes:', //                         8
    '  - name: inherits', //              9
    '  - name: own', //                   10
    '    methods: [GET]', //              11
    '    paths: [/own]', //               12
  );
  it('fills methods and paths a route leaves out; a route keeps its own', () => {
    const { byName } = load(text);
    expect(byName('inherits').methods).toEqual({ known: true, value: ['GET', 'POST'] });
    expect(byName('inherits').route).toBe('GET,POST /default');
    expect(byName('own').route).toBe('GET /own');
    expect(byName('own').details?.selectTags).toBe('team-a');
  });
  it('a placeholder in the default is unknown at the default line', () => {
    const { byName } = load(text.replace('methods: [GET, POST]', 'methods: ${{ env "DECK_M" }}'));
    expect(byName('inherits').methods).toMatchObject({ known: false, at: { line: 6 } });
    expect(byName('own').methods).toEqual({ known: true, value: ['GET'] });
  });
});
