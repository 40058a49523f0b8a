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
  test('CloudFront MinTTL > 0 on an API behaviour, but not on a static S3 origin; a managed policy that forwards nothing → CachingDisabled', () => {
    const cf = layer({
      kind: 'cloudfront-cache-policy',
      name: 'Managed-CachingOptimized',
      honorsOriginNoStore: known(false),
      ttl: known({ min: 1, default: 86400, max: 31536000 }),
      details: { policyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    });
    const api = endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [cf], noStore: noStore() });
    expect(only(run([api]), 'CL002')[0].remediation).toEqual({
      summary: expect.stringMatching(
        /^Set CachePolicyId to Managed-CachingDisabled on this behaviour \(Managed-CachingOptimized forwards no headers, cookies or query strings/,
      ),
      snippet: 'CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad  # Managed-CachingDisabled',
    });
    expect(only(run([{ ...api, flavor: 'cdk' }]), 'CL002')[0].remediation.snippet).toBe('cachePolicy: CachePolicy.CACHING_DISABLED,');
    expect(only(run([{ ...api, staticOrigin: true }]), 'CL002')).toEqual([]);
  });
  test('CloudFront custom cache policy with MinTTL > 0: the fix lowers MinTTL in that policy and keeps its key', () => {
    const cf = layer({
      kind: 'cloudfront-cache-policy',
      name: 'CachePolicy ApiCachePolicy',
      honorsOriginNoStore: known(false),
      ttl: known({ min: 60, default: 300, max: 3600 }),
      key: known(['header:x-api-key']),
      details: { policy: 'ApiCachePolicy' },
    });
    const api = endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [cf], noStore: noStore() });
    const fix = only(run([api]), 'CL002')[0].remediation;
    expect(fix).toEqual({
      summary: expect.stringMatching(/^Set MinTTL: 0 in the CachePolicyConfig of ApiCachePolicy; its cache key .* stays/),
      snippet: 'CachePolicyConfig:\n  MinTTL: 0',
    });
    expect(fix.summary + fix.snippet).not.toMatch(/CachingDisabled|4135ea2d/);
    const cdk = only(run([{ ...api, flavor: 'cdk' }]), 'CL002')[0].remediation;
    expect(cdk.snippet).toBe('minTtl: Duration.seconds(0),');
    expect(cdk.summary + cdk.snippet).not.toMatch(/CACHING_DISABLED/);
  });
  test('CloudFront legacy ForwardedValues with MinTTL > 0: the fix sets MinTTL: 0 on the behaviour and keeps ForwardedValues', () => {
    const cf = layer({
      kind: 'cloudfront-forwarded-values',
      name: 'ForwardedValues (legacy cache settings)',
      honorsOriginNoStore: known(false),
      ttl: known({ min: 5, default: 86400, max: 31536000 }),
      key: known(['header:Authorization']),
    });
    const fix = only(run([endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [cf], noStore: noStore() })]), 'CL002')[0].remediation;
    expect(fix).toEqual({ summary: expect.stringMatching(/^Set MinTTL: 0 on this behaviour; keep its ForwardedValues/), snippet: 'MinTTL: 0' });
  });
  test('CloudFront managed policy that forwards something: your own policy with the same key, not CachingDisabled', () => {
    const cf = layer({
      kind: 'cloudfront-cache-policy',
      name: 'Managed-Amplify',
      honorsOriginNoStore: known(false),
      ttl: known({ min: 2, default: 2, max: 31536000 }),
      key: known(['header:Authorization', 'querystring:*']),
      details: { policyId: '2e54312d-136d-493c-8eb9-b001f22f67d2' },
    });
    const fix = only(run([endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [cf], noStore: noStore() })]), 'CL002')[0].remediation;
    expect(fix.summary).toMatch(
      /^Replace Managed-Amplify with a CachePolicy that keys on the same inputs \(header:Authorization, querystring:\*\) with MinTTL: 0: CachingDisabled would stop forwarding them/,
    );
    expect(fix.snippet).toMatch(/^CachePolicyConfig:\n {2}MinTTL: 0\n/);
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
    const api = endpoint({
      platform: 'apigateway',
      flavor: 'cloudformation',
      caches: [layer({ kind: 'apigateway-stage-cache', honorsOriginNoStore: known(false) })],
      noStore: noStore(),
    });
    expect(only(run([api]), 'CL002')).toEqual([]);
  });
});
