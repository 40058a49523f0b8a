// CloudFront model values the rules read (docs/platforms/cloudfront.md): one endpoint per behaviour, the cache layer (managed policy,
// template policy, legacy ForwardedValues), no-store from a response headers policy, static S3 origins, and the
// CloudFront layer prepended to the API Gateway endpoints it fronts.
import type { Model } from '../../../lib/model';
import { ep, modelOf, only } from './helpers';

const API_ORIGIN = `{ Id: api, DomainName: api.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }`;

/** A distribution whose default behaviour is `behaviour` (YAML flow mapping body) on an API-like origin. */
function dist(behaviour: string, extraResources = '', origins = API_ORIGIN): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - ${origins}
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: redirect-to-https
${behaviour}
${extraResources}`;
}
const ALL = '          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n';

describe('cache layers', () => {
  test('managed CachingOptimized (MinTTL 1): no-store ignored; methods compared as sets; route names the behaviour', () => {
    const e = ep(
      modelOf(dist(`          AllowedMethods: [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]\n          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`)),
      'default',
    );
    expect(e).toMatchObject({
      platform: 'cloudfront',
      resource: 'Cdn',
      route: 'DefaultCacheBehavior',
      methods: { known: true, value: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] },
      paths: ['/*'],
      noStore: { known: true, value: undefined },
      at: expect.objectContaining({ line: 10, logicalId: 'Cdn' }),
    });
    expect(e.staticOrigin).toBeUndefined();
    expect(only(e)).toMatchObject({
      kind: 'cloudfront-cache-policy',
      name: 'Managed-CachingOptimized',
      scope: 'behavior',
      cachedMethods: { known: true, value: ['GET', 'HEAD'] },
      ttl: { known: true, value: { min: 1, default: 86400, max: 31536000 } },
      honorsOriginNoStore: { known: true, value: false },
      at: expect.objectContaining({ line: 14 }),
    });
  });
  test('managed CachingDisabled caches nothing and honours no-store', () => {
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad`)), 'default'));
    expect(layer).toMatchObject({
      name: 'Managed-CachingDisabled',
      cachedMethods: { known: true, value: [] },
      honorsOriginNoStore: { known: true, value: true },
    });
  });
  test('UseOriginCacheControlHeaders carries its UNCONFIRMED TTL caveat', () => {
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: 83da9c7e-98b4-4e11-a168-04f0df8e2c65`)), 'default'));
    expect(layer.caveats).toEqual([expect.stringContaining('UNCONFIRMED')]);
  });
  test('a template CachePolicy (by !GetAtt .Id): its TTLs and key; CachedMethods with OPTIONS', () => {
    const policy = `  Policy:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api
        MinTTL: 0
        DefaultTTL: 3600
        MaxTTL: 7200
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: false
          HeadersConfig: { HeaderBehavior: whitelist, Headers: [Authorization] }
          CookiesConfig: { CookieBehavior: none }
          QueryStringsConfig: { QueryStringBehavior: all }`;
    const layer = only(ep(modelOf(dist(`${ALL}          CachedMethods: [GET, HEAD, OPTIONS]\n          CachePolicyId: !GetAtt Policy.Id`, policy)), 'default'));
    expect(layer).toMatchObject({
      kind: 'cloudfront-cache-policy',
      name: 'CachePolicy Policy',
      cachedMethods: { known: true, value: ['GET', 'HEAD', 'OPTIONS'] },
      ttl: { known: true, value: { min: 0, default: 3600, max: 7200 } },
      honorsOriginNoStore: { known: true, value: true },
      key: { known: true, value: ['header:authorization', 'querystring:*'] },
    });
  });
  test.each([
    [
      'whitelists: one entry per name',
      '{ QueryStringBehavior: whitelist, QueryStrings: [page, sort] }',
      '{ CookieBehavior: whitelist, Cookies: [session] }',
      ['querystring:page', 'querystring:sort', 'cookie:session'],
    ],
    [
      'allExcept: everything but the names',
      '{ QueryStringBehavior: allExcept, QueryStrings: [utm] }',
      '{ CookieBehavior: allExcept, Cookies: [a, b] }',
      ['querystring:* except utm', 'cookie:* except a, b'],
    ],
    ['all and none', '{ QueryStringBehavior: none }', '{ CookieBehavior: all }', ['cookie:*']],
  ])('template CachePolicy query strings and cookies, %s', (_what, qs, cookies, key) => {
    const policy = `  Policy:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api
        MinTTL: 0
        DefaultTTL: 60
        MaxTTL: 60
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: false
          HeadersConfig: { HeaderBehavior: none }
          CookiesConfig: ${cookies}
          QueryStringsConfig: ${qs}`;
    expect(only(ep(modelOf(dist(`${ALL}          CachePolicyId: !Ref Policy`, policy)), 'default')).key).toEqual({ known: true, value: key });
  });
  test.each([
    [
      'QueryStringCacheKeys and whitelisted cookies name the key',
      '{ QueryString: true, QueryStringCacheKeys: [page], Cookies: { Forward: whitelist, WhitelistedNames: [session, theme] } }',
      ['querystring:page', 'cookie:session', 'cookie:theme'],
    ],
    [
      'QueryString false ignores QueryStringCacheKeys; all cookies',
      '{ QueryString: false, QueryStringCacheKeys: [page], Cookies: { Forward: all } }',
      ['cookie:*'],
    ],
    ['no cookies forwarded', '{ QueryString: true, Cookies: { Forward: none } }', ['querystring:*']],
  ])('legacy ForwardedValues: %s', (_what, fv, key) => {
    expect(only(ep(modelOf(dist(`${ALL}          ForwardedValues: ${fv}`)), 'default')).key).toEqual({ known: true, value: key });
  });
  test('a cache policy id from a parameter is unknown, naming the parameter and its default', () => {
    const text = dist(`${ALL}          CachePolicyId: !Ref PolicyId`).replace(
      'Resources:',
      'Parameters:\n  PolicyId: { Type: String, Default: 658327ea-f89d-4fab-a63d-7e88639e58f6 }\nResources:',
    );
    const layer = only(ep(modelOf(text), 'default'));
    expect(layer.ttl).toMatchObject({ known: false, why: expect.stringContaining('parameter PolicyId (default "658327ea-f89d-4fab-a63d-7e88639e58f6"') });
  });
  test('legacy ForwardedValues: TTL defaults 0 / 86400 / 31536000 with the MinTTL caveat; Headers * disables caching', () => {
    const legacy = only(ep(modelOf(dist(`${ALL}          ForwardedValues: { QueryString: true }`)), 'default'));
    expect(legacy).toMatchObject({
      kind: 'cloudfront-forwarded-values',
      ttl: { known: true, value: { min: 0, default: 86400, max: 31536000 } },
      honorsOriginNoStore: { known: true, value: true },
      key: { known: true, value: ['querystring:*'] },
      cachedMethods: { known: true, value: ['GET', 'HEAD'] },
    });
    expect(legacy.caveats).toEqual([expect.stringContaining('MinTTL default is UNCONFIRMED')]);
    const star = only(ep(modelOf(dist(`${ALL}          ForwardedValues: { QueryString: true, Headers: ["*"] }`)), 'default'));
    expect(star).toMatchObject({ cachedMethods: { known: true, value: [] }, ttl: { known: true, value: { min: 0, default: 0, max: 0 } } });
    const min = only(ep(modelOf(dist(`${ALL}          MinTTL: "60"\n          ForwardedValues: { QueryString: false }`)), 'default'));
    expect(min).toMatchObject({ ttl: { known: true, value: { min: 60, default: 86400 } }, honorsOriginNoStore: { known: true, value: false } });
  });
});

describe('behaviours, origins and no-store', () => {
  const rhp = (override: string) => `  Headers:
    Type: AWS::CloudFront::ResponseHeadersPolicy
    Properties:
      ResponseHeadersPolicyConfig:
        Name: no-store
        CustomHeadersConfig:
          Items:
            - { Header: cache-control, Value: "no-store, private", Override: ${override} }`;
  test('a ResponseHeadersPolicy with Cache-Control no-store and Override true is the no-store policy; Override false is partial', () => {
    const e = ep(
      modelOf(dist(`${ALL}          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          ResponseHeadersPolicyId: !Ref Headers`, rhp('true'))),
      'default',
    );
    expect(e.noStore).toEqual({ known: true, value: expect.objectContaining({ cacheControl: 'no-store, private', source: 'ResponseHeadersPolicy Headers' }) });
    expect(e.noStore.known && e.noStore.value?.partial).toBeUndefined();
    const off = ep(
      modelOf(dist(`${ALL}          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          ResponseHeadersPolicyId: !Ref Headers`, rhp('false'))),
      'default',
    );
    // Located at the Override to change (the item's line: a flow mapping).
    expect(off.noStore).toEqual({
      known: true,
      value: expect.objectContaining({
        cacheControl: 'no-store, private',
        at: expect.objectContaining({ line: 23 }),
        partial: expect.objectContaining({
          kind: 'override-false',
          setting: 'ResponseHeadersPolicy Headers',
          missing: 'Override: true',
          leaves: expect.stringMatching(/^responses whose origin sends a Cache-Control keep the origin's value/),
        }),
      }),
    });
  });
  test('Override false on another header, or on a Cache-Control without no-store: nothing sets no-store', () => {
    for (const item of [
      '{ Header: X-Cache-Control, Value: no-store, Override: false }',
      '{ Header: Cache-Control, Value: "public, max-age=60", Override: false }',
    ]) {
      const policy = rhp('false').replace(/- \{ Header: cache-control.*$/m, `- ${item}`);
      const e = ep(
        modelOf(dist(`${ALL}          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          ResponseHeadersPolicyId: !Ref Headers`, policy)),
        'default',
      );
      expect(e.noStore).toEqual({ known: true, value: undefined });
    }
  });
  test('managed response headers policies set no Cache-Control', () => {
    const e = ep(
      modelOf(
        dist(`${ALL}          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03`),
      ),
      'default',
    );
    expect(e.noStore).toEqual({ known: true, value: undefined });
  });
  test('CacheBehaviors: route names the behaviour by its PathPattern as written, findingId from it', () => {
    const text = dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        CacheBehaviors:
          - { PathPattern: "api/*", TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad, AllowedMethods: [GET, HEAD, OPTIONS] }`);
    const m = modelOf(text);
    expect(m.endpoints.map((e) => `${e.findingId} | ${e.route} | ${e.paths[0]}`)).toEqual([
      'api/* | CacheBehaviors api/* | /api/*',
      'default | DefaultCacheBehavior | /*',
    ]);
    // Methods are data, no longer part of the route's name: unset AllowedMethods is GET, HEAD.
    expect(m.endpoints.map((e) => e.methods)).toEqual([
      { known: true, value: ['GET', 'HEAD', 'OPTIONS'] },
      { known: true, value: ['GET', 'HEAD'] },
    ]);
  });
  test('a behaviour inside Fn::If on an unresolvable condition is judged as a behaviour some deploy gets', () => {
    const text = dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        CacheBehaviors:
          - !If
            - WithApi
            - { PathPattern: "/api/*", TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6, AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE] }
            - !Ref AWS::NoValue`).replace(
      'Resources:',
      'Parameters:\n  Api: { Type: String, Default: "no" }\nConditions:\n  WithApi: !Equals [!Ref Api, "yes"]\nResources:',
    );
    const e = ep(modelOf(text), '/api/*');
    expect(e.details).toMatchObject({ condition: 'WithApi=true' });
    expect(only(e).honorsOriginNoStore).toEqual({ known: true, value: false });
  });
  test.each([
    ['S3OriginConfig', '{ Id: api, DomainName: !GetAtt Bucket.RegionalDomainName, S3OriginConfig: { OriginAccessIdentity: "" } }'],
    [
      'an S3 origin access control',
      '{ Id: api, DomainName: bucket.example.com, OriginAccessControlId: !GetAtt Oac.Id, CustomOriginConfig: { OriginProtocolPolicy: https-only } }',
    ],
    ['an s3-website domain', '{ Id: api, DomainName: site.s3-website-eu-west-1.amazonaws.com, CustomOriginConfig: { OriginProtocolPolicy: http-only } }'],
  ])('static origin: %s', (_what, origin) => {
    const e = ep(
      modelOf(dist(`${ALL}          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`, `  Bucket:\n    Type: AWS::S3::Bucket\n${oac('s3')}`, origin)),
      'default',
    );
    expect(e.staticOrigin).toBe(true);
  });
  test('an origin access control for a Lambda function URL is not static', () => {
    const origin =
      '{ Id: api, DomainName: fn.lambda-url.eu-west-1.on.aws, OriginAccessControlId: !GetAtt Oac.Id, CustomOriginConfig: { OriginProtocolPolicy: https-only } }';
    const e = ep(modelOf(dist(`${ALL}          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`, oac('lambda'), origin)), 'default');
    expect(e.staticOrigin).toBeUndefined();
  });
});

function oac(type: string): string {
  return `  Oac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig: { Name: oac, OriginAccessControlOriginType: ${type}, SigningBehavior: always, SigningProtocol: sigv4 }`;
}

describe('CloudFront in front of an API Gateway REST API of the same template', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: shop }
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  OrdersPost:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: POST, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Health:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: health }
  HealthGet:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Health, HttpMethod: GET, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [OrdersPost, HealthGet]
    Properties: { RestApiId: !Ref Api }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod, CacheClusterEnabled: true, MethodSettings: [{ ResourcePath: "/~1health", HttpMethod: GET, CachingEnabled: true }] }
  Bucket:
    Type: AWS::S3::Bucket
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: !GetAtt Bucket.RegionalDomainName
            S3OriginConfig: { OriginAccessIdentity: "" }
          - Id: api
            DomainName: !Sub "\${Api}.execute-api.\${AWS::Region}.amazonaws.com"
            OriginPath: /prod
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
        DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }
        CacheBehaviors:
          - PathPattern: /orders*
            TargetOriginId: api
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`;
  const m = modelOf(text);
  /** The cache layers in front of one API Gateway endpoint of the stage, client side first. */
  const stageLayers = (model: Model, findingId: string) => ep(model, findingId, 'Stage').caches.map((c) => c.kind);
  test('the behaviour that serves an API path puts its layer first (client side first)', () => {
    const post = ep(m, '/orders/POST', 'Stage');
    expect(post.caches.map((c) => c.kind)).toEqual(['cloudfront-cache-policy']);
    expect(post.caches[0]).toMatchObject({
      name: 'Managed-CachingOptimized',
      details: { via: 'cloudfront' },
      at: expect.objectContaining({ logicalId: 'Cdn' }),
    });
  });
  test('an API path that only the S3 default behaviour matches is not linked; its own stage cache stays', () => {
    expect(stageLayers(m, '/health/GET')).toEqual(['apigateway-stage-cache']);
  });
  test("an API authorizer's header that the origin request policy forwards but the cache key leaves out is caller identity on that layer", () => {
    const withAuthorizer = text.replace(
      '  Health:\n',
      `  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: GET, AuthorizationType: CUSTOM, AuthorizerId: !Ref Attest, Integration: { Type: MOCK } }
  Attest:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Name: attest, Type: REQUEST, IdentitySource: "method.request.header.X-Device-Attestation" }
  Health:
`,
    );
    const orp = (id: string) =>
      withAuthorizer.replace(
        '            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n',
        `            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n            OriginRequestPolicyId: ${id}\n`,
      );
    const get = ep(modelOf(orp('b689b0a8-53d0-40ab-baf2-68738e2966ac')), '/orders/GET', 'Stage');
    expect(get.authorizer).toEqual({ type: 'CUSTOM', identitySources: ['method.request.header.X-Device-Attestation'] });
    expect(get.caches[0]).toMatchObject({ identityNotKeyed: ['header:X-Device-Attestation'], keyIncludesIdentity: { known: true, value: false } });
    // The behaviour's own endpoint does not know the API's authorizer: only what the policy forwards.
    expect(ep(modelOf(orp('b689b0a8-53d0-40ab-baf2-68738e2966ac')), '/orders*', 'Cdn').caches[0].identityNotKeyed).toBeUndefined();
    // A policy that does not forward the header (HostHeaderOnly): the API never sees it through CloudFront.
    expect(ep(modelOf(orp('bf0718e1-ba1e-49d1-88b1-f726733018ae')), '/orders/GET', 'Stage').caches[0].identityNotKeyed).toBeUndefined();
    expect(ep(modelOf(withAuthorizer), '/orders/GET', 'Stage').caches[0].identityNotKeyed).toBeUndefined();
  });
  test('the S3 default behaviour is static; the API behaviour is not', () => {
    expect(ep(m, 'default', 'Cdn').staticOrigin).toBe(true);
    expect(ep(m, '/orders*', 'Cdn').staticOrigin).toBeUndefined();
  });
  test('without OriginPath the stage is in the viewer path (/prod/orders)', () => {
    const m2 = modelOf(text.replace('            OriginPath: /prod\n', '').replace('PathPattern: /orders*', 'PathPattern: /prod/*'));
    expect(stageLayers(m2, '/orders/POST')).toEqual(['cloudfront-cache-policy']);
    expect(stageLayers(m2, '/health/GET')).toEqual(['cloudfront-cache-policy', 'apigateway-stage-cache']);
  });
  test('a path parameter matches a one-character pattern position (the viewer path is sampled with x for {param})', () => {
    const m2 = modelOf(
      text
        .replace(
          'PathPart: orders }',
          'PathPart: orders }\n  Order:\n    Type: AWS::ApiGateway::Resource\n    Properties: { RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{orderId}" }\n  OrderPut:\n    Type: AWS::ApiGateway::Method\n    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Order, HttpMethod: PUT, AuthorizationType: NONE, Integration: { Type: MOCK } }',
        )
        .replace('PathPattern: /orders*', 'PathPattern: /orders/?'),
    );
    expect(stageLayers(m2, '/orders/{orderId}/PUT')).toEqual(['cloudfront-cache-policy']);
    expect(ep(m2, '/orders/POST', 'Stage').caches).toEqual([]); // /orders is not /orders/?: the S3 default serves it
  });
  test("an OriginPath below the stage (/prod/orders) serves only the API paths under it; another stage's path serves none", () => {
    const deeper = modelOf(text.replace('OriginPath: /prod', 'OriginPath: /prod/orders/').replace('PathPattern: /orders*', 'PathPattern: /*'));
    expect(stageLayers(deeper, '/orders/POST')).toEqual(['cloudfront-cache-policy']);
    expect(stageLayers(deeper, '/health/GET')).toEqual(['apigateway-stage-cache']);
    const other = modelOf(text.replace('OriginPath: /prod', 'OriginPath: /dev').replace('PathPattern: /orders*', 'PathPattern: /*'));
    expect(ep(other, '/orders/POST', 'Stage').caches).toEqual([]);
  });
  test('a stage whose name a deploy decides is not linked (its viewer path is unknown)', () => {
    const m2 = modelOf(
      text
        .replace('StageName: prod', 'StageName: !ImportValue stage-name')
        .replace('            OriginPath: /prod\n', '')
        .replace('DefaultCacheBehavior: { TargetOriginId: site', 'DefaultCacheBehavior: { TargetOriginId: api'),
    );
    const post = m2.endpoints.find((e) => e.resource === 'Stage' && e.findingId === '/orders/POST');
    expect(post?.caches).toEqual([]);
    expect(ep(m2, 'default', 'Cdn').caches[0].kind).toBe('cloudfront-cache-policy');
  });
  test('an origin group with the API as its first member fronts the API through the API origin path', () => {
    const m2 = modelOf(
      text
        .replace(
          '        CacheBehaviors:',
          '        OriginGroups:\n          Quantity: 1\n          Items:\n            - Id: failover\n              FailoverCriteria: { StatusCodes: { Quantity: 1, Items: [503] } }\n              Members: { Quantity: 2, Items: [{ OriginId: api }, { OriginId: site }] }\n        CacheBehaviors:',
        )
        .replace('TargetOriginId: api', 'TargetOriginId: failover'),
    );
    expect(stageLayers(m2, '/orders/POST')).toEqual(['cloudfront-cache-policy']);
    expect(ep(m2, '/orders*', 'Cdn').staticOrigin).toBeUndefined();
  });
});

