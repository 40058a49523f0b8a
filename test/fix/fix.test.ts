// --fix beyond the golden files: the cold start of a scan, dry runs, refusals, held fixes, JSON templates, real
// corpus files (comments and CloudFormation tags kept) and fuzzed variants (valid, idempotent, minimal).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { findingsOf, run } from './helpers';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'cachelint.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-fix-'));
const write = (dir: string, name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
  return name;
};

const KONG = `_format_version: "3.0"
services:
  - name: hooks   # the webhook receiver
    url: http://hooks:8080
    routes:
      - name: stripe
        paths: [/webhooks/stripe]
        methods: [POST]
plugins:
  # cache everything for five minutes
  - name: proxy-cache
    config:
      strategy: memory
      request_method: ["GET", "HEAD", "POST"]   # POST: a mistake
      cache_ttl: 300
`;

describe('--fix on the command line', () => {
  test('a normal scan never loads the edit libraries (cold start); --fix does', () => {
    const dir = tmp();
    write(dir, 'kong.yaml', KONG);
    const probe = `const M=require('module');const o=M._load;M._load=function(r,...a){if(r==='yaml'||r==='jsonc-parser')process.stderr.write('LOADED '+r+'\\n');return o.call(this,r,...a)};`;
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['-e', `${probe}process.argv=[process.argv[0],${JSON.stringify(CLI)},...${JSON.stringify(args)}];require(${JSON.stringify(CLI)})`],
        { cwd: dir, encoding: 'utf8', timeout: 30_000 },
      );
    expect(cli('kong.yaml').stderr).not.toMatch(/LOADED/);
    expect(cli('-f', 'json', 'kong.yaml').stderr).not.toMatch(/LOADED/);
    expect(cli('--fix-dry-run', 'kong.yaml').stderr).toMatch(/LOADED yaml/);
  });

  test('--fix keeps comments and quoting, inserts cache_control, keeps the mode, and exits as a scan of what remains', async () => {
    const dir = tmp();
    write(dir, 'kong.yaml', KONG);
    chmodSync(join(dir, 'kong.yaml'), 0o640);
    const before = await findingsOf('kong.yaml', dir);
    expect(before.find((f) => f.ruleId === 'CL001')?.remediation.fix).toMatchObject({ safety: 'safe' });
    const r = await run(['--fix', 'kong.yaml'], dir);
    expect(r.stderr).toMatch(/fixed 1 finding in 1 file/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'kong.yaml'), 'utf8')).toBe(
      KONG.replace('["GET", "HEAD", "POST"]', '["GET", "HEAD"]').replace('      cache_ttl: 300\n', '      cache_ttl: 300\n      cache_control: true\n'),
    );
    expect(statSync(join(dir, 'kong.yaml')).mode & 0o777).toBe(0o640);
  });

  test('--fix-dry-run and --diff print a unified diff, write nothing, exit 1 when a file would change', async () => {
    const dir = tmp();
    write(dir, 'kong.yaml', KONG);
    for (const flag of ['--fix-dry-run', '--diff']) {
      const r = await run([flag, 'kong.yaml'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('--- a/kong.yaml\n+++ b/kong.yaml\n@@ -11,5 +11,6 @@\n');
      expect(r.stdout).toContain(
        '-      request_method: ["GET", "HEAD", "POST"]   # POST: a mistake\n+      request_method: ["GET", "HEAD"]   # POST: a mistake\n',
      );
      expect(readFileSync(join(dir, 'kong.yaml'), 'utf8')).toBe(KONG);
    }
    await run(['--fix', 'kong.yaml'], dir);
    expect((await run(['--diff', 'kong.yaml'], dir)).code).toBe(0);
  });

  test('unsafe fixes need --unsafe-fixes; CRLF line endings are kept', async () => {
    const dir = tmp();
    const text = readFileSync(join(ROOT, 'examples/cloudformation/api-distribution.bad.yaml'), 'utf8').replace(/\n/g, '\r\n');
    write(dir, 't.yaml', text);
    const safe = await run(['--fix', 't.yaml'], dir);
    expect(safe.stderr).toMatch(/fixed 0 findings in 0 files; 1 more with --unsafe-fixes/);
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toBe(text);
    await run(['--fix', '--unsafe-fixes', 't.yaml'], dir);
    const out = readFileSync(join(dir, 't.yaml'), 'utf8');
    expect(out).toContain('CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad # Managed-CachingDisabled\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await run(['--unsafe-fixes', 't.yaml'], dir)).code).toBe(2);
  });

  test('suppressed findings, unresolved values and files with input errors are not edited', async () => {
    const dir = tmp();
    const suppressed = KONG.replace('  # cache everything for five minutes\n', '  # cachelint-disable-next-line CL001 -- replay store reviewed\n');
    write(dir, 'a/kong.yaml', suppressed);
    write(dir, 'b/kong.yaml', KONG.replace('cache_ttl: 300', 'cache_ttl: 300\n      cache_control: ${{ env "DECK_CC" }}'));
    write(dir, 'c/kong.yaml', KONG + 'routes: [\n');
    await run(['--fix', 'a/kong.yaml'], dir);
    expect(readFileSync(join(dir, 'a/kong.yaml'), 'utf8')).toBe(suppressed);
    await run(['--fix', 'c/kong.yaml'], dir);
    expect(readFileSync(join(dir, 'c/kong.yaml'), 'utf8')).toBe(KONG + 'routes: [\n');
    // cache_control unresolved: request_method is still fixed, cache_control is left as written.
    await run(['--fix', 'b/kong.yaml'], dir);
    expect(readFileSync(join(dir, 'b/kong.yaml'), 'utf8')).toContain('cache_control: ${{ env "DECK_CC" }}');
  });

  test("a CloudFormation JSON template: CL007 pins appended in the file's indentation", async () => {
    const dir = tmp();
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
        Orders: {
          Type: 'AWS::ApiGateway::Resource',
          Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'orders' },
        },
        Post: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: { Ref: 'Api' },
            ResourceId: { Ref: 'Orders' },
            HttpMethod: 'POST',
            AuthorizationType: 'NONE',
            Integration: { Type: 'MOCK' },
          },
        },
        Stage: {
          Type: 'AWS::ApiGateway::Stage',
          Properties: {
            RestApiId: { Ref: 'Api' },
            StageName: 'prod',
            CacheClusterEnabled: true,
            MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true }],
          },
        },
      },
    };
    const text = JSON.stringify(template, null, 4) + '\n';
    write(dir, 'template.json', text);
    expect((await findingsOf('template.json', dir)).some((f) => f.ruleId === 'CL007' && f.remediation.fix?.safety === 'safe')).toBe(true);
    await run(['--fix', 'template.json'], dir);
    const out = readFileSync(join(dir, 'template.json'), 'utf8');
    const settings = JSON.parse(out).Resources.Stage.Properties.MethodSettings;
    expect(settings).toEqual([...template.Resources.Stage.Properties.MethodSettings, { ResourcePath: '/~1orders', HttpMethod: 'POST', CachingEnabled: false }]);
    expect(out.split('\n').slice(0, 10)).toEqual(text.split('\n').slice(0, 10));
    expect((await findingsOf('template.json', dir)).filter((f) => f.ruleId === 'CL007')).toEqual([]);
  });

  test('cdk.out is refused with a message (generated files)', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, 'examples/cloudformation/webhook-api.bad.yaml'), join(dir, 'x'));
    mkdirSync(join(dir, 'cdk.out'));
    copyFileSync(join(ROOT, 'test/fixtures/cloudformation/Stack.template.json'), join(dir, 'cdk.out', 'Stack.template.json'));
    writeFileSync(join(dir, 'cdk.out', 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: {} }));
    const r = await run(['--fix', 'cdk.out/Stack.template.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not edit cdk\.out\/Stack\.template\.json: cdk\.out is generated by `cdk synth`/);
  });
});

