// No silent pass (issue 6, item 4), in every output format: a named file of unknown format, a folder with no file at
// all, a folder whose every file is skipped, an unreadable file next to a good one, and a value that decides a rule
// but cannot be resolved (CL006) are each visible in the report and in the exit code as the README says
// (2 for any input that could not be read or recognised; CL006 is a warning: exit 0 by default, 1 with --fail-on warning).
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableFormats } from '../../lib/report';
import { runCli } from '../cli/run';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'];
const FIXTURES = join(__dirname, '../fixtures');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-nsp-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

interface Sarif {
  runs: {
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { descriptor?: { id: string }; message: { text: string } }[] }[];
    results: { ruleId: string }[];
  }[];
}

/** The input-error codes a report shows, read the way each format's consumer reads it. */
function inputErrorCodes(format: string, out: string): string[] {
  switch (format) {
    case 'json':
      return (JSON.parse(out) as { errors: { code: string }[] }).errors.map((e) => e.code);
    case 'sarif': {
      const inv = (JSON.parse(out) as Sarif).runs[0].invocations[0];
      expect(inv.executionSuccessful).toBe(false);
      return (inv.toolExecutionNotifications ?? []).map((n) => n.descriptor?.id ?? '');
    }
    case 'junit':
      return [...out.matchAll(/<error type="([^"]+)"/g)].map((m) => m[1]);
    case 'github':
      return [...out.matchAll(/^::error [^\n]*title=cachelint input error \(([^)]+)\)::/gm)].map((m) => m[1]);
    default:
      return [...out.matchAll(/: input error ([\w-]+):/g)].map((m) => m[1]);
  }
}

/** The rule ids of the findings a report shows. */
function ruleIds(format: string, out: string): string[] {
  switch (format) {
    case 'json':
      return (JSON.parse(out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    case 'sarif':
      return (JSON.parse(out) as Sarif).runs[0].results.map((r) => r.ruleId);
    case 'junit':
      return [...out.matchAll(/<failure [^>]*type="(CL\d+)"/g)].map((m) => m[1]);
    case 'github':
      return [...out.matchAll(/^::(?:error|warning|notice) [^\n]*?\b(CL\d{3})\b/gm)].map((m) => m[1]);
    default:
      return [...out.matchAll(/\b(CL\d{3})\b/g)].map((m) => m[1]).filter((id, i, all) => all.indexOf(id) === i);
  }
}

test('the formats under test are every format the CLI offers', () => {
  expect([...availableFormats()].sort()).toEqual([...FORMATS].sort());
});

describe.each(FORMATS)('--format %s', (format) => {
  test('a named file of unknown format: exit 2, the file and unknown-format in the report', async () => {
    const dir = folder({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const r = await runCli(['--format', format, 'compose.yaml'], dir);
    expect(r.code).toBe(2);
    expect(inputErrorCodes(format, r.stdout)).toEqual(['unknown-format']);
    expect(r.stdout).toContain('compose.yaml');
  });

  test('an empty folder: exit 2, no-input in the report', async () => {
    const r = await runCli(['--format', format, '.'], folder({}));
    expect(r.code).toBe(2);
    expect(inputErrorCodes(format, r.stdout)).toEqual(['no-input']);
  });

  test('a folder whose every file is skipped: exit 2, no-input in the report', async () => {
    const dir = folder({ 'package.json': '{"name":"x"}\n', 'docs/notes.yaml': 'title: notes\n', '.github/workflows/ci.yml': 'on: push\njobs: {}\n' });
    const r = await runCli(['--format', format, '.'], dir);
    expect(r.code).toBe(2);
    expect(inputErrorCodes(format, r.stdout)).toEqual(['no-input']);
  });

  test('a broken link and a symlink loop next to a good file: exit 2, each named, the good file still scanned', async () => {
    const dir = folder({ 'ok/kong.yaml': readFileSync(join(FIXTURES, 'kong/rules/CL001.bad.yaml'), 'utf8') });
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'broken.yaml'));
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    const r = await runCli(['--format', format, '.'], dir);
    expect(r.code).toBe(2);
    expect(inputErrorCodes(format, r.stdout)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    for (const name of ['broken.yaml', 'loop-a.yaml', 'loop-b.yaml']) expect(r.stdout).toContain(name);
    expect(ruleIds(format, r.stdout)).toContain('CL001');
  });

  test('an unresolvable value that decides a rule (CL006): reported; exit 0 at the default --fail-on error, 1 at warning', async () => {
    const dir = folder({ 'template.yaml': readFileSync(join(FIXTURES, 'cloudformation/cl006-parameter.bad.yaml'), 'utf8') });
    const r = await runCli(['--format', format, 'template.yaml'], dir);
    expect(r.code).toBe(0);
    expect(ruleIds(format, r.stdout)).toContain('CL006');
    const strict = await runCli(['--format', format, '--fail-on', 'warning', 'template.yaml'], dir);
    expect(strict.code).toBe(1);
    expect(ruleIds(format, strict.stdout)).toContain('CL006');
  });
});

test('stylish never shows the check mark of a clean run when an input could not be read', async () => {
  const r = await runCli(['--format', 'stylish', '.'], folder({}));
  const summary = r.stdout.trim().split('\n').pop()!;
  expect(summary).toMatch(/^✖ 0 finding\(s\).*1 input error\(s\)$/);
});
