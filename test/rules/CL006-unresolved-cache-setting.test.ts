// CL006 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL006-unresolved-cache-setting.ts; its page: docs/rules/CL006.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, fact, known, layer, noStore, only, run, unknown } from '../helpers/model';
import type { Method, UnresolvedReason } from '../../lib/model';

describe('CL006 unresolved-cache-setting', () => {
  test('unknown cached methods name the value and CL001', () => {
    const f = only(
      run([endpoint({ caches: [layer({ cachedMethods: unknown('decK env placeholder ${{ env "DECK_METHODS" }}', at(14)) })], noStore: noStore() })]),
      'CL006',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 14 });
    expect(f[0].message).toMatch(/DECK_METHODS.*CL001/);
  });
  test('unknown route methods are reported once', () => {
    const u = unknown<Method[]>('expression router: http.method cannot be determined', at(7));
    const f = only(run([endpoint({ methods: u, caches: [layer()] })]), 'CL006');
    expect(f).toHaveLength(1);
  });
  test('unknown route methods are not reported where nothing caches and no webhook path matches (nothing to decide)', () => {
    const u = unknown<Method[]>('konghq.com/override names KongIngress shop/missing, which no scanned file defines', at(7));
    expect(only(run([endpoint({ methods: u })]), 'CL006')).toEqual([]);
    expect(only(run([endpoint({ methods: u, webhook: true })]), 'CL006')).toHaveLength(1);
    expect(only(run([endpoint({ methods: u, caches: [layer()] })]), 'CL006')).toHaveLength(1);
  });
  test('values hidden at one place give one finding that names every value and rule they decide', () => {
    const hidden = (field: string) =>
      unknown(`the config comes from Secret shop/c (configFrom), which a static scan cannot read (the ${field} of proxy-cache)`, at(7));
    const cache = layer({ cachedMethods: hidden('request_method'), honorsOriginNoStore: hidden('cache_control'), keyIncludesIdentity: hidden('vary_headers') });
    const f = only(run([endpoint({ caches: [cache], noStore: noStore() })]), 'CL006');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(
      'Which methods proxy-cache (global) caches, whether it honours no-store and whether its key separates callers (ANY /webhooks) cannot be resolved: ' +
        'the config comes from Secret shop/c (configFrom), which a static scan cannot read. This decides CL001, CL002, CL004; cachelint does not assume them safe.',
    );
  });
  test('the message is a template and data: the values, the cause said once, the rules they decide', () => {
    const cache = layer({ cachedMethods: unknown('placeholder A', at(7)) });
    const one = only(run([endpoint({ caches: [cache], noStore: noStore() })]), 'CL006')[0];
    expect(one).toMatchObject({
      messageId: 'unresolved',
      data: { values: 'Which methods proxy-cache (global) caches', why: 'placeholder A', rules: 'CL001' },
    });
    const both = layer({ cachedMethods: unknown('placeholder A', at(7)), honorsOriginNoStore: unknown('placeholder A', at(7)) });
    expect(only(run([endpoint({ caches: [both], noStore: noStore() })]), 'CL006')[0]).toMatchObject({
      messageId: 'unresolvedMany',
      data: { values: 'Which methods proxy-cache (global) caches and whether it honours no-store', rules: 'CL001, CL002' },
    });
  });
  test('a fact names the template of its reason, with the rules it decides when the adapter names them', () => {
    const reason: UnresolvedReason = { kind: 'method-unresolved', stage: 'prod', cachesSurely: false, method: 'Post', part: 'resource path' };
    expect(only(run([], [fact({ kind: 'unresolved-setting', reason, blocks: ['CL001', 'CL007'] })]), 'CL006')[0]).toMatchObject({
      messageId: 'methodUnresolvedNoWhyDecides',
      data: { stage: 'prod', caching: 'may cache', part: 'resource path', method: 'Post', rules: 'CL001, CL007' },
    });
    const behaviour: UnresolvedReason = { kind: 'cache-behaviour', distribution: 'Cdn', why: 'Fn::If on condition Prod' };
    expect(only(run([], [fact({ kind: 'unresolved-setting', reason: behaviour, blocks: [] })]), 'CL006')[0]).toMatchObject({
      messageId: 'cacheBehaviour',
      data: { distribution: 'Cdn', why: 'Fn::If on condition Prod' },
    });
  });
  test('values at different places stay separate findings; different causes at one place are all named', () => {
    const cache = layer({ cachedMethods: unknown('placeholder A', at(7)), keyIncludesIdentity: unknown('placeholder B', at(8)) });
    expect(only(run([endpoint({ caches: [cache], noStore: noStore() })]), 'CL006').map((x) => x.line)).toEqual([7, 8]);
    const same = layer({ cachedMethods: unknown('placeholder A', at(7)), keyIncludesIdentity: unknown('placeholder B', at(7)) });
    const f = only(run([endpoint({ caches: [same], noStore: noStore() })]), 'CL006');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/cannot be resolved: placeholder A; placeholder B\. This decides CL001, CL004;/);
  });
  test('values of two layers at one place name each layer in full', () => {
    const u = unknown<boolean>('placeholder', at(7));
    const f = only(
      run([endpoint({ caches: [layer({ name: 'cache A', honorsOriginNoStore: u }), layer({ name: 'cache B', honorsOriginNoStore: u })], noStore: noStore() })]),
      'CL006',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(
      /^Whether cache A honours no-store and whether cache B honours no-store \(ANY \/webhooks\) cannot be resolved: placeholder\. This decides CL002;/,
    );
  });
  test('a value that decides nothing here is not reported', () => {
    const u = unknown<boolean>('placeholder', at(9));
    const getOnly = known<Method[]>(['GET']);
    // A cache that stores none of the methods this route accepts: its other settings decide nothing for it.
    const postRoute = endpoint({
      methods: known<Method[]>(['POST']),
      noStore: noStore(),
      caches: [layer({ cachedMethods: getOnly, honorsOriginNoStore: u, keyIncludesIdentity: u })],
    });
    expect(only(run([postRoute]), 'CL006')).toEqual([]);
    // No-store handling matters for writes only; the TTL is CloudFront's (CL005) only.
    const readRoute = endpoint({ methods: getOnly, caches: [layer({ honorsOriginNoStore: u, ttl: unknown('placeholder', at(10)) })] });
    expect(only(run([readRoute]), 'CL006')).toEqual([]);
    const kongWrite = endpoint({ noStore: noStore(), caches: [layer({ ttl: unknown('placeholder', at(10)) })] });
    expect(only(run([kongWrite]), 'CL006')).toEqual([]);
    expect(only(run([], [fact({ kind: 'ineffective-method-setting' })]), 'CL006')).toEqual([]);
  });
  test('the same value of the same layer is named once; a lone value keeps its detail', () => {
    const u = unknown<boolean>('the config comes from Secret s (configFrom) (the cache_control of proxy-cache)', at(7));
    const twice = layer({ honorsOriginNoStore: u });
    const f = only(run([endpoint({ caches: [twice, twice], noStore: noStore() })]), 'CL006');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(
      'Whether proxy-cache (global) honours no-store (ANY /webhooks) cannot be resolved: the config comes from Secret s (configFrom) (the cache_control of proxy-cache). ' +
        'This decides CL002; cachelint does not assume it safe.',
    );
  });
  test('causes that differ before their detail are all named', () => {
    const cache = layer({ cachedMethods: unknown('cause A (the x of p)', at(7)), keyIncludesIdentity: unknown('cause B (the y of p)', at(7)) });
    const [f] = only(run([endpoint({ caches: [cache], noStore: noStore() })]), 'CL006');
    expect(f.message).toContain('cannot be resolved: cause A (the x of p); cause B (the y of p). This decides CL001, CL004;');
  });
  test('unknown no-store policy matters only on write routes behind a cache', () => {
    const u = unknown('placeholder', at(9));
    expect(only(run([endpoint({ noStore: u, caches: [layer()] })]), 'CL006')).toHaveLength(1);
    expect(only(run([endpoint({ noStore: u, caches: [layer()], methods: known<Method[]>(['GET']) })]), 'CL006')).toEqual([]);
  });
  test('facts of kind unresolved-setting', () => {
    const f = only(
      run(
        [],
        [
          fact({
            kind: 'unresolved-setting',
            reason: { kind: 'stage-caching', stage: 'prod', why: 'parameter Caching (default "true" would cache POST)' },
            blocks: ['CL001'],
          }),
        ],
      ),
      'CL006',
    );
    expect(f[0].message).toMatch(/This decides CL001/);
  });
  test('facts: the rule words what cannot be resolved and why from the data the adapter gives', () => {
    const said = (reason: UnresolvedReason) => only(run([], [fact({ kind: 'unresolved-setting', reason, blocks: ['CL001'] })]), 'CL006')[0].message;
    expect(said({ kind: 'method-unresolved', stage: 'prod', cachesSurely: true, method: 'Post', part: 'HTTP method', why: 'parameter Verb' })).toBe(
      "Stage prod caches, and the HTTP method of Post cannot be resolved: parameter Verb: whether its cache stores this method's responses is unknown. This decides CL001.",
    );
    expect(said({ kind: 'method-unresolved', stage: 'prod', cachesSurely: false, method: 'Post', part: 'resource path' })).toMatch(
      /^Stage prod may cache, and the resource path of Post cannot be resolved: whether/,
    );
    expect(said({ kind: 'methods-elsewhere', stage: 'prod', cachesSurely: true, api: 'Api', why: 'its OpenAPI definition is in S3 (BodyS3Location)' })).toMatch(
      /^Stage prod has caching on, but the methods of API Api are not in this template \(its OpenAPI definition is in S3 \(BodyS3Location\)\): /,
    );
    expect(said({ kind: 'foreach', key: 'Fn::ForEach::Apis', types: ['AWS::ApiGateway::Stage', 'AWS::CloudFront::Distribution'] })).toMatch(
      /^Fn::ForEach::Apis generates AWS::ApiGateway::Stage, AWS::CloudFront::Distribution resources at deploy time/,
    );
    expect(said({ kind: 'cache-behaviour', distribution: 'Cdn' })).toBe(
      'A cache behaviour of Cdn cannot be resolved; its methods and cache are unknown. This decides CL001.',
    );
    expect(said({ kind: 'plugin-scope', plugin: 'plugin proxy-cache', why: 'DECK_ROUTE' })).toBe(
      'The scope of plugin proxy-cache cannot be resolved: DECK_ROUTE. This decides CL001.',
    );
  });
});
