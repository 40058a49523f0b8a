// The runnable examples of a rule page: each YAML block under "Example" and "Use instead", fragments spliced into the
// bad example they change, scanned under the file name the page's "Example output" block uses for their platform.
// Shared by the docs test (bad flags the rule, fixes do not) and the golden test (each case's exact stylish output).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import { reporterFor } from '../../lib/report';
import type { ScanResult } from '../../lib/findings';
import { fences, parsePage, subsections } from './markdown';

/** Example subsection → the file name the page's output block uses for it. */
export const FILE_FOR_SUBSECTION: Record<string, string> = {
  'Kong (decK / kong.yml)': 'kong.yaml',
  'Kong Ingress Controller': 'manifests.yaml',
  'CloudFormation / SAM': 'template.yaml',
};

export interface Example {
  section: 'Example' | 'Use instead';
  subsection: string;
  yaml: string;
}

export function examplesOf(text: string): { examples: Example[]; outputBlock?: string } {
  const page = parsePage(text);
  const examples: Example[] = [];
  for (const section of ['Example', 'Use instead'] as const)
    for (const [subsection, body] of subsections(page.sections.get(section) ?? []))
      for (const f of fences(body)) if (f.lang === 'yaml') examples.push({ section, subsection, yaml: f.text + '\n' });
  const output = fences(page.sections.get('Example output') ?? []).find((f) => f.lang === 'text');
  return { examples, outputBlock: output && output.text + '\n' };
}

export function scanText(fileName: string, yaml: string): { result: ScanResult; stylish: string } {
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
    while (
      end < lines.length &&
      (!lines[end].trim() || indentOf(lines[end]) > block.indent || (lines[end].trimStart().startsWith('- ') && indentOf(lines[end]) === block.indent))
    )
      end++;
    lines.splice(start, end - start, ...block.lines);
  }
  return lines.join('\n') + '\n';
}

export const isFragment = (yaml: string) => /^\s/.test(yaml);

/**
 * The documents to scan: full examples as they are; a fragment spliced into the bad example of its subsection that has
 * its first key. A fragment whose key no bad example has (a new policy the fix references) joins the fix before it.
 */
export function casesOf(examples: Example[]): Example[] {
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

/** A page's runnable examples: full bad examples and every fix, for the platforms the scanner reads from a file. */
export const runnableOf = (examples: Example[]) =>
  examples.filter((e) => FILE_FOR_SUBSECTION[e.subsection] && !(e.section === 'Example' && isFragment(e.yaml)));
