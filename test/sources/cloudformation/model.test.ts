// Model-level tests: intrinsics, MethodSetting keys, CloudFront path patterns, and modelFromTemplate with an in-memory
// template and a construct-path locator (what the CDK integration does).
import { cloudFormationAdapter, isTemplate, modelFromTemplate, type TemplateLocator } from '../../../lib/sources/cloudformation';
import { Resolver, asBoolean, asNumber, referencedIds } from '../../../lib/sources/cloudformation/intrinsics';
import { parseSettingKey } from '../../../lib/sources/cloudformation/apigateway';
import { patternMatches, templatePolicy } from '../../../lib/sources/cloudformation/cloudfront';
import { TemplateReader } from '../../../lib/sources/cloudformation/template';
import { parseYaml } from '../../../lib/parse/yaml';
import { evaluate } from '../../../lib/engine';

const template = {
  Parameters: { Env: { Type: 'String', Default: 'dev' }, Ttl: { Type: 'Number' } },
  Mappings: { Sizes: { dev: { Cache: '0.5' } } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, Always: { 'Fn::Equals': ['a', 'a'] } },
  Resources: { Api: { Type: 'AWS::ApiGateway::RestApi' } },
};

describe('intrinsics', () => {
  const r = new Resolver(template);
  test('Sub, Join, Select, Split, FindInMap resolve statically', () => {
    expect(r.resolve({ 'Fn::Sub': ['${A}-${!Literal}', { A: 'x' }] })).toEqual({ known: true, value: 'x-${Literal}' });
    expect(r.resolve({ 'Fn::Join': ['/', ['a', { 'Fn::Select': [1, { 'Fn::Split': [',', 'p,q'] }] }]] })).toEqual({ known: true, value: 'a/q' });
    expect(r.resolve({ 'Fn::FindInMap': ['Sizes', 'dev', 'Cache'] })).toEqual({ known: true, value: '0.5' });
  });
  test('a parameter is unknown, with what its default would give', () => {
    const v = r.resolve({ 'Fn::Sub': '${Env}-api' });
    expect(v).toMatchObject({ known: false, why: 'parameter Env (default "dev" would give "dev-api")' });
    expect(r.resolve({ Ref: 'Ttl' })).toMatchObject({ known: false, why: 'parameter Ttl (no Default for Ttl)' });
  });
  test('Fn::If: a resolvable condition picks its branch; equal branches are known; else unknown naming the condition', () => {
    expect(r.resolve({ 'Fn::If': ['Always', 1, 2] })).toEqual({ known: true, value: 1 });
    expect(r.resolve({ 'Fn::If': ['IsProd', 'same', 'same'] })).toEqual({ known: true, value: 'same' });
    expect(r.resolve({ 'Fn::If': ['IsProd', true, false] })).toMatchObject({
      known: false,
      why: expect.stringContaining('condition IsProd depends on parameter Env'),
    });
  });
  test('resource attributes, pseudo parameters and CDK tokens are unknown', () => {
    expect(r.resolve({ 'Fn::GetAtt': ['Api', 'RootResourceId'] }).known).toBe(false);
    expect(r.resolve({ Ref: 'AWS::Region' })).toMatchObject({ known: false, why: 'pseudo parameter AWS::Region' });
    expect(r.resolve('${Token[TOKEN.12]}')).toMatchObject({ known: false, why: expect.stringContaining('CDK token') });
  });
  test('string booleans and numbers', () => {
    expect(asBoolean({ known: true, value: 'True' })).toEqual({ known: true, value: true });
    expect(asNumber({ known: true, value: '300' })).toEqual({ known: true, value: 300 });
    expect(asBoolean({ known: true, value: 'yes' }).known).toBe(false);
  });
  test('referencedIds finds Ref, GetAtt and ${X} in Sub', () => {
    expect([...referencedIds({ 'Fn::Sub': '${Api}.execute-api.${AWS::Region}.amazonaws.com' })]).toEqual(['Api', 'AWS::Region']);
    expect([...referencedIds({ 'Fn::Join': ['', [{ Ref: 'B' }, { 'Fn::GetAtt': ['C', 'Arn'] }]] })]).toEqual(['B', 'C']);
  });
});

