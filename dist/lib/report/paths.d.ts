/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees); else `start`. */
export declare function repositoryRoot(start: string): string;
export interface RootedPath {
    /** Forward-slash path relative to `root`, or undefined when the file lies outside it. */
    relative?: string;
    absolute: string;
}
/** Live findings (`cachelint probe`) name a URL, not a file: kept as is, never joined to a folder. */
export declare function isUrl(file: string): boolean;
/** `file` as reported by the engine (relative to `cwd`, or absolute) against `root`. */
export declare function rooted(file: string, cwd: string, root: string): RootedPath;
/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export declare function relativeUri(path: string): string;
export declare function fileUri(absolute: string, isFolder?: boolean): string;
