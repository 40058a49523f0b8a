// The rule pages in docs/rules/ are part of the rule: every finding links to one. These tests keep the pages and the
// code in step — page exists at `rule.docs`, title carries id and name, stated default severity is the code's — and
// keep the pages usable: fixed headings (Ruff style), one bad/good example per platform, YAML that parses, an
// example output in the stylish format, suppressions that carry a reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_RULES } from '../../rules';
import type { Rule } from '../../lib/findings';
import { docsUrl } from '../../lib/meta';
import { parseYaml } from '../../lib/parse/yaml';
import { findSuppressions } from '../../lib/parse/suppressions';
import { fences, parsePage, subsections, type Page } from '../helpers/markdown';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');

const REQUIRED_SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Example output', 'How to suppress', 'References'];
const OPTIONAL_SECTIONS = ['Coexistence'];

/** Platform names allowed on the "Platforms:" line → the example subsections each one requires. */
const PLATFORM_SUBSECTIONS: Record<string, string[]> = {
  Kong: ['Kong (decK / kong.yml)'],
  'Kong Ingress': ['Kong Ingress Controller'],
  'API Gateway (CloudFormation/SAM/CDK)': ['CloudFormation / SAM', 'CDK (TypeScript)'],
  'CloudFront (CloudFormation/CDK)': ['CloudFormation / SAM', 'CDK (TypeScript)'],
};
const SUBSECTION_ORDER = ['Kong (decK / kong.yml)', 'Kong Ingress Controller', 'CloudFormation / SAM', 'CDK (TypeScript)'];

/** Rules whose pages another helper writes; the catalogue lists them. */
const PROBE_RULES = [
  { id: 'CL101', name: 'ghost-200-observed', severity: 'error' },
  { id: 'CL102', name: 'missing-no-store-observed', severity: 'warning' },
  { id: 'CL103', name: 'cache-headers-on-write', severity: 'warning' },
];

function readPage(rule: Pick<Rule, 'docs'>): Page {
  return parsePage(readFileSync(join(ROOT, rule.docs), 'utf8'));
}

/** `Default severity: error · Platforms: Kong, Kong Ingress` → its parts. */
function headerLine(page: Page): { severity: string; severityText: string; platforms: string[] } {
  const line = page.lines.find((l) => l.startsWith('Default severity:'));
  if (!line) throw new Error('no "Default severity:" line');
  const m = /^Default severity: ((error|warning|info)\b[^·]*?) · Platforms: (.+)$/.exec(line);
  if (!m) throw new Error(`malformed header line: ${line}`);
  // Platform names contain commas inside parentheses: split on commas outside them.
  const platforms = m[3].split(/,\s*(?![^()]*\))/).map((p) => p.trim());
  return { severity: m[2], severityText: m[1], platforms };
}

function expectedSubsections(platforms: string[]): string[] {
  const wanted = new Set(platforms.flatMap((p) => PLATFORM_SUBSECTIONS[p] ?? []));
  return SUBSECTION_ORDER.filter((s) => wanted.has(s));
}

describe.each(STATIC_RULES.map((r) => [r.id, r] as const))('docs page of %s', (_id, rule) => {
  test("exists at the rule's docs path, docs/rules/<id>.md", () => {
    expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
    expect(existsSync(join(ROOT, rule.docs))).toBe(true);
  });

  test('title line carries the id and the name from the code', () => {
    expect(readPage(rule).lines[0]).toBe(`# ${rule.id} ${rule.name}`);
  });

  test('states the default severity of the code and known platforms only', () => {
    const header = headerLine(readPage(rule));
    expect(header.severity).toBe(rule.severity);
    expect(header.platforms.length).toBeGreaterThan(0);
    for (const p of header.platforms) expect(Object.keys(PLATFORM_SUBSECTIONS)).toContain(p);
  });

  test('has the required sections, in order', () => {
    const { h2 } = readPage(rule);
    expect(h2.filter((t) => !OPTIONAL_SECTIONS.includes(t))).toEqual(REQUIRED_SECTIONS);
    for (const t of h2) expect([...REQUIRED_SECTIONS, ...OPTIONAL_SECTIONS]).toContain(t);
  });

  test('Example and Use instead have a subsection with code per platform on the header line', () => {
    const page = readPage(rule);
    const expected = expectedSubsections(headerLine(page).platforms);
    for (const section of ['Example', 'Use instead']) {
      const subs = subsections(page.sections.get(section)!);
      expect([...subs.keys()]).toEqual(expected);
      for (const [title, body] of subs) {
        const code = fences(body);
        expect({ section, title, hasCode: code.length > 0 }).toEqual({ section, title, hasCode: true });
        const langs = code.map((c) => c.lang);
        if (title === 'CDK (TypeScript)') expect(langs).toContain('ts');
        else expect(langs).toContain('yaml');
      }
    }
  });

  test('every YAML block parses (CloudFormation tags allowed where the block is a template)', () => {
    const page = readPage(rule);
    for (const block of fences(page.lines).filter((f) => f.lang === 'yaml')) {
      const tags = /AWS::|!Ref\b|!GetAtt\b|!Sub\b/.test(block.text) ? 'cloudformation' : 'plain';
      let error: string | undefined;
      try {
        parseYaml(block.text, { tags });
      } catch (e) {
        error = (e as Error).message;
      }
      expect({ blockAtLine: block.line, error }).toEqual({ blockAtLine: block.line, error: undefined });
    }
  });

  test('Example output follows the stylish format: location, severity, id, name, finding id, help, docs link', () => {
    const page = readPage(rule);
    const out = fences(page.sections.get('Example output')!).find((f) => f.lang === 'text');
    expect(out).toBeDefined();
    const lines = out!.text.split('\n');
    const heads = lines.map((l, i) => ({ i, m: /^(\S+):(\d+):(\d+): (error|warning|info) (CL\d{3}) (\S+) \[([^\]]+)\]$/.exec(l) })).filter((h) => h.m);
    expect(heads.length).toBeGreaterThan(0);
    const header = headerLine(page);
    for (const { i, m } of heads) {
      const [, , , , severity, id, name] = m!;
      expect(`${id} ${name}`).toBe(`${rule.id} ${rule.name}`);
      // The default, or a special case the header line names ("info (warning for `ANY` methods)").
      expect(severity === rule.severity || header.severityText.includes(severity)).toBe(true);
      expect(lines[i + 1]).toMatch(/^ {2}\S/); // the message
      const rest = lines.slice(i + 1);
      const end = rest.findIndex((l) => /^\S+:\d+:\d+: /.test(l));
      const block = end === -1 ? rest : rest.slice(0, end);
      expect(block.some((l) => l.startsWith('  help: '))).toBe(true);
      expect(block).toContain(`  docs: ${docsUrl(rule)}`);
    }
    expect(lines[lines.length - 1]).toMatch(/^[✖✔] \d+ finding\(s\) \(\d+ error\(s\), \d+ warning\(s\), \d+ info\)/);
  });

  test('How to suppress: comments name this rule and carry a reason; CDK ids and config are shown', () => {
    const page = readPage(rule);
    const body = page.sections.get('How to suppress')!.join('\n');
    const comments = findSuppressions(body);
    const subs = expectedSubsections(headerLine(page).platforms);
    expect(comments.length).toBeGreaterThan(0); // every platform has YAML
    for (const c of comments) {
      expect(c.ruleIds).toEqual([rule.id]);
      expect(c.reason).toBeTruthy();
    }
    if (subs.includes('CloudFormation / SAM')) expect(body).toMatch(new RegExp(`- id: ${rule.id}\\n\\s+reason: \\S`));
    if (subs.includes('CDK (TypeScript)')) {
      expect(body).toContain(`'CacheLint::${rule.id}[`);
      expect(body).toContain(`'CacheLint::${rule.id}'`);
    }
    expect(body).toMatch(new RegExp(`^\\s+${rule.id}: off$`, 'm'));
  });

  test('relative links to other rule pages resolve', () => {
    const text = readPage(rule).lines.join('\n');
    for (const [, target] of text.matchAll(/\]\((CL\d{3}\.md)\)/g)) {
      if (PROBE_RULES.some((p) => `${p.id}.md` === target)) continue; // written by the probe's author
      expect({ target, exists: existsSync(join(DOCS, target)) }).toEqual({ target, exists: true });
    }
  });
});