describe('MethodSetting keys (docs/platforms/api-gateway.md#method-settings)', () => {
  test.each([
    ['/*', '*', { path: '*', method: '*' }],
    ['/~1orders', 'post', { path: '/orders', method: 'POST' }],
    ['/~1orders~1{id}', 'GET', { path: '/orders/{id}', method: 'GET' }],
    ['/', 'GET', { path: '/', method: 'GET' }],
    ['*', 'GET', { method: 'GET' }],
    ['~1orders', 'POST', { method: 'POST' }],
    ['/~1*', 'POST', { method: 'POST' }],
    ['/orders', 'POST', { path: '/orders', method: 'POST', unencoded: true }],
    ['/~1orders', 'FETCH', { path: '/orders', method: undefined }],
  ])('%s + %s', (path, method, expected) => expect(parseSettingKey(path, method)).toEqual(expected));
});

test('CloudFront path patterns: * spans slashes, ? is one character, leading / optional', () => {
  expect(patternMatches('/api/*', '/api/orders/1')).toBe(true);
  expect(patternMatches('api/*', '/api/x')).toBe(true);
  expect(patternMatches('/v?/x', '/v1/x')).toBe(true);
  expect(patternMatches('/api/*', '/apix')).toBe(false);
  expect(patternMatches('/api/*', '/x/api/y')).toBe(false); // anchored at the start
  expect(patternMatches('/a.b', '/aXb')).toBe(false); // regex characters are literal
  expect(patternMatches('/a+(b)', '/a+(b)')).toBe(true);
  expect(patternMatches('/v?/x', '/v12/x')).toBe(false); // ? is one character
  expect(patternMatches('*', '/anything/at/all')).toBe(true);
  expect(patternMatches('/api', '/api/x')).toBe(false); // anchored at the end
  expect(patternMatches('/v?', '/v')).toBe(false); // ? is exactly one character, not zero
});

describe('templatePolicy: which policy resource of the template a behaviour points at', () => {
  const reader = new TemplateReader(
    {
      Parameters: { Id: { Type: 'String' } },
      Resources: {
        Policy: { Type: 'AWS::CloudFront::CachePolicy', Properties: {} },
        Headers: { Type: 'AWS::CloudFront::ResponseHeadersPolicy', Properties: {} },
      },
    },
    { locate: () => ({ file: 't.yaml', line: 1, column: 1 }) },
    't.yaml',
    'cloudformation',
  );
  const CACHE = 'AWS::CloudFront::CachePolicy';
  test.each([
    ['!Ref', { Ref: 'Policy' }],
    ['!GetAtt P.Id', { 'Fn::GetAtt': 'Policy.Id' }],
    ['Fn::GetAtt [P, Id]', { 'Fn::GetAtt': ['Policy', 'Id'] }],
    ['!Sub ${P}', { 'Fn::Sub': '${Policy}' }],
    ['!Sub ${P.Id} with spaces around', { 'Fn::Sub': '  ${Policy.Id} ' }],
  ])('%s names the policy', (_form, raw) => expect(templatePolicy(reader, raw, CACHE)).toBe('Policy'));
  test.each([
    ['a managed policy id', '658327ea-f89d-4fab-a63d-7e88639e58f6'],
    ['a list', [{ Ref: 'Policy' }]],
    ['null', null],
    ['a parameter', { Ref: 'Id' }],
    ['a resource of another type', { Ref: 'Headers' }],
    ['!GetAtt of another attribute', { 'Fn::GetAtt': 'Policy.LastModifiedTime' }],
    ['!GetAtt with three parts', { 'Fn::GetAtt': ['Policy', 'Id', 'x'] }],
    ['!GetAtt of a non-string name', { 'Fn::GetAtt': [{ Ref: 'Policy' }, 'Id'] }],
    ['!Sub with text around', { 'Fn::Sub': 'x-${Policy}' }],
    ['!Sub with text after', { 'Fn::Sub': '${Policy}-x' }],
    ['!Sub of a literal', { 'Fn::Sub': '${!Policy}' }],
    ['!Sub in the list form', { 'Fn::Sub': ['${Policy}', {}] }],
    ['a Ref that is not a string', { Ref: ['Policy'] }],
  ])('%s names none', (_form, raw) => expect(templatePolicy(reader, raw, CACHE)).toBeUndefined());
});

