// CL004 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL004-cache-key-incomplete.ts; its page: docs/rules/CL004.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { endpoint, ids, known, layer, noStore, only, run } from '../helpers/model';
import type { Method } from '../../lib/model';

describe('CL004 cache-key-incomplete', () => {
  test('identity not in key', () => {
    const f = only(run([endpoint({ caches: [layer({ keyIncludesIdentity: known(false) })], noStore: noStore() })]), 'CL004');
    expect(f[0].message).toMatch(/does not separate callers/);
  });
  test('path parameters missing from the key', () => {
    const f = only(run([endpoint({ platform: 'apigateway', flavor: 'cloudformation', findingId: '/orders/{id}/GET', methods: known<Method[]>(['GET']), caches: [layer({ kind: 'apigateway-stage-cache', keyMissing: ['method.request.path.id'] })] })]), 'CL004');
    expect(f[0].message).toContain('method.request.path.id');
    expect(f[0].remediation.snippet).toContain('CacheKeyParameters');
  });
  test('cached writes are CL001\'s: the key is judged on the cached reads only (unless CL001 is off)', () => {
    const sharedPostCache = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), keyIncludesIdentity: known(false) });
    const postOnly = endpoint({ methods: known<Method[]>(['POST']), caches: [sharedPostCache], noStore: noStore() });
    expect(ids(run([postOnly]))).toEqual(['CL001']);
    expect(ids(run([postOnly], [], { rules: { CL001: 'off' } }))).toEqual(['CL004']);
    const getAndPost = endpoint({ methods: known<Method[]>(['GET', 'POST']), caches: [sharedPostCache], noStore: noStore() });
    const f = only(run([getAndPost]), 'CL004');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('caches GET on');
  });
  test('look-alike: complete key; or the cache does not apply to the methods served', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL004')).toEqual([]);
    expect(only(run([endpoint({ methods: known<Method[]>(['POST']), caches: [layer({ keyIncludesIdentity: known(false) })], noStore: noStore() })]), 'CL004')).toEqual([]);
  });
});
