// End-to-end through scan(): every fixture pins rule id, findingId and line; safe look-alikes must stay quiet.
import { join } from 'node:path';
import { scan } from '../../../lib/engine';
import type { Finding } from '../../../lib/findings';

const DIR = join(__dirname, '../../fixtures/cloudformation');

function findingsOf(file: string, dir = DIR): Finding[] {
  const r = scan([join(dir, file)], { cwd: dir });
  expect(r.errors).toEqual([]);
  expect(r.files).toEqual([expect.objectContaining({ status: 'scanned', format: 'cloudformation' })]);
  return r.findings;
}
const pins = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.findingId} ${f.line}`).sort();

describe('API Gateway stage caching', () => {
  test('CL001: an explicit POST method setting caches writes; CL003 (another setting, the no-store) reported beside it', () => {
    const fs = findingsOf('cl001-post-cached.bad.yaml');
    expect(pins(fs)).toEqual(['CL001 /orders/POST 50', 'CL003 /orders/POST 25']);
    const cl001 = fs.find((f) => f.ruleId === 'CL001')!;
    expect(cl001).toMatchObject({
      severity: 'error',
      resource: 'Stage',
      logicalId: 'Stage',
      platform: 'apigateway',
      route: 'POST /orders',
      routes: ['POST /orders'],
    });
    expect(cl001.remediation.snippet).toContain('CachingEnabled: false');
    // A proxy integration: only the backend can send no-store, so CL003 is info even though the stage stores POST.
    expect(fs.find((f) => f.ruleId === 'CL003')).toMatchObject({ severity: 'info', message: expect.stringContaining('only the backend can set it') });
  });
  test('CL001 look-alike: only GET cached (its HTTP proxy GET under an empty key is CL004 info: no query names, no path word)', () => {
    const fs = findingsOf('cl001-get-cached.safe.yaml');
    expect(pins(fs)).toEqual(['CL004 /orders/GET#params 50']);
    expect(fs[0].severity).toBe('info');
  });
  test('cluster disabled: a POST caching setting caches nothing', () => expect(findingsOf('cluster-disabled.safe.yaml')).toEqual([]));
  test('string booleans and numbers count as their values ("true", "60")', () => {
    const fs = findingsOf('string-booleans.bad.yaml');
    expect(pins(fs)).toEqual(['CL001 /orders/POST 39', 'CL003 /orders/POST 14']);
    expect(fs.find((f) => f.ruleId === 'CL001')!.message).toContain('up to 60 s');
  });
  test('Deployment.StageDescription is a stage too', () => {
    const fs = findingsOf('stage-description.bad.yaml');
    expect(pins(fs)).toEqual(['CL001 /orders/POST 35', 'CL003 /orders/POST 14']);
    expect(fs.find((f) => f.ruleId === 'CL001')!.resource).toBe('Deployment');
  });
  test("CL007: */* caching with an unpinned POST is info; pinned, only the proxy backend's missing no-store remains (info)", () => {
    const fs = findingsOf('cl007-star-unpinned.bad.yaml');
    // CL007 is keyed by the stage-wide setting that fixes it, the route is data.
    expect(pins(fs)).toEqual(['CL003 /orders/POST 25', 'CL004 /orders/GET#params 50', 'CL007 */*@prod 50']);
    expect(fs.find((f) => f.ruleId === 'CL004')!.severity).toBe('info');
    expect(fs.find((f) => f.ruleId === 'CL007')).toMatchObject({ severity: 'info', routes: ['POST /orders'] });
    const pinned = findingsOf('cl007-star-pinned.safe.yaml');
    expect(pins(pinned)).toEqual(['CL003 /orders/POST 25', 'CL004 /orders/GET#params 50']);
    expect(pinned[0].severity).toBe('info');
  });
  test('ANY on {proxy+} under */*: CL007 warning and the proxy path missing from the key (CL004)', () => {
    const fs = findingsOf('any-proxy.bad.yaml');
    expect(pins(fs)).toEqual(['CL003 /{proxy+}/ANY 14', 'CL004 /{proxy+}/ANY#params 39', 'CL007 */*@prod 39']);
    expect(fs.find((f) => f.ruleId === 'CL007')).toMatchObject({ severity: 'warning', routes: ['ANY /{proxy+}'] });
    expect(fs.find((f) => f.ruleId === 'CL004')!.message).toContain('method.request.path.proxy');
  });
  test('CL008: /* with POST, and a method the API does not have; an encoded path is fine', () => {
    const star = findingsOf('cl008-star-post.bad.yaml');
    expect(pins(star)).toEqual(['CL008 /*/POST 39']);
    expect(star[0].message).toContain('ResourcePath /* only works with HttpMethod *');
    expect(pins(findingsOf('cl008-missing-method.bad.yaml'))).toEqual(['CL008 /orders/POST 39']);
    expect(findingsOf('cl008-encoded.safe.yaml')).toEqual([]);
  });
  test('CL004: path parameter missing from CacheKeyParameters; present is quiet', () => {
    expect(pins(findingsOf('cl004-key-missing.bad.yaml'))).toEqual(['CL004 /orders/{id}/GET#params 45']);
    expect(findingsOf('cl004-key-complete.safe.yaml')).toEqual([]);
  });
  test('CL006: a parameter that decides POST caching is named with what its default gives', () => {
    const fs = findingsOf('cl006-parameter.bad.yaml').filter((f) => f.ruleId === 'CL006');
    expect(pins(fs)).toEqual(['CL006 /orders/POST 46']);
    expect(fs[0].message).toContain('parameter EnablePostCache (default "true" would give "true")');
    expect(findingsOf('cl006-parameter.safe.yaml')).toEqual([]);
  });
  test('!If on a parameter-driven condition: unknown, naming the condition and both outcomes', () => {
    const fs = findingsOf('if-condition.bad.yaml').filter((f) => f.ruleId === 'CL006');
    expect(fs).toHaveLength(1);
    expect(fs[0].line).toBe(47);
    expect(fs[0].message).toMatch(/condition IsProd depends on parameter Env, and it chooses true or false \(default "dev" would give false\)/);
  });
  test('!If on a MethodSettings item: the POST caching entry exists in one deploy only → CL006, never a silent pass or a CL001', () => {
    const fs = findingsOf('if-item.bad.yaml');
    expect(pins(fs)).toEqual(['CL003 /orders/POST 20', 'CL006 /orders/POST 50']);
    expect(fs.find((f) => f.ruleId === 'CL006')!.message).toContain(
      'it applies only when condition IsProd is true (Fn::If), and condition IsProd depends on parameter Env (default "dev" would make it false)',
    );
  });
  test('inline OpenAPI body: ANY method cached explicitly is CL001 for every write verb (and CL003 for the no-store)', () => {
    const fs = findingsOf('openapi-body.bad.yaml');
    expect(pins(fs)).toEqual(['CL001 /hooks/{proxy+}/ANY 41', 'CL003 /hooks/{proxy+}/ANY 14']);
    expect(fs.find((f) => f.ruleId === 'CL001')!.message).toContain('POST, PUT, PATCH, DELETE');
  });
  test('resource Metadata suppression with a reason: it covers the rule it names, not CL003 beside it', () => {
    const fs = findingsOf('suppressed.yaml');
    expect(pins(fs)).toEqual(['CL001 /orders/POST 44', 'CL003 /orders/POST 14']);
    expect(fs.find((f) => f.ruleId === 'CL001')!.suppressed?.reason).toContain('idempotency key');
    expect(fs.find((f) => f.ruleId === 'CL003')!.suppressed).toBeUndefined();
  });
});

describe('SAM', () => {
  test('Globals.Api settings apply to the implicit API built from function events', () => {
    const fs = findingsOf('sam-globals-implicit.bad.yaml');
    expect(pins(fs)).toEqual(['CL001 /orders/POST 9', 'CL003 /orders/POST 20']);
    expect(fs.find((f) => f.ruleId === 'CL001')!.resource).toBe('ServerlessRestApi');
  });
  test('Serverless::Api with */* caching, POST pinned, cached query string in the key: only CL003 info (the proxy backend must send no-store)', () => {
    const fs = findingsOf('sam-api.safe.yaml');
    expect(pins(fs)).toEqual(['CL003 /orders/POST 25']);
    expect(fs[0].severity).toBe('info');
  });
});

describe('cdk.out JSON templates', () => {
  test('*.template.json: construct path and CDK remediation', () => {
    const fs = findingsOf('Stack.template.json');
    expect(pins(fs)).toEqual(['CL001 /webhooks/POST 72', 'CL003 /webhooks/POST 30']);
    const cl001 = fs.find((f) => f.ruleId === 'CL001')!;
    expect(cl001).toMatchObject({ constructPath: 'Stack/Api/DeploymentStage.prod/Resource', logicalId: 'ApiDeploymentStageprod9ABC' });
    expect(cl001.remediation.snippet).toContain("'/webhooks/POST': { cachingEnabled: false }");
    // Not a proxy integration and the stage stores POST: the missing no-store is a warning, fixed in CDK terms.
    const cl003 = fs.find((f) => f.ruleId === 'CL003')!;
    expect(cl003.severity).toBe('warning');
    expect(cl003.remediation.snippet).toContain("'method.response.header.Cache-Control': \"'no-store'\"");
  });
});

describe('CloudFront', () => {
  test('CL002: CachingOptimized (MinTTL 1) on an API behaviour with all methods', () => {
    expect(pins(findingsOf('cl002-cloudfront-optimized.bad.yaml'))).toEqual(['CL002 default 18', 'CL003 default 14']);
  });
  test('S3 origin with all methods is static, not an API', () => expect(findingsOf('cl002-s3-origin.safe.yaml')).toEqual([]));
  test('CL003: CachingDisabled without a no-store response headers policy', () => {
    expect(pins(findingsOf('cl003-caching-disabled.bad.yaml'))).toEqual(['CL003 default 14']);
  });
  test('CL005: legacy ForwardedValues defaults (DefaultTTL 86400); TTLs 0 do not fire CL005', () => {
    const fs = findingsOf('cl005-legacy-defaults.bad.yaml');
    expect(pins(fs)).toEqual(['CL003 default 14', 'CL005 default 18']);
    expect(fs.find((f) => f.ruleId === 'CL005')!.message).toContain('86400 s');
    expect(findingsOf('cl005-legacy-zero.safe.yaml').map((f) => f.ruleId)).not.toContain('CL005');
  });
  test('custom cache policies: MinTTL 60 → CL002, MinTTL 0 + DefaultTTL 3600 → CL005', () => {
    expect(pins(findingsOf('custom-policy-min-ttl.bad.yaml'))).toEqual(['CL002 default 34', 'CL003 default 30']);
    expect(pins(findingsOf('custom-policy-default-ttl.bad.yaml'))).toEqual(['CL003 default 30', 'CL005 default 34']);
  });
  test('CloudFront in front of an API of the same template: the behaviour layer is prepended to the API endpoints', () => {
    const r = scan([join(DIR, 'cloudfront-api.yaml')], { cwd: DIR });
    const api = r.models![0].endpoints.filter((e) => e.platform === 'apigateway');
    expect(api.map((e) => `${e.route}: ${e.caches.map((c) => c.kind).join(',')}`).sort()).toEqual([
      'GET /orders: cloudfront-cache-policy',
      'POST /orders: cloudfront-cache-policy',
    ]);
    const site = r.models![0].endpoints.find((e) => e.platform === 'cloudfront' && e.findingId === 'default')!;
    expect(site.staticOrigin).toBe(true);
    expect(pins(r.findings)).toEqual(['CL002 /orders* 67', 'CL003 /orders* 63', 'CL003 /orders/POST 25']);
  });
});
