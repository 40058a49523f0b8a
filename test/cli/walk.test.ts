// Directory walks: .gitignore (nested too) and .git/info/exclude are honoured; every folder left out is listed with
// its reason under --verbose and in --format json; --print-config agrees with the walk; named paths are scanned.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from './run';

const KONG = readFileSync(join(__dirname, '../../examples/kong/webhook-gateway.bad.yaml'), 'utf8');
// The built CLI (dist/ is committed and checked against a build), as users run it.
const CLI = join(__dirname, '../../bin/cachelint.js');

/** A folder with the given files (path → content; `null` → the bad Kong example). */
function tree(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-walk-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content ?? KONG);
  }
  return dir;
}

/** The parts of the json format the walk tests read. */
interface WalkOutput {
  files: { file: string; status: string; reason?: string; ignoredBy?: string }[];
  findings: { file: string }[];
  errors: { code: string }[];
}

async function walk(cwd: string, ...paths: string[]) {
  const r = await runCli(['--format', 'json', ...paths], cwd);
  const out = JSON.parse(r.stdout) as WalkOutput;
  const by = (status: string) => out.files.filter((f) => f.status === status);
  return {
    code: r.code,
    out,
    scanned: by('scanned')
      .map((f) => f.file)
      .sort(),
    skipped: Object.fromEntries(by('skipped').map((f) => [f.file, f.ignoredBy ?? f.reason])),
    findingFiles: [...new Set(out.findings.map((f) => f.file))].sort(),
  };
}

async function printConfig(cwd: string, file: string) {
  return JSON.parse((await runCli(['--print-config', file], cwd)).stdout);
}

