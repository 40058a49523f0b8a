import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { STATIC_RULES } from '../../rules';
import { FINGERPRINT_KEY, sarif, toSarif } from '../../lib/report/sarif';
import { reporterFor } from '../../lib/report';
import { finding, fixtureResult } from './fixture';
import { scan } from '../../lib/engine';

// The official SARIF 2.1.0 schema (draft-04), vendored from an npm package: see fixtures/SARIF-SCHEMA-NOTICE.md.
const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp: false — the schema's `language` pattern has a stray `]` that is only legal without the u flag.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const ROOT = '/repo';
const render = (result = fixtureResult(), cwd = ROOT) => toSarif(result, { cwd, root: ROOT });
const expectValid = (log: unknown) => {
  const ok = validate(log);
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
};

describe('sarif', () => {
  test('the fixture report validates against the SARIF 2.1.0 schema, and so does a clean run', () => {
    expectValid(JSON.parse(sarif(fixtureResult(), { color: false, cwd: ROOT })));
    expectValid(render({ files: [{ file: 'k.yaml', status: 'scanned' }], findings: [], errors: [] }));
  });

  test('the validator is not vacuous: a broken log fails', () => {
    const log = render() as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  test('driver lists every rule with docs and default level; ruleIndex points at the rule', () => {
    const run = render().runs[0];
    const rules = run.tool.driver.rules;
    expect(run.tool.driver).toMatchObject({ name: 'cachelint', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(STATIC_RULES.map((r) => r.id)));
    const cl007 = rules.find((r) => r.id === 'CL007')!;
    expect(cl007).toMatchObject({ name: 'write-caching-not-pinned', defaultConfiguration: { level: 'note' } });
    expect(cl007.helpUri).toMatch(/docs\/rules\/CL007\.md$/);
    expect(cl007.fullDescription.text.length).toBeGreaterThan(20);
    expect(rules.find((r) => r.id === 'CL001')!.defaultConfiguration.level).toBe('error');
    for (const r of run.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  test('results: level by severity, message with the fix, repository-relative location with region', () => {
    const [cl001, cl002, cl007] = render().runs[0].results;
    expect([cl001.level, cl002.level, cl007.level]).toEqual(['error', 'warning', 'note']);
    expect(cl001.message.text).toBe('proxy-cache caches POST on POST /webhooks/stripe. Fix: Set `config.request_method: [GET, HEAD]` on the caching plugin.');
    expect(cl001.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'gateway/kong.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 18 },
    });
    expect(cl007.locations[0].physicalLocation.region).toEqual({ startLine: 40, startColumn: 11 });
    expect(cl001.properties).toMatchObject({
      findingId: '/webhooks/stripe/POST',
      resource: 'stripe-webhook',
      route: 'POST /webhooks/stripe',
      platform: 'kong',
    });
    expect(cl007.properties).toMatchObject({ logicalId: 'ApiStage', platform: 'apigateway' });
    expect(render().runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  test('paths are relative to the repository root, not the folder cachelint ran in; odd characters are encoded', () => {
    const result = { files: [], errors: [], findings: [finding({ file: 'my kong#1.yaml' })] };
    expect(render(result, '/repo/sub').runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'sub/my%20kong%231.yaml',
      uriBaseId: '%SRCROOT%',
    });
    // Outside the repository: an absolute file URI, never "../" or "//".
    const outside = render({ files: [], errors: [], findings: [finding({ file: '/elsewhere/kong.yaml' })] });
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/kong.yaml' });
  });

  test('fingerprints survive line moves but tell rules, files and findings apart', () => {
    const fp = (over: Parameters<typeof finding>[0]) =>
      render({ files: [], errors: [], findings: [finding(over)] }).runs[0].results[0].partialFingerprints[FINGERPRINT_KEY];
    const a = fp({});
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fp({ line: 99, column: 1, endLine: 99, endColumn: 4 })).toBe(a);
    expect(fp({ ruleId: 'CL002' })).not.toBe(a);
    expect(fp({ file: 'other/kong.yaml' })).not.toBe(a);
    expect(fp({ findingId: '/webhooks/github/POST' })).not.toBe(a);
    // Two findings with the same identity in one run stay distinct.
    const twice = render({ files: [], errors: [], findings: [finding({}), finding({ line: 30 })] }).runs[0].results;
    expect(twice[1].partialFingerprints[FINGERPRINT_KEY]).toBe(`${a}:2`);
  });

  test('suppressed findings are carried with their kind and justification; active ones have none', () => {
    const results = render().runs[0].results;
    expect(results.find((r) => r.ruleId === 'CL003')!.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'backend sends no-store' },
    ]);
    expect(results.find((r) => r.ruleId === 'CL004')!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'in baseline cachelint.baseline.json' },
    ]);
    expect(results.find((r) => r.ruleId === 'CL001')).not.toHaveProperty('suppressions');
  });

  test('input errors are error notifications with locations, and the run is not successful', () => {
    const inv = render().runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'duplicate-key: duplicate key "Resources" (first at 1:1)' },
        descriptor: { id: 'duplicate-key' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } } }],
      },
      {
        level: 'error',
        message: { text: 'unreadable: cannot read: ENOENT' },
        descriptor: { id: 'unreadable' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/missing.yaml', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    expect(render({ files: [], findings: [], errors: [] }).runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  test('is registered as a lazily loaded format', () => {
    expect(JSON.parse(reporterFor('sarif')(fixtureResult(), { color: false, cwd: ROOT })).version).toBe('2.1.0');
  });
});

describe('sarif: one finding per setting', () => {
  test('a finding on one setting that affects several routes lists each route definition in relatedLocations', () => {
    const repo = join(__dirname, '..', '..');
    const result = scan(['examples/kong/webhook-gateway.bad.yaml'], { cwd: repo });
    const log = toSarif(result, { cwd: repo, root: repo });
    expectValid(log);
    const cl001 = log.runs[0].results.filter((r) => r.ruleId === 'CL001');
    expect(cl001).toHaveLength(1); // one global plugin, two webhook routes: one finding
    expect(cl001[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 41 });
    expect(cl001[0].properties).toMatchObject({ findingId: 'proxy-cache@global', routes: ['stripe-webhook', 'github-webhook'] });
    expect(cl001[0].relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'examples/kong/webhook-gateway.bad.yaml', uriBaseId: '%SRCROOT%' },
          region: expect.objectContaining({ startLine: 14 }),
        },
        message: { text: 'affected route: stripe-webhook' },
      },
      {
        id: 2,
        physicalLocation: {
          artifactLocation: { uri: 'examples/kong/webhook-gateway.bad.yaml', uriBaseId: '%SRCROOT%' },
          region: expect.objectContaining({ startLine: 20 }),
        },
        message: { text: 'affected route: github-webhook' },
      },
    ]);
  });
});
