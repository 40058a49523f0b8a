// API Gateway model values the rules read (docs/platforms/api-gateway.md): layer scope, cachedMethods, pinnedOffMethods, TTL, key,
// keyMissing, identity, no-store, facts. Templates are inline so each test shows exactly what it judges.
import { ep, modelOf, only } from './helpers';

/** A REST API with /orders (GET, POST) and /{proxy+} (ANY), and a Stage whose cache settings are `settings`. */
function api(settings: string, { cluster = 'true', extra = '' } = {}): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: shop }
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  Proxy:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: "{proxy+}" }
  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      AuthorizationType: NONE
      RequestParameters: { method.request.querystring.page: false }
      Integration: { Type: MOCK }
  OrdersPost:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: POST, AuthorizationType: NONE, Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: arn } }
  ProxyAny:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Proxy, HttpMethod: ANY, AuthorizationType: NONE, Integration: { Type: HTTP_PROXY, IntegrationHttpMethod: ANY, Uri: "https://example.com/{proxy}" } }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [OrdersGet, OrdersPost, ProxyAny]
    Properties: { RestApiId: !Ref Api }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: ${cluster}
      CacheClusterSize: "0.5"
      MethodSettings:
${settings}
${extra}`;
}
const STAR_ON = `        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }`;

describe('stage-wide */* caching (docs/platforms/api-gateway.md#stage-wide-caching: read as GET-only)', () => {
  test('without write overrides: GET cached with the default TTL; POST and ANY under the layer with nothing pinned', () => {
    const m = modelOf(api(STAR_ON));
    const get = only(ep(m, '/orders/GET'));
    expect(get).toMatchObject({
      kind: 'apigateway-stage-cache',
      scope: 'stage-wide',
      cachedMethods: { known: true, value: ['GET', 'HEAD'] },
      ttl: { known: true, value: { min: 0, default: 300, max: 300 } },
      honorsOriginNoStore: { known: true, value: false },
      key: { known: true, value: [] },
      keyIncludesIdentity: { known: true, value: true },
      keyMissing: ['method.request.querystring.page'],
      pinnedOffMethods: [],
      at: expect.objectContaining({ line: 40, logicalId: 'Stage' }),
    });
    expect(get.caveats).toEqual([expect.stringContaining('UNCONFIRMED')]);
    const post = only(ep(m, '/orders/POST'));
    expect(post).toMatchObject({ scope: 'stage-wide', cachedMethods: { known: true, value: [] }, pinnedOffMethods: [] });
    const any = only(ep(m, '/{proxy+}/ANY'));
    expect(any).toMatchObject({ scope: 'stage-wide', cachedMethods: { known: true, value: ['GET', 'HEAD'] }, keyMissing: ['method.request.path.proxy'] });
    expect(any.caveats).toEqual([expect.stringContaining('GET-only'), expect.stringContaining('through an ANY method is UNCONFIRMED')]);
    expect(m.facts).toEqual([]);
  });

  test('with explicit overrides: a POST pinned off is in front of the stage cache that stores nothing for it; ANY lists its pinned verbs (CachingEnabled false or TTL 0)', () => {
    const m = modelOf(
      api(`${STAR_ON}
        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: false }
        - { ResourcePath: "/~1{proxy+}", HttpMethod: PUT, CachingEnabled: "false" }
        - { ResourcePath: "/~1{proxy+}", HttpMethod: DELETE, CacheTtlInSeconds: 0 }`),
    );
    // Still behind the stage cache (CL003 asks for no-store), but it caches none of this method's verbs (no CL001).
    expect(only(ep(m, '/orders/POST'))).toMatchObject({ scope: 'stage-wide', cachedMethods: { known: true, value: [] }, pinnedOffMethods: ['POST'] });
    expect(only(ep(m, '/{proxy+}/ANY')).pinnedOffMethods).toEqual(['PUT', 'DELETE']);
    expect(m.facts).toEqual([]);
  });

  test('Deployment.StageDescription CachingEnabled is the stage-wide setting (with its own caveat)', () => {
    const text = api('        []', { cluster: 'false' }).replace(
      'Properties: { RestApiId: !Ref Api }',
      'Properties: { RestApiId: !Ref Api, StageName: live, StageDescription: { CacheClusterEnabled: true, CachingEnabled: true, CacheTtlInSeconds: 60 } }',
    );
    const layer = only(ep(modelOf(text), '/orders/GET', 'Deployment'));
    expect(layer).toMatchObject({
      scope: 'stage-wide',
      ttl: { known: true, value: { min: 0, default: 60, max: 60 } },
      details: { stage: 'Deployment', stageName: 'live' },
    });
    expect(layer.caveats).toEqual([
      expect.stringContaining('GET-only'),
      expect.stringContaining('StageDescription.CachingEnabled is stored as the */* entry is UNCONFIRMED'),
    ]);
  });

  test('*/* with CachingEnabled false: no stage-wide layer; a method that turns caching on is the only layer', () => {
    const m = modelOf(
      api(`        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: false }
        - { ResourcePath: "/~1orders", HttpMethod: GET, CachingEnabled: true }`),
    );
    expect(ep(m, '/orders/POST').caches).toEqual([]);
    expect(ep(m, '/{proxy+}/ANY').caches).toEqual([]);
    expect(only(ep(m, '/orders/GET'))).toMatchObject({ scope: 'method', cachedMethods: { known: true, value: ['GET'] } });
    expect(m.facts).toEqual([]);
  });
  test('*/* with only a TTL says nothing about caching (off by default); a later */* entry that turns it on decides', () => {
    expect(ep(modelOf(api(`        - { ResourcePath: "/*", HttpMethod: "*", CacheTtlInSeconds: 600 }`)), '/orders/GET').caches).toEqual([]);
    const on = modelOf(
      api(
        `        - { ResourcePath: "/*", HttpMethod: "*", CacheTtlInSeconds: 600 }\n        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheTtlInSeconds: 30 }`,
      ),
    );
    expect(only(ep(on, '/orders/GET'))).toMatchObject({ scope: 'stage-wide', ttl: { known: true, value: { default: 30 } } });
  });
  test('*/* caching from a parameter without a default: one blocking fact on the stage, at the entry; no layer is guessed', () => {
    const text = api(`        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: !Ref Cache }`).replace(
      'Resources:',
      'Parameters:\n  Cache: { Type: String, AllowedValues: ["true", "false"] }\nResources:',
    );
    const m = modelOf(text);
    expect(ep(m, '/orders/GET').caches).toEqual([]);
    expect(m.facts).toEqual([
      expect.objectContaining({
        findingId: 'stage:Stage',
        route: 'stage prod',
        at: expect.objectContaining({ line: 42, column: 50 }), // the !Ref Cache
        message: 'Whether stage prod caches cannot be resolved: parameter Cache (no Default for Cache).',
        blocks: ['CL004', 'CL007'],
      }),
    ]);
  });
});

describe('per-method settings', () => {
  test('a method on the root resource: path /, findingId /GET', () => {
    const text = api(STAR_ON).replace(
      '      ResourceId: !Ref Orders\n      HttpMethod: GET',
      '      ResourceId: !GetAtt Api.RootResourceId\n      HttpMethod: GET',
    );
    const e = ep(modelOf(text), '/GET');
    expect(e).toMatchObject({ route: 'GET /', paths: ['/'] });
  });
  test('a path-wide entry (/orders/*) that caches, without a TTL: a stage-wide-scoped layer with the default TTL; nothing pinned', () => {
    const m = modelOf(api(`        - { ResourcePath: "/~1orders", HttpMethod: "*", CachingEnabled: true }`));
    expect(only(ep(m, '/orders/GET'))).toMatchObject({ cachedMethods: { known: true, value: ['GET', 'HEAD'] }, ttl: { known: true, value: { default: 300 } } });
    expect(only(ep(m, '/orders/POST'))).toMatchObject({ cachedMethods: { known: true, value: [] }, pinnedOffMethods: [] });
    expect(ep(m, '/{proxy+}/ANY').caches).toEqual([]);
  });
  test('a cluster a deploy decides under */* caching: one fact for the stage (not one per method), naming the cluster', () => {
    const text = api(STAR_ON, { cluster: '!Ref Cluster' }).replace('Resources:', 'Parameters:\n  Cluster: { Type: String }\nResources:');
    const m = modelOf(text);
    expect(ep(m, '/orders/GET').caches).toEqual([]);
    expect(m.facts).toEqual([
      expect.objectContaining({
        findingId: 'stage:Stage',
        message:
          'Whether stage prod caches cannot be resolved: the cache cluster (CacheClusterEnabled) of stage prod: parameter Cluster (no Default for Cluster).',
      }),
    ]);
  });
  test('a cache key parameter on the integration side covers the method parameter mapped into it', () => {
    const text = api(STAR_ON).replace(
      'RequestParameters: { method.request.querystring.page: false }\n      Integration: { Type: MOCK }',
      'RequestParameters: { method.request.querystring.page: false }\n      Integration: { Type: MOCK, RequestParameters: { integration.request.querystring.p: method.request.querystring.page }, CacheKeyParameters: [integration.request.querystring.p] }',
    );
    const layer = only(ep(modelOf(text), '/orders/GET'));
    expect(layer.key).toEqual({ known: true, value: ['integration.request.querystring.p'] });
    expect(layer.keyMissing).toBeUndefined(); // without the mapping: ['method.request.querystring.page']
  });
  test('POST cached explicitly: scope method, at the MethodSetting, TTL from it; details name stage and method', () => {
    const m = modelOf(api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true, CacheTtlInSeconds: 60 }`));
    const e = ep(m, '/orders/POST');
    expect(e).toMatchObject({
      platform: 'apigateway',
      resource: 'Stage',
      route: 'POST /orders',
      methods: { known: true, value: ['POST'] },
      noStoreSettable: false,
      at: expect.objectContaining({ line: 21, logicalId: 'OrdersPost' }),
      details: { restApi: 'Api', stage: 'Stage', stageName: 'prod', httpMethod: 'POST', methodLogicalId: 'OrdersPost' },
    });
    expect(only(e)).toMatchObject({
      scope: 'method',
      cachedMethods: { known: true, value: ['POST'] },
      ttl: { known: true, value: { min: 0, default: 60, max: 60 } },
      at: { line: 40 },
    });
    expect(ep(m, '/orders/GET').caches).toEqual([]);
  });
  test('cluster disabled: the same setting caches nothing and decides nothing', () => {
    const m = modelOf(api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true }`, { cluster: 'false' }));
    expect(m.endpoints.every((e) => e.caches.length === 0)).toBe(true);
    expect(m.facts).toEqual([]);
  });
  test('string booleans and numbers count as their values', () => {
    const m = modelOf(
      api(`        - { ResourcePath: "/~1orders", HttpMethod: post, CachingEnabled: "true", CacheTtlInSeconds: "120" }`, { cluster: '"true"' }),
    );
    expect(only(ep(m, '/orders/POST'))).toMatchObject({ cachedMethods: { known: true, value: ['POST'] }, ttl: { known: true, value: { default: 120 } } });
  });
  test('an ANY method does not catch verbs its resource declares (POST on /orders is its own method)', () => {
    const text = api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true }`).replace(
      '  Deployment:',
      `  OrdersAny:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: ANY, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Deployment:`,
    );
    const m = modelOf(text);
    expect(ep(m, '/orders/ANY').methods).toEqual({ known: true, value: ['HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'] });
    expect(ep(m, '/orders/ANY').caches).toEqual([]);
    expect(only(ep(m, '/orders/POST')).cachedMethods).toEqual({ known: true, value: ['POST'] });
  });
});

