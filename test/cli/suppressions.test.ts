// Suppression comments and Metadata.cachelint.ignore, end to end through the CLI: a comment covers every finding
// located in the YAML node that starts on the next line (or about an endpoint declared there), and a directive that
// suppresses nothing, has no reason or names no rule is reported as a finding of its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

const ROOT = join(__dirname, '..', '..');
const KONG = readFileSync(join(ROOT, 'examples/kong/webhook-gateway.bad.yaml'), 'utf8');
const KIC = readFileSync(join(ROOT, 'examples/kong-ingress/webhook-gateway.bad.yaml'), 'utf8');
const CFN = readFileSync(join(ROOT, 'test/fixtures/cloudformation/suppressed.yaml'), 'utf8').replace(
  / {4}Metadata:\n {6}cachelint:\n {8}ignore:\n {10}- id: CL001\n {12}reason: .*\n/,
  '',
);

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  findingId: string;
  routes: string[];
  message: string;
  severity: string;
  suppressed?: { reason: string; source: string };
}

/** The text with `comment` inserted above the `nth` line that equals `line` (trailing spaces aside), indented like it. */
function above(text: string, line: string, comment: string, nth = 1): string {
  const lines = text.split('\n');
  let seen = 0;
  const i = lines.findIndex((l) => l.trimEnd() === line && ++seen === nth);
  if (i < 0) throw new Error(`no line ${JSON.stringify(line)} in the fixture`);
  lines.splice(i, 0, `${' '.repeat(line.length - line.trimStart().length)}${comment}`);
  return lines.join('\n');
}

const lineOf = (text: string, line: string) => text.split('\n').findIndex((l) => l.trimEnd() === line) + 1;

