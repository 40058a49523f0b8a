// dist/ is committed because pre-commit installs cachelint straight from git (`npm install` + `npm pack`, no build
// step, and a prepare script would break pre-commit 3.0.4). This test fails when the committed dist/ (the git index)
// is not exactly what `tsc` makes of the committed sources: a clean build into a sibling folder compared blob by blob
// with `git ls-files -s dist`, both ways.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const isGitCheckout = existsSync(join(ROOT, '.git'));

function gitBlobHash(content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
    .digest('hex');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

(isGitCheckout ? test : test.skip)('committed dist/ matches a fresh build of the sources (run `npm run build` and commit dist/)', () => {
  const outDir = `.dist-check-${process.pid}`;
  const built = join(ROOT, outDir);
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--outDir', outDir], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const fresh = new Map<string, string>();
    for (const f of listFiles(built)) fresh.set('dist/' + relative(built, f).split(sep).join('/'), gitBlobHash(readFileSync(f)));
    const committed = new Map<string, string>();
    const listing = execFileSync('git', ['ls-files', '-s', '--', 'dist'], { cwd: ROOT, encoding: 'utf8' });
    for (const line of listing.split('\n').filter(Boolean)) {
      const [meta, path] = line.split('\t');
      committed.set(path, meta.split(' ')[1]);
    }
    const problems: string[] = [];
    for (const [path, hash] of fresh) {
      if (!committed.has(path)) problems.push(`missing from git: ${path}`);
      else if (committed.get(path) !== hash) problems.push(`out of date: ${path}`);
    }
    for (const path of committed.keys()) if (!fresh.has(path)) problems.push(`no longer built (delete it): ${path}`);
    if (problems.length)
      throw new Error(
        `dist/ in git does not match the TypeScript sources. Run \`rm -rf dist && npm run build && git add -A dist\` and commit.\n` +
          `(pre-commit installs cachelint from this repository without building it.)\n  ${problems.slice(0, 20).join('\n  ')}` +
          (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''),
      );
  } finally {
    rmSync(built, { recursive: true, force: true });
  }
});

if (!isGitCheckout) {
  console.warn('\n*** SKIPPED: dist/ freshness check needs a git checkout (no .git at the repository root). ***\n');
}