describe('facts: settings that match nothing (CL008) or are ambiguous', () => {
  test('/* with a verb, malformed paths, a method the API lacks, duplicates', () => {
    const m = modelOf(
      api(`        - { ResourcePath: "/*", HttpMethod: POST, CachingEnabled: false }
        - { ResourcePath: "*", HttpMethod: GET, CachingEnabled: true }
        - { ResourcePath: "/~1*", HttpMethod: GET, CachingEnabled: true }
        - { ResourcePath: "~1orders", HttpMethod: GET, CachingEnabled: true }
        - { ResourcePath: "/~1orders", HttpMethod: DELETE, CachingEnabled: false }
        - { ResourcePath: "/~1orders", HttpMethod: GET, CachingEnabled: true }
        - { ResourcePath: "/~1orders", HttpMethod: GET, CachingEnabled: false }
        - { ResourcePath: "/*", HttpMethod: "*", LoggingLevel: INFO }`),
    );
    expect(m.facts.map((f) => `${f.kind} ${f.findingId} ${f.at.line}`)).toEqual([
      'ineffective-method-setting /*/POST 40',
      'ineffective-method-setting */GET 41',
      'ineffective-method-setting /~1*/GET 42',
      'ineffective-method-setting ~1orders/GET 43',
      'ineffective-method-setting /orders/DELETE 44',
      'ambiguous-setting /orders/GET 46',
    ]);
    expect(m.facts[0].message).toContain('ResourcePath /* only works with HttpMethod *');
    expect(m.facts[4].message).toContain('API Api has only GET, POST on /orders');
    expect(m.facts[5].message).toContain('duplicates the entry at line 45 with a different caching value');
    // Duplicates: every entry is evaluated, any "on" wins.
    expect(only(ep(m, '/orders/GET')).cachedMethods).toEqual({ known: true, value: ['GET'] });
  });
  test('a setting that matches nothing is named by what it says: on, off (a fix that fixes nothing), or just "setting"', () => {
    const m = modelOf(
      api(`        - { ResourcePath: "/~1nowhere", HttpMethod: GET, CachingEnabled: true }
        - { ResourcePath: "/~1nowhere", HttpMethod: POST, CachingEnabled: false }
        - { ResourcePath: "/~1nowhere", HttpMethod: PUT, CachingEnabled: !Ref Cache }`).replace(
        'Resources:',
        'Parameters:\n  Cache: { Type: String }\nResources:',
      ),
    );
    const ineffective = m.facts.filter((f) => f.kind === 'ineffective-method-setting').map((f) => /so this (.*) has no effect/.exec(f.message)?.[1]);
    expect(ineffective).toEqual(['CachingEnabled: true', 'CachingEnabled: false (a fix that fixes nothing)', 'setting']);
  });
  test('a MethodSetting that cannot be resolved at all: one fact at it, the other settings still read', () => {
    const m = modelOf(api(`        - !ImportValue shared-setting\n${STAR_ON}`));
    expect(m.facts).toEqual([
      expect.objectContaining({
        kind: 'unresolved-setting',
        at: expect.objectContaining({ line: 40 }),
        message: expect.stringMatching(/^The MethodSetting on stage Stage cannot be resolved: .*ImportValue.*; whether it caches a write method is unknown\.$/),
      }),
    ]);
    expect(only(ep(m, '/orders/GET')).scope).toBe('stage-wide');
  });
  test('the unencoded /orders form is read as /~1orders and reported as ambiguous', () => {
    const m = modelOf(api(`        - { ResourcePath: "/orders", HttpMethod: POST, CachingEnabled: true }`));
    expect(m.facts.map((f) => f.kind)).toEqual(['ambiguous-setting']);
    expect(only(ep(m, '/orders/POST')).cachedMethods).toEqual({ known: true, value: ['POST'] });
  });
});

