// Foreign keys, format versions, anchors and merge keys, unresolved references.
import { join } from 'node:path';
import { load, loadFile, yaml } from './helpers';

const fixtures = join(__dirname, '../../fixtures/kong');

describe('format versions', () => {
  it('1.1: nested service plugin applies to its routes; regex paths kept as written', () => {
    const { byName, errors } = loadFile(join(fixtures, 'format-1.1.yaml'));
    expect(errors).toEqual([]);
    const r = byName('legacy-orders');
    expect(r.route).toBe('GET,POST /orders/\\d+');
    expect(r.resource).toBe('legacy/legacy-orders');
    expect(r.details?.formatVersion).toBe('1.1');
    expect(r.caches[0]).toMatchObject({ scope: 'service', cachedMethods: { known: true, value: ['GET', 'POST'] } });
    expect(r.caches[0].at.line).toBe(19);
  });

  it('2.1: top-level route and plugin bound by id objects', () => {
    const { byName, errors } = loadFile(join(fixtures, 'format-2.1.yaml'));
    expect(errors).toEqual([]);
    const r = byName('top-route');
    expect(r.resource).toBe('svc/top-route');
    expect(r.route).toBe('ANY /top');
    expect(r.caches[0]).toMatchObject({ kind: 'kong-proxy-cache', scope: 'route', ttl: { known: true, value: { min: 0, default: 60, max: 60 } } });
    // request_method defaulted: the layer points at the plugin name; the default is recorded.
    expect(r.caches[0].cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD'] });
    expect(r.caches[0].at.line).toBe(14);
    expect(r.caches[0].details?.requestMethod).toBe('default [GET, HEAD]');
  });

  it('an unknown _format_version is an input error at its line, and the file is still judged', () => {
    const { errors, endpoints } = load(yaml('services: []', '_format_version: "4.0"', 'routes:', '  - name: r'));
    expect(errors).toEqual([expect.objectContaining({ code: 'unknown-format', line: 2 })]);
    expect(endpoints).toHaveLength(1);
  });

  it('an unquoted 3.0 (a YAML number) is accepted as "3.0"', () => {
    expect(load(yaml('_format_version: 3.0', 'routes: [{ name: r }]')).errors).toEqual([]);
  });
});

describe('foreign keys', () => {
  const text = yaml(
    '_format_version: "3.0"', //                          1
    'services:', //                                       2
    '  - name: api', //                                   3
    '    id: 11111111-1111-1111-1111-111111111111', //    4
    '    url: http://api', //                             5
    'routes:', //                                         6
    '  - name: by-name', //                               7
    '    service: api', //                                8
    '    methods: [POST]', //                             9
    '  - name: by-id', //                                 10
    '    service: 11111111-1111-1111-1111-111111111111', // 11
    '  - id: 22222222-2222-2222-2222-222222222222', //    12
    '    service: { name: api }', //                      13
    '    paths: [/anon]', //                              14
    'plugins:', //                                        15
    '  - name: proxy-cache', //                           16
    '    service: { id: 11111111-1111-1111-1111-111111111111 }', // 17
    '    config: { strategy: memory, request_method: [POST] }', // 18
    '  - name: proxy-cache', //                           19
    '    route: 22222222-2222-2222-2222-222222222222', // 20
    '    config: { strategy: memory }', //                21
    '  - name: proxy-cache', //                           22
    '    service: missing-service', //                    23
    '    config: { strategy: memory, request_method: [POST] }', // 24
    '  - name: response-transformer', //                  25
    '    route: { name: no-such-route }', //              26
    '    config: { add: { headers: ["Cache-Control: no-store"] } }', // 27
  );

  it('resolves service and route references by name, by id, as strings and as objects', () => {
    const { byName } = load(text);
    expect(byName('by-name').resource).toBe('api/by-name');
    expect(byName('by-name').caches.map((l) => [l.scope, l.at.line])).toEqual([['service', 18]]);
    expect(byName('by-id').caches.map((l) => l.scope)).toEqual(['service']);
    const anon = byName('22222222-2222-2222-2222-222222222222');
    expect(anon.resource).toBe('api/22222222-2222-2222-2222-222222222222');
    expect(anon.caches.map((l) => [l.scope, l.at.line])).toEqual([['route', 19]]);
  });

  it('a reference to an entity the file does not define is an input error with its line; the rest is judged', () => {
    const { errors, endpoints, byName } = load(text);
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['unresolved-reference', 23, 5],
      ['unresolved-reference', 26, 5],
    ]);
    expect(errors[0].message).toContain('missing-service');
    expect(endpoints).toHaveLength(3);
    // The dropped instances apply to none of this file's routes.
    expect(byName('by-name').noStore).toEqual({ known: true, value: undefined });
  });

  it('a route whose service is missing is still an endpoint, with the error at its service key', () => {
    const { errors, byName } = load(yaml('_format_version: "3.0"', 'routes:', '  - name: r', '    service: nowhere'));
    expect(errors).toEqual([expect.objectContaining({ code: 'unresolved-reference', line: 4 })]);
    expect(byName('r').resource).toBe('r');
  });

  it('fallback names: ids, then index paths', () => {
    const { endpoints } = load(yaml('_format_version: "3.0"', 'services:', '  - url: http://x', '    routes:', '      - paths: [/a]', '      - paths: [/b]'));
    expect(endpoints.map((e) => [e.resource, e.findingId])).toEqual([
      ['services[0]/services[0]/0', 'services[0]/0'],
      ['services[0]/services[0]/1', 'services[0]/1'],
    ]);
  });
});

describe('YAML anchors and merge keys', () => {
  it('merged route fields and aliased plugin config are read, with the anchor lines', () => {
    const { byName, errors } = loadFile(join(fixtures, 'anchors.yaml'));
    expect(errors).toEqual([]);
    expect(byName('profile').methods).toEqual({ known: true, value: ['GET', 'PATCH'] });
    expect(byName('avatar').methods).toEqual({ known: true, value: ['GET'] });
    const layer = byName('profile').caches[0];
    expect(layer.cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD', 'PATCH'] });
    expect(layer.at.line).toBe(4); // request_method inside the anchored mapping
    expect(layer.honorsOriginNoStore).toEqual({ known: true, value: false });
  });
});
