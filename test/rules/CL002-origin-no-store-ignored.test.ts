// CL002 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL002-origin-no-store-ignored.ts; its page: docs/rules/CL002.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { endpoint, known, layer, noStore, only, run } from '../helpers/model';
import type { Method } from '../../lib/model';

describe('CL002 origin-no-store-ignored', () => {
  const ignoring = layer({ honorsOriginNoStore: known(false) });
  test('a GET cache that ignores no-store in front of a route that accepts writes', () => {
    const f = only(run([endpoint({ caches: [ignoring], noStore: noStore() })]), 'CL002');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', line: 10 });
    expect(f[0].remediation.summary).toMatch(/cache_control: true/);
  });
  test('look-alike: read-only route', () => {
    expect(only(run([endpoint({ methods: known<Method[]>(['GET', 'HEAD']), caches: [ignoring] })]), 'CL002')).toEqual([]);
  });
  test('look-alike: cache honours no-store', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL002')).toEqual([]);
  });
  test('CloudFront MinTTL > 0 on an API behaviour, but not on a static S3 origin', () => {
    const cf = layer({ kind: 'cloudfront-cache-policy', name: 'CachingOptimized', honorsOriginNoStore: known(false), ttl: known({ min: 1, default: 86400, max: 31536000 }) });
    const api = endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [cf], noStore: noStore() });
    expect(only(run([api]), 'CL002')[0].remediation.snippet).toContain('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(only(run([{ ...api, staticOrigin: true }]), 'CL002')).toEqual([]);
  });
  test('look-alike: the cache stores none of the methods this route accepts', () => {
    const postOnly = endpoint({ methods: known<Method[]>(['POST']), caches: [ignoring], noStore: noStore() });
    expect(only(run([postOnly]), 'CL002')).toEqual([]);
  });
  test('folds into CL001 where the same cache also stores the writes', () => {
    const storesPost = layer({ honorsOriginNoStore: known(false), cachedMethods: known<Method[]>(['GET', 'POST']) });
    const findings = run([endpoint({ caches: [storesPost], noStore: noStore() })]);
    expect(findings.map((f) => f.ruleId)).toEqual(['CL001']);
  });
  test('not for API Gateway stage caches (CL007 covers those)', () => {
    const api = endpoint({ platform: 'apigateway', flavor: 'cloudformation', caches: [layer({ kind: 'apigateway-stage-cache', honorsOriginNoStore: known(false) })], noStore: noStore() });
    expect(only(run([api]), 'CL002')).toEqual([]);
  });
});