describe('values CloudFormation decides at deploy time', () => {
  test('a parameter: unknown, naming it and what its default would give', () => {
    const text = api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: !Ref CachePosts }`).replace(
      'Resources:',
      'Parameters:\n  CachePosts: { Type: String, AllowedValues: ["true", "false"], Default: "true" }\nResources:',
    );
    const layer = only(ep(modelOf(text), '/orders/POST'));
    expect(layer.cachedMethods).toEqual({
      known: false,
      why: 'parameter CachePosts (default "true" would give "true")',
      at: expect.objectContaining({ line: 42, column: 58, logicalId: 'Stage' }),
    });
  });
  test('a MethodSetting inside Fn::If on a parameter-driven condition: unknown, naming the condition and its default', () => {
    const text = api(`        - !If
          - IsProd
          - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true }
          - !Ref AWS::NoValue`).replace(
      'Resources:',
      'Parameters:\n  Env: { Type: String, Default: dev }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:',
    );
    const layer = only(ep(modelOf(text), '/orders/POST'));
    expect(layer.cachedMethods).toMatchObject({
      known: false,
      why: 'MethodSetting /~1orders POST (CachingEnabled: true): it applies only when condition IsProd is true (Fn::If), and condition IsProd depends on parameter Env (default "dev" would make it false)',
    });
  });
  test('a scalar Fn::If: both branches equal → known; different → unknown naming both outcomes', () => {
    const base = (v: string) =>
      api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: ${v} }`).replace(
        'Resources:',
        'Parameters:\n  Env: { Type: String, Default: dev }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:',
      );
    expect(only(ep(modelOf(base('!If [IsProd, true, true]')), '/orders/POST')).cachedMethods).toEqual({ known: true, value: ['POST'] });
    const why = (only(ep(modelOf(base('!If [IsProd, true, false]')), '/orders/POST')).cachedMethods as { why: string }).why;
    expect(why).toBe('Fn::If: condition IsProd depends on parameter Env, and it chooses true or false (default "dev" would give false)');
  });
  test('a Stage of an API defined in another stack still reports the write it caches', () => {
    const text = `Parameters:
  ApiId: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref ApiId
      DeploymentId: abc123
      StageName: prod
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/~1hooks", HttpMethod: POST, CachingEnabled: true }
`;
    const e = ep(modelOf(text), '/hooks/POST');
    expect(e).toMatchObject({ resource: 'Stage', details: { restApi: 'ApiId' }, noStore: { known: false } });
    expect(only(e)).toMatchObject({ scope: 'method', cachedMethods: { known: true, value: ['POST'] }, key: { known: false } });
  });
});

