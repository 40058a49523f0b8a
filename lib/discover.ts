// File discovery for the CLI: named files are always inputs; directories are walked for YAML/JSON files, skipping
// dependency and VCS folders. Directory symlinks are not followed (no loops); nothing unreadable is dropped silently.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { InputError } from './findings';
import { matchesAny } from './glob';

export interface Candidate {
  /** As shown to the user: relative to cwd when inside it, with forward slashes. */
  file: string;
  absolute: string;
  /** Named on the command line (unknown format is then an error, not a skip). */
  named: boolean;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.aws-sam', '.serverless', '.stryker-tmp', 'coverage']);
const EXTENSIONS = /\.(ya?ml|json|template)$/i;

export function discover(paths: readonly string[], options: { cwd: string; ignore: RegExp[] }): { files: Candidate[]; errors: InputError[] } {
  const files: Candidate[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const display = (abs: string) => {
    const rel = relative(options.cwd, abs);
    const shown = rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : abs;
    return shown.split(sep).join('/');
  };
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
    if (st.isDirectory()) walk(abs);
    else add(abs, true);
  }
  return { files, errors };

  function walk(dir: string) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ file: display(dir), code: 'unreadable', message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const shown = display(abs);
      if (options.ignore.length && matchesAny(shown, options.ignore)) continue;
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(entry.name)) continue;
        // CDK cloud assemblies hold Lambda code and Docker contexts as asset.* folders: not configuration.
        if (entry.name.startsWith('asset.') && dir.endsWith('cdk.out')) continue;
        walk(abs);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!EXTENSIONS.test(entry.name)) continue;
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
