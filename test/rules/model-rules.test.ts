// Rule behaviour on the model: the bad case, the safe look-alike that must not be flagged, and the folding
// between rules (one root cause, one finding). Platform adapters have their own end-to-end tests.
import { at, endpoint, fact, ids, known, layer, noStore, only, run, unknown } from '../helpers/model';
import type { Method } from '../../lib/model';

const POST_CACHE = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), at: at(12) });

describe('CL001 unsafe-method-cached', () => {
  test('a cache storing POST on a route that accepts POST', () => {
    const f = only(run([endpoint({ caches: [POST_CACHE], noStore: noStore() })]), 'CL001');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', line: 12, findingId: 'webhooks', resource: 'svc/webhooks' });
    expect(f[0].message).toMatch(/caches POST responses/);
    expect(f[0].remediation.summary).toMatch(/request_method: \[GET, HEAD\]/);
  });
  test('messages name the layer by file:line, or by construct path when the layer came from CDK', () => {
    const fromFile = only(run([endpoint({ caches: [POST_CACHE], noStore: noStore() })]), 'CL001');
    expect(fromFile[0].message).toContain('proxy-cache (global) (test.yaml:12)');
    const cdkLayer = { ...POST_CACHE, at: { ...POST_CACHE.at, constructPath: 'Prod/Webhooks/DeploymentStage.prod' } };
    const fromCdk = only(run([endpoint({ caches: [cdkLayer], noStore: noStore() })]), 'CL001');
    expect(fromCdk[0].message).toContain('(Prod/Webhooks/DeploymentStage.prod)');
    expect(fromCdk[0].message).not.toContain('test.yaml:12');
  });
  test('look-alike: the cache stores POST but the route accepts only GET', () => {
    expect(only(run([endpoint({ methods: known<Method[]>(['GET']), caches: [POST_CACHE] })]), 'CL001')).toEqual([]);
  });
  test('look-alike: a GET/HEAD cache on an all-methods route', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL001')).toEqual([]);
  });
  test('folds the cache_control fix in and suppresses CL002/CL003 on the same cache', () => {
    const f = run([endpoint({ caches: [{ ...POST_CACHE, honorsOriginNoStore: known(false) }] })]);
    expect(ids(f)).toEqual(['CL001']);
    expect(f[0].remediation.summary).toMatch(/cache_control: true/);
    expect(f[0].remediation.snippet).toMatch(/cache_control: true/);
  });
  test('an idempotency key in the key is still CL001, with the replay-store warning', () => {
    const f = only(run([endpoint({ caches: [{ ...POST_CACHE, key: known(['Idempotency-Key']) }], noStore: noStore() })]), 'CL001');
    expect(f[0].message).toMatch(/replay store/);
  });
  test('graphql-proxy-cache-advanced is a warning about mutations, ai-semantic-cache info', () => {
    const g = run([endpoint({ caches: [layer({ kind: 'kong-graphql-proxy-cache', name: 'graphql-proxy-cache-advanced (route)', cachedMethods: known<Method[]>(['GET', 'POST']) })], noStore: noStore() })]);
    expect(only(g, 'CL001')[0]).toMatchObject({ severity: 'warning' });
    expect(only(g, 'CL001')[0].message).toMatch(/mutations/);
    const a = run([endpoint({ caches: [layer({ kind: 'kong-ai-semantic-cache', name: 'ai-semantic-cache (route)', cachedMethods: known<Method[]>(['POST']) })], noStore: noStore() })]);
    expect(only(a, 'CL001')[0]).toMatchObject({ severity: 'info' });
  });
  test('consumer-scoped layers get their own finding id', () => {
    const f = only(run([endpoint({ caches: [{ ...POST_CACHE, scope: 'consumer alice', details: { plugin: 'proxy-cache', findingSuffix: '@consumer:alice' } }], noStore: noStore() })]), 'CL001');
    expect(f[0].findingId).toBe('webhooks@consumer:alice');
  });
  test('API Gateway remediation names the MethodSetting; CDK names methodOptions', () => {
    const api = endpoint({ platform: 'apigateway', flavor: 'cloudformation', findingId: '/webhooks/stripe/POST', route: 'POST /webhooks/stripe', methods: known<Method[]>(['POST']), caches: [layer({ kind: 'apigateway-stage-cache', name: 'stage prod', cachedMethods: known<Method[]>(['POST']), honorsOriginNoStore: known(false) })] });
    const cfn = only(run([api]), 'CL001')[0];
    expect(cfn.remediation.snippet).toContain('ResourcePath: /~1webhooks~1stripe');
    expect(cfn.remediation.snippet).toContain('CachingEnabled: false');
    expect(cfn.remediation.summary).not.toMatch(/delete|remove the/i);
    const cdk = only(run([{ ...api, flavor: 'cdk' }]), 'CL001')[0];
    expect(cdk.remediation.summary).toContain("methodOptions['/webhooks/stripe/POST'] = { cachingEnabled: false }");
  });
});

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
  test('not for API Gateway stage caches (CL007 covers those)', () => {
    const api = endpoint({ platform: 'apigateway', flavor: 'cloudformation', caches: [layer({ kind: 'apigateway-stage-cache', honorsOriginNoStore: known(false) })], noStore: noStore() });
    expect(only(run([api]), 'CL002')).toEqual([]);
  });
});

