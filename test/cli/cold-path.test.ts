// The pre-commit case is one small file, cold: what it costs is mostly node and the modules it loads. A scan loads
// the adapter of the file's format, the reporter it prints with and the rules; the rest loads when an input needs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin/cachelint.js');

/** The repository's own modules a CLI run loaded, relative to dist/ (the CLI runs the committed build). */
function loadedBy(files: Record<string, string>, args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-cold-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const report = `process.on('exit',()=>process.stderr.write('LOADED '+JSON.stringify(Object.keys(require.cache))+'\\n'));`;
  const r = spawnSync(
    process.execPath,
    ['-e', `${report}process.argv=[process.argv[0],${JSON.stringify(CLI)},...${JSON.stringify(args)}];require(${JSON.stringify(CLI)})`],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) throw new Error(`no module list: ${r.stderr}`);
  return (JSON.parse(line.slice('LOADED '.length)) as string[]).filter((f) => f.startsWith(join(ROOT, 'dist'))).map((f) => relative(join(ROOT, 'dist'), f));
}

const KONG = '_format_version: "3.0"\nservices:\n  - name: s\n    url: http://x\n    routes:\n      - name: r\n        paths: [/a]\n';

test('a clean Kong file without directives loads neither the other adapters (their cheap detectors only), the decK patch reader, the suppression pass, the syntax-error helper nor autofix', () => {
  const loaded = loadedBy({ 'kong.yaml': KONG }, ['kong.yaml']);
  expect(loaded).toContain('lib/sources/kong/index.js');
  expect(loaded).toContain('lib/report/stylish.js');
  const unneeded = loaded.filter((f) =>
    /^lib\/(sources\/(cloudformation|kong-ingress)\/(?!detect\.js)|sources\/kong\/(deck-patch|jsonpath)\.js|suppress\.js|parse\/unclosed\.js|fix\/|probe\/|cdk\/|report\/(sarif|junit|json|github))/.test(
      f,
    ),
  );
  expect(unneeded).toEqual([]);
});

test('the parts left out load when an input needs them: a directive comment brings the suppression pass', () => {
  const loaded = loadedBy({ 'kong.yaml': KONG.replace('      - name: r', '      # cachelint-disable-next-line CL003 -- a test\n      - name: r') }, [
    'kong.yaml',
  ]);
  expect(loaded).toContain('lib/suppress.js');
});