describe('.gitignore', () => {
  test('gitignored folders and files are left out, each listed with the file and line that ignores it', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '# build output\n\ngenerated/\nvendor\n*.generated.yaml\n',
      'kong.yaml': null,
      'generated/kong.yaml': null,
      'vendor/gw/kong.yaml': null,
      'gw/kong.generated.yaml': null,
      // Safe look-alikes: the same names as patterns would match, but not matched.
      'generated-docs/kong.yaml': null,
      'gw/generated.yaml.bak/kong.yaml': null,
    });
    const w = await walk(dir);
    expect(w.scanned).toEqual(['generated-docs/kong.yaml', 'gw/generated.yaml.bak/kong.yaml', 'kong.yaml']);
    expect(w.findingFiles).toEqual(w.scanned);
    expect(w.skipped).toMatchObject({
      'generated/': '.gitignore:3',
      'vendor/': '.gitignore:4',
      'gw/kong.generated.yaml': '.gitignore:5',
      '.git/': 'built-in: .git',
    });
    expect(w.out.files).toContainEqual({
      file: 'generated/',
      status: 'skipped',
      kind: 'folder',
      reason: 'folder ignored by .gitignore:3 (generated/)',
      ignoredBy: '.gitignore:3',
    });
    expect(w.out.summary).toMatchObject({ filesScanned: 3, filesSkipped: 1, foldersSkipped: 3 });
  });

  test('a nested .gitignore applies below its folder, relative to it, and decides before the ones above', async () => {
    const dir = tree({
      '.gitignore': '*.yaml\n!kong.yaml\n',
      'kong.yaml': null,
      'other.yaml': null,
      'sub/.gitignore': '/local.yaml\r\n!other.yaml\r\nkong.yaml\r\n', // CRLF, as Windows checkouts have them
      'sub/local.yaml': null,
      'sub/deeper/local.yaml': null, // /local.yaml is anchored to sub/
      'sub/other.yaml': null, // re-included by the nearer file
      'sub/kong.yaml': null, // excluded by the nearer file although the root re-includes it
    });
    const w = await walk(dir);
    expect(w.scanned).toEqual(['kong.yaml', 'sub/other.yaml']);
    expect(w.skipped).toEqual({
      'other.yaml': '.gitignore:1',
      'sub/deeper/local.yaml': '.gitignore:1',
      'sub/kong.yaml': 'sub/.gitignore:3',
      'sub/local.yaml': 'sub/.gitignore:1',
    });
  });

  test('a folder re-included by a nearer !pattern is walked; a file under an ignored folder cannot be re-included', async () => {
    const dir = tree({
      '.gitignore': 'build/\ncache/\n!cache/keep.yaml\n',
      'app/.gitignore': '!build/\n',
      'app/build/kong.yaml': null,
      'build/kong.yaml': null,
      'cache/keep.yaml': null,
    });
    const w = await walk(dir);
    expect(w.scanned).toEqual(['app/build/kong.yaml']);
    expect(w.skipped).toEqual({ 'build/': '.gitignore:1', 'cache/': '.gitignore:2' });
  });

  test(".git/info/exclude counts, below every .gitignore; in a linked worktree it is the main repository's", async () => {
    const dir = tree({
      '.git/info/exclude': '# local\nscratch/\nkong.yaml\n',
      '.gitignore': '!kong.yaml\n',
      'kong.yaml': null,
      'scratch/kong.yaml': null,
    });
    const w = await walk(dir);
    expect(w.scanned).toEqual(['kong.yaml']);
    expect(w.skipped).toMatchObject({ 'scratch/': '.git/info/exclude:2' });

    const main = tree({ '.git/info/exclude': 'scratch/\n', '.git/worktrees/wt/commondir': '../..\n' });
    const wt = tree({ 'scratch/kong.yaml': null, 'kong.yaml': null });
    writeFileSync(join(wt, '.git'), `gitdir: ${join(main, '.git/worktrees/wt')}\n`);
    expect((await walk(wt)).skipped).toMatchObject({ 'scratch/': '.git/info/exclude:1' });
  });

  test('rules above the walked folder apply up to the repository root, and not beyond it', async () => {
    const outer = tree({ '.gitignore': 'gw/\n' }); // outside the repository: never read
    const dir = join(outer, 'repo');
    for (const [p, c] of Object.entries({ '.git/HEAD': '', '.gitignore': 'svc/gen/\n', 'svc/gen/kong.yaml': KONG, 'svc/gw/kong.yaml': KONG })) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    expect(await walk(dir, 'svc')).toMatchObject({ scanned: ['svc/gw/kong.yaml'], skipped: { 'svc/gen/': '.gitignore:1' } });
    const fromSvc = await walk(join(dir, 'svc'));
    expect(fromSvc).toMatchObject({ scanned: ['gw/kong.yaml'], skipped: { 'gen/': `${dir}/.gitignore:1` } }); // outside cwd: shown absolute
  });

  test('a path named on the command line is scanned even when ignored (the user asked for it)', async () => {
    const dir = tree({ '.gitignore': 'generated/\ncdk.out\n', 'generated/kong.yaml': null, 'generated/deep/kong.yaml': null, 'kong.yaml': null });
    const named = await walk(dir, 'generated/kong.yaml');
    expect(named).toMatchObject({ code: 1, scanned: ['generated/kong.yaml'], findingFiles: ['generated/kong.yaml'] });
    // A named folder is walked, with the rules inside it.
    const folder = await walk(dir, 'generated');
    expect(folder.scanned).toEqual(['generated/deep/kong.yaml', 'generated/kong.yaml']);
  });

  test('without a .gitignore the matcher is never loaded (cold start); with one it is', () => {
    const probe = `const M=require('module');const o=M._load;M._load=function(r,...a){if(r==='ignore')process.stderr.write('LOADED ignore\\n');return o.call(this,r,...a)};`;
    const run = (cwd: string) =>
      spawnSync(process.execPath, ['-e', `${probe}process.argv=[process.argv[0],${JSON.stringify(CLI)},'.'];require(${JSON.stringify(CLI)})`], {
        cwd,
        encoding: 'utf8',
        timeout: 30_000,
      });
    expect(run(tree({ 'kong.yaml': null })).stderr).not.toMatch(/LOADED/);
    expect(run(tree({ 'kong.yaml': null, '.gitignore': 'x/\n' })).stderr).toMatch(/LOADED ignore/);
  });
});

