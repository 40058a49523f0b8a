import type { Finding, FixEdit, ScanResult } from '../findings';
export interface FixOptions {
    /** Also apply fixes declared unsafe (they may change what is cached for reads). */
    unsafe: boolean;
    cwd: string;
}
export interface FileChange {
    file: string;
    before: string;
    after: string;
    /** Findings whose edits all applied. */
    fixed: Finding[];
    skipped: {
        finding: Finding;
        why: string;
    }[];
}
export interface FixPlan {
    changes: FileChange[];
    /** Findings with a fix that was not attempted, and why (suppressed, unsafe without --unsafe-fixes, unresolved...). */
    held: {
        finding: Finding;
        why: string;
    }[];
}
/** Why a finding's fix is not applied in this run, or undefined when it is. */
export declare function holdReason(f: Finding, result: ScanResult, options: Pick<FixOptions, 'unsafe'>, unresolved: Set<string>): string | undefined;
/** Computes the new text of every file some finding's fix edits; writes nothing. */
export declare function planFixes(result: ScanResult, options: FixOptions): FixPlan;
/** The text of one file after some edits (SARIF `fixes`); undefined when an edit does not apply. */
export declare function editedText(file: string, text: string, edits: readonly FixEdit[]): string | undefined;
/** Replaces a file's contents atomically: a temp file beside it (same mode), then a rename over it. */
export declare function writeAtomic(abs: string, text: string): void;
/** A unified diff (`diff -u` style, 3 lines of context) of one file. */
export declare function unifiedDiff(file: string, before: string, after: string): string;
/** Line diff: common head and tail stripped, LCS on the (small) middle that fixes change. */
/** How many lines two texts share at the start (`head`) and, after that, at the end (`tail`). */
export declare function commonEnds(a: readonly string[], b: readonly string[]): {
    head: number;
    tail: number;
};
