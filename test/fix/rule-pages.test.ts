// Golden tests for --fix on the rule pages' bad examples (what users copy): each one, written to a temp file, fixed
// with the fixes its findings declare (safe, then --unsafe-fixes where a fix is unsafe), equals its committed
// expected file byte for byte; the rescan no longer reports the fixed findings and nothing new; a second --fix changes
// nothing. A rule without an automatic fix leaves its example byte-identical and its finding carries no fix.
// UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { findingsOf, run } from './helpers';
import { STATIC_RULES } from '../../rules';
import type { Finding } from '../../lib/findings';
import { examplesOf, FILE_FOR_SUBSECTION, runnableOf as runnableExamples } from '../helpers/rule-examples';

const ROOT = join(__dirname, '..', '..');
const GOLDEN = join(__dirname, 'golden', 'rule-pages');

/** Rules whose fix needs a person (CL006: a value only the deploy knows): the finding carries no machine fix. */
const NO_FIX = new Set(['CL003', 'CL004', 'CL006', 'CL008', 'CL009']);

const key = (f: Finding) => `${f.ruleId} ${f.findingId}`;
const fixable = (fs: Finding[]) => fs.filter((f) => f.remediation.fix && !f.suppressed);

const CASES = STATIC_RULES.flatMap((rule) => {
  const bad = runnableExamples(examplesOf(readFileSync(join(ROOT, rule.docs), 'utf8')).examples).filter((e) => e.section === 'Example');
  return bad.map((e, i) => ({ id: rule.id, n: i + 1, subsection: e.subsection, yaml: e.yaml }));
});

/** The lines stylish prints for one finding: its `file:line:col: severity ruleId` header up to the next header. */
function stylishBlock(out: string, f: Finding): string {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${f.file}:${f.line}:${f.column}: `) && l.includes(` ${f.ruleId} `));
  expect(start).toBeGreaterThanOrEqual(0);
  let end = start + 1;
  while (end < lines.length && !/^\S+:\d+:\d+: /.test(lines[end]) && lines[end].trim()) end++;
  return lines.slice(start, end).join('\n');
}

async function withExample<T>(fileName: string, text: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-fix-page-'));
  try {
    writeFileSync(join(dir, fileName), text);
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("--fix on the rule pages' bad examples", () => {
  test('every static rule page has a runnable bad example', () => {
    for (const rule of STATIC_RULES) expect(CASES.filter((c) => c.id === rule.id).length).toBeGreaterThan(0);
  });

  test.each(CASES.map((c) => [`${c.id} #${c.n} ${c.subsection}`, c] as const))('%s', async (_name, c) => {
    const fileName = FILE_FOR_SUBSECTION[c.subsection];
    await withExample(fileName, c.yaml, async (dir) => {
      const read = () => readFileSync(join(dir, fileName), 'utf8');
      const before = await findingsOf(fileName, dir);
      const own = before.filter((f) => f.ruleId === c.id && !f.suppressed);
      expect(own.length).toBeGreaterThan(0);
      if (NO_FIX.has(c.id)) {
        // The finding says there is no automatic fix: none in JSON, no `fix:` line in its stylish block.
        for (const f of own) expect(f.remediation.fix).toBeUndefined();
        const stylish = (await run([fileName], dir)).stdout;
        for (const f of own) expect(stylishBlock(stylish, f)).not.toMatch(/^\s*fix: /m);
      } else for (const f of own) expect(f.remediation.fix).toBeDefined();
      const toFix = fixable(before);
      const safeFixes = toFix.filter((f) => f.remediation.fix!.safety === 'safe');
      const unsafeFixes = toFix.filter((f) => f.remediation.fix!.safety === 'unsafe');

      // Safe fixes first: they fix exactly the safe findings; an unsafe one is held for --unsafe-fixes.
      const safe = await run(['--fix', fileName], dir);
      expect(safe.code).not.toBe(2);
      const afterSafe = new Set((await findingsOf(fileName, dir)).map(key));
      for (const f of safeFixes) expect(afterSafe.has(key(f))).toBe(false);
      for (const f of unsafeFixes) expect(afterSafe.has(key(f))).toBe(true);
      const args = unsafeFixes.length ? ['--fix', '--unsafe-fixes', fileName] : ['--fix', fileName];
      if (unsafeFixes.length) expect((await run(args, dir)).code).not.toBe(2);

      const fixed = read();
      const expectedFile = join(GOLDEN, `${c.id}-${c.n}${extname(fileName)}`);
      if (process.env.UPDATE_GOLDEN || !existsSync(expectedFile)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(expectedFile, fixed);
      }
      expect(fixed).toBe(readFileSync(expectedFile, 'utf8'));
      // Byte-identical when nothing in the example has a fix (a no-fix rule's example may hold another rule's fix).
      expect(fixed !== c.yaml).toBe(toFix.length > 0);

      // The rescan: none of the fixed findings, nothing that was not there before, nothing fixable left.
      const after = await findingsOf(fileName, dir);
      const remaining = new Set(after.map(key));
      for (const f of toFix) expect(remaining.has(key(f))).toBe(false);
      if (NO_FIX.has(c.id)) for (const f of own) expect(remaining.has(key(f))).toBe(true);
      const was = new Set(before.map(key));
      expect(after.filter((f) => !was.has(key(f))).map(key)).toEqual([]);
      expect(fixable(after).map(key)).toEqual([]);

      // Idempotent: a second --fix changes nothing.
      await run(args, dir);
      expect(read()).toBe(fixed);
    });
  });
});
