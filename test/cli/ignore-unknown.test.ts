import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { toyFile, useToyAdapter } from './toy-adapter';

useToyAdapter();

// What pre-commit / lint-staged pass: every staged YAML/JSON file, most of them not ours.
function stagedFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-staged-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
  writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}\n');
  writeFileSync(join(dir, 'values.yaml'), 'image: {{ .Values.image }}\n'); // not YAML at all, and not ours
  writeFileSync(join(dir, 'toy.yaml'), toyFile([{ path: '/webhooks/a', cache_post: true }]));
  writeFileSync(join(dir, 'safe.yaml'), toyFile([{ path: '/webhooks/a' }]));
  return dir;
}
const OTHERS = ['.github/workflows/ci.yml', 'package.json', 'values.yaml'];

describe('--ignore-unknown', () => {
  test('named files that are not ours are skipped (listed in json), ours are still judged', async () => {
    const dir = stagedFiles();
    const r = await runCli(['--ignore-unknown', '--format', 'json', ...OTHERS, 'toy.yaml'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    expect(out.findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual(['CL001 toy.yaml']);
    expect(
      out.files
        .filter((f: { status: string }) => f.status === 'skipped')
        .map((f: { file: string }) => f.file)
        .sort(),
    ).toEqual([...OTHERS].sort());
  });

  test('only unrelated files staged: exit 0, nothing printed as an error', async () => {
    const dir = stagedFiles();
    const r = await runCli(['--ignore-unknown', ...OTHERS], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 finding\(s\).*0 file\(s\) scanned, 3 skipped/);
    expect((await runCli(['--ignore-unknown', ...OTHERS, 'safe.yaml'], dir)).code).toBe(0);
  });

  test('without the flag the same files are exit 2 (no silent pass by default)', async () => {
    const dir = stagedFiles();
    const r = await runCli([...OTHERS, 'toy.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/package\.json:1:1: input error unknown-format/);
  });

  test('a file that looks like ours but is broken is still an error', async () => {
    const dir = stagedFiles();
    writeFileSync(join(dir, 'kong.yaml'), '_format_version: "3.0"\nservices:\n  - name: a\n    url: [\n');
    expect((await runCli(['--ignore-unknown', 'kong.yaml', 'package.json'], dir)).code).toBe(2);
  });
});
