// CL004 on the model: each kind of evidence (bad case), the safe look-alike that must not warn, and its folding with
// other rules (one root cause, one finding). The rule: rules/CL004-cache-key-incomplete.ts; its page: docs/rules/CL004.md.
// End to end per platform: test/sources/kong/scan.test.ts, test/sources/cloudformation/fixtures.test.ts, and the
// `?token=` proxy GET below.
import { endpoint, ids, known, layer, noStore, only, run } from '../helpers/model';
import type { CacheLayer, Endpoint, Method } from '../../lib/model';
import { scan } from '../../lib/engine';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GET = known<Method[]>(['GET']);
const stage = (o: Partial<CacheLayer> = {}) => layer({ kind: 'apigateway-stage-cache', name: 'stage prod cache (*/*)', details: undefined, ...o });
const api = (o: Partial<Endpoint> = {}) =>
  endpoint({ platform: 'apigateway', flavor: 'cloudformation', route: 'GET /orders', findingId: '/orders/GET', paths: ['/orders'], methods: GET, ...o });
const cf = (o: Partial<CacheLayer> = {}) =>
  layer({
    kind: 'cloudfront-cache-policy',
    name: 'Managed-CachingOptimized',
    details: { policyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', policy: 'Managed-CachingOptimized' },
    ...o,
  });
const cfEndpoint = (o: Partial<Endpoint> = {}) =>
  endpoint({
    platform: 'cloudfront',
    flavor: 'cloudformation',
    route: 'GET,HEAD /api/*',
    findingId: '/api/*',
    paths: ['/api/*'],
    methods: known<Method[]>(['GET', 'HEAD']),
    ...o,
  });
const cl004 = (e: Endpoint[]) => only(run(e), 'CL004').map((f) => [f.findingId, f.severity]);

describe('CL004 cache-key-incomplete', () => {
  test('declared parameters missing from the key: warning, #params', () => {
    const f = only(run([api({ findingId: '/orders/{id}/GET', caches: [stage({ keyMissing: ['method.request.path.id'] })] })]), 'CL004');
    expect(f.map((x) => [x.findingId, x.severity])).toEqual([['/orders/{id}/GET#params', 'warning']]);
    expect(f[0]).toMatchObject({ messageId: 'paramsNotKeyed', data: { params: 'method.request.path.id' } });
    expect(f[0].remediation.snippet).toContain('CacheKeyParameters');
  });
  test('parameters and identity missing: two findings, each with its own id (fixed or acknowledged alone)', () => {
    const both = stage({
      keyMissing: ['method.request.querystring.page'],
      keyIncludesIdentity: known(false),
      identityNotKeyed: ['method.request.header.Authorization'],
    });
    expect(cl004([api({ authorizer: { type: 'COGNITO_USER_POOLS', identitySources: ['method.request.header.Authorization'] }, caches: [both] })])).toEqual([
      ['/orders/GET#identity', 'warning'],
      ['/orders/GET#params', 'warning'],
    ]);
  });
  test("an authorizer's identity source is named as the platform names it, not always Authorization", () => {
    const f = only(
      run([
        api({
          authorizer: { type: 'CUSTOM', identitySources: ['method.request.header.x-device-attestation'] },
          caches: [stage({ keyIncludesIdentity: known(false), identityNotKeyed: ['method.request.header.x-device-attestation'] })],
        }),
      ]),
      'CL004',
    );
    expect(f[0]).toMatchObject({
      messageId: 'authorizerIdentityNotKeyed',
      data: { authorizerType: 'CUSTOM', sources: 'method.request.header.x-device-attestation', pronoun: 'it' },
    });
    expect(`${f[0].message}${f[0].remediation.summary}${f[0].remediation.snippet}`).not.toContain('Authorization');
  });
  test('an identity source that cannot be a cache key (context.*): the fix stops caching the method', () => {
    const f = only(
      run([
        api({
          authorizer: { type: 'CUSTOM', identitySources: ['context.sourceIp'] },
          caches: [stage({ keyIncludesIdentity: known(false), identityNotKeyed: ['context.sourceIp'] })],
        }),
      ]),
      'CL004',
    );
    expect(f[0].severity).toBe('warning');
    expect(f[0].remediation.snippet).toContain('CachingEnabled: false');
  });
  test('AWS_IAM: info, and never asks to key on the SigV4 Authorization', () => {
    const f = only(run([api({ authorizer: { type: 'AWS_IAM', identitySources: [] }, caches: [stage({ keyIncludesIdentity: known(false) })] })]), 'CL004');
    expect(f.map((x) => [x.findingId, x.severity])).toEqual([['/orders/GET#identity', 'info']]);
    expect(f[0].remediation.snippet).not.toContain('Authorization');
    expect(f[0].remediation.snippet).toContain('CachingEnabled: false');
  });
  test('optional parameters stay optional in the snippet (RequestParameters false stays false)', () => {
    const f = only(
      run([
        api({
          requestParameters: { 'method.request.querystring.a': false, 'method.request.querystring.b': true },
          caches: [stage({ keyMissing: ['method.request.querystring.a', 'method.request.querystring.b'] })],
        }),
      ]),
      'CL004',
    );
    expect(f[0].remediation.snippet).toContain('method.request.querystring.a: false');
    expect(f[0].remediation.snippet).toContain('method.request.querystring.b: true');
    const cdk = only(
      run([
        api({ flavor: 'cdk', requestParameters: { 'method.request.querystring.a': false }, caches: [stage({ keyMissing: ['method.request.querystring.a'] })] }),
      ]),
      'CL004',
    );
    expect(cdk[0].remediation.snippet).toContain("'method.request.querystring.a': false");
  });
  test('proxy integration under a key with no parameters: a token path warns, another is info; a keyed proxy or a non-proxy is quiet', () => {
    const proxy = (path: string, o: Partial<CacheLayer> = {}) =>
      api({ route: `GET ${path}`, findingId: `${path}/GET`, paths: [path], proxyIntegration: true, caches: [stage(o)] });
    expect(cl004([proxy('/verify')])).toEqual([['/verify/GET#params', 'warning']]);
    expect(cl004([proxy('/auth/callback')])).toEqual([['/auth/callback/GET#params', 'warning']]);
    expect(cl004([proxy('/products')])).toEqual([['/products/GET#params', 'info']]);
    expect(cl004([proxy('/verify', { key: known(['method.request.querystring.token']) })])).toEqual([]);
    expect(cl004([api({ paths: ['/verify'], caches: [stage()] })])).toEqual([]);
  });
  test('Kong: an auth plugin without a consumer warns, naming it; no auth on a caller path warns; no auth elsewhere is info', () => {
    const kong = (path: string, o: Partial<CacheLayer> = {}) =>
      endpoint({
        route: `GET ${path}`,
        findingId: path.slice(1),
        paths: [path],
        methods: GET,
        caches: [layer({ keyIncludesIdentity: known(false), ...o })],
        noStore: noStore(),
      });
    expect(cl004([kong('/reports', { identityNotKeyed: ['ldap-auth (authenticates without a Kong consumer)'] })])).toEqual([['reports#identity', 'warning']]);
    expect(cl004([kong('/me')])).toEqual([['me#identity', 'warning']]);
    expect(cl004([kong('/status')])).toEqual([['status#identity', 'info']]);
    expect(cl004([kong('/anything')])).toEqual([['anything#identity', 'info']]); // an httpbin route
    expect(cl004([kong('/me', { keyIncludesIdentity: known(true) })])).toEqual([]);
  });
  test('CloudFront: cookies or identity headers forwarded unkeyed warn; every viewer header alone does not; query strings are #params', () => {
    expect(cl004([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['cookie:*'], keyIncludesIdentity: known(false) })] })])).toEqual([
      ['/api/*#identity', 'warning'],
    ]);
    expect(cl004([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['header:x-user-id'], keyIncludesIdentity: known(false) })] })])).toEqual([
      ['/api/*#identity', 'warning'],
    ]);
    expect(cl004([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['header:*', 'header:user-agent'] })] })])).toEqual([]);
    expect(cl004([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['querystring:*'] })] })])).toEqual([['/api/*#params', 'info']]);
    expect(cl004([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['querystring:id'] })] })])).toEqual([['/api/*#params', 'warning']]);
    // Nothing forwarded: whatever the key lacks never reaches the origin (Authorization cannot travel through an origin request policy).
    expect(cl004([cfEndpoint({ caches: [cf()] })])).toEqual([]);
  });
  test('CloudFront remediation is the cache policy, in CloudFormation and CDK terms — never API Gateway text', () => {
    const [cfn] = only(run([cfEndpoint({ caches: [cf({ forwardedNotKeyed: ['cookie:session'], keyIncludesIdentity: known(false) })] })]), 'CL004');
    expect(cfn.remediation.snippet).toBe(
      'CachePolicyConfig:\n  ParametersInCacheKeyAndForwardedToOrigin:\n    CookiesConfig:\n      CookieBehavior: whitelist\n      Cookies: [session]',
    );
    const [cdk] = only(
      run([cfEndpoint({ flavor: 'cdk', caches: [cf({ forwardedNotKeyed: ['header:x-user-id'], keyIncludesIdentity: known(false) })] })]),
      'CL004',
    );
    expect(cdk.remediation.snippet).toContain("headerBehavior: CacheHeaderBehavior.allowList('x-user-id')");
    expect(cdk.remediation.snippet).toContain('new CachePolicy(');
    for (const f of [cfn, cdk])
      expect(`${f.message} ${f.remediation.summary} ${f.remediation.snippet}`).not.toMatch(/CacheKeyParameters|method\.request|RequestParameters/);
  });
  test('S3 origins: no CL004, whatever the key', () => {
    const s3 = cfEndpoint({ staticOrigin: true, caches: [cf({ forwardedNotKeyed: ['cookie:*', 'querystring:*'], keyIncludesIdentity: known(false) })] });
    expect(cl004([s3])).toEqual([]);
  });
  test("cached writes are CL001's: the key is judged on the cached reads only (unless CL001 is off)", () => {
    const sharedPostCache = layer({
      cachedMethods: known<Method[]>(['GET', 'HEAD', 'POST']),
      keyIncludesIdentity: known(false),
      identityNotKeyed: ['ldap-auth (authenticates without a Kong consumer)'],
    });
    const postOnly = endpoint({ methods: known<Method[]>(['POST']), caches: [sharedPostCache], noStore: noStore() });
    expect(ids(run([postOnly]))).toEqual(['CL001']);
    expect(ids(run([postOnly], [], { rules: { CL001: 'off' } }))).toEqual(['CL004']);
    const getAndPost = endpoint({ methods: known<Method[]>(['GET', 'POST']), caches: [sharedPostCache], noStore: noStore() });
    const f = only(run([getAndPost]), 'CL004');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'kongConsumerless', data: { methods: 'GET' } });
  });
  test('look-alike: complete key; or the cache does not apply to the methods served', () => {
    expect(only(run([endpoint({ caches: [layer()], noStore: noStore() })]), 'CL004')).toEqual([]);
    expect(
      only(run([endpoint({ methods: known<Method[]>(['POST']), caches: [layer({ keyIncludesIdentity: known(false) })], noStore: noStore() })]), 'CL004'),
    ).toEqual([]);
  });
});

