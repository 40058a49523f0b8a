// CL009 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL009-disabled-plugin-does-not-exempt.ts; its page: docs/rules/CL009.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, layer, noStore, only, run } from '../helpers/model';

describe('CL009 disabled-plugin-does-not-exempt', () => {
  const inert = [{ name: 'proxy-cache', scope: 'route', at: at(22) }];
  test('a disabled route-level instance next to a global cache that still applies', () => {
    const f = only(run([endpoint({ caches: [layer()], inertCacheInstances: inert, noStore: noStore() })]), 'CL009');
    expect(f[0]).toMatchObject({ line: 22, findingId: 'webhooks#route', messageId: 'disabledDoesNotExempt', data: { plugin: 'proxy-cache', scope: 'route' } });
    expect(f[0].remediation.snippet).toContain('request_method: [HEAD]');
  });
  test('look-alike: disabled instance and no broader cache', () => {
    expect(only(run([endpoint({ inertCacheInstances: inert })]), 'CL009')).toEqual([]);
  });
});
