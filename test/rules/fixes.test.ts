// What each finding tells the user, per platform and input format: the message and the fix (summary and snippet).
// cachelint's promise is "says exactly how to fix each one", so the text is behaviour: the key facts are asserted
// explicitly below, and the whole text of every scenario is pinned in a snapshot (like Ruff's per-rule diagnostics
// snapshots), so any change to what a user reads shows up in review. Every YAML snippet must also parse.
import { load } from 'js-yaml';
import type { CacheLayer, Endpoint, Method } from '../../lib/model';
import type { Finding } from '../../lib/findings';
import { at, endpoint, fact, known, layer, noStore, run, unknown } from '../helpers/model';
import { parseYaml } from '../../lib/parse/yaml';

const ALL = known<Method[]>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const POST_GET = known<Method[]>(['GET', 'POST']);
const kongCache = (o: Partial<CacheLayer> = {}) => layer({ at: at(12), ...o });
const stageCache = (o: Partial<CacheLayer> = {}) =>
  layer({ kind: 'apigateway-stage-cache', name: 'stage prod: MethodSetting */*', scope: 'stage-wide', at: at(40, 'template.yaml'), details: undefined, ...o });
const cloudFront = (o: Partial<CacheLayer> = {}) =>
  layer({ kind: 'cloudfront-cache-policy', name: 'CachingOptimized', scope: 'behaviour', at: at(60, 'template.yaml'), details: undefined, ...o });
const api = (o: Partial<Endpoint> = {}) =>
  endpoint({
    platform: 'apigateway',
    flavor: 'cloudformation',
    resource: 'WebhookPost',
    route: 'POST /webhooks/stripe',
    findingId: '/webhooks/stripe/POST',
    methods: known<Method[]>(['POST']),
    at: at(30, 'template.yaml'),
    ...o,
  });
const cfEndpoint = (o: Partial<Endpoint> = {}) =>
  endpoint({
    platform: 'cloudfront',
    flavor: 'cloudformation',
    resource: 'Distribution',
    route: 'ANY /api/*',
    findingId: 'api/*',
    methods: ALL,
    at: at(50, 'template.yaml'),
    ...o,
  });

