// CL001 on the model: the bad case, the safe look-alike that must not be flagged, and its folding with other
// rules (one root cause, one finding). The rule: rules/CL001-unsafe-method-cached.ts; its page: docs/rules/CL001.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts.
import { at, endpoint, ids, known, layer, noStore, only, run } from '../helpers/model';
import type { Method } from '../../lib/model';

const POST_CACHE = layer({ cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']), at: at(12) });

describe('CL001 unsafe-method-cached', () => {
  test('a cache storing POST on a route that accepts POST', () => {
    const f = only(run([endpoint({ caches: [POST_CACHE], noStore: noStore() })]), 'CL001');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', line: 12, findingId: 'webhooks', resource: 'svc/webhooks' });
    expect(f[0]).toMatchObject({
      messageId: 'ghost200',
      data: { layer: 'proxy-cache (global) (line 12)', methods: 'POST', method: 'POST', ttl: 'up to 300 s' },
    });
    expect(f[0].remediation.summary).toMatch(/request_method: \[GET, HEAD\]/);
  });
  test('messages name the layer by line (same file), file:line (another file), or construct path (CDK)', () => {
    const fromFile = only(run([endpoint({ caches: [POST_CACHE], noStore: noStore() })]), 'CL001');
    expect(fromFile[0].message).toContain('proxy-cache (global) (line 12)');
    const elsewhere = only(run([endpoint({ caches: [{ ...POST_CACHE, at: at(12, 'plugins.yaml') }], noStore: noStore() })]), 'CL001');
    expect(elsewhere[0].message).toContain('proxy-cache (global) (plugins.yaml:12)');
    const cdkLayer = { ...POST_CACHE, at: { ...POST_CACHE.at, constructPath: 'Prod/Webhooks/DeploymentStage.prod' } };
    const fromCdk = only(run([endpoint({ caches: [cdkLayer], noStore: noStore() })]), 'CL001');
    expect(fromCdk[0].message).toContain('(Prod/Webhooks/DeploymentStage.prod)');
    expect(fromCdk[0].message).not.toContain('line 12');
  });
  test('look-alike: the cache stores POST but the route accepts only GET', () => {
    expect(only(run([endpoint({ methods: known<Method[]>(['GET']), caches: [POST_CACHE] })]), 'CL001')).toEqual([]);
  });
  test('look-alike: a GET/HEAD cache on an all-methods route', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL001')).toEqual([]);
  });
  test('folds the cache_control fix (CL002, the same plugin) in; CL003 (the no-store, another setting) is reported beside it', () => {
    const f = run([endpoint({ caches: [{ ...POST_CACHE, honorsOriginNoStore: known(false) }] })]);
    expect(ids(f).sort()).toEqual(['CL001', 'CL003']);
    const cl001 = only(f, 'CL001')[0];
    expect(cl001.remediation.summary).toMatch(/cache_control: true/);
    expect(cl001.remediation.snippet).toMatch(/cache_control: true/);
    expect(only(f, 'CL003')[0]).toMatchObject({ severity: 'warning', line: 5 });
  });
  test('an idempotency key in the key is still CL001, with the replay-store warning', () => {
    const f = only(run([endpoint({ caches: [{ ...POST_CACHE, key: known(['Idempotency-Key']) }], noStore: noStore() })]), 'CL001');
    expect(f[0]).toMatchObject({ messageId: 'ghost200ReplayStore', data: { idempotencyKey: 'Idempotency-Key' } });
  });
  test('graphql-proxy-cache-advanced is a warning about mutations, ai-semantic-cache info', () => {
    const g = run([
      endpoint({
        caches: [layer({ kind: 'kong-graphql-proxy-cache', name: 'graphql-proxy-cache-advanced (route)', cachedMethods: known<Method[]>(['GET', 'POST']) })],
        noStore: noStore(),
      }),
    ]);
    expect(only(g, 'CL001')[0]).toMatchObject({ severity: 'warning', messageId: 'graphqlByDesign' });
    const a = run([
      endpoint({
        caches: [layer({ kind: 'kong-ai-semantic-cache', name: 'ai-semantic-cache (route)', cachedMethods: known<Method[]>(['POST']) })],
        noStore: noStore(),
      }),
    ]);
    expect(only(a, 'CL001')[0]).toMatchObject({ severity: 'info', messageId: 'semanticCache' });
  });
  test('consumer-scoped layers get their own finding id', () => {
    const f = only(
      run([
        endpoint({
          caches: [{ ...POST_CACHE, scope: 'consumer alice', details: { plugin: 'proxy-cache', findingSuffix: '@consumer:alice' } }],
          noStore: noStore(),
        }),
      ]),
      'CL001',
    );
    expect(f[0].findingId).toBe('webhooks@consumer:alice');
  });
  test('API Gateway remediation names the MethodSetting; CDK names methodOptions', () => {
    const api = endpoint({
      platform: 'apigateway',
      flavor: 'cloudformation',
      findingId: '/webhooks/stripe/POST',
      route: 'POST /webhooks/stripe',
      methods: known<Method[]>(['POST']),
      caches: [layer({ kind: 'apigateway-stage-cache', name: 'stage prod', cachedMethods: known<Method[]>(['POST']), honorsOriginNoStore: known(false) })],
    });
    const cfn = only(run([api]), 'CL001')[0];
    expect(cfn.remediation.snippet).toContain('ResourcePath: /~1webhooks~1stripe');
    expect(cfn.remediation.snippet).toContain('CachingEnabled: false');
    expect(cfn.remediation.summary).not.toMatch(/delete|remove the/i);
    const cdk = only(run([{ ...api, flavor: 'cdk' }]), 'CL001')[0];
    expect(cdk.remediation.summary).toContain("methodOptions['/webhooks/stripe/POST'] = { cachingEnabled: false }");
  });
});