describe('docs/rules/README.md catalogue', () => {
  const readme = () => readFileSync(join(DOCS, 'README.md'), 'utf8');
  const rows = () =>
    readme()
      .split('\n')
      .filter((l) => /^\| \[?`?CL\d{3}/.test(l))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );

  test('lists every static rule once with its name, default severity, summary from the code and page link', () => {
    const byId = new Map(rows().map((r) => [/CL\d{3}/.exec(r[0])![0], r]));
    for (const rule of STATIC_RULES) {
      const row = byId.get(rule.id);
      expect(row).toBeDefined();
      expect(row![0]).toContain(`(${rule.id}.md)`);
      expect(row![1]).toBe(`\`${rule.name}\``);
      expect(row![2].split(/\s/)[0]).toBe(rule.severity);
      expect(row![2]).toBe(headerLine(readPage(rule)).severityText);
      expect(row![4]).toBe(rule.summary);
    }
    expect(rows().filter((r) => STATIC_RULES.some((s) => r[0].includes(`[${s.id}]`)))).toHaveLength(STATIC_RULES.length);
  });

  test("platforms in the catalogue match each page's header line", () => {
    const byId = new Map(rows().map((r) => [/CL\d{3}/.exec(r[0])![0], r]));
    for (const rule of STATIC_RULES) {
      expect({ id: rule.id, platforms: byId.get(rule.id)![3] }).toEqual({ id: rule.id, platforms: headerLine(readPage(rule)).platforms.join(', ') });
    }
  });

  test('lists the probe rules CL101–CL103 as live findings from `cachelint probe`, linked', () => {
    const text = readme();
    expect(text).toContain('live findings from `cachelint probe`');
    const byId = new Map(rows().map((r) => [/CL\d{3}/.exec(r[0])![0], r]));
    for (const p of PROBE_RULES) {
      const row = byId.get(p.id);
      expect(row).toBeDefined();
      expect(row![0]).toContain(`(${p.id}.md)`);
      expect(row![1]).toBe(`\`${p.name}\``);
      expect(row![2]).toBe(p.severity);
    }
  });
});

describe('the checks above catch drift (self-test on synthetic pages)', () => {
  test('header line parsing: severity, special-case text, platforms with commas in parentheses', () => {
    const page = {
      lines: ['# CL007 x', '', 'Default severity: info (warning for `ANY` methods) · Platforms: Kong, API Gateway (CloudFormation/SAM/CDK)'],
      sections: new Map(),
      h2: [],
    };
    expect(headerLine(page)).toEqual({
      severity: 'info',
      severityText: 'info (warning for `ANY` methods)',
      platforms: ['Kong', 'API Gateway (CloudFormation/SAM/CDK)'],
    });
    expect(() => headerLine({ ...page, lines: ['Default severity: fatal · Platforms: Kong'] })).toThrow(/malformed/);
  });
  test('headings inside code fences are not sections', () => {
    const lines = ['## Example', '```yaml', '## not a heading', '```', '### Kong (decK / kong.yml)'];
    const subs = subsections(lines);
    expect([...subs.keys()]).toEqual(['Kong (decK / kong.yml)']);
  });
});