describe('real corpus files (edited copies): comments and CloudFormation tags survive', () => {
  // As the corpus sweep finds it (CACHELINT_CORPUS, else beside the checkout); skipped where it is absent.
  const base = process.env.CACHELINT_CORPUS ?? [join(ROOT, '../shared/corpus'), join(ROOT, '../../shared/corpus')].find((d) => existsSync(d)) ?? '';
  const CORPUS = join(base, 'cloudformation');
  const FILES = [
    'widdix__aws-cf-templates__wordpress__wordpress-ha.yaml',
    'aws-samples__sessions-with-aws-sam__s12d__server__template.yaml',
    'aws-cloudformation__aws-cloudformation-templates__RainModules__cloudfront-nocache.yml',
    'gabrielpasv__sedera-aws-cloudformation__cloudfront.yaml',
  ];
  const available = existsSync(CORPUS) ? FILES.filter((f) => existsSync(join(CORPUS, f))) : [];
  (available.length ? test.each(available) : test.skip.each(['(corpus not present)']))('%s', async (name) => {
    const dir = tmp();
    copyFileSync(join(CORPUS, name), join(dir, name));
    const original = readFileSync(join(dir, name), 'utf8');
    await run(['--fix', '--unsafe-fixes', name], dir);
    const fixed = readFileSync(join(dir, name), 'utf8');
    expect(fixed).not.toBe(original);
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l));
    const tags = (t: string) =>
      (t.match(/!(Ref|Sub|GetAtt|If|Join|Select|Split|FindInMap|ImportValue|Equals|Not|And|Or|Base64|GetAZs|Condition|Cidr)\b/g) ?? []).length;
    expect(comments(fixed)).toEqual(comments(original));
    expect(tags(fixed)).toBe(tags(original));
    expect(fixed.split('\n').length).toBeGreaterThanOrEqual(original.split('\n').length);
    expect((await findingsOf(name, dir)).filter((f) => f.remediation.fix && !f.suppressed)).toEqual([]);
    await run(['--fix', '--unsafe-fixes', name], dir);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(fixed);
  });
});