async function lint(files: Record<string, string>, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-suppress-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out = await runCli([...args, ...Object.keys(files).filter((n) => !n.startsWith('cachelint.config'))], dir);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function json(files: Record<string, string>) {
  const out = await lint(files, ['--format', 'json']);
  const findings = JSON.parse(out.stdout).findings as JsonFinding[];
  return {
    code: out.code,
    /** `ruleId@line` of every unsuppressed finding. */
    active: findings.filter((f) => !f.suppressed).map((f) => `${f.ruleId}@${f.line}`),
    suppressed: findings.filter((f) => f.suppressed),
    findings,
  };
}

describe('a cachelint-disable-next-line comment covers the node on the next line', () => {
  // The Kong example: one global proxy-cache caches POST for two webhook routes (one CL001 finding on the plugin, the
  // routes as data), nothing sets no-store on them (CL003 on each route), and it does not key the status route's
  // callers (CL004).
  const at = (line: string, text = KONG) => lineOf(text, line);
  const CL003 = (text = KONG) => [`CL003@${at('      - name: stripe-webhook', text)}`, `CL003@${at('      - name: github-webhook', text)}`];
  const CL004 = (text = KONG) => `CL004@${at('      request_method:', text)}`;

  test('the unsuppressed Kong example: CL001 on the plugin for both webhook routes, exit 1 (what the comments below silence)', async () => {
    const r = await json({ 'kong.yaml': KONG });
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.ruleId === 'CL001').map((f) => [f.line, f.routes])).toEqual([
      [at('      request_method:'), ['stripe-webhook', 'github-webhook']],
    ]);
    expect(r.suppressed).toEqual([]);
  });

  test("above a plugin list item (the README's example): the CL001 finding inside the plugin is suppressed, exit 0", async () => {
    // The comment exactly as the README shows it, above `- name: proxy-cache`.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /^ *(# cachelint-disable-next-line [^\n]+)\n *- name: proxy-cache$/m.exec(readme.slice(readme.indexOf('## Suppressions')));
    expect(shown?.[1]).toBe('# cachelint-disable-next-line CL001 -- idempotency keys are minted per event by our only sender');
    const text = above(KONG, '  - name: proxy-cache', shown![1]);
    const r = await json({ 'kong.yaml': text });
    expect(r.code).toBe(0);
    expect(r.active).toEqual([...CL003(text), CL004(text)]); // other rules: not named, not silenced
    expect(r.suppressed.map((f) => [f.ruleId, f.routes, f.suppressed])).toEqual([
      [
        'CL001',
        ['stripe-webhook', 'github-webhook'],
        { reason: 'idempotency keys are minted per event by our only sender', source: `comment at kong.yaml:${at('  - name: proxy-cache', text) - 1}` },
      ],
    ]);
  });

  test('above a config key of the plugin', async () => {
    const text = above(KONG, '    config:', '# cachelint-disable-next-line CL001, CL004 -- reviewed: replay store by design', 1);
    const r = await json({ 'kong.yaml': text });
    expect(r.code).toBe(0);
    expect(r.active).toEqual(CL003(text));
    expect(r.suppressed.map((f) => f.ruleId)).toEqual(['CL001', 'CL004']);
  });

  test('above a route: only the findings about that route (the plugin they point at is far below)', async () => {
    const text = above(KONG, '      - name: stripe-webhook', '# cachelint-disable-next-line CL001, CL003 -- Stripe events carry unique ids');
    const r = await json({ 'kong.yaml': text });
    expect(r.code).toBe(1);
    expect(r.suppressed.map((f) => [f.ruleId, f.routes])).toEqual([
      ['CL003', ['stripe-webhook']],
      ['CL001', ['stripe-webhook']],
    ]);
    expect(r.findings.filter((f) => !f.suppressed && /^CL00[13]$/.test(f.ruleId)).map((f) => [f.ruleId, f.routes])).toEqual([
      ['CL003', ['github-webhook']],
      ['CL001', ['github-webhook']],
    ]);
  });

  test('above a service: the findings about every route of the service', async () => {
    const text = above(KONG, '  - name: webhook-receiver', '# cachelint-disable-next-line CL001 -- receiver deduplicates by event id');
    const r = await json({ 'kong.yaml': text });
    expect(r.code).toBe(0);
    expect(r.suppressed.map((f) => [f.ruleId, f.routes])).toEqual([['CL001', ['stripe-webhook', 'github-webhook']]]);
    // The other service's route is not in the node: its CL004 stays (and CL003 is not named).
    expect(r.active).toEqual([...CL003(text), CL004(text)]);
  });

  test('on the line above the finding itself (the old placement) still works', async () => {
    const r = await json({ 'kong.yaml': above(KONG, '      request_method:', '# cachelint-disable-next-line CL001 -- reviewed') });
    expect(r.suppressed.map((f) => [f.ruleId, f.routes])).toEqual([['CL001', ['stripe-webhook', 'github-webhook']]]);
  });

  test('the comment covers the node only: a key after it, in the same service, is not covered', async () => {
    const text = above(KONG, '    url: http://webhook-receiver.internal:8080', '# cachelint-disable-next-line CL001 -- covers only the url line');
    const r = await json({ 'kong.yaml': text });
    expect(r.suppressed).toEqual([]);
    expect(r.active).toContain(`CL001@${at('      request_method:', text)}`);
    expect(r.active).toContain(`unused-suppression@${at('    url: http://webhook-receiver.internal:8080', text) - 1}`);
  });

  test('above a CloudFormation resource: the Stage that holds the method setting, or the Method the endpoint is', async () => {
    const bare = await json({ 'template.yaml': CFN });
    expect({ code: bare.code, active: bare.active.filter((a) => a.startsWith('CL001')) }).toEqual({
      code: 1,
      active: [`CL001@${lineOf(CFN, '        - ResourcePath: /~1orders')}`],
    });
    for (const resource of ['  Stage:', '  MOrderspost:']) {
      const r = await json({ 'template.yaml': above(CFN, resource, '# cachelint-disable-next-line CL001 -- idempotency key minted per event') });
      const cl001 = r.findings.filter((f) => f.ruleId === 'CL001').map((f) => !!f.suppressed);
      expect({ resource, code: r.code, cl001, directives: r.findings.filter((f) => /suppression/.test(f.ruleId)) }).toEqual({
        resource,
        code: 0,
        cl001: [true],
        directives: [],
      });
    }
  });

  test('above a Kong Ingress manifest: the first document (its first line), or a later one (its ---)', async () => {
    const plugin = await json({ 'manifests.yaml': above(KIC, 'apiVersion: configuration.konghq.com/v1', '# cachelint-disable-next-line CL001 -- reviewed') });
    expect(plugin.suppressed.map((f) => [f.ruleId, f.routes.length])).toEqual([['CL001', 2]]);
    expect(plugin.active.filter((a) => a.startsWith('CL001'))).toEqual([]);

    // The Ingress declares the routes: a comment above its `---` covers findings about them, wherever they point.
    const docs = KIC.split('\n---\n');
    const ingressText = `${docs.slice(0, 3).join('\n---\n')}\n# cachelint-disable-next-line CL001, CL009 -- routes reviewed\n---\n${docs[3]}`;
    const ingress = await json({ 'manifests.yaml': ingressText });
    expect(ingress.code).toBe(0);
    expect(ingress.suppressed.map((f) => [f.ruleId, f.routes.length])).toEqual([
      ['CL001', 2],
      ['CL009', 2],
    ]);
    expect(ingress.active.every((a) => a.startsWith('CL003'))).toBe(true); // not named

    // Above the KongService document's `---`: no finding is there, so the comment is reported unused.
    const service = KIC.replace('---\napiVersion: v1\nkind: Service', '# cachelint-disable-next-line CL001 -- wrong place\n---\napiVersion: v1\nkind: Service');
    const r = await json({ 'manifests.yaml': service });
    expect(r.suppressed).toEqual([]);
    expect(r.active).toContain(`unused-suppression@${lineOf(service, '# cachelint-disable-next-line CL001 -- wrong place')}`);
  });
});