describe('every skipped folder is listed with its reason', () => {
  const FOLDERS = ['node_modules', '.terraform', '.aws-sam', '.serverless', 'coverage'];

  test('built-in folders and CDK asset folders: --verbose and --format json', async () => {
    const files: Record<string, string | null> = { 'kong.yaml': null, 'cdk.out/asset.abc123/kong.yaml': null, 'other/asset.not-cdk/kong.yaml': null };
    for (const f of FOLDERS) files[`${f}/kong.yaml`] = null;
    const dir = tree(files);
    const w = await walk(dir);
    expect(w.scanned).toEqual(['kong.yaml', 'other/asset.not-cdk/kong.yaml']);
    expect(w.skipped).toEqual({
      ...Object.fromEntries(FOLDERS.map((f) => [`${f}/`, `built-in: ${f}`])),
      'cdk.out/asset.abc123/': 'built-in: cdk.out asset',
    });

    const verbose = await runCli(['--verbose', '--no-color'], dir);
    expect(verbose.stdout).toContain(`skipped ${FOLDERS.length + 1} folder(s):`);
    expect(verbose.stdout).toContain('  node_modules/: folder skipped: dependencies (built-in)');
    expect(verbose.stdout).toContain('  .terraform/: folder skipped: Terraform providers and modules (built-in)');
    expect(verbose.stdout).toContain('  .aws-sam/: folder skipped: SAM build output (built-in)');
    expect(verbose.stdout).toContain('  cdk.out/asset.abc123/: folder skipped: CDK asset (built-in)');
    // Not without --verbose; the summary line counts files.
    const quiet = await runCli(['--no-color'], dir);
    expect(quiet.stdout).not.toContain('folder(s)');
    expect(quiet.stdout).toMatch(/2 file\(s\) scanned\n/);
  });

  test('folders left out by the config `ignore` are listed too, with the glob', async () => {
    const dir = tree({ 'cachelint.config.yaml': 'ignore:\n  - legacy\n', 'legacy/kong.yaml': null, 'kong.yaml': null });
    expect((await walk(dir)).skipped).toMatchObject({ 'legacy/': 'legacy' });
  });

  test('a folder whose only file is ignored: exit 2, no-input, and the skipped entries say why', async () => {
    const dir = tree({ '.gitignore': 'generated/\n', 'generated/kong.yaml': null });
    const w = await walk(dir);
    expect(w.code).toBe(2);
    expect(w.out.errors.map((e) => e.code)).toEqual(['no-input']);
    expect(w.skipped).toEqual({ 'generated/': '.gitignore:1' });
  });
});

describe('--print-config agrees with the walk', () => {
  test('ignored / ignoredBy for built-in, gitignored, excluded and config-ignored paths, and not for scanned ones', async () => {
    const dir = tree({
      '.git/info/exclude': 'scratch/\n',
      '.gitignore': 'generated/\n*.generated.yaml\n',
      'cachelint.config.yaml': 'ignore:\n  - legacy\n',
      'sub/.gitignore': 'local.yaml\n',
      'kong.yaml': null,
      'generated/kong.yaml': null,
      'gw/kong.generated.yaml': null,
      'scratch/kong.yaml': null,
      'legacy/kong.yaml': null,
      'node_modules/pkg/kong.yaml': null,
      'sub/local.yaml': null,
      'sub/kong.yaml': null,
    });
    const w = await walk(dir);
    const expected: Record<string, string | undefined> = {
      'kong.yaml': undefined,
      'sub/kong.yaml': undefined,
      'generated/kong.yaml': '.gitignore:1',
      'gw/kong.generated.yaml': '.gitignore:2',
      'scratch/kong.yaml': '.git/info/exclude:1',
      'legacy/kong.yaml': 'legacy',
      'node_modules/pkg/kong.yaml': 'built-in: node_modules',
      'sub/local.yaml': 'sub/.gitignore:1',
    };
    for (const [file, by] of Object.entries(expected)) {
      const out = await printConfig(dir, file);
      expect({ file, ignored: out.ignored, ignoredBy: out.ignoredBy }).toEqual({ file, ignored: by !== undefined, ignoredBy: by });
      // The walk says the same: the file is scanned, or it (or the folder holding it) is skipped for that reason.
      if (by === undefined) expect(w.scanned).toContain(file);
      else expect(Object.entries(w.skipped).find(([p]) => p === file || file.startsWith(p))?.[1]).toBe(by);
    }
    expect((await printConfig(dir, 'node_modules/pkg/kong.yaml')).ignoredNote).toMatch(
      /dependencies \(built-in\); a file named on the command line is still scanned/,
    );
  });
});
