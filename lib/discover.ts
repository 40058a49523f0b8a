// File discovery for the CLI: named files are always inputs; directories are walked for YAML/JSON files, skipping
// dependency and VCS folders, what cachelint.config.yaml `ignore` lists, and what git ignores (`.gitignore` files,
// nested ones too, and `.git/info/exclude`). Every folder left out, and every YAML/JSON file left out by a pattern, is
// returned as a skipped entry with the rule that left it out. Directory symlinks are not followed (no loops); nothing
// unreadable is dropped silently. A path named on the command line is scanned even when it is ignored: the user asked.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileRecord, InputError } from './findings';
import { matchesAny } from './glob';
import type { Ignore } from 'ignore';

export interface Candidate {
  /** As shown to the user: relative to cwd when inside it, with forward slashes. */
  file: string;
  absolute: string;
  /** Named on the command line (unknown format is then an error, not a skip). */
  named: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  ignore: RegExp[];
  /** The globs `ignore` was compiled from (same order), to name the one that matched. */
  ignoreGlobs?: readonly string[];
}

/** Why a directory walk leaves a path out: `built-in: node_modules`, `.gitignore:3`, or the config glob. */
export interface Ignored {
  ignoredBy: string;
  reason: string;
}

const SKIP_DIRS: Record<string, string> = {
  node_modules: 'dependencies',
  '.git': 'version control',
  '.hg': 'version control',
  '.svn': 'version control',
  '.terraform': 'Terraform providers and modules',
  '.aws-sam': 'SAM build output',
  '.serverless': 'Serverless Framework build output',
  '.stryker-tmp': 'mutation testing sandbox',
  coverage: 'test coverage output',
};
const EXTENSIONS = /\.(ya?ml|json|template)$/i;

