import type { FileRecord, InputError } from './findings';
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
export declare function discover(paths: readonly string[], options: DiscoverOptions): {
    files: Candidate[];
    errors: InputError[];
    skipped: FileRecord[];
};
/**
 * Whether a walk of `cwd` (or, for a file outside it, of the file's folder) would leave `file` out, decided by the
 * same rules the walk applies, folder by folder from the walk's start: `--print-config` answers with this.
 */
export declare function ignoredInWalk(file: string, options: DiscoverOptions): Ignored | undefined;
