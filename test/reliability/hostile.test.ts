// Hostile input: every file ends scanned or rejected with a located error, in bounded time and memory, and one bad
// file never stops the scan of the others.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../lib/engine';
import { defaultConfig } from '../../lib/config';

const KONG = '_format_version: "3.0"\n';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function bomb(anchorKind: 'alias' | 'merge'): string {
  const lines = [KONG.trim(), 'a0: &a0 {k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v, k8: v, k9: v}'];
  for (let i = 1; i < 9; i++) {
    if (anchorKind === 'alias') lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    else lines.push(`a${i}: &a${i}\n${Array.from({ length: 10 }, (_, j) => `  k${i}_${j}: {<<: *a${i - 1}}`).join('\n')}`);
  }
  return lines.join('\n') + '\n';
}

const cases: Record<string, { content: string | Buffer; code: string; line?: number }> = {
  'alias-bomb.yaml': { content: bomb('alias'), code: 'alias-limit', line: 7 },
  'merge-bomb.yaml': { content: bomb('merge'), code: 'alias-limit' },
  'binary.yaml': { content: Buffer.concat([Buffer.from(KONG), Buffer.from([0, 1, 2, 3])]), code: 'binary', line: 2 },
  'latin1.yaml': { content: Buffer.concat([Buffer.from(KONG + 'services:\n  - name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]), code: 'encoding', line: 3 },
  'deep.yaml': { content: KONG + 'x: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n', code: 'too-deep' },
  'duplicate.yaml': { content: KONG + 'plugins: []\nservices: []\nplugins: []\n', code: 'duplicate-key', line: 4 },
  'code-tag.yaml': { content: KONG + 'services: !!js/function "function(){ process.exit(3) }"\n', code: 'unknown-tag', line: 2 },
  'python-tag.yaml': { content: KONG + 'x: !!python/object/apply:os.system ["touch /tmp/pwned"]\n', code: 'unknown-tag', line: 2 },
};

describe('hostile files are rejected with a located error, and the scan goes on', () => {
  const dir = tree(Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, v.content])));
  const result = scan(['.'], { cwd: dir, config: defaultConfig() });
  for (const [name, expected] of Object.entries(cases)) {
    test(name, () => {
      const e = result.errors.find((x) => x.file === name);
      expect(e).toMatchObject({ code: expected.code });
      if (expected.line) expect(e!.line).toBe(expected.line);
      else expect(e!.line).toEqual(expect.any(Number));
      expect(result.files.find((f) => f.file === name)?.status).toBe('error');
    });
  }
});

test('files over the size limit are refused before they are read', () => {
  const dir = tree({ 'big.yaml': KONG + '#'.repeat(2048) + '\n' });
  const result = scan(['.'], { cwd: dir, config: { ...defaultConfig(), maxFileBytes: 1024 } });
  expect(result.errors[0]).toMatchObject({ file: 'big.yaml', code: 'too-large' });
});

test('symlink loops are not followed; broken links are reported', () => {
  const dir = tree({ 'sub/readme.md': 'x' });
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'broken.yaml'));
  const result = scan(['.'], { cwd: dir, config: defaultConfig() });
  expect(result.errors.find((e) => e.file === 'broken.yaml')).toMatchObject({ code: 'unreadable' });
});

test('a FIFO named on the command line is refused instead of blocking', () => {
  const dir = tree({});
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  const result = scan(['pipe.yaml'], { cwd: dir, config: defaultConfig() });
  expect(result.errors[0]).toMatchObject({ file: 'pipe.yaml', code: 'unreadable' });
  // ...and skipped, not read, in a directory walk.
  const walk = scan(['.'], { cwd: dir, config: defaultConfig() });
  expect(walk.errors.map((e) => e.code)).toEqual(['no-input']);
});