describe('cache key, identity and no-store', () => {
  const keyed = (auth: string, key: string) =>
    api(`        - { ResourcePath: "/~1orders", HttpMethod: GET, CachingEnabled: true }`).replace(
      `      HttpMethod: GET
      AuthorizationType: NONE
      RequestParameters: { method.request.querystring.page: false }
      Integration: { Type: MOCK }`,
      `      HttpMethod: GET
      ${auth}
      RequestParameters: { method.request.querystring.page: false, method.request.header.Authorization: true }
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
        RequestParameters: { integration.request.header.X-Body: method.request.body }
        CacheKeyParameters: ${key}
        IntegrationResponses:
          - StatusCode: "200"
            ResponseParameters: { method.response.header.Cache-Control: "'no-store'" }
      MethodResponses:
        - StatusCode: "200"
          ResponseParameters: { method.response.header.Cache-Control: true }`,
    );
  test('authenticated method without the identity in the key: keyIncludesIdentity false; key and keyMissing', () => {
    const e = ep(modelOf(keyed('AuthorizationType: AWS_IAM', '[method.request.querystring.page]')), '/orders/GET');
    expect(e.identity).toEqual(['AWS_IAM']);
    expect(only(e)).toMatchObject({ key: { known: true, value: ['method.request.querystring.page'] }, keyIncludesIdentity: { known: true, value: false } });
    expect(only(e).keyMissing).toBeUndefined();
    expect(e.noStore).toEqual({ known: true, value: expect.objectContaining({ cacheControl: 'no-store', source: 'integration response mapping' }) });
    expect(e.noStoreSettable).toBeUndefined();
  });
  test('a custom authorizer: its IdentitySource headers in the key separate callers', () => {
    const withAuthorizer = (key: string) =>
      modelOf(
        keyed('AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Auth', key).replace(
          '  Deployment:',
          '  Auth:\n    Type: AWS::ApiGateway::Authorizer\n    Properties: { RestApiId: !Ref Api, Name: a, Type: TOKEN, AuthorizerUri: arn, IdentitySource: "method.request.header.X-Token, method.request.header.X-Tenant" }\n  Deployment:',
        ),
      );
    expect(only(ep(withAuthorizer('[method.request.header.X-Tenant]'), '/orders/GET')).keyIncludesIdentity).toEqual({ known: true, value: true });
    expect(only(ep(withAuthorizer('[method.request.querystring.page]'), '/orders/GET')).keyIncludesIdentity).toEqual({ known: true, value: false });
    expect(ep(withAuthorizer('[]'), '/orders/GET').identity).toEqual(['CUSTOM']);
  });
  test('the evidence CL004 reads: identity sources as the platform names them, never SigV4; proxy; declared parameters and whether they are required', () => {
    const withAuthorizer = (type: string, source: string) =>
      modelOf(
        keyed('AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Auth', '[method.request.querystring.page]').replace(
          '  Deployment:',
          `  Auth:\n    Type: AWS::ApiGateway::Authorizer\n    Properties: { RestApiId: !Ref Api, Name: a, Type: ${type}, AuthorizerUri: arn, IdentitySource: "${source}" }\n  Deployment:`,
        ),
      );
    const attest = ep(withAuthorizer('REQUEST', 'method.request.header.x-device-attestation, context.sourceIp'), '/orders/GET');
    expect(attest.authorizer).toEqual({ type: 'CUSTOM', identitySources: ['method.request.header.x-device-attestation', 'context.sourceIp'] });
    expect(only(attest).identityNotKeyed).toEqual(['method.request.header.x-device-attestation', 'context.sourceIp']);
    expect(attest.requestParameters).toEqual({ 'method.request.querystring.page': false, 'method.request.header.Authorization': true });
    const iam = ep(modelOf(keyed('AuthorizationType: AWS_IAM', '[method.request.querystring.page]')), '/orders/GET');
    expect(iam.authorizer).toEqual({ type: 'AWS_IAM', identitySources: [] });
    expect(only(iam).identityNotKeyed).toBeUndefined(); // a SigV4 signature is not an identity to key on
    const none = ep(modelOf(api(STAR_ON)), '/orders/GET');
    expect(none.authorizer).toBeUndefined();
    expect(none.proxyIntegration).toBeUndefined(); // MOCK
    expect(ep(modelOf(api(STAR_ON)), '/{proxy+}/ANY').proxyIntegration).toBe(true); // HTTP_PROXY
    expect(only(none).identityNotKeyed).toBeUndefined();
  });
  test('Authorization in the key: identity separated; the body mapped into a keyed header: bodyInKey', () => {
    const layer = only(
      ep(modelOf(keyed('AuthorizationType: AWS_IAM', '[method.request.header.Authorization, integration.request.header.X-Body]')), '/orders/GET'),
    );
    expect(layer).toMatchObject({
      keyIncludesIdentity: { known: true, value: true },
      keyMissing: ['method.request.querystring.page'],
      details: { bodyInKey: 'true' },
    });
    expect(layer.key).toEqual({ known: true, value: ['method.request.header.Authorization', 'integration.request.header.X-Body', 'body'] });
  });
});

