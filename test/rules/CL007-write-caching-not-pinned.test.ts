// CL007 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL007-write-caching-not-pinned.ts; its page: docs/rules/CL007.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, known, layer, noStore, only, run } from '../helpers/model';
import type { Method } from '../../lib/model';

describe('CL007 write-caching-not-pinned', () => {
  const stageWide = layer({ kind: 'apigateway-stage-cache', name: 'stage prod */*', scope: 'stage-wide', at: at(40, 'template.yaml') });
  const post = endpoint({
    platform: 'apigateway',
    flavor: 'cloudformation',
    findingId: '/orders/POST',
    route: 'POST /orders',
    methods: known<Method[]>(['POST']),
    caches: [stageWide],
    noStore: noStore(),
  });
  test('info for an explicit write method, warning for ANY', () => {
    expect(only(run([post]), 'CL007')[0]).toMatchObject({ severity: 'info', line: 40, messageId: 'notPinned', data: { methods: 'POST' } });
    const any = {
      ...post,
      findingId: '/{proxy+}/ANY',
      route: 'ANY /{proxy+}',
      methods: known<Method[]>(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']),
      details: { httpMethod: 'ANY' },
    };
    const f = only(run([any]), 'CL007')[0];
    expect(f).toMatchObject({ severity: 'warning', messageId: 'anyNotPinned', data: { methods: 'POST, PUT, PATCH, DELETE' } });
    expect(f.remediation.snippet).toContain('HttpMethod: DELETE');
  });
  test('several routes under one */* setting: one finding, its message about the routes, counting the ANY ones', () => {
    const put = { ...post, findingId: '/orders/{id}/PUT', route: 'PUT /orders/{id}', methods: known<Method[]>(['PUT']) };
    const shared = [{ ...stageWide, id: '*/*@prod' }];
    const [both] = only(
      run([
        { ...post, caches: shared },
        { ...put, caches: shared },
      ]),
      'CL007',
    );
    expect(both).toMatchObject({ severity: 'info', messageId: 'routesNotPinned', data: {}, routes: ['POST /orders', 'PUT /orders/{id}'] });
    expect(both.message).toBe(
      'Stage-wide caching (*/*) is on and 2 routes have no explicit CachingEnabled: false for their write methods: AWS documents */* as GET-only, but pin them so the stage is safe under either reading.',
    );
    const any = { ...post, findingId: '/{proxy+}/ANY', route: 'ANY /{proxy+}', details: { httpMethod: 'ANY' } };
    expect(
      only(
        run([
          { ...post, caches: shared },
          { ...any, caches: shared },
        ]),
        'CL007',
      )[0],
    ).toMatchObject({ severity: 'warning', messageId: 'routesWithAnyNotPinned', data: { anyCount: 1 } });
  });
  test('look-alike: write methods pinned off; method-scope caching', () => {
    expect(only(run([{ ...post, caches: [{ ...stageWide, pinnedOffMethods: ['POST'] as Method[] }] }]), 'CL007')).toEqual([]);
    expect(only(run([{ ...post, caches: [{ ...stageWide, scope: 'method', cachedMethods: known<Method[]>(['GET']) }] }]), 'CL007')).toEqual([]);
  });
});