describe('TemplateReader: shapes it reads and shapes it refuses', () => {
  const readerOf = (template: Record<string, unknown>) =>
    new TemplateReader(template, { locate: () => ({ file: 't.yaml', line: 1, column: 1 }) }, 't.yaml', 'cloudformation');
  test.each([
    ['a list', [{ Type: 'AWS::ApiGateway::RestApi' }]],
    ['text', 'AWS::ApiGateway::RestApi'],
    ['null', null],
  ])('Resources that is %s holds no resources', (_what, resources) => {
    const reader = readerOf({ Resources: resources });
    expect(reader.resources).toEqual({});
    expect(reader.ofType('AWS::ApiGateway::RestApi')).toEqual([]);
  });
  const reader = readerOf({ Resources: { A: { Type: 'T', Properties: { Null: null, Text: 'x', List: [1], Map: { k: 1 } } } } });
  const at = (key: string) => ['Resources', 'A', 'Properties', key];
  test('raw: a path through null, text or a missing key is undefined, not an exception', () => {
    expect(reader.raw([...at('Null'), 'k'])).toBeUndefined();
    expect(reader.raw([...at('Text'), 'length'])).toBeUndefined();
    expect(reader.raw([...at('Missing'), 'k'])).toBeUndefined();
    expect(reader.raw([...at('List'), 0])).toBe(1);
  });
  test('obj: only a mapping is an object member', () => {
    expect(reader.obj(at('Map'))).toEqual({ value: { k: 1 }, path: at('Map') });
    expect(reader.obj(at('Text'))).toBeUndefined();
    expect(reader.obj(at('List'))).toBeUndefined();
    expect(reader.obj(at('Null'))).toBeUndefined();
  });
});

