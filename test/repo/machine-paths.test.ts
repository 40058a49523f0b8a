// No file of the repository names a path on one developer's machine (a home folder, a workspace, a drive letter): in a
// test it breaks every other clone, in code or docs it points users at nothing. Files are what git tracks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

// The patterns are written so that this file does not match itself. A Unix path counts only where a path can start
// (not inside a URL or after a relative segment: `https://host/home/`, `src/` + `work/` are fine). A Windows one is a
// drive letter, a colon and a backslash (doubled inside a string literal), not after a word character or a backslash
// (a regex's `\d:\\`), and not a YAML key before an escape in a string literal (`'a:\n'`).
const UNIX = /(?:^|[\s'"`(=,;[{<>]|file:\/\/)(\/(?:work|home|Users)\/[^\s'"`)]*)/gm;
const WINDOWS = /(?<![\w\\])([A-Za-z]:(?:\\\\|\\(?![nrtbfvux0]))[^\s'"`)]*)/g;

/** `file:line: path` for every machine path in a text. */
function machinePaths(file: string, text: string): string[] {
  const hits: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const re of [UNIX, WINDOWS]) for (const m of line.matchAll(re)) hits.push(`${file}:${i + 1}: ${m[1]}`);
  });
  return hits;
}

describe('machine paths', () => {
  test('the patterns: absolute paths of a machine match; URLs, relative paths and escapes do not', () => {
    // Built from parts, so that this file holds no machine path itself.
    const [work, home, users, drive] = ['/wo' + 'rk/', '/ho' + 'me/', '/Use' + 'rs/', 'C' + ':'];
    const bad = [
      `const DIR = '${work}shared/corpus/kong';`,
      `// see ${home}alice/cachelint`,
      `cwd: "${users}bob/src"`,
      `file://${home}carol/x.yaml`,
      `path: ${drive}\\Users\\dave\\repo`,
      `'${drive}\\\\build'`,
    ];
    for (const line of bad) expect(machinePaths('f', line)).toHaveLength(1);
    const fine = [
      'https://example.com/home/index.html',
      'join(ROOT, "../shared/corpus")',
      `src${work}item.ts and ./home/x`,
      String.raw`/^\d:\\/`,
      String.raw`parseYaml('a:\n  b: 1\nX:\t2')`,
      'Kong:8000 and http://localhost:8001/',
      `~${work}notes`,
    ];
    for (const line of fine) expect(machinePaths('f', line)).toEqual([]);
  });

  test('no tracked file names one', () => {
    let files: string[];
    try {
      files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    } catch (e) {
      throw new Error(`git ls-files failed (run the tests from a git clone): ${(e as Error).message}`, { cause: e });
    }
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const file of files) {
      let buf: Buffer;
      try {
        buf = readFileSync(join(ROOT, file));
      } catch {
        continue; // tracked but deleted in the work tree: nothing to read
      }
      if (buf.includes(0)) continue; // binary
      hits.push(...machinePaths(file, buf.toString('utf8')));
    }
    expect(hits).toEqual([]);
  });
});
