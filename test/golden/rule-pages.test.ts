// Golden outputs for the rule pages' examples: every runnable case of a page (each bad example, each "Use instead" fix
// as scanned after splicing) has its exact stylish output committed in test/golden/rules/<rule id>/<section>-<platform>.out
// (`-2`, `-3` for a second case of the same kind) and compared byte for byte, so a change in what cachelint prints for
// a documented example is a reviewed diff. The page's "Example output" block is not a second copy: it is generated from
// the golden of the example it names, keeping only this rule's findings (rule-docs.test.ts wants the page to show its
// own rule; the summary line stays the scan's), and must equal that excerpt exactly.
// Regenerate deliberately (goldens and blocks): UPDATE_GOLDEN=1 npx jest test/golden
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIC_RULES } from '../../rules';
import { fences } from '../helpers/markdown';
import { casesOf, examplesOf, FILE_FOR_SUBSECTION, runnableOf, scanText, type Example } from '../helpers/rule-examples';
import { golden, readGolden, UPDATE } from './update';

const ROOT = join(__dirname, '..', '..');
const PLATFORM_SLUG: Record<string, string> = { 'kong.yaml': 'kong', 'manifests.yaml': 'kong-ingress', 'template.yaml': 'cloudformation' };

/** `example-kong`, `use-instead-cloudformation-2`: the page's section and platform, numbered within that pair. */
function slugs(cases: Example[]): string[] {
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const base = `${c.section === 'Example' ? 'example' : 'use-instead'}-${PLATFORM_SLUG[FILE_FOR_SUBSECTION[c.subsection]]}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * What the page shows of a stylish report: the file name, this rule's findings (each from its location line to the
 * next), the summary line. Findings of other rules on the same example are left out (pages say so in prose).
 */
function excerpt(stylish: string, id: string): string {
  const lines = stylish.replace(/^\n/, '').split('\n');
  const isHead = (l: string) => /^\S+:\d+:\d+: (?:error|warning|info) /.test(l);
  const out: string[] = [];
  let keep = true;
  for (const l of lines) {
    if (isHead(l)) keep = l.includes(` ${id} `);
    else if (l === '') keep = true;
    if (keep) out.push(l);
  }
  return out.join('\n');
}

/** The page with its "Example output" text block replaced by `text` (under UPDATE_GOLDEN only). */
function withOutputBlock(page: string, text: string): string {
  const lines = page.split('\n');
  const heading = lines.indexOf('## Example output');
  const fence = fences(lines.slice(heading)).find((f) => f.lang === 'text')!;
  const open = heading + fence.line - 1;
  const close = open + fence.text.split('\n').length + 1;
  return [...lines.slice(0, open + 1), text, ...lines.slice(close)].join('\n');
}

describe.each(STATIC_RULES.map((r) => [r.id, r] as const))('%s page examples print their golden output', (id, rule) => {
  const pageFile = join(ROOT, rule.docs);
  const page = readFileSync(pageFile, 'utf8');
  const { examples, outputBlock } = examplesOf(page);
  const runnable = runnableOf(examples);
  const cases = casesOf(runnable);
  const names = slugs(cases);
  const dir = join(__dirname, 'rules', id);
  // The page shows the output of its first bad example for the platform whose file name opens the block.
  const shownFile = outputBlock?.split('\n')[0].trim();
  const shown = runnable.find((e) => e.section === 'Example' && FILE_FOR_SUBSECTION[e.subsection] === shownFile);
  const shownName = names[cases.indexOf(shown!)];

  test('"Example output" names a bad example of the page and shows this rule', () => {
    expect(outputBlock).toBeDefined();
    expect(shown).toBeDefined();
    expect(cases).toContain(shown);
    expect(outputBlock!.split('\n').some((l) => l.startsWith(`${shownFile}:`) && l.includes(` ${id} `))).toBe(true);
  });

  test.each(cases.map((c, i) => [names[i], c] as const))('%s.out', (name, example) => {
    if (UPDATE) mkdirSync(dir, { recursive: true });
    const { stylish } = scanText(FILE_FOR_SUBSECTION[example.subsection], example.yaml);
    expect(stylish).toBe(golden(join(dir, `${name}.out`), stylish));
  });

  test('golden files: one per case, none left over', () => {
    if (UPDATE) {
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(dir)) if (!names.includes(f.replace(/\.out$/, ''))) rmSync(join(dir, f));
    }
    const present = (() => {
      try {
        return readdirSync(dir).sort();
      } catch {
        return [];
      }
    })();
    expect(present).toEqual(names.map((n) => `${n}.out`).sort());
  });

  test('"Example output" is, byte for byte, this rule\'s findings in the golden output of that example', () => {
    // Ordered after the golden files are written (jest runs a file's tests in order), so one UPDATE run does both.
    const full = readGolden(join(dir, `${shownName}.out`));
    expect(full).toBeDefined();
    const text = excerpt(full!, id);
    if (UPDATE && text !== outputBlock) writeFileSync(pageFile, withOutputBlock(page, text.replace(/\n$/, '')));
    expect(UPDATE ? text : outputBlock).toBe(text);
  });
});