// Behaviour items that cannot be read at all: each is a located, blocking fact (never a silent pass), the others are
// still read. Inline templates: cfn-lint rejects these shapes, but a template in review can hold them.
describe('cache behaviours that cannot be resolved', () => {
  const facts = (text: string) => modelOf(text).facts.filter((f) => f.kind === 'unresolved-setting');
  test('a CacheBehaviors item from Fn::ImportValue: a fact naming the item and why; the default behaviour is still read', () => {
    const m = modelOf(
      dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        CacheBehaviors:
          - { PathPattern: "/a/*", TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad }
          - !ImportValue shared-behaviour`),
    );
    expect(m.facts).toEqual([
      {
        kind: 'unresolved-setting',
        resource: 'Cdn',
        route: 'CacheBehavior',
        findingId: 'CacheBehaviors[1]',
        at: expect.objectContaining({ line: 16, column: 13, logicalId: 'Cdn' }),
        message: expect.stringMatching(/^A cache behaviour of Cdn cannot be resolved: .*ImportValue.*; its methods and cache are unknown\.$/),
        blocks: ['CL002', 'CL003', 'CL005'],
        flavor: 'cloudformation',
        platform: 'cloudfront',
      },
    ]);
    expect(m.endpoints.map((e) => e.findingId)).toEqual(['/a/*', 'default']);
  });
  test('a CacheBehaviors item that is not a mapping: a fact without a reason clause', () => {
    const [fact] = facts(dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n        CacheBehaviors:\n          - just-a-string`));
    expect(fact).toMatchObject({
      findingId: 'CacheBehaviors[0]',
      route: 'CacheBehavior',
      message: 'A cache behaviour of Cdn cannot be resolved; its methods and cache are unknown.',
    });
  });
  test('a DefaultCacheBehavior from Fn::ImportValue: the default route, findingId default', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [${API_ORIGIN}]
        DefaultCacheBehavior: !ImportValue shared-default
`;
    const m = modelOf(text);
    expect(m.endpoints).toEqual([]);
    expect(m.facts).toEqual([expect.objectContaining({ route: 'DefaultCacheBehavior', findingId: 'default', at: expect.objectContaining({ line: 9 }) })]);
  });
  test('a whole DistributionConfig from Fn::ImportValue is one fact on the distribution', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: !ImportValue shared-config
`;
    expect(modelOf(text).facts).toEqual([
      expect.objectContaining({
        route: 'DistributionConfig',
        findingId: 'distribution',
        message: expect.stringMatching(/^The DistributionConfig of Cdn cannot be resolved: /),
        blocks: ['CL002', 'CL003', 'CL005'],
      }),
    ]);
  });
  test('an unresolvable PathPattern labels the behaviour by position', () => {
    const m = modelOf(
      dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        CacheBehaviors:
          - { PathPattern: !ImportValue pattern, TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad }`),
    );
    expect(m.endpoints.map((e) => e.findingId)).toEqual(['(unresolved PathPattern of CacheBehaviors[0])', 'default']);
  });
});

describe('origin groups: static when every member is', () => {
  const group = (members: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - { Id: a, DomainName: a.s3.amazonaws.com, S3OriginConfig: { OriginAccessIdentity: "" } }
          - { Id: b, DomainName: b.s3.amazonaws.com, S3OriginConfig: { OriginAccessIdentity: "" } }
          - ${API_ORIGIN}
        OriginGroups:
          Quantity: 1
          Items:
            - { Id: g, FailoverCriteria: { StatusCodes: { Quantity: 1, Items: [503] } }, Members: { Quantity: 2, Items: [${members}] } }
        DefaultCacheBehavior: { TargetOriginId: g, ViewerProtocolPolicy: https-only, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }
`;
  test.each([
    ['two S3 members', '{ OriginId: a }, { OriginId: b }', true],
    ['an S3 and an API member', '{ OriginId: a }, { OriginId: api }', undefined],
    ['a member that is not an origin of the distribution', '{ OriginId: a }, { OriginId: gone }', undefined],
    ['a member id a deploy decides', '{ OriginId: a }, { OriginId: !ImportValue origin }', undefined],
    ['no members', '', undefined],
  ])('%s', (_what, members, expected) => {
    expect(ep(modelOf(group(members)), 'default').staticOrigin).toBe(expected);
  });
});

// An origin request policy can never forward Authorization (AWS rejects one that does, HTTP 400): what it can send the
// origin without keying it is cookies, other headers and query strings. Cookies and identity headers are evidence that
// responses depend on the caller (CL004); every viewer header alone is not.
describe('template origin request policies: what reaches the origin that the key leaves out', () => {
  const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
  const orp = (headers: string, cookies = '{ CookieBehavior: none }', qs = '{ QueryStringBehavior: none }') => `  Orp:
    Type: AWS::CloudFront::OriginRequestPolicy
    Properties:
      OriginRequestPolicyConfig:
        Name: orp
        CookiesConfig: ${cookies}
        QueryStringsConfig: ${qs}
        HeadersConfig: ${headers}`;
  test.each<[string, string, string | undefined, string | undefined, string[] | undefined, boolean]>([
    ['allViewer headers', '{ HeaderBehavior: allViewer }', undefined, undefined, ['header:*'], true],
    [
      'allViewerAndWhitelistCloudFront',
      '{ HeaderBehavior: allViewerAndWhitelistCloudFront, Headers: [CloudFront-Viewer-Country] }',
      undefined,
      undefined,
      ['header:*'],
      true,
    ],
    [
      'a whitelist with Authorization: never forwarded',
      '{ HeaderBehavior: whitelist, Headers: [X-Request-Id, authorization] }',
      undefined,
      undefined,
      ['header:x-request-id'],
      true,
    ],
    ['an identity header', '{ HeaderBehavior: whitelist, Headers: [X-Tenant-Id] }', undefined, undefined, ['header:x-tenant-id'], false],
    ['a session cookie', '{ HeaderBehavior: none }', '{ CookieBehavior: whitelist, Cookies: [session] }', undefined, ['cookie:session'], false],
    ['every cookie but one', '{ HeaderBehavior: none }', '{ CookieBehavior: allExcept, Cookies: [ga] }', undefined, ['cookie:*'], false],
    ['every query string', '{ HeaderBehavior: none }', undefined, '{ QueryStringBehavior: all }', ['querystring:*'], true],
    ['nothing', '{ HeaderBehavior: none }', undefined, undefined, undefined, true],
  ])('%s', (_what, headers, cookies, qs, forwarded, identity) => {
    const layer = only(
      ep(modelOf(dist(`${ALL}          CachePolicyId: ${CACHING_OPTIMIZED}\n          OriginRequestPolicyId: !Ref Orp`, orp(headers, cookies, qs))), 'default'),
    );
    expect(layer.forwardedNotKeyed).toEqual(forwarded);
    expect(layer.keyIncludesIdentity).toEqual({ known: true, value: identity });
  });
  test('what the cache policy keys is not reported: a session cookie and x-user-id in the key', () => {
    const policy = `  Policy:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: p
        MinTTL: 0
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: true
          HeadersConfig: { HeaderBehavior: whitelist, Headers: [X-User-Id] }
          CookiesConfig: { CookieBehavior: whitelist, Cookies: [session] }
          QueryStringsConfig: { QueryStringBehavior: all }
${orp('{ HeaderBehavior: whitelist, Headers: [x-user-id] }', '{ CookieBehavior: whitelist, Cookies: [session, theme] }', '{ QueryStringBehavior: all }')}`;
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: !Ref Policy\n          OriginRequestPolicyId: !Ref Orp`, policy)), 'default'));
    expect(layer.forwardedNotKeyed).toEqual(['cookie:theme']);
    expect(layer.keyIncludesIdentity).toEqual({ known: true, value: false });
  });
});

describe('following the template: known conditions, AWS::NoValue, bucket origins', () => {
  test('a DefaultCacheBehavior in Fn::If on a condition that resolves is that branch only', () => {
    const text = dist(`          CachePolicyId: !If [Always, 4135ea2d-6df8-44a3-9df3-4b5a84be39ad, 658327ea-f89d-4fab-a63d-7e88639e58f6]`).replace(
      'Resources:',
      'Conditions:\n  Always: !Equals [a, a]\nResources:',
    );
    expect(only(ep(modelOf(text), 'default')).name).toBe('Managed-CachingDisabled');
    const whole = text.replace(
      / {8}DefaultCacheBehavior:[\s\S]*$/,
      `        DefaultCacheBehavior: !If
          - Always
          - { TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad }
          - { TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }
`,
    );
    expect(whole).not.toBe(text);
    const e = ep(modelOf(whole), 'default');
    expect(only(e).name).toBe('Managed-CachingDisabled');
    expect(e.details?.condition).toBeUndefined();
  });
  test('CacheBehaviors: !Ref AWS::NoValue is no behaviours', () => {
    const m = modelOf(dist(`          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n        CacheBehaviors: !Ref AWS::NoValue`));
    expect(m.endpoints.map((e) => e.findingId)).toEqual(['default']);
    expect(m.facts).toEqual([]);
  });
  test('an origin whose domain is a bucket of the template is static even with a custom origin config', () => {
    const origin = '{ Id: api, DomainName: !GetAtt Bucket.RegionalDomainName, CustomOriginConfig: { OriginProtocolPolicy: https-only } }';
    const e = ep(
      modelOf(dist(`${ALL}          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`, '  Bucket:\n    Type: AWS::S3::Bucket', origin)),
      'default',
    );
    expect(e.staticOrigin).toBe(true);
  });
  test('a domain that joins a bucket and a Lambda function URL is not static', () => {
    const origin = '{ Id: api, DomainName: !Join ["", [!Ref Bucket, !GetAtt Fn.Arn]], CustomOriginConfig: { OriginProtocolPolicy: https-only } }';
    const extra =
      '  Bucket:\n    Type: AWS::S3::Bucket\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Role: r, Code: { ZipFile: x }, Runtime: nodejs20.x, Handler: index.handler }';
    expect(ep(modelOf(dist(`${ALL}          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`, extra, origin)), 'default').staticOrigin).toBeUndefined();
  });
});

// Every managed cache policy, as docs/platforms/cloudfront.md#managed-cache-policies lists it: the name in messages, the TTLs (MinTTL > 0 overrides the
// origin's no-store), and what the key holds beyond method + path.
describe('managed cache policies', () => {
  const HOST_ORIGIN_OVERRIDES = [
    'header:host',
    'header:origin',
    'header:x-http-method-override',
    'header:x-http-method',
    'header:x-method-override',
    'cookie:*',
  ];
  test.each<[string, string, [number, number, number], string[], boolean]>([
    ['658327ea-f89d-4fab-a63d-7e88639e58f6', 'Managed-CachingOptimized', [1, 86400, 31536000], [], false],
    ['b2884449-e4de-46a7-ac36-70bc7f1ddd6d', 'Managed-CachingOptimizedForUncompressedObjects', [1, 86400, 31536000], [], false],
    ['4135ea2d-6df8-44a3-9df3-4b5a84be39ad', 'Managed-CachingDisabled', [0, 0, 0], [], false],
    [
      '08627262-05a9-4f76-9ded-b50ca2e3a84f',
      'Managed-Elemental-MediaPackage',
      [0, 86400, 31536000],
      ['querystring:m', 'querystring:start', 'querystring:end', 'querystring:aws.manifestfilter', 'header:origin'],
      false,
    ],
    [
      '2e54312d-136d-493c-8eb9-b001f22f67d2',
      'Managed-Amplify',
      [2, 2, 600],
      ['querystring:*', 'cookie:*', 'header:authorization', 'header:host', 'header:cloudfront-viewer-country'],
      false,
    ],
    ['83DA9C7E-98B4-4E11-A168-04F0DF8E2C65', 'Managed-UseOriginCacheControlHeaders', [0, 0, 31536000], HOST_ORIGIN_OVERRIDES, true],
    [
      '4cc15a8a-d715-48a4-82b8-cc0b614638fe',
      'Managed-UseOriginCacheControlHeaders-QueryStrings',
      [0, 0, 31536000],
      [...HOST_ORIGIN_OVERRIDES, 'querystring:*'],
      true,
    ],
  ])('%s is %s', (id, name, [min, def, max], key, caveat) => {
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: "${id}"`)), 'default'));
    expect(layer).toMatchObject({ name, ttl: { known: true, value: { min, default: def, max } }, key: { known: true, value: key }, details: { policy: name } });
    expect(layer.caveats ?? []).toEqual(caveat ? [expect.stringContaining('TTLs of UseOriginCacheControlHeaders are UNCONFIRMED')] : []);
  });
  test('an id that is not a managed policy nor in the template: TTL and key unknown, naming the id', () => {
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: 00000000-0000-0000-0000-000000000000`)), 'default'));
    expect(layer.ttl).toMatchObject({
      known: false,
      why: 'cache policy 00000000-0000-0000-0000-000000000000 is not an AWS managed policy cachelint knows and not defined in this template',
    });
    expect(layer.key.known).toBe(false);
  });
});

// Every managed policy id cachelint knows, one by one: a table row that goes missing or flips is a wrong finding.
describe('managed origin request and response headers policies', () => {
  const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6'; // its key has no Authorization
  const EVERYTHING = ['header:*', 'cookie:*', 'querystring:*'];
  test.each<[string, string, string[] | undefined, boolean]>([
    ['Managed-UserAgentRefererHeaders', 'acba4595-bd28-49b8-b9fe-13317c0390fa', ['header:user-agent', 'header:referer'], true],
    ['Managed-CORS-CustomOrigin', '59781a5b-3903-41f3-afcb-af62929ccde1', ['header:origin'], true],
    [
      'Managed-CORS-S3Origin',
      '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf',
      ['header:origin', 'header:access-control-request-headers', 'header:access-control-request-method'],
      true,
    ],
    ['Managed-AllViewer', '216adef6-5c7f-47e4-b989-5492eafa07d3', EVERYTHING, false],
    [
      'Managed-Elemental-MediaTailor-PersonalizedManifests',
      '775133bc-15f2-49f9-abea-afb2e0bf67d2',
      [
        'header:origin',
        'header:access-control-request-headers',
        'header:access-control-request-method',
        'header:user-agent',
        'header:x-forwarded-for',
        'querystring:*',
      ],
      true,
    ],
    ['Managed-AllViewerAndCloudFrontHeaders-2022-06', '33f36d7e-f396-46d9-90e0-52428a34d9dc', EVERYTHING, false],
    ['Managed-AllViewerExceptHostHeader', 'B689B0A8-53D0-40AB-BAF2-68738E2966AC', EVERYTHING, false], // ids compare case-insensitively
    ['Managed-HostHeaderOnly', 'bf0718e1-ba1e-49d1-88b1-f726733018ae', ['header:host'], true],
    ['an unknown id', '00000000-0000-0000-0000-000000000000', undefined, true],
  ])('origin request policy %s: sends %j unkeyed; the key still separates callers = %s (never through Authorization)', (_name, id, forwarded, identity) => {
    const layer = only(ep(modelOf(dist(`${ALL}          CachePolicyId: ${CACHING_OPTIMIZED}\n          OriginRequestPolicyId: ${id}`)), 'default'));
    expect(layer.forwardedNotKeyed).toEqual(forwarded);
    expect(layer.keyIncludesIdentity).toEqual({ known: true, value: identity });
  });
  test('AllViewer behind a policy that keys every cookie (UseOriginCacheControlHeaders): only headers and query strings stay unkeyed', () => {
    const layer = only(
      ep(
        modelOf(
          dist(`${ALL}          CachePolicyId: 83da9c7e-98b4-4e11-a168-04f0df8e2c65\n          OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3`),
        ),
        'default',
      ),
    );
    expect(layer.forwardedNotKeyed).toEqual(['header:*', 'querystring:*']);
    expect(layer.keyIncludesIdentity).toEqual({ known: true, value: true });
  });
  test.each([
    ['Managed-SimpleCORS', '60669652-455b-4ae9-85a4-c4c02393f86c'],
    ['Managed-CORS-With-Preflight', '5cc3b908-e619-4b99-88e5-2cf7f45965bd'],
    ['Managed-SecurityHeadersPolicy', '67f7725c-6f97-4210-82d7-5512b31e9d03'],
    ['Managed-CORS-and-SecurityHeadersPolicy', 'e61eb60c-9c35-4d20-a928-2b84e02af89c'],
    ['Managed-CORS-with-preflight-and-SecurityHeadersPolicy', 'EAAB4381-ED33-4A86-88CA-D9558DC6CD63'],
  ])('response headers policy %s sets no Cache-Control (known: no no-store)', (_name, id) => {
    const e = ep(modelOf(dist(`${ALL}          CachePolicyId: ${CACHING_OPTIMIZED}\n          ResponseHeadersPolicyId: ${id}`)), 'default');
    expect(e.noStore).toEqual({ known: true, value: undefined });
  });
  test('a response headers policy id cachelint does not know: no-store is unknown, naming the id', () => {
    const e = ep(
      modelOf(dist(`${ALL}          CachePolicyId: ${CACHING_OPTIMIZED}\n          ResponseHeadersPolicyId: 00000000-0000-0000-0000-000000000000`)),
      'default',
    );
    expect(e.noStore).toMatchObject({
      known: false,
      why: 'response headers policy 00000000-0000-0000-0000-000000000000 is not defined in this template: whether it sets Cache-Control is unknown',
    });
  });
});