describe('modelFromTemplate with an in-memory template (CDK)', () => {
  const stack = {
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
      Hooks: {
        Type: 'AWS::ApiGateway::Resource',
        Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'hooks' },
      },
      HooksPost: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { Ref: 'Hooks' },
          HttpMethod: 'POST',
          AuthorizationType: 'NONE',
          Integration: { Type: 'AWS_PROXY' },
        },
      },
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          RestApiId: { Ref: 'Api' },
          StageName: 'prod',
          CacheClusterEnabled: true,
          MethodSettings: [{ ResourcePath: '/~1hooks', HttpMethod: 'POST', CachingEnabled: true }],
        },
      },
    },
  };
  const paths: Record<string, string> = { Stage: 'App/Stack/Api/DeploymentStage.prod', HooksPost: 'App/Stack/Api/Default/hooks/POST' };
  const locator: TemplateLocator = {
    locate: (path) => ({ file: 'Stack', line: 0, column: 0, logicalId: String(path[1]), constructPath: paths[String(path[1])] }),
  };
  const model = modelFromTemplate(stack, locator, { file: 'Stack', flavor: 'cdk' });
  test('one endpoint per (stage, path, method) with the MethodSetting layer located by construct path', () => {
    expect(model.endpoints).toHaveLength(1);
    const e = model.endpoints[0];
    expect(e).toMatchObject({
      platform: 'apigateway',
      resource: 'Stage',
      route: 'POST /hooks',
      findingId: '/hooks/POST',
      flavor: 'cdk',
      noStoreSettable: false,
    });
    expect(e.details).toEqual({ restApi: 'Api', stage: 'Stage', stageName: 'prod', httpMethod: 'POST', methodLogicalId: 'HooksPost' });
    expect(e.at.constructPath).toBe('App/Stack/Api/Default/hooks/POST');
    expect(e.caches[0]).toMatchObject({ kind: 'apigateway-stage-cache', scope: 'method', cachedMethods: { known: true, value: ['POST'] } });
    expect(e.caches[0].at).toMatchObject({ logicalId: 'Stage', constructPath: 'App/Stack/Api/DeploymentStage.prod' });
  });
  test('a resource tree written with !Sub ${Api.RootResourceId} / ${Parent}', () => {
    const t = {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi' },
        A: { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::Sub': '${Api.RootResourceId}' }, PathPart: 'a' } },
        B: { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::Sub': '${A}' }, PathPart: 'b' } },
        M: { Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: { Ref: 'Api' }, ResourceId: { Ref: 'B' }, HttpMethod: 'get' } },
      },
    };
    expect(modelFromTemplate(t, locator, { file: 'S', flavor: 'cdk' }).endpoints.map((e) => e.findingId)).toEqual(['/a/b/GET']);
  });
  test('rules read it as CL001 with the CDK fix', () => {
    const [f] = evaluate([model]);
    expect(f).toMatchObject({ ruleId: 'CL001', findingId: '/hooks/POST', constructPath: 'App/Stack/Api/DeploymentStage.prod' });
    expect(f.remediation.summary).toContain("deployOptions.methodOptions['/hooks/POST']");
  });
});

