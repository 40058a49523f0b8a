// Corpus sweep (issue 6): the CLI, in process, over every real third-party file of the corpus (test/helpers/corpus.ts),
// each named on its own. The outcome per file (scanned with which rule ids, or rejected with which located error, and
// the exit code) is pinned in __snapshots__/corpus-sweep.test.ts.snap, so any change of outcome shows up in review.
// After a deliberate change (a new adapter, a rule change): `npx jest -u test/reliability/corpus-sweep` and review.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/run';
import { describeCorpus } from '../helpers/corpus';

// Named, not listed from disk: a clone without the corpus skips each folder's sweep visibly.
const FOLDERS = ['cloudformation', 'k8s-kong', 'kong'];
const RECORD_TEST = 'outcome per file matches the committed record';

// A V8 stack frame ("    at fn (file.js:1:2)") or an engine-level internal error must never reach the user.
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

interface JsonReport {
  files: { file: string; status: string; format?: string }[];
  findings: { ruleId: string; severity: string; line: number; column: number; suppressed?: unknown }[];
  errors: { file: string; code: string; message: string; line?: number; column?: number }[];
}

/** One line per outcome, so the snapshot diff of a changed file is one readable line. */
function outcome(code: number, report: JsonReport): string {
  const file = report.files[0];
  const parts = [`exit ${code}`, file ? `${file.status}${file.format ? ` as ${file.format}` : ''}` : 'no file record'];
  const counts: Record<string, number> = {};
  for (const f of report.findings) {
    const key = `${f.ruleId}${f.severity === 'error' ? '' : `(${f.severity})`}${f.suppressed ? '(suppressed)' : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const rules = Object.keys(counts)
    .sort()
    .map((k) => `${k}×${counts[k]}`);
  if (rules.length) parts.push(rules.join(' '));
  for (const e of report.errors) parts.push(`${e.code}@${e.line ?? '-'}:${e.column ?? '-'} ${e.message.split('\n')[0]}`);
  return parts.join(' | ');
}

for (const folder of FOLDERS)
  describeCorpus(
    folder,
    `corpus/${folder} through the CLI`,
    (dir) => {
      const files = readdirSync(dir)
        .filter((f) => statSync(join(dir, f)).isFile())
        .sort();
      const record: Record<string, string> = {};

      test.each(files)('%s', async (name) => {
        const r = await runCli(['--format', 'json', name], dir);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
        expect(r.stderr).toBe('');
        const report = JSON.parse(r.stdout) as JsonReport;
        // Scanned or rejected, never silently dropped: exactly one record for the named file.
        expect(report.files.map((f) => f.file)).toEqual([name]);
        expect(report.files[0].status).not.toBe('skipped');
        for (const e of report.errors) {
          expect(e.code).not.toBe('internal');
          expect(e.file).toBe(name);
          expect(e.line).toBeGreaterThan(0);
          expect(e.column).toBeGreaterThan(0);
        }
        // Exit code agrees with the report (README: 2 on any input error, else 1 iff an unsuppressed error finding).
        const failing = report.findings.some((f) => !f.suppressed && f.severity === 'error');
        expect(r.code).toBe(report.errors.length ? 2 : failing ? 1 : 0);
        expect(report.files[0].status).toBe(report.errors.length ? 'error' : 'scanned');
        record[name] = outcome(r.code, report);
      });

      test(RECORD_TEST, () => {
        expect(Object.keys(record)).toHaveLength(files.length);
        const exits: Record<string, number> = {};
        for (const line of Object.values(record)) exits[line.slice(0, 6)] = (exits[line.slice(0, 6)] ?? 0) + 1;
        expect({ files: files.length, exits, outcomes: record }).toMatchSnapshot();
      });
    },
    [RECORD_TEST],
  );
