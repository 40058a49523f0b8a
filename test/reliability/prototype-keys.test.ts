// Names from the scanned file or the command line are looked up in plain objects; an inherited key (constructor,
// toString, __proto__...) must behave like any unknown name, never reach a rule as a function (found by the
// property tests: a Kong plugin named `constructor` crashed the CLI with a stack trace and exit 1).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import { cacheKindOf } from '../../lib/sources/kong';
import { runCli } from '../cli/run';

const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];

test.each(INHERITED)('cacheKindOf(%j) is not a cache kind', (name) => {
  expect(cacheKindOf(name)).toBeUndefined();
});

test('Kong plugins, services and routes named after Object.prototype members scan like any other name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-proto-'));
  const file = (names: string[]) => {
    const plugins = names.map((n) => `- name: ${JSON.stringify(n)}`).join('\n');
    const cache = '- name: proxy-cache\n  config: { strategy: memory, request_method: [GET, POST] }';
    return `_format_version: "3.0"\nservices:\n- name: ${names[0]}\n  url: http://s\n  routes:\n  - name: ${names[1]}\n    methods: [POST]\n    paths: [/orders]\n    plugins:\n${plugins.replace(/^/gm, '    ')}\nplugins:\n${plugins}\n${cache}\n`;
  };
  writeFileSync(join(dir, 'odd.yaml'), file(INHERITED));
  writeFileSync(join(dir, 'plain.yaml'), file(INHERITED.map((_, i) => `plain-${i}`)));
  const r = scan(['odd.yaml', 'plain.yaml'], { cwd: dir });
  expect(r.errors).toEqual([]);
  expect(r.files.map((f) => f.status)).toEqual(['scanned', 'scanned']);
  const ids = (file: string) => r.findings.filter((f) => f.file === file).map((f) => `${f.ruleId}@${f.line}`);
  expect(ids('plain.yaml')).toContain('CL001@26');
  expect(ids('odd.yaml')).toEqual(ids('plain.yaml'));
});

test('--fail-on constructor is a usage error (exit 2), not a threshold that never fails', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-proto-'));
  writeFileSync(join(dir, 'kong.yaml'), '_format_version: "3.0"\n');
  for (const level of ['constructor', 'toString', '__proto__']) {
    const r = await runCli(['--fail-on', level, 'kong.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail-on must be error, warning or info/);
  }
});

describe('CloudFormation ids and keys named after Object.prototype members', () => {
  const FIX = join(__dirname, '../fixtures/cloudformation');
  const compare = (fixture: string, edit: (text: string, name: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-proto-cfn-'));
    const text = readFileSync(join(FIX, fixture), 'utf8');
    const names = ['constructor', 'toString', '__proto__', 'plainName'];
    for (const name of names) writeFileSync(join(dir, `${name}.yaml`), edit(text, name));
    const r = scan(
      names.map((n) => `${n}.yaml`),
      { cwd: dir },
    );
    expect(r.errors.filter((e) => e.code === 'internal')).toEqual([]);
    const summary = (name: string) => ({
      errors: r.errors.filter((e) => e.file === `${name}.yaml`).map((e) => `${e.code}@${e.line}`),
      findings: r.findings.filter((f) => f.file === `${name}.yaml`).map((f) => `${f.ruleId}@${f.line}:${f.message.split(name).join('NAME')}`),
    });
    for (const name of names.slice(0, -1)) expect(summary(name)).toEqual(summary('plainName'));
    return summary('plainName');
  };

  test('a CachePolicyId, OriginRequestPolicyId or ResponseHeadersPolicyId "constructor" is an unknown policy, not a crash', () => {
    const plain = compare('cl002-cloudfront-optimized.bad.yaml', (t, name) =>
      t.replace(/(CachePolicyId|OriginRequestPolicyId|ResponseHeadersPolicyId): .*/g, (_m, key: string) => `${key}: ${JSON.stringify(name)}`),
    );
    expect(plain.findings.some((f) => f.startsWith('CL006'))).toBe(true);
  });

  test('a cache key parameter "constructor" is a key like any other, not a crash', () => {
    const plain = compare('cl004-key-complete.safe.yaml', (t, name) =>
      t.replace('CacheKeyParameters: [method.request.path.id]', `CacheKeyParameters: [${JSON.stringify(name)}]`),
    );
    expect(plain.findings.some((f) => f.startsWith('CL004'))).toBe(true);
  });
});

test('Fn::Equals over mappings (one with a toString key) is judged, not an internal error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-proto-eq-'));
  const template = (a: string, b: string) =>
    `AWSTemplateFormatVersion: "2010-09-09"\nConditions:\n  C: !Equals [${a}, ${b}]\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {Name: api}\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n      CacheClusterEnabled: !If [C, true, false]\n`;
  writeFileSync(join(dir, 'same.yaml'), template('{toString: x}', '{toString: x}'));
  writeFileSync(join(dir, 'differ.yaml'), template('{toString: x}', '""'));
  const r = scan(['same.yaml', 'differ.yaml'], { cwd: dir });
  expect(r.errors).toEqual([]);
  expect(r.files.map((f) => f.status)).toEqual(['scanned', 'scanned']);
});
