// The examples on the rule pages are what users copy: run them through the real scanner. Each bad example must
// produce the page's rule, each "Use instead" example must not, and the "Example output" block must be what
// cachelint prints for it (location, header and message lines), so the pages cannot drift from the code.
// A "Use instead" block may be a fragment (indented, showing only what changes): it is spliced into the bad example
// that has the same key at the same indentation, and the result is scanned.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATIC_RULES } from '../../rules';
import { scan } from '../../lib/engine';
import { reporterFor } from '../../lib/report';
import type { ScanResult } from '../../lib/findings';
import { examplesOf, FILE_FOR_SUBSECTION, isFragment, runnableExamples, type Example } from '../helpers/rule-examples';

const ROOT = join(__dirname, '..', '..');

function scanText(fileName: string, yaml: string): { result: ScanResult; stylish: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-docs-'));
  try {
    writeFileSync(join(dir, fileName), yaml);
    const result = scan([fileName], { cwd: dir });
    const stylish = reporterFor('stylish')(result, { color: false, quiet: false, verbose: false, cwd: dir });
    return { result, stylish };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const keyOf = (line: string) => /^\s*(?:- )?([^\s:#][^:#]*):/.exec(line)?.[1];

/** Top-level blocks of a fragment: each starts at the fragment's smallest indentation. */
function fragmentBlocks(fragment: string): { indent: number; key: string; lines: string[] }[] {
  const lines = fragment.replace(/\n$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map(indentOf));
  const blocks: { indent: number; key: string; lines: string[] }[] = [];
  for (const line of lines) {
    if (line.trim() && indentOf(line) === indent) blocks.push({ indent, key: keyOf(line) ?? line.trim(), lines: [] });
    blocks[blocks.length - 1]?.lines.push(line);
  }
  return blocks;
}

/** Lines of `doc` where `key:` starts a block at `indent`. */
function blockStarts(doc: string[], indent: number, key: string): number[] {
  return doc.flatMap((l, i) => (indentOf(l) === indent && keyOf(l) === key && !l.trimStart().startsWith('- ') ? [i] : []));
}

/** Replace the block with the same key and indentation, or append a new one (a new resource) at the end. */
function splice(doc: string, fragment: string): string {
  const lines = doc.replace(/\n$/, '').split('\n');
  for (const block of fragmentBlocks(fragment)) {
    const starts = blockStarts(lines, block.indent, block.key);
    if (starts.length > 1) throw new Error(`fragment key ${block.key} matches ${starts.length} blocks of the bad example`);
    if (starts.length === 0) {
      lines.push(...block.lines);
      continue;
    }
    const start = starts[0];
    let end = start + 1;
    while (end < lines.length && (!lines[end].trim() || indentOf(lines[end]) > block.indent || lines[end].trimStart().startsWith('- ') && indentOf(lines[end]) === block.indent)) end++;
    lines.splice(start, end - start, ...block.lines);
  }
  return lines.join('\n') + '\n';
}

/**
 * The documents to scan: full examples as they are; a fragment spliced into the bad example of its subsection that has
 * its first key. A fragment whose key no bad example has (a new policy the fix references) joins the fix before it.
 */
function casesOf(examples: Example[]): Example[] {
  const cases: Example[] = [];
  let current: Example | undefined;
  for (const e of examples) {
    if (!isFragment(e.yaml)) {
      cases.push(e);
      current = undefined;
      continue;
    }
    const first = fragmentBlocks(e.yaml)[0];
    const bases = examples.filter((b) => b.section === 'Example' && b.subsection === e.subsection && !isFragment(b.yaml));
    const base = bases.find((b) => blockStarts(b.yaml.split('\n'), first.indent, first.key).length > 0);
    if (!base && current && current.subsection === e.subsection) {
      current.yaml = splice(current.yaml, e.yaml);
      continue;
    }
    const fixed: Example = { ...e, yaml: splice((base ?? bases[bases.length - 1])?.yaml ?? '', e.yaml) };
    cases.push(fixed);
    current = fixed;
  }
  return cases;
}

describe.each(STATIC_RULES.map((r) => [r.id, r] as const))('%s page examples run as documented', (id, rule) => {
  const page = readFileSync(join(ROOT, rule.docs), 'utf8');
  const { examples, outputBlock } = examplesOf(page);
  const runnable = runnableExamples(examples);

  test('has runnable bad and good examples', () => {
    expect(runnable.some((e) => e.section === 'Example')).toBe(true);
    expect(runnable.some((e) => e.section === 'Use instead')).toBe(true);
  });

  test.each(casesOf(runnable).map((c, i) => [`${c.section}: ${c.subsection} #${i + 1}`, c] as const))('%s', (_name, example) => {
    const { result } = scanText(FILE_FOR_SUBSECTION[example.subsection], example.yaml);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => f.status)).toEqual(['scanned']);
    const ruleIds = result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    if (example.section === 'Example') expect(ruleIds).toContain(id);
    else expect(ruleIds).not.toContain(id);
  });

  test('"Example output" is what cachelint prints for the bad example it names', () => {
    expect(outputBlock).toBeDefined();
    const fileName = outputBlock!.split('\n')[0].trim();
    const subsection = Object.keys(FILE_FOR_SUBSECTION).find((s) => FILE_FOR_SUBSECTION[s] === fileName);
    const bad = runnable.find((e) => e.section === 'Example' && e.subsection === subsection);
    expect(bad).toBeDefined();
    const { stylish } = scanText(fileName, bad!.yaml);
    // Location + header line, and the message line after it, must appear verbatim in the real output.
    const lines = outputBlock!.split('\n');
    const header = lines.findIndex((l) => l.startsWith(`${fileName}:`) && l.includes(` ${id} `));
    expect(header).toBeGreaterThan(0);
    expect(stylish.split('\n')).toContain(lines[header]);
    expect(stylish.split('\n')).toContain(lines[header + 1]);
  });
});