describe('CL003 missing-no-store', () => {
  test('write route through a cache with nothing setting no-store', () => {
    const f = only(run([endpoint({ caches: [layer()] })]), 'CL003');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 5, severity: 'warning' });
    expect(f[0].remediation.snippet).toMatch(/replace:[\s\S]*add:/);
  });
  test('webhook path without any cache', () => {
    expect(only(run([endpoint({ paths: ['/webhooks/stripe'] })]), 'CL003')).toHaveLength(1);
    expect(only(run([endpoint({ paths: ['/webhooks/stripe'] })], [], { webhookPaths: [] }), 'CL003')).toEqual([]);
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
  test('folded into CL001 when a cache stores the writes; back when CL001 is off', () => {
    expect(only(run([endpoint({ caches: [POST_CACHE] })]), 'CL003')).toEqual([]);
    expect(only(run([endpoint({ caches: [POST_CACHE] })], [], { rules: { CL001: 'off' } }), 'CL003')).toHaveLength(1);
  });
});

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
  test('look-alike: complete key; or the cache does not apply to the methods served', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL004')).toEqual([]);
    expect(only(run([endpoint({ methods: known<Method[]>(['POST']), caches: [layer({ keyIncludesIdentity: known(false) })], noStore: noStore() })]), 'CL004')).toEqual([]);
  });
});

describe('CL005 api-cached-by-default', () => {
  const legacy = layer({ kind: 'cloudfront-forwarded-values', name: 'ForwardedValues', ttl: known({ min: 0, default: 86400, max: 31536000 }) });
  const api = endpoint({ platform: 'cloudfront', flavor: 'cloudformation', caches: [legacy], noStore: noStore() });
  test('legacy default TTL on an API behaviour', () => {
    expect(only(run([api]), 'CL005')[0].message).toMatch(/86400 s/);
  });
  test('look-alikes: static origin, DefaultTTL 0, and MinTTL > 0 (that is CL002)', () => {
    expect(only(run([{ ...api, staticOrigin: true }]), 'CL005')).toEqual([]);
    expect(only(run([{ ...api, caches: [{ ...legacy, ttl: known({ min: 0, default: 0, max: 0 }) }] }]), 'CL005')).toEqual([]);
    const r = run([{ ...api, caches: [{ ...legacy, honorsOriginNoStore: known(false) }] }]);
    expect(ids(r)).toContain('CL002');
    expect(ids(r)).not.toContain('CL005');
  });
});

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

describe('CL007 write-caching-not-pinned', () => {
  const stageWide = layer({ kind: 'apigateway-stage-cache', name: 'stage prod */*', scope: 'stage-wide', at: at(40, 'template.yaml') });
  const post = endpoint({ platform: 'apigateway', flavor: 'cloudformation', findingId: '/orders/POST', route: 'POST /orders', methods: known<Method[]>(['POST']), caches: [stageWide], noStore: noStore() });
  test('info for an explicit write method, warning for ANY', () => {
    expect(only(run([post]), 'CL007')[0]).toMatchObject({ severity: 'info', line: 40 });
    const any = { ...post, findingId: '/{proxy+}/ANY', route: 'ANY /{proxy+}', methods: known<Method[]>(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']), details: { httpMethod: 'ANY' } };
    const f = only(run([any]), 'CL007')[0];
    expect(f.severity).toBe('warning');
    expect(f.remediation.snippet).toContain('HttpMethod: DELETE');
  });
  test('look-alike: write methods pinned off; method-scope caching', () => {
    expect(only(run([{ ...post, caches: [{ ...stageWide, pinnedOffMethods: ['POST'] as Method[] }] }]), 'CL007')).toEqual([]);
    expect(only(run([{ ...post, caches: [{ ...stageWide, scope: 'method', cachedMethods: known<Method[]>(['GET']) }] }]), 'CL007')).toEqual([]);
  });
});

describe('CL008 ineffective-method-setting', () => {
  test('reports the fact at its location as error; ambiguous settings as warning', () => {
    expect(only(run([], [fact()]), 'CL008')[0]).toMatchObject({ severity: 'error', line: 20, file: 'template.yaml', findingId: '/orders/POST' });
    expect(only(run([], [fact({ kind: 'ambiguous-setting' })]), 'CL008')[0].severity).toBe('warning');
  });
});

describe('CL009 disabled-plugin-does-not-exempt', () => {
  const inert = [{ name: 'proxy-cache', scope: 'route', at: at(22) }];
  test('a disabled route-level instance next to a global cache that still applies', () => {
    const f = only(run([endpoint({ caches: [layer()], inertCacheInstances: inert, noStore: noStore() })]), 'CL009');
    expect(f[0]).toMatchObject({ line: 22, findingId: 'webhooks#route' });
    expect(f[0].remediation.snippet).toContain('request_method: [HEAD]');
  });
  test('look-alike: disabled instance and no broader cache', () => {
    expect(only(run([endpoint({ inertCacheInstances: inert })]), 'CL009')).toEqual([]);
  });
});

describe('engine: config and suppressions', () => {
  test('severity overrides and off', () => {
    const e = endpoint({ caches: [POST_CACHE] });
    expect(run([e], [], { rules: { CL001: 'warning' } })[0].severity).toBe('warning');
    expect(ids(run([e], [], { rules: { CL001: 'off', CL003: 'off' } }))).toEqual([]);
  });
  test('findings are sorted by file, line, column, rule', () => {
    const f = run([endpoint({ caches: [layer({ honorsOriginNoStore: known(false), keyIncludesIdentity: known(false) })] })]);
    expect(f.map((x) => `${x.line}:${x.ruleId}`)).toEqual(['5:CL003', '10:CL002', '10:CL004']);
  });
});
