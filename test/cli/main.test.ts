import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../lib/cli/main';

export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'cachelint-cli-'));

describe('usage', () => {
  test('--help and --version exit 0', async () => {
    expect((await runCli(['--help'], tmp())).stdout).toMatch(/Usage: cachelint/);
    expect((await runCli(['--version'], tmp())).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
  test('unknown option or format is exit 2 with a message', async () => {
    const a = await runCli(['--nope'], tmp());
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/nope/);
    const b = await runCli(['--format', 'xml'], tmp());
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/unknown --format "xml"/);
  });
  test('--fail-on must be a severity', async () => {
    expect((await runCli(['--fail-on', 'fatal'], tmp())).code).toBe(2);
  });
});

describe('no silent pass', () => {
  test('a folder with no scannable file is exit 2, visible in json', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(join(dir, 'notes.md'), '# hi');
    const r = await runCli(['--format', 'json', '.'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors[0]).toMatchObject({ code: 'no-input' });
    expect(out.files).toEqual([{ file: 'package.json', status: 'skipped', reason: expect.any(String) }]);
  });
  test('a named file of unknown format is exit 2 with its location', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'compose.yaml'), 'version: "3"\nservices_x: {}\n');
    const r = await runCli(['compose.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/compose\.yaml:1:1: input error unknown-format/);
  });
  test('a missing path is exit 2', async () => {
    const r = await runCli(['nope.yaml'], tmp());
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/nope\.yaml: input error unreadable/);
  });
  test('invalid YAML that looks like ours is a located error in a directory walk', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'gw'));
    writeFileSync(join(dir, 'gw', 'kong.yaml'), '_format_version: "3.0"\nservices:\n  - name: a\n    url: [\n');
    const r = await runCli(['--format', 'json'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors[0]).toMatchObject({ file: 'gw/kong.yaml', code: 'parse', line: expect.any(Number), column: expect.any(Number) });
  });
  test('node_modules and .git are not walked', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'kong.yaml'), '_format_version: "3.0"\nservices: [\n');
    const r = await runCli(['--format', 'json'], dir);
    expect(JSON.parse(r.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['no-input']);
  });
});

describe('config', () => {
  test('unknown keys are errors with a location', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'rules:\n  CL001: off\nwebhook_paths: []\n');
    const r = await runCli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cachelint\.config\.yaml:3:1: config error: unknown key "webhook_paths"/);
  });
  test('bad severities are errors', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'rules:\n  CL001: fatal\n');
    expect((await runCli(['.'], dir)).stderr).toMatch(/"fatal" is not one of/);
  });
  test('--print-config shows the effective settings', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cachelint.config.yaml'), 'rules:\n  CL007: off\n');
    const r = await runCli(['--print-config', 'kong.yaml'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).config.rules).toMatchObject({ CL007: 'off' });
  });
});
