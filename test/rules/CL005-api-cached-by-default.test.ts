// CL005 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL005-api-cached-by-default.ts; its page: docs/rules/CL005.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { endpoint, ids, known, layer, noStore, only, run } from '../helpers/model';

describe('CL005 api-cached-by-default', () => {
  const legacy = layer({ kind: 'cloudfront-forwarded-values', name: 'ForwardedValues', ttl: known({ min: 0, default: 86400, max: 31536000 }) });
  const api = endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [legacy], noStore: noStore() });
  test('legacy default TTL on an API behaviour', () => {
    expect(only(run([api]), 'CL005')[0]).toMatchObject({ messageId: 'defaultTtl', data: { layer: 'ForwardedValues (line 10)', defaultTtl: 86400 } });
  });
  test('look-alikes: static origin, DefaultTTL 0, and MinTTL > 0 (that is CL002)', () => {
    expect(only(run([{ ...api, staticOrigin: true }]), 'CL005')).toEqual([]);
    expect(only(run([{ ...api, caches: [{ ...legacy, ttl: known({ min: 0, default: 0, max: 0 }) }] }]), 'CL005')).toEqual([]);
    const r = run([{ ...api, caches: [{ ...legacy, honorsOriginNoStore: known(false) }] }]);
    expect(ids(r)).toContain('CL002');
    expect(ids(r)).not.toContain('CL005');
  });
});
