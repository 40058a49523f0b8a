// CL006 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL006-unresolved-cache-setting.ts; its page: docs/rules/CL006.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, fact, known, layer, noStore, only, run, unknown } from '../helpers/model';
import type { Method } from '../../lib/model';

describe('CL006 unresolved-cache-setting', () => {
  test('unknown cached methods name the value and CL001', () => {
    const f = only(run([endpoint({ caches: [layer({ cachedMethods: unknown('decK env placeholder ${{ env "DECK_METHODS" }}', at(14)) })], noStore: noStore() })]), 'CL006');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 14 });
    expect(f[0].message).toMatch(/DECK_METHODS.*CL001/);
  });
  test('unknown route methods are reported once', () => {
    const u = unknown<Method[]>('expression router: http.method cannot be determined', at(7));
    const f = only(run([endpoint({ methods: u, caches: [layer()] })]), 'CL006');
    expect(f).toHaveLength(1);
  });
  test('unknown no-store policy matters only on write routes behind a cache', () => {
    const u = unknown('placeholder', at(9));
    expect(only(run([endpoint({ noStore: u, caches: [layer()] })]), 'CL006')).toHaveLength(1);
    expect(only(run([endpoint({ noStore: u, caches: [layer()], methods: known<Method[]>(['GET']) })]), 'CL006')).toEqual([]);
  });
  test('facts of kind unresolved-setting', () => {
    const f = only(run([], [fact({ kind: 'unresolved-setting', message: 'CachingEnabled is !Ref Caching (default "true" would cache POST).', blocks: ['CL001'] })]), 'CL006');
    expect(f[0].message).toMatch(/This decides CL001/);
  });
});
