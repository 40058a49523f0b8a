// Paths for machine-read reports. GitHub code scanning and workflow annotations resolve a relative path against the
// repository root, not against the folder cachelint ran in; absolute or `//`-prefixed paths are not placed on the
// diff at all (checkov #4539, #5401, #1599). So reports use paths relative to the enclosing git repository.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees); else `start`. */
export function repositoryRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

export interface RootedPath {
  /** Forward-slash path relative to `root`, or undefined when the file lies outside it. */
  relative?: string;
  absolute: string;
}

/** Live findings (`cachelint probe`) name a URL, not a file: kept as is, never joined to a folder. */
export function isUrl(file: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
}

/** `file` as reported by the engine (relative to `cwd`, or absolute) against `root`. */
export function rooted(file: string, cwd: string, root: string): RootedPath {
  if (isUrl(file)) return { absolute: file };
  const absolute = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { absolute };
  return { relative: rel.split(sep).join('/'), absolute };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function fileUri(absolute: string, isFolder = false): string {
  if (isUrl(absolute)) return absolute;
  const href = pathToFileURL(absolute).href;
  return isFolder && !href.endsWith('/') ? href + '/' : href;
}
