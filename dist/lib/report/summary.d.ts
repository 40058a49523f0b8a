import type { Finding, ScanResult } from '../findings';
export interface Summary {
    filesScanned: number;
    filesSkipped: number;
    /** Folders a directory walk left out (built-in, config `ignore`, git): listed in `files` with `kind: 'folder'`. */
    foldersSkipped: number;
    filesWithErrors: number;
    errors: number;
    findings: {
        error: number;
        warning: number;
        info: number;
        total: number;
    };
    suppressed: number;
    baseline?: {
        file: string;
        matched: number;
        new: number;
        stale: number;
    };
}
export declare function summarize(result: ScanResult): Summary;
/** Findings a reporter shows: unsuppressed ones, and with --quiet only errors. */
export declare function visibleFindings(result: ScanResult, quiet?: boolean): Finding[];
/** `affects 9 routes: a, b, c, d, e, ... (+4)`: the routes one setting affects, compact. */
export declare function affectsLine(routes: readonly string[], shown?: number): string;
/** `CL001 unsafe-method-cached`; checks whose id is already their name (`unused-suppression`) are named once. */
export declare function ruleLabel(f: Pick<Finding, 'ruleId' | 'ruleName'>): string;
/** ` Affects 3 routes: a, b, c.` after a message, when one setting affects several routes; else nothing. */
export declare function affectsSentence(finding: Pick<Finding, 'routes'>): string;