describe('JSON templates', () => {
  test('read like YAML, with JSON line numbers', () => {
    const json = JSON.stringify(
      {
        Resources: {
          Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
          Hooks: {
            Type: 'AWS::ApiGateway::Resource',
            Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'hooks' },
          },
          Post: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              RestApiId: { Ref: 'Api' },
              ResourceId: { Ref: 'Hooks' },
              HttpMethod: 'POST',
              AuthorizationType: 'NONE',
              Integration: { Type: 'MOCK' },
            },
          },
          Dep: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' } } },
          Stage: {
            Type: 'AWS::ApiGateway::Stage',
            Properties: {
              RestApiId: { Ref: 'Api' },
              DeploymentId: { Ref: 'Dep' },
              StageName: 'v1',
              CacheClusterEnabled: true,
              MethodSettings: [{ ResourcePath: '/~1hooks', HttpMethod: 'POST', CachingEnabled: true }],
            },
          },
        },
      },
      null,
      2,
    );
    const e = ep(modelOf(json, 't.json'), '/hooks/POST');
    expect(e.at.line).toBe(json.split('\n').findIndex((l) => l.includes('"Post"')) + 1);
    expect(only(e).at.line).toBe(json.split('\n').findIndex((l) => l.includes('"ResourcePath": "/~1hooks"')));
    expect(only(e).cachedMethods).toEqual({ known: true, value: ['POST'] });
  });
});

