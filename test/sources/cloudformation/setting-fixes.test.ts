// Issue 15 end to end: the severity follows what can store, one finding per setting, and fixes that keep what works.
// Fixtures: test/fixtures/cloudformation/setting-fixes/.
import { join } from 'node:path';
import { scan } from '../../../lib/engine';
import type { Finding } from '../../../lib/findings';
import { parseYaml } from '../../../lib/parse/yaml';

const DIR = join(__dirname, '../../fixtures/cloudformation/setting-fixes');
const PARENT = join(__dirname, '../../fixtures/cloudformation');

function findingsOf(file: string, dir = DIR): Finding[] {
  const r = scan([join(dir, file)], { cwd: dir });
  expect(r.errors).toEqual([]);
  return r.findings;
}
const pins = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.findingId} ${f.line}`);

describe('CloudFront behaviours that can store nothing for writes: no CL003 warning', () => {
  test('Managed-CachingDisabled, a policy with all TTLs 0 and legacy TTLs 0/0/0, all methods allowed: CL003 info on each, nothing else', () => {
    const fs = findingsOf('nothing-stores-writes.yaml');
    expect(pins(fs)).toEqual(['CL003 info default 32', 'CL003 info /zero/* 38', 'CL003 info /legacy/* 43']);
    expect(fs.map((f) => f.routes)).toEqual([['DefaultCacheBehavior'], ['CacheBehaviors /zero/*'], ['CacheBehaviors /legacy/*']]);
    for (const f of fs)
      expect(f.message).toMatch(/no layer on the path stores POST, PUT, PATCH, DELETE responses, so this only protects caches downstream\)\.$/);
    // Nothing is cached on these behaviours: the no-store policy goes on the behaviour itself (no reads to keep).
    for (const f of fs) expect(f.remediation.snippet).toMatch(/^ResponseHeadersPolicyConfig:[\s\S]*Override: true/);
  });
  test('CachingOptimized with all methods: CloudFront still never stores the writes, so CL003 is info beside the CL002 warning', () => {
    expect(pins(findingsOf('cl002-cloudfront-optimized.bad.yaml', PARENT))).toEqual(['CL003 info default 14', 'CL002 warning default 18']);
  });
});

describe('CDK: a custom CachePolicy that keys x-api-key (AppSync-like origin)', () => {
  const fixOf = (file: string, rule: string) => {
    const f = findingsOf(file).filter((x) => x.ruleId === rule);
    expect(f).toHaveLength(1);
    return f[0];
  };
  test('CL005 (DefaultTTL 86400): lower defaultTtl in that policy, never CACHING_DISABLED (it would stop forwarding x-api-key)', () => {
    const f = fixOf('AppSyncDefaultTtl.template.json', 'CL005');
    expect(f).toMatchObject({ severity: 'warning', findingId: 'default', routes: ['defaultBehavior'] });
    expect(f.remediation.snippet).toBe('defaultTtl: Duration.seconds(0),');
    expect(f.remediation.summary).toMatch(
      /^Set defaultTtl to Duration\.seconds\(0\) on the CachePolicy .*; its cache key \(what it forwards to the origin\) stays\.$/,
    );
    expect(`${f.remediation.summary} ${f.remediation.snippet}`).not.toMatch(/CACHING_DISABLED|CachingDisabled/);
  });
  test('CL002 (MinTTL 60): lower minTtl in that policy, never CACHING_DISABLED', () => {
    const f = fixOf('AppSyncMinTtl.template.json', 'CL002');
    expect(f).toMatchObject({ severity: 'warning', findingId: 'default', routes: ['defaultBehavior'] });
    expect(f.message).toContain('its MinTTL of 60 s keeps');
    expect(f.remediation.snippet).toBe('minTtl: Duration.seconds(0),');
    expect(`${f.remediation.summary} ${f.remediation.snippet}`).not.toMatch(/CACHING_DISABLED|CachingDisabled/);
    // One root cause, one finding: CL005 is not reported beside CL002 on the same policy.
    expect(findingsOf('AppSyncMinTtl.template.json').map((x) => x.ruleId)).not.toContain('CL005');
  });
  test('the fix names the CachePolicy construct the user wrote, not the Distribution', () => {
    for (const [file, rule] of [
      ['AppSyncDefaultTtl.template.json', 'CL005'],
      ['AppSyncMinTtl.template.json', 'CL002'],
    ]) {
      const f = fixOf(file, rule);
      expect(f.remediation.summary).toContain('on the CachePolicy AppSyncCdn/GraphqlCachePolicy');
    }
  });
  test('no fix on this behaviour drops the x-api-key the policy forwards (a CachingDisabled write behaviour must still forward it)', () => {
    for (const file of ['AppSyncDefaultTtl.template.json', 'AppSyncMinTtl.template.json'])
      for (const f of findingsOf(file)) {
        const text = `${f.remediation.summary} ${f.remediation.snippet ?? ''}`;
        if (/CACHING_DISABLED|CachingDisabled/.test(text)) expect(text).toMatch(/x-api-key|originRequestPolicy|OriginRequestPolicy/);
      }
  });
});

describe('API Gateway stage-wide */* cache with several unpinned write methods', () => {
  test('one CL007 finding on the */* setting, listing every route, whose fix pins every write method', () => {
    const fs = findingsOf('stage-wide-writes.yaml');
    const cl007 = fs.filter((f) => f.ruleId === 'CL007');
    expect(cl007).toHaveLength(1);
    expect(cl007[0]).toMatchObject({
      severity: 'info',
      findingId: '*/*@prod',
      line: 66,
      resource: 'Prod',
      routes: ['POST /orders', 'PUT /orders/{id}', 'DELETE /orders/{id}'],
      message: expect.stringContaining('3 routes have no explicit CachingEnabled: false'),
    });
    expect(cl007[0].routeLocations!.map((r) => r.line)).toEqual([21, 30, 41]);
    expect(parseYaml(cl007[0].remediation.snippet!).documents[0].value).toEqual({
      MethodSettings: [
        { ResourcePath: '/~1orders', HttpMethod: 'POST', CachingEnabled: false },
        { ResourcePath: '/~1orders~1{id}', HttpMethod: 'PUT', CachingEnabled: false },
        { ResourcePath: '/~1orders~1{id}', HttpMethod: 'DELETE', CachingEnabled: false },
      ],
    });
    // The CL003s are per method (each has its own integration response to change), and info: */* stores no writes.
    expect(pins(fs.filter((f) => f.ruleId === 'CL003'))).toEqual([
      'CL003 info /orders/POST 21',
      'CL003 info /orders/{id}/PUT 30',
      'CL003 info /orders/{id}/DELETE 41',
    ]);
  });
});