describe('fuzzed Kong files: --fix never produces invalid YAML, is idempotent and changes only the plugin config', () => {
  const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE');
  const arb = fc.record({
    methods: fc.uniqueArray(method, { minLength: 1, maxLength: 6 }),
    flow: fc.boolean(),
    quote: fc.constantFrom('', '"', "'"),
    cc: fc.constantFrom<string | undefined>(undefined, 'false', 'true'),
    comment: fc.boolean(),
    crlf: fc.boolean(),
    configEmpty: fc.boolean(),
    routeMethods: fc.uniqueArray(method, { minLength: 1, maxLength: 4 }),
  });
  test('property', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const q = (m: string) => `${c.quote}${m}${c.quote}`;
        const rm = c.flow
          ? `      request_method: [${c.methods.map(q).join(', ')}]`
          : `      request_method:\n${c.methods.map((m) => `        - ${q(m)}`).join('\n')}`;
        const config = c.configEmpty
          ? '    config:'
          : [`    config:${c.comment ? '  # tuned' : ''}`, rm, ...(c.cc ? [`      cache_control: ${c.cc}`] : []), '      cache_ttl: 30'].join('\n');
        let text = `_format_version: "3.0"\nservices:\n  - name: s\n    url: http://s\n    routes:\n      - name: r\n        paths: [/x]\n        methods: [${c.routeMethods.join(', ')}]\nplugins:\n  - name: proxy-cache\n${config}\n  - name: cors\n`;
        if (c.crlf) text = text.replace(/\n/g, '\r\n');
        const dir = tmp();
        write(dir, 'kong.yaml', text);
        await run(['--fix', 'kong.yaml'], dir);
        const once = readFileSync(join(dir, 'kong.yaml'), 'utf8');
        const docs = parseAllDocuments(once);
        expect(Array.isArray(docs) && docs.every((d) => d.errors.length === 0)).toBe(true);
        await run(['--fix', 'kong.yaml'], dir);
        expect(readFileSync(join(dir, 'kong.yaml'), 'utf8')).toBe(once);
        // Outside the plugin's config, nothing changed.
        const cut = (t: string) => [t.slice(0, t.indexOf('    config:')), t.slice(t.indexOf('  - name: cors'))];
        expect(cut(once)).toEqual(cut(text));
        expect(once.includes('\r\n')).toBe(c.crlf);
        if (c.crlf) expect(once.replace(/\r\n/g, '')).not.toContain('\n');
        // No write method is cached any more.
        const rest = (await findingsOf('kong.yaml', dir)).filter((f) => f.ruleId === 'CL001' || f.ruleId === 'CL002');
        expect(rest).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