describe('SAM', () => {
  /** A SAM template with Globals.Api `globals` (lines under Api; none when empty) and one function Fn whose Events are `events`. */
  const samFunction = (globals: string, events: string) => `Transform: AWS::Serverless-2016-10-31
${globals ? `Globals:\n  Api:\n${globals}\n` : ''}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({ statusCode: 200 })"
      Events:
${events}
`;
  test('Globals.Api and the implicit API from function events; RequestParameters with Caching: true are the key', () => {
    const m = modelOf(
      samFunction(
        `    CacheClusterEnabled: true
    CacheClusterSize: "0.5"
    MethodSettings:
      - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }`,
        `        List:
          Type: Api
          Properties:
            Path: /items/{id}
            Method: get
            RequestParameters:
              - method.request.querystring.q: { Required: false, Caching: true }
        Create:
          Type: Api
          Properties: { Path: /items, Method: post }`,
      ),
    );
    const get = ep(m, '/items/{id}/GET');
    expect(get).toMatchObject({ resource: 'ServerlessRestApi', details: { stageName: 'Prod', methodLogicalId: 'Fn' }, noStoreSettable: false });
    expect(only(get)).toMatchObject({
      scope: 'stage-wide',
      key: { known: true, value: ['method.request.querystring.q'] },
      keyMissing: ['method.request.path.id'],
    });
    expect(only(ep(m, '/items/POST'))).toMatchObject({ scope: 'stage-wide', cachedMethods: { known: true, value: [] }, pinnedOffMethods: [] });
  });
  test('event auth: AWS_IAM has no identity source; a Lambda TOKEN authorizer its Identity.Header; a REQUEST one its Headers and QueryStrings; Required kept', () => {
    const withAuth = (auth: string) =>
      modelOf(
        samFunction(
          `    CacheClusterEnabled: true
    MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }]
    Auth:
      DefaultAuthorizer: ${auth}
      Authorizers:
        Tok: { FunctionArn: arn, Identity: { Header: X-Device-Attestation } }
        Req: { FunctionArn: arn, FunctionPayloadType: REQUEST, Identity: { Headers: [X-Tenant], QueryStrings: [sig] } }
        Users: { UserPoolArn: arn }`,
          `        Get:
          Type: Api
          Properties:
            Path: /verify
            Method: get
            RequestParameters: [method.request.querystring.token, { method.request.querystring.lang: { Required: true } }]`,
        ),
      );
    const iam = ep(withAuth('AWS_IAM'), '/verify/GET');
    expect(iam).toMatchObject({ authorizer: { type: 'AWS_IAM', identitySources: [] }, proxyIntegration: true });
    expect(iam.requestParameters).toEqual({ 'method.request.querystring.token': false, 'method.request.querystring.lang': true });
    expect(only(ep(withAuth('Tok'), '/verify/GET')).identityNotKeyed).toEqual(['method.request.header.X-Device-Attestation']);
    expect(ep(withAuth('Req'), '/verify/GET').authorizer).toEqual({
      type: 'CUSTOM',
      identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.sig'],
    });
    expect(ep(withAuth('Users'), '/verify/GET').authorizer).toEqual({ type: 'COGNITO_USER_POOLS', identitySources: ['method.request.header.Authorization'] });
  });
  test.each([
    ['a Method a deploy decides', 'Path: /items, Method: !ImportValue verb'],
    ['no Method', 'Path: /items'],
    ['a Path a deploy decides', 'Path: !ImportValue path, Method: post'],
    ['a Method that is not an HTTP verb', 'Path: /items, Method: fetch'],
  ])('an event with %s: the API is incomplete; its caching stage is one fact naming the event', (_what, props) => {
    const m = modelOf(
      samFunction(
        `    CacheClusterEnabled: true\n    MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }]`,
        `        Create: { Type: Api, Properties: { ${props} } }`,
      ),
    );
    expect(m.endpoints).toEqual([]);
    expect(m.facts).toEqual([
      expect.objectContaining({
        kind: 'unresolved-setting',
        findingId: 'stage',
        message: expect.stringContaining(
          'the methods of API ServerlessRestApi are not in this template (the path or method of event Create of Fn cannot be resolved)',
        ),
      }),
    ]);
  });
  test("an event on an API of another stack (RestApiId not a Ref) is not this template's to judge", () => {
    const m = modelOf(
      samFunction(
        '',
        `        Elsewhere: { Type: Api, Properties: { Path: /items, Method: post, RestApiId: !ImportValue shared-api } }
        Here: { Type: Api, Properties: { Path: /here, Method: get } }`,
      ),
    );
    expect(m.endpoints.map((e) => `${e.resource} ${e.findingId}`)).toEqual(['ServerlessRestApi /here/GET']);
    expect(m.facts).toEqual([]);
  });
  test('AWS::Serverless::Api merges Globals.Api MethodSettings with its own', () => {
    const m = modelOf(`Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    MethodSettings:
      - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/~1items", HttpMethod: POST, CachingEnabled: true }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "x"
      Events:
        Create: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: post } }
        List: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } }
`);
    expect(only(ep(m, '/items/POST', 'Api'))).toMatchObject({ scope: 'method', cachedMethods: { known: true, value: ['POST'] } });
    expect(only(ep(m, '/items/GET', 'Api'))).toMatchObject({ scope: 'stage-wide', cachedMethods: { known: true, value: ['GET', 'HEAD'] } });
  });
  test('inline OpenAPI body: x-amazon-apigateway-any-method and cacheKeyParameters', () => {
    const m = modelOf(`Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }
      DefinitionBody:
        openapi: "3.0.1"
        info: { title: t, version: "1" }
        paths:
          /{proxy+}:
            x-amazon-apigateway-any-method:
              parameters: [{ name: proxy, in: path, required: true, schema: { type: string } }]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: ANY
                uri: https://example.com/{proxy}
                cacheKeyParameters: [method.request.path.proxy]
`);
    const e = ep(m, '/{proxy+}/ANY');
    expect(e.methods).toEqual({ known: true, value: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(only(e)).toMatchObject({ scope: 'stage-wide', key: { known: true, value: ['method.request.path.proxy'] }, pinnedOffMethods: [] });
    expect(only(e).keyMissing).toBeUndefined();
  });
  test('OpenAPI security schemes: SigV4, an authorizer with its identitySource or apiKey header, an API key alone, an unknown scheme', () => {
    const withSecurity = (security: string) =>
      modelOf(`Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      CacheClusterEnabled: true
      MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }]
      DefinitionBody:
        openapi: "3.0.1"
        info: { title: t, version: "1" }
        components:
          securitySchemes:
            sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
            attest: { type: apiKey, name: X-Device-Attestation, in: header, x-amazon-apigateway-authorizer: { type: request, identitySource: "method.request.header.X-Device-Attestation, method.request.querystring.sig" } }
            pool: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: cognito_user_pools, x-amazon-apigateway-authorizer: { type: cognito_user_pools, providerARNs: [arn] } }
            key: { type: apiKey, name: x-api-key, in: header }
        paths:
          /me:
            get:
              security: ${security}
              parameters: [{ name: lang, in: query }, { name: v, in: query, required: true }]
              x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: arn }
`);
    const get = (security: string) => ep(withSecurity(security), '/me/GET');
    expect(get('[{ sigv4: [] }]')).toMatchObject({
      authorizer: { type: 'AWS_IAM', identitySources: [] },
      proxyIntegration: true,
      requestParameters: { 'method.request.querystring.lang': false, 'method.request.querystring.v': true },
    });
    expect(only(get('[{ sigv4: [] }]')).identityNotKeyed).toBeUndefined();
    expect(get('[{ attest: [] }]').authorizer).toEqual({
      type: 'CUSTOM',
      identitySources: ['method.request.header.X-Device-Attestation', 'method.request.querystring.sig'],
    });
    expect(get('[{ pool: [] }]').authorizer).toEqual({ type: 'COGNITO_USER_POOLS', identitySources: ['method.request.header.Authorization'] });
    const key = get('[{ key: [] }]');
    expect([key.authorizer, key.identity, only(key).keyIncludesIdentity]).toEqual([undefined, ['api-key'], { known: true, value: true }]);
    const unknownScheme = get('[{ mystery: [] }]');
    expect(unknownScheme.authorizer).toEqual({ type: 'CUSTOM', identitySources: [] });
    expect(only(unknownScheme).identityNotKeyed).toEqual(['the identity source of the CUSTOM authorizer (not readable from this template)']);
  });
});

describe('OpenAPI bodies: odd shapes are read, not thrown on', () => {
  const body = (op: string) => `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: "3.0.1"
        info: { title: t, version: "1" }
        paths:
          /items:
            parameters: [{ name: page, in: query }]
            get:
${op}
          /notes: null
          /tags: [get]
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: d
      StageName: prod
      CacheClusterEnabled: true
      MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }]
`;
  test('null and non-mapping parameters are skipped; path-level and operation parameters both select the response', () => {
    const m = modelOf(
      body(`              parameters: [null, "x", { name: 7, in: query }, { name: q, in: query }]
              x-amazon-apigateway-integration: { type: http, httpMethod: GET, uri: "https://example.com" }`),
    );
    expect(m.endpoints.map((e) => e.findingId)).toEqual(['/items/GET']);
    expect(only(ep(m, '/items/GET')).keyMissing).toEqual(['method.request.querystring.page', 'method.request.querystring.q']);
  });
  test('an integration without a type is read (no integration type); no integration at all too', () => {
    const m = modelOf(body(`              x-amazon-apigateway-integration: { httpMethod: GET, uri: "https://example.com" }`));
    expect(only(ep(m, '/items/GET')).cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD'] });
    const none = modelOf(body(`              responses: {}`));
    expect(only(ep(none, '/items/GET')).cachedMethods).toEqual({ known: true, value: ['GET', 'HEAD'] });
  });
});

describe('what cachelint cannot expand is said, not skipped', () => {
  test('a method whose verb is a parameter, on a stage that caches: unresolved-setting naming the method', () => {
    const text = api(STAR_ON)
      .replace(
        'HttpMethod: POST, AuthorizationType: NONE, Integration: { Type: AWS_PROXY',
        'HttpMethod: !Ref Verb, AuthorizationType: NONE, Integration: { Type: AWS_PROXY',
      )
      .replace('Resources:', 'Parameters:\n  Verb: { Type: String, Default: POST }\nResources:');
    const m = modelOf(text);
    expect(m.endpoints.map((e) => e.findingId)).not.toContain('/orders/POST');
    expect(m.facts).toEqual([
      expect.objectContaining({
        kind: 'unresolved-setting',
        findingId: 'method:OrdersPost',
        at: expect.objectContaining({ line: 25 }),
        blocks: ['CL001', 'CL004', 'CL007'],
      }),
    ]);
    expect(m.facts[0].message).toContain('parameter Verb (default "POST" would give "POST")');
    expect(
      modelOf(api(STAR_ON, { cluster: 'false' }).replace('HttpMethod: POST, AuthorizationType', 'HttpMethod: !Ref AWS::Region, AuthorizationType')).facts,
    ).toEqual([]);
  });
  test('Fn::ForEach (AWS::LanguageExtensions) generating API Gateway resources: a fact, the rest still judged', () => {
    const m = modelOf(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Stages:
    - Name
    - [a, b]
    - Stage\${Name}:
        Type: AWS::ApiGateway::Stage
        Properties: { RestApiId: x, DeploymentId: y, StageName: !Ref Name }
  Fn::ForEach::Buckets:
    - Name
    - [c]
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad }
`);
    expect(m.facts.map((f) => `${f.kind} ${f.findingId} ${f.at.line}`)).toEqual(['unresolved-setting Fn::ForEach::Stages 3']);
    expect(m.facts[0]).toMatchObject({
      resource: 'Fn::ForEach::Stages',
      route: 'Fn::ForEach::Stages',
      message:
        'Fn::ForEach::Stages generates AWS::ApiGateway::Stage resources at deploy time (AWS::LanguageExtensions); cachelint does not expand Fn::ForEach, so their cache settings are not judged.',
      blocks: ['CL001', 'CL002', 'CL007'],
      platform: 'apigateway',
    });
    expect(m.endpoints.map((e) => e.findingId)).toEqual(['default']);
  });
  test('a loop generating several judged types names each once; a CloudFront one is a CloudFront fact', () => {
    const m = modelOf(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Sites:
    - Name
    - [a, b]
    - Cdn\${Name}:
        Type: AWS::CloudFront::Distribution
        Properties: { DistributionConfig: { Enabled: true } }
      Method\${Name}:
        Type: AWS::ApiGateway::Method
        Properties: { RestApiId: x, ResourceId: y, HttpMethod: GET }
      Other\${Name}:
        Type: AWS::CloudFront::Distribution
`);
    expect(m.facts).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Fn::ForEach::Sites generates AWS::CloudFront::Distribution, AWS::ApiGateway::Method resources at deploy time/),
        platform: 'cloudfront',
      }),
    ]);
  });
});