type Scenario = [name: string, rule: string, endpoints: Endpoint[], facts?: Parameters<typeof run>[1]];
const SCENARIOS: Scenario[] = [
  // CL001 unsafe-method-cached
  [
    'CL001 kong: cached POST and cache_control false',
    'CL001',
    [endpoint({ caches: [kongCache({ cachedMethods: known<Method[]>(['GET', 'POST']), honorsOriginNoStore: known(false) })] })],
  ],
  ['CL001 kong: only POST cached, honours no-store', 'CL001', [endpoint({ caches: [kongCache({ cachedMethods: known<Method[]>(['POST']) })] })]],
  [
    'CL001 kong: idempotency key in the cache key, TTL unknown',
    'CL001',
    [endpoint({ caches: [kongCache({ cachedMethods: known<Method[]>(['POST']), key: known(['Idempotency-Key']), ttl: unknown('placeholder', at(13)) })] })],
  ],
  [
    'CL001 kong-ingress: plugin named in details',
    'CL001',
    [
      endpoint({
        flavor: 'kong-ingress',
        caches: [kongCache({ cachedMethods: known<Method[]>(['HEAD', 'POST']), details: { plugin: 'proxy-cache-advanced', findingSuffix: '@consumer' } })],
      }),
    ],
  ],
  [
    'CL001 kong: graphql-proxy-cache-advanced',
    'CL001',
    [
      endpoint({
        caches: [
          kongCache({ kind: 'kong-graphql-proxy-cache', name: 'graphql-proxy-cache-advanced (route graphql)', cachedMethods: known<Method[]>(['POST']) }),
        ],
      }),
    ],
  ],
  [
    'CL001 kong: ai-semantic-cache',
    'CL001',
    [endpoint({ caches: [kongCache({ kind: 'kong-ai-semantic-cache', name: 'ai-semantic-cache (route chat)', cachedMethods: known<Method[]>(['POST']) })] })],
  ],
  [
    'CL001 cloudformation: stage cache on POST',
    'CL001',
    [
      api({
        caches: [
          stageCache({
            name: 'stage prod: MethodSetting /webhooks/stripe POST',
            scope: 'method',
            cachedMethods: known<Method[]>(['POST']),
            honorsOriginNoStore: known(false),
          }),
        ],
      }),
    ],
  ],
  [
    'CL001 cdk: stage cache on POST at the root',
    'CL001',
    [api({ flavor: 'cdk', route: 'POST /', findingId: '/POST', caches: [stageCache({ cachedMethods: known<Method[]>(['POST']) })] })],
  ],
  // CL002 origin-no-store-ignored
  [
    'CL002 kong: cache_control false, key shared between callers',
    'CL002',
    [
      endpoint({
        methods: POST_GET,
        caches: [kongCache({ honorsOriginNoStore: known(false), keyIncludesIdentity: known(false), ttl: known({ min: 0, default: 60, max: 60 }) })],
      }),
    ],
  ],
  [
    'CL002 kong-ingress: cache_control false, methods unknown to the cache, TTL unknown',
    'CL002',
    [
      endpoint({
        flavor: 'kong-ingress',
        methods: POST_GET,
        caches: [kongCache({ honorsOriginNoStore: known(false), cachedMethods: known<Method[]>(['GET']), ttl: unknown('?', at(3)), details: undefined })],
      }),
    ],
  ],
  [
    'CL002 cloudformation: CloudFront MinTTL',
    'CL002',
    [cfEndpoint({ caches: [cloudFront({ honorsOriginNoStore: known(false), ttl: known({ min: 60, default: 86400, max: 31536000 }) })] })],
  ],
  [
    'CL002 cdk: CloudFront MinTTL unknown',
    'CL002',
    [cfEndpoint({ flavor: 'cdk', caches: [cloudFront({ honorsOriginNoStore: known(false), ttl: unknown('token', at(61)) })] })],
  ],
  // CL003 missing-no-store
  [
    'CL003 kong',
    'CL003',
    [endpoint({ resource: 'svc/profiles', methods: POST_GET, caches: [kongCache(), kongCache({ name: 'proxy-cache (route profiles)' })] })],
  ],
  ['CL003 kong-ingress', 'CL003', [endpoint({ flavor: 'kong-ingress', methods: POST_GET, caches: [kongCache()] })]],
  ['CL003 kong: webhook path, no cache', 'CL003', [endpoint({ route: 'POST /webhooks', methods: known<Method[]>(['POST']), webhook: true })]],
  ['CL003 cloudformation: API Gateway', 'CL003', [api({ caches: [stageCache({ cachedMethods: known<Method[]>(['GET']) })] })]],
  [
    'CL003 cloudformation: API Gateway proxy integration',
    'CL003',
    [api({ noStoreSettable: false, caches: [stageCache({ cachedMethods: known<Method[]>(['GET']) })] })],
  ],
  ['CL003 cloudformation: CloudFront', 'CL003', [cfEndpoint({ caches: [cloudFront()] })]],
  ['CL003 cdk: API Gateway', 'CL003', [api({ flavor: 'cdk', caches: [stageCache({ cachedMethods: known<Method[]>(['GET']) })] })]],
  ['CL003 cdk: CloudFront', 'CL003', [cfEndpoint({ flavor: 'cdk', caches: [cloudFront()] })]],
  // CL004 cache-key-incomplete
  [
    'CL004 kong: shares callers on a caller path',
    'CL004',
    [
      endpoint({
        route: 'GET /cart',
        paths: ['/cart'],
        methods: known<Method[]>(['GET']),
        caches: [kongCache({ keyIncludesIdentity: known(false), details: { plugin: 'proxy-cache-advanced', findingSuffix: '#svc' } })],
      }),
    ],
  ],
  [
    'CL004 kong-ingress: shares callers, plugin name unknown, nothing says responses differ',
    'CL004',
    [
      endpoint({
        flavor: 'kong-ingress',
        route: 'GET /status',
        paths: ['/status'],
        methods: known<Method[]>(['GET']),
        caches: [kongCache({ keyIncludesIdentity: known(false), details: undefined })],
      }),
    ],
  ],
  [
    'CL004 kong: ldap-auth sets no consumer',
    'CL004',
    [
      endpoint({
        route: 'GET /reports',
        paths: ['/reports'],
        methods: known<Method[]>(['GET']),
        caches: [kongCache({ keyIncludesIdentity: known(false), identityNotKeyed: ['ldap-auth (authenticates without a Kong consumer)'] })],
      }),
    ],
  ],
  [
    'CL004 cloudformation: parameters missing, the optional one stays optional',
    'CL004',
    [
      api({
        route: 'GET /orders/{id}',
        findingId: '/orders/{id}/GET',
        methods: known<Method[]>(['GET']),
        requestParameters: { 'method.request.querystring.page': false },
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET']), keyMissing: ['method.request.path.id', 'method.request.querystring.page'] })],
      }),
    ],
  ],
  [
    'CL004 cloudformation: authorizer identity source not in the key',
    'CL004',
    [
      api({
        route: 'GET /devices',
        findingId: '/devices/GET',
        methods: known<Method[]>(['GET']),
        authorizer: { type: 'CUSTOM', identitySources: ['method.request.header.x-device-attestation'] },
        caches: [
          stageCache({
            cachedMethods: known<Method[]>(['GET']),
            keyIncludesIdentity: known(false),
            identityNotKeyed: ['method.request.header.x-device-attestation'],
          }),
        ],
      }),
    ],
  ],
  [
    'CL004 cloudformation: AWS_IAM callers',
    'CL004',
    [
      api({
        route: 'GET /reports',
        findingId: '/reports/GET',
        methods: known<Method[]>(['GET']),
        authorizer: { type: 'AWS_IAM', identitySources: [] },
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET']), keyIncludesIdentity: known(false) })],
      }),
    ],
  ],
  [
    'CL004 cloudformation: proxy GET /auth/callback under an empty key',
    'CL004',
    [
      api({
        route: 'GET /auth/callback',
        findingId: '/auth/callback/GET',
        paths: ['/auth/callback'],
        methods: known<Method[]>(['GET']),
        proxyIntegration: true,
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET', 'HEAD']) })],
      }),
    ],
  ],
  [
    'CL004 cdk: proxy GET /items under an empty key',
    'CL004',
    [
      api({
        flavor: 'cdk',
        route: 'GET /items',
        findingId: '/items/GET',
        paths: ['/items'],
        methods: known<Method[]>(['GET']),
        proxyIntegration: true,
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET']) })],
      }),
    ],
  ],
  [
    'CL004 cdk: Cognito authorizer, optional header stays optional',
    'CL004',
    [
      api({
        flavor: 'cdk',
        route: 'GET /me',
        findingId: '/me/GET',
        methods: known<Method[]>(['GET']),
        authorizer: { type: 'COGNITO_USER_POOLS', identitySources: ['method.request.header.Authorization'] },
        caches: [
          stageCache({ cachedMethods: known<Method[]>(['GET']), keyIncludesIdentity: known(false), identityNotKeyed: ['method.request.header.Authorization'] }),
        ],
      }),
    ],
  ],
  [
    'CL004 cloudformation: CloudFront managed policy, every cookie forwarded',
    'CL004',
    [
      cfEndpoint({
        methods: known<Method[]>(['GET', 'HEAD']),
        route: 'GET,HEAD /api/*',
        caches: [
          cloudFront({
            key: known([]),
            keyIncludesIdentity: known(false),
            forwardedNotKeyed: ['header:*', 'cookie:*', 'querystring:*'],
            details: { policyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', policy: 'Managed-CachingOptimized' },
          }),
        ],
      }),
    ],
  ],
  [
    'CL004 cloudformation: CloudFront template policy, a session cookie and x-user-id',
    'CL004',
    [
      cfEndpoint({
        methods: known<Method[]>(['GET', 'HEAD']),
        route: 'GET,HEAD /api/*',
        caches: [
          cloudFront({
            name: 'CachePolicy ApiPolicy',
            key: known(['header:accept', 'querystring:page']),
            keyIncludesIdentity: known(false),
            forwardedNotKeyed: ['header:x-user-id', 'cookie:session'],
            details: { policy: 'ApiPolicy' },
          }),
        ],
      }),
    ],
  ],
  [
    'CL004 cdk: CloudFront, every cookie forwarded',
    'CL004',
    [
      cfEndpoint({
        flavor: 'cdk',
        methods: known<Method[]>(['GET', 'HEAD']),
        route: 'GET,HEAD /api/*',
        caches: [
          cloudFront({
            key: known([]),
            keyIncludesIdentity: known(false),
            forwardedNotKeyed: ['cookie:*'],
            details: { policyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', policy: 'Managed-CachingOptimized' },
          }),
        ],
      }),
    ],
  ],
  // CL005 api-cached-by-default
  ['CL005 cloudformation: cache policy', 'CL005', [cfEndpoint({ caches: [cloudFront({ ttl: known({ min: 0, default: 86400, max: 31536000 }) })] })]],
  [
    'CL005 cloudformation: ForwardedValues',
    'CL005',
    [cfEndpoint({ caches: [cloudFront({ kind: 'cloudfront-forwarded-values', name: 'ForwardedValues', ttl: known({ min: 0, default: 300, max: 300 }) })] })],
  ],
  ['CL005 cdk', 'CL005', [cfEndpoint({ flavor: 'cdk', caches: [cloudFront({ ttl: known({ min: 0, default: 86400, max: 31536000 }) })] })]],
  // CL006 unresolved-cache-setting
  [
    'CL006 cloudformation: CloudFront TTL from a parameter',
    'CL006',
    [cfEndpoint({ noStore: noStore(), caches: [cloudFront({ ttl: unknown('!Ref MinTtl', at(62, 'template.yaml')) })] })],
  ],
  [
    'CL006 cdk: no-store policy unknown on a webhook',
    'CL006',
    [api({ flavor: 'cdk', webhook: true, noStore: unknown('token ${Token[X]}', at(33, 'template.yaml')) })],
  ],
  [
    'CL006 fact without a fix: remediation of the flavor',
    'CL006',
    [],
    [
      fact({
        kind: 'unresolved-setting',
        reason: { kind: 'stage-caching', stage: 'prod', why: 'parameter Caching (no Default for Caching)' },
        blocks: ['CL001'],
        flavor: 'cdk',
      }),
    ],
  ],
  [
    'CL006 fact without blocks',
    'CL006',
    [],
    [
      fact({
        kind: 'unresolved-setting',
        reason: { kind: 'method-setting-key', stage: 'Stage', field: 'HttpMethod', why: 'Fn::If on condition UseGet' },
        blocks: [],
      }),
    ],
  ],
  // CL007 write-caching-not-pinned
  [
    'CL007 cloudformation: ANY under */*, DELETE pinned',
    'CL007',
    [
      api({
        route: 'ANY /orders',
        findingId: '/orders/ANY',
        methods: ALL,
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET']), pinnedOffMethods: ['DELETE'] })],
      }),
    ],
  ],
  [
    'CL007 cloudformation: ANY from details',
    'CL007',
    [
      api({
        route: 'ANY /orders',
        findingId: '/orders/{proxy+}',
        methods: ALL,
        details: { httpMethod: 'ANY' },
        caches: [stageCache({ cachedMethods: known<Method[]>(['GET']) })],
      }),
    ],
  ],
  ['CL007 cdk: POST under */*', 'CL007', [api({ flavor: 'cdk', caches: [stageCache({ cachedMethods: known<Method[]>([]) })] })]],
  // CL008 ineffective-method-setting
  ['CL008 fact, cdk: the fix is methodOptions', 'CL008', [], [fact({ flavor: 'cdk' })]],
  [
    'CL008 fact of kind ambiguous-setting: a duplicate entry',
    'CL008',
    [],
    [fact({ kind: 'ambiguous-setting', reason: { kind: 'duplicate', firstLine: 18, differentCaching: true } })],
  ],
  // CL009 disabled-plugin-does-not-exempt
  [
    'CL009 kong',
    'CL009',
    [endpoint({ methods: known<Method[]>(['GET']), caches: [kongCache()], inertCacheInstances: [{ name: 'proxy-cache', scope: 'route', at: at(20) }] })],
  ],
  [
    'CL009 kong-ingress',
    'CL009',
    [
      endpoint({
        flavor: 'kong-ingress',
        methods: known<Method[]>(['GET']),
        caches: [kongCache()],
        inertCacheInstances: [{ name: 'proxy-cache', scope: 'route', at: at(20) }],
      }),
    ],
  ],
];

const findingsOf = ([, rule, endpoints, facts]: Scenario) => run(endpoints, facts ?? []).filter((f) => f.ruleId === rule);
const byName = new Map(SCENARIOS.map((s) => [s[0], s]));
const one = (name: string): Finding => {
  const f = findingsOf(byName.get(name)!);
  expect(f).toHaveLength(1);
  return f[0];
};
const text = (f: Finding) => ({
  severity: f.severity,
  findingId: f.findingId,
  line: f.line,
  message: f.message,
  fix: f.remediation.summary,
  snippet: f.remediation.snippet,
});

describe('what each finding says and how it says to fix it', () => {
  test.each(SCENARIOS.map((s) => s[0]))('%s', (name) => {
    const findings = findingsOf(byName.get(name)!);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message).not.toBe('');
      expect(f.remediation.summary).not.toBe('');
      // Kong, Kong Ingress and CloudFormation snippets are YAML the user pastes: they must parse (CloudFormation's with
      // its intrinsic tags, such as !Ref).
      const yamlSnippet = f.remediation.snippet && !/\bnew \w|: \{|^\w+: \{|\/\/ /m.test(f.remediation.snippet);
      if (yamlSnippet) expect(() => parseYaml(f.remediation.snippet!, { tags: f.platform === 'kong' ? 'plain' : 'cloudformation' })).not.toThrow();
    }
    expect(findings.map(text)).toMatchSnapshot();
  });
});

describe('the facts the fixes depend on', () => {
  test('CL001 Kong: keeps the safe methods the cache had, adds cache_control only where it was off', () => {
    const both = one('CL001 kong: cached POST and cache_control false');
    expect(both.remediation.snippet).toBe('- name: proxy-cache\n  config:\n    request_method: [GET]\n    cache_control: true');
    expect(both.remediation.summary).toMatch(
      /^Set config\.request_method: \[GET\] on the proxy-cache plugin at test\.yaml:12 \(global scope\) and config\.cache_control: true/,
    );
    expect(both.message).toContain(" It also ignores the origin's Cache-Control: no-store.");
    const postOnly = one('CL001 kong: only POST cached, honours no-store');
    expect(postOnly.remediation.snippet).toBe('- name: proxy-cache\n  config:\n    request_method: [GET, HEAD]');
    expect(postOnly.message).not.toContain('no-store.');
    expect(postOnly.message).toContain('for up to 300 s');
  });
  test('CL001 Kong Ingress: a KongPlugin config block with the safe methods, and the finding id suffix', () => {
    const f = one('CL001 kong-ingress: plugin named in details');
    expect(f.remediation.snippet).toBe('config:\n  request_method: [HEAD]');
    expect(f.findingId).toBe('webhooks@consumer');
  });
  test('CL001 says when the key makes the cache a replay store, and "its TTL" when the TTL is unknown', () => {
    const f = one('CL001 kong: idempotency key in the cache key, TTL unknown');
    expect(f.message).toContain('The key includes Idempotency-Key: that makes it a replay store');
    expect(f.message).toContain('answered from cache for its TTL');
  });
  test('CL001 GraphQL and AI caches: a route split, and keep-on-LLM-routes (info)', () => {
    const gql = one('CL001 kong: graphql-proxy-cache-advanced');
    expect(gql.severity).toBe('warning');
    expect(load(gql.remediation.snippet!)).toEqual({
      routes: [
        { name: 'graphql-queries', paths: ['/graphql'], methods: ['GET'], plugins: [{ name: 'graphql-proxy-cache-advanced' }] },
        { name: 'graphql-mutations', paths: ['/graphql'], methods: ['POST'] },
      ],
    });
    const ai = one('CL001 kong: ai-semantic-cache');
    expect(ai.severity).toBe('info');
    expect(ai.remediation.summary).toMatch(/^Keep ai-semantic-cache on LLM chat\/completions routes only/);
  });
  test('CL001 API Gateway: the MethodSetting for the method (CloudFormation), the methodOptions key (CDK, root as //)', () => {
    const cfn = one('CL001 cloudformation: stage cache on POST');
    expect(load(cfn.remediation.snippet!)).toEqual({ MethodSettings: [{ ResourcePath: '/~1webhooks~1stripe', HttpMethod: 'POST', CachingEnabled: false }] });
    expect(cfn.message).not.toContain('no-store'); // API Gateway ignoring no-store is an assumption, not stated
    const cdk = one('CL001 cdk: stage cache on POST at the root');
    expect(cdk.remediation.summary).toContain("methodOptions['//POST'] = { cachingEnabled: false }");
    expect(cdk.remediation.snippet).toContain("'//POST': { cachingEnabled: false }");
  });
  test('CL002: cache_control: true for Kong; CloudFront custom policies keep their key and lower MinTTL; the MinTTL named when known', () => {
    const kong = one('CL002 kong: cache_control false, key shared between callers');
    expect(kong.remediation.snippet).toBe('- name: proxy-cache\n  config:\n    cache_control: true');
    expect(kong.message).toContain('stores GET/HEAD responses for 60 s whatever the upstream says, and shares them across callers');
    const ingress = one('CL002 kong-ingress: cache_control false, methods unknown to the cache, TTL unknown');
    expect(ingress.remediation.snippet).toBe('config:\n  cache_control: true');
    expect(ingress.message).toContain('stores GET responses for 300 s whatever the upstream says.');
    expect(one('CL002 cloudformation: CloudFront MinTTL').message).toContain('its MinTTL of 60 s keeps');
    // A policy that is not a managed one is the user's own: lowering its MinTTL keeps what it forwards.
    const cfn = one('CL002 cloudformation: CloudFront MinTTL').remediation;
    expect(cfn).toEqual({
      summary: expect.stringMatching(/^Set MinTTL: 0 in the CachePolicyConfig of .*; its cache key \(what it forwards to the origin\) stays\.$/),
      snippet: 'CachePolicyConfig:\n  MinTTL: 0',
    });
    const cdk = one('CL002 cdk: CloudFront MinTTL unknown');
    expect(cdk.message).toContain('its MinTTL keeps');
    expect(cdk.remediation).toEqual({
      summary: expect.stringMatching(/^Set minTtl to Duration\.seconds\(0\) on the CachePolicy /),
      snippet: 'minTtl: Duration.seconds(0),',
    });
    for (const f of [cfn, cdk.remediation]) expect(`${f.summary} ${f.snippet}`).not.toMatch(/CachingDisabled|CACHING_DISABLED|4135ea2d/);
  });
  test('CL003: response-transformer with replace and add (Kong, KongPlugin), integration mapping or response headers policy (AWS)', () => {
    const both = { add: { headers: ['Cache-Control:no-store'] }, replace: { headers: ['Cache-Control:no-store'] } };
    // The caches store GET only: the writes are not stored (info), and a transformer on the route would end the caching
    // of its reads, so the fix gives the writes a route of their own.
    const kong = one('CL003 kong');
    expect(kong.severity).toBe('info');
    expect(load(kong.remediation.snippet!)).toEqual({
      routes: [{ name: 'writes-writes', paths: ['/api'], methods: ['POST'], plugins: [{ name: 'response-transformer', config: both }] }],
    });
    expect(kong.remediation.summary).toMatch(
      /^Its reads are cached on purpose, and no-store on this route would end that: give the POST requests a route of their own \(methods: \[POST\]\)/,
    );
    expect(kong.message).toContain('passes through proxy-cache (global) -> proxy-cache (route profiles)');
    // No cache on the path, no reads to keep: the transformer goes on the route itself.
    const webhook = one('CL003 kong: webhook path, no cache');
    expect(webhook.message).toContain('matches a webhook path pattern');
    expect(load(webhook.remediation.snippet!)).toEqual({ plugins: [{ name: 'response-transformer', config: both }] });
    expect(webhook.remediation.summary).toContain('route svc/webhooks');
    const proxy = one('CL003 cloudformation: API Gateway proxy integration');
    expect(proxy.severity).toBe('info');
    expect(proxy.message).toMatch(/\(a proxy integration: only the backend can set it\)\.$/);
    expect(proxy.remediation.snippet).toBeUndefined();
    // API Gateway: the mapping applies to the write method only, so cached GETs keep their headers.
    expect(one('CL003 cloudformation: API Gateway').remediation.snippet).toMatch(/^MethodResponses:/);
    expect(one('CL003 cdk: API Gateway').remediation.snippet).toMatch(/^methodResponses:/);
    // CloudFront caching GETs on the behaviour: never an Override: true policy on it; the writes get a behaviour of
    // their own with CachingDisabled and the no-store policy.
    const cfn = one('CL003 cloudformation: CloudFront');
    expect(cfn.severity).toBe('info');
    expect(cfn.remediation.summary).toMatch(
      /^Its reads are cached on purpose, and no-store on this behaviour would end that: serve the write paths through a behaviour of their own with the CachingDisabled cache policy and a no-store response headers policy, or have the origin send/,
    );
    expect(cfn.remediation.snippet).toMatch(
      /^CacheBehaviors:\n {2}- PathPattern: .*\n[\s\S]*CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad[\s\S]*ResponseHeadersPolicyId:/,
    );
    const cdk = one('CL003 cdk: CloudFront');
    expect(cdk.remediation.summary).toMatch(/behaviour of their own with the CachingDisabled cache policy/);
    expect(cdk.remediation.snippet).toMatch(
      /^additionalBehaviors: \{ '\/<write paths>\/\*': \{\n[\s\S]*cachePolicy: CachePolicy\.CACHING_DISABLED,\n {2}responseHeadersPolicy: noStore/,
    );
    // Nothing cached on the behaviour (CachingDisabled): the no-store policy goes on the behaviour itself.
    const off = run([
      cfEndpoint({ caches: [cloudFront({ name: 'Managed-CachingDisabled', cachedMethods: known<Method[]>([]), ttl: known({ min: 0, default: 0, max: 0 }) })] }),
    ]).filter((f) => f.ruleId === 'CL003');
    expect(off).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(off[0].remediation.snippet).toMatch(/^ResponseHeadersPolicyConfig:[\s\S]*Override: true/);
  });
  test('CL003 Kong Ingress with cached reads: the write route split off is Kubernetes manifests, not decK', () => {
    // Kong Ingress users write Kubernetes manifests: the split-off write route is an Ingress (konghq.com/methods) with a
    // KongPlugin, never a decK `routes:` entry.
    const ingress = one('CL003 kong-ingress');
    expect(ingress.remediation.snippet).toContain('kind: KongPlugin');
    expect(ingress.remediation.snippet).toContain('konghq.com/methods');
    expect(ingress.remediation.snippet).not.toMatch(/^routes:/m);
  });
  test('CL004 Kong: the caller in the key; a caller path warns, a public one is info; a consumer-less auth plugin is named', () => {
    const kong = one('CL004 kong: shares callers on a caller path');
    expect(kong.severity).toBe('warning');
    expect(kong.message).toContain('whose path (cart) reads as the caller');
    expect(kong.remediation.snippet).toBe('- name: proxy-cache-advanced\n  config:\n    vary_headers: [Authorization]\n    cache_control: true');
    expect(kong.findingId).toBe('webhooks#svc#identity');
    const status = one('CL004 kong-ingress: shares callers, plugin name unknown, nothing says responses differ');
    expect(status.severity).toBe('info');
    expect(status.remediation.snippet).toBe('config:\n  vary_headers: [Authorization]\n  cache_control: true');
    const ldap = one('CL004 kong: ldap-auth sets no consumer');
    expect(ldap.severity).toBe('warning');
    expect(ldap.message).toContain('where ldap-auth (authenticates without a Kong consumer) identifies callers');
    expect(ldap.remediation.summary).toContain('ldap-auth sets no consumer');
  });
  test('CL004 API Gateway: parameters and identity are separate findings; optional parameters stay optional; never a SigV4 key', () => {
    const params = one('CL004 cloudformation: parameters missing, the optional one stays optional');
    expect(params.findingId).toBe('/orders/{id}/GET#params');
    expect(load(params.remediation.snippet!)).toEqual({
      RequestParameters: { 'method.request.path.id': true, 'method.request.querystring.page': false },
      Integration: { CacheKeyParameters: ['method.request.path.id', 'method.request.querystring.page'] },
    });
    const authz = one('CL004 cloudformation: authorizer identity source not in the key');
    expect(authz.findingId).toBe('/devices/GET#identity');
    expect(authz.message).toContain('whose CUSTOM authorizer reads method.request.header.x-device-attestation');
    expect(authz.message).not.toMatch(/Authorization/);
    expect(load(authz.remediation.snippet!)).toEqual({
      RequestParameters: { 'method.request.header.x-device-attestation': false },
      Integration: { CacheKeyParameters: ['method.request.header.x-device-attestation'] },
    });
    const iam = one('CL004 cloudformation: AWS_IAM callers');
    expect(iam.severity).toBe('info');
    expect(iam.remediation.snippet).not.toContain('Authorization');
    expect(load(iam.remediation.snippet!)).toEqual({ MethodSettings: [{ ResourcePath: '/~1reports', HttpMethod: 'GET', CachingEnabled: false }] });
    const cdk = one('CL004 cdk: Cognito authorizer, optional header stays optional');
    expect(cdk.remediation.snippet).toBe(
      "requestParameters: { 'method.request.header.Authorization': false },\n// integration options:\ncacheKeyParameters: ['method.request.header.Authorization'],",
    );
  });
  test('CL004 API Gateway proxy under an empty key: a token path warns (stop caching it first), another path is info', () => {
    const token = one('CL004 cloudformation: proxy GET /auth/callback under an empty key');
    expect(token.severity).toBe('warning');
    expect(token.findingId).toBe('/auth/callback/GET#params');
    expect(token.message).toContain('/auth/callback?token=A and /auth/callback?token=B (whatever the names) get one cached response');
    expect(token.message).toContain('the path (auth) reads like a token or id lookup');
    expect(token.remediation.summary).toMatch(/^Stop caching GET \/auth\/callback/);
    expect(load(token.remediation.snippet!)).toMatchObject({
      MethodSettings: [{ ResourcePath: '/~1auth~1callback', HttpMethod: 'GET', CachingEnabled: false }],
    });
    const items = one('CL004 cdk: proxy GET /items under an empty key');
    expect(items.severity).toBe('info');
    expect(items.remediation.snippet).toContain("'/items/GET': { cachingEnabled: false }");
  });
  test('CL004 CloudFront: the cache policy, never API Gateway text; managed policies are replaced, template ones edited', () => {
    for (const name of [
      'CL004 cloudformation: CloudFront managed policy, every cookie forwarded',
      'CL004 cloudformation: CloudFront template policy, a session cookie and x-user-id',
      'CL004 cdk: CloudFront, every cookie forwarded',
    ])
      for (const f of findingsOf(byName.get(name)!))
        expect(`${f.message} ${f.remediation.summary} ${f.remediation.snippet}`).not.toMatch(/CacheKeyParameters|method\.request|Authorization/);
    const managed = findingsOf(byName.get('CL004 cloudformation: CloudFront managed policy, every cookie forwarded')!);
    expect(managed.map((f) => [f.findingId, f.severity])).toEqual([
      ['api/*#identity', 'warning'],
      ['api/*#params', 'info'],
    ]);
    const identity = managed[0];
    expect(identity.message).toContain('its origin request policy sends every cookie to the origin, but the cache key leaves it out');
    expect(identity.remediation.summary).toMatch(/^Managed-CachingOptimized cannot be changed: point CachePolicyId at your own AWS::CloudFront::CachePolicy/);
    expect(identity.remediation.summary).toContain('keep the OriginRequestPolicyId');
    expect(load(identity.remediation.snippet!)).toEqual({
      CachePolicyConfig: { ParametersInCacheKeyAndForwardedToOrigin: { CookiesConfig: { CookieBehavior: 'all' } } },
    });
    const template = findingsOf(byName.get('CL004 cloudformation: CloudFront template policy, a session cookie and x-user-id')!);
    expect(template).toHaveLength(1);
    expect(template[0].remediation.summary).toMatch(/^In CachePolicy ApiPolicy: add header x-user-id and cookie session/);
    expect(load(template[0].remediation.snippet!)).toEqual({
      CachePolicyConfig: {
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['accept', 'x-user-id'] },
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['session'] },
          QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: ['page'] },
        },
      },
    });
    const cdk = one('CL004 cdk: CloudFront, every cookie forwarded');
    expect(cdk.remediation.snippet).toBe(
      "const apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {\n  cookieBehavior: CacheCookieBehavior.all(),\n});\n// on the behaviour:\ncachePolicy: apiCachePolicy,",
    );
    expect(cdk.remediation.summary).toContain('cachePolicy: CachePolicy.CACHING_DISABLED');
  });
  test('CL005: DefaultTTL 0 where the cache is set, keeping what it forwards; worded for cache policies, ForwardedValues and CDK', () => {
    expect(one('CL005 cloudformation: cache policy').remediation).toEqual({
      summary: expect.stringMatching(/^Set DefaultTTL: 0 in the CachePolicyConfig of .*; its cache key \(what it forwards to the origin\) stays\.$/),
      snippet: 'CachePolicyConfig:\n  DefaultTTL: 0',
    });
    expect(one('CL005 cloudformation: ForwardedValues').remediation).toEqual({
      summary: expect.stringMatching(/^Set DefaultTTL: 0 on this behaviour; keep its ForwardedValues/),
      snippet: 'DefaultTTL: 0',
    });
    expect(one('CL005 cdk').remediation.snippet).toBe('defaultTtl: Duration.seconds(0),');
    for (const name of ['CL005 cloudformation: cache policy', 'CL005 cloudformation: ForwardedValues', 'CL005 cdk']) {
      const f = one(name).remediation;
      expect(`${f.summary} ${f.snippet}`).not.toMatch(/CachingDisabled|CACHING_DISABLED|4135ea2d/);
    }
    expect(one('CL005 cloudformation: cache policy').message).toContain('for 86400 s (DefaultTTL)');
  });
  test('CL006: the CloudFront TTL decides CL005; a webhook no-store policy decides CL003; facts are worded by the rule', () => {
    const ttl = one('CL006 cloudformation: CloudFront TTL from a parameter');
    expect(ttl.message).toMatch(/^The TTL of CachingOptimized \(ANY \/api\/\*\) cannot be resolved: !Ref MinTtl\. This decides CL005;/);
    const webhook = one('CL006 cdk: no-store policy unknown on a webhook');
    expect(webhook.message).toMatch(/^The Cache-Control policy \(POST \/webhooks\/stripe\) cannot be resolved: .*This decides CL003;/);
    expect(webhook.remediation.summary).toMatch(/^Use a literal \(not a token\)/);
    const noFix = one('CL006 fact without a fix: remediation of the flavor');
    expect(noFix.message).toBe('Whether stage prod caches cannot be resolved: parameter Caching (no Default for Caching). This decides CL001.');
    expect(noFix.remediation.summary).toMatch(/^Use a literal \(not a token\)/);
    const noBlocks = one('CL006 fact without blocks');
    expect(noBlocks.message).toBe(
      "The MethodSetting's HttpMethod on stage Stage cannot be resolved: Fn::If on condition UseGet; which method it caches is unknown.",
    );
    expect(noBlocks.remediation.summary).toMatch(/^Use a literal value for settings that decide caching/);
  });
  test('CL007: warning on ANY (from the id or the details), info otherwise; one setting per open write method', () => {
    const any = one('CL007 cloudformation: ANY under */*, DELETE pinned');
    expect(any.severity).toBe('warning');
    expect(any.message).toContain('is an ANY method with no CachingEnabled: false for POST, PUT, PATCH');
    expect((load(any.remediation.snippet!) as { MethodSettings: { HttpMethod: string }[] }).MethodSettings.map((m) => m.HttpMethod)).toEqual([
      'POST',
      'PUT',
      'PATCH',
    ]);
    expect(one('CL007 cloudformation: ANY from details').severity).toBe('warning');
    const cdk = one('CL007 cdk: POST under */*');
    expect(cdk.severity).toBe('info');
    expect(cdk.remediation.snippet).toBe("methodOptions: {\n  '/webhooks/stripe/POST': { cachingEnabled: false },\n}");
  });
  test('CL007 is about API Gateway stage-wide caches only, and needs known methods', () => {
    const stage = stageCache({ cachedMethods: known<Method[]>(['GET']) });
    const only007 = (e: Endpoint) => run([e]).filter((f) => f.ruleId === 'CL007');
    expect(only007(api({ caches: [stage] }))).toHaveLength(1);
    expect(only007(api({ platform: 'kong', caches: [stage] }))).toEqual([]);
    expect(only007(api({ methods: unknown<Method[]>('?', at(1)), caches: [stage] }))).toEqual([]);
    expect(only007(api({ caches: [{ ...stage, scope: 'method' }] }))).toEqual([]);
    expect(only007(api({ caches: [cloudFront({ scope: 'stage-wide' })] }))).toEqual([]);
    expect(only007(api({ caches: [{ ...stage, pinnedOffMethods: ['POST'] }] }))).toEqual([]);
  });
  test('CL008: the rule words the setting and why, and rewrites it for the flavor; only its two fact kinds', () => {
    const cdk = one('CL008 fact, cdk: the fix is methodOptions');
    expect(cdk.message).toBe(
      'MethodSetting ResourcePath: /~1orders, HttpMethod: POST on stage prod matches nothing: API Api has only GET on /orders, so this CachingEnabled: true has no effect.',
    );
    expect(cdk.remediation).toEqual({
      summary: 'Point the setting at a resource path and method the API has (ResourcePath /~1<path>, encoded).',
      snippet: "methodOptions: {\n  '/orders/POST': { cachingEnabled: true },\n}",
    });
    const dup = one('CL008 fact of kind ambiguous-setting: a duplicate entry');
    expect(dup.message).toMatch(
      /^MethodSetting ResourcePath: \/~1orders, HttpMethod: POST on stage prod duplicates the entry at line 18 with a different caching value:/,
    );
    expect(dup.remediation.summary).toBe('Keep one MethodSetting per ResourcePath and HttpMethod.');
    expect(
      run([], [fact({ kind: 'unresolved-setting', reason: { kind: 'stage-caching', stage: 'prod', why: 'parameter Cache' }, blocks: ['CL001'] })]).filter(
        (f) => f.ruleId === 'CL008',
      ),
    ).toEqual([]);
  });
  test('CL009: an enabled but harmless instance, as a decK plugin or a KongPlugin config; only with a Kong cache still active', () => {
    expect(load(one('CL009 kong').remediation.snippet!)).toEqual([
      { name: 'proxy-cache', enabled: true, config: { request_method: ['HEAD'], cache_control: true, strategy: 'memory' } },
    ]);
    expect(load(one('CL009 kong-ingress').remediation.snippet!)).toEqual({ config: { request_method: ['HEAD'], cache_control: true } });
    expect(one('CL009 kong').message).toContain('disabled instances do not shadow broader ones: proxy-cache (global) (line 12) still applies.');
    const inert = [{ name: 'proxy-cache', scope: 'route', at: at(20) }];
    expect(
      run([endpoint({ methods: known<Method[]>(['GET']), caches: [cloudFront()], inertCacheInstances: inert })]).filter((f) => f.ruleId === 'CL009'),
    ).toEqual([]);
  });
});