export function discover(paths: readonly string[], options: DiscoverOptions): { files: Candidate[]; errors: InputError[]; skipped: FileRecord[] } {
  const files: Candidate[] = [];
  const errors: InputError[] = [];
  const skipped: FileRecord[] = [];
  const seen = new Set<string>();
  const display = displayFor(options.cwd);
  const git = new GitIgnores(display, errors);
  const add = (abs: string, named: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ file: display(abs), absolute: abs, named });
  };

  for (const p of paths) {
    const abs = resolve(options.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      errors.push({ file: p, code: 'unreadable', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) walk(abs, git.levelsFor(abs));
    else add(abs, true);
  }
  return { files, errors, skipped };

  function walk(dir: string, inherited: Level[]) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ file: display(dir), code: 'unreadable', message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const levels = git.enter(dir, inherited, (name) => entries.some((e) => e.name === name));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const shown = display(abs);
      const isDir = entry.isDirectory();
      // Only folders and files that could be inputs are worth a line: README.md left out by `*.md` is not news.
      if (!isDir && !EXTENSIONS.test(entry.name)) continue;
      const verdict = judge(abs, shown, isDir, levels, git, options);
      if ('ignoredBy' in verdict) {
        skipped.push({
          file: isDir ? `${shown}/` : shown,
          status: 'skipped',
          ...(isDir ? { kind: 'folder' as const } : {}),
          reason: verdict.reason,
          ignoredBy: verdict.ignoredBy,
        });
        continue;
      }
      if (isDir) walk(abs, verdict.levels);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        if (entry.isSymbolicLink()) {
          try {
            if (!statSync(abs).isFile()) continue; // a link to a directory: not followed, so no loops
          } catch (e) {
            errors.push({ file: shown, code: 'unreadable', message: `broken symbolic link: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
            continue;
          }
        }
        add(abs, false);
      }
    }
  }
}

/**
 * Whether a walk of `cwd` (or, for a file outside it, of the file's folder) would leave `file` out, decided by the
 * same rules the walk applies, folder by folder from the walk's start: `--print-config` answers with this.
 */
export function ignoredInWalk(file: string, options: DiscoverOptions): Ignored | undefined {
  const abs = resolve(options.cwd, file);
  const inside = relative(options.cwd, abs);
  const start = inside && !inside.startsWith('..') && !inside.startsWith(sep) ? options.cwd : dirname(abs);
  const git = new GitIgnores(displayFor(options.cwd), []);
  let levels = git.levelsFor(start);
  let dir = start;
  const parts = relative(start, abs).split(sep).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    levels = git.enter(dir, levels, (name) => existsSync(join(dir, name)));
    const next = join(dir, parts[i]);
    const isDir = i < parts.length - 1;
    const verdict = judge(next, displayFor(options.cwd)(next), isDir, levels, git, options);
    if ('ignoredBy' in verdict) return verdict;
    levels = verdict.levels;
    dir = next;
  }
  return undefined;
}

function judge(abs: string, shown: string, isDir: boolean, levels: Level[], git: GitIgnores, options: DiscoverOptions): Ignored | { levels: Level[] } {
  const name = abs.slice(abs.lastIndexOf(sep) + 1);
  if (isDir && Object.hasOwn(SKIP_DIRS, name)) return { ignoredBy: `built-in: ${name}`, reason: `folder skipped: ${SKIP_DIRS[name]} (built-in)` };
  // CDK cloud assemblies hold Lambda code and Docker contexts as asset.* folders: not configuration.
  if (isDir && name.startsWith('asset.') && dirname(abs).endsWith('cdk.out'))
    return { ignoredBy: 'built-in: cdk.out asset', reason: 'folder skipped: CDK asset (built-in)' };
  if (options.ignore.length && matchesAny(shown, options.ignore)) {
    const glob = options.ignoreGlobs?.[options.ignore.findIndex((re) => re.test(shown))] ?? 'ignore';
    return { ignoredBy: glob, reason: `${isDir ? 'folder ' : ''}skipped: matches ignore '${glob}' in the cachelint config` };
  }
  const decision = git.decide(levels, abs, isDir);
  if (decision.ignoredBy) return { ignoredBy: decision.ignoredBy, reason: `${isDir ? 'folder ' : ''}ignored by ${decision.ignoredBy} (${decision.pattern})` };
  return { levels: decision.levels };
}

function displayFor(cwd: string) {
  return (abs: string) => {
    const rel = relative(cwd, abs);
    const shown = rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : abs;
    return shown.split(sep).join('/');
  };
}

// --- git ignore rules ------------------------------------------------------------------------------------------

/** The rules of one ignore file; patterns are relative to `base` (the folder of the .gitignore, or the repo root). */
interface Level {
  base: string;
  ig: Ignore;
}

/**
 * Git's precedence: the .gitignore nearest to the path decides first (the last matching line in it), then the ones
 * above it up to the repository root, then `.git/info/exclude`. A folder git leaves out is not walked, so nothing
 * under it can be re-included. Rules are matched with the `ignore` package (loaded only when an ignore file exists).
 */
class GitIgnores {
  constructor(
    private readonly display: (abs: string) => string,
    private readonly errors: InputError[],
  ) {}

  /** Rules that apply inside `start` from above it: `.git/info/exclude` and the .gitignore files from the repo root down. */
  levelsFor(start: string): Level[] {
    const root = repositoryRoot(dirname(start));
    if (!root || root === start) return [];
    let levels: Level[] = this.exclude(root);
    const chain: string[] = [];
    for (let d = dirname(start); ; d = dirname(d)) {
      chain.unshift(d);
      if (d === root) break;
    }
    for (const d of chain) levels = levels.concat(this.load(join(d, '.gitignore'), d));
    // A folder named on the command line is walked even when ignored: rules that leave it out do not apply inside it.
    return levels.filter((l) => !l.ig.ignores(rel(l.base, start, true)));
  }

  /** The rules inside `dir`: a nested repository starts afresh; its own .gitignore comes last (highest precedence). */
  enter(dir: string, inherited: Level[], has: (name: string) => boolean): Level[] {
    let levels = inherited;
    if (has('.git')) levels = this.exclude(dir);
    if (has('.gitignore')) levels = levels.concat(this.load(join(dir, '.gitignore'), dir));
    return levels;
  }

  decide(levels: Level[], abs: string, isDir: boolean): { ignoredBy?: string; pattern?: string; levels: Level[] } {
    for (let i = levels.length - 1; i >= 0; i--) {
      const r = levels[i].ig.test(rel(levels[i].base, abs, isDir));
      if (r.ignored) return { ignoredBy: r.rule!.mark, pattern: r.rule!.pattern, levels };
      // Re-included by a nearer `!pattern`: rules further up that exclude it do not apply inside it either.
      if (r.unignored) return { levels: isDir ? levels.filter((l, j) => j > i || !l.ig.ignores(rel(l.base, abs, true))) : levels };
    }
    return { levels };
  }

  private exclude(root: string): Level[] {
    const file = excludeFile(root);
    return file ? this.load(file, root, '.git/info/exclude') : [];
  }

  private load(file: string, base: string, label = this.display(file)): Level[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return [];
      this.errors.push({ file: label, code: 'unreadable', message: `cannot read ignore file: ${code ?? (e as Error).message}` });
      return [];
    }
    const patterns: { pattern: string; mark: string }[] = [];
    text.split('\n').forEach((line, i) => {
      const pattern = line.replace(/\r$/, '');
      if (pattern.trim() && !pattern.startsWith('#')) patterns.push({ pattern, mark: `${label}:${i + 1}` });
    });
    if (!patterns.length) return [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ignore = require('ignore') as typeof import('ignore');
    return [{ base, ig: ignore().add(patterns) }];
  }
}

function rel(base: string, abs: string, isDir: boolean): string {
  return relative(base, abs).split(sep).join('/') + (isDir ? '/' : '');
}

function repositoryRoot(from: string): string | undefined {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** `.git/info/exclude`; in a linked worktree or submodule `.git` is a file naming the git directory. */
function excludeFile(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return join(dotGit, 'info', 'exclude');
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (!gitdir) return undefined;
    const dir = resolve(root, gitdir);
    // Worktrees share info/exclude with the main repository (`commondir`).
    const common = existsSync(join(dir, 'commondir')) ? resolve(dir, readFileSync(join(dir, 'commondir'), 'utf8').trim()) : dir;
    return join(common, 'info', 'exclude');
  } catch {
    return undefined;
  }
}