test('RestApiId written as !GetAtt Api.RestApiId or !Sub ${Api} is the same API', () => {
  for (const ref of ['!GetAtt Api.RestApiId', '!Sub "${Api}"']) {
    const text = api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true }`).replace(
      '      RestApiId: !Ref Api\n      DeploymentId: !Ref Deployment',
      `      RestApiId: ${ref}\n      DeploymentId: !Ref Deployment`,
    );
    expect(only(ep(modelOf(text), '/orders/POST', 'Stage'))).toMatchObject({ scope: 'method', key: { known: true, value: [] } });
  }
});

// The resource tree: PathPart chains up to the API's RootResourceId. Anything else is a path cachelint cannot know,
// and a method on it is a located fact on the caching stage (never a guessed path).
test('resources whose Condition is false are not deployed: not read; an unresolvable Condition is read', () => {
  const text = (condition: string) =>
    api(`        - { ResourcePath: "/~1orders", HttpMethod: POST, CachingEnabled: true }`)
      .replace('  OrdersPost:\n    Type: AWS::ApiGateway::Method\n', `  OrdersPost:\n    Type: AWS::ApiGateway::Method\n    Condition: ${condition}\n`)
      .replace('Resources:', 'Parameters:\n  Env: { Type: String }\nConditions:\n  Never: !Equals [a, b]\n  Maybe: !Equals [!Ref Env, prod]\nResources:');
  expect(modelOf(text('Never')).endpoints.map((e) => e.findingId)).not.toContain('/orders/POST');
  expect(only(ep(modelOf(text('Maybe')), '/orders/POST')).cachedMethods).toEqual({ known: true, value: ['POST'] });
});

describe('resource paths', () => {
  const withOrdersParent = (parent: string) =>
    api(STAR_ON).replace(
      'Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }',
      `Properties: { RestApiId: !Ref Api, ${parent}PathPart: orders }`,
    );
  const pathFacts = (text: string) =>
    modelOf(text)
      .facts.filter((f) => f.kind === 'unresolved-setting')
      .map((f) => f.findingId)
      .sort();
  test.each([
    ['Fn::GetAtt in its long string form', 'ParentId: { "Fn::GetAtt": Api.RootResourceId }, '],
    ['Fn::Sub of the root resource id', 'ParentId: !Sub "${Api.RootResourceId}", '],
  ])('%s is the root: /orders', (_what, parent) => {
    const m = modelOf(withOrdersParent(parent));
    expect(m.endpoints.map((e) => e.findingId)).toEqual(expect.arrayContaining(['/orders/GET', '/orders/POST']));
    expect(m.facts).toEqual([]);
  });
  test.each([
    ['a parent from Fn::ImportValue', 'ParentId: !ImportValue parent-id, '],
    ['no ParentId', ''],
    ['another attribute of the API', 'ParentId: !GetAtt Api.RestApiId, '],
    ['a GetAtt with one part', 'ParentId: { "Fn::GetAtt": Api }, '],
    ['a parent that is not a resource of the template', 'ParentId: !Ref Gone, '],
    ['a literal id', 'ParentId: abc123, '],
  ])('%s: the methods on /orders are facts, not endpoints', (_what, parent) => {
    const m = modelOf(withOrdersParent(parent));
    expect(m.endpoints.map((e) => e.findingId).filter((id) => id.startsWith('/orders'))).toEqual([]);
    expect(pathFacts(withOrdersParent(parent))).toEqual(['method:OrdersGet', 'method:OrdersPost']);
    expect(m.facts[0].message).toMatch(/^Stage prod caches, and the resource path of Orders(Get|Post) cannot be resolved/);
  });
  test('a resource without Properties has no path; its child neither', () => {
    const text = api(STAR_ON).replace(
      '  Orders:\n    Type: AWS::ApiGateway::Resource\n    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }',
      '  Bare:\n    Type: AWS::ApiGateway::Resource\n  Orders:\n    Type: AWS::ApiGateway::Resource\n    Properties: { RestApiId: !Ref Api, ParentId: !Ref Bare, PathPart: orders }',
    );
    expect(pathFacts(text)).toEqual(['method:OrdersGet', 'method:OrdersPost']);
  });
  test('a resource whose PathPart a deploy decides has no path, though its parent is known', () => {
    const text = api(STAR_ON).replace('PathPart: orders }', 'PathPart: !ImportValue part }');
    expect(pathFacts(text)).toEqual(['method:OrdersGet', 'method:OrdersPost']);
  });
  test('a parent cycle ends (no path), it does not loop', () => {
    const text = api(STAR_ON).replace(
      'Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }',
      'Properties: { RestApiId: !Ref Api, ParentId: !Ref Loop, PathPart: orders }\n  Loop:\n    Type: AWS::ApiGateway::Resource\n    Properties: { RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: loop }',
    );
    expect(pathFacts(text)).toEqual(['method:OrdersGet', 'method:OrdersPost']);
  });
});