// The bug a user hit: stage-wide caching (5 min) over Lambda-proxy GETs with token query strings and no cache key
// parameters — one user's answer replayed to the next. SAM events are Lambda proxy integrations.
describe('CL004 end to end: a stage-cached Lambda proxy GET /auth/callback?token=… with an empty key', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    CacheClusterEnabled: true
    CacheClusterSize: "0.5"
    MethodSettings:
      - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheTtlInSeconds: 300 }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({ statusCode: 200 })"
      Events:
        Callback: { Type: Api, Properties: { Path: /auth/callback, Method: get } }
        Verify: { Type: Api, Properties: { Path: /verify, Method: get } }
        Catalogue: { Type: Api, Properties: { Path: /catalogue, Method: get } }
`;
  test('the token routes warn with a fix that stops caching them; the catalogue is info', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-cl004-'));
    try {
      writeFileSync(join(dir, 'template.yaml'), template);
      const r = scan(['template.yaml'], { cwd: dir });
      expect(r.errors).toEqual([]);
      const f = r.findings.filter((x) => x.ruleId === 'CL004');
      expect(f.map((x) => [x.findingId, x.severity]).sort()).toEqual([
        ['/auth/callback/GET#params', 'warning'],
        ['/catalogue/GET#params', 'info'],
        ['/verify/GET#params', 'warning'],
      ]);
      const verify = f.find((x) => x.findingId === '/verify/GET#params')!;
      expect(verify).toMatchObject({ messageId: 'proxyKeyEmptyTokenPath', data: { path: '/verify', name: 'token', pathWord: 'verify' } });
      expect(verify.message).toContain('its proxy integration receives every query string and cookie, but the key has no parameters');
      expect(verify.remediation.snippet).toMatch(/^MethodSettings:\n {2}- ResourcePath: \/~1verify\n {4}HttpMethod: GET\n {4}CachingEnabled: false/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
