// A command line util.parseArgs rejects (an option cachelint does not have, like `--autofix`, or an option without its
// value) is one line on stderr that names the option and points at --help, exit 2, and nothing is scanned or sent.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbe } from '../../lib/probe/cli';
import { runCli } from './run';

const dirs: string[] = [];
const tmp = () => {
  dirs.push(mkdtempSync(join(tmpdir(), 'cachelint-argv-')));
  return dirs[dirs.length - 1];
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with a file that has findings: a run that scanned it would print them and exit 1. */
function withFinding(): string {
  const dir = tmp();
  writeFileSync(
    join(dir, 'kong.yaml'),
    [
      '_format_version: "3.0"',
      'services:',
      '  - name: s',
      '    url: http://s',
      '    routes:',
      '      - name: r',
      '        paths: [/hooks]',
      '        methods: [POST]',
      '    plugins:',
      '      - name: proxy-cache',
      '        config: { strategy: memory, request_method: [GET, POST] }',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('unknown options', () => {
  test.each([
    [['--autofix'], '--autofix'],
    [['--autofix', 'kong.yaml'], '--autofix'],
    [['kong.yaml', '--autofix'], '--autofix'],
    [['--autofix=all'], '--autofix'],
    [['-x'], '-x'],
    [['-qx'], '-x'], // a known short option bundled with an unknown one
    [['--Format', 'json'], '--Format'], // options are case-sensitive
  ])('%j: one line naming %s, exit 2, nothing scanned', async (args, option) => {
    const r = await runCli(args, withFinding());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cachelint: unknown option '${option}' (see cachelint --help)\n`);
  });

  test('an option without its value: one line, exit 2', async () => {
    const r = await runCli(['kong.yaml', '--format'], withFinding());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cachelint: option '-f, --format <value>' argument missing (see cachelint --help)\n`);
  });

  test('a boolean option given a value: one line, exit 2', async () => {
    const r = await runCli(['--quiet=yes', 'kong.yaml'], withFinding());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cachelint: option '-q, --quiet' does not take an argument (see cachelint --help)\n`);
  });

  test('the look-alikes still work: known options scan, and after `--` a name starting with - is a path', async () => {
    const dir = withFinding();
    const known = await runCli(['-q', '--format', 'json', 'kong.yaml'], dir);
    expect(known.code).toBe(1);
    expect(JSON.parse(known.stdout).findings.length).toBeGreaterThan(0);
    const path = await runCli(['--format', 'json', '--', '--fix'], dir);
    expect(path.code).toBe(2);
    expect(JSON.parse(path.stdout).errors).toMatchObject([{ file: '--fix', code: 'unreadable' }]);
    expect(path.stderr).toBe('');
  });

  test('cachelint probe: the same one line with its own --help, nothing sent', async () => {
    let stdout = '';
    let stderr = '';
    const sent: unknown[] = [];
    const code = await runProbe(
      ['https://api.example.com/hooks', '--method', 'POST', '--fix'],
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, cwd: tmp() },
      async (req) => {
        sent.push(req);
        throw new Error('must not send');
      },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cachelint probe: unknown option '--fix' (see cachelint probe --help)\n`);
    expect(sent).toEqual([]);
  });

  test('the installed command prints exactly that line (no stack, no usage dump)', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '../../bin/cachelint.js'), '--autofix'], { cwd: withFinding(), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cachelint: unknown option '--autofix' (see cachelint --help)\n`);
  });
});