describe('detection and input problems', () => {
  const doc = (text: string) => parseYaml(text, { tags: 'cloudformation' }).documents[0];
  test('templates by content; cdk.out stacks by name; Kong files are not ours', () => {
    expect(cloudFormationAdapter.detect(doc('Resources:\n  A:\n    Type: AWS::S3::Bucket\n'), 'x.yaml')).toBe(true);
    expect(cloudFormationAdapter.detect(doc('{"Resources": {"CDKMetadata": {"Type": "Other::Thing"}}}'), 'cdk.out/S.template.json')).toBe(true);
    expect(cloudFormationAdapter.detect(doc('_format_version: "3.0"\nservices: []\n'), 'kong.yaml')).toBe(false);
    expect(isTemplate({ Resources: { A: { Type: 'Custom::X' } } })).toBe(true);
  });
  test('a resource without Type is an input error with its line', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Broken:\n    Properties: {}\n';
    const out = cloudFormationAdapter.toModels({ file: 't.yaml', parsed: parseYaml(text, { tags: 'cloudformation' }) });
    expect(out.errors).toEqual([expect.objectContaining({ file: 't.yaml', line: 3, code: 'template', message: 'resource Broken: has no Type' })]);
  });

  test('a resource that is not a mapping is a located template error too (null, a list, text)', () => {
    for (const bad of ['null', '[1]', 'text']) {
      const out = cloudFormationAdapter.toModels({
        file: 't.yaml',
        parsed: parseYaml(`Resources:\n  Ok: { Type: AWS::SNS::Topic }\n  Broken: ${bad}\n`, { tags: 'cloudformation' }),
      });
      expect(out).toEqual({ models: [], errors: [{ file: 't.yaml', line: 3, column: 3, code: 'template', message: 'resource Broken: is not a mapping' }] });
    }
  });
  const models = (text: string, file = 't.yaml') => cloudFormationAdapter.toModels({ file, parsed: parseYaml(text, { tags: 'cloudformation' }) });
  test('Metadata ignore entries: a rule id as text or { id, reason }, trimmed and upper-cased; entries without an id are kept with id "" (the engine reports them); non-lists are no suppression', () => {
    const text = [
      'Resources:',
      '  S:',
      '    Type: AWS::S3::Bucket',
      '    Metadata:',
      '      cachelint:',
      '        ignore:',
      '          - " cl001 "',
      '          - { id: CL002, reason: "  static site  " }',
      '          - { id: CL003, reason: "   " }',
      '          - { reason: no id }',
      '          - 7',
      '          - null',
      '  T:',
      '    Type: AWS::S3::Bucket',
      '    Metadata: { cachelint: { ignore: CL001 } }',
      '',
    ].join('\n');
    expect(models(text).models[0].resourceSuppressions).toEqual([
      { resource: 'S', ruleId: 'CL001', reason: undefined, at: expect.objectContaining({ line: 7 }) },
      { resource: 'S', ruleId: 'CL002', reason: 'static site', at: expect.objectContaining({ line: 8 }) },
      { resource: 'S', ruleId: 'CL003', reason: undefined, at: expect.objectContaining({ line: 9 }) },
      { resource: 'S', ruleId: '', reason: 'no id', at: expect.objectContaining({ line: 10 }) },
      { resource: 'S', ruleId: '', reason: undefined, at: expect.objectContaining({ line: 11 }) },
      { resource: 'S', ruleId: '', reason: undefined, at: expect.objectContaining({ line: 12 }) },
    ]);
    expect(models('Resources:\n  S: { Type: AWS::S3::Bucket }\n').models[0].resourceSuppressions).toBeUndefined();
  });
  const CDN = {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Enabled: true,
        Origins: [{ Id: 'o', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
        DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
      },
    },
  };
  test.each<[string, string, Record<string, unknown>, string]>([
    ['a template file', 't.yaml', {}, 'cloudformation'],
    ['a file under cdk.out/', 'app/cdk.out/S.json', {}, 'cdk'],
    ['a *.template.json file', 'S.template.json', {}, 'cdk'],
    ['a template with AWS::CDK::Metadata', 't.yaml', { CDKMetadata: { Type: 'AWS::CDK::Metadata' } }, 'cdk'],
    ['a template with aws:cdk:path metadata', 't.yaml', { S: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:cdk:path': 'App/S/Resource' } } }, 'cdk'],
    [
      "a template whose metadata is not CDK's",
      't.yaml',
      { S: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:cdk:path': 5 } }, N: { Type: 'AWS::SNS::Topic', Metadata: null } },
      'cloudformation',
    ],
  ])('flavour (remediation in CloudFormation or CDK terms) of %s', (_what, file, resources, flavor) => {
    const out = models(JSON.stringify({ Resources: { ...resources, Cdn: CDN } }), file); // JSON is YAML too
    expect(out.errors).toEqual([]);
    expect(out.models.map((m) => [m.file, m.endpoints.map((e) => e.flavor)])).toEqual([[file, [flavor]]]);
  });
  test('every template document of a multi-document file is a model; other documents are not', () => {
    const out = models(
      'Resources:\n  A: { Type: AWS::SNS::Topic }\n---\nkind: Other\n---\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B: { Type: AWS::SNS::Topic }\n',
    );
    expect(out.errors).toEqual([]);
    expect(out.models).toHaveLength(2);
  });
  test('a Metadata ignore without a reason is kept, reason undefined', () => {
    const text = 'Resources:\n  S:\n    Type: AWS::S3::Bucket\n    Metadata:\n      cachelint:\n        ignore:\n          - id: CL002\n';
    const out = cloudFormationAdapter.toModels({ file: 't.yaml', parsed: parseYaml(text, { tags: 'cloudformation' }) });
    expect(out.models[0].resourceSuppressions).toEqual([
      { resource: 'S', ruleId: 'CL002', reason: undefined, at: expect.objectContaining({ line: 7, logicalId: 'S' }) },
    ]);
  });
});
