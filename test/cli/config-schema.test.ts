import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { DIRECTIVE_CHECK_IDS, KNOWN_RULE_IDS, loadConfig } from '../../lib/config';
import { parseYaml } from '../../lib/parse/yaml';
import { STATIC_RULES } from '../../rules';
import { runCli } from './run';

const schemaPath = join(__dirname, '..', '..', 'schema', 'cachelint.config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-config-'));

/** Both judges on the same YAML text: lib/config.ts (loadConfig) and the published JSON Schema. */
function judge(yaml: string): { loader: boolean; schema: boolean } {
  const dir = tmp();
  const file = join(dir, 'cachelint.config.yaml');
  writeFileSync(file, yaml);
  let loader = true;
  try {
    loadConfig(file);
  } catch {
    loader = false;
  }
  const value = parseYaml(yaml).documents[0]?.value ?? {};
  return { loader, schema: validate(value) as boolean };
}

const VALID = [
  'rules:\n  CL001: error\n  CL007: off\n  CL101: warning\n',
  '$schema: ./node_modules/cachelint/schema/cachelint.config.schema.json\nrules: {}\n',
  'ignore:\n  - legacy/**\n  - "**/*.generated.yaml"\nwebhookPaths:\n  - /hooks/**\n',
  'maxFileBytes: 1048576\nfailOn: warning\n',
  'ignore:\nrules:\n', // empty values (YAML null) mean "not set"
];
const INVALID = [
  'rule:\n  CL001: off\n', // typo in a top-level key
  'rules:\n  CL010: off\n', // not a rule
  'rules:\n  cl001: off\n',
  'rules:\n  CL001: fatal\n',
  'rules:\n  CL001: false\n',
  'rules: [CL001]\n',
  'ignore: legacy/**\n',
  'ignore:\n  - 5\n',
  'webhookPaths: {a: 1}\n',
  'maxFileBytes: 0\n',
  'maxFileBytes: "1MB"\n',
  'failOn: off\n',
  'failOn: fatal\n',
  '$schema: 5\n',
  '- rules\n',
];

describe('config JSON Schema agrees with lib/config.ts', () => {
  test.each(VALID)('valid for both: %j', (yaml) => expect(judge(yaml)).toEqual({ loader: true, schema: true }));
  test.each(INVALID)('rejected by both: %j', (yaml) => expect(judge(yaml)).toEqual({ loader: false, schema: false }));

  test('the schema names exactly the rules the loader knows, which include every static rule', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...KNOWN_RULE_IDS, ...DIRECTIVE_CHECK_IDS].sort());
    expect(KNOWN_RULE_IDS).toEqual(expect.arrayContaining(STATIC_RULES.map((r) => r.id)));
    expect(schema.definitions.ruleSetting.enum).toEqual(['error', 'warning', 'info', 'off']);
    expect(schema.additionalProperties).toBe(false);
  });

  test('the schema ships with the package', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema/');
  });
});

describe('--print-config', () => {
  test('shows each rule default and effective severity, and where it comes from', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'rules:\n  CL007: off\n  CL002: error\n');
    const r = await runCli(['--print-config', 'kong.yaml'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: 'kong.yaml', configFile: join(dir, 'cachelint.config.yaml'), ignored: false });
    expect(out.rules.CL001).toEqual({ name: 'unsafe-method-cached', default: 'error', effective: 'error', from: 'default' });
    expect(out.rules.CL002).toEqual({ name: 'origin-no-store-ignored', default: 'warning', effective: 'error', from: 'config' });
    expect(out.rules.CL007).toMatchObject({ default: 'info', effective: 'off', from: 'config' });
    expect(Object.keys(out.rules)).toEqual([...KNOWN_RULE_IDS, ...DIRECTIVE_CHECK_IDS]);
    expect(out.rules['unused-suppression']).toEqual({ name: 'unused-suppression', default: 'warning', effective: 'warning', from: 'default' });
  });

  test('says whether a directory walk leaves the file out, and by which pattern', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'legacy', 'old'), { recursive: true });
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'ignore:\n  - legacy\n  - "**/*.generated.yaml"\n');
    const deep = JSON.parse((await runCli(['--print-config', 'legacy/old/kong.yaml'], dir)).stdout);
    expect(deep).toMatchObject({ ignored: true, ignoredBy: 'legacy' });
    const gen = JSON.parse((await runCli(['--print-config', 'gw/kong.generated.yaml'], dir)).stdout);
    expect(gen).toMatchObject({ ignored: true, ignoredBy: '**/*.generated.yaml' });
    const kept = JSON.parse((await runCli(['--print-config', 'gw/kong.yaml'], dir)).stdout);
    expect(kept.ignored).toBe(false);
    expect(kept).not.toHaveProperty('ignoredBy');
  });

  test('no config file: defaults', async () => {
    const out = JSON.parse((await runCli(['--print-config', 'x.yaml'], tmp())).stdout);
    expect(out.configFile).toBeNull();
    expect(out.rules.CL003).toMatchObject({ effective: 'warning', from: 'default' });
  });
});