describe('directives that do not do what they say are reported', () => {
  test('a comment that suppresses nothing: unused-suppression with its line, a warning (exit unchanged)', async () => {
    const text = above(KONG, '  - name: rate-limiting', '# cachelint-disable-next-line CL001 -- meant for the cache');
    const r = await json({ 'kong.yaml': text });
    const unused = r.findings.filter((f) => f.ruleId === 'unused-suppression');
    expect(unused).toEqual([
      expect.objectContaining({
        line: lineOf(text, '  - name: rate-limiting') - 1,
        column: 3,
        severity: 'warning',
        findingId: 'cachelint-disable-next-line CL001',
      }),
    ]);
    expect(unused[0].message).toMatch(/suppresses nothing: no CL001 finding is located in lines \d+-\d+/);
    expect(r.active.filter((a) => a.startsWith('CL001'))).toHaveLength(1);
  });

  test('a comment with several rule ids: the ids it did not use are named', async () => {
    const r = await json({ 'kong.yaml': above(KONG, '  - name: proxy-cache', '# cachelint-disable-next-line CL001, CL009 -- reviewed') });
    const unused = r.findings.filter((f) => f.ruleId === 'unused-suppression');
    expect(unused).toHaveLength(1);
    expect(unused[0].message).toMatch(/suppresses nothing for CL009: no CL009 finding/);
    expect(r.suppressed.map((f) => f.ruleId)).toEqual(['CL001']);
  });

  test('a comment without a reason suppresses nothing and is reported, with what it would have covered', async () => {
    const text = above(KONG, '  - name: proxy-cache', '# cachelint-disable-next-line CL001');
    const r = await json({ 'kong.yaml': text });
    expect(r.code).toBe(1);
    expect(r.suppressed).toEqual([]);
    const invalid = r.findings.filter((f) => f.ruleId === 'invalid-suppression');
    expect(invalid).toEqual([expect.objectContaining({ line: lineOf(text, '  - name: proxy-cache') - 1, severity: 'warning' })]);
    expect(invalid[0].message).toBe(
      `cachelint-disable-next-line has no "-- reason", so it suppresses nothing (it covers CL001 findings in lines ${lineOf(text, '  - name: proxy-cache')}-${lineOf(text, '      cache_control: false')}).`,
    );
    // " -- " with nothing after it is no reason either.
    const empty = await json({ 'kong.yaml': above(KONG, '  - name: proxy-cache', '# cachelint-disable-next-line CL001 --   ') });
    expect(empty.findings.filter((f) => f.ruleId === 'invalid-suppression')).toHaveLength(1);
    expect(empty.suppressed).toEqual([]);
  });

  test('an unknown rule id is reported; the known ids of the same comment still work', async () => {
    const r = await json({ 'kong.yaml': above(KONG, '  - name: proxy-cache', '# cachelint-disable-next-line CL001, CL01 -- reviewed') });
    const invalid = r.findings.filter((f) => f.ruleId === 'invalid-suppression');
    expect(invalid.map((f) => f.message)).toEqual(['cachelint-disable-next-line names no cachelint rule: CL01.']);
    expect(r.suppressed.map((f) => f.ruleId)).toEqual(['CL001']);
    expect(r.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });

  test('a comment for a rule that is turned off is not called unused (the rule did not run)', async () => {
    const r = await json({
      'kong.yaml': above(KONG, '  - name: rate-limiting', '# cachelint-disable-next-line CL009 -- not for us'),
      'cachelint.config.yaml': 'rules:\n  CL009: off\n',
    });
    expect(r.findings.filter((f) => /suppression/.test(f.ruleId))).toEqual([]);
  });

  test('the config sets their severity or turns them off, like any rule', async () => {
    const text = above(KONG, '  - name: rate-limiting', '# cachelint-disable-next-line CL001 -- meant for the cache');
    const off = await json({ 'kong.yaml': text, 'cachelint.config.yaml': 'rules:\n  unused-suppression: off\n  CL001: warning\n' });
    expect(off.findings.filter((f) => /suppression/.test(f.ruleId))).toEqual([]);
    expect(off.code).toBe(0);
    const error = await json({
      'kong.yaml': above(KONG, '  - name: proxy-cache', '# cachelint-disable-next-line CL001'),
      'cachelint.config.yaml': 'rules:\n  invalid-suppression: error\n  CL001: warning\n',
    });
    expect(error.findings.filter((f) => /suppression/.test(f.ruleId)).map((f) => [f.ruleId, f.severity])).toEqual([['invalid-suppression', 'error']]);
    expect(error.code).toBe(1);
  });

  test('Metadata.cachelint.ignore: unused, reasonless, unknown and id-less entries are reported at the entry', async () => {
    const meta = (entries: string) =>
      CFN.replace(
        '  Stage:\n    Type: AWS::ApiGateway::Stage\n',
        `  Stage:\n    Type: AWS::ApiGateway::Stage\n    Metadata:\n      cachelint:\n        ignore:\n${entries}`,
      );
    const text = meta(
      '          - id: CL001\n          - id: CL005\n            reason: not cached by default here\n          - id: CL05\n            reason: typo\n          - reason: no id\n',
    );
    const r = await json({ 'template.yaml': text });
    const lines = text.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(r.suppressed).toEqual([]);
    expect(r.findings.filter((f) => /suppression/.test(f.ruleId)).map((f) => [f.ruleId, f.line, f.message])).toEqual([
      [
        'invalid-suppression',
        at('- id: CL001'),
        'Metadata.cachelint.ignore on Stage has no reason for CL001, so it suppresses nothing (it covers CL001 findings of Stage).',
      ],
      [
        'unused-suppression',
        at('- id: CL005'),
        'Metadata.cachelint.ignore on Stage for CL005 suppresses nothing: no CL005 finding is on Stage or on an endpoint it declares.',
      ],
      ['invalid-suppression', at('- id: CL05'), 'Metadata.cachelint.ignore on Stage names CL05, which is not a cachelint rule.'],
      ['invalid-suppression', at('- reason: no id'), 'Metadata.cachelint.ignore on Stage has an entry without an "id".'],
    ]);
    // The entry with a reason that covers the finding is used: nothing reported.
    const used = await json({ 'template.yaml': meta('          - id: CL001\n            reason: reviewed\n') });
    expect(used.findings.filter((f) => f.ruleId === 'CL001' || /suppression/.test(f.ruleId)).map((f) => [f.ruleId, !!f.suppressed])).toEqual([['CL001', true]]);
  });
});

describe('directive findings in every format', () => {
  const text = above(KONG, '  - name: rate-limiting', '# cachelint-disable-next-line CL001 -- meant for the cache');
  const line = lineOf(text, '  - name: rate-limiting') - 1;

  test('stylish: location, id once, message and the comment underlined', async () => {
    const out = (await lint({ 'kong.yaml': text })).stdout;
    const i = out.indexOf(`kong.yaml:${line}:3: warning unused-suppression [cachelint-disable-next-line CL001]`);
    expect(i).toBeGreaterThan(-1);
    const block = out.slice(i).split('\n').slice(0, 7);
    expect(block[1]).toMatch(/^ {2}This cachelint-disable-next-line comment suppresses nothing/);
    expect(block).toContain(`  ${line} |   # cachelint-disable-next-line CL001 -- meant for the cache`);
    expect(block).toContain(`     |   ${'^'.repeat('# cachelint-disable-next-line CL001 -- meant for the cache'.length)}`);
    expect(block.some((l) => l.startsWith('  help: Remove the comment'))).toBe(true);
    expect(block.some((l) => /docs: .*README\.md#suppressions-and-configuration$/.test(l))).toBe(true);
  });

  test('sarif: both checks are in the rule list, the result points at the comment', async () => {
    const sarif = JSON.parse((await lint({ 'kong.yaml': text }, ['--format', 'sarif'])).stdout);
    const run = sarif.runs[0];
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    for (const id of ['unused-suppression', 'invalid-suppression'])
      expect(rules.find((r) => r.id === id)).toMatchObject({ helpUri: expect.stringMatching(/README\.md#suppressions/) });
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'unused-suppression');
    expect(rules[result.ruleIndex].id).toBe('unused-suppression');
    expect(result).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { region: { startLine: line, startColumn: 3 } } }] });
  });

  test('junit and github: named once, as a warning', async () => {
    const junit = (await lint({ 'kong.yaml': text }, ['--format', 'junit'])).stdout;
    expect(junit).toContain(`<testcase name="unused-suppression [cachelint-disable-next-line CL001] (kong.yaml:${line}:3)" classname="unused-suppression"`);
    const github = (await lint({ 'kong.yaml': text }, ['--format', 'github'])).stdout;
    expect(github).toMatch(
      new RegExp(
        `^::warning file=kong\\.yaml,line=${line},col=3,endLine=${line},endColumn=\\d+,title=unused-suppression::This cachelint-disable-next-line comment`,
        'm',
      ),
    );
  });
});
