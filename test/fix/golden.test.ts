// Golden tests for --fix: each bad example and fixture, fixed with --unsafe-fixes in a temp copy, equals its committed
// expected file byte for byte; its rescan has no fixable finding left; a second --fix changes nothing; and no line
// outside the edited nodes changes. UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findingsOf, run } from './helpers';
import { parseAllDocuments } from 'yaml';
import { scan } from '../../lib/engine';
import type { Finding, FixEdit } from '../../lib/findings';
import { planFixes } from '../../lib/fix';

const ROOT = join(__dirname, '..', '..');
const GOLDEN = join(__dirname, 'golden');

function badFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'cdk.out' ? [] : badFiles(join(dir, e.name))) : /\.bad\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Lines of the original that an edit may change: the lines of the node at each edit's path (nothing for inserts). */
function editableLines(text: string, edits: readonly FixEdit[]): Set<number> {
  const docs = parseAllDocuments(text);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const lines = new Set<number>();
  for (const e of edits) {
    const node = (Array.isArray(docs) ? docs[e.document] : undefined)?.getIn(e.path, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) continue;
    for (let l = lineOf(node.range[0]); l <= lineOf(Math.max(node.range[0], node.range[1] - 1)); l++) lines.add(l);
  }
  return lines;
}

/** Every edit --fix makes, pass by pass (a fix can uncover the next finding on the same setting). */
function editsOfAllPasses(dir: string, name: string): FixEdit[] {
  const copy = mkdtempSync(join(tmpdir(), 'cachelint-fix-passes-'));
  copyFileSync(join(dir, name), join(copy, name));
  const all: FixEdit[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const plan = planFixes(scan([name], { cwd: copy }), { unsafe: true, cwd: copy });
    const changes = plan.changes.filter((c) => c.after !== c.before);
    if (!changes.length) break;
    for (const c of changes) {
      all.push(...c.fixed.flatMap((f) => f.remediation.fix!.edits));
      writeFileSync(join(copy, c.file), c.after);
    }
  }
  return all;
}

const CASES = [...badFiles('examples'), ...badFiles('test/fixtures')].sort();

describe('--fix golden files', () => {
  test('there are bad examples to fix', () => {
    expect(CASES.length).toBeGreaterThan(10);
  });

  test.each(CASES)('%s', async (rel) => {
    const dir = mkdtempSync(join(tmpdir(), 'cachelint-fix-'));
    const name = basename(rel);
    copyFileSync(join(ROOT, rel), join(dir, name));
    const original = readFileSync(join(dir, name), 'utf8');
    const edits = editsOfAllPasses(dir, name);
    const before = await findingsOf(name, dir);
    const fixable = before.filter((f) => f.remediation.fix && !f.suppressed);

    await run(['--fix', '--unsafe-fixes', name], dir);
    const fixed = readFileSync(join(dir, name), 'utf8');
    const expectedFile = join(GOLDEN, rel.replace(/[\\/]/g, '__').replace(/\.bad\.(\w+)$/, '.fixed-expected.$1'));
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, fixed);
    // A missing golden is a failure, never written on the fly: a new bad example needs its expected file committed.
    if (!existsSync(expectedFile)) throw new Error(`no golden ${expectedFile}: run UPDATE_GOLDEN=1 npx jest test/fix/golden and review it`);
    expect(fixed).toBe(readFileSync(expectedFile, 'utf8'));
    expect(fixed !== original).toBe(fixable.length > 0);

    // The rescan reports none of the fixed findings and nothing fixable.
    const after = await findingsOf(name, dir);
    const key = (f: Finding) => `${f.ruleId} ${f.findingId}`;
    const remaining = new Set(after.map(key));
    for (const f of fixable) expect(remaining.has(key(f))).toBe(false);
    expect(after.filter((f) => f.remediation.fix && !f.suppressed)).toEqual([]);

    // Idempotent: a second --fix changes nothing.
    await run(['--fix', '--unsafe-fixes', name], dir);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(fixed);

    // Outside the edited nodes, every original line is still there, in order.
    if (!/\.json$/.test(name)) {
      const editable = editableLines(original, edits);
      const kept = original.split('\n').filter((_, i) => !editable.has(i + 1));
      const out = fixed.split('\n');
      let j = 0;
      for (const line of kept) {
        while (j < out.length && out[j] !== line) j++;
        expect(j).toBeLessThan(out.length);
        j++;
      }
    }
  });
});
