import type { InputError } from './findings';
export interface Candidate {
    /** As shown to the user: relative to cwd when inside it, with forward slashes. */
    file: string;
    absolute: string;
    /** Named on the command line (unknown format is then an error, not a skip). */
    named: boolean;
}
export declare function discover(paths: readonly string[], options: {
    cwd: string;
    ignore: RegExp[];
}): {
    files: Candidate[];
    errors: InputError[];
};
