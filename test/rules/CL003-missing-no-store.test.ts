// CL003 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL003-missing-no-store.ts; its page: docs/rules/CL003.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, known, layer, noStore, only, run } from '../helpers/model';
import type { Method } from '../../lib/model';

const POST_CACHE = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), at: at(12) });

describe('CL003 missing-no-store', () => {
  test('write route through a cache that stores its writes, nothing setting no-store: warning', () => {
    const f = only(run([endpoint({ caches: [POST_CACHE] })]), 'CL003');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 5, severity: 'warning', findingId: 'webhooks', routes: ['ANY /webhooks'] });
    expect(f[0]).toMatchObject({ messageId: 'missing', data: { methods: 'POST, PUT, PATCH, DELETE', layers: POST_CACHE.name } });
    expect(f[0].remediation.snippet).toMatch(/replace:[\s\S]*add:/);
  });
  test('write route through a cache that stores only GET/HEAD: info, and the fix splits the writes off instead of overriding cached reads', () => {
    const f = only(run([endpoint({ caches: [layer()] })]), 'CL003');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 5, severity: 'info' });
    expect(f[0]).toMatchObject({ messageId: 'missingNotStored', data: { methods: 'POST, PUT, PATCH, DELETE' } });
    expect(f[0].remediation.summary).toMatch(/reads are cached on purpose/);
    expect(f[0].remediation.summary).toMatch(/route of their own \(methods: \[POST, PUT, PATCH, DELETE\]\)/);
    expect(f[0].remediation.snippet).toMatch(/methods: \[POST, PUT, PATCH, DELETE\][\s\S]*replace:[\s\S]*add:/);
  });
  test('a cache with TTL 0 stores nothing: info', () => {
    const zero = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), ttl: known({ min: 0, default: 0, max: 0 }) });
    expect(only(run([endpoint({ caches: [zero] })]), 'CL003')).toEqual([expect.objectContaining({ severity: 'info' })]);
  });
  test('webhook path without any cache', () => {
    expect(only(run([endpoint({ paths: ['/webhooks/stripe'] })]), 'CL003')).toHaveLength(1);
    expect(only(run([endpoint({ paths: ['/webhooks/stripe'] })], [], { webhookPaths: [] }), 'CL003')).toEqual([]);
  });
  test('a webhook path is judged as one without changing the model: the next scan with other paths sees the endpoint as declared', () => {
    const hook = endpoint({ paths: ['/webhooks/stripe'] });
    expect(only(run([hook]), 'CL003')).toHaveLength(1);
    expect(hook.webhook).toBeUndefined();
    expect(only(run([hook], [], { webhookPaths: [] }), 'CL003')).toEqual([]);
  });
  test('default webhook paths: /hooks/ and /callbacks/ are webhooks; an OAuth /callback is not unless configured', () => {
    expect(only(run([endpoint({ paths: ['/api/hooks/github'] })]), 'CL003')).toHaveLength(1);
    expect(only(run([endpoint({ paths: ['/payments/callbacks/adyen'] })]), 'CL003')).toHaveLength(1);
    expect(only(run([endpoint({ paths: ['/auth/v1/callback'] })]), 'CL003')).toEqual([]);
    expect(only(run([endpoint({ paths: ['/auth/v1/callback'] })], [], { webhookPaths: ['**/callback'] }), 'CL003')).toHaveLength(1);
  });
  test('look-alikes: no-store set; read-only route; no cache and not a webhook', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL003')).toEqual([]);
    expect(only(run([endpoint({ caches: [layer()], methods: known<Method[]>(['GET']) })]), 'CL003')).toEqual([]);
    expect(only(run([endpoint()]), 'CL003')).toEqual([]);
  });
  test('info where only the backend can set it (proxy integration)', () => {
    expect(only(run([endpoint({ caches: [layer()], noStoreSettable: false })]), 'CL003')[0].severity).toBe('info');
  });
  test('reported beside CL001 when a cache stores the writes (another setting, another fix), whether CL001 is on or off', () => {
    const both = run([endpoint({ caches: [POST_CACHE] })]);
    expect(both.map((f) => `${f.ruleId} ${f.severity} ${f.findingId}`).sort()).toEqual(['CL001 error webhooks', 'CL003 warning webhooks']);
    const cl003 = only(both, 'CL003');
    expect(only(run([endpoint({ caches: [POST_CACHE] })], [], { rules: { CL001: 'off' } }), 'CL003')).toEqual(cl003);
  });
});
